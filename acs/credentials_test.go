package acs_test

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/aliyun/credentials-go/credentials/providers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// isolateCredentials empties every source credentials-go's default chain reads
// (credentials-go v1.4.14, credentials/providers: env.go, oidc.go, cli_profile.go,
// profile.go, ecs_ram_role.go, uri.go), so that the chain finds nothing and never
// touches the network or the developer's own files.
func isolateCredentials(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("USERPROFILE", dir)
	t.Setenv("ALIBABA_CLOUD_CREDENTIALS_FILE", filepath.Join(dir, "credentials")) // profile.go
	t.Setenv("ALIBABA_CLOUD_CONFIG_FILE", filepath.Join(dir, "config.json"))      // cli_profile.go
	t.Setenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")                       // ecs_ram_role.go
	for _, name := range []string{
		"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN",
		"ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE", "ALIBABA_CLOUD_OIDC_TOKEN",
		"ALIBABA_CLOUD_PROFILE", "ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "ALIBABA_CLOUD_ECS_METADATA",
		"ALIBABA_CLOUD_CREDENTIALS_URI",
	} {
		t.Setenv(name, "")
	}
}

func TestDefaultCredentialsFromEnvironment(t *testing.T) {
	isolateCredentials(t)
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenvkey")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret")
	t.Setenv("ALIBABA_CLOUD_SECURITY_TOKEN", "env-sts-token")

	cred, err := acs.DefaultCredentials().Credential(context.Background())
	require.NoError(t, err)
	assert.Equal(t, acs.Credential{AccessKeyID: "LTAIenvkey", AccessKeySecret: "env-secret", SecurityToken: "env-sts-token"}, cred)

	// A client without WithCredentials uses the chain, and sends the token signed.
	v := acs.Verifier{Secret: func(id string) (string, bool) { return "env-secret", id == "LTAIenvkey" }}
	rec := newRecorder(verifying(t, v, reply(http.StatusOK, okBody)))
	srv := startServer(t, rec)
	c, err := acs.NewClient(testService, acs.WithEndpoint(srv.URL))
	require.NoError(t, err)
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "Op", Method: http.MethodGet, Path: "/"}, nil))
	got := rec.Last(t).Req
	assert.Equal(t, "env-sts-token", got.Header.Get("x-acs-security-token"))
	assert.Contains(t, got.Header.Get("Authorization"), "Credential=LTAIenvkey,")
	assert.Contains(t, got.Header.Get("Authorization"), ";x-acs-security-token;")
}

func TestDefaultCredentialsWithoutToken(t *testing.T) {
	isolateCredentials(t)
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenvkey")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret")
	rec := newRecorder(reply(http.StatusOK, okBody))
	srv := startServer(t, rec)
	c, err := acs.NewClient(testService, acs.WithEndpoint(srv.URL))
	require.NoError(t, err)
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "Op", Method: http.MethodGet, Path: "/"}, nil))
	_, present := rec.Last(t).Req.Header["X-Acs-Security-Token"]
	assert.False(t, present, "no token header without a token")
}

func TestMissingCredentials(t *testing.T) {
	isolateCredentials(t)
	p := acs.DefaultCredentials()

	// Every attempt names what to set, not only the first.
	for range 2 {
		_, err := p.Credential(context.Background())
		require.Error(t, err)
		assert.Contains(t, err.Error(), "no credentials")
		assert.Contains(t, err.Error(), "ALIBABA_CLOUD_ACCESS_KEY_ID")
	}

	// A client fails before sending anything.
	seq := newSequence(reply(http.StatusOK, okBody))
	srv := startServer(t, seq)
	c, err := acs.NewClient(testService, acs.WithEndpoint(srv.URL))
	require.NoError(t, err)
	err = c.Do(context.Background(), &acs.Request{Action: "Op", Method: http.MethodGet, Path: "/"}, nil)
	require.ErrorContains(t, err, "ALIBABA_CLOUD_ACCESS_KEY_ID")
	assert.Contains(t, err.Error(), "Op")
	assert.Zero(t, seq.Hits())

	// Credentials that appear later are found: a failed lookup is not remembered.
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIlater")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "later-secret")
	cred, err := p.Credential(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "LTAIlater", cred.AccessKeyID)
}

func TestCredentialsProviderErrors(t *testing.T) {
	for _, tc := range []struct{ id, secret string }{{"", "s"}, {"id", ""}} {
		_, err := acs.StaticCredentials(tc.id, tc.secret, "").Credential(context.Background())
		assert.ErrorContains(t, err, "static credentials need an access key ID and secret")
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := acs.DefaultCredentials().Credential(ctx)
	assert.ErrorIs(t, err, context.Canceled)
}

func TestFromCredentialsGo(t *testing.T) {
	inner, err := providers.NewStaticSTSCredentialsProviderBuilder().
		WithAccessKeyId("LTAIsts").WithAccessKeySecret("sts-secret").WithSecurityToken("sts-token").Build()
	require.NoError(t, err)
	cred, err := acs.FromCredentialsGo(inner).Credential(context.Background())
	require.NoError(t, err)
	assert.Equal(t, acs.Credential{AccessKeyID: "LTAIsts", AccessKeySecret: "sts-secret", SecurityToken: "sts-token"}, cred)
}
