package acs_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// hostileError makes the server's error answer for the given code, message and
// request ID.
func hostileError(t *testing.T, code, message, requestID string) *acs.Error {
	t.Helper()
	body, err := json.Marshal(map[string]string{"Code": code, "Message": message, "RequestId": requestID})
	require.NoError(t, err)
	c := newClient(t, reply(http.StatusBadRequest, string(body)))
	err = c.Do(context.Background(), &acs.Request{Action: "Op", Method: http.MethodPost, Path: "/"}, nil)
	var e *acs.Error
	require.True(t, errors.As(err, &e), "%v", err)
	return e
}

func TestErrorTextEscapesControlCharacters(t *testing.T) {
	msg := "bad\x1b]0;owned\x07\x1b[2J\r\n2026-01-01 INFO user=admin logged in\x00 \u202eevil\u2066 zero\u200bwidth"
	e := hostileError(t, "Bad\nCode\x1b[31m", msg, "REQ\r\n-1")
	text := e.Error()
	for _, r := range text {
		assert.False(t, unicode.IsControl(r) || unicode.Is(unicode.Cf, r), "Error() holds %U: %q", r, text)
	}
	assert.Contains(t, text, `bad\x1b]0;owned\a\x1b[2J\r\n2026-01-01 INFO`)
	assert.Contains(t, text, `\u202eevil\u2066 zero\u200bwidth`)
	assert.Contains(t, text, `Bad\nCode\x1b[31m`)
	assert.Contains(t, text, `(request REQ\r\n-1)`)
	// The fields keep what the server sent.
	assert.Equal(t, msg, e.Message)
	assert.Equal(t, "Bad\nCode\x1b[31m", e.Code)
	assert.Equal(t, "REQ\r\n-1", e.RequestID)
}

func TestErrorTextIsBounded(t *testing.T) {
	huge := strings.Repeat("m", 1<<20)
	e := hostileError(t, strings.Repeat("C", 1<<20), huge, strings.Repeat("R", 1<<20))
	text := e.Error()
	assert.Less(t, len(text), 2048, "Error() is cut")
	assert.Contains(t, text, "…(1048576 bytes in all)")
	assert.Len(t, e.Message, 1<<20, "Message keeps it all")
	// A cut never splits a character or an escape.
	e = hostileError(t, "C", strings.Repeat("é\x1b", 1000), "R")
	assert.True(t, strings.Contains(e.Error(), `é\x1b…(`) || strings.Contains(e.Error(), "é…("), e.Error())
}
