package acs

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/aliyun/credentials-go/credentials/providers"
)

// Credential is one set of access keys. Its String and GoString never show the
// secret or the token, so a Credential is safe to log by accident.
type Credential struct {
	AccessKeyID     string
	AccessKeySecret string
	SecurityToken   string // set for STS credentials; sent as x-acs-security-token
}

// String shows the key ID and whether a secret and token are present.
func (c Credential) String() string {
	return fmt.Sprintf("acs.Credential{AccessKeyID: %q, AccessKeySecret: %s, SecurityToken: %s}",
		c.AccessKeyID, redacted(c.AccessKeySecret), redacted(c.SecurityToken))
}

// GoString keeps %#v as safe as %v.
func (c Credential) GoString() string { return c.String() }

func redacted(s string) string {
	if s == "" {
		return `""`
	}
	return "<redacted>"
}

// CredentialsProvider hands out the credential to sign the next request with.
// Providers that refresh (ECS RAM role, OIDC, STS) return the current one each time.
type CredentialsProvider interface {
	Credential(ctx context.Context) (Credential, error)
}

// StaticCredentials returns a provider of fixed access keys; token may be empty.
func StaticCredentials(accessKeyID, accessKeySecret, securityToken string) CredentialsProvider {
	c := Credential{AccessKeyID: accessKeyID, AccessKeySecret: accessKeySecret, SecurityToken: securityToken}
	return staticProvider{func() Credential { return c }}
}

// staticProvider keeps its Credential inside a closure. fmt cannot call String on a
// value in an unexported field, so a Credential stored there (or behind a pointer,
// under %s) would print in full inside %v of a Client; a func prints as an address
// whatever the verb and the nesting.
type staticProvider struct{ cred func() Credential }

func (p staticProvider) Credential(context.Context) (Credential, error) {
	c := p.cred()
	if c.AccessKeyID == "" || c.AccessKeySecret == "" {
		return Credential{}, errors.New("acs: static credentials need an access key ID and secret")
	}
	return c, nil
}

func (p staticProvider) String() string { return p.cred().String() }

// GoString keeps %#v as safe as %v.
func (p staticProvider) GoString() string { return p.String() }

// DefaultCredentials returns Alibaba Cloud's standard credential chain, through
// github.com/aliyun/credentials-go: the environment (ALIBABA_CLOUD_ACCESS_KEY_ID,
// ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN), OIDC (RRSA), the
// CLI profile, the credentials file, the ECS RAM role and a credentials URI, in that
// order. The chain is resolved on first use, not here.
func DefaultCredentials() CredentialsProvider {
	return &chainProvider{}
}

// FromCredentialsGo adapts any credentials-go provider, for example a RAM role ARN or
// an OIDC provider built with its builders.
func FromCredentialsGo(p providers.CredentialsProvider) CredentialsProvider {
	return &chainProvider{p: p, given: true}
}

// chainProvider serialises calls into credentials-go: its providers refresh and
// cache in unsynchronised fields, and a client is shared by many goroutines.
type chainProvider struct {
	mu    sync.Mutex
	p     providers.CredentialsProvider // given to FromCredentialsGo; nil for the default chain
	given bool
	last  *link // the default chain's source that worked last; asked alone until it fails
}

func (c *chainProvider) Credential(ctx context.Context) (Credential, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return Credential{}, err
	}
	if c.given {
		cc, err := c.p.GetCredentials()
		if err != nil {
			return Credential{}, chainError([]string{describe(fmt.Sprintf("the credentials-go provider %q", c.p.GetProviderName()), err)})
		}
		return fromCredentialsGo(cc)
	}
	if c.last != nil {
		cc, err := c.last.p.GetCredentials()
		if err != nil {
			// Forget it: the next call walks a fresh chain, so that credentials
			// that appear later elsewhere are found.
			failed := describe(c.last.source, err)
			c.last = nil
			return Credential{}, chainError([]string{failed})
		}
		return fromCredentialsGo(cc)
	}
	var failures []string
	for _, l := range defaultChain() {
		cc, err := l.p.GetCredentials()
		if err != nil {
			failures = append(failures, describe(l.source, err))
			continue
		}
		c.last = &l
		return fromCredentialsGo(cc)
	}
	return Credential{}, chainError(failures)
}

func fromCredentialsGo(cc *providers.Credentials) (Credential, error) {
	if cc == nil || cc.AccessKeyId == "" {
		return Credential{}, errors.New("acs: no credentials: the provider returned an empty access key")
	}
	return Credential{AccessKeyID: cc.AccessKeyId, AccessKeySecret: cc.AccessKeySecret, SecurityToken: cc.SecurityToken}, nil
}

func (c *chainProvider) String() string { return "acs.DefaultCredentials" }
