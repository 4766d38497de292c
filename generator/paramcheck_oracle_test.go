package generator_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generated/apig/apigcheck"
	"github.com/acsgen/acsgen/generated/cloudapi/cloudapicheck"
	"github.com/acsgen/acsgen/generator/internal/cases/allofscalars/allofscalarscheck"
	"github.com/acsgen/acsgen/generator/internal/cases/kitchensink/kitchensinkcheck"
	"github.com/acsgen/acsgen/generator/internal/cases/multifile/multifilecheck"
	"github.com/acsgen/acsgen/generator/internal/cases/oasstyles/oasstylescheck"
	"github.com/acsgen/acsgen/generator/internal/cases/objunion/objunioncheck"
	"github.com/acsgen/acsgen/generator/internal/cases/oddnames/oddnamescheck"
	"github.com/acsgen/acsgen/generator/internal/cases/paramshapes/paramshapescheck"
	"github.com/acsgen/acsgen/generator/internal/cases/plainroa/plainroacheck"
	"github.com/acsgen/acsgen/generator/internal/cases/rawbody/rawbodycheck"
	"github.com/acsgen/acsgen/generator/internal/cases/rpcmulti/rpcmulticheck"
	"github.com/acsgen/acsgen/generator/internal/cases/schemacombos/schemacomboscheck"
	"github.com/acsgen/acsgen/generator/internal/cases/styles/stylescheck"
	"github.com/acsgen/acsgen/generator/internal/cases/unions/unionscheck"
	"github.com/acsgen/acsgen/generator/load"
)

// oracleOp is an operation with a generated parameter check, and the route
// kin-openapi validates its parameters against.
type oracleOp struct {
	name   string // "<package> <operationId>"
	check  acs.ParamChecks
	route  *routers.Route
	params []*openapi3.Parameter
}

// oracleOps loads every package's spec files and pairs the generated parameter
// checks with their routes, checking on the way that contract uses each check.
func oracleOps(tb testing.TB) []oracleOp {
	tb.Helper()
	packages := []acs.CompiledSpec{apigcheck.CompiledSpec, cloudapicheck.CompiledSpec, allofscalarscheck.CompiledSpec,
		kitchensinkcheck.CompiledSpec, multifilecheck.CompiledSpec, oasstylescheck.CompiledSpec, objunioncheck.CompiledSpec,
		oddnamescheck.CompiledSpec, paramshapescheck.CompiledSpec, plainroacheck.CompiledSpec, rawbodycheck.CompiledSpec,
		rpcmulticheck.CompiledSpec, schemacomboscheck.CompiledSpec, stylescheck.CompiledSpec, unionscheck.CompiledSpec}
	var ops []oracleOp
	for _, cs := range packages {
		for _, sd := range cs.Specs {
			file := sd.Source
			if strings.HasPrefix(file, "spec/") {
				file = "../" + file
			}
			set, err := contract.Load([]string{file})
			require.NoError(tb, err)
			set.UseCompiled(cs)
			used := set.CompiledParams()
			spec, err := load.File(file)
			require.NoError(tb, err)
			for path, item := range spec.Doc.Paths.Map() {
				for method, op := range item.Operations() {
					check, ok := cs.Params[op.OperationID]
					if !ok {
						continue
					}
					require.Contains(tb, used, op.OperationID, "%s: contract uses the generated check", file)
					route := plainRoute(&routers.Route{Spec: spec.Doc, Path: path, PathItem: item, Method: method, Operation: op})
					ops = append(ops, oracleOp{name: file + " " + op.OperationID, check: check, route: route, params: effective(route)})
				}
			}
		}
	}
	slices.SortFunc(ops, func(a, b oracleOp) int { return strings.Compare(a.name, b.name) })
	require.NotEmpty(tb, ops)
	return ops
}

// plainRoute is route without the query parameters of Alibaba's styles, which
// contract checks itself, as kin-openapi then sees it.
func plainRoute(route *routers.Route) *routers.Route {
	op, item := *route.Operation, *route.PathItem
	filter := func(list openapi3.Parameters) openapi3.Parameters {
		var keep openapi3.Parameters
		for _, ref := range list {
			style, _ := ref.Value.Extensions["x-acs-param-style"].(string)
			if ref.Value.In == openapi3.ParameterInQuery && slices.Contains([]string{"repeatList", "flat", "json"}, style) {
				continue
			}
			keep = append(keep, ref)
		}
		return keep
	}
	op.Parameters, item.Parameters = filter(op.Parameters), filter(item.Parameters)
	plain := *route
	plain.Operation, plain.PathItem = &op, &item
	return &plain
}

// effective lists the parameters kin-openapi validates: the operation's, and the
// path item's it does not override.
func effective(route *routers.Route) []*openapi3.Parameter {
	var out []*openapi3.Parameter
	for _, ref := range route.PathItem.Parameters {
		if route.Operation.Parameters.GetByInAndName(ref.Value.In, ref.Value.Name) == nil {
			out = append(out, ref.Value)
		}
	}
	for _, ref := range route.Operation.Parameters {
		out = append(out, ref.Value)
	}
	return out
}

// texts are values of every kind a parameter may be sent: valid and invalid
// numbers, booleans, dates, separators, empty and long ones.
var texts = []string{"", " ", "a", "abc", "0", "1", "-1", "+5", "007", "1.5", "-0", "1e3", "NaN", "Inf", "0x10",
	"1e400", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "true", "false", "t", "TRUE", "yes",
	"2024-01-02", "2024-13-02", "2024-01-02T03:04:05Z", "2024-01-02 03:04:05", "aGVsbG8=", "a,b", ",", "a|b", "a b",
	"ü", "%41", strings.Repeat("x", 300), "1,2", "3|4", "5 6", "a=b", "x;y"}

