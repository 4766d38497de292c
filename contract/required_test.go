package contract

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const emptyRequiredSpec = "testdata/emptyrequired.yaml"

// A required parameter sent with an empty value is reported as missing wherever it
// travels, with the location of its declaration; openapi3filter alone accepts an
// empty string (and judges an empty enum value against the enum).
func TestEmptyRequiredParametersAreMissing(t *testing.T) {
	set, err := Load([]string{emptyRequiredSpec})
	require.NoError(t, err)
	check := func(path, token string) []string {
		ix := Interaction{Method: "GET", URL: "https://tenants.example.com" + path, Header: http.Header{},
			Status: 200, RespHeader: http.Header{"Content-Type": {"application/json"}}, RespBody: []byte(`{}`)}
		if token != "none" {
			ix.Header.Set("X-Tenant-Token", token)
		}
		var out []string
		for _, f := range set.Check(ix, Options{}) {
			out = append(out, f.String())
		}
		return out
	}
	assert.Empty(t, check("/tenants/t1/items?kind=a", "tok"))
	assert.Empty(t, check("/tenants/t1/items?kind=a&note=", "tok"), "an optional parameter may be empty")

	at := func(line int) string { return fmt.Sprintf("[required at testdata/emptyrequired.yaml:%d:11]", line) }
	assert.Equal(t, []string{
		"#0 listItems request path/tenantId: required parameter is sent empty, which counts as missing " + at(13),
		"#0 listItems request query/kind: required parameter is sent empty, which counts as missing " + at(17),
		"#0 listItems request header/X-Tenant-Token: required parameter is sent empty, which counts as missing " + at(21),
	}, check("/tenants//items?kind=", ""))
	assert.Equal(t, []string{
		"#0 listItems request query/kind: required parameter is missing " + at(17),
		"#0 listItems request header/X-Tenant-Token: required parameter is missing " + at(21),
	}, check("/tenants/t1/items", "none"), "absent, as before")
	assert.Equal(t, []string{
		"#0 listItems request query/kind: required parameter is sent empty, which counts as missing " + at(17),
	}, check("/tenants/t1/items?kind=&kind=", "tok"), "every value empty")
	assert.Empty(t, check("/tenants/t1/items?kind=&kind=a", "tok"), "one value is enough")
}
