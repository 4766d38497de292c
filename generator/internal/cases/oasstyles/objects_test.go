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

func ptr[T any](v T) *T { return &v }

// Objects in the query, as OpenAPI 3.0's style table serializes color = {R: 100,
// G: 200}: deepObject color[R]=100&color[G]=200, form with explode R=100&G=200,
// form without explode color=R,100,G,200; the runtime percent-encodes "[" and "]"
// as it encodes every query value, but leaves the commas of form without explode
// literal, as the style table shows them (a member's own comma would be %2C). An
// unset member is not sent; a map's members go by key.
func TestObjectParamsOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	_, err := client(t, srv.URL).FindColors(context.Background(), &oasstyles.FindColorsRequest{
		Color:  &oasstyles.Rgb{R: 100, G: ptr[int32](200)},
		Filter: &oasstyles.FindColorsFilter{Shade: ptr(oasstyles.FindColorsFilterShadeDark), Min: ptr(0.5)},
		Range:  &oasstyles.FindColorsRange{From: 1, To: ptr[int64](9)},
		Labels: map[string]string{"team": "core", "a b": "x"},
	})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, "color%5BG%5D=200&color%5BR%5D=100&labels%5Ba%20b%5D=x&labels%5Bteam%5D=core&min=0.5&range=from,1,to,9&shade=dark", req.Request.URL.RawQuery)
	assert.Equal(t, []string{"from,1,to,9"}, req.Query["range"])
	verifies(t, req)
	require.NoError(t, decodesAs(t, req.Request, "FindColors", map[string]string{
		"color": `{"R":100,"G":200}`, "filter": `{"shade":"dark","min":0.5}`, "range": `{"from":1,"to":9}`,
		"labels": `{"team":"core","a b":"x"}`,
	}))
}

// A required object left nil is missing; the members are validated
// before anything is sent.
func TestObjectParamsValidated(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	c := client(t, srv.URL)
	var verr *acs.ValidationError
	_, err := c.FindColors(context.Background(), &oasstyles.FindColorsRequest{})
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "/range: required parameter is missing")
	_, err = c.FindColors(context.Background(), &oasstyles.FindColorsRequest{Range: &oasstyles.FindColorsRange{}, Labels: map[string]string{"k": ""}, Color: &oasstyles.Rgb{R: 256}})
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "/color/R")
	assert.ErrorContains(t, err, "/labels/k")
	assert.Empty(t, srv.Requests())
}

// kin-openapi, which acsgen mock checks requests with, decodes the objects the
// client sends by their styles and validates the members.
func TestObjectParamsAgainstTheMock(t *testing.T) {
	set, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	m, err := mock.New(set, mock.Options{AccessKeyID: "id", AccessKeySecret: "secret"})
	require.NoError(t, err)
	srv := httptest.NewServer(m)
	t.Cleanup(srv.Close)
	_, err = client(t, srv.URL).FindColors(context.Background(), &oasstyles.FindColorsRequest{
		Color:  &oasstyles.Rgb{R: 100, B: ptr[int32](7)},
		Filter: &oasstyles.FindColorsFilter{Shade: ptr(oasstyles.FindColorsFilterShadeLight)},
		Range:  &oasstyles.FindColorsRange{From: 1, To: ptr[int64](9)},
		Labels: map[string]string{"team": "core"},
	})
	require.NoError(t, err)
}
