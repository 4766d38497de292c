package contract

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// addHARHeader is harHeader as http.Header.Add builds it, pair by pair.
func addHARHeader(pairs []harPair) http.Header {
	h := http.Header{}
	for _, p := range pairs {
		if p.Name != "" && !strings.HasPrefix(p.Name, ":") {
			h.Add(p.Name, p.Value)
		}
	}
	return h
}

// FuzzHARHeader holds harHeader to Add: names "|"-separated from values by
// "=", repeated, pseudo, empty or not canonical.
func FuzzHARHeader(f *testing.F) {
	f.Add("content-type=application/json|:authority=x|Accept=a|accept=b|=v|X-Acs-Request-Id=1|content-type=c")
	f.Add("")
	f.Fuzz(func(t *testing.T, spec string) {
		var pairs []harPair
		for _, kv := range strings.Split(spec, "|") {
			k, v, _ := strings.Cut(kv, "=")
			pairs = append(pairs, harPair{Name: k, Value: v})
		}
		got := harHeader(pairs)
		require.Equal(t, addHARHeader(pairs), got)
		// Each name's values are its own: appending to one changes no other.
		for k := range got {
			got[k] = append(got[k], "appended")
		}
		want := addHARHeader(pairs)
		for k, vs := range want {
			require.Equal(t, append(vs, "appended"), got[k])
		}
	})
}

func TestHARHeaderAllocations(t *testing.T) {
	pairs := []harPair{{"Content-Type", "application/json"}, {"Accept", "a"}, {"X-Acs-Request-Id", "1"}, {":status", "200"}}
	// The map and its group, and one array of values; Add made a slice per name.
	require.LessOrEqual(t, testing.AllocsPerRun(100, func() { harHeader(pairs) }), 3.0)
	require.Greater(t, testing.AllocsPerRun(100, func() { addHARHeader(pairs) }), 3.0)
}
