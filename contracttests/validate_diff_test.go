package contracttests

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
)

// This file checks that the generated Validate methods agree with kin-openapi's
// schema.VisitJSON on whether an instance is valid. The compiled side decodes with
// encoding/json first (a decode error counts as invalid) and then calls Validate.
//
// Three kinds of instance are outside what decoding into Go types can judge, and the
// instance generator does not produce them; these are the documented limits of
// compiled validation (a kin-openapi check remains available for them):
//   - null for a property that is not nullable (encoding/json leaves the field unset);
//   - a property spelt in another letter case (encoding/json matches keys case-insensitively);
//   - an absent required property whose Go field is held by value (the two specs
//     have none; generator/internal/cases/kitchensink tests what can be seen).

type validatable interface{ Validate() error }

// compiledTypes maps "<product>.<component schema>" to a fresh value of the generated type.
var compiledTypes = map[string]func() validatable{
	"apig.CreatePluginAttachmentBody":                                func() validatable { return new(apig.CreatePluginAttachmentBody) },
	"apig.CreatePluginAttachmentResponse":                            func() validatable { return new(apig.CreatePluginAttachmentResponse) },
	"apig.DeletePluginAttachmentResponse":                            func() validatable { return new(apig.DeletePluginAttachmentResponse) },
	"apig.ListPluginAttachmentsItem":                                 func() validatable { return new(apig.ListPluginAttachmentsItem) },
	"apig.ListPluginAttachmentsResponse":                             func() validatable { return new(apig.ListPluginAttachmentsResponse) },
	"apig.UpdatePluginAttachmentBody":                                func() validatable { return new(apig.UpdatePluginAttachmentBody) },
	"apig.UpdatePluginAttachmentResponse":                            func() validatable { return new(apig.UpdatePluginAttachmentResponse) },
	"cloudapi.ApiPluginSummary":                                      func() validatable { return new(cloudapi.APIPluginSummary) },
	"cloudapi.DescribePluginApisResponse":                            func() validatable { return new(cloudapi.DescribePluginAPIsResponse) },
	"cloudapi.DescribePluginsByApiResponse":                          func() validatable { return new(cloudapi.DescribePluginsByAPIResponse) },
	"cloudapi.DetachPluginResponse":                                  func() validatable { return new(cloudapi.DetachPluginResponse) },
	"cloudapi.PluginAttribute":                                       func() validatable { return new(cloudapi.PluginAttribute) },
	"cloudapi.StageName":                                             func() validatable { return new(cloudapi.StageName) },
	"apig.AiCacheConfig":                                             func() validatable { return new(apig.AICacheConfig) },
	"apig.AiCacheConfigEmbeddingConfig":                              func() validatable { return new(apig.AICacheConfigEmbeddingConfig) },
	"apig.AiCacheConfigVectorConfig":                                 func() validatable { return new(apig.AICacheConfigVectorConfig) },
	"apig.AiNetworkConfigSearchEngine":                               func() validatable { return new(apig.AINetworkConfigSearchEngine) },
	"apig.AiNetworkSearchConfig":                                     func() validatable { return new(apig.AINetworkSearchConfig) },
	"apig.AiNetworkSearchConfigSearchRewrite":                        func() validatable { return new(apig.AINetworkSearchConfigSearchRewrite) },
	"apig.AiPluginStatus":                                            func() validatable { return new(apig.AIPluginStatus) },
	"apig.AiPolicyRedisConfig":                                       func() validatable { return new(apig.AIPolicyRedisConfig) },
	"apig.AiSecurityGuardConfig":                                     func() validatable { return new(apig.AISecurityGuardConfig) },
	"apig.AiSecurityGuardConfigConsumerRequestCheckService":          func() validatable { return new(apig.AISecurityGuardConfigConsumerRequestCheckService) },
	"apig.AiSecurityGuardConfigConsumerResponseCheckService":         func() validatable { return new(apig.AISecurityGuardConfigConsumerResponseCheckService) },
	"apig.AiSecurityGuardConfigConsumerRiskLevel":                    func() validatable { return new(apig.AISecurityGuardConfigConsumerRiskLevel) },
	"apig.AiSecurityGuardConfigRiskConfig":                           func() validatable { return new(apig.AISecurityGuardConfigRiskConfig) },
	"apig.AiSecurityGuardConfigRiskConfigConsumerRules":              func() validatable { return new(apig.AISecurityGuardConfigRiskConfigConsumerRules) },
	"apig.AiStatisticsConfig":                                        func() validatable { return new(apig.AIStatisticsConfig) },
	"apig.AiStatisticsConfigPathFieldConfigs":                        func() validatable { return new(apig.AIStatisticsConfigPathFieldConfigs) },
	"apig.AiStatisticsPathField":                                     func() validatable { return new(apig.AIStatisticsPathField) },
	"apig.AiTokenRateLimitConfig":                                    func() validatable { return new(apig.AITokenRateLimitConfig) },
	"apig.AiTokenRateLimitConfigRule":                                func() validatable { return new(apig.AITokenRateLimitConfigRule) },
	"apig.AiToolSelectionConfig":                                     func() validatable { return new(apig.AIToolSelectionConfig) },
	"apig.AiToolSelectionConfigEnableConditions":                     func() validatable { return new(apig.AIToolSelectionConfigEnableConditions) },
	"apig.AiToolSelectionConfigQueryRewriting":                       func() validatable { return new(apig.AIToolSelectionConfigQueryRewriting) },
	"apig.AiToolSelectionConfigQueryRewritingContextSelection":       func() validatable { return new(apig.AIToolSelectionConfigQueryRewritingContextSelection) },
	"apig.AiToolSelectionConfigQueryRewritingModelService":           func() validatable { return new(apig.AIToolSelectionConfigQueryRewritingModelService) },
	"apig.AiToolSelectionConfigQueryRewritingPromptConfig":           func() validatable { return new(apig.AIToolSelectionConfigQueryRewritingPromptConfig) },
	"apig.AiToolSelectionConfigQueryRewritingTriggerConditions":      func() validatable { return new(apig.AIToolSelectionConfigQueryRewritingTriggerConditions) },
	"apig.AiToolSelectionConfigToolReranking":                        func() validatable { return new(apig.AIToolSelectionConfigToolReranking) },
	"apig.AiToolSelectionConfigToolRerankingModelService":            func() validatable { return new(apig.AIToolSelectionConfigToolRerankingModelService) },
	"apig.HttpApiDeployConfigEnvDomainInfos":                         func() validatable { return new(apig.HTTPAPIDeployConfigEnvDomainInfos) },
	"apig.HttpApiDeployConfigServiceConfigsObservabilityRouteConfig": func() validatable { return new(apig.HTTPAPIDeployConfigServiceConfigsObservabilityRouteConfig) },
	"apig.HttpApiPolicyConfigsSemanticRouterConfig":                  func() validatable { return new(apig.HTTPAPIPolicyConfigsSemanticRouterConfig) },
	"apig.AuthConfig":                                                func() validatable { return new(apig.AuthConfig) },
	"apig.Backend":                                                   func() validatable { return new(apig.Backend) },
	"apig.BackendServices":                                           func() validatable { return new(apig.BackendServices) },
	"apig.EnvironmentInfo":                                           func() validatable { return new(apig.EnvironmentInfo) },
	"apig.ErrorResponse":                                             func() validatable { return new(apig.ErrorResponse) },
	"apig.GatewayInfo":                                               func() validatable { return new(apig.GatewayInfo) },
	"apig.GatewayInfoVpcInfo":                                        func() validatable { return new(apig.GatewayInfoVPCInfo) },
	"apig.GetPluginAttachmentResponse":                               func() validatable { return new(apig.GetPluginAttachmentResponse) },
	"apig.HttpApiApiInfo":                                            func() validatable { return new(apig.HTTPAPIAPIInfo) },
	"apig.HttpApiApiInfoDeployCntMapValue":                           func() validatable { return new(apig.HTTPAPIAPIInfoDeployCntMapValue) },
	"apig.HttpApiApiInfoEnvironments":                                func() validatable { return new(apig.HTTPAPIAPIInfoEnvironments) },
	"apig.HttpApiApiInfoEnvironmentsGatewayInfo": func() validatable {
		return new(apig.HTTPAPIAPIInfoEnvironmentsGatewayInfo)
	},
	"apig.HttpApiApiInfoEnvironmentsServiceConfigs": func() validatable {
		return new(apig.HTTPAPIAPIInfoEnvironmentsServiceConfigs)
	},
	"apig.HttpApiApiInfoEnvironmentsSubDomains": func() validatable { return new(apig.HTTPAPIAPIInfoEnvironmentsSubDomains) },
	"apig.HttpApiApiInfoIngressInfo":            func() validatable { return new(apig.HTTPAPIAPIInfoIngressInfo) },
	"apig.HttpApiBackendMatchCondition":         func() validatable { return new(apig.HTTPAPIBackendMatchCondition) },
	"apig.HttpApiBackendMatchConditions":        func() validatable { return new(apig.HTTPAPIBackendMatchConditions) },
	"apig.HttpApiDeployConfig":                  func() validatable { return new(apig.HTTPAPIDeployConfig) },
	"apig.HttpApiDeployConfigPolicyConfigs":     func() validatable { return new(apig.HTTPAPIDeployConfigPolicyConfigs) },
	"apig.HttpApiDeployConfigPolicyConfigsAiFallbackConfig": func() validatable {
		return new(apig.HTTPAPIDeployConfigPolicyConfigsAIFallbackConfig)
	},
	"apig.HttpApiDeployConfigPolicyConfigsAiFallbackConfigServiceConfigs": func() validatable {
		return new(apig.HTTPAPIDeployConfigPolicyConfigsAIFallbackConfigServiceConfigs)
	},
	"apig.HttpApiDeployConfigServiceConfigs": func() validatable { return new(apig.HTTPAPIDeployConfigServiceConfigs) },
	"apig.HttpApiDeployConfigSubDomains":     func() validatable { return new(apig.HTTPAPIDeployConfigSubDomains) },
	"apig.HttpApiDomainInfo":                 func() validatable { return new(apig.HTTPAPIDomainInfo) },
	"apig.HttpApiMockContract":               func() validatable { return new(apig.HTTPAPIMockContract) },
	"apig.HttpApiVersionInfo":                func() validatable { return new(apig.HTTPAPIVersionInfo) },
	"apig.ParentResourceInfo":                func() validatable { return new(apig.ParentResourceInfo) },
	"apig.PluginClassInfo":                   func() validatable { return new(apig.PluginClassInfo) },
	"apig.ResourceInfo":                      func() validatable { return new(apig.ResourceInfo) },
	"apig.SubDomainInfo":                     func() validatable { return new(apig.SubDomainInfo) },
	"cloudapi.AttachPluginResponse":          func() validatable { return new(cloudapi.AttachPluginResponse) },
	"cloudapi.ErrorResponse":                 func() validatable { return new(cloudapi.ErrorResponse) },
}

