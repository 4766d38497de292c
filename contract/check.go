package contract

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"

	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/acsgen/acsgen/generator/ir"
)

// Interaction is one recorded request and its response.
type Interaction struct {
	Method     string
	URL        string
	Header     http.Header
	Body       []byte
	Status     int
	RespHeader http.Header
	RespBody   []byte
}

// Options tune a check.
type Options struct {
	// Strict adds drift findings: response properties and query parameters the spec
	// does not document, statuses only a "default" response covers, and values of
	// open enums (x-acs-open-enum: true) outside the listed ones.
	Strict bool
	// Shard limits CheckRecording to the interactions of one shard (see Shard);
	// the zero value checks them all.
	Shard Shard
	// NoCoverage leaves out of each Result the response fields its body showed,
	// which only Set.Coverage reads: walking every body for them is the largest
	// cost of a check. Coverage of such results counts calls and statuses, and no
	// field as seen. Check never collects them.
	NoCoverage bool
}

// Result is the outcome of checking one interaction.
type Result struct {
	Recording string `json:"recording"`
	Entry     int    `json:"entry"`
	Method    string `json:"method"`
	Path      string `json:"path"` // without the query, which may carry credentials
	Operation string `json:"operation,omitempty"`
	Spec      string `json:"spec,omitempty"` // file of the operation's spec
	Status    int    `json:"status"`
	// Validator names what checked the response body against its schema:
	// ValidatorCompiled or ValidatorKin; "" when the interaction matched no operation.
	Validator string    `json:"validator,omitempty"`
	Findings  []Finding `json:"findings"`

	op        *operation
	statusKey string    // the responses key the status matched: "200", "4XX", "default"; "" for none
	fields    []string  // response body pointers seen, array indices collapsed to "*"
	respType  string    // media type of the response, without parameters
	body      *recorded // decoded JSON response body, nil if none
	// bodyCompiled says the request body was checked by generated code.
	bodyCompiled bool
	// requestCompiled says generated code accepted the request's parameters
	// and body, so that ValidateRequest was not run.
	requestCompiled bool
}

// Check validates one interaction and returns its findings, with Recording and
// Entry left for the caller to fill in.
func (s *Set) Check(ix Interaction, opts Options) []Finding {
	opts.NoCoverage = true
	return s.Examine(ix, opts).Findings
}

