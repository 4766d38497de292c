package acs_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/acs/jsondec"
)

func TestOversizedBody(t *testing.T) {
	const limit = 64
	exact := `{"requestId":"R","pad":"` + strings.Repeat("x", limit-len(`{"requestId":"R","pad":""}`)) + `"}`
	require.Len(t, exact, limit)

	t.Run("at the limit", func(t *testing.T) {
		c := newClient(t, reply(http.StatusOK, exact), acs.WithMaxResponseBytes(limit))
		var out struct{ RequestID string }
		require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "Get", Method: http.MethodGet, Path: "/"}, &out))
		assert.Equal(t, "R", out.RequestID)
	})

	for _, status := range []int{http.StatusOK, http.StatusBadRequest} {
		t.Run(http.StatusText(status)+" one byte over", func(t *testing.T) {
			seq := newSequence(reply(status, exact+" ", "x-acs-request-id", "BIG-1"))
			c := newClient(t, seq, acs.WithMaxResponseBytes(limit))
			var out map[string]any
			err := c.Do(context.Background(), &acs.Request{Action: "Get", Method: http.MethodGet, Path: "/"}, &out)
			require.ErrorIs(t, err, acs.ErrBodyTooLarge)
			var e *acs.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, status, e.StatusCode)
			assert.Equal(t, "BIG-1", e.RequestID)
			assert.Equal(t, "Get", e.Operation)
			assert.Contains(t, err.Error(), "64-byte limit")
			assert.Nil(t, out)
			assert.Equal(t, 1, seq.Hits(), "not retried")
		})
	}

	t.Run("large body on the default limit is fine", func(t *testing.T) {
		big := `{"requestId":"R","pad":"` + strings.Repeat("y", 1<<20) + `"}`
		c := newClient(t, reply(http.StatusOK, big))
		var out struct{ Pad string }
		require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "Get", Method: http.MethodGet, Path: "/"}, &out))
		assert.Len(t, out.Pad, 1<<20)
	})
}

func TestMalformedJSONOnSuccess(t *testing.T) {
	for _, tc := range []struct {
		name, body string
	}{
		{"truncated", `{"requestId":"R-1","data":{"name":`},
		{"HTML", `<html><body>maintenance</body></html>`},
		{"wrong type", `{"requestId":"R-1","data":{"count":"many"}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seq := newSequence(reply(http.StatusOK, tc.body, "x-acs-request-id", "HDR-9"))
			c := newClient(t, seq)
			var out struct {
				RequestID string `json:"requestId"`
				Data      struct {
					Count int `json:"count"`
				} `json:"data"`
			}
			err := c.Do(context.Background(), &acs.Request{Action: "Get", Method: http.MethodGet, Path: "/"}, &out)
			var e *acs.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, http.StatusOK, e.StatusCode)
			assert.Equal(t, "HDR-9", e.RequestID)
			assert.Equal(t, tc.body, e.Excerpt)
			assert.Contains(t, e.Message, "cannot decode the response body")
			assert.Contains(t, err.Error(), "body starts")
			var se *json.SyntaxError
			var te *json.UnmarshalTypeError
			assert.True(t, errors.As(err, &se) || errors.As(err, &te), "the decode error is wrapped: %v", err)
			assert.Equal(t, 1, seq.Hits(), "a 200 is never retried")
		})
	}

	t.Run("request id from the body when there is no header", func(t *testing.T) {
		c := newClient(t, reply(http.StatusOK, `{"requestId":"BODY-ID","data":[]}`))
		var out struct {
			Data map[string]any `json:"data"`
		}
		err := c.Do(acs.CaptureResponse(context.Background(), &acs.ResponseInfo{}), &acs.Request{Action: "Get", Method: http.MethodGet, Path: "/"}, &out)
		var e *acs.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, "BODY-ID", e.RequestID)
	})
}

func TestDeeplyNestedBodyIsRefused(t *testing.T) {
	deep := `{"requestId":"R","data":` + strings.Repeat("[", acs.MaxResponseDepth) + strings.Repeat("]", acs.MaxResponseDepth) + `}`
	for _, status := range []int{http.StatusOK, http.StatusBadRequest} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			seq := newSequence(reply(status, deep, "x-acs-request-id", "DEEP-1"))
			c := newClient(t, seq)
			var out map[string]any
			err := c.Do(context.Background(), &acs.Request{Action: "Get", Method: http.MethodGet, Path: "/"}, &out)
			require.ErrorIs(t, err, acs.ErrBodyTooDeep)
			var e *acs.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, status, e.StatusCode)
			assert.Equal(t, "DEEP-1", e.RequestID)
			assert.Contains(t, err.Error(), "deeper than 256 levels")
			assert.Nil(t, out)
			assert.Equal(t, 1, seq.Hits(), "not retried")
		})
	}
	t.Run("at the limit decodes", func(t *testing.T) {
		n := acs.MaxResponseDepth - 1 // the outer object is one level
		ok := `{"requestId":"R","data":` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}`
		c := newClient(t, reply(http.StatusOK, ok))
		var out map[string]any
		require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "Get", Method: http.MethodGet, Path: "/"}, &out))
		assert.Equal(t, "R", out["requestId"])
	})
}

// rawData is shaped like a generated model: it decodes itself with package jsondec,
// which bounds the depth in the same pass instead of a separate scan.
type rawData struct{ Data json.RawMessage }

var rawDataFields = jsondec.NewStruct("acs_test.rawData", "data")

func (m *rawData) DecodeJSON(d *jsondec.Decoder) {
	for o := d.Object(rawDataFields); o.Next(); {
		jsondec.Unmarshaler(&m.Data, d)
	}
}

func TestDeeplyNestedBodyIsRefusedByGeneratedModels(t *testing.T) {
	nested := func(n int) string {
		return `{"requestId":"R","data":` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}`
	}
	c := newClient(t, reply(http.StatusOK, nested(acs.MaxResponseDepth), "x-acs-request-id", "DEEP-2"))
	var out rawData
	err := c.Do(context.Background(), &acs.Request{Action: "Get", Method: http.MethodGet, Path: "/"}, &out)
	require.ErrorIs(t, err, acs.ErrBodyTooDeep)
	assert.Contains(t, err.Error(), "deeper than 256 levels")
	var e *acs.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "DEEP-2", e.RequestID)

	c = newClient(t, reply(http.StatusOK, nested(acs.MaxResponseDepth-1)))
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "Get", Method: http.MethodGet, Path: "/"}, &out))
	assert.Len(t, out.Data, 2*(acs.MaxResponseDepth-1))
}
