package plainroa_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generator/internal/cases/plainroa"
	"github.com/acsgen/acsgen/internal/loopback"
)

// A spec with no x-acs-* extensions gives a plain ROA client: no signature, no
// x-acs-* headers, and no credentials needed.
func TestPlainSpecGivesUnsignedROAClient(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, `[{"id":1,"name":"Rex","tag":""}]`)
	c, err := plainroa.NewClient(acs.WithEndpoint(srv.URL + "/api"))
	require.NoError(t, err)

	limit, trace := int32(10), "t-1"
	pets, err := c.ListPets(context.Background(), &plainroa.ListPetsRequest{Limit: &limit, XTraceID: &trace})
	require.NoError(t, err)
	require.Len(t, *pets, 1)
	assert.Equal(t, int64(1), (*pets)[0].ID)
	require.NotNil(t, (*pets)[0].Tag)
	assert.Equal(t, "", *(*pets)[0].Tag, "an empty string is a value, not absent")

	got := srv.Last(t)
	assert.Equal(t, "GET", got.Method)
	assert.Equal(t, "/api/pets", got.Path)
	assert.Equal(t, "10", got.Query.Get("limit"))
	assert.Equal(t, "t-1", got.Header.Get("X-Trace-Id"))
	assert.Empty(t, got.Header.Get("Authorization"))
	for k := range got.Header {
		assert.NotContains(t, http.CanonicalHeaderKey(k), "X-Acs-", "plain clients send no x-acs-* header")
	}
}

func TestPathParametersAreEscapedSegments(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, `{"url":"u"}`)
	c, err := plainroa.NewClient(acs.WithEndpoint(srv.URL))
	require.NoError(t, err)

	photo, err := c.GetPetPhoto(context.Background(), &plainroa.GetPetPhotoRequest{PetID: "a/b c", PhotoID: 0})
	require.NoError(t, err, "0 is a valid integer path parameter")
	assert.Equal(t, "u", photo.URL)
	assert.Equal(t, "/pets/a%2Fb%20c/photos/0", srv.Last(t).Path)

	_, err = c.GetPetPhoto(context.Background(), &plainroa.GetPetPhotoRequest{PhotoID: 1})
	require.EqualError(t, err, "plainroa: GetPetPhoto: request: /petId: required parameter is missing")
	var ve *acs.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Len(t, srv.Requests(), 1, "no request is sent without a path parameter")
}

func TestJSONBodyAndCreatedStatus(t *testing.T) {
	srv := loopback.New(t, http.StatusCreated, `{"id":7,"name":"Rex"}`)
	c, err := plainroa.NewClient(acs.WithEndpoint(srv.URL))
	require.NoError(t, err)

	pet, err := c.CreatePet(context.Background(), &plainroa.CreatePetRequest{NewPet: plainroa.NewPet{Name: "Rex"}})
	require.NoError(t, err)
	assert.Equal(t, int64(7), pet.ID)
	got := srv.Last(t)
	assert.Equal(t, "POST", got.Method)
	assert.JSONEq(t, `{"name":"Rex"}`, string(got.Body), "optional tag is omitted when nil")
	assert.Equal(t, "application/json; charset=utf-8", got.Header.Get("Content-Type"))
}

func TestDeclaredErrorBecomesTypedError(t *testing.T) {
	srv := loopback.New(t, http.StatusBadRequest, `{"code":"BadLimit","message":"limit too large"}`)
	c, err := plainroa.NewClient(acs.WithEndpoint(srv.URL))
	require.NoError(t, err)

	_, err = c.ListPets(context.Background(), &plainroa.ListPetsRequest{})
	var apiErr *acs.Error
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assert.Equal(t, "BadLimit", apiErr.Code)
	assert.Equal(t, "limit too large", apiErr.Message)
	assert.Len(t, srv.Requests(), 1, "a 400 is not retried")
}

// A JSON request body is embedded in the request: the request's JSON has the
// body's members beside the parameters, as an official SDK request model has, and
// the client sends exactly those members as the body.
func TestBodyMembersSitBesideParameters(t *testing.T) {
	var req plainroa.CreatePetRequest
	require.NoError(t, json.Unmarshal([]byte(`{"name":"Rex","tag":"good"}`), &req))
	assert.Equal(t, "Rex", req.Name)
	require.NotNil(t, req.Tag)

	srv := loopback.New(t, http.StatusOK, `{"id":7,"name":"Rex"}`)
	c, err := plainroa.NewClient(acs.WithEndpoint(srv.URL))
	require.NoError(t, err)
	_, err = c.CreatePet(context.Background(), &req)
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"Rex","tag":"good"}`, string(srv.Last(t).Body))
}
