package acs_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

var regional = acs.Service{
	Product:       "Demo",
	Version:       "2020-01-01",
	Style:         acs.StyleROA,
	Endpoint:      "https://demo.{regionId}.aliyuncs.com",
	DefaultRegion: "cn-hangzhou",
	Regions:       []string{"cn-hangzhou", "cn-shanghai", "ap-southeast-1"},
}

var staticCreds = acs.WithCredentials(acs.StaticCredentials(testKeyID, testSecret, ""))

func TestEndpointFromRegion(t *testing.T) {
	t.Setenv(acs.RegionEnv, "")
	for _, tc := range []struct {
		name string
		svc  acs.Service
		env  string
		opts []acs.Option
		want string
	}{
		{"default region", regional, "", nil, "https://demo.cn-hangzhou.aliyuncs.com"},
		{"WithRegion", regional, "", []acs.Option{acs.WithRegion("cn-shanghai")}, "https://demo.cn-shanghai.aliyuncs.com"},
		{"region from the environment", regional, "ap-southeast-1", nil, "https://demo.ap-southeast-1.aliyuncs.com"},
		{"WithRegion beats the environment", regional, "ap-southeast-1", []acs.Option{acs.WithRegion("cn-shanghai")}, "https://demo.cn-shanghai.aliyuncs.com"},
		{"no region list accepts any region", withRegions(regional, nil), "", []acs.Option{acs.WithRegion("xx-new-1")}, "https://demo.xx-new-1.aliyuncs.com"},
		{"endpoint without a region", acs.Service{Product: "G", Endpoint: "https://global.example.com/"}, "", nil, "https://global.example.com"},
		{"WithEndpoint overrides the region", regional, "nowhere", []acs.Option{acs.WithRegion("bogus"), acs.WithEndpoint("http://127.0.0.1:8080")}, "http://127.0.0.1:8080"},
		{"WithEndpoint keeps a base path", regional, "", []acs.Option{acs.WithEndpoint("http://127.0.0.1:8080/proxy/demo/")}, "http://127.0.0.1:8080/proxy/demo"},
		{"a region with a host of its own", withHosts, "", []acs.Option{acs.WithRegion("cn-hangzhou-finance")}, "https://demo.aliyuncs.com/v2"},
		{"other regions keep the template", withHosts, "", []acs.Option{acs.WithRegion("cn-shanghai")}, "https://demo.cn-shanghai.aliyuncs.com/v2"},
		{"the region's host from the environment", withHosts, "cn-hangzhou-finance", nil, "https://demo.aliyuncs.com/v2"},
		{"WithEndpoint beats the region's host", withHosts, "", []acs.Option{acs.WithRegion("cn-hangzhou-finance"), acs.WithEndpoint("http://127.0.0.1:9")}, "http://127.0.0.1:9"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(acs.RegionEnv, tc.env)
			c, err := acs.NewClient(tc.svc, append([]acs.Option{staticCreds}, tc.opts...)...)
			require.NoError(t, err)
			assert.Equal(t, tc.want, c.Endpoint())
		})
	}
}

// withHosts has a region whose host the template does not give (x-acs-endpoints).
var withHosts = acs.Service{
	Product: "Demo", Version: "2020-01-01", Style: acs.StyleRPC,
	Endpoint: "https://demo.{regionId}.aliyuncs.com/v2", DefaultRegion: "cn-hangzhou",
	Regions:     []string{"cn-hangzhou", "cn-shanghai", "cn-hangzhou-finance"},
	RegionHosts: map[string]string{"cn-hangzhou-finance": "demo.aliyuncs.com"},
}

func withRegions(s acs.Service, regions []string) acs.Service {
	s.Regions = regions
	return s
}