// diffSeed is a valid or invalid instance of one component schema.
type diffSeed struct {
	name string
	key  string // "<product>.<schema>"
	json []byte
}

// diffSchemas loads every component schema of both specs by key.
func diffSchemas(t testing.TB) map[string]*openapi3.Schema {
	t.Helper()
	out := map[string]*openapi3.Schema{}
	for _, file := range specFiles {
		doc, err := openapi3.NewLoader().LoadFromFile(file)
		require.NoError(t, err)
		for name, ref := range doc.Components.Schemas {
			out[productOf(file)+"."+name] = ref.Value
		}
	}
	return out
}

// diffSeeds are the spec examples, every recorded response (negative fixtures too)
// and one synthesised valid instance per component schema.
func diffSeeds(t *testing.T, schemas map[string]*openapi3.Schema) []diffSeed {
	t.Helper()
	var out []diffSeed
	for _, b := range allBodies(t) {
		out = append(out, diffSeed{name: b.name, key: productOf(b.name) + "." + b.types.name, json: b.json})
	}
	for _, path := range allCassettes(t) {
		if !strings.HasPrefix(path, negativeDir+"/") {
			continue
		}
		ixs, err := contract.ReadCassette(path)
		require.NoError(t, err)
		product := "cloudapi"
		if strings.HasPrefix(filepath.Base(path), "GetPluginAttachment") {
			product = "apig"
		}
		for i, ix := range ixs {
			schema := "ErrorResponse"
			if ix.Status >= 200 && ix.Status <= 299 {
				schema = map[string]string{"apig": "GetPluginAttachmentResponse", "cloudapi": "AttachPluginResponse"}[product]
			}
			out = append(out, diffSeed{name: fmt.Sprintf("%s#%d", path, i), key: product + "." + schema, json: ix.RespBody})
		}
	}
	for _, key := range slices.Sorted(maps.Keys(schemas)) {
		data, err := json.Marshal(synthesise(schemas[key], 0))
		require.NoError(t, err)
		out = append(out, diffSeed{name: "synthesised " + key, key: key, json: data})
	}
	return out
}

