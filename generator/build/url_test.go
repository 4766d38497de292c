package build

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/load"
)

// A server URL the runtime cannot use (acs resolves every request against it)
// is an error at the URL itself: line 4, and the column of the value or of its
// bad escape.
func TestServerURLsTheClientCannotUse(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{`"https://exa mple.com"`, `test.yaml:4:11: servers.0.url: server URL "https://exa mple.com" does not parse: invalid character " " in host name; every call would fail`},
		{`"{regionId}.example.com"`, `test.yaml:4:11: servers.0.url: server URL "{regionId}.example.com" is not an absolute http or https URL with a host`},
		{`ftp://x.example.com`, `test.yaml:4:10: servers.0.url: server URL "ftp://x.example.com" is not an absolute http or https URL with a host`},
		{`"https://x.example.com/?a=b"`, `test.yaml:4:11: servers.0.url: server URL "https://x.example.com/?a=b" has a query or fragment, which the client refuses`},
		{`https://x.example.com/v1/%zz`, `test.yaml:4:35: servers.0.url: server URL "https://x.example.com/v1/%zz" has a bad percent escape "%zz"`},
		{`"http://[::1"`, `test.yaml:4:11: servers.0.url: server URL "http://[::1" does not parse: missing ']' in host`},
	} {
		spec, err := load.Data("test.yaml", []byte(serverSpec(tc.url)))
		require.NoError(t, err, tc.url)
		_, err = Build(spec, Options{})
		require.Error(t, err, tc.url)
		assert.Contains(t, err.Error(), tc.want)
	}
}

// A relative server URL is a warning, and the client gets no endpoint: callers
// pass acs.WithEndpoint.
func TestRelativeServerURL(t *testing.T) {
	spec, err := load.Data("test.yaml", []byte(serverSpec("/api/v3")))
	require.NoError(t, err)
	api, err := Build(spec, Options{})
	require.NoError(t, err)
	assert.Empty(t, api.Endpoint)
	require.Len(t, api.Warnings, 1)
	assert.Contains(t, api.Warnings[0].String(), `test.yaml:4:10: warning: servers.0.url: server URL "/api/v3" is relative (to wherever the spec is served), so the client has no endpoint of its own: callers pass acs.WithEndpoint with the server's absolute URL, such as https://host/api/v3`)
}

func TestServerURLsTheClientCanUse(t *testing.T) {
	for _, url := range []string{"https://x.example.com", "http://x.example.com:8080/v1/", "https://x.example.com/a%2Fb", `"https://api.{regionId}.example.com"`} {
		buildSpec(t, serverSpec(url))
	}
}

// serverSpec is a spec whose one server has url, written as YAML, on line 4.
func serverSpec(url string) string {
	src := header + "servers:\n  - url: " + url + "\n"
	if strings.Contains(url, "{regionId}") {
		src += "    variables: {regionId: {default: cn-hangzhou}}\n"
	}
	return src + "paths: {}\n"
}

func TestBadEscape(t *testing.T) {
	for _, tc := range []struct {
		in, bad string
		at      int
	}{
		{"/v1/items", "", -1},
		{"/a%2Fb/%41", "", -1},
		{"/v1/%zz/x", "%zz", 4},
		{"/a%2F%4", "%4", 5},
		{"/100%", "%", 4},
		{"%g0", "%g0", 0},
	} {
		bad, at := badEscape(tc.in)
		assert.Equal(t, tc.bad, bad, tc.in)
		assert.Equal(t, tc.at, at, tc.in)
	}
}
