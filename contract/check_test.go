package contract

import (
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	rpcSpec = "../generator/internal/cases/rpcmulti/spec.yaml"
	roaSpec = "../generator/internal/cases/plainroa/spec.yaml"
)

func loadSet(t *testing.T) *Set {
	t.Helper()
	set, err := Load([]string{rpcSpec, roaSpec})
	require.NoError(t, err)
	return set
}

func rpc(action, query string, status int, body string) Interaction {
	return Interaction{
		Method: "POST", URL: "https://things.cn-hangzhou.example.com/?" + query,
		Header: http.Header{"X-Acs-Action": {action}, "X-Acs-Version": {"2020-01-01"}},
		Status: status, RespHeader: http.Header{"Content-Type": {"application/json"}}, RespBody: []byte(body),
	}
}

func TestConformingInteractionsHaveNoFindings(t *testing.T) {
	set := loadSet(t)
	assert.Empty(t, set.Check(rpc("CreateThing", "Name=a&Kind=SMALL&TagIds=x,y", 200, `{"RequestId":"r","ThingId":"t"}`), Options{}))
	// x-acs-action differs from the operationId when the spec says so.
	assert.Empty(t, set.Check(rpc("RemoveThing", "ThingId=t", 200, `{"RequestId":"r"}`), Options{}))
	// V2-signed RPC: action and version in the query, with common parameters that are not business ones.
	v2 := rpc("", "Action=RemoveThing&Version=2020-01-01&ThingId=t&Signature=x&AccessKeyId=y&Format=JSON", 200, `{}`)
	v2.Header = http.Header{}
	assert.Empty(t, set.Check(v2, Options{}))
	roa := Interaction{Method: "GET", URL: "https://pets.example.com/pets/p%2F1/photos/7", Status: 200,
		RespHeader: http.Header{"Content-Type": {"application/json"}}, RespBody: []byte(`{"url":"u"}`)}
	assert.Empty(t, set.Check(roa, Options{}))
}

func TestRequestViolations(t *testing.T) {
	set := loadSet(t)
	found := set.Check(rpc("CreateThing", "Name=a&Kind=HUGE&TagIds="+tags(11), 200, `{}`), Options{})
	require.Len(t, found, 2, "%v", found)
	byPtr := map[string]Finding{}
	for _, f := range found {
		byPtr[f.Pointer] = f
	}
	assert.Equal(t, "enum", byPtr["query/Kind"].Rule)
	assert.Equal(t, "maxItems", byPtr["query/TagIds"].Rule)
	assert.Equal(t, "request", byPtr["query/TagIds"].Where)
	assert.Equal(t, "CreateThing", byPtr["query/TagIds"].Operation)
	assert.Regexp(t, `rpcmulti/spec.yaml:\d+:\d+$`, byPtr["query/TagIds"].Schema)

	missing := set.Check(rpc("CreateThing", "Kind=SMALL", 200, `{}`), Options{})
	require.Len(t, missing, 1)
	assert.Equal(t, "query/Name", missing[0].Pointer)
}

func tags(n int) string {
	s := "t0"
	for i := 1; i < n; i++ {
		s += ",t"
	}
	return s
}

func TestResponseViolations(t *testing.T) {
	set := loadSet(t)
	found := set.Check(rpc("DescribeThings", "", 200, `{"Things":[{"ThingId":"a","Kind":"MEDIUM"}]}`), Options{})
	require.Len(t, found, 1, "%v", found)
	f := found[0]
	assert.Equal(t, "response", f.Where)
	assert.Equal(t, "/Things/0/Kind", f.Pointer)
	assert.Equal(t, "enum", f.Rule)
	assert.Regexp(t, `rpcmulti/spec.yaml:\d+:\d+$`, f.Schema)

	status := set.Check(rpc("RemoveThing", "ThingId=t", 418, `{}`), Options{})
	require.Len(t, status, 1, "%v", status)
	assert.Equal(t, "status", status[0].Rule)

	notJSON := set.Check(rpc("RemoveThing", "ThingId=t", 200, `<html>`), Options{})
	require.NotEmpty(t, notJSON)
	assert.Equal(t, "response", notJSON[0].Where)
}

