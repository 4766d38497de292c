package interop_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
)

// The plug-in attachment lifecycle (APIG Create/List/Update/DeletePluginAttachment,
// CloudAPI DetachPlugin, DescribePluginsByApi, DescribePluginApis) held to
// darabonba-openapi CallApi on loopback, as GetPluginAttachment and AttachPlugin
// are in wire_test.go. The darabonba side is what the official SDKs' *WithOptions
// methods hand CallApi: the fields that are set, in a query map through
// openapiutil.Query or a body map through openapiutil.ParseToMap, and the Params the
// SDK fixes for the operation.

// sdkParams are the CallApi Params of one operation of the official SDKs.
func sdkParams(action, version, style, method, pathname string) *openapiutil.Params {
	bodyType := "json"
	if style == "RPC" {
		bodyType = "formData"
	}
	return &openapiutil.Params{
		Action: dara.String(action), Version: dara.String(version), Protocol: dara.String("HTTPS"),
		Pathname: dara.String(pathname), Method: dara.String(method), AuthType: dara.String("AK"),
		Style: dara.String(style), ReqBodyType: dara.String(bodyType), BodyType: dara.String("json"),
	}
}

// setIfAny puts v into m under name unless v is a nil pointer or slice, as the SDKs'
// `if !dara.IsNil(request.X)` does.
func setIfAny(m map[string]any, name string, v any) {
	if !dara.IsNil(v) {
		m[name] = v
	}
}

// stringPtrs is a []string as the SDK request models hold it.
func stringPtrs(in []string) []*string {
	if in == nil {
		return nil
	}
	return dara.StringSlice(in)
}

// wireCase is one call made by both clients.
type wireCase struct {
	name   string
	acsgen func(*testing.T, *server, creds) error
	dara   func(*testing.T, *server, creds) (map[string]any, error)
	check  func(*testing.T, captured) // what the request must look like besides matching darabonba's
}

func runWireCases(t *testing.T, cases []wireCase) {
	t.Helper()
	for _, key := range []creds{plainKey, stsKey} {
		for _, c := range cases {
			t.Run(key.id+"/"+c.name, func(t *testing.T) {
				srv := newServer(t)
				require.NoError(t, c.acsgen(t, srv, key))
				mine := srv.take(t)
				_, err := c.dara(t, srv, key)
				require.NoError(t, err)
				theirs := srv.take(t)
				assertSameWire(t, mine, theirs)
				assert.NoError(t, mine.VerifyErr, "acs.Verifier on acsgen's request")
				if c.check != nil {
					c.check(t, mine)
				}
			})
		}
	}
}

// ---- APIG ----

func createCase(name string, body apig.CreatePluginAttachmentBody) wireCase {
	return wireCase{
		name: "CreatePluginAttachment/" + name,
		acsgen: func(t *testing.T, srv *server, c creds) error {
			ctx := context.Background()
			_, err := acsgenAPIG(t, srv, c).CreatePluginAttachment(ctx, &apig.CreatePluginAttachmentRequest{CreatePluginAttachmentBody: body})
			return err
		},
		dara: func(t *testing.T, srv *server, c creds) (map[string]any, error) {
			m := map[string]any{}
			setIfAny(m, "attachResourceIds", stringPtrs(body.AttachResourceIDs))
			setIfAny(m, "attachResourceType", body.AttachResourceType)
			setIfAny(m, "enable", body.Enable)
			setIfAny(m, "environmentId", body.EnvironmentID)
			setIfAny(m, "gatewayId", body.GatewayID)
			setIfAny(m, "pluginConfig", body.PluginConfig)
			setIfAny(m, "pluginId", body.PluginID)
			req := &openapiutil.OpenApiRequest{Headers: map[string]*string{}, Body: openapiutil.ParseToMap(m)}
			return daraClient(t, srv, c).CallApi(sdkParams("CreatePluginAttachment", "2024-03-27", "ROA", "POST", "/v1/plugin-attachments"), req, &dara.RuntimeOptions{})
		},
		check: func(t *testing.T, mine captured) {
			assert.Equal(t, "POST", mine.Method)
			assert.Equal(t, "/v1/plugin-attachments", mine.Path)
			assert.Empty(t, mine.RawQuery)
		},
	}
}

