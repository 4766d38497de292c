package record_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/record"
)

// Sensitive members of styled parameters travel under flattened keys
// (Auth.Secret, Keys.2.Value), inside a JSON value (Config) or as form fields
// (Password, Cred.Pin): none reaches the cassette, and what is not sensitive stays.
func TestSensitiveValuesUnderFlattenedKeys(t *testing.T) {
	set := loadSpecs(t, "testdata/styled.yaml")
	secrets := []string{"planted-auth-secret", "planted-key-value-1", "planted-key-value-2", "planted-config-token", "planted-form-password", "planted-form-pin"}
	query := url.Values{
		"Auth.User": {"alice"}, "Auth.Secret": {secrets[0]},
		"Keys.1.Id": {"k1"}, "Keys.1.Value": {secrets[1]}, "Keys.2.Id": {"k2"}, "keys.2.value": {secrets[2]},
		"Config": {`{"Mode":"fast","Token":"` + secrets[3] + `"}`},
		"Label":  {"visible-label"},
	}
	form := url.Values{"Password": {secrets[4]}, "Note": {"visible-note"}, "Cred.Name": {"visible-cred"}, "Cred.Pin": {secrets[5]}}
	up := newUpstream(t, 200, jsonHeader(), `{"RequestId":"r"}`)
	dir := t.TempDir()
	client := &http.Client{Transport: record.Transport(dir, nil, record.WithSpecs(set))}
	req, err := http.NewRequest("POST", up.URL+"/?"+query.Encode(), strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("x-acs-action", "Store")
	req.Header.Set("x-acs-version", "2023-03-03")
	status, _, _ := get(t, client, req)
	require.Equal(t, 200, status)
	files := written(t, dir)
	require.Len(t, files, 1)
	for file, data := range files {
		for _, s := range secrets {
			assert.False(t, bytes.Contains(data, []byte(s)), "%s holds %q:\n%s", file, s, data)
		}
		for _, keep := range []string{"alice", "k1", "k2", "visible-label", "visible-note", "visible-cred"} {
			assert.True(t, bytes.Contains(data, []byte(keep)), "%s lost %q", file, keep)
		}
	}
}
