package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/acsgen/acsgen/acs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	signKeyID  = "LTAI5tSignTestKey"
	signSecret = "sign-test-secret-do-not-print"
	signToken  = "CAIS+sign/test-token-do-not-print=="
	signDate   = "2026-03-16T08:30:00Z"
	signNonce  = "3a1f7c0e9b2d4c6e8f00112233445566"
)

// signEnv gives the default credential chain the test keys through the environment
// and closes every other source, so that it never reads the user's files or reaches
// the network (ECS metadata, credentials URI). keys false leaves it with nothing.
func signEnv(t *testing.T, keys bool, token string) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("HOME", dir)
	t.Setenv("USERPROFILE", dir)
	t.Setenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
	t.Setenv("ALIBABA_CLOUD_ECS_METADATA", "")
	t.Setenv("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true")
	t.Setenv("ALIBABA_CLOUD_CONFIG_FILE", filepath.Join(dir, "no-config.json"))
	t.Setenv("ALIBABA_CLOUD_CREDENTIALS_FILE", filepath.Join(dir, "no-credentials"))
	t.Setenv("ALIBABA_CLOUD_PROFILE", "")
	t.Setenv("ALIBABA_CLOUD_CREDENTIALS_URI", "")
	t.Setenv("ALIBABA_CLOUD_ROLE_ARN", "")
	t.Setenv("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "")
	t.Setenv("ALIBABA_CLOUD_OIDC_TOKEN_FILE", "")
	id, secret := "", ""
	if keys {
		id, secret = signKeyID, signSecret
	}
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", id)
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret)
	t.Setenv("ALIBABA_CLOUD_SECURITY_TOKEN", token)
}

// runSignCmd runs `acsgen sign args...` and checks that no secret leaked.
func runSignCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	code, stdout, stderr = acsgen(t, append([]string{"sign"}, args...)...)
	for _, secret := range []string{signSecret, signToken} {
		assert.NotContains(t, stdout, secret, "stdout leaks a secret")
		assert.NotContains(t, stderr, secret, "stderr leaks a secret")
	}
	return code, stdout, stderr
}

// section returns the lines of stdout between "title" and the next blank line,
// without the ----- fences.
func section(t *testing.T, stdout, title string) []string {
	t.Helper()
	_, rest, ok := strings.Cut(stdout, title+"\n")
	require.True(t, ok, "no %q section in:\n%s", title, stdout)
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(rest))
	fenced := false
	for sc.Scan() {
		l := sc.Text()
		switch {
		case l == "-----":
			if fenced {
				return lines
			}
			fenced = true
			continue
		case l == "" && !fenced:
			return lines
		}
		lines = append(lines, l)
	}
	return lines
}

// verifyingServer checks every request's signature with acs.Verifier and records
// the verdict and the string to sign the server computed.
type verifyingServer struct {
	*httptest.Server
	err          error
	stringToSign string
}

func newVerifyingServer(t *testing.T) *verifyingServer {
	t.Helper()
	s := &verifyingServer{}
	v := acs.Verifier{Secret: func(id string) (string, bool) { return signSecret, id == signKeyID }} // MaxSkew 0: fixed --date
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.err = v.Verify(r, body)
		_, rest, _ := strings.Cut(r.Header.Get("Authorization"), "SignedHeaders=")
		signed, _, _ := strings.Cut(rest, ",")
		s.stringToSign = acs.Compute(r, strings.Split(signed, ";"), r.Header.Get("x-acs-content-sha256")).StringToSign
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(s.Close)
	return s
}