// synthesise builds a valid instance of s: every property, one item per array, the
// first enum value, the first oneOf alternative, numbers and lengths inside bounds.
func synthesise(s *openapi3.Schema, depth int) any {
	if len(s.Enum) > 0 {
		return s.Enum[0]
	}
	if len(s.OneOf) > 0 {
		return synthesise(s.OneOf[0].Value, depth)
	}
	switch {
	case s.Type.Is("string"):
		n := max(int(s.MinLength), 1)
		return strings.Repeat("é", n)
	case s.Type.Is("integer"), s.Type.Is("number"):
		if s.Min != nil {
			return *s.Min + 1
		}
		return 7.0
	case s.Type.Is("boolean"):
		return true
	case s.Type.Is("array"):
		if depth > 6 {
			return []any{}
		}
		return []any{synthesise(s.Items.Value, depth+1)}
	}
	obj := map[string]any{}
	if depth > 6 {
		return obj
	}
	for name, p := range s.Properties {
		obj[name] = synthesise(p.Value, depth+1)
	}
	if s.AdditionalProperties.Schema != nil {
		obj["k"] = synthesise(s.AdditionalProperties.Schema.Value, depth+1)
	}
	return obj
}

// verdicts returns kin-openapi's and the compiled validator's errors for one instance.
func verdicts(t testing.TB, schemas map[string]*openapi3.Schema, key string, data []byte) (kin, compiled error) {
	t.Helper()
	schema, newValue := schemas[key], compiledTypes[key]
	require.NotNil(t, schema, "no schema %s", key)
	require.NotNil(t, newValue, "no generated type for %s; add it to compiledTypes", key)
	var instance any
	if kin = json.Unmarshal(data, &instance); kin == nil {
		kin = withoutOpenEnums(schema.VisitJSON(instance, openapi3.MultiErrors()))
	}
	v := newValue()
	if compiled = json.Unmarshal(data, v); compiled == nil {
		compiled = v.Validate()
	}
	return kin, compiled
}

