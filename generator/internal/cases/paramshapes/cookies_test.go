package paramshapes_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generator/internal/cases/paramshapes"
	"github.com/acsgen/acsgen/internal/loopback"
)

// cookieValues is what net/http's RFC 6265 parser reads back for each cookie
// name, percent-decoded: the server's view of the pairs.
func cookieValues(t *testing.T, r *http.Request) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, c := range r.Cookies() {
		v, err := url.PathUnescape(c.Value)
		require.NoError(t, err)
		out[c.Name] = append(out[c.Name], v)
	}
	return out
}

// Arrays and objects of style form with explode (a cookie's default) are one
// pair per item or member in the one Cookie header; net/http reads each back.
func TestExplodedCookiesOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	c := client(t, srv.URL)
	_, err := c.GetCookiePairs(context.Background(), &paramshapes.GetCookiePairsRequest{
		IDs:   []int64{3, -4},
		Tags:  []string{"a b", "c;d=e", "f,g"},
		Color: &paramshapes.Color{R: 100, G: ptr[int32](200)},
	})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, []string{"ids=3; ids=-4; tags=a%20b; tags=c%3Bd%3De; tags=f%2Cg; R=100; G=200"}, req.Header.Values("Cookie"))
	assert.Equal(t, map[string][]string{
		"ids": {"3", "-4"}, "tags": {"a b", "c;d=e", "f,g"}, "R": {"100"}, "G": {"200"},
	}, cookieValues(t, req.Request))
	verifies(t, req)

	_, err = c.GetCookiePairs(context.Background(), &paramshapes.GetCookiePairsRequest{Color: &paramshapes.Color{R: 1}})
	require.NoError(t, err)
	assert.Equal(t, []string{"R=1"}, srv.Last(t).Header.Values("Cookie"), "unset members and parameters are not sent")

	_, err = c.GetCookiePairs(context.Background(), &paramshapes.GetCookiePairsRequest{Tags: []string{"x", ""}, Color: &paramshapes.Color{R: 256}})
	var verr *acs.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "/tags/1")
	assert.ErrorContains(t, err, "/color/R")
	assert.Len(t, srv.Requests(), 2)
}

// The warning acsgen gives these cookies says kin-openapi reads no exploded
// cookie: it refuses the operation's requests, whatever they send.
func TestExplodedCookiesKinOpenAPIRefuses(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	_, err := client(t, srv.URL).GetCookiePairs(context.Background(), &paramshapes.GetCookiePairsRequest{IDs: []int64{1}})
	require.NoError(t, err)
	assert.ErrorContains(t, decodesAs(t, srv.Last(t).Request, "GetCookiePairs", nil), "invalid serialization method")
}

// Objects without explode are one pair, name=k1,v1,k2,v2, each piece
// percent-encoded; kin-openapi decodes them to the very objects sent.
func TestJoinedCookieObjectsOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	_, err := client(t, srv.URL).GetJoinedCookies(context.Background(), &paramshapes.GetJoinedCookiesRequest{
		Shade:  &paramshapes.Shade{Light: ptr(0.5), Name: ptr("pale blue"), On: ptr(true)},
		Labels: map[string]string{"b": "2", "a": "x"},
	})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, []string{"shade=light,0.5,name,pale%20blue,on,true; labels=a,x,b,2"}, req.Header.Values("Cookie"))
	verifies(t, req)
	// kin-openapi does not percent-decode a cookie: the oracle's values have no
	// escapes, the bytes above show the encoding.
	_, err = client(t, srv.URL).GetJoinedCookies(context.Background(), &paramshapes.GetJoinedCookiesRequest{
		Shade:  &paramshapes.Shade{Light: ptr(0.5), Name: ptr("pale"), On: ptr(false)},
		Labels: map[string]string{"b": "2", "a": "x"},
	})
	require.NoError(t, err)
	require.NoError(t, decodesAs(t, srv.Last(t).Request, "GetJoinedCookies", map[string]string{
		"shade": `{"light":0.5,"name":"pale","on":false}`, "labels": `{"a":"x","b":"2"}`,
	}))
}
