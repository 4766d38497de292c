package acs

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/aliyun/credentials-go/credentials/providers"
)

// credentials-go's errors quote what it read: a CLI config file that is not valid
// JSON comes back whole (access_key_secret, sts_token), a credentials URI answer
// without Expiration comes back whole (AccessKeySecret, SecurityToken). None of its
// text leaves acs: each source that failed is named in acs's own words, with the
// kind of failure picked from a fixed list.

// withheld ends every chain error so that a reader knows why it says so little.
const withheld = "credentials-go's own messages are withheld because they can quote secrets"

// link is one source of the chain with the words that name it.
type link struct {
	source string
	p      providers.CredentialsProvider
}

// defaultChain builds the sources credentials-go's NewDefaultCredentialsProvider
// builds (v1.4.14, default.go), in its order, each with a name for errors.
func defaultChain() []link {
	var chain []link
	if p, err := providers.NewEnvironmentVariableCredentialsProviderBuilder().Build(); err == nil {
		chain = append(chain, link{"the environment", p})
	}
	if p, err := providers.NewOIDCCredentialsProviderBuilder().Build(); err == nil {
		chain = append(chain, link{"OIDC (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE)", p})
	}
	if p, err := providers.NewCLIProfileCredentialsProviderBuilder().Build(); err == nil {
		chain = append(chain, link{"the CLI profile file " + homeFile("ALIBABA_CLOUD_CONFIG_FILE", ".aliyun/config.json"), p})
	}
	if p, err := providers.NewProfileCredentialsProviderBuilder().Build(); err == nil {
		chain = append(chain, link{"the credentials file " + homeFile("ALIBABA_CLOUD_CREDENTIALS_FILE", ".alibabacloud/credentials"), p})
	}
	if p, err := providers.NewECSRAMRoleCredentialsProviderBuilder().Build(); err == nil {
		chain = append(chain, link{"the ECS RAM role (instance metadata service)", p})
	}
	if uri := os.Getenv("ALIBABA_CLOUD_CREDENTIALS_URI"); uri != "" {
		if p, err := providers.NewURLCredentialsProviderBuilder().Build(); err == nil {
			chain = append(chain, link{"the credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI) at " + uriHost(uri), p})
		}
	}
	return chain
}

// homeFile names the file a source reads: the variable's value, else the path
// under HOME (USERPROFILE on Windows) as credentials-go forms it.
func homeFile(env, rel string) string {
	if f := os.Getenv(env); f != "" {
		return f
	}
	home := os.Getenv("HOME")
	if home == "" {
		home = os.Getenv("USERPROFILE")
	}
	if home == "" {
		return "~/" + rel
	}
	return filepath.Join(home, rel)
}

// uriHost names only the host: a credentials URI can carry a token in its user
// information or its query.
func uriHost(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Host == "" {
		return "an address that does not parse"
	}
	return fmt.Sprintf("%q", u.Host)
}

// failureKinds maps the start of a credentials-go message (v1.4.14) to the words
// acs says instead. Only the start is compared, because the rest can quote a file
// or an answer that would otherwise choose the words. The message is never shown.
var failureKinds = []struct{ prefix, kind string }{
	{"unable to get credentials from enviroment variables, Access key ID", "ALIBABA_CLOUD_ACCESS_KEY_ID is not set"},
	{"unable to get credentials from enviroment variables, Access key secret", "ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set"},
	{"reading aliyun cli config", "the file cannot be read"},
	{"unmarshal aliyun cli config", "the file is not valid JSON"},
	{"no any configured profiles", "the file has no profiles"},
	{"unable to get profile", "the file has no profile of the name asked for (ALIBABA_CLOUD_PROFILE, else its \"current\")"},
	{"unsupported profile mode", "the profile's mode is not supported"},
	{"ERROR: Can not open file", "the file cannot be read or is not valid INI"},
	{"ERROR: Can not load section", "the file has no section of the profile's name"},
	{"ERROR: Can not find credential type", "the profile has no type"},
	{"ERROR: Failed to get value", "the profile lacks a key its type needs"},
	{"ERROR: Value can't be empty", "the profile has an empty key"},
	{"cannot found home dir", "HOME is not set"},
	{"refresh credentials from", "the answer lacks AccessKeyId, AccessKeySecret, SecurityToken or Expiration"},
	{"get credentials from", "the answer has a status other than 200 or is not valid JSON"},
	{"parsing time", "the answer's Expiration is not a time like 2006-01-02T15:04:05Z"},
	{"get role name failed", "no RAM role name (not on ECS, or no role attached)"},
	{"get metadata token failed", "no metadata token"},
	{"refresh Ecs sts token", "the role's credentials could not be fetched"},
	{"get session token failed", "STS refused the exchange"},
	{"get oidc sts token", "STS answered without credentials"},
}

// describe names a failure of source in acs's words.
func describe(source string, err error) string {
	msg := err.Error()
	for _, k := range failureKinds {
		if strings.HasPrefix(msg, k.prefix) {
			return source + ": " + k.kind
		}
	}
	return source + ": failed"
}

// chainError is the one error a failed round of the chain returns.
func chainError(failures []string) error {
	if len(failures) == 0 {
		return errors.New("acs: no credentials: no source is enabled")
	}
	return fmt.Errorf("acs: no credentials: %s (%s)", strings.Join(failures, "; "), withheld)
}
