package cloudapi

import (
	"testing"

	"github.com/acsgen/acsgen/acs/jsondec/jsondectest"
)

// FuzzDecodeJSONAgreesWithEncodingJSON holds the generated DecodeJSON methods to
// encoding/json on arbitrary bytes: the same verdict, and equal values.
func FuzzDecodeJSONAgreesWithEncodingJSON(f *testing.F) {
	f.Add([]byte(`{"RequestId":"EF924FE4-2EDD-4CD3-89EC-34E4708574E7"}`))
	f.Add([]byte(`{"requestid":"r","RequestId":null}`))
	f.Add([]byte(`{"RequestId":"r","HostId":"apigateway.cn-hangzhou.aliyuncs.com","Code":"NotFoundPlugin",` +
		`"Message":"The plugin does not exist.","Recommend":"https://api.aliyun.com/troubleshoot?q=NotFoundPlugin"}`))
	f.Add([]byte(`{"PageNumber":1,"TotalCount":1,"Plugins":{"PluginAttribute":[{"PluginId":"p","PluginType":"cors"}]}}`))
	f.Add([]byte(`{"ApiSummarys":{"ApiPluginSummary":[{"ApiId":"a","StageName":"GRAY"}]},"PageSize":"10"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		jsondectest.RequireAgree[AttachPluginResponse](t, data)
		jsondectest.RequireAgree[DetachPluginResponse](t, data)
		jsondectest.RequireAgree[DescribePluginsByAPIResponse](t, data)
		jsondectest.RequireAgree[DescribePluginAPIsResponse](t, data)
		jsondectest.RequireAgree[ErrorResponse](t, data)
	})
}
