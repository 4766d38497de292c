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

// TestFindingsNeverShowPlantedHeaderSecrets plants a secret and a token in the
// headers of a recording that violates the spec, and searches every finding, printed
// every usual way, for them.
func TestFindingsNeverShowPlantedHeaderSecrets(t *testing.T) {
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
	require.Equal(t, 3, strings.Count(text, secret), "secret planted in Authorization and its own header")
	require.Equal(t, 1, strings.Count(text, token), "token planted")
	path := filepath.Join(t.TempDir(), "planted.yaml")
	require.NoError(t, os.WriteFile(path, []byte(text), 0o600))

	set, err := Load([]string{"../spec/cloudapi-2016-07-14.yaml", "../spec/apig-2024-03-27.yaml"})
	require.NoError(t, err)
	for _, strict := range []bool{false, true} {
		findings, n, err := set.CheckFile(path, Options{Strict: strict})
		require.NoError(t, err)
		require.Equal(t, 1, n)
		require.NotEmpty(t, findings, "the recording violates the spec, so there is output to search")
		for _, f := range findings {
			for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
				out := fmt.Sprintf(verb, f)
				assert.NotContains(t, out, secret, verb)
				assert.NotContains(t, out, token, verb)
			}
		}
	}
}
