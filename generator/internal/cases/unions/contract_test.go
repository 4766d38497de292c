package unions_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/internal/cases/unions"
	"github.com/acsgen/acsgen/generator/internal/cases/unions/unionscheck"
	"github.com/acsgen/acsgen/mock"
)

var jsonHeader = http.Header{"Content-Type": {"application/json"}}

func catalogResponse(body string) contract.Interaction {
	return contract.Interaction{Method: "GET", URL: "https://unions.example.com/catalog", Header: http.Header{},
		Status: 200, RespHeader: jsonHeader, RespBody: []byte(body)}
}

func putConfig(request, response string) contract.Interaction {
	return contract.Interaction{Method: "POST", URL: "https://unions.example.com/configs", Header: jsonHeader.Clone(),
		Body: []byte(request), Status: 200, RespHeader: jsonHeader, RespBody: []byte(response)}
}

// acsgen contract checks bodies of these unions with the generated types while
// the spec is the one they came from, and must find exactly what kin-openapi
// finds: the compiled check only ever says yes, so it must never say yes to a
// body kin-openapi refuses.
func TestContractFindsWhatKinFinds(t *testing.T) {
	kin, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	compiled, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	require.Equal(t, 2, compiled.UseCompiled(unionscheck.CompiledSpec), "the 200 bodies of GetCatalog and PutConfig")

	var ixs []contract.Interaction
	valid := 0
	for name, list := range samples {
		for _, s := range list {
			ixs = append(ixs, catalogResponse(`{"`+name+`":`+s.json+`}`))
			if s.field != "" {
				valid++
			}
		}
	}
	for _, s := range samples["config"] {
		ixs = append(ixs, putConfig(s.json, s.json))
	}
	byCompiled := 0
	for _, ix := range ixs {
		for _, opts := range []contract.Options{{}, {Strict: true}} {
			got, want := compiled.Examine(ix, opts), kin.Examine(ix, opts)
			require.Equal(t, want.Findings, got.Findings, "strict=%v, request %s, response %s", opts.Strict, ix.Body, ix.RespBody)
			// Strict mode adds drift (undocumented members) however the schema was checked.
			if got.Validator == contract.ValidatorCompiled && !opts.Strict {
				require.Empty(t, want.Findings, "compiled code accepted %s", ix.RespBody)
				if ix.Method == "GET" {
					byCompiled++
				}
			}
		}
	}
	// Every valid catalog but the three whose union holds members the
	// alternative picked does not declare (its encoding drops them, so kin-openapi
	// judges the body) goes the compiled way.
	assert.Equal(t, valid-3, byCompiled, "of %d valid catalog bodies", valid)
}

// acsgen mock validates requests with kin-openapi and answers with the spec's
// examples; the generated client sends these unions and decodes the answers.
func TestClientAgainstTheMock(t *testing.T) {
	set, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	server, err := mock.New(set, mock.Options{})
	require.NoError(t, err)
	srv := httptest.NewServer(server)
	t.Cleanup(srv.Close)
	c, err := unions.NewClient(acs.WithEndpoint(srv.URL), acs.WithHTTPClient(srv.Client()), acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	ctx := context.Background()

	got, err := c.GetCatalog(ctx, &unions.GetCatalogRequest{})
	require.NoError(t, err)
	assert.Equal(t, "ab", *got.Code.String)
	assert.Equal(t, "2024-03-27", *got.Stamp.String)
	assert.Equal(t, int64(2), *got.Amount.Int64)
	assert.Equal(t, 1.5, *got.Count.Float64)
	assert.Equal(t, unions.LowA, *got.Level.Low)
	assert.Equal(t, int64(8080), *got.Config.ServerConfig.Port)
	metadata, ok := got.Data.NumberData.Metadata.Get()
	assert.True(t, ok)
	assert.Equal(t, int64(7), metadata)
	assert.Equal(t, 3.0, *got.Filter.LessOp.Lt)
	assert.NotNil(t, got.Pair.Single)
	assert.Equal(t, int64(7), got.Item.NumberItem.ID)
	assert.Equal(t, map[string]int64{"n": 1}, *got.Bag.Map)
	assert.True(t, *(*got.Predicate.Array)[0].Scalar.Bool)
	assert.Equal(t, "x", *(*got.Predicate.Array)[1].NotOp.Not.Scalar.String)
	assert.Equal(t, unions.ID("0b5e2f3c-8d4a-4c1e-9f7a-2b6d8e0c1a3f"), *got.ID)
	assert.Equal(t, 1.0, got.Anything.Point.X)
	assert.Equal(t, "hi", got.Message.TextMessage.Content.PlainText.Text)

	stored, err := c.PutConfig(ctx, &unions.PutConfigRequest{Body: &unions.Config{ClientConfig: &unions.ClientConfig{Host: "gw", Port: new("dynamic")}}})
	require.NoError(t, err)
	assert.Equal(t, "dynamic", *stored.ClientConfig.Port)

	// A host alone is valid for both configs, which oneOf refuses: the mock does.
	_, err = c.PutConfig(ctx, &unions.PutConfigRequest{Body: &unions.Config{ServerConfig: &unions.ServerConfig{Host: "gw"}}})
	var apiErr *acs.Error
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
}