func listCase(name string, req apig.ListPluginAttachmentsRequest) wireCase {
	return wireCase{
		name: "ListPluginAttachments/" + name,
		acsgen: func(t *testing.T, srv *server, c creds) error {
			ctx := context.Background()
			_, err := acsgenAPIG(t, srv, c).ListPluginAttachments(ctx, &req)
			return err
		},
		dara: func(t *testing.T, srv *server, c creds) (map[string]any, error) {
			q := map[string]any{}
			setIfAny(q, "attachResourceId", req.AttachResourceID)
			setIfAny(q, "attachResourceType", req.AttachResourceType)
			if req.AttachResourceTypes != nil {
				q["attachResourceTypes"] = dara.String(strings.Join(req.AttachResourceTypes, ","))
			}
			setIfAny(q, "environmentId", req.EnvironmentID)
			setIfAny(q, "gatewayId", req.GatewayID)
			setIfAny(q, "pageNumber", req.PageNumber)
			setIfAny(q, "pageSize", req.PageSize)
			setIfAny(q, "pluginId", req.PluginID)
			setIfAny(q, "withParentResource", req.WithParentResource)
			r := &openapiutil.OpenApiRequest{Headers: map[string]*string{}, Query: openapiutil.Query(q)}
			return daraClient(t, srv, c).CallApi(sdkParams("ListPluginAttachments", "2024-03-27", "ROA", "GET", "/v1/plugin-attachments"), r, &dara.RuntimeOptions{})
		},
		check: func(t *testing.T, mine captured) {
			assert.Equal(t, "GET", mine.Method)
			assert.Empty(t, mine.Body)
		},
	}
}

func updateCase(name, id string, body apig.UpdatePluginAttachmentBody) wireCase {
	return wireCase{
		name: "UpdatePluginAttachment/" + name,
		acsgen: func(t *testing.T, srv *server, c creds) error {
			ctx := context.Background()
			_, err := acsgenAPIG(t, srv, c).UpdatePluginAttachment(ctx, &apig.UpdatePluginAttachmentRequest{PluginAttachmentID: id, UpdatePluginAttachmentBody: body})
			return err
		},
		dara: func(t *testing.T, srv *server, c creds) (map[string]any, error) {
			m := map[string]any{}
			setIfAny(m, "attachResourceIds", stringPtrs(body.AttachResourceIDs))
			setIfAny(m, "enable", body.Enable)
			setIfAny(m, "pluginConfig", body.PluginConfig)
			req := &openapiutil.OpenApiRequest{Headers: map[string]*string{}, Body: openapiutil.ParseToMap(m)}
			return daraClient(t, srv, c).CallApi(sdkParams("UpdatePluginAttachment", "2024-03-27", "ROA", "PUT", "/v1/plugin-attachments/"+dara.PercentEncode(id)), req, &dara.RuntimeOptions{})
		},
		check: func(t *testing.T, mine captured) {
			assert.Equal(t, "PUT", mine.Method)
			assert.Equal(t, "/v1/plugin-attachments/"+dara.PercentEncode(id), mine.Path)
		},
	}
}

func deleteCase(id string) wireCase {
	return wireCase{
		name: fmt.Sprintf("DeletePluginAttachment/%q", id),
		acsgen: func(t *testing.T, srv *server, c creds) error {
			ctx := context.Background()
			_, err := acsgenAPIG(t, srv, c).DeletePluginAttachment(ctx, &apig.DeletePluginAttachmentRequest{PluginAttachmentID: id})
			return err
		},
		dara: func(t *testing.T, srv *server, c creds) (map[string]any, error) {
			req := &openapiutil.OpenApiRequest{Headers: map[string]*string{}}
			return daraClient(t, srv, c).CallApi(sdkParams("DeletePluginAttachment", "2024-03-27", "ROA", "DELETE", "/v1/plugin-attachments/"+dara.PercentEncode(id)), req, &dara.RuntimeOptions{})
		},
		check: func(t *testing.T, mine captured) {
			assert.Equal(t, "DELETE", mine.Method)
			assert.Empty(t, mine.Body)
			assert.Empty(t, mine.RawQuery)
		},
	}
}

