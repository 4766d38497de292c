package mock

import (
	"encoding/json"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/build"
)

// example is the spec's answer to a valid request.
type example struct {
	status    int
	body      map[string]any // nil when the example is not a JSON object
	raw       []byte         // the example as JSON, or the body of another media type
	requestID string         // the example's own request ID, "" when it has none
	// contentType is set when the success response is not JSON: raw is then the
	// media type's string example, or empty.
	contentType string
}

// example returns the success example of rt's operation, computed once.
func (s *Server) example(rt *contract.Route) *example {
	key := rt.Spec + " " + rt.OperationID
	if e, ok := s.examples.Load(key); ok {
		return e.(*example)
	}
	e := buildExample(rt.Route.Operation)
	s.examples.Store(key, e)
	return e
}

// buildExample takes the lowest declared 2xx status (2XX counts as 200) and its
// application/json example: the media type's example, else its first named example,
// else the schema's example, else an empty object.
func buildExample(op *openapi3.Operation) *example {
	e := &example{status: http.StatusOK}
	var resp *openapi3.ResponseRef
	if op.Responses != nil {
		codes := []int{}
		for k := range op.Responses.Map() {
			if n, err := strconv.Atoi(k); err == nil && n >= 200 && n < 300 {
				codes = append(codes, n)
			}
		}
		if len(codes) > 0 {
			e.status = slices.Min(codes)
			resp = op.Responses.Status(e.status)
		} else {
			resp = op.Responses.Value("2XX")
		}
	}
	if resp != nil && resp.Value != nil && len(resp.Value.Content) > 0 {
		if mt, _ := build.JSONContent(resp.Value.Content); mt == nil {
			return rawExample(e, resp.Value.Content)
		}
	}
	var value any = map[string]any{}
	if resp != nil && resp.Value != nil {
		if mt := resp.Value.Content.Get("application/json"); mt != nil {
			switch {
			case mt.Example != nil:
				value = mt.Example
			case len(mt.Examples) > 0:
				names := make([]string, 0, len(mt.Examples))
				for n := range mt.Examples {
					names = append(names, n)
				}
				slices.Sort(names)
				if ex := mt.Examples[names[0]]; ex != nil && ex.Value != nil {
					value = ex.Value.Value
				}
			case mt.Schema != nil && mt.Schema.Value != nil && mt.Schema.Value.Example != nil:
				value = mt.Schema.Value.Example
			}
		}
	}
	e.raw, _ = json.Marshal(value) // values from a YAML or JSON document always marshal
	if obj, ok := value.(map[string]any); ok {
		e.body = obj
	}
	e.requestID = bodyRequestID(e.raw)
	return e
}

// rawExample answers a success response that has no JSON media type with the
// first of them by name (application/octet-stream for a range such as */*) and its
// string example as the body; an empty body when it has none.
func rawExample(e *example, c openapi3.Content) *example {
	names := make([]string, 0, len(c))
	for ct := range c {
		if _, _, err := mime.ParseMediaType(ct); err == nil {
			names = append(names, ct)
		}
	}
	if len(names) == 0 {
		e.raw = []byte("{}")
		return e
	}
	slices.Sort(names)
	e.contentType = names[0]
	if strings.Contains(e.contentType, "*") {
		e.contentType = "application/octet-stream"
	}
	if mt := c[names[0]]; mt != nil {
		var v any = mt.Example
		if v == nil && mt.Schema != nil && mt.Schema.Value != nil {
			v = mt.Schema.Value.Example
		}
		if text, ok := v.(string); ok {
			e.raw = []byte(text)
		}
	}
	return e
}

// write answers the example. Its request ID is the example's own when it has one
// (so that documented bodies come back verbatim); otherwise a fresh one is put in
// the body under the style's key (RequestId for RPC, requestId for ROA).
func (e *example) write(w http.ResponseWriter, style string) {
	if e.contentType != "" {
		h := w.Header()
		h.Set("Content-Type", e.contentType)
		h.Set("X-Acs-Request-Id", newRequestID())
		w.WriteHeader(e.status)
		_, _ = w.Write(e.raw)
		return
	}
	if id := e.requestID; id != "" || e.body == nil {
		if id == "" {
			id = newRequestID()
		}
		writeJSON(w, e.status, id, e.raw)
		return
	}
	id := newRequestID()
	body := make(map[string]any, len(e.body)+1)
	for k, v := range e.body {
		body[k] = v
	}
	if style == "RPC" {
		body["RequestId"] = id
	} else {
		body["requestId"] = id
	}
	b, _ := json.Marshal(body)
	writeJSON(w, e.status, id, b)
}
