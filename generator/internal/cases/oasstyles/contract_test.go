package oasstyles_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/contract"
)

// kin-openapi is the oracle of the mock tests: acsgen contract, which checks with
// it, must tell the client's bytes from bytes in another style, or the mock tests
// would prove nothing.
func TestContractTellsStylesApart(t *testing.T) {
	set, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	check := func(url string, header http.Header) []contract.Finding {
		ix := contract.Interaction{Method: "GET", URL: url, Header: header, Status: http.StatusNoContent, RespHeader: http.Header{}}
		if strings.Contains(url, "/items") {
			ix.Status, ix.RespHeader, ix.RespBody = http.StatusOK, http.Header{"Content-Type": {"application/json"}}, []byte(`{}`)
		}
		return set.Check(ix, contract.Options{})
	}
	const host = "https://oas.cn-hangzhou.example.com"
	for _, tc := range []struct {
		url    string
		cookie string
		ok     bool
	}{
		{url: "/items?ids=1%7C-2&tags=a%20b%7Cc", ok: true},
		{url: "/items?ids=1%2C2&tags=a"}, // commas where pipes belong
		{url: "/colors?color%5BR%5D=100&range=from%2C1%2Cto%2C9", ok: true},
		{url: "/colors?color%5BR%5D=300&range=from%2C1"}, // R above its maximum
		{url: "/colors?color%5BR%5D=x&range=from%2C1"},   // R is not an integer
		{url: "/colors?range=from%2Cx"},                  // from is not an integer
		{url: "/me", cookie: "session=s; prefs=3,-1", ok: true},
		{url: "/me", cookie: "session=s; prefs=3|4"},
		{url: "/me", cookie: "prefs=3"}, // session is required
	} {
		h := http.Header{}
		if tc.cookie != "" {
			h.Set("Cookie", tc.cookie)
		}
		f := check(host+tc.url, h)
		if tc.ok {
			assert.Empty(t, f, tc.url+" "+tc.cookie)
		} else {
			assert.NotEmpty(t, f, tc.url+" "+tc.cookie)
		}
	}
}
