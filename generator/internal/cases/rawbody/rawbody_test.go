package rawbody_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/internal/cases/rawbody"
	"github.com/acsgen/acsgen/internal/loopback"
	"github.com/acsgen/acsgen/mock"
)

func client(t *testing.T, srv *loopback.Server) *rawbody.Client {
	t.Helper()
	c, err := rawbody.NewClient(acs.WithEndpoint(srv.URL), acs.WithCredentials(acs.StaticCredentials("id", "secret", "")))
	require.NoError(t, err)
	return c
}

// Bodies that are not JSON go on the wire byte for byte, under the media type the
// spec gives (application/octet-stream for a range such as */*), and the
// signature covers them.
func TestRawBodiesOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, `{"etag":"e1"}`)
	c := client(t, srv)
	ctx := context.Background()
	data := []byte{0, 0xff, '{', '\n'}

	out, err := c.PutObject(ctx, &rawbody.PutObjectRequest{Key: "a b", Body: data})
	require.NoError(t, err)
	assert.Equal(t, "e1", *out.Etag)
	_, err = c.AddNote(ctx, &rawbody.AddNoteRequest{Body: "héllo\n"})
	require.NoError(t, err)
	_, err = c.PutImage(ctx, &rawbody.PutImageRequest{Name: "i.png", Body: []byte("\x89PNG")})
	require.NoError(t, err)
	_, err = c.PostAnything(ctx, &rawbody.PostAnythingRequest{Body: []byte("x")})
	require.NoError(t, err)
	_, err = c.AddNote(ctx, &rawbody.AddNoteRequest{})
	require.NoError(t, err)

	reqs := srv.Requests()
	require.Len(t, reqs, 5)
	for i, want := range []struct{ path, ctype, body string }{
		{"/objects/a%20b", "application/octet-stream", string(data)},
		{"/notes", "text/plain; charset=utf-8", "héllo\n"},
		{"/images/i.png", "image/png", "\x89PNG"},
		{"/anything", "application/octet-stream", "x"},
		{"/notes", "", ""},
	} {
		assert.Equal(t, want.path, reqs[i].Path, i)
		assert.Equal(t, want.ctype, reqs[i].Header.Get("Content-Type"), i)
		assert.Equal(t, want.body, string(reqs[i].Body), i)
		verifier := acs.Verifier{Secret: func(string) (string, bool) { return "secret", true }}
		assert.NoError(t, verifier.Verify(reqs[i].Request, reqs[i].Body), i)
	}
}

// A required body that is empty is refused before anything is sent.
func TestRequiredRawBody(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, `{}`)
	_, err := client(t, srv).PutObject(context.Background(), &rawbody.PutObjectRequest{Key: "k"})
	var verr *acs.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "/body: required property is missing")
	assert.Empty(t, srv.Requests())
}

// acsgen mock, which checks requests against the spec (kin-openapi's request
// validation, as acsgen contract does) and verifies their signatures, takes
// every raw body the client sends.
func TestRawBodiesAgainstTheMock(t *testing.T) {
	set, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	m, err := mock.New(set, mock.Options{AccessKeyID: "id", AccessKeySecret: "secret"})
	require.NoError(t, err)
	srv := httptest.NewServer(m)
	t.Cleanup(srv.Close)
	c, err := rawbody.NewClient(acs.WithEndpoint(srv.URL), acs.WithCredentials(acs.StaticCredentials("id", "secret", "")))
	require.NoError(t, err)
	ctx := context.Background()
	_, err = c.PutObject(ctx, &rawbody.PutObjectRequest{Key: "k", Body: []byte{1, 2, 3}})
	require.NoError(t, err)
	_, err = c.AddNote(ctx, &rawbody.AddNoteRequest{Body: "note"})
	require.NoError(t, err)
	_, err = c.PutImage(ctx, &rawbody.PutImageRequest{Name: "n", Body: []byte("\x89PNG")})
	require.NoError(t, err)
	_, err = c.PostAnything(ctx, &rawbody.PostAnythingRequest{Body: []byte("x")})
	require.NoError(t, err)
	img, err := c.GetImage(ctx, &rawbody.GetImageRequest{Name: "i.png"})
	require.NoError(t, err)
	t.Cleanup(func() { _ = img.Body.Close() })
	assert.Contains(t, []string{"image/png", "image/jpeg"}, img.ContentType)
	note, err := c.GetLatestNote(ctx, &rawbody.GetLatestNoteRequest{})
	require.NoError(t, err)
	assert.Equal(t, "text/plain; charset=utf-8", note.ContentType)
	assert.Equal(t, "Buy milk.", note.Body, "the mock answers the example")
}
