package record_test

import (
	"bytes"
	"compress/flate"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
	"github.com/acsgen/acsgen/record"
)

func proxyTo(t *testing.T, up string, dir string, opts ...record.Option) string {
	t.Helper()
	u, err := url.Parse(up)
	require.NoError(t, err)
	p := httptest.NewServer(record.Proxy(u, record.Transport(dir, nil, opts...), nil))
	t.Cleanup(p.Close)
	return p.URL
}

func TestProxyForwardsFaithfully(t *testing.T) {
	up := newUpstream(t, 201, http.Header{"Content-Type": {"application/json"}, "X-Acs-Request-Id": {"rid-7"}, "X-Upstream": {"a", "b"}},
		`{"requestId":"rid-7","ok":true}`)
	dir := t.TempDir()
	p := proxyTo(t, up.URL, dir)
	req, err := http.NewRequest("PUT", p+"/v1/things/a%2Fb%20c?z=1&a=x+y&a=2", body(`{"name":"n"}`))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("x-acs-action", "PutThing")
	req.Header.Add("X-Custom", "one")
	req.Header.Add("X-Custom", "two")
	status, header, got := get(t, http.DefaultClient, req)

	assert.Equal(t, 201, status)
	assert.Equal(t, `{"requestId":"rid-7","ok":true}`, string(got))
	assert.Equal(t, []string{"a", "b"}, header.Values("X-Upstream"))
	assert.Equal(t, "rid-7", header.Get("X-Acs-Request-Id"))

	in, inBody := up.last(t)
	assert.Equal(t, "PUT", in.Method)
	assert.Equal(t, "/v1/things/a%2Fb%20c", in.URL.EscapedPath())
	assert.Equal(t, "z=1&a=x+y&a=2", in.URL.RawQuery)
	assert.Equal(t, strings.TrimPrefix(up.URL, "http://"), in.Host, "the upstream sees its own host")
	assert.Equal(t, []string{"one", "two"}, in.Header.Values("X-Custom"))
	assert.Equal(t, "PutThing", in.Header.Get("x-acs-action"))
	assert.Empty(t, in.Header.Get("X-Forwarded-For"), "nothing is added")
	assert.Equal(t, `{"name":"n"}`, string(inBody))

	files := written(t, dir)
	require.Len(t, files, 1)
	for name, data := range files {
		assert.Contains(t, name, "/unrouted/PUT_", "without specs a call is filed by method")
		assert.Contains(t, string(data), `{"requestId":"rid-7","ok":true}`)
	}
}

func TestCassetteNamesAreDeterministic(t *testing.T) {
	set := loadSpecs(t, vaultSpec)
	up := newUpstream(t, 200, jsonHeader(), `{"RequestId":"r"}`)
	dir := t.TempDir()
	var names []string
	client := &http.Client{Transport: record.Transport(dir, nil, record.WithSpecs(set),
		record.WithNotify(func(n string) { names = append(names, n) }))}
	for _, secret := range []string{"db", "db", "cache"} {
		req, _ := signedVaultRequest(t, up.URL)
		q := req.URL.Query()
		q.Set("SecretName", secret)
		req.URL.RawQuery = q.Encode()
		status, _, _ := get(t, client, req)
		require.Equal(t, 200, status)
	}
	require.Len(t, names, 3)
	assert.Equal(t, names[0], names[1], "the same call (other nonce, date, signature) lands in the same file")
	assert.NotEqual(t, names[0], names[2])
	assert.Regexp(t, `^vault/GetSecret_[0-9a-f]{12}\.yaml$`, names[0])
	assert.Len(t, written(t, dir), 2)
}

func TestHostileUpstreams(t *testing.T) {
	set := loadSpecs(t, vaultSpec)
	const limit = 1 << 10
	huge := strings.Repeat("x", 4*limit)
	chunked := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		for range 8 {
			_, _ = io.WriteString(w, huge[:limit])
			w.(http.Flusher).Flush() // no Content-Length: the size shows only while reading
		}
	}))
	t.Cleanup(chunked.Close)
	// net/http asks for gzip itself and decompresses it transparently; an encoding
	// it did not ask for reaches the recorder still encoded.
	deflated := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b bytes.Buffer
		zw, _ := flate.NewWriter(&b, flate.BestSpeed)
		_, _ = io.WriteString(zw, fmtVault())
		_ = zw.Close()
		w.Header().Set("Content-Encoding", "deflate") // sent although nobody asked for it
		_, _ = w.Write(b.Bytes())
	}))
	t.Cleanup(deflated.Close)

	for _, tc := range []struct {
		name, upstream, want string
	}{
		{"huge body with Content-Length", newUpstream(t, 200, jsonHeader(), huge).URL, "body exceeds the 1024-byte limit"},
		{"huge chunked body", chunked.URL, "body exceeds the 1024-byte limit"},
		{"non-JSON body where the spec marks secrets", newUpstream(t, 200, http.Header{"Content-Type": {"text/html"}}, "<html>"+plantedData).URL,
			"GetSecret response 200: body holds fields the spec marks sensitive but is not JSON"},
		{"unrequested deflate", deflated.URL, "the response is deflate-encoded although identity was asked for"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			req, _ := signedVaultRequest(t, proxyTo(t, tc.upstream, dir, record.WithSpecs(set), record.WithMaxBody(limit)))
			status, _, got := get(t, http.DefaultClient, req)
			assert.Equal(t, http.StatusBadGateway, status)
			assert.Contains(t, string(got), tc.want)
			assert.Contains(t, string(got), "acsgen record: record: POST http://127.0.0.1:")
			assert.NotContains(t, string(got), plantedPass, "the error names the call without its query")
			assert.Empty(t, written(t, dir), "nothing reaches disk")
		})
	}

	// A non-JSON body where the spec marks nothing secret is a faithful recording of
	// a broken upstream: forwarded and kept, for `acsgen contract` to report.
	dir := t.TempDir()
	up := newUpstream(t, 500, http.Header{"Content-Type": {"text/plain"}}, "upstream exploded")
	req, err := http.NewRequest("GET", proxyTo(t, up.URL, dir)+"/x", nil)
	require.NoError(t, err)
	status, _, got := get(t, http.DefaultClient, req)
	assert.Equal(t, 500, status)
	assert.Equal(t, "upstream exploded", string(got))
	assert.Len(t, written(t, dir), 1)

	// An oversized request body is refused before it is sent.
	req, err = http.NewRequest("POST", proxyTo(t, up.URL, t.TempDir(), record.WithMaxBody(limit))+"/x", body(huge))
	require.NoError(t, err)
	status, _, got = get(t, http.DefaultClient, req)
	assert.Equal(t, http.StatusBadGateway, status)
	assert.Contains(t, string(got), "request body: body exceeds the 1024-byte limit")
}

