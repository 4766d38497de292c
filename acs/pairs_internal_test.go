package acs

import (
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// randomText draws names and values with bytes that must be escaped, invalid
// UTF-8 and the empty string among them.
func randomText(rng *rand.Rand) string {
	pieces := []string{"", "a", "B", "Tag.1", "x y", "+", "=", "&", "%", "中", "\xff", "~", "*", "z"}
	var b strings.Builder
	for range rng.IntN(3) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// A request's pairs are sent as the same parameters in Query would be, alone or
// beside Query and EncodedQuery.
func TestPairsEncodeAsQuery(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 17))
	for range 2000 {
		var pairs []Pair
		want := url.Values{}
		for range rng.IntN(6) {
			name := randomText(rng)
			if _, dup := want[name]; dup {
				continue
			}
			p := Pair{Name: name, Value: randomText(rng)}
			pairs = append(pairs, p)
			want[p.Name] = []string{p.Value}
		}
		var query, encoded url.Values
		if rng.IntN(2) == 0 {
			query, encoded = url.Values{"zz.q": {"1", "2"}}, url.Values{"zz.e": {"a,b"}}
			want["zz.q"] = query["zz.q"]
		}
		got := encodeRequestQuery(&Request{Pairs: pairs, Query: query, EncodedQuery: encoded})
		require.Equal(t, EncodeQueries(want, encoded), got, "%q", pairs)
		if encoded == nil {
			require.Equal(t, got, CanonicalQuery(got), "signed as it is")
		}
	}
}

// QueryText is what Flatten sends for a string.
func TestQueryTextIsFlattensText(t *testing.T) {
	for _, s := range []string{"", "TEST", "a b", "中文", "\xff", "a\xffb\xfe", "\xe4\xb8", "ok\x00"} {
		q := url.Values{}
		require.NoError(t, Flatten(q, "P", s))
		require.Equal(t, q.Get("P"), QueryText(s), "%q", s)
	}
}