func requireAgreement(t testing.TB, schemas map[string]*openapi3.Schema, name, key string, data []byte) bool {
	t.Helper()
	kin, compiled := verdicts(t, schemas, key, data)
	if (kin == nil) != (compiled == nil) {
		t.Errorf("%s (%s): kin-openapi says %v, compiled Validate says %v\ninstance: %s", name, key, verdict(kin), verdict(compiled), data)
		return false
	}
	return kin == nil
}

// withoutOpenEnums drops kin-openapi's enum errors on open enums
// (x-acs-open-enum: true): generated Validate accepts new values of those, as
// acsgen contract does outside strict mode. kin-openapi stops at the enum, so the
// value is checked again without it, for its type. nil when nothing is left.
func withoutOpenEnums(err error) error {
	var me openapi3.MultiError
	if errors.As(err, &me) {
		var kept openapi3.MultiError
		for _, e := range me {
			if e = withoutOpenEnums(e); e != nil {
				kept = append(kept, e)
			}
		}
		if len(kept) == 0 {
			return nil
		}
		return kept
	}
	var se *openapi3.SchemaError
	if errors.As(err, &se) && se.SchemaField == "enum" && se.Schema != nil && se.Schema.Extensions["x-acs-open-enum"] == true {
		open := *se.Schema
		open.Enum = nil
		return open.VisitJSON(se.Value, openapi3.MultiErrors())
	}
	return err
}

