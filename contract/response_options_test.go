package contract

import (
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/stretchr/testify/require"
)

// Examine shares responseOptions between every check, and goroutine: checking
// the recordings, bodies compiled or not, leaves them as they were.
func TestResponseOptionsStayShared(t *testing.T) {
	before := responseOptions
	kin, compiled := productSets(t, apigSpec, cloudapiSpec)
	files, err := filepath.Glob("../contracttests/testdata/*/*.yaml")
	require.NoError(t, err)
	validators := map[string]bool{}
	for _, f := range files {
		ixs, err := ReadCassette(f)
		require.NoError(t, err)
		for _, ix := range ixs {
			for _, set := range []*Set{kin, compiled} {
				validators[set.Examine(ix, Options{Strict: true}).Validator] = true
			}
		}
	}
	require.True(t, validators[ValidatorCompiled] && validators[ValidatorKin], "both paths ran: %v", validators)
	require.Equal(t, before, responseOptions)
	require.Equal(t, [2]openapi3filter.Options{
		{MultiError: true, IncludeResponseStatus: true},
		{MultiError: true, IncludeResponseStatus: true, ExcludeResponseBody: true},
	}, responseOptions)
}

// ReadCassette makes its slice once, at the size the fast reader counted.
func TestReadCassetteSizesItsSlice(t *testing.T) {
	path, _ := largeRecording(t, t.TempDir(), "yaml", 300)
	ixs, err := ReadCassette(path)
	require.NoError(t, err)
	require.Len(t, ixs, 300)
	require.Equal(t, 300, cap(ixs))
}
