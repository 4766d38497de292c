package record_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/record"
)

// A V2 client uploading a file sends its credentials as parts of a
// multipart/form-data body; they are redacted like form parameters.
func TestMultipartCredentialsRedacted(t *testing.T) {
	up := newUpstream(t, 200, jsonHeader(), `{"RequestId":"r"}`)
	dir := t.TempDir()
	client := &http.Client{Transport: record.Transport(dir, nil)}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for name, v := range map[string]string{"AccessKeyId": plantedKeyID, "signature": plantedV2Sig, "SecurityToken": plantedToken, "Action": "Upload"} {
		require.NoError(t, mw.WriteField(name, v))
	}
	fw, err := mw.CreateFormFile("File", "notes.txt")
	require.NoError(t, err)
	_, _ = fw.Write([]byte("the file content stays"))
	require.NoError(t, mw.Close())
	req, err := http.NewRequest("POST", up.URL+"/", bytes.NewReader(body.Bytes()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	status, _, _ := get(t, client, req)
	require.Equal(t, 200, status)
	_, sent := up.last(t)
	assert.Contains(t, string(sent), plantedToken, "the upstream gets the body as sent")

	files := written(t, dir)
	require.Len(t, files, 1)
	for file, data := range files {
		for _, s := range []string{plantedKeyID, plantedV2Sig, plantedToken} {
			assert.False(t, bytes.Contains(data, []byte(s)), "%s holds %q:\n%s", file, s, data)
		}
		assert.Contains(t, string(data), "the file content stays")
		assert.Contains(t, string(data), "Upload")
	}
}
