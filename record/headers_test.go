package record_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/record"
)

// darabonba/tea assigns request headers with lower-case keys, bypassing
// http.Header's canonical form; the recorder must redact them all the same.
func TestLowerCaseSecretHeadersRedacted(t *testing.T) {
	set := loadSpecs(t, vaultSpec)
	up := newUpstream(t, 200, jsonHeader(), fmtVault())
	dir := t.TempDir()
	client := &http.Client{Transport: record.Transport(dir, nil, record.WithSpecs(set))}

	const sig = "0123456789abcdef0123456789abcdefPlantedSig"
	req, err := http.NewRequest("POST", up.URL+"/?SecretName=db", nil)
	require.NoError(t, err)
	req.Header["x-acs-action"] = []string{"GetSecret"}
	req.Header["x-acs-version"] = []string{"2021-01-01"}
	req.Header["authorization"] = []string{"ACS3-HMAC-SHA256 Credential=" + plantedKeyID + ",SignedHeaders=host;x-acs-action,Signature=" + sig}
	req.Header["x-acs-security-token"] = []string{plantedToken}
	req.Header["x-acs-signature-nonce"] = []string{plantedNonce}
	req.Header["x-vault-pin"] = []string{plantedPIN} // a header parameter the spec marks sensitive
	// Two spellings of one name: both are redacted.
	req.Header["X-ACS-SECURITY-TOKEN"] = []string{plantedToken + "2"}

	status, _, _ := get(t, client, req)
	require.Equal(t, 200, status)
	got, _ := up.last(t)
	assert.Contains(t, got.Header.Values("X-Acs-Security-Token"), plantedToken, "the upstream gets what was sent")

	files := written(t, dir)
	require.Len(t, files, 1)
	for file, data := range files {
		for _, secret := range []string{plantedKeyID, plantedToken, plantedNonce, sig, plantedPIN} {
			assert.False(t, bytes.Contains(data, []byte(secret)), "%s holds %q:\n%s", file, secret, data)
		}
		assert.Contains(t, string(data), "SignedHeaders=host;x-acs-action", "what was signed is kept")
		assert.True(t, strings.Contains(file, "GetSecret"), "routed by the lower-case x-acs-action: %s", file)
	}
}

func TestRedactAuthorizationWithSpaces(t *testing.T) {
	for _, in := range []string{
		"ACS3-HMAC-SHA256 Credential=" + plantedKeyID + ",SignedHeaders=host Signature=" + plantedV2Sig,
		"ACS3-HMAC-SHA256 Credential=" + plantedKeyID + " SignedHeaders=host;Signature=" + plantedV2Sig,
		"ACS3-HMAC-SHA256  Credential=" + plantedKeyID + ",\tSignature=" + plantedV2Sig,
	} {
		out := record.RedactAuthorization(in)
		assert.NotContains(t, out, plantedKeyID, in)
		assert.NotContains(t, out, strings.TrimSuffix(plantedV2Sig, "="), in)
	}
	assert.Equal(t, "ACS3-HMAC-SHA256 Credential=REDACTED,SignedHeaders=host,Signature=REDACTED",
		record.RedactAuthorization("ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host Signature=b"))
}
