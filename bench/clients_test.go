package bench

import (
	"context"
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
	"github.com/acsgen/acsgen/bench/internal/calls"
	oapiapig "github.com/acsgen/acsgen/bench/internal/oapiclient/apig"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
)

const attachmentID = "pa-cvl541em1hkk7n8vq810"

// caller makes one full call (build, sign, send, receive, decode) and returns what
// it decoded, for the one check outside the timed loop.
type caller func(ctx context.Context) (any, error)

// signEditor signs oapi-codegen's requests with acs's ACS3 signer, so that every
// client but the floor pays for signing.
func signEditor(action, version string) oapiapig.RequestEditorFn {
	var signer acs.Signer
	cred := acs.Credential{AccessKeyID: calls.AccessKeyID, AccessKeySecret: calls.AccessKeySecret}
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
	gen, err := apig.NewClient(calls.Options(url)...)
	require.NoError(tb, err)
	core, err := calls.DaraClient(host)
	require.NoError(tb, err)
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
			return &out, calls.FloorGet(ctx, plain, url+"/v1/plugin-attachments/"+attachmentID, &out)
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

func attachPluginCallers(tb testing.TB, url string) map[string]caller {
	tb.Helper()
	cs, err := calls.AttachPluginCallers(url)
	require.NoError(tb, err)
	out := make(map[string]caller, len(cs))
	for name, c := range cs {
		out[name] = caller(c)
	}
	return out
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
