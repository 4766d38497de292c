package spec_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/stretchr/testify/require"
)

const (
	cloudAPISpec = "cloudapi-2016-07-14.yaml"
	apigSpec     = "apig-2024-03-27.yaml"

	attachPluginPath = "/#Action=AttachPlugin"
	getAttachPath    = "/v1/plugin-attachments/{pluginAttachmentId}"
)

// load reads and validates one spec the way every consumer in the repository does.
func load(t *testing.T, file string) *openapi3.T {
	t.Helper()
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = true
	doc, err := loader.LoadFromFile(file)
	require.NoError(t, err, "load %s", file)
	require.NoError(t, doc.Validate(loader.Context,
		openapi3.EnableExamplesValidation(),
		openapi3.EnableMultiError(),
	), "validate %s", file)
	return doc
}

func specFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	sort.Strings(files)
	return files
}

func TestSpecsLoadAndValidate(t *testing.T) {
	files := specFiles(t)
	require.Contains(t, files, cloudAPISpec)
	require.Contains(t, files, apigSpec)
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			doc := load(t, file)
			for _, key := range []string{"x-acs-product", "x-acs-version", "x-acs-style"} {
				v, ok := doc.Extensions[key].(string)
				require.True(t, ok && v != "", "%s: root %s missing", file, key)
			}
			require.NotEmpty(t, doc.Servers, "servers")
			region := doc.Servers[0].Variables["regionId"]
			require.NotNil(t, region, "servers[0] has no regionId variable")
			require.Equal(t, "cn-hangzhou", region.Default)
			require.Contains(t, region.Enum, region.Default)
			require.NotNil(t, doc.Components.SecuritySchemes["ACS3"], "ACS3 security scheme")
			require.Equal(t, openapi3.SecurityRequirements{{"ACS3": []string{}}}, doc.Security)
		})
	}
}

func TestOperationsHaveIDs(t *testing.T) {
	for _, file := range specFiles(t) {
		doc := load(t, file)
		for _, path := range doc.Paths.InMatchingOrder() {
			for method, op := range doc.Paths.Value(path).Operations() {
				require.NotEmpty(t, op.OperationID, "%s: %s %s has no operationId", file, method, path)
				responses := op.Responses.Map()
				require.Contains(t, responses, "200", "%s: %s", file, op.OperationID)
				require.Contains(t, responses, "4XX", "%s: %s", file, op.OperationID)
				require.Contains(t, responses, "5XX", "%s: %s", file, op.OperationID)
			}
		}
	}
}

// TestPropertiesHaveDescriptions walks every schema reachable from components and
// operations and requires a description on every property, and that no schema closes
// itself with additionalProperties: false.
func TestPropertiesHaveDescriptions(t *testing.T) {
	for _, file := range specFiles(t) {
		doc := load(t, file)
		w := &walker{seen: map[*openapi3.Schema]bool{}}
		names := make([]string, 0, len(doc.Components.Schemas))
		for name := range doc.Components.Schemas {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			w.walk(doc.Components.Schemas[name], "components.schemas."+name)
		}
		for name, r := range doc.Components.Responses {
			for mt, m := range r.Value.Content {
				w.walk(m.Schema, fmt.Sprintf("components.responses.%s.%s", name, mt))
			}
		}
		for _, path := range doc.Paths.InMatchingOrder() {
			for method, op := range doc.Paths.Value(path).Operations() {
				for _, p := range op.Parameters {
					require.NotEmpty(t, p.Value.Description, "%s: parameter %s of %s has no description", file, p.Value.Name, op.OperationID)
					w.walk(p.Value.Schema, fmt.Sprintf("paths.%s.%s.parameters.%s", path, method, p.Value.Name))
				}
				for code, r := range op.Responses.Map() {
					for mt, m := range r.Value.Content {
						w.walk(m.Schema, fmt.Sprintf("paths.%s.%s.responses.%s.%s", path, method, code, mt))
					}
				}
			}
		}
		require.Greater(t, w.properties, 0, file)
		require.Empty(t, w.problems, "%s:\n%s", file, strings.Join(w.problems, "\n"))
	}
}

type walker struct {
	seen       map[*openapi3.Schema]bool
	problems   []string
	properties int
}