func TestWirePluginAttachmentLifecycleMatchesDarabonba(t *testing.T) {
	cases := []wireCase{
		createCase("documented", apig.CreatePluginAttachmentBody{PluginID: new("pl-d1lifecycle00000001"), PluginConfig: new("bGltaXQ6IDEwMAo="),
			AttachResourceIDs: []string{"api-d1lifecycle00000001"}, AttachResourceType: new("HttpApi"),
			EnvironmentID: new("env-d1lifecycle00000001"), GatewayID: new("gw-d1lifecycle00000001"), Enable: new(true)}),
		createCase("several resources, disabled", apig.CreatePluginAttachmentBody{PluginID: new("pl-1"), AttachResourceIDs: []string{"r-1", "r-2", "r-3"},
			AttachResourceType: new("GatewayRoute"), Enable: new(false)}),
		createCase("text that JSON escapes", apig.CreatePluginAttachmentBody{PluginID: new(`p "1" <&> \ ü 插件`), PluginConfig: new("line1\nline2\t</script>"),
			AttachResourceIDs: []string{"a b", "c/d"}}),
		createCase("empty strings and list", apig.CreatePluginAttachmentBody{PluginID: new(""), AttachResourceIDs: []string{}}),
		createCase("nothing set", apig.CreatePluginAttachmentBody{}),

		listCase("every filter", apig.ListPluginAttachmentsRequest{AttachResourceID: new("api-1"), AttachResourceType: new("HttpApi"),
			EnvironmentID: new("env-1"), PluginID: new("pl-1"), GatewayID: new("gw-1"), PageNumber: new(int32(2)), PageSize: new(int32(50)),
			AttachResourceTypes: []string{"HttpApi", "Operation"}, WithParentResource: new(true)}),
		listCase("one page of a gateway", apig.ListPluginAttachmentsRequest{GatewayID: new("gw-1"), PageNumber: new(int32(1)), PageSize: new(int32(1))}),
		listCase("false and one type", apig.ListPluginAttachmentsRequest{WithParentResource: new(false), AttachResourceTypes: []string{"Gateway"}}),
		listCase("values that need encoding", apig.ListPluginAttachmentsRequest{GatewayID: new("gw 1+2&3=4"), PluginID: new("插件~*"), EnvironmentID: new("")}),
		listCase("nothing set", apig.ListPluginAttachmentsRequest{}),

		updateCase("every field", "pa-d1lifecycle0000000001", apig.UpdatePluginAttachmentBody{AttachResourceIDs: []string{"api-1", "api-2"},
			PluginConfig: new("bGltaXQ6IDIwMAo="), Enable: new(false)}),
		updateCase("enable only", "pa-1", apig.UpdatePluginAttachmentBody{Enable: new(true)}),
		updateCase("awkward id", "a/b c?d", apig.UpdatePluginAttachmentBody{PluginConfig: new("<x>")}),
	}
	for _, id := range awkwardIDs {
		cases = append(cases, deleteCase(id))
	}
	runWireCases(t, cases)
}

// ---- CloudAPI ----

