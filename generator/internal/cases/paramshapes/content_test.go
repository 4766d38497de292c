package paramshapes_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generator/internal/cases/paramshapes"
	"github.com/acsgen/acsgen/internal/loopback"
	"github.com/acsgen/acsgen/internal/wireoracle"
)

// readContent stands in for openapi3filter's own content decoder, which reads
// application/json only: a text media type's value is its text (a number or a
// boolean when the schema is not a string's), a cookie's JSON is percent-decoded
// first. kin-openapi then checks the value against the schema.
func readContent(param *openapi3.Parameter, values []string) (any, *openapi3.Schema, error) {
	var ct string
	for k := range param.Content {
		ct = k
	}
	s := param.Content[ct].Schema.Value
	text := values[0]
	if param.In == openapi3.ParameterInCookie {
		unescaped, err := url.PathUnescape(text)
		if err != nil {
			return nil, nil, err
		}
		var v any
		return v, s, json.Unmarshal([]byte(unescaped), &v)
	}
	if s.Type.Is("string") || s.Type == nil {
		return text, s, nil
	}
	var v any
	return v, s, json.Unmarshal([]byte(text), &v)
}

// A parameter with content of a text media type (text/plain, */*) is its
// value's text, where a string parameter's would go; a cookie with content
// application/json is its JSON text, percent-encoded.
func TestContentParamsOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	c := client(t, srv.URL)
	_, err := c.GetNote(context.Background(), &paramshapes.GetNoteRequest{
		Note: "a b/c", Q: ptr(`say "hi"`), Count: ptr[int32](12), XNote: ptr("n,1"),
		Prefs: &paramshapes.Shade{Name: ptr("x, y"), On: ptr(true)},
	})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, "/notes/a%20b%2Fc", req.Path)
	assert.Equal(t, "count=12&q=say%20%22hi%22", req.RawQuery)
	assert.Equal(t, "n,1", req.Header.Get("X-Note"))
	assert.Equal(t, "prefs=%7B%22name%22%3A%22x%2C%20y%22%2C%22on%22%3Atrue%7D", req.Header.Get("Cookie"))
	verifies(t, req)
	require.NoError(t, decodesAs(t, req.Request, "GetNote", map[string]string{
		"note": `"a b/c"`, "q": `"say \"hi\""`, "count": `12`, "X-Note": `"n,1"`, "prefs": `{"name":"x, y","on":true}`,
	}, wireoracle.Options{ParamDecoder: readContent}))

	// openapi3filter's own decoder refuses them, as acsgen's warnings say.
	assert.ErrorContains(t, decodesAs(t, req.Request, "GetNote", nil), `has no content schema`)

	_, err = c.GetNote(context.Background(), &paramshapes.GetNoteRequest{Q: ptr("012345678901234567890")})
	var verr *acs.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "/note: required parameter is missing")
	assert.ErrorContains(t, err, "/q: ")
	assert.Len(t, srv.Requests(), 1)
}