// Examine checks one interaction and keeps what coverage and suggestions need.
func (s *Set) Examine(ix Interaction, opts Options) Result {
	r := Result{Method: ix.Method, Status: ix.Status}
	if missing := incomplete(ix); missing != "" {
		r.Findings = []Finding{{Where: "request", Rule: "incomplete",
			Message: "the recorded interaction has no " + missing + " (is the recording cut short?)"}}
		return r
	}
	u, err := url.Parse(ix.URL)
	if err != nil {
		r.Findings = []Finding{{Where: "request", Rule: "url", Message: fmt.Sprintf("unparseable URL: %v", err)}}
		return r
	}
	header := ix.Header // the recording's, read only until ownHeader copies it
	if header == nil {
		header = http.Header{}
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	r.Path = path
	params := readParams(u, header, ix.Body)
	action := header.Get("X-Acs-Action") // canonical, so Get allocates no key
	if action == "" {
		action = params.get("Action")
	}
	version := header.Get("X-Acs-Version")
	if version == "" {
		version = params.get("Version")
	}
	o, pathParams, err := s.route(ix.Method, path, action, version)
	if err != nil {
		r.Findings = []Finding{{Where: "request", Rule: "route", Message: err.Error()}}
		return r
	}
	r.op, r.Operation, r.Spec = o, o.op.ID, o.spec.Loc.File()
	if ix.Status == 0 {
		r.Findings = []Finding{{Operation: o.op.ID, Where: "response", Rule: "incomplete",
			Message: "the recorded interaction has no response status (is the recording cut short?)"}}
		return r
	}

	declared := o.declared
	if o.api.Style != ir.RPC {
		params.form = nil // only RPC parameters travel in a form body
	}
	query, moved := businessQuery(params, declared["query"], o.route.Operation.RequestBody != nil)
	body := ix.Body
	if moved || o.writesHeader {
		// The check deletes headers, and openapi3filter adds the defaults of
		// header and cookie parameters: it works on a copy.
		header = header.Clone()
	}
	if moved {
		body = nil
		header.Del("Content-Type")
	}
	query, styled := o.styled.check(query, header, body, opts.Strict)
	unescapePathValues(pathParams) // route's own map, unescaped as a router hands it on
	empty := emptyRequired(o.required, query, header, pathParams)
	// A JSON body the generated code accepts is not decoded again by kin-openapi,
	// which still checks the parameters, the security and any other body.
	r.bodyCompiled = o.compiledBodyAccepts(header, body, opts.Strict)
	if r.bodyCompiled {
		body = nil
	}
	queryValues := queryParams(query) // what it would parse back from the encoded query
	statusKey := o.statusKey(ix.Status)
	compiled := o.compiledAccepts(ix, statusKey, opts.Strict)
	// Where generated code accepts the parameters and the body, and the response
	// declares nothing ValidateResponse checks beyond the body compiled code
	// accepted, kin-openapi would find nothing: it is not asked.
	skipRequest := o.params != nil && isToken(ix.Method) && o.params.skipsRequest(body, r.bodyCompiled) &&
		o.params.accepts(pathParams, queryValues, header)
	skipResponse := compiled && o.skipsResponse(ix.Status, statusKey)
	r.requestCompiled = skipRequest
	var in *openapi3filter.RequestValidationInput
	if !skipRequest || !skipResponse {
		req, err := newValidationRequest(ix.Method, u, query, header, body)
		if err != nil {
			r.Findings = []Finding{{Operation: o.op.ID, Where: "request", Rule: "url", Message: err.Error()}}
			return r
		}
		in = &openapi3filter.RequestValidationInput{
			Request: req, PathParams: pathParams, Route: o.styled.plain,
			QueryParams: queryValues,
			Options: &openapi3filter.Options{
				MultiError: true,
				// Authentication is the signature's business, checked elsewhere; recorded
				// credentials are redacted and must not fail a schema check.
				AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
				ExcludeRequestBody: r.bodyCompiled,
			},
		}
	}
	var out []Finding
	for _, f := range styled {
		f.Operation = o.op.ID
		out = append(out, f)
	}
	ctx := context.Background()
	if !skipRequest {
		if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
			out = append(out, findings(o.op.ID, "request", err)...)
		}
	}
	for i := range out {
		if f := &out[i]; f.Rule == "required" && empty[f.Pointer] {
			f.Message = "required parameter is sent empty, which counts as missing"
		}
	}
	r.statusKey = statusKey
	// The body is decoded here only for what needs it as a tree: strict mode's
	// undocumented properties and coverage. Otherwise the compiled check reads
	// the body's bytes, or kin-openapi's ValidateResponse decodes it.
	var decoded any
	tree := opts.Strict || !opts.NoCoverage
	if tree {
		decoded = decodeBody(ix)
	}
	if !opts.NoCoverage {
		r.fields = o.fields.intern(o.seenFields(r.statusKey, decoded))
	}
	r.Validator = ValidatorKin
	if compiled {
		r.Validator = ValidatorCompiled
	}
	if !skipResponse {
		rin := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: in,
			Status:                 ix.Status,
			Header:                 ix.RespHeader,
			// Status and headers are still kin-openapi's to check; it reads no
			// body it excludes.
			Body:    http.NoBody,
			Options: &responseOptions[1],
		}
		if !compiled {
			rin.Body, rin.Options = io.NopCloser(bytes.NewReader(ix.RespBody)), &responseOptions[0]
		}
		if rin.Header == nil {
			rin.Header = http.Header{}
		}
		if err := openapi3filter.ValidateResponse(ctx, rin); err != nil {
			out = append(out, findings(o.op.ID, "response", err)...)
		}
	}
	out = openEnums(out, opts.Strict)
	if r.statusKey == "" && !slices.ContainsFunc(out, func(f Finding) bool { return f.Rule == "status" }) {
		// openapi3filter never validates 301, 304, 307 and 308; an operation that does
		// not declare them has still not documented them.
		out = append(out, Finding{Operation: o.op.ID, Where: "response", Rule: "status",
			Message: fmt.Sprintf("status %d is not declared", ix.Status)})
	}
	r.respType = mediaType(ix.RespHeader.Get("Content-Type"))
	if opts.Strict {
		out = append(out, o.undocumentedQuery(query, declared["query"])...)
		out = append(out, o.undeclaredStatus(r.statusKey, ix.Status)...)
		out = append(out, o.undocumented(r.statusKey, decoded)...)
	}
	for i := range out {
		switch f := &out[i]; {
		case f.Rule == "status":
			f.value = keep(ix.Status)
			f.Schema = cmp.Or(f.Schema, o.pos("responses"))
		case f.Where == "response" && f.Schema == "" && r.statusKey != "":
			// content-type and decode failures belong to the selected response.
			f.Schema = o.pos("responses", r.statusKey, "content")
		}
	}
	r.Findings = out
	if slices.ContainsFunc(out, func(f Finding) bool { return f.Rule == "status" || f.Rule == "undeclared-status" }) {
		// Only a status suggestion reads the body again (proposedResponse); a run
		// over many interactions keeps no decoded body it will not use.
		if !tree {
			decoded = decodeBody(ix)
		}
		r.body = keep(decoded)
	}
	return r
}