func TestUnroutedInteractionIsAFinding(t *testing.T) {
	set := loadSet(t)
	found := set.Check(rpc("NoSuchAction", "", 200, `{}`), Options{})
	require.Len(t, found, 1)
	assert.Equal(t, "route", found[0].Rule)
	assert.Contains(t, found[0].Message, `"NoSuchAction"`)

	found = set.Check(Interaction{Method: "PUT", URL: "https://pets.example.com/pets"}, Options{})
	require.Len(t, found, 1)
	assert.Equal(t, "no spec declares PUT /pets", found[0].Message)
}

func TestStrictReportsUndocumentedProperties(t *testing.T) {
	set := loadSet(t)
	ix := rpc("DescribeThings", "", 200, `{"RequestId":"r","Extra":1,"Things":[{"ThingId":"a","Color":"red"}]}`)
	assert.Empty(t, set.Check(ix, Options{}), "open schemas accept unknown properties")
	found := set.Check(ix, Options{Strict: true})
	var ptrs []string
	for _, f := range found {
		assert.Equal(t, "undocumented", f.Rule)
		ptrs = append(ptrs, f.Pointer)
	}
	assert.Equal(t, []string{"/Extra", "/Things/0/Color"}, ptrs)
}

func TestFindingString(t *testing.T) {
	f := Finding{Recording: "r.yaml", Entry: 2, Operation: "Op", Where: "response", Pointer: "/a", Rule: "type",
		Schema: "s.yaml:3:4", Message: "value must be a string"}
	assert.Equal(t, "r.yaml#2 Op response /a: value must be a string [type at s.yaml:3:4]", f.String())
}

func TestFormBodyOfROARequestStaysABody(t *testing.T) {
	set := loadSet(t)
	ix := Interaction{Method: "POST", URL: "https://pets.example.com/pets",
		Header: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, Body: []byte("name=rex"),
		Status: 201, RespHeader: http.Header{"Content-Type": {"application/json"}}, RespBody: []byte(`{"id":1,"name":"rex"}`)}
	found := set.Check(ix, Options{Strict: true})
	require.Len(t, found, 1, "%v", found)
	assert.Equal(t, "request", found[0].Where)
	assert.Contains(t, found[0].Message, "application/x-www-form-urlencoded", "the form is checked as the body it is, not moved into the query")
}

// A recording cut short parses with empty fields; each such entry is reported as
// incomplete, saying what is missing, instead of failing routing or status rules.
func TestIncompleteInteractions(t *testing.T) {
	set := loadSet(t)
	full := rpc("RemoveThing", "ThingId=t", 200, `{"RequestId":"r"}`)
	for want, ix := range map[string]Interaction{
		"request method":  func() Interaction { i := full; i.Method = ""; return i }(),
		"request URL":     func() Interaction { i := full; i.URL = ""; return i }(),
		"response status": func() Interaction { i := full; i.Status = 0; return i }(),
	} {
		found := set.Check(ix, Options{})
		require.Len(t, found, 1, want)
		assert.Equal(t, "incomplete", found[0].Rule)
		assert.Contains(t, found[0].Message, "no "+want)
	}
	assert.Empty(t, set.Check(full, Options{}))
}

// queryParams gives openapi3filter the values it would parse from the encoded
// query, without the parse.
func TestQueryParamsIsTheEncodedQueryParsed(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"", "a", "A", " ", "+", "%", "%zz", ";", "&", "=", "é", "\xff", "[0]", "x.y", "\x00"}
	word := func() string {
		var b strings.Builder
		for range rng.IntN(3) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 2000 {
		q := url.Values{}
		for range rng.IntN(5) {
			k := word()
			q[k] = nil
			for range rng.IntN(3) {
				q[k] = append(q[k], word())
			}
		}
		want, err := url.ParseQuery(q.Encode())
		require.NoError(t, err)
		assert.Equal(t, want, queryParams(q), "%#v", q)
	}
}
