package main

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/bench/internal/calls"
)

// Every client callcost names makes its calls against a server answering as
// -serve does; a client it does not know, or no server, is refused by name.
func TestCallEveryClient(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		_, _ = w.Write([]byte(`{"RequestId":"EF924FE4-2EDD-4CD3-89EC-34E4708574E7"}`))
	}))
	t.Cleanup(srv.Close)
	for _, name := range calls.AttachPluginOrder {
		require.NoError(t, call(srv.URL, name, 2), name)
	}
	assert.ErrorContains(t, call(srv.URL, "curl", 1), `-client "curl"`)
	assert.ErrorContains(t, call("", "acsgen", 1), "-url is required")
}
