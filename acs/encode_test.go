package acs_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

func TestPercentEncode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"abcXYZ0189-_.~", "abcXYZ0189-_.~"}, // unreserved: kept
		{" ", "%20"},                         // never "+"
		{"*", "%2A"},
		{"~", "~"}, // never "%7E"
		{"/", "%2F"},
		{"+", "%2B"},
		{"%", "%25"},
		{"a,b", "a%2Cb"},
		{"=&?#", "%3D%26%3F%23"},
		{":@!$'()", "%3A%40%21%24%27%28%29"},
		{"\x00\n\x7f", "%00%0A%7F"},
		{"é", "%C3%A9"},
		{"中文", "%E4%B8%AD%E6%96%87"},
		{"😀", "%F0%9F%98%80"},
		{"hello world*~", "hello%20world%2A~"},
	} {
		assert.Equal(t, tc.want, acs.PercentEncode(tc.in), "PercentEncode(%q)", tc.in)
	}
}

// Every byte, alone and between runs that are copied whole, is kept exactly when it
// is A–Z a–z 0–9 - _ . ~ and is otherwise %XX in upper-case hex.
func TestPercentEncodeEveryByte(t *testing.T) {
	for c := range 256 {
		want := fmt.Sprintf("%%%02X", c)
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.ContainsRune("-_.~", rune(c)) {
			want = string(rune(c))
		}
		in := string([]byte{byte(c)})
		assert.Equal(t, want, acs.PercentEncode(in), "byte %#x", c)
		assert.Equal(t, "ab"+want+"cd"+want+want, acs.PercentEncode("ab"+in+"cd"+in+in), "byte %#x between runs", c)
	}
}

func TestEncodeQuery(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   url.Values
		want string
	}{
		{"nil", nil, ""},
		{"empty", url.Values{}, ""},
		{"sorted by name, byte order", url.Values{"b": {"2"}, "a": {"1"}, "A": {"0"}, "a1": {"x"}}, "A=0&a=1&a1=x&b=2"},
		{"repeated keys keep their order", url.Values{"k": {"z", "a", "m"}, "j": {"1"}}, "j=1&k=z&k=a&k=m"},
		{"empty value", url.Values{"e": {""}}, "e="},
		{"no values is one empty value", url.Values{"e": {}}, "e="},
		{"names and values encoded", url.Values{"a b": {"c d"}, "x": {"1+1=2", "*~"}}, "a%20b=c%20d&x=1%2B1%3D2&x=%2A~"},
		{"comma-joined list is one value", url.Values{"ApiIds": {"a,b,c"}}, "ApiIds=a%2Cb%2Cc"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := acs.EncodeQuery(tc.in)
			assert.Equal(t, tc.want, got)
			// What a server parses back is what was encoded.
			back, err := url.ParseQuery(got)
			require.NoError(t, err)
			for k, vs := range tc.in {
				if len(vs) == 0 {
					vs = []string{""}
				}
				assert.Equal(t, vs, back[k], "key %q", k)
			}
		})
	}
}

func TestPathSegmentKeepsOneSegment(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"pa-cvl541em1hkk7n8vq810", "pa-cvl541em1hkk7n8vq810"},
		{"a/b c", "a%2Fb%20c"},
		{"../etc/passwd", "..%2Fetc%2Fpasswd"},
		{"x?y=1#z", "x%3Fy%3D1%23z"},
		{"50%", "50%25"},
		{"a+b*c~", "a%2Bb%2Ac~"},
		{"中", "%E4%B8%AD"},
	} {
		got := acs.PathSegment(tc.in)
		assert.Equal(t, tc.want, got, "PathSegment(%q)", tc.in)
		assert.NotContains(t, got, "/", "PathSegment(%q) must stay one segment", tc.in)
		assert.False(t, strings.ContainsAny(got, "?# "), "PathSegment(%q) = %q", tc.in, got)
		back, err := url.PathUnescape(got)
		require.NoError(t, err)
		assert.Equal(t, tc.in, back)
	}
}

// EncodeQuery agrees with a plain rendering (sorted names, each pair percent-encoded
// and joined by "&") on random queries of every size, including more names than
// its stack array holds.
func TestEncodeQueryMatchesPlainRendering(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	alphabet := []string{"a", "Z", "0", "-", "~", " ", "*", "%", "&", "=", "+", "é", "中", "/", ""}
	word := func() string {
		var b strings.Builder
		for range rng.IntN(5) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 2000 {
		q := url.Values{}
		for range rng.IntN(24) {
			k := word()
			q[k] = nil
			for range rng.IntN(3) {
				q[k] = append(q[k], word())
			}
		}
		var pairs []string
		for _, k := range slices.Sorted(maps.Keys(q)) {
			vs := q[k]
			if len(vs) == 0 {
				vs = []string{""}
			}
			for _, v := range vs {
				pairs = append(pairs, acs.PercentEncode(k)+"="+acs.PercentEncode(v))
			}
		}
		require.Equal(t, strings.Join(pairs, "&"), acs.EncodeQuery(q), "%v", q)
	}
}

// A query of an operation's size is rendered in one allocation: the result.
func TestEncodeQueryAllocatesOnce(t *testing.T) {
	q := url.Values{"ApiIds": {"a,b,c"}, "PluginId": {"9a3f1a5279434f2ba74ccd91c295af9f"}, "StageName": {"TEST"}, "GroupId": {"g 1"}}
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { _ = acs.EncodeQuery(q) }))
}
