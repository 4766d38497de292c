package contracttests

import (
	"fmt"
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/contracttests/internal/recordgen"
	vcrrecord "github.com/acsgen/acsgen/record"
)

// credentialPatterns match credential material in any recording, whoever made it:
// the dummy keys the cassettes are signed with, and the shapes of real ones.
var credentialPatterns = map[string]*regexp.Regexp{
	"dummy access key ID":     regexp.MustCompile(regexp.QuoteMeta(recordgen.AccessKeyID)),
	"dummy access key secret": regexp.MustCompile(regexp.QuoteMeta(recordgen.AccessKeySecret)),
	"dummy STS token":         regexp.MustCompile(regexp.QuoteMeta(recordgen.SecurityToken)),
	"signature nonce":         regexp.MustCompile(regexp.QuoteMeta(recordgen.Nonce)),
	"access key ID":           regexp.MustCompile(`\bLTAI[0-9A-Za-z]{12,30}\b`),
	"STS token":               regexp.MustCompile(`\bCAIS[0-9A-Za-z+/=_-]{20,}`),
	"ACS3 signature":          regexp.MustCompile(`(?i)Signature=[0-9a-f]{64}`),
	"ACS3 credential":         regexp.MustCompile(`Credential=[^R,][^,]*`), // anything but REDACTED
	"V2 signature parameter":  regexp.MustCompile(`[?&](Signature|AccessKeyId|SecurityToken)=[^R&]`),
}

// credentialsIn names every credential pattern data matches.
func credentialsIn(data []byte) []string {
	var hits []string
	for name, re := range credentialPatterns {
		if m := re.Find(data); m != nil {
			hits = append(hits, fmt.Sprintf("%s (%.12q…)", name, m))
		}
	}
	return hits
}

// TestRecordingsHoldNoCredentials scans every committed cassette for credential
// material: the recorder must have redacted it before the file was written.
func TestRecordingsHoldNoCredentials(t *testing.T) {
	for _, p := range allCassettes(t) {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.Empty(t, credentialsIn(data), "%s holds credential material", p)
	}
}

// TestCredentialScanCatchesUnredactedRecordings proves the scan is not vacuous: the
// same scenario recorded without redaction is caught, for every kind of secret the
// client sends.
func TestCredentialScanCatchesUnredactedRecordings(t *testing.T) {
	raw := fmt.Sprintf("Authorization: ACS3-HMAC-SHA256 Credential=%s,SignedHeaders=host,Signature=%064x\n"+
		"X-Acs-Security-Token: %s\nX-Acs-Signature-Nonce: %s\n",
		recordgen.AccessKeyID, 7, recordgen.SecurityToken, recordgen.Nonce)
	hits := credentialsIn([]byte(raw))
	for _, want := range []string{"dummy access key ID", "dummy STS token", "signature nonce", "access key ID", "STS token", "ACS3 signature", "ACS3 credential"} {
		assert.Contains(t, fmt.Sprint(hits), want)
	}
	assert.NotEmpty(t, credentialsIn([]byte("https://x/?AccessKeyId=abc&Signature=def")))
	assert.Empty(t, credentialsIn([]byte("https://x/?AccessKeyId=REDACTED&Signature=REDACTED")))
	assert.Equal(t, "ACS3-HMAC-SHA256 Credential=REDACTED,SignedHeaders=host;x-acs-date,Signature=REDACTED",
		vcrrecord.RedactAuthorization("ACS3-HMAC-SHA256 Credential="+recordgen.AccessKeyID+",SignedHeaders=host;x-acs-date,Signature=abc"))
}
