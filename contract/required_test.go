package contract

import (
	"fmt"
	"net/http"
	"net/url"
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

// Checking an interaction leaves its header as recorded: the check deletes empty
// required headers and RPC's Content-Type when the form joins the query, and
// openapi3filter adds header and cookie defaults, all on a copy.
func TestExamineLeavesTheHeaderAlone(t *testing.T) {
	respond := func(ix Interaction) Interaction {
		ix.Status, ix.RespHeader, ix.RespBody = 200, http.Header{"Content-Type": {"application/json"}}, []byte(`{}`)
		return ix
	}
	var cases []Interaction
	defaults, err := Load([]string{"testdata/headerdefaults.yaml"})
	require.NoError(t, err)
	for _, path := range []string{"/items", "/plain"} {
		cases = append(cases, respond(Interaction{Method: "GET", URL: "https://defaults.example.com" + path,
			Header: http.Header{"Accept": {"application/json"}}}))
	}
	empty, err := Load([]string{emptyRequiredSpec})
	require.NoError(t, err)
	cases = append(cases, respond(Interaction{Method: "GET", URL: "https://tenants.example.com/tenants/t1/items?kind=a",
		Header: http.Header{"X-Tenant-Token": {""}}}))
	rpc, err := ReadCassette("../contracttests/testdata/cloudapi/AttachPlugin.yaml")
	require.NoError(t, err)
	form := rpc[0] // its parameters sent as a form body, as a V2-signed call sends them
	u, err := url.Parse(form.URL)
	require.NoError(t, err)
	form.Body, u.RawQuery = []byte(u.RawQuery), ""
	form.URL = u.String()
	form.Header = form.Header.Clone()
	form.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	_, products := productSets(t, apigSpec, cloudapiSpec)
	sets := []*Set{defaults, defaults, empty, products}
	cases = append(cases, form)
	for i, ix := range cases {
		before := ix.Header.Clone()
		r := sets[i].Examine(ix, Options{Strict: true})
		require.NotEmpty(t, r.Operation, "%s routes: %v", ix.URL, r.Findings)
		assert.Equal(t, before, ix.Header, "%s %s", ix.Method, ix.URL)
	}
	assert.True(t, defaults.ops[0].writesHeader)
	assert.False(t, defaults.ops[1].writesHeader)
}
