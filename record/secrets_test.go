package record_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/record"
)

// Planted secrets: each must be absent from every byte the recorder writes.
const (
	plantedKeyID    = "LTAI5tPlantedKeyId000001"
	plantedSecret   = "PlantedAccessKeySecret0000000000"
	plantedToken    = "CAISPlantedSecurityToken000000000000"
	plantedNonce    = "plantednonce00000000000000000001"
	plantedV2Sig    = "PlantedV2Signature000000000="
	plantedPass     = "planted-passphrase-1"
	plantedOTP      = "planted-otp-884422"
	plantedPIN      = "planted-pin-9911"
	plantedData     = "planted-secret-data"
	plantedOld      = "planted-old-version-value"
	plantedAKSecret = "planted-response-ak-secret"
	plantedCounter  = "982734987234"
)

func fmtVault() string {
	return `{"RequestId":"r-1","SecretName":"db","SecretData":"` + plantedData + `","Versions":[{"VersionId":"v1","Value":"` + plantedOld +
		`"}],"Credentials":{"AccessKeyId":"id","AccessKeySecret":"` + plantedAKSecret + `"},"Counter":` + plantedCounter + `}`
}

// signedVaultRequest is GetSecret signed with ACS3 and STS credentials, carrying
// every sensitive parameter the vault spec declares.
func signedVaultRequest(t *testing.T, base string) (*http.Request, acs.Signature) {
	t.Helper()
	q := url.Values{"SecretName": {"db"}, "Passphrase": {plantedPass}, "OneTimeCode": {plantedOTP}}
	req, err := http.NewRequest("POST", base+"/?"+acs.EncodeQuery(q), nil)
	require.NoError(t, err)
	req.Header.Set("x-acs-action", "GetSecret")
	req.Header.Set("x-acs-version", "2021-01-01")
	req.Header.Set("x-vault-pin", plantedPIN)
	req.Header.Set("x-acs-signature-nonce", plantedNonce)
	sig := acs.Signer{}.Sign(req, nil, acs.Credential{AccessKeyID: plantedKeyID, AccessKeySecret: plantedSecret, SecurityToken: plantedToken})
	return req, sig
}

// v2Request is a V2-signed (HMAC-SHA1 style) call with credentials in the query and
// the form body.
func v2Request(t *testing.T, base string) *http.Request {
	t.Helper()
	q := url.Values{"Action": {"GetSecret"}, "Version": {"2021-01-01"}, "SecretName": {"db"},
		"AccessKeyId": {plantedKeyID}, "Signature": {plantedV2Sig}, "SecurityToken": {plantedToken}, "SignatureNonce": {plantedNonce}}
	form := url.Values{"AccessKeyId": {plantedKeyID}, "SecurityToken": {plantedToken}, "Passphrase": {plantedPass}}
	req, err := http.NewRequest("POST", base+"/?"+q.Encode(), strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}

func TestPlantedSecretsNeverReachDisk(t *testing.T) {
	set := loadSpecs(t, vaultSpec)
	up := newUpstream(t, 200, jsonHeader(), fmtVault())
	for name, via := range map[string]func(t *testing.T, dir string) string{
		"proxy": func(t *testing.T, dir string) string {
			u, _ := url.Parse(up.URL)
			p := httptest.NewServer(record.Proxy(u, record.Transport(dir, nil, record.WithSpecs(set)), nil))
			t.Cleanup(p.Close)
			return p.URL
		},
		"transport": func(t *testing.T, dir string) string { return "" },
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			base := via(t, dir)
			client := http.DefaultClient
			if base == "" {
				base = up.URL
				client = &http.Client{Transport: record.Transport(dir, nil, record.WithSpecs(set))}
			}
			req, sig := signedVaultRequest(t, base)
			status, _, got := get(t, client, req)
			require.Equal(t, 200, status, "%s", got)
			assert.Contains(t, string(got), plantedData, "the caller gets the response unredacted")
			status, _, _ = get(t, client, v2Request(t, base))
			require.Equal(t, 200, status)

			files := written(t, dir)
			require.Len(t, files, 2, "two different calls, two cassettes: %v", files)
			signature := sig.Authorization[strings.LastIndex(sig.Authorization, "=")+1:]
			for file, data := range files {
				for _, secret := range []string{plantedKeyID, plantedSecret, plantedToken, url.QueryEscape(plantedToken), plantedNonce,
					plantedV2Sig, url.QueryEscape(plantedV2Sig), signature, plantedPass, plantedOTP, plantedPIN, plantedData, plantedOld,
					plantedAKSecret, plantedCounter} {
					assert.False(t, bytes.Contains(data, []byte(secret)), "%s holds %q:\n%s", file, secret, data)
				}
				if strings.Contains(string(data), "ACS3-HMAC-SHA256") {
					assert.Contains(t, string(data), "SignedHeaders=host;", "%s keeps what was signed", file)
				}
				// What stays is still a valid recording of the operation.
				found, n, err := set.CheckFile(file, contract.Options{})
				require.NoError(t, err)
				assert.Equal(t, 1, n)
				assert.Empty(t, found, "%s", file)
			}
		})
	}
}

func TestRedactAuthorization(t *testing.T) {
	assert.Equal(t, "ACS3-HMAC-SHA256 Credential=REDACTED,SignedHeaders=host;x-acs-date,Signature=REDACTED",
		record.RedactAuthorization("ACS3-HMAC-SHA256 Credential="+plantedKeyID+",SignedHeaders=host;x-acs-date,Signature=abc"))
	assert.Equal(t, "REDACTED", record.RedactAuthorization("Bearer "+plantedToken))
}
