package interop_test

import (
	"context"
	"strings"
	"testing"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	oldcloudapi "github.com/aliyun/alibaba-cloud-sdk-go/services/cloudapi"
	"github.com/stretchr/testify/require"
)

// creds selects the test access key: a plain one, or an STS one with a token.
type creds struct{ id, secret, token string }

var (
	plainKey = creds{akID, akSecret, ""}
	stsKey   = creds{stsID, stsSecret, stsToken}
)

// ---- acsgen's generated clients ----

func acsgenOptions(srv *server, c creds) []acs.Option {
	return []acs.Option{
		acs.WithEndpoint(srv.URL),
		acs.WithCredentials(acs.StaticCredentials(c.id, c.secret, c.token)),
		acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}), // darabonba makes one attempt too
	}
}

func acsgenAPIG(t *testing.T, srv *server, c creds) *apig.Client {
	t.Helper()
	client, err := apig.NewClient(acsgenOptions(srv, c)...)
	require.NoError(t, err)
	return client
}

func acsgenCloudAPI(t *testing.T, srv *server, c creds) *cloudapi.Client {
	t.Helper()
	client, err := cloudapi.NewClient(acsgenOptions(srv, c)...)
	require.NoError(t, err)
	return client
}

// attachInput is one AttachPlugin call, in the terms every client understands.
type attachInput struct {
	PluginID, StageName string
	GroupID, APIID      *string
	APIIDs              []string
}

func (in attachInput) generated() *cloudapi.AttachPluginRequest {
	return &cloudapi.AttachPluginRequest{PluginID: in.PluginID, StageName: cloudapi.AttachPluginStageName(in.StageName),
		GroupID: in.GroupID, APIID: in.APIID, APIIDs: in.APIIDs}
}

// apiIDs is ApiIds as the official SDKs take it: one string, items joined by commas.
func (in attachInput) apiIDs() *string {
	if in.APIIDs == nil {
		return nil
	}
	return dara.String(strings.Join(in.APIIDs, ","))
}

func acsgenGetPluginAttachment(t *testing.T, srv *server, c creds, id string) (*apig.GetPluginAttachmentResponse, error) {
	t.Helper()
	return acsgenAPIG(t, srv, c).GetPluginAttachment(context.Background(), &apig.GetPluginAttachmentRequest{PluginAttachmentID: id})
}

func acsgenAttachPlugin(t *testing.T, srv *server, c creds, in attachInput) (*cloudapi.AttachPluginResponse, error) {
	t.Helper()
	return acsgenCloudAPI(t, srv, c).AttachPlugin(context.Background(), in.generated())
}

// ---- darabonba-openapi v2 CallApi, as the official product SDKs drive it ----

// daraClient is the core the official SDKs wrap, pointed at srv. Config.Endpoint
// becomes both the URL host and the signed host header; Config.Protocol overrides
// the Params' "HTTPS".
func daraClient(t *testing.T, srv *server, c creds) *openapi.Client {
	t.Helper()
	cfg := &openapiutil.Config{
		AccessKeyId:     dara.String(c.id),
		AccessKeySecret: dara.String(c.secret),
		Endpoint:        dara.String(srv.host()),
		Protocol:        dara.String("http"),
		RegionId:        dara.String("cn-hangzhou"),
	}
	if c.token != "" {
		cfg.SecurityToken = dara.String(c.token)
	}
	client, err := openapi.NewClient(cfg)
	require.NoError(t, err)
	return client
}

// daraGetPluginAttachment is apig-20240327's GetPluginAttachmentWithOptions: the same
// Params, the path parameter encoded with dara.PercentEncode, no query, no body.
func daraGetPluginAttachment(t *testing.T, srv *server, c creds, id string) (map[string]any, error) {
	t.Helper()
	params := &openapiutil.Params{
		Action:      dara.String("GetPluginAttachment"),
		Version:     dara.String("2024-03-27"),
		Protocol:    dara.String("HTTPS"),
		Pathname:    dara.String("/v1/plugin-attachments/" + dara.PercentEncode(id)),
		Method:      dara.String("GET"),
		AuthType:    dara.String("AK"),
		Style:       dara.String("ROA"),
		ReqBodyType: dara.String("json"),
		BodyType:    dara.String("json"),
	}
	req := &openapiutil.OpenApiRequest{Headers: map[string]*string{}}
	return daraClient(t, srv, c).CallApi(params, req, &dara.RuntimeOptions{})
}

// daraAttachPlugin is cloudapi-20160714's AttachPluginWithOptions: only the fields
// that are set go into the query, through openapiutil.Query.
func daraAttachPlugin(t *testing.T, srv *server, c creds, in attachInput) (map[string]any, error) {
	t.Helper()
	query := map[string]any{}
	set := func(name string, v *string) {
		if v != nil {
			query[name] = v
		}
	}
	set("ApiId", in.APIID)
	set("ApiIds", in.apiIDs())
	set("GroupId", in.GroupID)
	set("PluginId", dara.String(in.PluginID))
	set("StageName", dara.String(in.StageName))
	params := &openapiutil.Params{
		Action:      dara.String("AttachPlugin"),
		Version:     dara.String("2016-07-14"),
		Protocol:    dara.String("HTTPS"),
		Pathname:    dara.String("/"),
		Method:      dara.String("POST"),
		AuthType:    dara.String("AK"),
		Style:       dara.String("RPC"),
		ReqBodyType: dara.String("formData"),
		BodyType:    dara.String("json"),
	}
	req := &openapiutil.OpenApiRequest{Query: openapiutil.Query(query)}
	return daraClient(t, srv, c).CallApi(params, req, &dara.RuntimeOptions{})
}

// ---- alibaba-cloud-sdk-go (the older core, V1 signatures) ----

func oldAttachPlugin(t *testing.T, srv *server, in attachInput) (*oldcloudapi.AttachPluginResponse, error) {
	t.Helper()
	client, err := oldcloudapi.NewClientWithAccessKey("cn-hangzhou", akID, akSecret)
	require.NoError(t, err)
	req := oldcloudapi.CreateAttachPluginRequest()
	req.Domain = srv.host() // without it the SDK would call the real endpoint
	req.Scheme = "http"
	req.PluginId = in.PluginID
	req.StageName = in.StageName
	if in.GroupID != nil {
		req.GroupId = *in.GroupID
	}
	if in.APIID != nil {
		req.ApiId = *in.APIID
	}
	if ids := in.apiIDs(); ids != nil {
		req.ApiIds = *ids
	}
	return client.AttachPlugin(req)
}
