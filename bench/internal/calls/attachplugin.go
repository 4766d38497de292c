// Package calls makes one AttachPlugin call with each client the benchmarks
// compare, so that `go test -bench` and bench/cmd/callcost drive the same code.
package calls

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	oldcloudapi "github.com/aliyun/alibaba-cloud-sdk-go/services/cloudapi"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/cloudapi"
)

// Caller makes one full call (build, sign, send, receive, decode) and returns what
// it decoded.
type Caller func(ctx context.Context) (any, error)

// Test access key for the loopback servers; not a real key.
const (
	AccessKeyID     = "LTAI5tBenchTestKey0001"
	AccessKeySecret = "bench-test-secret-0123456789"
)

// AttachPluginOrder lists the clients of AttachPluginCallers.
var AttachPluginOrder = []string{"acsgen", "darabonba", "alibaba-cloud-sdk-go", "floor"}

// Options are the acsgen client's options against a loopback server at url: one
// attempt, so that a benchmark measures calls, not retries.
func Options(url string) []acs.Option {
	return []acs.Option{
		acs.WithEndpoint(url),
		acs.WithCredentials(acs.StaticCredentials(AccessKeyID, AccessKeySecret, "")),
		acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}),
	}
}

// DaraClient is the core the official V2 SDKs wrap, as interop/ drives it.
func DaraClient(host string) (*openapi.Client, error) {
	return openapi.NewClient(&openapiutil.Config{
		AccessKeyId: dara.String(AccessKeyID), AccessKeySecret: dara.String(AccessKeySecret),
		Endpoint: dara.String(host), Protocol: dara.String("http"), RegionId: dara.String("cn-hangzhou"),
	})
}

// AttachPluginCallers binds the plug-in to two APIs with each client, against
// the server at url (http://host:port).
func AttachPluginCallers(url string) (map[string]Caller, error) {
	host := strings.TrimPrefix(url, "http://")
	gen, err := cloudapi.NewClient(Options(url)...)
	if err != nil {
		return nil, err
	}
	core, err := DaraClient(host)
	if err != nil {
		return nil, err
	}
	old, err := oldcloudapi.NewClientWithAccessKey("cn-hangzhou", AccessKeyID, AccessKeySecret)
	if err != nil {
		return nil, err
	}
	plain := &http.Client{}
	ids := []string{"8afff6c8c4c6447abb035812e4d66b65", "285bb759342649a1b70c2093a772e087"}
	return map[string]Caller{
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
			return &out, FloorGet(ctx, plain, url+"/?Action=AttachPlugin&ApiIds="+strings.Join(ids, ",")+
				"&PluginId=9a3f1a5279434f2ba74ccd91c295af9f&StageName=TEST", &out)
		},
	}, nil
}

// FloorGet is the least any client must do: one GET and encoding/json.
func FloorGet(ctx context.Context, client *http.Client, url string, out any) error {
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
