// Package recordgen records the contract tests' go-vcr cassettes from the specs'
// documented examples. Each scenario starts a loopback HTTP server that checks the
// request's ACS3 signature and answers with a spec example; the generated client is
// pointed at it with acs.WithEndpoint and sends through a go-vcr recorder
// (acs.WithHTTPClient), with a fixed clock and nonce (acs.WithSigner) and dummy STS
// credentials. Before a cassette is saved, the Sanitize hook redacts every credential
// and rewrites the loopback address to the service's regional host, so the output
// depends only on the specs, the generated clients and the acs runtime.
//
// The contract tests regenerate the cassettes in memory and compare them with the
// committed ones; `go test ./contracttests -run TestRecordingsAreCurrent -record`
// rewrites them.
package recordgen

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/recorder"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
	"github.com/acsgen/acsgen/record"
)

// Dummy credentials every recording is signed with. They grant nothing, but they are
// shaped like real ones (an LTAI access key ID, a CAIS STS token) so that the
// credential scan of the committed cassettes would notice them if redaction failed.
const (
	AccessKeyID     = "LTAI5tRecordingDummyKey0"
	AccessKeySecret = "RecordingDummySecretGrantsNothing000"
	SecurityToken   = "CAISRecordingDummySecurityTokenGrantsNothing"
)

// Clock and Nonce make signing deterministic.
var Clock = time.Date(2026, 3, 16, 8, 0, 0, 0, time.UTC)

// Nonce is the fixed x-acs-signature-nonce (redacted in the cassettes all the same).
const Nonce = "0123456789abcdef0123456789abcdef"

// Regional hosts the loopback address is rewritten to.
const (
	APIGHost     = "apig.cn-hangzhou.aliyuncs.com"
	CloudAPIHost = "apigateway.cn-hangzhou.aliyuncs.com"
)

// Spec files, relative to the spec directory.
const (
	APIGSpec     = "apig-2024-03-27.yaml"
	CloudAPISpec = "cloudapi-2016-07-14.yaml"
)

// Paths of the two operations in their specs.
const (
	GetPluginAttachmentPath = "/v1/plugin-attachments/{pluginAttachmentId}"
	AttachPluginPath        = "/#Action=AttachPlugin"
)

// Scenario is one recorded call.
type Scenario struct {
	Name    string // cassette path under testdata without ".yaml", e.g. "apig/GetPluginAttachment"
	Host    string // the regional host the cassette names
	Status  int    // status the server answers
	Header  http.Header
	Body    []byte
	Call    func(ctx context.Context, opts ...acs.Option) error
	WantErr bool // the client is expected to return an error (non-2xx, or a body it refuses)
	// Session, when set, replaces Status and Body: Call makes several calls, and the
	// server answers them in this order (the last answer repeats), so that the
	// cassette holds the whole session.
	Session []Answer
}

// Answer is one answer of a session.
type Answer struct {
	Status int
	Body   []byte
}