func TestUnknownRegionListsRegions(t *testing.T) {
	check := func(t *testing.T, err error) {
		t.Helper()
		require.Error(t, err)
		assert.Contains(t, err.Error(), `"xx-nowhere-1"`)
		assert.Contains(t, err.Error(), "Demo")
		assert.Contains(t, err.Error(), "cn-hangzhou, cn-shanghai, ap-southeast-1")
		assert.Contains(t, err.Error(), "acs.WithEndpoint")
	}
	t.Run("WithRegion", func(t *testing.T) {
		t.Setenv(acs.RegionEnv, "")
		_, err := acs.NewClient(regional, staticCreds, acs.WithRegion("xx-nowhere-1"))
		check(t, err)
	})
	t.Run("environment", func(t *testing.T) {
		t.Setenv(acs.RegionEnv, "xx-nowhere-1")
		_, err := acs.NewClient(regional, staticCreds)
		check(t, err)
	})
}

func TestEndpointErrors(t *testing.T) {
	t.Setenv(acs.RegionEnv, "")
	t.Run("no region", func(t *testing.T) {
		svc := regional
		svc.DefaultRegion = ""
		_, err := acs.NewClient(svc, staticCreds)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "no region")
		assert.Contains(t, err.Error(), acs.RegionEnv)
	})
	t.Run("no endpoint", func(t *testing.T) {
		_, err := acs.NewClient(acs.Service{Product: "Bare"}, staticCreds)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "Bare declares no endpoint")
	})
	for _, bad := range []string{
		"ftp://demo.example.com",
		"demo.example.com",
		"localhost:8080",
		"/relative/path",
		"http://",
		"http://demo.example.com/?a=1",
		"http://demo.example.com/#frag",
		"http://[::1",
		"http://demo.example.com/%zz",
	} {
		t.Run(bad, func(t *testing.T) {
			_, err := acs.NewClient(regional, staticCreds, acs.WithEndpoint(bad))
			require.Error(t, err)
			assert.Contains(t, err.Error(), "endpoint")
		})
	}
}

// TestBasePathOnTheWire: requests go below the endpoint's base path, and the base path
// is part of the signed canonical URI.
func TestBasePathOnTheWire(t *testing.T) {
	rec := newRecorder(verifying(t, testVerifier(), reply(http.StatusOK, okBody)))
	srv := startServer(t, rec)
	c, err := acs.NewClient(testService, staticCreds, acs.WithEndpoint(srv.URL+"/proxy/demo/"))
	require.NoError(t, err)

	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "GetThing", Method: http.MethodGet, Path: "/v1/things/" + acs.PathSegment("a/b")}, nil))
	assert.Equal(t, "/proxy/demo/v1/things/a%2Fb", rec.Last(t).Req.URL.EscapedPath())

	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "Rpc", Method: http.MethodPost, Path: "/"}, nil))
	assert.Equal(t, "/proxy/demo/", rec.Last(t).Req.URL.EscapedPath())
}

// A region ID goes into the host name, so one that is not a region ID is refused
// before any request: no region can point the signed requests at another host.
// The check holds for services that accept any region too.
func TestRegionThatIsNotARegionIDIsRefused(t *testing.T) {
	t.Setenv(acs.RegionEnv, "")
	for _, bad := range []string{"x@evil.example/", "evil.example#", "cn-hangzhou.evil.example", "CN-HANGZHOU", "cn hangzhou", "-cn", "cn--x", "cn-", "a/b", "cn-hangzhou:443"} {
		_, err := acs.NewClient(withRegions(regional, nil), staticCreds, acs.WithRegion(bad))
		require.Error(t, err, bad)
		assert.Contains(t, err.Error(), "is not a region ID", bad)
		t.Setenv(acs.RegionEnv, bad)
		_, err = acs.NewClient(withRegions(regional, nil), staticCreds)
		require.Error(t, err, "from the environment: %s", bad)
		t.Setenv(acs.RegionEnv, "")
	}
	for _, good := range []string{"cn-hangzhou", "ap-southeast-1", "cn-shenzhen-finance-1", "us-east-1"} {
		c, err := acs.NewClient(withRegions(regional, nil), staticCreds, acs.WithRegion(good))
		require.NoError(t, err, good)
		assert.Equal(t, "https://demo."+good+".aliyuncs.com", c.Endpoint())
	}
}
