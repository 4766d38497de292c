package rpcmulti_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generator/internal/cases/rpcmulti"
	"github.com/acsgen/acsgen/internal/loopback"
)

func client(t *testing.T, srv *loopback.Server) *rpcmulti.Client {
	t.Helper()
	c, err := rpcmulti.NewClient(acs.WithEndpoint(srv.URL), acs.WithCredentials(acs.StaticCredentials("id", "secret", "")))
	require.NoError(t, err)
	return c
}

// Three actions share "/" on the wire and differ only in x-acs-action.
func TestActionsShareRootPath(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, `{"RequestId":"r-1","ThingId":"t-1"}`)
	c := client(t, srv)
	ctx := context.Background()

	size, public := int32(0), false
	_, err := c.CreateThing(ctx, &rpcmulti.CreateThingRequest{Name: "a b", Kind: rpcmulti.CreateThingKindSmall,
		Size: &size, Public: &public, TagIDs: []string{"x", "y"}})
	require.NoError(t, err)
	_, err = c.DescribeThings(ctx, &rpcmulti.DescribeThingsRequest{Kinds: []rpcmulti.Kind{rpcmulti.KindSmall, rpcmulti.KindLarge}, Sizes: []int32{1, 2}})
	require.NoError(t, err)
	_, err = c.DeleteThing(ctx, &rpcmulti.DeleteThingRequest{ThingID: "t-1"})
	require.NoError(t, err)

	reqs := srv.Requests()
	require.Len(t, reqs, 3)
	var actions []string
	for _, r := range reqs {
		assert.Equal(t, "POST", r.Method)
		assert.Equal(t, "/", r.Path)
		assert.Equal(t, "2020-01-01", r.Header.Get("x-acs-version"))
		assert.Contains(t, r.Header.Get("Authorization"), "ACS3-HMAC-SHA256 Credential=id,")
		actions = append(actions, r.Header.Get("x-acs-action"))
	}
	assert.Equal(t, []string{"CreateThing", "DescribeThings", "RemoveThing"}, actions, "x-acs-action overrides the operationId")

	create := reqs[0].Query
	assert.Equal(t, "a b", create.Get("Name"))
	assert.Equal(t, "SMALL", create.Get("Kind"))
	assert.Equal(t, "0", create.Get("Size"), "a set zero is sent")
	assert.Equal(t, "false", create.Get("Public"), "a set false is sent")
	assert.Equal(t, []string{"x,y"}, create["TagIds"], "explode: false joins items into one value")

	describe := reqs[1].Query
	assert.Equal(t, []string{"SMALL", "LARGE"}, describe["Kinds"], "explode: true repeats the name")
	assert.Equal(t, []string{"1,2"}, describe["Sizes"])
	assert.False(t, describe.Has("PageNumber"), "an unset optional parameter is not sent")
}

func TestRPCErrorBody(t *testing.T) {
	srv := loopback.New(t, http.StatusBadRequest,
		`{"RequestId":"r-2","HostId":"things.example.com","Code":"InvalidParameter","Message":"bad","Recommend":"https://x"}`)
	_, err := client(t, srv).DeleteThing(context.Background(), &rpcmulti.DeleteThingRequest{ThingID: "t"})
	var apiErr *acs.Error
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "InvalidParameter", apiErr.Code)
	assert.Equal(t, "r-2", apiErr.RequestID)
	assert.Equal(t, "things.example.com", apiErr.HostID)
	assert.Equal(t, "https://x", apiErr.Recommend)
}

// A region whose host the URL template does not give (x-acs-endpoints) is called
// at that host; the others follow the template.
func TestRegionWithAHostOfItsOwn(t *testing.T) {
	t.Setenv(acs.RegionEnv, "")
	creds := acs.WithCredentials(acs.StaticCredentials("id", "secret", ""))
	c, err := rpcmulti.NewClient(creds, acs.WithRegion("cn-hangzhou-finance"))
	require.NoError(t, err)
	assert.Equal(t, "https://things.example.com", c.Endpoint())
	c, err = rpcmulti.NewClient(creds, acs.WithRegion("cn-beijing"))
	require.NoError(t, err)
	assert.Equal(t, "https://things.cn-beijing.example.com", c.Endpoint())
}
