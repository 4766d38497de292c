// Package walkoracle holds the generated body walkers (check_gen.go) to
// kin-openapi: whatever body a walker accepts, openapi3filter's own decoding and
// VisitJSON with the options it validates a response (or request) body with
// must find nothing in. The generated packages' tests and fuzz targets run it.
package walkoracle

import (
	"bytes"
	"errors"
	"maps"
	"net/http"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/acs/jsondec"
	"github.com/acsgen/acsgen/generator/build"
	"github.com/acsgen/acsgen/generator/load"
)

// Walker is one generated walker and the schema of the bodies it judges.
type Walker struct {
	Name     string // operation ID and responses key, or "body"
	Walk     acs.BodyWalk
	Schema   *openapi3.SchemaRef
	Response bool  // a response body; else a request body
	Examples []any // the documented examples of the body: the media type's, else the schema's
}

// examples are the documented examples of media's bodies.
func examples(media *openapi3.MediaType) []any {
	var out []any
	if media.Example != nil {
		out = append(out, media.Example)
	}
	for _, name := range slices.Sorted(maps.Keys(media.Examples)) {
		if ex := media.Examples[name]; ex != nil && ex.Value != nil && ex.Value.Value != nil {
			out = append(out, ex.Value.Value)
		}
	}
	if len(out) == 0 && media.Schema.Value.Example != nil {
		out = append(out, media.Schema.Value.Example)
	}
	return out
}

// Walkers pairs every walker of cs with its schema in the spec files, loaded
// as acsgen contract loads them, sorted by name.
func Walkers(t testing.TB, cs acs.CompiledSpec, specs ...string) []Walker {
	t.Helper()
	ops := map[string]*openapi3.Operation{}
	for _, spec := range specs {
		loaded, err := load.File(spec)
		require.NoError(t, err)
		for _, item := range loaded.Doc.Paths.Map() {
			for _, op := range item.Operations() {
				ops[op.OperationID] = op
			}
		}
	}
	var out []Walker
	for _, id := range slices.Sorted(maps.Keys(cs.Walks)) {
		op := ops[id]
		require.NotNil(t, op, "operation %s", id)
		for _, key := range slices.Sorted(maps.Keys(cs.Walks[id])) {
			r := op.Responses.Value(key)
			require.NotNil(t, r, "%s %s", id, key)
			media, _ := build.JSONContent(r.Value.Content)
			require.NotNil(t, media, "%s %s", id, key)
			out = append(out, Walker{Name: id + " " + key, Walk: cs.Walks[id][key], Schema: media.Schema, Response: true,
				Examples: examples(media)})
		}
	}
	for _, id := range slices.Sorted(maps.Keys(cs.RequestWalks)) {
		op := ops[id]
		require.NotNil(t, op, "operation %s", id)
		media, _ := build.JSONContent(op.RequestBody.Value.Content)
		out = append(out, Walker{Name: id + " body", Walk: cs.RequestWalks[id], Schema: media.Schema, Examples: examples(media)})
	}
	require.NotEmpty(t, out)
	return out
}

// KinFinds is what kin-openapi finds in body against the walker's schema, nil
// for nothing: openapi3filter's JSON body decoder, then VisitJSON as
// ValidateResponse (or ValidateRequest) calls it.
func (w Walker) KinFinds(body []byte) error {
	value, err := openapi3filter.JSONBodyDecoder(bytes.NewReader(body), http.Header{}, w.Schema, nil)
	if err != nil {
		return err
	}
	opts := []openapi3.SchemaValidationOption{openapi3.MultiErrors(), openapi3.VisitAsRequest()}
	if w.Response {
		opts[1] = openapi3.VisitAsResponse()
	}
	return w.Schema.Value.VisitJSON(value, opts...)
}

// RequireSound requires of every walker that what it accepts of body, strict
// or not, kin-openapi finds nothing in. It returns how many walkers accepted.
func RequireSound(t testing.TB, walkers []Walker, body []byte) int {
	t.Helper()
	accepted := 0
	for _, w := range walkers {
		for _, strict := range []bool{false, true} {
			if jsondec.Judge(body, strict, w.Walk) != jsondec.Accepted {
				continue
			}
			accepted++
			err := w.KinFinds(body)
			if !strict {
				err = dropOpenEnums(err)
			}
			require.NoError(t, err, "%s accepted %q (strict=%v)", w.Name, body, strict)
		}
	}
	return accepted
}

// dropOpenEnums leaves out of err the values outside an open enum
// (x-acs-open-enum) that keep the rest of its schema, which acsgen contract
// reports only in strict mode.
func dropOpenEnums(err error) error {
	var keep openapi3.MultiError
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case openapi3.MultiError:
			for _, x := range e {
				walk(x)
			}
			return
		case *openapi3.SchemaError:
			if e.SchemaField == "enum" && e.Schema != nil && e.Schema.Extensions["x-acs-open-enum"] == true {
				// kin-openapi stops at the enum; the rest of the schema still holds
				// the value, as acsgen contract checks it.
				rest := *e.Schema
				rest.Enum = nil
				if err := rest.VisitJSON(e.Value, openapi3.MultiErrors(), openapi3.VisitAsResponse()); err != nil {
					keep = append(keep, err)
				}
				return
			}
			// An allOf's error wraps its parts' (as acsgen contract flattens them);
			// a oneOf or anyOf that no alternative matched stays whole.
			var me openapi3.MultiError
			if e.SchemaField != "oneOf" && e.SchemaField != "anyOf" && errors.As(e, &me) {
				walk(me)
				return
			}
		}
		keep = append(keep, err)
	}
	if err == nil {
		return nil
	}
	walk(err)
	if len(keep) == 0 {
		return nil
	}
	return keep
}
