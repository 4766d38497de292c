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

// The form fields arrive as darabonba-openapi's CallApi sends a formData body:
// flattened as the query is (lists from 1, members under Name.Key, json values
// encoded), then encoded as url.Values.Encode does (names sorted, a space as "+",
// "*" as %2A, "~" kept), with Content-Type application/x-www-form-urlencoded; the
// query parameters stay in the query.
func TestFormBody(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, ack)
	c := client(t, srv)
	ctx := context.Background()

	_, err := c.CreateWidget(ctx, &styles.CreateWidgetRequest{
		RegionID: "cn-hangzhou",
		Name:     "w 1*~",
		Size:     new(int32(7)),
		Weight:   new(1e-7),
		Enabled:  new(false),
		Tag:      []styles.CreateWidgetTag{{Key: "env", Value: new("prod")}, {Key: "a&b"}},
		Zone:     &styles.CreateWidgetZone{ID: new("z-1"), Primary: new(true)},
		Spec:     &styles.CreateWidgetSpec{CPU: new(int32(2)), Memo: new("<x>")},
		IDs:      []string{"i-1", "i\xff2"},
	})
	require.NoError(t, err)

	_, err = c.CreateWidget(ctx, &styles.CreateWidgetRequest{RegionID: "r", Name: "n", Tag: []styles.CreateWidgetTag{{Key: "k"}},
		Zone: &styles.CreateWidgetZone{}, Spec: &styles.CreateWidgetSpec{}, IDs: []string{}})
	require.NoError(t, err)

	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, url.Values{"RegionId": {"cn-hangzhou"}}, reqs[0].Query)
	assert.Equal(t, acs.FormContentType, reqs[0].Header.Get("Content-Type"))
	assert.Equal(t, "Enabled=false&Ids.1=i-1&Ids.2=i%EF%BF%BD2&Name=w+1%2A~&Size=7"+
		"&Spec=%7B%22Cpu%22%3A2%2C%22Memo%22%3A%22%3Cx%3E%22%7D"+
		"&Tag.1.Key=env&Tag.1.Value=prod&Tag.2.Key=a%26b&Weight=1e-7&Zone.Id=z-1&Zone.Primary=true", string(reqs[0].Body))

	assert.Equal(t, url.Values{"RegionId": {"r"}}, reqs[1].Query)
	assert.Equal(t, acs.FormContentType, reqs[1].Header.Get("Content-Type"))
	assert.Equal(t, "Name=n&Spec=%7B%7D&Tag.1.Key=k", string(reqs[1].Body),
		"an empty object or list adds nothing; an empty json value is still sent")
}

// Required form fields are held to what they put on the wire, as parameters are;
// nothing invalid is sent.
func TestFormBodyRequired(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, ack)
	c := client(t, srv)
	_, err := c.CreateWidget(context.Background(), &styles.CreateWidgetRequest{RegionID: "r", Tag: []styles.CreateWidgetTag{}})
	var verr *acs.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "/Name: required parameter is missing")
	assert.ErrorContains(t, err, "/Tag: required parameter is missing")

	_, err = c.CreateWidget(context.Background(), &styles.CreateWidgetRequest{RegionID: "r", Name: "n",
		Size: new(int32(101)), Tag: []styles.CreateWidgetTag{{Key: ""}}})
	assert.ErrorContains(t, err, "/Size")
	assert.ErrorContains(t, err, "/Tag/0/Key")

	_, err = c.CreateWidget(context.Background(), &styles.CreateWidgetRequest{RegionID: "r", Name: "n",
		Tag: []styles.CreateWidgetTag{{Key: "k"}}, Weight: new(nan())})
	assert.ErrorContains(t, err, "styles: CreateWidget: parameter Weight: ")
	assert.Empty(t, srv.Requests())
}
