package record_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/record"
)

// Fields the spec marks sensitive stay out of the cassette however the spec
// declares them: under a media type with parameters, under default only, for a
// status the spec does not declare, and with keys in another letter case.
func TestSensitiveFieldsInEveryDeclaration(t *testing.T) {
	set := loadSpecs(t, "testdata/gaps.yaml")
	const (
		pass  = "planted-gap-password-1"
		token = "planted-gap-token-2"
		key   = "planted-gap-key-3"
	)
	for name, tc := range map[string]struct {
		action, reqBody string
		status          int
		respBody        string
		secrets         []string
	}{
		"media type with parameters": {"PutKey", `{"Name":"n","Password":"` + pass + `"}`, 200, `{"RequestId":"r","Token":"` + token + `"}`, []string{pass, token}},
		"undeclared status 201":      {"PutKey", `{"Name":"n"}`, 201, `{"RequestId":"r","Token":"` + token + `"}`, []string{token}},
		"undeclared status 299":      {"PutKey", `{"Name":"n"}`, 299, `{"RequestId":"r","Token":"` + token + `"}`, []string{token}},
		"keys in another case":       {"PutKey", `{"name":"n","PASSWORD":"` + pass + `"}`, 200, `{"requestId":"r","token":"` + token + `"}`, []string{pass, token}},
		"default only":               {"GetKey", ``, 200, `{"RequestId":"r","KeyMaterial":"` + key + `"}`, []string{key}},
		"default only, error status": {"GetKey", ``, 500, `{"RequestId":"r","keymaterial":"` + key + `"}`, []string{key}},
	} {
		t.Run(name, func(t *testing.T) {
			up := newUpstream(t, tc.status, jsonHeader(), tc.respBody)
			dir := t.TempDir()
			client := &http.Client{Transport: record.Transport(dir, nil, record.WithSpecs(set))}
			req, err := http.NewRequest("POST", up.URL+"/", strings.NewReader(tc.reqBody))
			require.NoError(t, err)
			req.Header.Set("Content-Type", "application/json; charset=utf-8")
			req.Header.Set("x-acs-action", tc.action)
			req.Header.Set("x-acs-version", "2022-02-02")
			status, _, _ := get(t, client, req)
			require.Equal(t, tc.status, status)
			files := written(t, dir)
			require.Len(t, files, 1)
			for file, data := range files {
				assert.Contains(t, file, tc.action, "routed")
				for _, s := range tc.secrets {
					assert.False(t, bytes.Contains(data, []byte(s)), "%s holds %q:\n%s", file, s, data)
				}
			}
		})
	}
}

// A body that is not JSON is refused only when the recorded status's own schema
// holds sensitive fields; an HTML error page for another status is recorded.
func TestNonJSONBodyOfAnotherStatusIsRecorded(t *testing.T) {
	set := loadSpecs(t, "testdata/gaps.yaml")
	up := newUpstream(t, 502, http.Header{"Content-Type": {"text/html"}}, "<html>bad gateway</html>")
	dir := t.TempDir()
	client := &http.Client{Transport: record.Transport(dir, nil, record.WithSpecs(set))}
	req, err := http.NewRequest("POST", up.URL+"/", strings.NewReader(`{"Name":"n"}`))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("x-acs-action", "PutKey")
	req.Header.Set("x-acs-version", "2022-02-02")
	status, _, _ := get(t, client, req)
	assert.Equal(t, 502, status)
	assert.Len(t, written(t, dir), 1)
}
