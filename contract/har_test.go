package contract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	browserHAR   = "testdata/har/browser.har"
	mitmproxyHAR = "testdata/har/mitmproxy-v2.har"
)

func TestReadHARBrowserExport(t *testing.T) {
	ixs, err := ReadHAR(browserHAR)
	require.NoError(t, err)
	require.Len(t, ixs, 4)
	ix := ixs[0]
	assert.Equal(t, "GET", ix.Method)
	assert.Equal(t, "https://apig.cn-hangzhou.aliyuncs.com/v1/plugin-attachments/pa-cvl541em1hkk7n8vq810", ix.URL)
	assert.Equal(t, "GetPluginAttachment", ix.Header.Get("X-Acs-Action"))
	assert.Empty(t, ix.Header.Values(":authority"), "HTTP/2 pseudo-headers are not request headers")
	assert.Equal(t, 200, ix.Status)
	assert.JSONEq(t, `"pa-cvl541em1hkk7n8vq810"`, jsonText(must(t, ix.RespBody)["data"].(map[string]any)["pluginAttachmentId"]),
		"the base64 content is decoded")
	assert.Equal(t, "application/json;charset=utf-8", ix.RespHeader.Get("Content-Type"))
	assert.Empty(t, ixs[2].RespBody, "a 304 has no body")
	assert.Equal(t, []byte{0, 0, 1, 0}, ixs[3].RespBody[:4], "binary base64 content stays binary")
}

func must(t *testing.T, body []byte) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(body, &m))
	return m
}

func TestReadHARMitmproxyForm(t *testing.T) {
	ixs, err := ReadHAR(mitmproxyHAR)
	require.NoError(t, err)
	require.Len(t, ixs, 3)
	assert.Contains(t, ixs[0].URL, "Action=AttachPlugin")
	assert.Empty(t, ixs[0].Body)
	assert.Equal(t, "https://apigateway.cn-hangzhou.aliyuncs.com/", ixs[1].URL)
	assert.Contains(t, string(ixs[1].Body), "Action=AttachPlugin&ApiIds=")
	assert.Equal(t, "application/x-www-form-urlencoded", ixs[1].Header.Get("Content-Type"))
}

func TestReadHARFallsBackToQueryStringAndParams(t *testing.T) {
	path := writeHAR(t, `{"log":{"entries":[{
		"request":{"method":"post","url":"https://x.example.com/","headers":[],
			"queryString":[{"name":"Action","value":"A"}],
			"postData":{"mimeType":"application/x-www-form-urlencoded","params":[{"name":"B","value":"1 2"}]}},
		"response":{"status":204,"headers":[],"content":{"size":0,"mimeType":""}}}]}}`)
	ixs, err := ReadHAR(path)
	require.NoError(t, err)
	require.Len(t, ixs, 1)
	assert.Equal(t, "POST", ixs[0].Method)
	assert.Equal(t, "https://x.example.com/?Action=A", ixs[0].URL)
	assert.Equal(t, "B=1+2", string(ixs[0].Body))
	assert.Equal(t, "application/x-www-form-urlencoded", ixs[0].Header.Get("Content-Type"))
}

