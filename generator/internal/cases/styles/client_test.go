package styles_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generator/internal/cases/styles"
	"github.com/acsgen/acsgen/internal/loopback"
)

func client(t *testing.T, srv *loopback.Server) *styles.Client {
	t.Helper()
	c, err := styles.NewClient(acs.WithEndpoint(srv.URL), acs.WithCredentials(acs.StaticCredentials("id", "secret", "")))
	require.NoError(t, err)
	return c
}

const ack = `{"RequestId":"r-1"}`

// The styled parameters arrive as darabonba-openapi puts them on the wire: lists
// counted from 1, members under Name.Key, nested lists again counted from 1, json
// values encoded without HTML escaping; absent members and unset fields add nothing.
func TestStyledQuery(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, ack)
	c := client(t, srv)
	ctx := context.Background()

	_, err := c.TagResources(ctx, &styles.TagResourcesRequest{
		RegionID:   "cn-hangzhou",
		ResourceID: []string{"r-1", "r 2"},
		Tag:        []styles.TagResourcesTag{{Key: "env", Value: new("prod")}, {Key: "team"}},
	})
	require.NoError(t, err)

	active, inactive := styles.StatusActive, styles.StatusInactive
	_, err = c.CreateRule(ctx, &styles.CreateRuleRequest{
		Rule: []styles.CreateRuleRule{
			{Name: new("a"), Priority: new(int32(1)), Ports: []int32{80, 443},
				Matches: []styles.CreateRuleRuleMatches{{Header: new("Host"), Values: []string{"x", "y"}}, {Values: []string{"z"}}}},
			{Name: new("b")},
		},
		Filter: &styles.CreateRuleFilter{Status: &active, Owner: &styles.Owner{ID: "u-1"}, Enabled: new(false), Limit: new(int64(9007199254740993))},
		Labels: map[string]string{"k": "v", "<k>": "&"},
		Config: &styles.CreateRuleConfig{Enabled: new(true), Weight: new(0.5), Note: acs.Null[string](), Tags: []string{"<a>", "b&c"},
			Owner: &styles.Owner{ID: "u-2", Kind: new("user")}},
		IDs: []int64{1, 9007199254740993},
	})
	require.NoError(t, err)

	_, err = c.CreateRule(ctx, &styles.CreateRuleRequest{
		Rule:   []styles.CreateRuleRule{{}},
		Filter: &styles.CreateRuleFilter{Status: &inactive},
		Config: &styles.CreateRuleConfig{},
		IDs:    []int64{},
	})
	require.NoError(t, err)

	_, err = c.CreateRule(ctx, &styles.CreateRuleRequest{
		Name: new("a\xffb"), Ratio: new(1e-7), Scale: new(float32(0.1)),
		Rule: []styles.CreateRuleRule{{}}, Filter: &styles.CreateRuleFilter{}, Config: &styles.CreateRuleConfig{},
	})
	require.NoError(t, err)

	reqs := srv.Requests()
	require.Len(t, reqs, 4)
	assert.Equal(t, url.Values{
		"RegionId":     {"cn-hangzhou"},
		"ResourceId.1": {"r-1"},
		"ResourceId.2": {"r 2"},
		"Tag.1.Key":    {"env"},
		"Tag.1.Value":  {"prod"},
		"Tag.2.Key":    {"team"},
	}, reqs[0].Query)
	assert.Equal(t, url.Values{
		"Rule.1.Name":               {"a"},
		"Rule.1.Priority":           {"1"},
		"Rule.1.Ports.1":            {"80"},
		"Rule.1.Ports.2":            {"443"},
		"Rule.1.Matches.1.Header":   {"Host"},
		"Rule.1.Matches.1.Values.1": {"x"},
		"Rule.1.Matches.1.Values.2": {"y"},
		"Rule.1.Matches.2.Values.1": {"z"},
		"Rule.2.Name":               {"b"},
		"Filter.Status":             {"Active"},
		"Filter.Owner.Id":           {"u-1"},
		"Filter.Enabled":            {"false"},
		"Filter.Limit":              {"9007199254740993"},
		"Labels.k":                  {"v"},
		"Labels.<k>":                {"&"},
		"Config":                    {`{"Enabled":true,"Note":null,"Owner":{"Id":"u-2","Kind":"user"},"Tags":["<a>","b&c"],"Weight":0.5}`},
		"Ids":                       {"[1,9007199254740993]"},
	}, reqs[1].Query)
	assert.Equal(t, url.Values{
		"Filter.Status": {"Inactive"},
		"Config":        {"{}"},
		"Ids":           {"[]"},
	}, reqs[2].Query, "an empty item adds nothing; an empty json value is still sent")
	assert.Equal(t, url.Values{
		"Name":   {"a\uFFFDb"},
		"Ratio":  {"1e-7"},
		"Scale":  {"0.1"},
		"Config": {"{}"},
	}, reqs[3].Query, "plain scalars as darabonba's utils.Query puts them: U+FFFD, numbers as encoding/json writes them")
}

