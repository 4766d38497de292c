package contract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFindingsNeverShowPlantedSecrets plants a secret and a token in a recording
// that violates the spec (in its headers, its query and its response body), and
// searches for them in every finding and result printed every usual way, in every
// report format, the coverage and the suggested overlays.
func TestFindingsNeverShowPlantedSecrets(t *testing.T) {
	const (
		secret = "SeCrEt-contract-5d1e-do-not-leak"
		token  = "ToKeN-contract-91ab-do-not-leak"
	)
	src, err := os.ReadFile("../contracttests/testdata/negative/AttachPlugin_StageNamePROD.yaml")
	require.NoError(t, err)
	text := string(src)
	text = strings.Replace(text, "Credential=REDACTED", "Credential="+secret, 1)
	text = strings.Replace(text, "Signature=REDACTED", "Signature="+secret, 1)
	text = strings.Replace(text, "X-Acs-Security-Token:\n                - REDACTED", "X-Acs-Security-Token:\n                - "+token, 1)
	text = strings.Replace(text, "        headers:\n", "        headers:\n            X-Acs-Accesskey-Secret:\n                - "+secret+"\n", 1)
	// A V2 client sends its credentials in the query; an STS answer carries them
	// in its body. Under --strict both are undocumented, so findings and the
	// suggested overlay name them.
	text = strings.Replace(text, "&StageName=PROD\n", "&StageName=PROD&SecurityToken="+token+"&Signature="+secret+"&AccessKeySecret="+secret+"\n", 1)
	text = strings.Replace(text, `"RequestId": "EF924FE4-2EDD-4CD3-89EC-34E4708574E7"`,
		`"RequestId": "EF924FE4-2EDD-4CD3-89EC-34E4708574E7", "Credentials": {"AccessKeySecret": "`+secret+`", "SecurityToken": "`+token+`"}`, 1)
	require.Equal(t, 6, strings.Count(text, secret), "secret planted in Authorization, its own header, the query and the body")
	require.Equal(t, 3, strings.Count(text, token), "token planted in its header, the query and the body")
	path := filepath.Join(t.TempDir(), "planted.yaml")
	require.NoError(t, os.WriteFile(path, []byte(text), 0o600))

	set, err := Load([]string{"../spec/cloudapi-2016-07-14.yaml", "../spec/apig-2024-03-27.yaml"})
	require.NoError(t, err)
	noSecret := func(what, out string) {
		t.Helper()
		assert.NotContains(t, out, secret, "%s:\n%s", what, out)
		assert.NotContains(t, out, token, "%s:\n%s", what, out)
	}
	for _, strict := range []bool{false, true} {
		results, err := set.CheckRecording(path, Options{Strict: strict})
		require.NoError(t, err)
		require.Len(t, results, 1)
		findings := results[0].Findings
		require.NotEmpty(t, findings, "the recording violates the spec, so there is output to search")
		for _, f := range findings {
			for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
				noSecret(fmt.Sprintf("finding printed with %s", verb), fmt.Sprintf(verb, f))
			}
		}
		for _, verb := range []string{"%v", "%+v", "%#v"} {
			noSecret(fmt.Sprintf("results printed with %s", verb), fmt.Sprintf(verb, results))
		}
		// Every report format acsgen contract --format offers, with coverage where
		// the format prints it and apart (as on stderr) where it does not.
		cov := set.Coverage(results)
		for _, format := range Formats {
			report := &Report{Recordings: 1, Results: results}
			if CoverageInline(format) {
				report.Coverage = &cov
			}
			var b strings.Builder
			require.NoError(t, report.Write(&b, format))
			noSecret(fmt.Sprintf("%s report (strict %v)", format, strict), b.String())
		}
		var b strings.Builder
		require.NoError(t, WriteCoverage(&b, cov))
		noSecret("coverage", b.String())
		// acsgen contract --suggest writes these.
		overlays, err := set.Suggest(results)
		require.NoError(t, err)
		if strict {
			require.NotEmpty(t, overlays, "the undocumented parameters and properties make suggestions")
		}
		for _, ov := range overlays {
			noSecret("suggested overlay for "+ov.Spec, string(ov.YAML))
		}
	}
}
