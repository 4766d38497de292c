package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// credentials-go quotes a CLI config it cannot parse and a credentials URI answer
// it cannot use; sign reports the chain's failure on stderr, which must hold
// neither the secret nor the token planted there (runSignCmd checks both streams).
func TestSignNoCredentialsPrintsNoSecrets(t *testing.T) {
	signEnv(t, false, "")
	home := os.Getenv("HOME")
	t.Setenv("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "")
	t.Setenv("ALIBABA_CLOUD_CONFIG_FILE", "")
	cfg := filepath.Join(home, ".aliyun", "config.json")
	require.NoError(t, os.MkdirAll(filepath.Dir(cfg), 0o700))
	require.NoError(t, os.WriteFile(cfg, []byte(`{"current":"default","profiles":[{"name":"default","mode":"StsToken",`+
		`"access_key_id":"LTAIx","access_key_secret":"`+signSecret+`","sts_token":"`+signToken+`",}]}`), 0o600))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"AccessKeyId":"LTAIuri","AccessKeySecret":"` + signSecret + `","SecurityToken":"` + signToken + `"}`))
	}))
	defer srv.Close()
	t.Setenv("ALIBABA_CLOUD_CREDENTIALS_URI", srv.URL)

	code, stdout, stderr := runSignCmd(t, "--method", "GET", "--url", "https://h/", "--action", "A", "--version", "V")
	assert.NotEqual(t, exitOK, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, cfg)
	assert.Contains(t, stderr, "not valid JSON")
	assert.Contains(t, stderr, "credentials URI")
}

// A token given as a header rather than by the credential chain is printed as
// <redacted> all the same, in the canonical request and the headers to send.
func TestSignTokenGivenAsAHeaderIsRedacted(t *testing.T) {
	signEnv(t, true, "")
	code, stdout, stderr := runSignCmd(t, "--method", "GET", "--url", "https://h/", "--action", "A", "--version", "V",
		"--header", "X-Acs-Security-Token: "+signToken)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "x-acs-security-token:"+redactedValue+"\n")
	assert.Contains(t, stdout, "x-acs-security-token: "+redactedValue+"\n")
	assert.Contains(t, stdout, ";x-acs-security-token;", "signed")
}
