package styles_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/internal/cases/styles"
	"github.com/acsgen/acsgen/internal/loopback"
)

// What the generated client sends in every style (repeat lists of scalars and of
// objects with nested lists, flat objects, json values, form bodies) is read back
// and passes a strict check: no flattened key is taken for an undocumented one.
func TestStyledRequestsFromTheGeneratedClientConform(t *testing.T) {
	set, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	srv := loopback.New(t, http.StatusOK, `{"RequestId":"r"}`)
	c, err := styles.NewClient(acs.WithEndpoint(srv.URL), acs.WithCredentials(acs.StaticCredentials("id", "secret", "")))
	require.NoError(t, err)
	ctx := context.Background()
	active := styles.StatusActive
	_, err = c.TagResources(ctx, &styles.TagResourcesRequest{RegionID: "cn", ResourceID: []string{"r-1", "r 2"},
		Tag: []styles.TagResourcesTag{{Key: "env", Value: new("prod")}, {Key: "a.b&c"}}})
	require.NoError(t, err)
	_, err = c.CreateRule(ctx, &styles.CreateRuleRequest{
		Rule: []styles.CreateRuleRule{{Name: new("a"), Priority: new(int32(1)), Ports: []int32{80, 443},
			Matches: []styles.CreateRuleRuleMatches{{Header: new("Host"), Values: []string{"x", "y"}}}}, {Name: new("b")}},
		Filter: &styles.CreateRuleFilter{Status: &active, Owner: &styles.Owner{ID: "u-1"}, Limit: new(int64(7))},
		Labels: map[string]string{"k": "v"},
		Config: &styles.CreateRuleConfig{Enabled: new(true), Tags: []string{"<a>"}},
		IDs:    []int64{1, 2},
	})
	require.NoError(t, err)
	_, err = c.CreateWidget(ctx, &styles.CreateWidgetRequest{RegionID: "cn", Name: "w 1", Size: new(int32(7)), Enabled: new(false),
		Tag: []styles.CreateWidgetTag{{Key: "env"}}, Zone: &styles.CreateWidgetZone{ID: new("z-1")},
		Spec: &styles.CreateWidgetSpec{CPU: new(int32(2))}, IDs: []string{"i-1", "i-2"}})
	require.NoError(t, err)

	reqs := srv.Requests()
	require.Len(t, reqs, 3)
	for _, r := range reqs {
		ix := contract.Interaction{Method: r.Method, URL: "https://s.example.com" + r.Path + "?" + r.Request.URL.RawQuery,
			Header: r.Header, Body: r.Body, Status: 200,
			RespHeader: http.Header{"Content-Type": {"application/json"}}, RespBody: []byte(`{"RequestId":"r"}`)}
		assert.Empty(t, set.Check(ix, contract.Options{Strict: true}), "%s %s %s", r.Header.Get("X-Acs-Action"), r.Request.URL.RawQuery, r.Body)
	}
}
