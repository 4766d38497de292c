package contract

import (
	"net/http"

	"github.com/getkin/kin-openapi/openapi3"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// anyObject stands for a generated type of the fixture's {type: object} bodies.
type anyObject map[string]any

func (*anyObject) Validate() error { return nil }

func says(yes bool) func(acs.Params, *acs.Validator) bool {
	return func(acs.Params, *acs.Validator) bool { return yes }
}

// guardSet loads testdata/paramguard.yaml with the given parameter checks and
// compiled checks of its object responses.
func guardSet(t *testing.T, params map[string]acs.ParamChecks) *Set {
	t.Helper()
	set, err := Load([]string{"testdata/paramguard.yaml"})
	require.NoError(t, err)
	if params != nil {
		body := acs.CheckResponse[anyObject]
		set.UseCompiled(acs.CompiledSpec{Specs: []acs.SpecDigest{{Digest: set.Specs()[0].SHA256}}, Params: params,
			Responses: map[string]acs.ResponseChecks{"plain": {"200": body}, "withHeader": {"200": body}}})
	}
	return set
}

// A check is used only where nothing else ValidateRequest looks at can fail: a
// schema it decodes otherwise (allOf) keeps it out. (Loading drops a security
// requirement naming an undeclared scheme, with a warning, so that one passes.)
func TestParamCheckGuards(t *testing.T) {
	set := guardSet(t, map[string]acs.ParamChecks{
		"plain":            {Params: []string{"query/n form* integer:int32"}, Check: says(true)},
		"undeclaredScheme": {Params: []string{"query/n form* integer:int32"}, Check: says(true)},
		"combined":         {Params: []string{"query/n form* integer"}, Check: says(true)},
		"withHeader":       {Params: []string{}, Check: says(true)},
	})
	assert.Equal(t, []string{"plain", "undeclaredScheme", "withHeader"}, set.CompiledParams())
}

// The check must read the parameters the route declares, each as kin-openapi
// reads it.
func TestParamCheckDescriptionMustMatch(t *testing.T) {
	for _, params := range [][]string{
		{"query/n form* integer"},      // parsed as int64, where kin-openapi parses int32
		{"query/n form integer:int32"}, // another explode
		{},                             // n not read
		{"query/m form* string", "query/n form* integer:int32"}, // one the route lacks
	} {
		set := guardSet(t, map[string]acs.ParamChecks{"plain": {Params: params, Check: says(true)}})
		assert.Empty(t, set.CompiledParams(), "%q", params)
	}
}

func plainGet(query string, respHeader http.Header) Interaction {
	return Interaction{Method: "GET", URL: "https://guards.example.com/plain" + query, Header: http.Header{},
		Status: 200, RespHeader: respHeader, RespBody: []byte(`{}`)}
}

// A yes skips ValidateRequest (here a check that says yes to anything hides a
// bad n); a no leaves the request to it, with its findings.
func TestParamCheckAnswers(t *testing.T) {
	jsonHeader := http.Header{"Content-Type": {"application/json"}}
	ix := plainGet("?n=abc", jsonHeader)
	kin := guardSet(t, nil).Examine(ix, Options{})
	require.Len(t, kin.Findings, 1)
	assert.Equal(t, "query/n", kin.Findings[0].Pointer)

	no := guardSet(t, map[string]acs.ParamChecks{"plain": {Params: []string{"query/n form* integer:int32"}, Check: says(false)}}).Examine(ix, Options{})
	assert.Equal(t, kin.Findings, no.Findings)
	assert.False(t, no.RequestCompiled())

	yes := guardSet(t, map[string]acs.ParamChecks{"plain": {Params: []string{"query/n form* integer:int32"}, Check: says(true)}}).Examine(ix, Options{})
	assert.Empty(t, yes.Findings)
	assert.True(t, yes.RequestCompiled())
	assert.Equal(t, ValidatorCompiled, yes.Validator)
}

// A response that declares a header is still ValidateResponse's to check when
// compiled code accepted its body and the request.
func TestDeclaredResponseHeadersStillChecked(t *testing.T) {
	ix := Interaction{Method: "GET", URL: "https://guards.example.com/with-header", Header: http.Header{},
		Status: 200, RespHeader: http.Header{"Content-Type": {"application/json"}}, RespBody: []byte(`{}`)}
	kin := guardSet(t, nil).Examine(ix, Options{})
	compiled := guardSet(t, map[string]acs.ParamChecks{"withHeader": {Params: []string{}, Check: says(true)}}).Examine(ix, Options{})
	require.NotEmpty(t, kin.Findings, "the required X-Request-Id is missing")
	assert.Equal(t, kin.Findings, compiled.Findings)
	assert.True(t, compiled.RequestCompiled())
	assert.Equal(t, ValidatorCompiled, compiled.Validator)
}

// A default kin-openapi would refuse (which loading refuses first) keeps a
// check out: kin-openapi validates the default of an absent parameter.
func TestDescribeParamRefusesBadDefault(t *testing.T) {
	p := &openapi3.Parameter{Name: "X-Mode", In: "header", Schema: openapi3.NewStringSchema().WithEnum("a", "b").NewRef()}
	assert.Equal(t, "header/X-Mode simple string+enum", describeParam(p))
	p.Schema.Value.Default = "c"
	assert.Empty(t, describeParam(p))
}

// A generated enum checks membership only, so a listed value the schema's other
// keywords refuse keeps a check out.
func TestDescribeParamRefusesContradictoryEnum(t *testing.T) {
	s := openapi3.NewStringSchema().WithEnum("ab", "abc")
	p := &openapi3.Parameter{Name: "k", In: "query", Schema: s.NewRef()}
	assert.Equal(t, "query/k form* string+enum", describeParam(p))
	s.WithMaxLength(2)
	assert.Empty(t, describeParam(p), "abc is longer than maxLength")
}

// With the no-op authenticator, security fails only where every requirement
// names a scheme the spec does not declare.
func TestNoopSecurityPasses(t *testing.T) {
	doc := &openapi3.T{Components: &openapi3.Components{SecuritySchemes: openapi3.SecuritySchemes{
		"key": {Value: openapi3.NewSecurityScheme()}}}}
	op := &openapi3.Operation{}
	assert.True(t, noopSecurityPasses(doc, op), "no requirement")
	op.Security = &openapi3.SecurityRequirements{{"nowhere": {}}}
	assert.False(t, noopSecurityPasses(doc, op))
	op.Security = &openapi3.SecurityRequirements{{"nowhere": {}}, {"key": {}}}
	assert.True(t, noopSecurityPasses(doc, op), "the second requirement passes")
	op.Security = nil
	doc.Security = openapi3.SecurityRequirements{{"nowhere": {}}}
	assert.False(t, noopSecurityPasses(doc, op), "the document's requirement applies")
}