func (w *walker) walk(ref *openapi3.SchemaRef, at string) {
	if ref == nil || ref.Value == nil || w.seen[ref.Value] {
		return
	}
	s := ref.Value
	w.seen[s] = true
	if ap := s.AdditionalProperties.Has; ap != nil && !*ap {
		w.problems = append(w.problems, at+": additionalProperties: false")
	}
	names := make([]string, 0, len(s.Properties))
	for name := range s.Properties {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := s.Properties[name]
		w.properties++
		if p.Value == nil || strings.TrimSpace(p.Value.Description) == "" {
			w.problems = append(w.problems, at+".properties."+name+": no description")
		}
		w.walk(p, at+".properties."+name)
	}
	w.walk(s.Items, at+".items")
	w.walk(s.AdditionalProperties.Schema, at+".additionalProperties")
	for i, sub := range s.OneOf {
		w.walk(sub, fmt.Sprintf("%s.oneOf.%d", at, i))
	}
	for i, sub := range s.AnyOf {
		w.walk(sub, fmt.Sprintf("%s.anyOf.%d", at, i))
	}
	for i, sub := range s.AllOf {
		w.walk(sub, fmt.Sprintf("%s.allOf.%d", at, i))
	}
}

// route builds the route by hand: RPC path keys carry a fragment that no HTTP
// router matches, so the contract checker routes RPC calls by action instead.
func route(t *testing.T, doc *openapi3.T, path, method string) *routers.Route {
	t.Helper()
	item := doc.Paths.Value(path)
	require.NotNil(t, item, "path %s", path)
	op := item.GetOperation(method)
	require.NotNil(t, op, "%s %s", method, path)
	return &routers.Route{Spec: doc, Path: path, PathItem: item, Method: method, Operation: op}
}

func requestInput(req *http.Request, r *routers.Route, pathParams map[string]string) *openapi3filter.RequestValidationInput {
	return &openapi3filter.RequestValidationInput{
		Request:    req,
		PathParams: pathParams,
		Route:      r,
		Options: &openapi3filter.Options{
			AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
			MultiError:         true,
		},
	}
}

func attachPluginRequest(t *testing.T, doc *openapi3.T, q url.Values) error {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "https://apigateway.cn-hangzhou.aliyuncs.com/?"+q.Encode(), nil)
	req.Header.Set("x-acs-action", "AttachPlugin")
	req.Header.Set("x-acs-version", "2016-07-14")
	return openapi3filter.ValidateRequest(context.Background(), requestInput(req, route(t, doc, attachPluginPath, http.MethodPost), nil))
}

func apiIDs(n int) string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("api%03d", i)
	}
	return strings.Join(ids, ",")
}

func TestAttachPluginParameters(t *testing.T) {
	doc := load(t, cloudAPISpec)
	base := func() url.Values {
		return url.Values{"PluginId": {"9a3f1a5279434f2ba74ccd91c295af9f"}, "StageName": {"TEST"}}
	}

	t.Run("minimal", func(t *testing.T) {
		require.NoError(t, attachPluginRequest(t, doc, base()))
	})
	t.Run("all parameters", func(t *testing.T) {
		q := base()
		q.Set("GroupId", "285bb759342649a1b70c2093a772e087")
		q.Set("ApiId", "8afff6c8c4c6447abb035812e4d66b65")
		q.Set("ApiIds", "a,b,c")
		require.NoError(t, attachPluginRequest(t, doc, q))
	})
	t.Run("ApiIds accepts 100", func(t *testing.T) {
		q := base()
		q.Set("ApiIds", apiIDs(100))
		require.NoError(t, attachPluginRequest(t, doc, q))
	})
	t.Run("ApiIds rejects 101", func(t *testing.T) {
		q := base()
		q.Set("ApiIds", apiIDs(101))
		err := attachPluginRequest(t, doc, q)
		require.Error(t, err)
		require.Contains(t, err.Error(), "ApiIds")
		require.Contains(t, err.Error(), "maximum number of items is 100")
	})
	t.Run("ApiIds parameter alone", func(t *testing.T) {
		r := route(t, doc, attachPluginPath, http.MethodPost)
		var param *openapi3.Parameter
		for _, p := range r.Operation.Parameters {
			if p.Value.Name == "ApiIds" {
				param = p.Value
			}
		}
		require.NotNil(t, param)
		require.Equal(t, "form", param.Style)
		require.False(t, *param.Explode)
		for n, ok := range map[int]bool{1: true, 100: true, 101: false} {
			req := httptest.NewRequest(http.MethodPost, "/?ApiIds="+apiIDs(n), nil)
			err := openapi3filter.ValidateParameter(context.Background(), requestInput(req, r, nil), param)
			if ok {
				require.NoError(t, err, "%d ids", n)
			} else {
				require.Error(t, err, "%d ids", n)
			}
		}
	})
	for _, stage := range []string{"RELEASE", "PRE", "TEST"} {
		t.Run("StageName "+stage, func(t *testing.T) {
			q := base()
			q.Set("StageName", stage)
			require.NoError(t, attachPluginRequest(t, doc, q))
		})
	}
	t.Run("StageName rejects PROD", func(t *testing.T) {
		q := base()
		q.Set("StageName", "PROD")
		err := attachPluginRequest(t, doc, q)
		require.Error(t, err)
		require.Contains(t, err.Error(), "StageName")
	})
	t.Run("PluginId required", func(t *testing.T) {
		q := base()
		q.Del("PluginId")
		err := attachPluginRequest(t, doc, q)
		require.Error(t, err)
		require.Contains(t, err.Error(), "PluginId")
	})
}

