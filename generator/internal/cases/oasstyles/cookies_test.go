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

// Cookie parameters go in one Cookie header, a pair per parameter joined with
// "; ", values percent-encoded, an array's items joined with commas; unset ones
// are left out, and the signature still verifies.
func TestCookiesOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	c := client(t, srv.URL)
	_, err := c.GetMe(context.Background(), &oasstyles.GetMeRequest{
		Session: "s 1;x=y",
		Theme:   ptr(oasstyles.GetMeThemeDark),
		Prefs:   []int64{3, -1},
		Langs:   []string{"en", "zh,CN"},
		XTrace:  ptr("t"),
	})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, []string{"session=s%201%3Bx%3Dy; theme=dark; prefs=3,-1; langs=en,zh%2CCN"}, req.Header.Values("Cookie"))
	assert.Equal(t, "t", req.Header.Get("X-Trace"))
	verifier := acs.Verifier{Secret: func(string) (string, bool) { return "secret", true }}
	assert.NoError(t, verifier.Verify(req.Request, req.Body))

	_, err = c.GetMe(context.Background(), &oasstyles.GetMeRequest{Session: "s"})
	require.NoError(t, err)
	assert.Equal(t, []string{"session=s"}, srv.Last(t).Header.Values("Cookie"))

	_, err = c.GetMe(context.Background(), &oasstyles.GetMeRequest{})
	var verr *acs.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "/session: required parameter is missing")
	assert.Len(t, srv.Requests(), 2)
}

// kin-openapi, which acsgen mock checks requests with, reads the cookies back and
// validates them against the schemas: it takes the client's.
func TestCookiesAgainstTheMock(t *testing.T) {
	set, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	m, err := mock.New(set, mock.Options{AccessKeyID: "id", AccessKeySecret: "secret"})
	require.NoError(t, err)
	srv := httptest.NewServer(m)
	t.Cleanup(srv.Close)
	c := client(t, srv.URL)
	_, err = c.GetMe(context.Background(), &oasstyles.GetMeRequest{
		Session: "s-1", Theme: ptr(oasstyles.GetMeThemeLight), Prefs: []int64{1, 2}, Langs: []string{"en", "fr"},
	})
	require.NoError(t, err)
}
