package acs

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// build sets the URL it assembles instead of rendering it and letting net/http parse
// it back. Both ways must put the same request line and host on the wire, and sign
// the same path.
func TestBuildURLMatchesRenderAndParse(t *testing.T) {
	bases := []string{"https://apig.cn-hangzhou.aliyuncs.com", "http://127.0.0.1:8080", "http://h:/", "http://[::1]:/base",
		"https://h/api%2Fv1", "https://h/a b/"}
	paths := []string{"/", "/v1/plugin-attachments/pa-1", "/v1/x/%E4%B8%AD", "/a%2Fb", "/sp ace", "/q?x", "/h#f", "/%7E~",
		"/!$&'()*+,;=:@", "", "/%41"}
	queries := []url.Values{nil, {"a": {"1"}}, {"x y": {"1+2", "*"}}}
	for _, base := range bases {
		for _, p := range paths {
			for _, q := range queries {
				c, err := NewClient(Service{Product: "P", Version: "1", Style: StyleROA}, WithEndpoint(base),
					WithCredentials(StaticCredentials("id", "secret", "")))
				require.NoError(t, err)
				req := &Request{Action: "A", Method: http.MethodGet, Path: p, Query: q}
				got, _, err := c.build(context.Background(), req, nil)
				require.NoError(t, err, "%s + %s", base, p)

				// The former way: render, then http.NewRequest parses.
				u := *c.base
				u.RawPath = c.base.EscapedPath() + p
				u.Path, err = url.PathUnescape(u.RawPath)
				require.NoError(t, err)
				u.RawQuery = EncodeQuery(q)
				want, err := http.NewRequest(http.MethodGet, u.String(), nil)
				require.NoError(t, err)

				where := base + " + " + p
				assert.Equal(t, want.URL.String(), got.URL.String(), where)
				assert.Equal(t, want.URL.RequestURI(), got.URL.RequestURI(), where)
				assert.Equal(t, want.URL.EscapedPath(), got.URL.EscapedPath(), where)
				assert.Equal(t, want.URL.Path, got.URL.Path, where)
				assert.Equal(t, want.Host, got.Host, where)
				assert.Equal(t, CanonicalURI(want.URL), CanonicalURI(got.URL), where)
			}
		}
	}
}

// The header values build sets and those signing adds share one backing array, for
// every body kind and with a security token (the most values): none is written over,
// and appending to one leaves its neighbours as they are.
func TestBuiltAndSignedHeaderValuesStayApart(t *testing.T) {
	c, err := NewClient(Service{Product: "P", Version: "2016-07-14", Style: StyleRPC}, WithEndpoint("http://h"),
		WithCredentials(StaticCredentials("id", "secret", "token")))
	require.NoError(t, err)
	for name, body := range map[string]any{"none": nil, "json": map[string]int{"a": 1}, "form": Form{"f": {"1"}},
		"raw": Raw{ContentType: "text/plain", Data: []byte("x")}} {
		req := &Request{Action: "Act", Method: http.MethodPost, Path: "/", Body: body}
		data, err := encodeBody(body)
		switch b := body.(type) {
		case Form:
			data = b.Encode()
		case Raw:
			data = b.Data
		}
		require.NoError(t, err)
		hreq, hv, err := c.build(context.Background(), req, data)
		require.NoError(t, err)
		pinnedSigner.sign(hreq, data, Credential{AccessKeyID: "id", AccessKeySecret: "secret", SecurityToken: "token"}, "", &hv, nil)
		before := hreq.Header.Clone()
		for k := range before {
			hreq.Header.Add(k, "appended")
		}
		for k, vs := range before {
			assert.Equal(t, append(vs, "appended"), hreq.Header[k], "%s: %s", name, k)
		}
		assert.Equal(t, "Act", before.Get(headerAction), name)
		assert.Equal(t, "token", before.Get(headerSecurityToken), name)
		assert.Equal(t, "3156853299f313e23d1673dc12e1703d", before.Get(headerNonce), name)
	}
}