func verdict(err error) string {
	if err == nil {
		return "valid"
	}
	return "invalid: " + err.Error()
}

func TestCompiledTypesCoverEveryComponentSchema(t *testing.T) {
	assert.ElementsMatch(t, slices.Collect(maps.Keys(diffSchemas(t))), slices.Collect(maps.Keys(compiledTypes)))
}

// TestValidateAgreesWithKin runs the seeds unchanged and under many mutations.
func TestValidateAgreesWithKin(t *testing.T) {
	schemas := diffSchemas(t)
	seeds := diffSeeds(t, schemas)
	valid, invalid := 0, 0
	count := func(ok bool) {
		if ok {
			valid++
		} else {
			invalid++
		}
	}
	for _, s := range seeds {
		count(requireAgreement(t, schemas, s.name, s.key, s.json))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		s := seeds[i%len(seeds)]
		m := randomMutation(rng)
		data, ok := m.apply(s.json)
		if !ok {
			continue
		}
		count(requireAgreement(t, schemas, fmt.Sprintf("%s mutated by %+v", s.name, m), s.key, data))
	}
	t.Logf("%d seeds; %d valid and %d invalid instances agreed", len(seeds), valid, invalid)
	assert.Greater(t, valid, 500, "the mutations must leave many instances valid")
	assert.Greater(t, invalid, 500, "the mutations must break many instances")
}

// randomMutation picks a mutation of any kind, target, number and text.
func randomMutation(rng *rand.Rand) mutation {
	return mutation{Kind: uint8(rng.IntN(256)), Target: uint16(rng.IntN(1 << 16)), Number: rng.Int64N(1<<40) - 1<<39, Text: randomText(rng)}
}

func randomText(rng *rand.Rand) string {
	words := []string{"Cluster", "HttpApi", "", "é", "HTTP", strings.Repeat("x", 300), "8080", "Internet"}
	return words[rng.IntN(len(words))]
}

// mutation changes one node of a JSON instance, picked by Target among all nodes in
// a fixed order. Kind selects what happens to it; none produces the instances the
// file comment excludes.
type mutation struct {
	Kind   uint8
	Target uint16
	Number int64
	Text   string
}

// edgeNumbers sit on the edges of int32, int64 and the integer/number divide.
var edgeNumbers = []float64{2147483647, 2147483648, -2147483648, -2147483649, 9.3e18, 1.5, -1, 0, 100, 101, 1e3}

func (m mutation) apply(data []byte) ([]byte, bool) {
	var root any
	if json.Unmarshal(data, &root) != nil {
		return nil, false
	}
	type node struct {
		get func() any
		set func(any)
		del func() // nil unless the node is an object property
	}
	nodes := []node{{get: func() any { return root }, set: func(v any) { root = v }}}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(x)) {
				nodes = append(nodes, node{get: func() any { return x[k] }, set: func(v any) { x[k] = v }, del: func() { delete(x, k) }})
				walk(x[k])
			}
		case []any:
			for i := range x {
				nodes = append(nodes, node{get: func() any { return x[i] }, set: func(v any) { x[i] = v }})
				walk(x[i])
			}
		}
	}
	walk(root)
	n := nodes[int(m.Target)%len(nodes)]
	num := m.Number
	if num < 0 {
		num = -num
	}
	switch m.Kind % 9 {
	case 0: // drop a property
		if n.del == nil {
			return nil, false
		}
		n.del()
	case 1: // any integer
		n.set(float64(m.Number))
	case 2: // a number on an edge
		n.set(edgeNumbers[num%int64(len(edgeNumbers))])
	case 3: // some text: enum values and not, long, empty
		n.set(m.Text)
	case 4: // too many (or few) items
		items, ok := n.get().([]any)
		if !ok || len(items) == 0 {
			n.set([]any{})
			break
		}
		grown := make([]any, num%160)
		for i := range grown {
			grown[i] = items[i%len(items)]
		}
		n.set(grown)
	case 5: // the wrong JSON type
		n.set([]any{true, "x", []any{}, map[string]any{}}[num%4])
	case 6: // a property no schema declares
		if obj, ok := n.get().(map[string]any); ok {
			obj["extraProperty"] = m.Text
		}
	case 7: // a string of many code points
		n.set(strings.Repeat("é", int(num%300)))
	case 8: // unchanged
	}
	out, err := json.Marshal(root)
	return out, err == nil
}