// Scenarios builds every scenario from the specs in specDir.
func Scenarios(specDir string) ([]Scenario, error) {
	ap, err := ReadSpec(filepath.Join(specDir, APIGSpec))
	if err != nil {
		return nil, err
	}
	ca, err := ReadSpec(filepath.Join(specDir, CloudAPISpec))
	if err != nil {
		return nil, err
	}
	get := []string{"paths", GetPluginAttachmentPath, "get"}
	attach := []string{"paths", AttachPluginPath, "post"}
	getOK, err := ap.Example(append(get, "responses", "200", "content", "application/json", "example")...)
	if err != nil {
		return nil, err
	}
	getErr, err := ap.Example(append(get, "responses", "4XX", "content", "application/json", "example")...)
	if err != nil {
		return nil, err
	}
	// The documented example as SDK v10.1.0 would read it: an AI deployment with every
	// policy (the HttpApiDeployConfig component's example), the corrected spellings
	// enableAuth and cnt, and the port a string.
	apiInfo := []string{"data", "parentResourceInfo", "apiInfo"}
	getV10, err := ap.ExampleWith(append(get, "responses", "200", "content", "application/json", "example"),
		Edit{At: append(slices.Clone(apiInfo), "deployConfigs", "0"), From: []string{"components", "schemas", "HttpApiDeployConfig", "example"}},
		Edit{At: append(slices.Clone(apiInfo), "enabelAuth"), Value: "false"},
		Edit{At: append(slices.Clone(apiInfo), "deployCntMap"), Value: `{"env-ai01": {"deployedCnt": 1, "cnt": 2}}`},
		Edit{At: append(slices.Clone(apiInfo), "environments", "0", "serviceConfigs", "0", "port"), Value: `"8080"`},
	)
	if err != nil {
		return nil, err
	}
	attachOK, err := ca.Example(append(attach, "responses", "200", "content", "application/json", "example")...)
	if err != nil {
		return nil, err
	}
	attachErr, err := ca.Example(append(attach, "responses", "4XX", "content", "application/json", "example")...)
	if err != nil {
		return nil, err
	}

	// Requests use the parameters' documented examples.
	var attachmentID string
	var pluginID, groupID, stage, apiID string
	var apiIDs []string
	for name, dst := range map[string]any{"pluginAttachmentId": &attachmentID} {
		if err := ap.ParamExample(GetPluginAttachmentPath, "get", name, dst); err != nil {
			return nil, err
		}
	}
	for name, dst := range map[string]any{"PluginId": &pluginID, "GroupId": &groupID, "ApiIds": &apiIDs, "StageName": &stage, "ApiId": &apiID} {
		if err := ca.ParamExample(AttachPluginPath, "post", name, dst); err != nil {
			return nil, err
		}
	}
	getCall := func(id string) func(context.Context, ...acs.Option) error {
		return func(ctx context.Context, opts ...acs.Option) error {
			c, err := apig.NewClient(opts...)
			if err != nil {
				return err
			}
			_, err = c.GetPluginAttachment(ctx, &apig.GetPluginAttachmentRequest{PluginAttachmentID: id})
			return err
		}
	}
	attachCall := func(req cloudapi.AttachPluginRequest) func(context.Context, ...acs.Option) error {
		return func(ctx context.Context, opts ...acs.Option) error {
			c, err := cloudapi.NewClient(opts...)
			if err != nil {
				return err
			}
			_, err = c.AttachPlugin(ctx, &req)
			return err
		}
	}
	documented := cloudapi.AttachPluginRequest{PluginID: pluginID, GroupID: &groupID, APIIDs: apiIDs,
		StageName: cloudapi.AttachPluginStageName(stage), APIID: &apiID}
	with := func(edit func(*cloudapi.AttachPluginRequest)) cloudapi.AttachPluginRequest {
		r := documented
		edit(&r)
		return r
	}
	var edits []error
	variant := func(body []byte, old, new string) []byte {
		out, err := replaceOnce(body, old, new)
		edits = append(edits, err)
		return out
	}

	getOKCall, attachOKCall := getCall(attachmentID), attachCall(documented)
	list := []Scenario{
		// The documented examples, as the generated clients send and receive them.
		{Name: "apig/GetPluginAttachment", Host: APIGHost, Status: 200, Body: getOK, Call: getOKCall},
		{Name: "apig/GetPluginAttachment_NotFound", Host: APIGHost, Status: 404, Body: getErr, Call: getOKCall, WantErr: true},
		{Name: "cloudapi/AttachPlugin", Host: CloudAPIHost, Status: 200, Body: attachOK, Call: attachOKCall},

		// Variants the spec allows: port as every SDK types it (a string), and the
		// corrected enableAuth spelling of SDK v9.1.1 and later.
		{Name: "apig/GetPluginAttachment_PortString", Host: APIGHost, Status: 200,
			Body: variant(getOK, `"port": 8080`, `"port": "8080"`), Call: getOKCall},
		{Name: "apig/GetPluginAttachment_EnableAuth", Host: APIGHost, Status: 200,
			Body: variant(getOK, `"enabelAuth": true`, `"enableAuth": true`), Call: getOKCall},
		{Name: "apig/GetPluginAttachment_SDKv10", Host: APIGHost, Status: 200,
			Body: variant(getV10, `"enabelAuth": false`, `"enableAuth": false`), Call: getOKCall},

		// Negative fixtures: each breaks the contract in one way; testdata/negative/<name>.want
		// holds the findings the contract check must report.
		// The generated client validates a request before sending it, so requests that
		// break the spec go through the acs runtime directly, signed the same way.
		{Name: "negative/AttachPlugin_StageNamePROD", Host: CloudAPIHost, Status: 200, Body: attachOK,
			Call: rawAttachPlugin(wireQuery(with(func(r *cloudapi.AttachPluginRequest) { r.StageName = "PROD" })))},
		{Name: "negative/AttachPlugin_ApiIds101", Host: CloudAPIHost, Status: 200, Body: attachOK,
			Call: rawAttachPlugin(wireQuery(with(func(r *cloudapi.AttachPluginRequest) { r.APIIDs = ids(101) })))},
		{Name: "negative/AttachPlugin_ApiIdsEmpty", Host: CloudAPIHost, Status: 200, Body: attachOK,
			Call: rawAttachPlugin(wireQuery(with(func(r *cloudapi.AttachPluginRequest) { r.APIIDs = []string{""} })))},
		{Name: "negative/AttachPlugin_MissingPluginId", Host: CloudAPIHost, Status: 400, Body: attachErr,
			Call: rawAttachPlugin(url.Values{"StageName": {stage}}), WantErr: true},
		// The error example says PluginId was not supplied: the request sends it empty.
		{Name: "negative/AttachPlugin_EmptyPluginId", Host: CloudAPIHost, Status: 400, Body: attachErr,
			Call: rawAttachPlugin(wireQuery(with(func(r *cloudapi.AttachPluginRequest) { r.PluginID = "" }))), WantErr: true},
		{Name: "negative/GetPluginAttachment_PortBoolean", Host: APIGHost, Status: 200,
			Body: variant(getOK, `"port": 8080`, `"port": true`), Call: getOKCall, WantErr: true},
		{Name: "negative/GetPluginAttachment_CreateTimestampString", Host: APIGHost, Status: 200,
			Body: variant(getOK, `"createTimestamp": 1721116090326`, `"createTimestamp": "1721116090326"`), Call: getOKCall, WantErr: true},
		{Name: "negative/GetPluginAttachment_UnknownResourceType", Host: APIGHost, Status: 200,
			Body: variant(getOK, `"resourceType": "HttpApi"`, `"resourceType": "Cluster"`), Call: getOKCall},
		// Both specs declare 4XX, so 418 is a declared status; a 3xx is not.
		{Name: "negative/GetPluginAttachment_Status302", Host: APIGHost, Status: 302, Header: http.Header{},
			Call: getOKCall, WantErr: true},
		// 418 falls under 4XX, which only declares application/json.
		{Name: "negative/GetPluginAttachment_Status418Teapot", Host: APIGHost, Status: 418,
			Header: http.Header{"Content-Type": {"text/plain; charset=utf-8"}}, Body: []byte("I'm a teapot\n"),
			Call: getOKCall, WantErr: true},
	}
	if err := errors.Join(edits...); err != nil {
		return nil, err
	}
	lifecycle, err := lifecycleScenarios(ap, ca)
	if err != nil {
		return nil, err
	}
	return append(list, lifecycle...), nil
}

