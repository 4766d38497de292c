package bench

import (
	"encoding/json"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generated/apig"
)

// validationInputs decodes the documented GetPluginAttachment body both ways: into
// the generated type for compiled validation, and into any for kin-openapi. Both
// benchmarks start from decoded values, so neither pays for decoding.
func validationInputs(tb testing.TB) (*apig.GetPluginAttachmentResponse, any, *openapi3.Schema) {
	tb.Helper()
	body := recordedBody(tb, "apig/GetPluginAttachment.yaml")
	var typed apig.GetPluginAttachmentResponse
	require.NoError(tb, json.Unmarshal(body, &typed))
	var generic any
	require.NoError(tb, json.Unmarshal(body, &generic))
	doc, err := openapi3.NewLoader().LoadFromFile(apigSpec)
	require.NoError(tb, err)
	return &typed, generic, doc.Components.Schemas["GetPluginAttachmentResponse"].Value
}

// BenchmarkValidateResponse checks the documented body against its schema.
func BenchmarkValidateResponse(b *testing.B) {
	typed, generic, schema := validationInputs(b)
	b.Run("compiled", func(b *testing.B) {
		require.NoError(b, typed.Validate())
		b.ReportAllocs()
		for b.Loop() {
			if err := typed.Validate(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("kin-openapi", func(b *testing.B) {
		require.NoError(b, schema.VisitJSON(generic, openapi3.MultiErrors()))
		b.ReportAllocs()
		for b.Loop() {
			if err := schema.VisitJSON(generic, openapi3.MultiErrors()); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// Both validators accept the documented body and reject it once the port union is
// broken. (Its enums are open, so a new value would not do: the generated code
// accepts one, and kin-openapi, which knows nothing of x-acs-open-enum, does not.)
func TestValidationInputsAgree(t *testing.T) {
	typed, generic, schema := validationInputs(t)
	require.NoError(t, typed.Validate())
	require.NoError(t, schema.VisitJSON(generic))
	env := typed.Data.ParentResourceInfo.APIInfo.Environments[0]
	env.ServiceConfigs[0].Port = &apig.HTTPAPIAPIInfoEnvironmentsServiceConfigsPort{}
	api := generic.(map[string]any)["data"].(map[string]any)["parentResourceInfo"].(map[string]any)["apiInfo"].(map[string]any)
	api["environments"].([]any)[0].(map[string]any)["serviceConfigs"].([]any)[0].(map[string]any)["port"] = true
	require.ErrorContains(t, typed.Validate(), `/data/parentResourceInfo/apiInfo/environments/0/serviceConfigs/0/port: no alternative is set`)
	require.Error(t, schema.VisitJSON(generic))
}