// replaySigned sends method url body with the headers `acsgen sign` printed, the
// real token in place of <redacted>, and returns the server's verdict.
func replaySigned(t *testing.T, srv *verifyingServer, stdout, method, url string, body []byte, token string) error {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	require.NoError(t, err)
	for _, l := range section(t, stdout, "Headers to send:") {
		k, v, ok := strings.Cut(l, ": ")
		require.True(t, ok, l)
		if v == redactedValue {
			v = token
		}
		if strings.EqualFold(k, "host") {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	_ = resp.Body.Close()
	return srv.err
}

// The printed Authorization is what the service would accept: replaying the request
// with the printed headers passes acs.Verifier, and the printed string to sign is the
// one the server computes.
func TestSignReplayPassesVerifier(t *testing.T) {
	bodyFile := filepath.Join(t.TempDir(), "body.json")
	body := []byte(`{"enable":true,"pluginConfig":"eA=="}`)
	require.NoError(t, os.WriteFile(bodyFile, body, 0o600))
	cases := []struct {
		name, method, path string
		args               []string
		body               []byte
		token              string
	}{
		{name: "ROA GET, awkward id", method: "GET", path: "/v1/plugin-attachments/" + acs.PathSegment("a b/ü*~"),
			args: []string{"--action", "GetPluginAttachment", "--version", "2024-03-27"}},
		{name: "RPC POST with query", method: "POST", path: "/?PluginId=p%201%2A&ApiIds=a%2Cb+c&StageName=TEST",
			args: []string{"--action", "AttachPlugin", "--version", "2016-07-14"}},
		{name: "body and extra headers", method: "PUT", path: "/v1/plugin-attachments/pa-1",
			args: []string{"--header", "x-acs-action: UpdatePluginAttachment", "--header", "X-Acs-Version:2024-03-27",
				"--header", "Content-Type: application/json; charset=utf-8", "--header", "Accept: application/json",
				"--body", bodyFile},
			body: body},
		{name: "STS", method: "GET", path: "/v1/plugin-attachments/pa-1", token: signToken,
			args: []string{"--action", "GetPluginAttachment", "--version", "2024-03-27"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			signEnv(t, true, tc.token)
			srv := newVerifyingServer(t)
			args := append([]string{"--method", tc.method, "--url", srv.URL + tc.path, "--date", signDate, "--nonce", signNonce}, tc.args...)
			code, stdout, stderr := runSignCmd(t, args...)
			require.Equal(t, exitOK, code, stderr)

			require.NoError(t, replaySigned(t, srv, stdout, tc.method, srv.URL+tc.path, tc.body, tc.token))
			assert.Equal(t, section(t, stdout, "String to sign:"), strings.Split(srv.stringToSign, "\n"))

			headers := strings.Join(section(t, stdout, "Headers to send:"), "\n")
			assert.Contains(t, headers, "x-acs-date: "+signDate)
			assert.Contains(t, headers, "x-acs-signature-nonce: "+signNonce)
			assert.Contains(t, headers, "Credential="+signKeyID+",")
			canon := strings.Join(section(t, stdout, "Canonical request:"), "\n")
			if tc.token != "" {
				assert.Contains(t, canon, "x-acs-security-token:<redacted>")
				assert.Contains(t, stdout, "shown as <redacted>")
				assert.Contains(t, headers, "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;")
			} else {
				assert.NotContains(t, stdout, "security-token")
			}
			if tc.name == "body and extra headers" {
				assert.Contains(t, headers, "SignedHeaders=accept;content-type;host;", "every given header is signed")
			}
		})
	}
}

// With a fixed date and nonce the output is reproducible, and the canonical request
// has exactly the documented form. The signature is the one the client's signer
// computes for the same request: sign and the clients share acs.Signer.
func TestSignIsDeterministicAndSharesTheClientSigner(t *testing.T) {
	signEnv(t, true, "")
	args := []string{"--method", "get", "--url", "https://apig.cn-hangzhou.aliyuncs.com/v1/plugin-attachments/pa-1?b=2&a=x+y",
		"--action", "GetPluginAttachment", "--version", "2024-03-27", "--date", signDate, "--nonce", signNonce}
	code, stdout, stderr := runSignCmd(t, args...)
	require.Equal(t, exitOK, code, stderr)
	_, again, _ := runSignCmd(t, args...)
	assert.Equal(t, stdout, again)

	assert.Equal(t, []string{
		"GET",
		"/v1/plugin-attachments/pa-1",
		"a=x%20y&b=2",
		"host:apig.cn-hangzhou.aliyuncs.com",
		"x-acs-action:GetPluginAttachment",
		"x-acs-content-sha256:" + acs.EmptyBodySHA256,
		"x-acs-date:" + signDate,
		"x-acs-signature-nonce:" + signNonce,
		"x-acs-version:2024-03-27",
		"",
		"host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version",
		acs.EmptyBodySHA256,
	}, section(t, stdout, "Canonical request:"))

	r, err := http.NewRequest("GET", "https://apig.cn-hangzhou.aliyuncs.com/v1/plugin-attachments/pa-1?b=2&a=x+y", nil)
	require.NoError(t, err)
	r.Header.Set("x-acs-action", "GetPluginAttachment")
	r.Header.Set("x-acs-version", "2024-03-27")
	fixed, _ := time.Parse(signDateLayout, signDate)
	sig := acs.Signer{Now: func() time.Time { return fixed }, Nonce: func() string { return signNonce }}.
		Sign(r, nil, acs.Credential{AccessKeyID: signKeyID, AccessKeySecret: signSecret})
	assert.Contains(t, stdout, "\nAuthorization: "+sig.Authorization+"\n")
	assert.Equal(t, strings.Split(sig.StringToSign, "\n"), section(t, stdout, "String to sign:"))
}

func TestSignUsageErrors(t *testing.T) {
	good := []string{"--method", "GET", "--url", "https://apig.cn-hangzhou.aliyuncs.com/v1/x", "--action", "A", "--version", "V"}
	with := func(extra ...string) []string { return append(append([]string{}, good...), extra...) }
	missing := filepath.Join(t.TempDir(), "missing.json")
	cases := []struct {
		args []string
		says string
	}{
		{nil, "--method is required"},
		{[]string{"--method", "GET"}, "--url is required"},
		{[]string{"--frobnicate"}, "flag provided but not defined"},
		{with("stray"), `unexpected argument "stray"`},
		{[]string{"--method", "GET", "--url", "/v1/x", "--action", "A", "--version", "V"}, "absolute http or https URL"},
		{[]string{"--method", "GET", "--url", "ftp://host/x", "--action", "A", "--version", "V"}, "absolute http or https URL"},
		{[]string{"--method", "GET", "--url", "https://h/%zz", "--action", "A", "--version", "V"}, "--url"},
		{[]string{"--method", "GE T", "--url", "https://h/", "--action", "A", "--version", "V"}, "--method"},
		{[]string{"--method", "GET", "--url", "https://h/", "--version", "V"}, "--action is required"},
		{[]string{"--method", "GET", "--url", "https://h/", "--action", "A"}, "--version is required"},
		{with("--date", "2026-03-16 08:30:00"), "is not yyyy-MM-ddTHH:mm:ssZ"},
		{with("--header", "no colon"), `--header "no…" is not 'name: value'`},
		// A header written wrong is named, not quoted whole: its value may be a
		// token (runSignCmd fails on any output holding signToken).
		{with("--header", "x-acs-security-token="+signToken), `--header "x-acs-security-token…" is not 'name: value'`},
		{with("--header", "x-acs-security-token "+signToken), `--header "x-acs-security-token…"`},
		{with("--header", "Authorization: ACS3-HMAC-SHA256 Credential=LTAIx,Signature="+signToken), `--header "Authorization…": the Authorization header`},
		{with("--header", ": v"), "is not 'name: value'"},
		{with("--header", "Authorization: x"), "Authorization"},
		{with("--header", "x-acs-content-sha256: x"), "computed from --body"},
		{with("--date", signDate, "--header", "x-acs-date: "+signDate), "not both"},
		{with("--body", missing), missing},
	}
	for _, tc := range cases {
		signEnv(t, true, signToken)
		code, stdout, stderr := runSignCmd(t, tc.args...)
		assert.Equal(t, exitUsage, code, "%v: %s", tc.args, stderr)
		assert.Contains(t, stderr, tc.says, "%v", tc.args)
		assert.Empty(t, stdout, "%v", tc.args)
	}
}

func TestSignWithoutCredentials(t *testing.T) {
	signEnv(t, false, "")
	code, stdout, stderr := runSignCmd(t, "--method", "GET", "--url", "https://h/", "--action", "A", "--version", "V")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "no credentials")
	assert.Contains(t, stderr, "ALIBABA_CLOUD_ACCESS_KEY_ID", "says where credentials are looked for")
}

// --action and --version are required for every ACS3 request: the synopsis shows
// them outside brackets, and a missing one is a usage error naming it.
func TestSignActionAndVersionAreRequired(t *testing.T) {
	code, stdout, _ := acsgen(t, "sign", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, strings.Join(strings.Fields(stdout), " "), "usage: acsgen sign --method METHOD --url URL --action NAME --version VERSION [--header")
	assert.Contains(t, stdout, "--nonce STRING")
	assert.NotContains(t, stdout, "[--action")
	assert.NotContains(t, stdout, "[--version")

	signEnv(t, true, "")
	for _, tc := range []struct{ flag, other string }{{"--action", "--version"}, {"--version", "--action"}} {
		code, stdout, stderr := runSignCmd(t, "--method", "GET", "--url", "https://h/", tc.other, "X")
		assert.Equal(t, exitUsage, code)
		assert.Empty(t, stdout)
		assert.Equal(t, "acsgen sign: "+tc.flag+" is required (or --header 'x-acs-"+strings.TrimPrefix(tc.flag, "--")+": …')\n"+
			"run 'acsgen help sign' for usage\n", stderr)
	}
}