// valueFor picks a text for a parameter: one the schema lists or exemplifies,
// one near a bound, or any of texts.
func valueFor(r *rand.Rand, s *openapi3.Schema) string {
	var pool []string
	for _, v := range s.Enum {
		pool = append(pool, fmt.Sprint(v))
	}
	if s.Example != nil {
		pool = append(pool, fmt.Sprint(s.Example))
	}
	for _, b := range []*float64{s.Min, s.Max} {
		if b != nil {
			pool = append(pool, fmt.Sprint(*b), fmt.Sprint(*b-1), fmt.Sprint(*b+1))
		}
	}
	if s.MaxLength != nil {
		pool = append(pool, strings.Repeat("y", int(*s.MaxLength)), strings.Repeat("y", int(*s.MaxLength)+1))
	}
	if len(pool) > 0 && r.IntN(2) == 0 {
		return pool[r.IntN(len(pool))]
	}
	return texts[r.IntN(len(texts))]
}

// request fills in some of op's parameters from r.
func request(r *rand.Rand, op oracleOp) (map[string]string, url.Values, http.Header) {
	path, query, header := map[string]string{}, url.Values{}, http.Header{}
	var cookies []string
	for _, p := range op.params {
		if r.IntN(5) == 0 {
			continue // absent
		}
		s := p.Schema.Value
		items := []string{}
		if s.Type.Is(openapi3.TypeArray) {
			for range r.IntN(4) {
				items = append(items, valueFor(r, s.Items.Value))
			}
			if len(items) == 0 {
				items = []string{""}
			}
		} else {
			items = append(items, valueFor(r, s))
			if r.IntN(6) == 0 {
				items = append(items, valueFor(r, s)) // sent twice
			}
		}
		sep := []string{",", "|", " "}[r.IntN(3)]
		joined := strings.Join(items, sep)
		switch p.In {
		case openapi3.ParameterInPath:
			path[p.Name] = joined
		case openapi3.ParameterInQuery:
			if r.IntN(2) == 0 {
				query[p.Name] = items
			} else {
				query[p.Name] = []string{joined}
			}
		case openapi3.ParameterInHeader:
			header[http.CanonicalHeaderKey(p.Name)] = items
		case openapi3.ParameterInCookie:
			cookies = append(cookies, p.Name+"="+joined)
		}
	}
	if len(cookies) > 0 {
		header.Set("Cookie", strings.Join(cookies, "; "))
	}
	return path, query, header
}

// agreeWithKin checks one request built from r: when the generated check says
// yes, kin-openapi's ValidateRequest (as contract calls it, the body left out)
// finds nothing. It returns the check's answer.
func agreeWithKin(t testing.TB, r *rand.Rand, op oracleOp) bool {
	path, query, header := request(r, op)
	contract.EmptyRequired(op.route, query, header, path)
	yes := op.check.Accepts(acs.Params{Path: path, Query: query, Header: header})
	req := &http.Request{Method: op.route.Method, URL: &url.URL{Path: "/"}, Header: header.Clone(), Body: http.NoBody}
	err := openapi3filter.ValidateRequest(context.Background(), &openapi3filter.RequestValidationInput{
		Request: req, PathParams: path, QueryParams: query, Route: op.route,
		Options: &openapi3filter.Options{MultiError: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
			ExcludeRequestBody: true},
	})
	if yes && err != nil {
		t.Fatalf("%s: the generated check accepts path %v, query %v, header %v; kin-openapi finds: %v",
			op.name, path, query, header, err)
	}
	return yes
}

// TestParamChecksAgreeWithKin builds requests for every operation with a
// generated parameter check and holds the check to kin-openapi: yes only where
// kin-openapi finds nothing. Each check must say both yes and no sometimes, or
// the requests tell nothing about it.
func TestParamChecksAgreeWithKin(t *testing.T) {
	for _, op := range oracleOps(t) {
		r := rand.New(rand.NewPCG(1, uint64(len(op.name))))
		yes := 0
		const n = 400
		for range n {
			if agreeWithKin(t, r, op) {
				yes++
			}
		}
		require.Positive(t, yes, "%s: the check never says yes", op.name)
		if slices.ContainsFunc(op.params, constrained) {
			require.Less(t, yes, n, "%s: the check never says no", op.name)
		}
	}
}

// constrained reports whether some text of a parameter is not valid: it is not
// an optional string of any length, pattern and format.
func constrained(p *openapi3.Parameter) bool {
	s := p.Schema.Value
	return p.Required || !s.Type.Is(openapi3.TypeString) || len(s.Enum) > 0 || s.Pattern != "" || s.Format != "" ||
		s.MinLength > 0 || s.MaxLength != nil
}

// FuzzParamChecksAgreeWithKin is TestParamChecksAgreeWithKin with requests drawn
// from the fuzzer's seeds.
func FuzzParamChecksAgreeWithKin(f *testing.F) {
	ops := oracleOps(f)
	for i := range ops {
		f.Add(uint16(i), uint64(i))
	}
	f.Fuzz(func(t *testing.T, which uint16, seed uint64) {
		op := ops[int(which)%len(ops)]
		agreeWithKin(t, rand.New(rand.NewPCG(seed, seed>>32)), op)
	})
}