// An unset styled parameter sends nothing; a required one is missing when it would
// put nothing on the wire.
func TestStyledRequired(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, ack)
	c := client(t, srv)
	ctx := context.Background()

	_, err := c.TagResources(ctx, &styles.TagResourcesRequest{RegionID: "r", ResourceID: []string{"", ""}})
	var verr *acs.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "ResourceId")
	assert.ErrorContains(t, err, "required parameter is missing")

	_, err = c.CreateRule(ctx, &styles.CreateRuleRequest{Rule: []styles.CreateRuleRule{}})
	require.ErrorAs(t, err, &verr)
	for _, name := range []string{"Rule", "Filter", "Config"} {
		assert.ErrorContains(t, err, "/"+name+": required parameter is missing")
	}

	// Object parameters are checked through their models.
	_, err = c.TagResources(ctx, &styles.TagResourcesRequest{RegionID: "r", ResourceID: []string{"a"},
		Tag: []styles.TagResourcesTag{{Key: ""}}})
	assert.ErrorContains(t, err, "/Tag/0/Key")
	_, err = c.CreateRule(ctx, &styles.CreateRuleRequest{Rule: []styles.CreateRuleRule{{Priority: new(int32(0))}},
		Filter: &styles.CreateRuleFilter{Status: new(styles.Status("Gone"))}, Config: &styles.CreateRuleConfig{}})
	assert.ErrorContains(t, err, "/Rule/0/Priority")
	assert.ErrorContains(t, err, "/Filter/Status")
	assert.Empty(t, srv.Requests(), "nothing invalid is sent")

	_, err = c.TagResources(ctx, &styles.TagResourcesRequest{RegionID: "r", ResourceID: []string{"a"}})
	require.NoError(t, err)
	assert.Equal(t, url.Values{"RegionId": {"r"}, "ResourceId.1": {"a"}}, srv.Requests()[0].Query)
}

// A value darabonba has no answer for is refused, naming the parameter, and not sent.
func TestStyledError(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, ack)
	_, err := client(t, srv).CreateRule(context.Background(), &styles.CreateRuleRequest{
		Rule: []styles.CreateRuleRule{{}}, Filter: &styles.CreateRuleFilter{},
		Labels: map[string]string{"A.B": "1", "A": "2"}, // fine: distinct keys
		Config: &styles.CreateRuleConfig{Weight: new(0.0)},
	})
	require.NoError(t, err)
	_, err = client(t, srv).CreateRule(context.Background(), &styles.CreateRuleRequest{
		Rule: []styles.CreateRuleRule{{}}, Filter: &styles.CreateRuleFilter{},
		Config: &styles.CreateRuleConfig{Weight: new(nan())},
	})
	assert.ErrorContains(t, err, "styles: CreateRule: parameter Config: acs: JSONParam: json: unsupported value: NaN")
	assert.Len(t, srv.Requests(), 1)
}

func nan() float64 { var z float64; return z / z }
