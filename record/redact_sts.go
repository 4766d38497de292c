package record

import (
	"net/http"
	"regexp"
	"strings"
)

// A V1 (HMAC-SHA1) SignatureDoesNotMatch answer, from the service and from acsgen
// mock alike, quotes the server's string to sign: METHOD&%2F& and the canonical
// query percent-encoded once more, so that a SecurityToken=v pair reads
// SecurityToken%3Dv with v encoded twice (unreserved characters and %25XX). The
// pattern takes exactly that alphabet, so it stops at the %26 that ends the pair;
// a name counts only after a character that is not a letter (the 6 of %26).
var stringToSignCredential = regexp.MustCompile(`(?i)(^|[^a-z])(` + strings.Join(SecretQuery, "|") + `)%3D(?:[a-z0-9._~-]|%25[0-9a-f]{2})+`)

// redactStringToSign replaces the credential values quoted in a string to sign
// anywhere in a response body, keeping the recorded length in step.
func redactStringToSign(body *string, length *int64, h *http.Header) {
	if !strings.Contains(strings.ToLower(*body), "%3d") {
		return
	}
	out := stringToSignCredential.ReplaceAllString(*body, "${1}${2}%3D"+Redacted)
	if out == *body {
		return
	}
	*body, *length = out, int64(len(out))
	setLength(h, len(out))
}