func detachCase(name string, req cloudapi.DetachPluginRequest) wireCase {
	return wireCase{
		name: "DetachPlugin/" + name,
		acsgen: func(t *testing.T, srv *server, c creds) error {
			ctx := context.Background()
			_, err := acsgenCloudAPI(t, srv, c).DetachPlugin(ctx, &req)
			return err
		},
		dara: func(t *testing.T, srv *server, c creds) (map[string]any, error) {
			q := map[string]any{}
			setIfAny(q, "ApiId", req.APIID)
			setIfAny(q, "GroupId", req.GroupID)
			q["PluginId"] = dara.String(req.PluginID)
			q["StageName"] = dara.String(string(req.StageName))
			r := &openapiutil.OpenApiRequest{Query: openapiutil.Query(q)}
			return daraClient(t, srv, c).CallApi(sdkParams("DetachPlugin", "2016-07-14", "RPC", "POST", "/"), r, &dara.RuntimeOptions{})
		},
		check: rpcCheck,
	}
}

func pluginsByAPICase(name string, req cloudapi.DescribePluginsByAPIRequest) wireCase {
	return wireCase{
		name: "DescribePluginsByApi/" + name,
		acsgen: func(t *testing.T, srv *server, c creds) error {
			ctx := context.Background()
			_, err := acsgenCloudAPI(t, srv, c).DescribePluginsByAPI(ctx, &req)
			return err
		},
		dara: func(t *testing.T, srv *server, c creds) (map[string]any, error) {
			q := map[string]any{"ApiId": dara.String(req.APIID), "GroupId": dara.String(req.GroupID), "StageName": dara.String(string(req.StageName))}
			setIfAny(q, "PageNumber", req.PageNumber)
			setIfAny(q, "PageSize", req.PageSize)
			r := &openapiutil.OpenApiRequest{Query: openapiutil.Query(q)}
			return daraClient(t, srv, c).CallApi(sdkParams("DescribePluginsByApi", "2016-07-14", "RPC", "POST", "/"), r, &dara.RuntimeOptions{})
		},
		check: rpcCheck,
	}
}

func pluginAPIsCase(name string, req cloudapi.DescribePluginAPIsRequest) wireCase {
	return wireCase{
		name: "DescribePluginApis/" + name,
		acsgen: func(t *testing.T, srv *server, c creds) error {
			ctx := context.Background()
			_, err := acsgenCloudAPI(t, srv, c).DescribePluginAPIs(ctx, &req)
			return err
		},
		dara: func(t *testing.T, srv *server, c creds) (map[string]any, error) {
			q := map[string]any{"PluginId": dara.String(req.PluginID)}
			setIfAny(q, "ApiId", req.APIID)
			setIfAny(q, "ApiName", req.APIName)
			setIfAny(q, "Description", req.Description)
			setIfAny(q, "GroupId", req.GroupID)
			setIfAny(q, "Method", req.Method)
			setIfAny(q, "PageNumber", req.PageNumber)
			setIfAny(q, "PageSize", req.PageSize)
			setIfAny(q, "Path", req.Path)
			r := &openapiutil.OpenApiRequest{Query: openapiutil.Query(q)}
			return daraClient(t, srv, c).CallApi(sdkParams("DescribePluginApis", "2016-07-14", "RPC", "POST", "/"), r, &dara.RuntimeOptions{})
		},
		check: rpcCheck,
	}
}

func rpcCheck(t *testing.T, mine captured) {
	assert.Equal(t, "POST", mine.Method)
	assert.Equal(t, "/", mine.Path)
	assert.Empty(t, mine.Body, "RPC business parameters travel in the query")
}

