package mock

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"net/url"
	"slices"
	"strings"

	"github.com/acsgen/acsgen/acs"
)

// verifyV1 checks the signature of the older RPC core (alibaba-cloud-sdk-go): every
// parameter but Signature, from the query and a form body, sorted and
// percent-encoded, then METHOD&%2F&<encoded canonical query>, HMAC-SHA1 keyed with
// "<secret>&", base64. acs.Verifier covers ACS3 only; this is the other algorithm the
// reference clients in interop/ use. The result reuses acs.VerifyError so that both
// are answered alike.
func verifyV1(method string, params url.Values, secret func(string) (string, bool)) error {
	if params.Get("SignatureMethod") != "HMAC-SHA1" {
		return &acs.VerifyError{Code: "IncompleteSignature", Reason: "SignatureMethod " + params.Get("SignatureMethod") + " is not HMAC-SHA1"}
	}
	got, id := params.Get("Signature"), params.Get("AccessKeyId")
	if got == "" || id == "" {
		return &acs.VerifyError{Code: "IncompleteSignature", Reason: "AccessKeyId or Signature is missing"}
	}
	key, ok := secret(id)
	if !ok {
		return &acs.VerifyError{Code: "InvalidAccessKeyId.NotFound", Reason: "access key ID " + id + " is unknown"}
	}
	names := make([]string, 0, len(params))
	for k := range params {
		if k != "Signature" {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	var pairs []string
	for _, k := range names {
		for _, v := range params[k] {
			pairs = append(pairs, percentEncode(k)+"="+percentEncode(v))
		}
	}
	sts := strings.ToUpper(method) + "&" + percentEncode("/") + "&" + percentEncode(strings.Join(pairs, "&"))
	mac := hmac.New(sha1.New, []byte(key+"&"))
	mac.Write([]byte(sts))
	want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(want), []byte(got)) {
		return &acs.VerifyError{Code: "SignatureDoesNotMatch", Reason: "the signature does not match", StringToSign: sts}
	}
	return nil
}

// percentEncode is RFC 3986 encoding as the V1 signature uses it.
func percentEncode(s string) string {
	return strings.NewReplacer("+", "%20", "*", "%2A", "%7E", "~").Replace(url.QueryEscape(s))
}