// validateResponse checks body as the response to a request against route.
func validateResponse(t *testing.T, r *routers.Route, req *http.Request, pathParams map[string]string, status int, body []byte) error {
	t.Helper()
	in := requestInput(req, r, pathParams)
	require.NoError(t, openapi3filter.ValidateRequest(context.Background(), in))
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 status,
		Header:                 http.Header{"Content-Type": {"application/json"}},
		Body:                   io.NopCloser(bytes.NewReader(body)),
		Options:                &openapi3filter.Options{MultiError: true, IncludeResponseStatus: true},
	}
	return openapi3filter.ValidateResponse(context.Background(), out)
}

func mediaExample(t *testing.T, doc *openapi3.T, path, method, status string) map[string]any {
	t.Helper()
	resp := doc.Paths.Value(path).GetOperation(method).Responses.Value(status)
	require.NotNil(t, resp, "%s %s %s", method, path, status)
	mt := resp.Value.Content.Get("application/json")
	require.NotNil(t, mt)
	require.NotNil(t, mt.Example, "no example on %s %s %s", method, path, status)
	// Deep copy so that callers can mutate it.
	b, err := json.Marshal(mt.Example)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	return m
}

func TestGetPluginAttachmentExample(t *testing.T) {
	doc := load(t, apigSpec)
	r := route(t, doc, getAttachPath, http.MethodGet)
	params := map[string]string{"pluginAttachmentId": "pa-cvl541em1hkk7n8vq810"}
	newReq := func() *http.Request {
		return httptest.NewRequest(http.MethodGet, "https://apig.cn-hangzhou.aliyuncs.com/v1/plugin-attachments/pa-cvl541em1hkk7n8vq810", nil)
	}
	validate := func(t *testing.T, body map[string]any) error {
		b, err := json.Marshal(body)
		require.NoError(t, err)
		return validateResponse(t, r, newReq(), params, http.StatusOK, b)
	}
	at := func(m map[string]any, keys ...any) any {
		var v any = m
		for _, k := range keys {
			switch k := k.(type) {
			case string:
				v = v.(map[string]any)[k]
			case int:
				v = v.([]any)[k]
			}
		}
		return v
	}
	apiInfo := func(m map[string]any) map[string]any {
		return at(m, "data", "parentResourceInfo", "apiInfo").(map[string]any)
	}
	serviceConfig := func(m map[string]any) map[string]any {
		return at(m, "data", "parentResourceInfo", "apiInfo", "environments", 0, "serviceConfigs", 0).(map[string]any)
	}

	t.Run("documented example", func(t *testing.T) {
		ex := mediaExample(t, doc, getAttachPath, http.MethodGet, "200")
		require.Equal(t, float64(8080), serviceConfig(ex)["port"], "the docs example sends port as a number")
		require.Equal(t, true, apiInfo(ex)["enabelAuth"])
		require.NoError(t, validate(t, ex))
	})
	t.Run("port as string", func(t *testing.T) {
		ex := mediaExample(t, doc, getAttachPath, http.MethodGet, "200")
		serviceConfig(ex)["port"] = "8080"
		require.NoError(t, validate(t, ex))
	})
	t.Run("enableAuth instead of enabelAuth", func(t *testing.T) {
		ex := mediaExample(t, doc, getAttachPath, http.MethodGet, "200")
		info := apiInfo(ex)
		delete(info, "enabelAuth")
		info["enableAuth"] = true
		require.NoError(t, validate(t, ex))
	})
	t.Run("newer fields", func(t *testing.T) {
		ex := mediaExample(t, doc, getAttachPath, http.MethodGet, "200")
		info := apiInfo(ex)
		info["modelCategory"] = "Text"
		info["agentProtocols"] = []any{"A2A"}
		info["deployCntMap"] = map[string]any{"env-xxx": map[string]any{"deployedCnt": 1, "Cnt": 2, "cnt": 2}}
		fallback := at(ex, "data", "parentResourceInfo", "apiInfo", "deployConfigs", 0, "policyConfigs", 0, "aiFallbackConfig").(map[string]any)
		delete(fallback, "serviceIds")
		fallback["serviceConfigs"] = []any{map[string]any{"serviceId": "svc-xxx", "targetModelName": "qwen-max"}}
		at(ex, "data", "gatewayInfo").(map[string]any)["gatewayEdition"] = "Serverless"
		require.NoError(t, validate(t, ex))
	})
	t.Run("unknown fields are accepted", func(t *testing.T) {
		ex := mediaExample(t, doc, getAttachPath, http.MethodGet, "200")
		ex["data"].(map[string]any)["somethingNew"] = map[string]any{"x": 1}
		require.NoError(t, validate(t, ex))
	})
	// The negative cases prove the validation above is not vacuous.
	t.Run("port as boolean is rejected", func(t *testing.T) {
		ex := mediaExample(t, doc, getAttachPath, http.MethodGet, "200")
		serviceConfig(ex)["port"] = true
		require.Error(t, validate(t, ex))
	})
	t.Run("unknown enum value is rejected", func(t *testing.T) {
		ex := mediaExample(t, doc, getAttachPath, http.MethodGet, "200")
		at(ex, "data", "parentResourceInfo").(map[string]any)["resourceType"] = "Bogus"
		err := validate(t, ex)
		require.Error(t, err)
		require.Contains(t, err.Error(), "resourceType")
	})
	t.Run("timestamp must be an integer", func(t *testing.T) {
		ex := mediaExample(t, doc, getAttachPath, http.MethodGet, "200")
		at(ex, "data", "environmentInfo").(map[string]any)["createTimestamp"] = "1721116090326"
		require.Error(t, validate(t, ex))
	})
	t.Run("error example", func(t *testing.T) {
		ex := mediaExample(t, doc, getAttachPath, http.MethodGet, "4XX")
		b, err := json.Marshal(ex)
		require.NoError(t, err)
		require.NoError(t, validateResponse(t, r, newReq(), params, http.StatusNotFound, b))
		require.NoError(t, validateResponse(t, r, newReq(), params, http.StatusInternalServerError, b))
	})
}