func TestWirePluginBindingsMatchDarabonba(t *testing.T) {
	runWireCases(t, []wireCase{
		detachCase("required only", cloudapi.DetachPluginRequest{PluginID: "6a7d9c0b1e2f43a5b6c7d8e9f0a1b2c3", StageName: cloudapi.StageNameRelease}),
		detachCase("all", cloudapi.DetachPluginRequest{PluginID: "p1", StageName: cloudapi.StageNameTest, GroupID: new("g1"), APIID: new("a1")}),
		detachCase("awkward values", cloudapi.DetachPluginRequest{PluginID: "p 1*~ü+/&=?%", StageName: cloudapi.StageNamePre, GroupID: new(""), APIID: new("插件")}),

		pluginsByAPICase("required only", cloudapi.DescribePluginsByAPIRequest{GroupID: "g1", APIID: "a1", StageName: cloudapi.StageNameRelease}),
		pluginsByAPICase("paged", cloudapi.DescribePluginsByAPIRequest{GroupID: "g1", APIID: "a1", StageName: cloudapi.StageNameTest,
			PageNumber: new(int32(3)), PageSize: new(int32(100))}),
		pluginsByAPICase("awkward values", cloudapi.DescribePluginsByAPIRequest{GroupID: "g 2;#", APIID: "a+b", StageName: cloudapi.StageNamePre, PageSize: new(int32(1))}),

		pluginAPIsCase("required only", cloudapi.DescribePluginAPIsRequest{PluginID: "p1"}),
		pluginAPIsCase("every filter", cloudapi.DescribePluginAPIsRequest{PluginID: "p1", GroupID: new("g1"), APIID: new("a1"), APIName: new("ListOrders"),
			Path: new("/orders/{id}"), Method: new("GET"), Description: new("Lists orders"), PageSize: new(int32(20)), PageNumber: new(int32(2))}),
		pluginAPIsCase("awkward values", cloudapi.DescribePluginAPIsRequest{PluginID: "p&1", Path: new("/a b/ü?x=1"), Description: new("100% ~*'")}),
	})
}

// The documented responses of the lifecycle decode to the same data through
// darabonba (result["body"]) and through the generated response types, which drop
// nothing of them.
func TestResponsesOfTheLifecycleDecodeLikeDarabonba(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		spec, path, method string
		acsgen             func(*testing.T, *server, creds) (any, error)
		dara               func(*testing.T, *server, creds) (map[string]any, error)
	}{
		{apigSpec, "/v1/plugin-attachments", "GET",
			func(t *testing.T, srv *server, c creds) (any, error) {
				return acsgenAPIG(t, srv, c).ListPluginAttachments(ctx, &apig.ListPluginAttachmentsRequest{})
			},
			listCase("", apig.ListPluginAttachmentsRequest{}).dara},
		{apigSpec, "/v1/plugin-attachments", "POST",
			func(t *testing.T, srv *server, c creds) (any, error) {
				return acsgenAPIG(t, srv, c).CreatePluginAttachment(ctx, &apig.CreatePluginAttachmentRequest{})
			},
			createCase("", apig.CreatePluginAttachmentBody{}).dara},
		{cloudapiSpec, "/#Action=DescribePluginsByApi", "POST",
			func(t *testing.T, srv *server, c creds) (any, error) {
				return acsgenCloudAPI(t, srv, c).DescribePluginsByAPI(ctx, &cloudapi.DescribePluginsByAPIRequest{GroupID: "g", APIID: "a", StageName: cloudapi.StageNameRelease})
			},
			pluginsByAPICase("", cloudapi.DescribePluginsByAPIRequest{GroupID: "g", APIID: "a", StageName: cloudapi.StageNameRelease}).dara},
		{cloudapiSpec, "/#Action=DescribePluginApis", "POST",
			func(t *testing.T, srv *server, c creds) (any, error) {
				return acsgenCloudAPI(t, srv, c).DescribePluginAPIs(ctx, &cloudapi.DescribePluginAPIsRequest{PluginID: "p"})
			},
			pluginAPIsCase("", cloudapi.DescribePluginAPIsRequest{PluginID: "p"}).dara},
	}
	for _, c := range cases {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			example := responseExample(t, c.spec, c.path, c.method, "200")
			srv := newServer(t)
			srv.respond(200, example)
			mine, err := c.acsgen(t, srv, plainKey)
			require.NoError(t, err)
			got, err := c.dara(t, srv, plainKey)
			require.NoError(t, err)
			assert.JSONEq(t, reencode(t, got["body"]), reencode(t, mine))
			assert.JSONEq(t, string(example), reencode(t, mine), "the generated types drop nothing")
		})
	}
}