var fuzzState struct {
	once    sync.Once
	schemas map[string]*openapi3.Schema
	seeds   []diffSeed
}

// FuzzValidateAgreesWithKin mutates a seed instance and requires both validators to
// give the same verdict. The corpus under testdata/fuzz runs as a regression test
// with plain `go test`; `go test -fuzz FuzzValidateAgreesWithKin ./contracttests`
// explores further.
func FuzzValidateAgreesWithKin(f *testing.F) {
	f.Add(uint16(0), uint8(8), uint16(0), int64(0), "")
	f.Fuzz(func(t *testing.T, seed uint16, kind uint8, target uint16, number int64, text string) {
		fuzzState.once.Do(func() {
			fuzzState.schemas = diffSchemas(t)
			fuzzState.seeds = diffSeeds(t, fuzzState.schemas)
		})
		s := fuzzState.seeds[int(seed)%len(fuzzState.seeds)]
		m := mutation{Kind: kind, Target: target, Number: number, Text: text}
		data, ok := m.apply(s.json)
		if !ok {
			return
		}
		requireAgreement(t, fuzzState.schemas, fmt.Sprintf("%s mutated by %+v", s.name, m), s.key, data)
	})
}

// TestRequestValidateAgreesWithKin builds AttachPlugin requests around the
// parameter constraints (ApiIds holds at most 100 items, StageName is an enum,
// PluginId is required) and holds Validate to kin-openapi's verdict on each
// parameter's schema; an empty value is not sent, so it counts as absent.
func TestRequestValidateAgreesWithKin(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile(specFiles[1])
	require.NoError(t, err)
	params := doc.Paths.Value("/#Action=AttachPlugin").Post.Parameters
	kinVerdict := func(values map[string]any) error {
		for _, p := range params {
			v, present := values[p.Value.Name]
			if !present {
				if p.Value.Required {
					return fmt.Errorf("%s is missing", p.Value.Name)
				}
				continue
			}
			if err := p.Value.Schema.Value.VisitJSON(v); err != nil {
				return err
			}
		}
		return nil
	}
	checked := map[bool]int{}
	for _, n := range []int{0, 1, 2, 99, 100, 101, 150} {
		for _, stage := range []string{"", "RELEASE", "TEST", "PROD"} {
			for _, plugin := range []string{"", "p-1"} {
				req := cloudapi.AttachPluginRequest{PluginID: plugin, StageName: cloudapi.AttachPluginStageName(stage)}
				values := map[string]any{}
				if plugin != "" {
					values["PluginId"] = plugin
				}
				if stage != "" {
					values["StageName"] = stage
				}
				if n > 0 {
					ids := make([]any, n)
					for i := range n {
						id := fmt.Sprintf("api-%d", i)
						req.APIIDs, ids[i] = append(req.APIIDs, id), id
					}
					values["ApiIds"] = ids
				}
				kin, compiled := kinVerdict(values), req.Validate()
				require.Equal(t, kin == nil, compiled == nil, "ApiIds×%d StageName=%q PluginId=%q: kin %v, compiled %v", n, stage, plugin, kin, compiled)
				checked[kin == nil]++
			}
		}
	}
	assert.Positive(t, checked[true])
	assert.Positive(t, checked[false])
	err = (&cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST", APIIDs: make([]string, 101)}).Validate()
	require.EqualError(t, err, "/ApiIds: 101 items are more than maxItems 100")
}
