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

// chainProvider serialises calls into credentials-go: its default chain remembers the
// provider that last worked in an unsynchronised field, and a client is shared by
// many goroutines.
type chainProvider struct {
	mu    sync.Mutex
	p     providers.CredentialsProvider
	given bool // p came from FromCredentialsGo; otherwise it is the default chain, built here
}

func (c *chainProvider) Credential(ctx context.Context) (Credential, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return Credential{}, err
	}
	if c.p == nil {
		c.p = providers.NewDefaultCredentialsProvider()
	}
	cc, err := c.p.GetCredentials()
	if err != nil {
		if !c.given {
			// After a failed round the default chain remembers the last provider it
			// tried and asks only that one from then on: the next error would no
			// longer name the environment variables, and credentials that appear
			// later would never be found. Start from a fresh chain next time.
			c.p = nil
		}
		// credentials-go's messages name the sources it tried; they carry no secrets.
		return Credential{}, fmt.Errorf("acs: no credentials: %w", err)
	}
	if cc == nil || cc.AccessKeyId == "" {
		return Credential{}, errors.New("acs: no credentials: the provider returned an empty access key")
	}
	return Credential{AccessKeyID: cc.AccessKeyId, AccessKeySecret: cc.AccessKeySecret, SecurityToken: cc.SecurityToken}, nil
}

func (c *chainProvider) String() string { return "acs.DefaultCredentials" }