func TestAttachPluginExamples(t *testing.T) {
	doc := load(t, cloudAPISpec)
	r := route(t, doc, attachPluginPath, http.MethodPost)
	newReq := func() *http.Request {
		return httptest.NewRequest(http.MethodPost, "https://apigateway.cn-hangzhou.aliyuncs.com/?PluginId=p1&StageName=TEST", nil)
	}
	for status, code := range map[int]string{http.StatusOK: "200", http.StatusBadRequest: "4XX", http.StatusServiceUnavailable: "5XX"} {
		ex := mediaExample(t, doc, attachPluginPath, http.MethodPost, code)
		b, err := json.Marshal(ex)
		require.NoError(t, err)
		require.NoError(t, validateResponse(t, r, newReq(), nil, status, b), "status %d", status)
	}
	ok := mediaExample(t, doc, attachPluginPath, http.MethodPost, "200")
	require.Equal(t, map[string]any{"RequestId": "EF924FE4-2EDD-4CD3-89EC-34E4708574E7"}, ok)
}

// TestExamplesUseOnlyDocumentedKeys complements example validation: schemas stay open
// (no additionalProperties: false), so validation alone would accept an example key the
// spec forgot to declare.
func TestExamplesUseOnlyDocumentedKeys(t *testing.T) {
	for _, file := range specFiles(t) {
		doc := load(t, file)
		var problems []string
		check := func(at string, content openapi3.Content) {
			for mt, m := range content {
				if m.Example != nil {
					undocumentedKeys(m.Schema, m.Example, at+"."+mt+".example", &problems)
				}
				for name, ex := range m.Examples {
					undocumentedKeys(m.Schema, ex.Value.Value, at+"."+mt+".examples."+name, &problems)
				}
			}
		}
		for _, path := range doc.Paths.InMatchingOrder() {
			for method, op := range doc.Paths.Value(path).Operations() {
				for code, r := range op.Responses.Map() {
					if r.Ref == "" {
						check(fmt.Sprintf("paths.%s.%s.responses.%s", path, method, code), r.Value.Content)
					}
				}
			}
		}
		for name, r := range doc.Components.Responses {
			check("components.responses."+name, r.Value.Content)
		}
		require.Empty(t, problems, "%s:\n%s", file, strings.Join(problems, "\n"))
	}
}