func TestReadHARErrorsNameFileAndEntry(t *testing.T) {
	const req = `"request":{"method":"GET","url":"https://x.example.com/a","headers":[]}`
	for name, tc := range map[string]struct{ har, want string }{
		"syntax":      {"{\"log\":\n  {\"entries\": [}", `not a HAR file: 2:16: invalid character '}' looking for beginning of value`},
		"type":        {`{"log":{"entries":[{"request":{"method":7}}]}}`, `log.entries[0]: 1:42: request.method is a JSON number, want string`},
		"no log":      {`{"entries":[]}`, "not a HAR file: no log.entries"},
		"no request":  {`{"log":{"entries":[{"response":{"status":200}}]}}`, "log.entries[0]: no request"},
		"no response": {`{"log":{"entries":[{` + req + `}]}}`, "log.entries[0]: no response"},
		"no method":   {`{"log":{"entries":[{"request":{"url":"https://x/"},"response":{"status":200}}]}}`, "log.entries[0]: request.method is missing"},
		"bad url":     {`{"log":{"entries":[{"request":{"method":"GET","url":"/relative"},"response":{"status":200}}]}}`, `log.entries[0]: request.url "/relative" is not an absolute URL`},
		"status 0":    {`{"log":{"entries":[{` + req + `,"response":{"status":0,"content":{}}}]}}`, "log.entries[0]: response.status is 0"},
		"no content":  {`{"log":{"entries":[{` + req + `,"response":{"status":200}}]}}`, "log.entries[0]: response.content is missing"},
		"not saved":   {`{"log":{"entries":[{` + req + `,"response":{"status":200,"content":{"size":12}}}]}}`, "log.entries[0]: response.content: the 12-byte body was not saved"},
		"bad base64":  {`{"log":{"entries":[{` + req + `,"response":{"status":200,"content":{"text":"%%","encoding":"base64"}}}]}}`, "log.entries[0]: response.content: text is not valid base64"},
		"encoding":    {`{"log":{"entries":[{` + req + `,"response":{"status":200,"content":{"text":"x","encoding":"gzip"}}}]}}`, `log.entries[0]: response.content: unsupported encoding "gzip"`},
		"post base64": {`{"log":{"entries":[{"request":{"method":"POST","url":"https://x/","postData":{"text":"!","encoding":"base64"}},"response":{"status":200,"content":{}}}]}}`, "log.entries[0]: request.postData: text is not valid base64"},
	} {
		t.Run(name, func(t *testing.T) {
			path := writeHAR(t, tc.har)
			_, err := ReadHAR(path)
			require.Error(t, err)
			assert.Contains(t, err.Error(), path+": "+tc.want)
		})
	}
}

// A HAR file is read entry by entry: its size is not limited, each entry's is.
func TestReadHARBoundsEachEntryNotTheFile(t *testing.T) {
	entry := `{"request":{"method":"GET","url":"https://x.example.com/` + strings.Repeat("a", 500) + `","headers":[]},` +
		`"response":{"status":200,"headers":[],"content":{"size":0}}}`
	path := writeHAR(t, `{"log":{"version":"1.2","entries":[`+strings.Repeat(entry+",", 99)+entry+`]}}`)
	n := 0
	require.NoError(t, eachHAR(path, 1024, func(int, Interaction) error { n++; return nil }))
	assert.Equal(t, 100, n, "a 60 KB file of 600-byte entries, with a 1 KiB limit")

	big := strings.Replace(entry, "a", strings.Repeat("b", 1000), 1)
	path = writeHAR(t, `{"log":{"entries":[`+entry+",\n"+big+`]}}`)
	err := eachHAR(path, 1024, func(int, Interaction) error { return nil })
	assert.ErrorContains(t, err, path+": log.entries[1]: 2:1: larger than the 1024-byte limit of one entry")

	path = writeHAR(t, `{"log":{"pages":["`+strings.Repeat("p", 2000)+`"],"entries":[]}}`)
	err = eachHAR(path, 1024, func(int, Interaction) error { return nil })
	assert.ErrorContains(t, err, path+": log.pages: 1:17: larger than the 1024-byte limit of one value")

	// A file of nothing but NUL bytes is not JSON, whatever its size.
	path = filepath.Join(t.TempDir(), "zeros.har")
	require.NoError(t, os.WriteFile(path, make([]byte, 4096), 0o644))
	err = eachHAR(path, 1024, func(int, Interaction) error { return nil })
	assert.ErrorContains(t, err, path+`: not a HAR file: 1:1: invalid character '\x00' looking for beginning of value`)
}

func writeHAR(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.har")
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	return path
}
