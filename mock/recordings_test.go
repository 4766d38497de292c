package mock_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
	"gopkg.in/yaml.v3"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generated/cloudapi"
	"github.com/acsgen/acsgen/mock"
	"github.com/acsgen/acsgen/record"
)

// Recordings made with record.Transport answer before the spec's examples, matched
// by operation and business parameters; other calls still get the example.
func TestRecordingsTakePrecedenceOverExamples(t *testing.T) {
	set := specSet(t)
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Acs-Request-Id", "RECORDED-REQUEST-1")
		_, _ = io.WriteString(w, `{"RequestId":"RECORDED-REQUEST-1"}`)
	}))
	t.Cleanup(upstream.Close)
	dir := t.TempDir()
	rc, err := cloudapi.NewClient(acs.WithEndpoint(upstream.URL), acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}),
		acs.WithCredentials(acs.StaticCredentials(keyID, keySecret, "")),
		acs.WithHTTPClient(&http.Client{Transport: record.Transport(dir, nil, record.WithSpecs(set))}))
	require.NoError(t, err)
	recordedCall := &cloudapi.AttachPluginRequest{PluginID: "recorded", StageName: "TEST", APIIDs: []string{"a", "b"}}
	_, err = rc.AttachPlugin(context.Background(), recordedCall)
	require.NoError(t, err)

	srv := start(t, set, mock.Options{Recordings: dir, AccessKeyID: keyID, AccessKeySecret: keySecret})
	c := cloudClient(t, srv, keySecret)
	got, err := c.AttachPlugin(context.Background(), recordedCall)
	require.NoError(t, err)
	assert.Equal(t, "RECORDED-REQUEST-1", *got.RequestID, "same operation and parameters: the recording")

	other := *recordedCall
	other.APIIDs = []string{"a"}
	got, err = c.AttachPlugin(context.Background(), &other)
	require.NoError(t, err)
	assert.Equal(t, exampleOf(t, cloudSpec, attachKey, "post")["RequestId"], *got.RequestID, "other parameters: the example")
}

// The committed contract-test cassettes serve as recordings too, including error
// answers: the NotFound recording answers 404 for its call.
func TestCommittedCassettesServeAsRecordings(t *testing.T) {
	srv := start(t, specSet(t), mock.Options{Recordings: "../contracttests/testdata/apig"})
	status, header, body := raw(t, srv, "GET", "/v1/plugin-attachments/pa-cvl541em1hkk7n8vq810")
	assert.Equal(t, 200, status)
	assert.Contains(t, header.Get("X-Acsgen-Mock-Source"), "contracttests/testdata/apig/GetPluginAttachment")
	assert.Equal(t, header.Get("X-Acs-Request-Id"), body["requestId"])
}

func TestBadRecordingsAreClearErrors(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("interactions: [[["), 0o644))
	_, err := mock.New(specSet(t), mock.Options{Recordings: dir})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "broken.yaml")

	_, err = mock.New(specSet(t), mock.Options{Recordings: "../contracttests/testdata/cloudapi"})
	require.NoError(t, err)
	_, err = mock.New(specSet(t, apigSpec), mock.Options{Recordings: "../contracttests/testdata/cloudapi"})
	require.Error(t, err, "a recording no spec routes")
	assert.Contains(t, err.Error(), "AttachPlugin.yaml#0")
}

// What the mock answers conforms to the spec: recorded through record.Transport,
// the interactions pass the contract check with no finding.
func TestMockAnswersConform(t *testing.T) {
	set := specSet(t)
	srv := start(t, set, mock.Options{})
	dir := t.TempDir()
	opts := []acs.Option{acs.WithEndpoint(srv.URL), acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}),
		acs.WithCredentials(acs.StaticCredentials(keyID, keySecret, "")),
		acs.WithHTTPClient(&http.Client{Transport: record.Transport(dir, nil, record.WithSpecs(set))})}
	c, err := cloudapi.NewClient(opts...)
	require.NoError(t, err)
	_, err = c.AttachPlugin(context.Background(), &cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST"})
	require.NoError(t, err)
	_, err = c.AttachPlugin(context.Background(), &cloudapi.AttachPluginRequest{PluginID: "p", StageName: "PROD"})
	var ve *acs.ValidationError
	require.ErrorAs(t, err, &ve, "the client does not send what its spec rejects")
	// So the bad request goes out unsigned, past the client, for the mock to refuse.
	bad, err := http.NewRequest(http.MethodPost, srv.URL+"/?PluginId=p&StageName=PROD", nil)
	require.NoError(t, err)
	bad.Header.Set("x-acs-action", "AttachPlugin")
	bad.Header.Set("x-acs-version", "2016-07-14")
	resp, err := (&http.Client{Transport: record.Transport(dir, nil, record.WithSpecs(set))}).Do(bad)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	entries, err := filepath.Glob(filepath.Join(dir, "cloudapi", "*.yaml"))
	require.NoError(t, err)
	require.Len(t, entries, 2)
	var all []contract.Finding
	for _, file := range entries {
		found, _, err := set.CheckFile(file, contract.Options{Strict: true})
		require.NoError(t, err)
		all = append(all, found...)
	}
	// The PROD request breaks the spec by design; no answer does.
	require.Len(t, all, 1, "%v", all)
	assert.Equal(t, "request", all[0].Where)
	assert.Equal(t, "query/StageName", all[0].Pointer)
}

// A cassette that recorded a session answers it in turn: the lifecycle cassette
// holds the attachment read before (200) and after (404) its deletion, and the
// last answer repeats. Of two files with the same call, the first in sorted
// order answers it, as before.
func TestASessionIsAnsweredInTurn(t *testing.T) {
	const session = "../contracttests/testdata/apig/PluginAttachmentLifecycle.yaml"
	get := "/v1/plugin-attachments/pa-d1lifecycle0000000001"
	srv := start(t, specSet(t), mock.Options{Recordings: session})
	for i, want := range []int{200, 404, 404} {
		status, header, body := raw(t, srv, "GET", get)
		assert.Equal(t, want, status, "read %d", i+1)
		assert.Equal(t, header.Get("X-Acs-Request-Id"), body["requestId"])
		assert.Contains(t, header.Get("X-Acsgen-Mock-Source"), "PluginAttachmentLifecycle.yaml#")
	}

	dir := t.TempDir()
	data, err := os.ReadFile(session)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b-session.yaml"), data, 0o644))
	c, err := cassette.Load(strings.TrimSuffix(session, ".yaml"))
	require.NoError(t, err)
	once := cassette.New(filepath.Join(dir, "a-once"))
	once.MarshalFunc = yaml.Marshal
	for _, ix := range c.Interactions {
		if ix.Request.Method == "GET" && strings.HasSuffix(ix.Request.URL, get) {
			once.AddInteraction(ix) // the first, the 200
			break
		}
	}
	require.Len(t, once.Interactions, 1)
	require.Equal(t, 200, once.Interactions[0].Response.Code)
	require.NoError(t, once.Save())
	srv = start(t, specSet(t), mock.Options{Recordings: dir})
	for range 3 {
		status, header, _ := raw(t, srv, "GET", get)
		assert.Equal(t, 200, status, "a-once.yaml answers the call, b-session.yaml is not asked")
		assert.Contains(t, header.Get("X-Acsgen-Mock-Source"), "a-once.yaml#0")
	}
}