func undocumentedKeys(ref *openapi3.SchemaRef, v any, at string, problems *[]string) {
	if ref == nil || ref.Value == nil {
		return
	}
	s := ref.Value
	switch v := v.(type) {
	case map[string]any:
		for key, val := range v {
			if p, ok := s.Properties[key]; ok {
				undocumentedKeys(p, val, at+"."+key, problems)
				continue
			}
			if s.AdditionalProperties.Schema != nil {
				undocumentedKeys(s.AdditionalProperties.Schema, val, at+"."+key, problems)
				continue
			}
			if len(s.Properties) > 0 { // an object without properties is free-form
				*problems = append(*problems, at+"."+key+": not declared in the schema")
			}
		}
	case []any:
		for i, item := range v {
			undocumentedKeys(s.Items, item, fmt.Sprintf("%s[%d]", at, i), problems)
		}
	}
}

// TestResponseEnumsOpenRequestEnumsClosed holds spec/README.md's rule: every enum a
// response reaches is x-acs-open-enum: true, every enum a request reaches (parameters
// and bodies) is closed, and no schema is reached from both sides.
func TestResponseEnumsOpenRequestEnumsClosed(t *testing.T) {
	for _, file := range specFiles(t) {
		doc := load(t, file)
		request, response := map[*openapi3.Schema]string{}, map[*openapi3.Schema]string{}
		for _, path := range doc.Paths.InMatchingOrder() {
			for method, op := range doc.Paths.Value(path).Operations() {
				at := fmt.Sprintf("paths.%s.%s", path, method)
				for _, p := range op.Parameters {
					enums(p.Value.Schema, at+".parameters."+p.Value.Name, request)
				}
				if op.RequestBody != nil && op.RequestBody.Value != nil {
					for mt, m := range op.RequestBody.Value.Content {
						enums(m.Schema, at+".requestBody."+mt, request)
					}
				}
				for code, r := range op.Responses.Map() {
					for mt, m := range r.Value.Content {
						enums(m.Schema, at+".responses."+code+"."+mt, response)
					}
				}
			}
		}
		var problems []string
		for s, at := range response {
			if s.Extensions["x-acs-open-enum"] != true {
				problems = append(problems, at+": a response enum without x-acs-open-enum: true")
			}
			if other, both := request[s]; both {
				problems = append(problems, at+": the same enum is reached by a request, at "+other)
			}
		}
		for s, at := range request {
			if _, open := s.Extensions["x-acs-open-enum"]; open {
				problems = append(problems, at+": a request enum marked x-acs-open-enum")
			}
		}
		sort.Strings(problems)
		require.Empty(t, problems, "%s:\n%s", file, strings.Join(problems, "\n"))
	}
	require.NotEmpty(t, load(t, cloudAPISpec).Paths.Value(attachPluginPath).Post.Parameters.GetByInAndName("query", "StageName").Schema.Value.Enum,
		"StageName is a closed request enum")
}

// enums records every schema with an enum that ref reaches, by the first path seen.
func enums(ref *openapi3.SchemaRef, at string, into map[*openapi3.Schema]string) {
	seen := map[*openapi3.Schema]bool{}
	var walk func(ref *openapi3.SchemaRef, at string)
	walk = func(ref *openapi3.SchemaRef, at string) {
		if ref == nil || ref.Value == nil || seen[ref.Value] {
			return
		}
		s := ref.Value
		seen[s] = true
		if _, dup := into[s]; len(s.Enum) > 0 && !dup {
			into[s] = at
		}
		for name, p := range s.Properties {
			walk(p, at+".properties."+name)
		}
		walk(s.Items, at+".items")
		walk(s.AdditionalProperties.Schema, at+".additionalProperties")
		for _, list := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf, s.AllOf} {
			for i, sub := range list {
				walk(sub, fmt.Sprintf("%s.%d", at, i))
			}
		}
	}
	walk(ref, at)
}