// rawAttachPlugin sends AttachPlugin with query through the acs runtime, past the
// generated client's validation.
func rawAttachPlugin(query url.Values) func(context.Context, ...acs.Option) error {
	return func(ctx context.Context, opts ...acs.Option) error {
		c, err := acs.NewClient(acs.Service{Product: "CloudAPI", Version: "2016-07-14", Style: acs.StyleRPC,
			Endpoint: "https://apigateway.{regionId}.aliyuncs.com", DefaultRegion: "cn-hangzhou"}, opts...)
		if err != nil {
			return err
		}
		return c.Do(ctx, &acs.Request{Action: "AttachPlugin", Method: "POST", Path: "/", Query: query}, nil)
	}
}

// wireQuery is the query the generated client builds from req, which it would
// refuse to send: required parameters always, optional ones when set, ApiIds
// joined with commas.
func wireQuery(req cloudapi.AttachPluginRequest) url.Values {
	query := url.Values{"PluginId": {req.PluginID}, "StageName": {string(req.StageName)}}
	if req.GroupID != nil {
		query.Set("GroupId", *req.GroupID)
	}
	if len(req.APIIDs) > 0 {
		query.Set("ApiIds", strings.Join(req.APIIDs, ","))
	}
	if req.APIID != nil {
		query.Set("ApiId", *req.APIID)
	}
	return query
}

func ids(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("api%03d", i)
	}
	return out
}

