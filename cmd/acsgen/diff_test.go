package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const diffData = "../../specdiff/testdata/"

func TestDiffFailOn(t *testing.T) {
	param := []string{diffData + "new-required-parameter/old.yaml", diffData + "new-required-parameter/new.yaml"}
	field := []string{diffData + "new-optional-response-field/old.yaml", diffData + "new-optional-response-field/new.yaml"}
	rename := []string{diffData + "enable-auth-rename/old.yaml", diffData + "enable-auth-rename/new.yaml"}
	for _, tc := range []struct {
		name   string
		args   []string
		failOn string
		want   int
	}{
		{"report only", param, "", exitOK},
		{"breaking spec change", param, "breaking", exitFindings},
		{"additive only", field, "breaking", exitOK},
		{"additive only, warnings", field, "warning", exitOK},
		{"incompatible Go API", rename, "breaking", exitFindings},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"diff"}, tc.args...)
			if tc.failOn != "" {
				args = append(args, "--fail-on", tc.failOn) // flags after the arguments
			}
			code, stdout, stderr := acsgen(t, args...)
			assert.Equal(t, tc.want, code, stderr)
			assert.Contains(t, stdout, "semver:")
		})
	}
}

func TestDiffJSON(t *testing.T) {
	code, stdout, stderr := acsgen(t, "diff", "--format", "json", diffData+"new-optional-response-field/old.yaml", diffData+"new-optional-response-field/new.yaml")
	require.Equal(t, exitOK, code, stderr)
	var r struct {
		Semver string
		Go     []struct{ Identifier string }
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &r))
	assert.Equal(t, "minor", r.Semver)
	require.Len(t, r.Go, 1)
	assert.Equal(t, "HTTPAPIDeployConfig.EnvDomainIDs", r.Go[0].Identifier)
}

func TestDiffUsageErrors(t *testing.T) {
	spec := diffData + "enable-auth-rename/old.yaml"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"diff", spec}, "want OLD and NEW"},
		{[]string{"diff", "--format", "html", spec, spec}, `--format "html"`},
		{[]string{"diff", "--fail-on", "info", spec, spec}, `--fail-on "info"`},
		{[]string{"diff", spec, "missing.yaml"}, "missing.yaml"},
	} {
		code, _, stderr := acsgen(t, tc.args...)
		assert.Equal(t, exitUsage, code, tc.args)
		assert.Contains(t, stderr, tc.want)
	}
}
