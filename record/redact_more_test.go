package record_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/record"
)

// Without specs nothing is routed, and still no credential may reach the
// cassette: session cookies both ways, a token in a response trailer, and STS
// credentials in JSON bodies of either side.
func TestUnroutedCallKeepsNoCredentials(t *testing.T) {
	const (
		cookie      = "session=planted-cookie-value-77"
		setCookie   = "sid=planted-set-cookie-88; HttpOnly"
		trailerTok  = "planted-trailer-token-99"
		bodyToken   = "planted-body-sts-token-11"
		bodySecret  = "planted-body-ak-secret-22"
		escapedName = "planted-escaped-key-33"
	)
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Set-Cookie", setCookie)
		w.Header().Set("Trailer", "X-Acs-Security-Token")
		_, _ = io.WriteString(w, `{"RequestId":"r","Credentials":{"AccessKeyId":"STS.id","AccessKeySecret":"`+bodySecret+
			`","SecurityToken":"`+bodyToken+`","Expiration":"2026-01-01T00:00:00Z"},"Size":3}`)
		w.Header().Set("X-Acs-Security-Token", trailerTok)
	}))
	t.Cleanup(up.Close)
	dir := t.TempDir()
	client := &http.Client{Transport: record.Transport(dir, nil)}
	req, err := http.NewRequest("POST", up.URL+"/", strings.NewReader(`{"Name":"n","securitytoken":"`+bodyToken+
		`","Nested":[{"\u0053ecurityToken":"`+escapedName+`"}]}`))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Cookie", cookie)
	status, _, got := get(t, client, req)
	require.Equal(t, 200, status)
	assert.Contains(t, string(got), bodySecret, "the caller gets the answer unredacted")

	files := written(t, dir)
	require.Len(t, files, 1)
	for file, data := range files {
		for _, secret := range []string{"planted-cookie-value-77", "planted-set-cookie-88", trailerTok, bodyToken, bodySecret, escapedName} {
			assert.False(t, bytes.Contains(data, []byte(secret)), "%s holds %q:\n%s", file, secret, data)
		}
		assert.Contains(t, string(data), `"Size":3`, "the rest of the body stays")
		assert.Contains(t, string(data), `STS.id`)
	}
}
