package acs_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aliyun/credentials-go/credentials/providers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// brokenCLIConfig is an Aliyun CLI config with a trailing comma: credentials-go
// quotes the whole file when it cannot parse it.
const brokenCLIConfig = `{"current":"default","profiles":[{"name":"default","mode":"StsToken",
"access_key_id":"LTAIbroken","access_key_secret":"` + plantedSecret + `","sts_token":"` + plantedToken + `",}]}`

// uriServer answers every request with status and body, like a credentials URI.
func uriServer(t *testing.T, status int, body string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
	require.NoError(t, os.WriteFile(path, []byte(text), 0o600))
}

// TestCredentialChainErrorsCarryNoSecrets plants a secret where credentials-go
// reads it and quotes it back in its errors; no error from acs may show it.
func TestCredentialChainErrorsCarryNoSecrets(t *testing.T) {
	noExpiration := `{"AccessKeyId":"LTAIuri","AccessKeySecret":"` + plantedSecret + `","SecurityToken":"` + plantedToken + `"}`
	cases := map[string]struct {
		setup func(t *testing.T, home string)
		want  []string // what the message must say instead
	}{
		"CLI config under HOME is not JSON": {
			setup: func(t *testing.T, home string) {
				t.Setenv("ALIBABA_CLOUD_CONFIG_FILE", "")
				writeFile(t, filepath.Join(home, ".aliyun", "config.json"), brokenCLIConfig)
			},
			want: []string{filepath.Join(".aliyun", "config.json"), "not valid JSON", "withheld"},
		},
		"CLI config named by ALIBABA_CLOUD_CONFIG_FILE is not JSON": {
			setup: func(t *testing.T, home string) {
				f := filepath.Join(home, "elsewhere.json")
				t.Setenv("ALIBABA_CLOUD_CONFIG_FILE", f)
				writeFile(t, f, brokenCLIConfig)
			},
			want: []string{"elsewhere.json", "not valid JSON"},
		},
		"credentials file is not INI": {
			setup: func(t *testing.T, home string) {
				f := filepath.Join(home, "credentials")
				t.Setenv("ALIBABA_CLOUD_CREDENTIALS_FILE", f)
				writeFile(t, f, "[default\naccess_key_secret = "+plantedSecret+"\n")
			},
			want: []string{"credentials file"},
		},
		"credentials URI answers without Expiration": {
			setup: func(t *testing.T, _ string) {
				t.Setenv("ALIBABA_CLOUD_CREDENTIALS_URI", uriServer(t, http.StatusOK, noExpiration)+"/creds?token="+plantedToken)
			},
			want: []string{"credentials URI", "127.0.0.1", "lacks"},
		},
		"credentials URI answers 500 quoting a secret": {
			setup: func(t *testing.T, _ string) {
				t.Setenv("ALIBABA_CLOUD_CREDENTIALS_URI", uriServer(t, http.StatusInternalServerError, noExpiration))
			},
			want: []string{"status other than 200"},
		},
		"credentials URI answers broken JSON": {
			setup: func(t *testing.T, _ string) {
				t.Setenv("ALIBABA_CLOUD_CREDENTIALS_URI", uriServer(t, http.StatusOK, noExpiration+","))
			},
			want: []string{"credentials URI"},
		},
		"credentials URI with a bad Expiration": {
			setup: func(t *testing.T, _ string) {
				body := `{"AccessKeyId":"a","AccessKeySecret":"` + plantedSecret + `","SecurityToken":"t","Expiration":"` + plantedToken + `"}`
				t.Setenv("ALIBABA_CLOUD_CREDENTIALS_URI", uriServer(t, http.StatusOK, body))
			},
			want: []string{"Expiration"},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			isolateCredentials(t)
			home := os.Getenv("HOME")
			tc.setup(t, home)
			p := acs.DefaultCredentials()
			for range 2 { // the second round starts afresh and must be as clean
				_, err := p.Credential(context.Background())
				require.Error(t, err)
				assertNoSecret(t, "chain error", err)
				assert.Nil(t, errors.Unwrap(err), "credentials-go's error must not be reachable")
				assert.Contains(t, err.Error(), "ALIBABA_CLOUD_ACCESS_KEY_ID is not set")
				for _, w := range tc.want {
					assert.Contains(t, err.Error(), w)
				}
			}
			// What the caller of a client without WithCredentials gets.
			seq := newSequence(reply(http.StatusOK, okBody))
			c, err := acs.NewClient(testService, acs.WithEndpoint(startServer(t, seq).URL))
			require.NoError(t, err)
			err = c.Do(context.Background(), &acs.Request{Action: "Op", Method: http.MethodPost, Path: "/"}, nil)
			require.Error(t, err)
			assertNoSecret(t, "client error", err)
			assert.Zero(t, seq.Hits(), "nothing is sent without credentials")
		})
	}
}

// The chain asks the source that worked last alone until it fails. A credentials
// URI that gave credentials once and then answers without Expiration fails on
// that path, and its error must be as clean as the full chain's.
func TestCachedCredentialSourceErrorsCarryNoSecrets(t *testing.T) {
	isolateCredentials(t)
	// Within credentials-go's 180 s refresh margin, so the next call asks again.
	soon := time.Now().UTC().Add(time.Minute).Format("2006-01-02T15:04:05Z")
	good := `{"AccessKeyId":"LTAIuri","AccessKeySecret":"first-secret","SecurityToken":"first-token","Expiration":"` + soon + `"}`
	bad := `{"AccessKeyId":"LTAIuri","AccessKeySecret":"` + plantedSecret + `","SecurityToken":"` + plantedToken + `"}`
	uri := startServer(t, newSequence(reply(http.StatusOK, good), reply(http.StatusOK, bad)))
	t.Setenv("ALIBABA_CLOUD_CREDENTIALS_URI", uri.URL+"/creds")

	c := newClient(t, reply(http.StatusOK, okBody), acs.WithCredentials(acs.DefaultCredentials()))
	do := func() error {
		return c.Do(context.Background(), &acs.Request{Action: "Op", Method: http.MethodGet, Path: "/"}, nil)
	}
	require.NoError(t, do(), "the first answer has credentials")
	err := do()
	require.Error(t, err)
	assertNoSecret(t, "cached source error", err)
	assert.Contains(t, err.Error(), "credentials URI")
	assert.Contains(t, err.Error(), "lacks")
	assert.NotContains(t, err.Error(), "ALIBABA_CLOUD_ACCESS_KEY_ID", "only the cached source was asked")
}

func TestGivenCredentialsGoProviderErrorsCarryNoSecrets(t *testing.T) {
	body := `{"AccessKeyId":"LTAIuri","AccessKeySecret":"` + plantedSecret + `","SecurityToken":"` + plantedToken + `"}`
	inner, err := providers.NewURLCredentialsProviderBuilder().WithUrl(uriServer(t, http.StatusOK, body)).Build()
	require.NoError(t, err)
	_, err = acs.FromCredentialsGo(inner).Credential(context.Background())
	require.Error(t, err)
	assertNoSecret(t, "provider error", err)
	assert.Contains(t, err.Error(), `"credential_uri"`)
	assert.Contains(t, err.Error(), "lacks")
}
