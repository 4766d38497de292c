package plainroa_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generator/internal/cases/plainroa"
	"github.com/acsgen/acsgen/internal/loopback"
	"github.com/acsgen/acsgen/internal/wireoracle"
)

// A plain spec's form body follows OpenAPI 3.0's encoding, as the query does:
// arrays repeated per item or joined as the field's style says, objects joined or
// as deepObject, not Alibaba's flattening (tags.1, range.from). kin-openapi's
// openapi3filter reads every field back to the value sent.
func TestFormBodyFollowsTheEncoding(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, "")
	c, err := plainroa.NewClient(acs.WithEndpoint(srv.URL))
	require.NoError(t, err)
	from, to, lat, lon := int64(2), int64(9), 30.25, 120.5
	_, err = c.SearchPets(context.Background(), &plainroa.SearchPetsRequest{
		Q: "rex & co", Tags: []string{"a b", "c,d"}, IDs: []int64{3, 4}, Sizes: []string{"s", "m"},
		Range: &plainroa.SearchPetsRange{From: &from, To: &to},
		Near:  &plainroa.SearchPetsNear{Lat: &lat, Lon: &lon},
	})
	require.NoError(t, err)
	got := srv.Last(t)
	assert.Equal(t, "application/x-www-form-urlencoded", got.Header.Get("Content-Type"))
	assert.Equal(t, "ids=3%2C4&near%5Blat%5D=30.25&near%5Blon%5D=120.5&q=rex+%26+co&range=from%2C2%2Cto%2C9&sizes=s%7Cm&tags=a+b&tags=c%2Cd", string(got.Body))

	r := got.Request.Clone(context.Background())
	r.Body = io.NopCloser(bytes.NewReader(got.Body))
	require.NoError(t, wireoracle.Decodes(t, "spec.yaml", r, "searchPets", map[string]string{wireoracle.Body: `{
		"q": "rex & co", "tags": ["a b", "c,d"], "ids": [3, 4], "sizes": ["s", "m"],
		"range": {"from": 2, "to": 9}, "near": {"lat": 30.25, "lon": 120.5}}`}, wireoracle.Options{}))
}
