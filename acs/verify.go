package acs

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// requiredSigned are the headers every ACS3 request must sign.
var requiredSigned = []string{"host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"}

// Verifier checks ACS3-HMAC-SHA256 signatures the way the service does. It is the
// other half of Signer: tests use it to check requests from acsgen's clients and from
// Alibaba's own SDK cores, and a mock server uses it to answer SignatureDoesNotMatch.
type Verifier struct {
	// Secret returns the secret of an access key ID, false when the ID is unknown.
	Secret func(accessKeyID string) (string, bool)
	// Now and MaxSkew bound x-acs-date; a zero MaxSkew skips the check.
	Now     func() time.Time
	MaxSkew time.Duration
}

// VerifyError says why a signature was refused. For a mismatch it carries the string
// to sign the verifier computed, as the service's SignatureDoesNotMatch message does.
type VerifyError struct {
	Code             string // IncompleteSignature, InvalidAccessKeyId.NotFound, SignatureDoesNotMatch, IllegalTimestamp
	Reason           string
	StringToSign     string
	CanonicalRequest string // the x-acs-security-token value shown as <redacted>
}

func (e *VerifyError) Error() string {
	if e.StringToSign != "" {
		return fmt.Sprintf("%s: %s; server string to sign is: %q", e.Code, e.Reason, e.StringToSign)
	}
	return e.Code + ": " + e.Reason
}

// Verify checks r's signature. body is the request body as received.
func (v Verifier) Verify(r *http.Request, body []byte) error {
	auth := r.Header.Get("Authorization")
	algo, rest, _ := strings.Cut(auth, " ")
	if algo != Algorithm {
		return &VerifyError{Code: "IncompleteSignature", Reason: "the Authorization header does not use " + Algorithm}
	}
	fields := map[string]string{}
	for part := range strings.SplitSeq(rest, ",") {
		k, val, _ := strings.Cut(strings.TrimSpace(part), "=")
		fields[k] = val
	}
	id, signedList, got := fields["Credential"], fields["SignedHeaders"], fields["Signature"]
	if id == "" || signedList == "" || got == "" {
		return &VerifyError{Code: "IncompleteSignature", Reason: "the Authorization header lacks Credential, SignedHeaders or Signature"}
	}
	signed := strings.Split(signedList, ";")
	for _, h := range requiredSigned {
		if !slices.Contains(signed, h) {
			return &VerifyError{Code: "IncompleteSignature", Reason: "header " + h + " is not signed"}
		}
	}
	for k := range r.Header {
		if lk := strings.ToLower(k); strings.HasPrefix(lk, "x-acs-") && !slices.Contains(signed, lk) {
			return &VerifyError{Code: "IncompleteSignature", Reason: "header " + lk + " is sent but not signed"}
		}
	}
	if !slices.IsSorted(signed) {
		return &VerifyError{Code: "IncompleteSignature", Reason: "SignedHeaders is not sorted"}
	}
	sum := sha256.Sum256(body)
	if hash := hex.EncodeToString(sum[:]); r.Header.Get("x-acs-content-sha256") != hash {
		return &VerifyError{Code: "SignatureDoesNotMatch", Reason: "x-acs-content-sha256 does not match the body"}
	}
	if err := v.checkDate(r.Header.Get("x-acs-date")); err != nil {
		return err
	}
	secret, ok := v.Secret(id)
	if !ok {
		return &VerifyError{Code: "InvalidAccessKeyId.NotFound", Reason: fmt.Sprintf("access key ID %q is unknown", id)}
	}
	sig := Compute(r, signed, r.Header.Get("x-acs-content-sha256"))
	want := SignatureOf(sig.StringToSign, secret)
	if !hmac.Equal([]byte(want), []byte(got)) {
		return &VerifyError{Code: "SignatureDoesNotMatch", Reason: "the signature does not match",
			StringToSign: sig.StringToSign, CanonicalRequest: redactToken(sig.CanonicalRequest)}
	}
	return nil
}

func (v Verifier) checkDate(date string) error {
	t, err := time.Parse(dateLayout, date)
	if err != nil {
		return &VerifyError{Code: "IllegalTimestamp", Reason: fmt.Sprintf("x-acs-date %q is not yyyy-MM-ddTHH:mm:ssZ", date)}
	}
	if v.MaxSkew == 0 {
		return nil
	}
	now := time.Now()
	if v.Now != nil {
		now = v.Now()
	}
	if d := now.Sub(t); d > v.MaxSkew || d < -v.MaxSkew {
		return &VerifyError{Code: "IllegalTimestamp", Reason: fmt.Sprintf("x-acs-date %s is %s away from server time", date, d.Round(time.Second))}
	}
	return nil
}

// redactToken hides the security token in a canonical request: the VerifyError
// that carries it ends up in logs and test output, and the token is a credential.
func redactToken(canonical string) string {
	lines := strings.Split(canonical, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "x-acs-security-token:") {
			lines[i] = "x-acs-security-token:<redacted>"
		}
	}
	return strings.Join(lines, "\n")
}
