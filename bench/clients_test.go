package bench

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	oldcloudapi "github.com/aliyun/alibaba-cloud-sdk-go/services/cloudapi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	oapiapig "github.com/acsgen/acsgen/bench/internal/oapiclient/apig"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
)

const attachmentID = "pa-cvl541em1hkk7n8vq810"

// caller makes one full call (build, sign, send, receive, decode) and returns what
// it decoded, for the one check outside the timed loop.
type caller func(ctx context.Context) (any, error)

func acsgenOptions(url string) []acs.Option {
	return []acs.Option{
		acs.WithEndpoint(url),
		acs.WithCredentials(acs.StaticCredentials(akID, akSecret, "")),
		acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}),
	}
}

// daraClient is the core the official V2 SDKs wrap, as interop/ drives it.
func daraClient(tb testing.TB, host string) *openapi.Client {
	tb.Helper()
	client, err := openapi.NewClient(&openapiutil.Config{
		AccessKeyId: dara.String(akID), AccessKeySecret: dara.String(akSecret),
		Endpoint: dara.String(host), Protocol: dara.String("http"), RegionId: dara.String("cn-hangzhou"),
	})
	require.NoError(tb, err)
	return client
}

// signEditor signs oapi-codegen's requests with acs's ACS3 signer, so that every
// client but the floor pays for signing.
func signEditor(action, version string) oapiapig.RequestEditorFn {
	var signer acs.Signer
	cred := acs.Credential{AccessKeyID: akID, AccessKeySecret: akSecret}
	return func(_ context.Context, req *http.Request) error {
		req.Header.Set("x-acs-action", action)
		req.Header.Set("x-acs-version", version)
		signer.Sign(req, nil, cred)
		return nil
	}
}

func getPluginAttachmentCallers(tb testing.TB, url string) map[string]caller {
	tb.Helper()
	host := strings.TrimPrefix(url, "http://")
	gen, err := apig.NewClient(acsgenOptions(url)...)
	require.NoError(tb, err)
	core := daraClient(tb, host)
	oapi, err := oapiapig.NewClientWithResponses(url, oapiapig.WithRequestEditorFn(signEditor("GetPluginAttachment", "2024-03-27")))
	require.NoError(tb, err)
	plain := &http.Client{}
	return map[string]caller{
		"acsgen": func(ctx context.Context) (any, error) {
			return gen.GetPluginAttachment(ctx, &apig.GetPluginAttachmentRequest{PluginAttachmentID: attachmentID})
		},
		"darabonba": func(context.Context) (any, error) {
			return daraGetPluginAttachment(core)
		},
		"oapi-codegen": func(ctx context.Context) (any, error) {
			resp, err := oapi.GetPluginAttachmentWithResponse(ctx, attachmentID)
			if err != nil {
				return nil, err
			}
			return resp.JSON200, nil
		},
		"floor": func(ctx context.Context) (any, error) {
			var out apig.GetPluginAttachmentResponse
			return &out, floorGet(ctx, plain, url+"/v1/plugin-attachments/"+attachmentID, &out)
		},
	}
}

// daraGetPluginAttachment is apig-20240327's GetPluginAttachmentWithOptions.
func daraGetPluginAttachment(client *openapi.Client) (map[string]any, error) {
	params := &openapiutil.Params{
		Action: dara.String("GetPluginAttachment"), Version: dara.String("2024-03-27"), Protocol: dara.String("HTTPS"),
		Pathname: dara.String("/v1/plugin-attachments/" + dara.PercentEncode(attachmentID)), Method: dara.String("GET"),
		AuthType: dara.String("AK"), Style: dara.String("ROA"), ReqBodyType: dara.String("json"), BodyType: dara.String("json"),
	}
	return client.CallApi(params, &openapiutil.OpenApiRequest{Headers: map[string]*string{}}, &dara.RuntimeOptions{})
}

// floorGet is the least any client must do: one GET and encoding/json.
func floorGet(ctx context.Context, client *http.Client, url string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, out)
}