// The proxy changes the host an ACS3 signature covers: with credentials it signs
// again, and the upstream's verifier accepts the request. The cassettes keep none
// of the credentials it signed with (STS ones, with a token) nor the signatures.
func TestProxyResignsForTheUpstreamHost(t *testing.T) {
	const id, secret = "LTAI5tUpstreamKey0000001", "upstream-secret-0000000000"
	verifier := acs.Verifier{Secret: func(k string) (string, bool) { return secret, k == id }}
	var verdicts []error
	var signatures []string
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		verdicts = append(verdicts, verifier.Verify(r, b))
		auth := r.Header.Get("Authorization")
		signatures = append(signatures, auth[strings.LastIndex(auth, "=")+1:])
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"RequestId":"r"}`)
	}))
	t.Cleanup(up.Close)
	u, _ := url.Parse(up.URL)
	dir := t.TempDir()
	for _, resign := range []*acs.Credential{nil, {AccessKeyID: id, AccessKeySecret: secret, SecurityToken: plantedToken}} {
		p := httptest.NewServer(record.Proxy(u, record.Transport(dir, nil), resign))
		c, err := cloudapi.NewClient(acs.WithEndpoint(p.URL), acs.WithCredentials(acs.StaticCredentials(id, secret, plantedToken+"-caller")),
			acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}))
		require.NoError(t, err)
		_, err = c.AttachPlugin(context.Background(), &cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST"})
		require.NoError(t, err)
		p.Close()
	}
	require.Len(t, verdicts, 2)
	var ve *acs.VerifyError
	require.ErrorAs(t, verdicts[0], &ve, "signed for the proxy's host, refused by the upstream")
	assert.Equal(t, "SignatureDoesNotMatch", ve.Code)
	assert.NoError(t, verdicts[1])
	files := written(t, dir)
	require.NotEmpty(t, files)
	for file, data := range files {
		for _, s := range append([]string{id, secret, plantedToken}, signatures...) {
			assert.False(t, bytes.Contains(data, []byte(s)), "%s holds %q:\n%s", file, s, data)
		}
	}
}

// Cassettes the generated clients record through record.Transport pass the
// contract check against the real specs with no finding.
func TestGeneratedClientsRecordConformingCassettes(t *testing.T) {
	set := loadSpecs(t, "../spec/apig-2024-03-27.yaml", "../spec/cloudapi-2016-07-14.yaml")
	getBody := exampleBody(t, "../spec/apig-2024-03-27.yaml", "/v1/plugin-attachments/{pluginAttachmentId}", "GET")
	attachBody := exampleBody(t, "../spec/cloudapi-2016-07-14.yaml", "/#Action=AttachPlugin", "POST")
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		if r.Header.Get("x-acs-action") == "AttachPlugin" {
			_, _ = w.Write(attachBody)
			return
		}
		_, _ = w.Write(getBody)
	}))
	t.Cleanup(up.Close)
	dir := t.TempDir()
	opts := []acs.Option{
		acs.WithEndpoint(up.URL),
		acs.WithHTTPClient(&http.Client{Transport: record.Transport(dir, nil, record.WithSpecs(set))}),
		acs.WithCredentials(acs.StaticCredentials(plantedKeyID, plantedSecret, plantedToken)),
		acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}),
	}
	ag, err := apig.NewClient(opts...)
	require.NoError(t, err)
	got, err := ag.GetPluginAttachment(context.Background(), &apig.GetPluginAttachmentRequest{PluginAttachmentID: "pa-1/x"})
	require.NoError(t, err)
	assert.NotEmpty(t, got.Data)
	ca, err := cloudapi.NewClient(opts...)
	require.NoError(t, err)
	_, err = ca.AttachPlugin(context.Background(), &cloudapi.AttachPluginRequest{PluginID: "p", StageName: "RELEASE", APIIDs: []string{"a", "b"}})
	require.NoError(t, err)

	files := written(t, dir)
	require.Len(t, files, 2)
	for file, data := range files {
		assert.Regexp(t, `/(apig/GetPluginAttachment|cloudapi/AttachPlugin)_[0-9a-f]{12}\.yaml$`, file)
		found, n, err := set.CheckFile(file, contract.Options{Strict: true})
		require.NoError(t, err)
		assert.Equal(t, 1, n)
		assert.Empty(t, found, "%s", file)
		assert.NotContains(t, string(data), plantedToken)
	}
}
