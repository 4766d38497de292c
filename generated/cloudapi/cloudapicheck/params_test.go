package cloudapicheck_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/cloudapi/cloudapicheck"
)

// The parameter checks reach an enum's rules through its Validate method from
// outside the client package: a valid value still costs no allocation, and an
// unknown one is refused.
func TestParamCheckOfEnumThroughValidate(t *testing.T) {
	check := cloudapicheck.CompiledSpec.Params["DetachPlugin"]
	params := func(stage string) acs.Params {
		return acs.Params{Query: url.Values{"ApiId": {"a"}, "GroupId": {"g"}, "PluginId": {"p"}, "StageName": {stage}}}
	}
	valid := params("RELEASE")
	assert.True(t, check.Accepts(valid))
	assert.False(t, check.Accepts(params("NOWHERE")))
	assert.Zero(t, testing.AllocsPerRun(100, func() { check.Accepts(valid) }))
}