func replaceOnce(body []byte, old, new string) ([]byte, error) {
	if n := strings.Count(string(body), old); n != 1 {
		return nil, fmt.Errorf("recordgen: %q occurs %d times in the example, want once", old, n)
	}
	return []byte(strings.Replace(string(body), old, new, 1)), nil
}

// Generate records every scenario and returns the cassettes, keyed by slash-separated
// path relative to testdata ("apig/GetPluginAttachment.yaml").
func Generate(specDir string) (map[string][]byte, error) {
	list, err := Scenarios(specDir)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, sc := range list {
		data, err := Record(sc)
		if err != nil {
			return nil, fmt.Errorf("recordgen: %s: %w", sc.Name, err)
		}
		out[sc.Name+".yaml"] = data
	}
	return out, nil
}

// Write stores cassettes under dir.
func Write(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Record runs one scenario against a loopback server and returns the saved cassette.
func Record(sc Scenario) ([]byte, error) {
	srv := newServer(sc)
	defer srv.Close()

	fs := record.NewMemFS()
	rec, err := recorder.New(sc.Name,
		recorder.WithMode(recorder.ModeRecordOnly),
		recorder.WithFS(fs),
		recorder.WithRealTransport(srv.Client().Transport),
		recorder.WithSkipRequestLatency(true),
		recorder.WithHook(Sanitize(sc.Host), recorder.BeforeSaveHook),
	)
	if err != nil {
		return nil, err
	}
	callErr := sc.Call(context.Background(),
		acs.WithEndpoint(srv.URL),
		acs.WithHTTPClient(&http.Client{Transport: rec}),
		acs.WithCredentials(acs.StaticCredentials(AccessKeyID, AccessKeySecret, SecurityToken)),
		acs.WithSigner(acs.Signer{Now: func() time.Time { return Clock }, Nonce: func() string { return Nonce }}),
		acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}),
	)
	if err := rec.Stop(); err != nil {
		return nil, err
	}
	if err := srv.verifyErr(); err != nil {
		return nil, fmt.Errorf("the loopback server refused the signature: %w", err)
	}
	switch {
	case callErr != nil && !sc.WantErr:
		return nil, fmt.Errorf("call failed: %w", callErr)
	case callErr == nil && sc.WantErr:
		return nil, errors.New("call succeeded, want an error")
	}
	data, err := fs.ReadFile(sc.Name + ".yaml")
	if err != nil {
		return nil, errors.New("the recorder saved no cassette")
	}
	return data, nil
}

// server answers one scenario after checking the request's ACS3 signature with the
// dummy secret, as the service would.
type server struct {
	*httptest.Server
	mu  sync.Mutex
	err error
}

func newServer(sc Scenario) *server {
	s := &server{}
	verifier := acs.Verifier{Secret: func(id string) (string, bool) { return AccessKeySecret, id == AccessKeyID }}
	answers := sc.Session
	if answers == nil {
		answers = []Answer{{sc.Status, sc.Body}}
	}
	var served int
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		answer := answers[min(served, len(answers)-1)]
		served++
		s.mu.Unlock()
		body, _ := io.ReadAll(r.Body)
		if err := verifier.Verify(r, body); err != nil {
			s.mu.Lock()
			s.err = errors.Join(s.err, err)
			s.mu.Unlock()
		}
		if r.Header.Get("x-acs-security-token") != SecurityToken {
			s.mu.Lock()
			s.err = errors.Join(s.err, errors.New("x-acs-security-token is not the STS token"))
			s.mu.Unlock()
		}
		h := w.Header()
		if sc.Header != nil {
			for k, vs := range sc.Header {
				h[k] = vs
			}
		} else {
			h.Set("Content-Type", "application/json;charset=utf-8")
		}
		if id := requestID(answer.Body); id != "" {
			h.Set("X-Acs-Request-Id", id)
		}
		h.Set("Content-Length", strconv.Itoa(len(answer.Body)))
		dropDate(h)
		w.WriteHeader(answer.Status)
		_, _ = w.Write(answer.Body)
	}))
	return s
}

func (s *server) verifyErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// requestID is the request ID of a JSON body (requestId or RequestId), as the service
// also sends it in the x-acs-request-id header.
func requestID(body []byte) string {
	var v struct {
		RequestID string `json:"requestId"` // encoding/json matches RequestId too
	}
	_ = json.Unmarshal(body, &v)
	return v.RequestID
}
