package oasstyles_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/internal/cases/oasstyles"
	"github.com/acsgen/acsgen/internal/loopback"
	"github.com/acsgen/acsgen/mock"
)

func client(t *testing.T, url string) *oasstyles.Client {
	t.Helper()
	c, err := oasstyles.NewClient(acs.WithEndpoint(url), acs.WithCredentials(acs.StaticCredentials("id", "secret", "")))
	require.NoError(t, err)
	return c
}

// spaceDelimited and pipeDelimited arrays are one query value, the items joined
// as OpenAPI 3.0.3's style table shows, color=blue%20black%20brown and
// color=blue|black|brown: the space delimiter is %20, the pipe is literal, and each
// item is percent-encoded, so an item's own "|" is %7C (and its own space %20, as
// the style cannot tell apart). kin-openapi decodes the items back.
func TestDelimitedArraysOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, `{"count":2}`)
	out, err := client(t, srv.URL).ListItems(context.Background(), &oasstyles.ListItemsRequest{
		Colors: []string{"blue", "black", "brown"},
		IDs:    []int64{1, -2, 30},
		Tags:   []string{"a b", "c", "d|e"},
	})
	require.NoError(t, err)
	assert.Equal(t, int32(2), *out.Count)
	req := srv.Last(t)
	assert.Equal(t, "colors=blue%20black%20brown&ids=1|-2|30&tags=a%20b|c|d%7Ce", req.Request.URL.RawQuery)
	assert.Equal(t, []string{"blue black brown"}, req.Query["colors"])
	verifies(t, req)
	// kin-openapi splits the decoded value, so it reads d|e as two items: the
	// raw query keeps them apart, the decoded one cannot.
	require.NoError(t, decodesAs(t, req.Request, "ListItems", map[string]string{
		"colors": `["blue","black","brown"]`, "ids": `[1,-2,30]`, "tags": `["a b","c","d","e"]`,
	}))
}

// Unset optional arrays are not sent; a required one is refused when empty.
func TestDelimitedArraysOmittedAndRequired(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, `{}`)
	c := client(t, srv.URL)
	_, err := c.ListItems(context.Background(), &oasstyles.ListItemsRequest{Tags: []string{"x"}})
	require.NoError(t, err)
	assert.Equal(t, "tags=x", srv.Last(t).Request.URL.RawQuery)

	_, err = c.ListItems(context.Background(), &oasstyles.ListItemsRequest{})
	var verr *acs.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Len(t, srv.Requests(), 1)
}

// acsgen mock checks requests with kin-openapi, which decodes the delimited
// styles by the spec: it takes what the client sends.
func TestDelimitedArraysAgainstTheMock(t *testing.T) {
	set, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	m, err := mock.New(set, mock.Options{AccessKeyID: "id", AccessKeySecret: "secret"})
	require.NoError(t, err)
	srv := httptest.NewServer(m)
	t.Cleanup(srv.Close)
	_, err = client(t, srv.URL).ListItems(context.Background(), &oasstyles.ListItemsRequest{
		Colors: []string{"blue", "black"},
		IDs:    []int64{1, 2},
		Tags:   []string{"a b", "c"},
	})
	require.NoError(t, err)
}