// responseOptions are how ValidateResponse checks a response: its body
// included, and left to the compiled check. openapi3filter only reads them.
var responseOptions = [2]openapi3filter.Options{
	{MultiError: true, IncludeResponseStatus: true},
	{MultiError: true, IncludeResponseStatus: true, ExcludeResponseBody: true},
}

// CheckRecording checks every interaction of a recording (cassette or HAR), or
// those of opts.Shard. Entry numbers are positions in the recording either way.
func (s *Set) CheckRecording(path string, opts Options) ([]Result, error) {
	results, _, err := s.CheckEntries(path, opts)
	return results, err
}

// CheckEntries is CheckRecording, and also returns how many interactions the
// recording holds, those of other shards included. It checks each interaction as
// it is read (see EachInteraction), keeping only the results.
func (s *Set) CheckEntries(path string, opts Options) ([]Result, int, error) {
	var out []Result
	n, err := s.CheckEach(path, opts, func(r Result) { out = append(out, r) })
	if err != nil {
		return nil, 0, err
	}
	return out, n, nil
}

// CheckEach is CheckEntries handing each result to add as it comes, so that the
// caller keeps what it needs of them (see Tally). It returns how many
// interactions the recording holds. On an error some results may have been
// added already.
func (s *Set) CheckEach(path string, opts Options, add func(Result)) (int, error) {
	pick := opts.Shard.picker(path)
	n := 0
	err := EachInteraction(path, func(i int, ix Interaction) error {
		n++
		if !pick.take(ix) {
			return nil
		}
		r := s.Examine(ix, opts)
		r.Recording, r.Entry = path, i
		for j := range r.Findings {
			r.Findings[j].Recording, r.Findings[j].Entry = path, i
		}
		add(r)
		return nil
	})
	return n, err
}

// CheckFile checks every interaction of a recording and returns the findings and
// the number of interactions.
func (s *Set) CheckFile(path string, opts Options) ([]Finding, int, error) {
	results, err := s.CheckRecording(path, opts)
	if err != nil {
		return nil, 0, err
	}
	var out []Finding
	for _, r := range results {
		out = append(out, r.Findings...)
	}
	return out, len(results), nil
}

// queryParams is query as url.ParseQuery reads it back from query.Encode(): a key
// without values is not written, so not read. Such keys are rare, and query
// itself is used when there is none.
func queryParams(query url.Values) url.Values {
	same := query != nil
	for _, vs := range query {
		same = same && len(vs) > 0
	}
	if same {
		return query
	}
	out := make(url.Values, len(query))
	for k, vs := range query {
		if len(vs) > 0 {
			out[k] = vs
		}
	}
	return out
}

// incomplete names what a recorded interaction lacks that every real one has, ""
// when nothing: a cassette cut short parses, with empty fields.
func incomplete(ix Interaction) string {
	switch {
	case ix.Method == "":
		return "request method"
	case ix.URL == "":
		return "request URL"
	}
	return ""
}
