package acs

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// slowCanonicalQuery is CanonicalQuery without its fast path.
func slowCanonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		q = parseLenient(raw)
	}
	return EncodeQuery(q)
}

// FuzzCanonicalQueryFastPath: whatever the fast path passes through unchanged is
// exactly what parsing and re-encoding would have produced.
func FuzzCanonicalQueryFastPath(f *testing.F) {
	for _, s := range []string{"a=1&b=2", "b=1&a=2", "a=%20", "a=%41", "a=%2a", "a=+", "a", "a=1&&b=2", "=1",
		"a=1;b=2", "A=1&a=2", "a=2&a=1", "a=%", "a=%2", "a=%E4%B8%AD", "a~=1", "a%20b=1", "ApiIds=x%2Cy&PluginId=p"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if isCanonicalQuery(raw) {
			require.Equal(t, slowCanonicalQuery(raw), raw)
		}
	})
}

// Whatever EncodeQuery writes is already its canonical form, whatever the names:
// the client signs it as it is, without the check.
func TestEncodeQueryIsCanonical(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	pieces := []string{"", "a", "Z", "Tag.1", "x y", "a+b", "=", "&", "%", "%41", "中", "\xff", "~", "*", ";", "A"}
	pick := func() string {
		var b strings.Builder
		for range rng.IntN(3) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 2000 {
		q := url.Values{}
		for range rng.IntN(5) {
			k := pick()
			q[k] = append(q[k], pick())
		}
		raw := EncodeQuery(q)
		require.Equal(t, raw, slowCanonicalQuery(raw), "%q", q)
	}
}

// The fast path takes the queries the generated clients send: anything EncodeQuery
// writes for names made of unreserved characters.
func TestCanonicalQueryFastPathTakesEncodedQueries(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"Action", "ApiIds", "PluginId", "StageName", "Tag.1.Key", "a_b", "x-y", "z~"}
	values := []string{"", "TEST", "a,b", "中文", "a b", "a+b", "~*", "%41", "\xff", "&="}
	for range 500 {
		q := url.Values{}
		for range 1 + rng.IntN(5) {
			q.Add(names[rng.IntN(len(names))], values[rng.IntN(len(values))])
		}
		raw := EncodeQuery(q)
		assert.True(t, isCanonicalQuery(raw), raw)
		assert.Equal(t, slowCanonicalQuery(raw), CanonicalQuery(raw))
	}
	assert.False(t, isCanonicalQuery("b=1&a=2"), "unsorted")
	assert.False(t, isCanonicalQuery("a=%2a"), "lower-case hex")
	assert.False(t, isCanonicalQuery("a=%41"), "an unreserved byte escaped")
	assert.False(t, isCanonicalQuery("a=x+y"), "+ for a space")
	assert.False(t, isCanonicalQuery("a%20b=1"), "an escaped name")
}

func TestEmptyPayloadHash(t *testing.T) {
	sum := sha256.Sum256(nil)
	assert.Equal(t, hex.EncodeToString(sum[:]), emptyPayloadHash)
}

// The shortcut for a single clean header value never changes what is signed: every
// value reads as trimming and joining it would.
func TestHeaderValueShortcutMatchesTrimming(t *testing.T) {
	for _, v := range []string{"plain", " lead", "trail\t", "\u00a0nbsp\u00a0", "mid\u2003space", "\u0085next",
		"a\r\nb", "é", "", "x\u3000"} {
		req, err := http.NewRequest(http.MethodGet, "https://example.com/", nil)
		require.NoError(t, err)
		req.Header.Set("X-Acs-Custom", v)
		assert.Equal(t, strings.TrimSpace(strings.NewReplacer("\r", " ", "\n", " ").Replace(v)),
			headerValue(req, "x-acs-custom"), "%q", v)
	}
}
