package interop_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/metadata"
)

// rounds is how many calls with different values each operation gets.
const rounds = 3

// TestWireEveryOperationMatchesDarabonba imports Alibaba's metadata of the seven
// products in ../shared/metadata whole (712 operations: APIG and CloudAPI, 311,
// among them), generates their clients, fills every parameter of every operation
// with values that fit its schema and sends each call twice to a loopback server
// (three rounds, with other values and keys each time): once through the generated
// client, once through darabonba-openapi CallApi with the maps and Params the
// official SDK's method would hand it. Method, path, query, body, host and signed
// headers must be the same, and acs.Verifier must accept both signatures.
func TestWireEveryOperationMatchesDarabonba(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two whole-product clients")
	}
	products := map[string]string{"apig": "apig/2024-03-27", "cloudapi": "cloudapi/2016-07-14",
		"ess": "ess/2014-08-28", "alb": "alb/2020-06-16", "kms": "kms/2016-01-20", "sts": "sts/2015-04-01", "cs": "cs/2015-12-15"}
	docs := map[string]*metadata.Doc{}
	specs := map[string]string{}
	for pkg, rel := range products {
		path := filepath.Join("..", "..", "shared", "metadata", rel, "api-docs.json")
		if _, err := os.Stat(path); err != nil {
			t.Skipf("Alibaba's metadata is not at %s (CI has it there): %v", path, err)
		}
		doc, err := metadata.ReadFile(path)
		require.NoError(t, err)
		spec, _ := metadata.Import(doc, metadata.Options{Source: path})
		docs[pkg], specs[pkg] = doc, string(spec)
	}
	drv, _ := startDriver(t, specs)
	srv := newServer(t)

	total := 0
	for _, pkg := range slices.Sorted(maps.Keys(products)) {
		doc := docs[pkg]
		for i, name := range doc.APIs.Keys {
			api := doc.APIs.Values[name]
			for round := range rounds {
				key := plainKey
				if (i+round)%2 == 1 {
					key = stsKey
				}
				t.Run(fmt.Sprintf("%s/%s/%d", pkg, name, round), func(t *testing.T) {
					call := newSDKCall(doc, name, api, uint64(round))
					res := drv.call(t, driverCall{Pkg: pkg, Op: name, Endpoint: srv.URL, Token: key.token, Req: call.acsgenJSON(t)})
					mine, ok := srv.takeAny()
					require.True(t, ok, "the generated client sent nothing: %s", res.Error)

					_, _ = daraClient(t, srv, key).CallApi(call.params(), call.request(), &dara.RuntimeOptions{})
					theirs, ok := srv.takeAny()
					require.True(t, ok, "darabonba sent nothing")

					assertSameWire(t, mine, theirs)
					assert.NoError(t, mine.VerifyErr, "acs.Verifier on acsgen's request")
					assert.NoError(t, theirs.VerifyErr, "acs.Verifier on darabonba's request")
				})
			}
			total++
		}
	}
	assert.Equal(t, 712, total, "the operations of the seven products: APIG 96, CloudAPI 215, …")
}

// sdkCall is one operation's call as the official SDK's method builds it.
type sdkCall struct {
	doc  *metadata.Doc
	name string
	api  *metadata.API
	args []sdkArg
}

type sdkArg struct {
	param metadata.Parameter
	value any
}

func newSDKCall(doc *metadata.Doc, name string, api *metadata.API, round uint64) *sdkCall {
	g := &valueGen{r: rand.New(rand.NewPCG(seedOf(name), round)), schemas: doc.Components.Schemas}
	c := &sdkCall{doc: doc, name: name, api: api}
	for _, p := range api.Parameters {
		c.args = append(c.args, sdkArg{p, g.value(p.Schema, 0)})
	}
	return c
}

func seedOf(s string) uint64 {
	var h uint64 = 14695981039346656037
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}

// acsgenJSON is the request as JSON: every parameter under its wire name, the
// members of the body object beside them, as the SDK's request model has them.
func (c *sdkCall) acsgenJSON(t *testing.T) json.RawMessage {
	obj := map[string]any{}
	for _, a := range c.args {
		if s, ok := a.value.(sdkStruct); ok && a.param.In == "body" && a.param.Name == "body" && !c.bodyShadowed(s) {
			for _, f := range s {
				obj[f.key] = f.value
			}
			continue
		}
		if path, ok := memberPath(a.param); ok {
			// SystemDisk.Size: a member of the SDK model's SystemDisk struct.
			at := obj
			for _, seg := range path[:len(path)-1] {
				next, _ := at[seg].(map[string]any)
				if next == nil {
					next = map[string]any{}
					at[seg] = next
				}
				at = next
			}
			at[path[len(path)-1]] = a.value
			continue
		}
		obj[a.param.Name] = a.value
	}
	b, err := marshalNoHTML(obj)
	require.NoError(t, err)
	return b
}