func attachPluginCallers(tb testing.TB, url string) map[string]caller {
	tb.Helper()
	host := strings.TrimPrefix(url, "http://")
	gen, err := cloudapi.NewClient(acsgenOptions(url)...)
	require.NoError(tb, err)
	core := daraClient(tb, host)
	old, err := oldcloudapi.NewClientWithAccessKey("cn-hangzhou", akID, akSecret)
	require.NoError(tb, err)
	plain := &http.Client{}
	ids := []string{"8afff6c8c4c6447abb035812e4d66b65", "285bb759342649a1b70c2093a772e087"}
	return map[string]caller{
		"acsgen": func(ctx context.Context) (any, error) {
			return gen.AttachPlugin(ctx, &cloudapi.AttachPluginRequest{PluginID: "9a3f1a5279434f2ba74ccd91c295af9f",
				StageName: cloudapi.AttachPluginStageNameTest, APIIDs: ids})
		},
		"darabonba": func(context.Context) (any, error) {
			query := map[string]any{"ApiIds": dara.String(strings.Join(ids, ",")),
				"PluginId": dara.String("9a3f1a5279434f2ba74ccd91c295af9f"), "StageName": dara.String("TEST")}
			params := &openapiutil.Params{
				Action: dara.String("AttachPlugin"), Version: dara.String("2016-07-14"), Protocol: dara.String("HTTPS"),
				Pathname: dara.String("/"), Method: dara.String("POST"), AuthType: dara.String("AK"), Style: dara.String("RPC"),
				ReqBodyType: dara.String("formData"), BodyType: dara.String("json"),
			}
			return core.CallApi(params, &openapiutil.OpenApiRequest{Query: openapiutil.Query(query)}, &dara.RuntimeOptions{})
		},
		"alibaba-cloud-sdk-go": func(context.Context) (any, error) {
			req := oldcloudapi.CreateAttachPluginRequest()
			req.Domain, req.Scheme = host, "http"
			req.PluginId, req.StageName, req.ApiIds = "9a3f1a5279434f2ba74ccd91c295af9f", "TEST", strings.Join(ids, ",")
			return old.AttachPlugin(req)
		},
		"floor": func(ctx context.Context) (any, error) {
			var out cloudapi.AttachPluginResponse
			return &out, floorGet(ctx, plain, url+"/?Action=AttachPlugin&ApiIds="+strings.Join(ids, ",")+
				"&PluginId=9a3f1a5279434f2ba74ccd91c295af9f&StageName=TEST", &out)
		},
	}
}

// decodedIDs digs the request ID (and for APIG the attachment ID) out of whatever a
// client decoded into, so one check fits every client.
func decodedIDs(tb testing.TB, out any) (requestID, attachment string) {
	tb.Helper()
	deref := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	switch v := out.(type) {
	case *apig.GetPluginAttachmentResponse:
		require.NotNil(tb, v.Data)
		return deref(v.RequestID), deref(v.Data.PluginAttachmentID)
	case *oapiapig.GetPluginAttachmentResponse:
		require.NotNil(tb, v.Data)
		return deref(v.RequestId), deref(v.Data.PluginAttachmentId)
	case *cloudapi.AttachPluginResponse:
		return deref(v.RequestID), ""
	case *oldcloudapi.AttachPluginResponse:
		return v.RequestId, ""
	case map[string]any: // darabonba: {"body": ..., "headers": ..., "statusCode": ...}
		body, ok := v["body"].(map[string]any)
		require.True(tb, ok, "darabonba result has no JSON body: %v", v)
		if data, ok := body["data"].(map[string]any); ok {
			attachment, _ = data["pluginAttachmentId"].(string)
		}
		requestID, _ = body["requestId"].(string)
		if requestID == "" {
			requestID, _ = body["RequestId"].(string)
		}
		return requestID, attachment
	}
	tb.Fatalf("unexpected result type %T", out)
	return "", ""
}

// verify makes one call and checks it decoded the documented body.
func verify(tb testing.TB, call caller, wantRequestID, wantAttachment string) {
	tb.Helper()
	out, err := call(context.Background())
	require.NoError(tb, err)
	requestID, attachment := decodedIDs(tb, out)
	assert.Equal(tb, wantRequestID, requestID)
	assert.Equal(tb, wantAttachment, attachment)
}