// request is the OpenApiRequest of the SDK's method: query and form maps through
// openapiutil.Query and ParseToMap, json and simple parameters rendered by
// ArrayToStringWithSpecifiedStyle into their *Shrink strings, path parameters
// percent-encoded into the pathname (see params).
func (c *sdkCall) request() *openapiutil.OpenApiRequest {
	query, body, headers := map[string]any{}, map[string]any{}, map[string]*string{}
	var whole any
	hasQuery, hasBody := false, false
	for _, a := range c.args {
		p, v := a.param, a.value
		switch p.Style {
		case "json":
			if p.In != "body" {
				v = dara.StringValue(openapiutil.ArrayToStringWithSpecifiedStyle(v, dara.String(p.Name), dara.String("json")))
			}
		case "simple":
			if _, isArray := v.([]any); isArray {
				v = dara.StringValue(openapiutil.ArrayToStringWithSpecifiedStyle(v, dara.String(p.Name), dara.String("simple")))
			}
		}
		switch p.In {
		case "query":
			query[p.Name], hasQuery = v, true
		case "formData":
			body[p.Name], hasBody = v, true
		case "body":
			hasBody = true
			switch s, ok := v.(sdkStruct); {
			case ok && p.Name == "body":
				for _, f := range s {
					body[f.key] = f.value
				}
			case p.Name == "body":
				whole = v // an array body: the SDK passes request.Body as it is
			default:
				body[p.Name] = v
			}
		case "header":
			headers[p.Name] = dara.String(scalarText(v))
		}
	}
	req := &openapiutil.OpenApiRequest{Headers: headers}
	if hasQuery {
		req.Query = openapiutil.Query(query)
	}
	switch {
	case whole != nil:
		req.Body = whole
	case hasBody:
		req.Body = openapiutil.ParseToMap(body)
	}
	return req
}

// params are the Params the SDK's method passes CallApi.
func (c *sdkCall) params() *openapiutil.Params {
	style := c.doc.Info.Style
	pathname := "/"
	bodyType := "formData"
	if style == "ROA" {
		pathname = c.api.Path
		bodyType = "json"
		for _, a := range c.args {
			switch a.param.In {
			case "path":
				pathname = strings.ReplaceAll(pathname, "{"+a.param.Name+"}", dara.PercentEncode(scalarText(a.value)))
			case "formData":
				bodyType = "formData"
			}
		}
	}
	return &openapiutil.Params{
		Action:      dara.String(c.name),
		Version:     dara.String(c.doc.Info.Version),
		Protocol:    dara.String("HTTPS"),
		Pathname:    dara.String(pathname),
		Method:      dara.String(strings.ToUpper(c.api.Methods[0])),
		AuthType:    dara.String("AK"),
		Style:       dara.String(style),
		ReqBodyType: dara.String(bodyType),
		BodyType:    dara.String("json"),
	}
}

// scalarText is a scalar value as the SDKs put it into a path or header.
func scalarText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	}
	return fmt.Sprint(v)
}

// memberPath splits a dotted query or form parameter name that the SDKs merge
// into a struct (every segment a name, not a number): SystemDisk.Size.
func memberPath(p metadata.Parameter) ([]string, bool) {
	if (p.In != "query" && p.In != "formData") || (p.Style != "" && p.Style != "simple") {
		return nil, false
	}
	segs := strings.Split(p.Name, ".")
	if len(segs) < 2 {
		return nil, false
	}
	for _, seg := range segs {
		if seg == "" || strings.Trim(seg, "0123456789") == "" {
			return nil, false
		}
	}
	return segs, true
}

// bodyShadowed reports a body object with a member named as one of the
// operation's parameters: acsgen keeps such a body in the request's Body field,
// its members there, instead of beside the parameters.
func (c *sdkCall) bodyShadowed(body sdkStruct) bool {
	for _, f := range body {
		for _, a := range c.args {
			if a.param.In != "body" && a.param.Name == f.key {
				return true
			}
		}
	}
	return false
}
