package acs

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"net/http"
	"net/textproto"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// Algorithm is the name of Alibaba Cloud's signature V3.
const Algorithm = "ACS3-HMAC-SHA256"

// EmptyBodySHA256 is the hex SHA-256 of an empty body.
const EmptyBodySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// Signer signs requests with ACS3-HMAC-SHA256. Now and Nonce are injectable so that
// tests (and `acsgen sign`) can reproduce a signature; nil means the real clock and
// 16 random bytes in hex.
type Signer struct {
	Now   func() time.Time
	Nonce func() string
}

// Signature is what signing produced, for debugging SignatureDoesNotMatch.
type Signature struct {
	CanonicalRequest string
	StringToSign     string
	SignedHeaders    string
	Authorization    string
}

// Sign adds x-acs-date, x-acs-signature-nonce, x-acs-content-sha256 and (for STS
// credentials) x-acs-security-token to req, then the Authorization header. It signs
// host, content-type and every x-acs-* header present. body must be the bytes req
// will send. Headers already set are kept: a caller can pin the date or nonce.
func (s Signer) Sign(req *http.Request, body []byte, cred Credential) Signature {
	var sig Signature
	s.sign(req, body, cred, "", nil, &sig)
	return sig
}

// sign is Sign; detail, when not nil, receives the intermediate strings. The client
// passes nil, and then signing copies no string it does not send. canonicalQuery is
// the query as signed when the caller knows it (the client does: EncodeQuery's output
// is canonical), "" to derive it from req.URL.RawQuery. hv, when not nil, holds
// room for the values of req.Header that signing sets (signedHeaderCount).
func (s Signer) sign(req *http.Request, body []byte, cred Credential, canonicalQuery string, hv *headerValues, detail *Signature) {
	if req.Header == nil {
		req.Header = http.Header{}
	}
	h := req.Header
	if hv == nil {
		own := newHeaderValues(h, signedHeaderCount)
		hv = &own
	}
	if first(h, headerDate) == "" {
		hv.set(headerDate, formatDate(s.now()))
	}
	// The nonce and the Authorization value share one allocation when the signer
	// makes the nonce: text holds the nonce, then the Authorization value (a Builder
	// never changes what it has written, so both strings stay as they are).
	var text strings.Builder
	nonce := first(h, headerNonce)
	ownNonce := nonce == "" && s.Nonce == nil
	if nonce == "" && s.Nonce != nil {
		nonce = s.Nonce()
		hv.set(headerNonce, nonce)
	}
	payloadHash := emptyPayloadHash // GET, and RPC calls, which carry everything in the query
	if len(body) > 0 {
		sum := sha256.Sum256(body)
		payloadHash = hex.EncodeToString(sum[:])
	}
	hv.set(headerContentSHA256, payloadHash)
	if cred.SecurityToken != "" {
		hv.set(headerSecurityToken, cred.SecurityToken)
	}

	var namesArray [16]string
	names := appendSignedHeaderNames(namesArray[:0], req)
	if ownNonce { // its name is signed, and its value is known only below
		names = insertSorted(names, "x-acs-signature-nonce")
	}
	authLen := len(Algorithm) + len(cred.AccessKeyID) + joinedLen(names) + sha256.Size*2 + 38
	if ownNonce {
		text.Grow(nonceLen + authLen)
		writeNonce(&text)
		nonce = text.String()
		hv.set(headerNonce, nonce)
	} else {
		text.Grow(authLen)
	}

	if canonicalQuery == "" {
		canonicalQuery = CanonicalQuery(req.URL.RawQuery)
	}
	var canonArray [1024]byte
	canon := appendCanonicalRequest(canonArray[:0], req, names, canonicalQuery, payloadHash)
	var hashed [sha256.Size * 2]byte
	sum := sha256.Sum256(canon)
	hex.Encode(hashed[:], sum[:])
	var signature [sha256.Size * 2]byte
	sumHMAC(signature[:], cred.AccessKeySecret, &hashed)

	start := text.Len()
	text.WriteString(Algorithm)
	text.WriteString(" Credential=")
	text.WriteString(cred.AccessKeyID)
	text.WriteString(",SignedHeaders=")
	writeJoined(&text, names)
	text.WriteString(",Signature=")
	text.Write(signature[:])
	auth := text.String()[start:]
	hv.set("Authorization", auth)

	if detail != nil {
		*detail = Signature{
			CanonicalRequest: string(canon),
			StringToSign:     Algorithm + "\n" + string(hashed[:]),
			SignedHeaders:    strings.Join(names, ";"),
			Authorization:    auth,
		}
	}
}

// first is h.Get(key) for a key in canonical form: without canonicalising a copy.
func first(h http.Header, key string) string {
	if vs := h[key]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// insertSorted adds name to the sorted, duplicate-free names unless it is there.
func insertSorted(names []string, name string) []string {
	i, found := slices.BinarySearch(names, name)
	if found {
		return names
	}
	return slices.Insert(names, i, name)
}

// signedHeaderCount is how many headers signing sets at most: x-acs-date,
// x-acs-signature-nonce, x-acs-content-sha256, x-acs-security-token, Authorization.
const signedHeaderCount = 5

// emptyPayloadHash is the hex SHA-256 of no bytes.
const emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// Names of the x-acs-* headers as net/http stores them (canonical form), so that
// setting and reading them does not canonicalise a copy on every request.
const (
	headerAction        = "X-Acs-Action"
	headerVersion       = "X-Acs-Version"
	headerDate          = "X-Acs-Date"
	headerNonce         = "X-Acs-Signature-Nonce"
	headerContentSHA256 = "X-Acs-Content-Sha256"
	headerSecurityToken = "X-Acs-Security-Token"
	headerRequestID     = "X-Acs-Request-Id"
)

// dateLayout is x-acs-date's format: ISO 8601 in UTC, to the second.
const dateLayout = "2006-01-02T15:04:05Z"

// renderedDate is an x-acs-date and the Unix second it renders.
type renderedDate struct {
	second int64
	text   string
}

// lastDate is the latest date rendered: a busy client signs many calls a second.
var lastDate atomic.Pointer[renderedDate]

// formatDate renders t as x-acs-date, reusing the text while the second is the same.
func formatDate(t time.Time) string {
	second := t.Unix()
	if d := lastDate.Load(); d != nil && d.second == second {
		return d.text
	}
	text := t.UTC().Format(dateLayout)
	lastDate.Store(&renderedDate{second: second, text: text})
	return text
}

func (s Signer) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// nonceLen is the length of a nonce the signer makes: 16 random bytes in hex.
const nonceLen = 32

// writeNonce writes 16 random bytes in hex.
func writeNonce(b *strings.Builder) {
	var random [nonceLen / 2]byte
	_, _ = rand.Read(random[:]) // crypto/rand.Read never fails (Go 1.24+)
	var text [nonceLen]byte
	hex.Encode(text[:], random[:])
	b.Write(text[:])
}

// SignedHeaderNames lists, lower-cased and sorted, the headers ACS3 signs on req:
// host, content-type if present, and every x-acs-* header.
func SignedHeaderNames(req *http.Request) []string {
	return appendSignedHeaderNames(make([]string, 0, len(req.Header)+1), req)
}

func appendSignedHeaderNames(names []string, req *http.Request) []string {
	names = append(names, "host")
	for k := range req.Header {
		// Compared before lower-casing: most headers are not signed and need no copy.
		if strings.EqualFold(k, "content-type") || (len(k) > len("x-acs-") && strings.EqualFold(k[:len("x-acs-")], "x-acs-")) {
			lower, ok := lowerHeaderNames[k]
			if !ok {
				lower = strings.ToLower(k)
			}
			names = append(names, lower)
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// Compute builds the canonical request and string to sign over the given headers.
// The signer and the verifier share appendCanonicalRequest, so they cannot drift apart.
func Compute(req *http.Request, signed []string, payloadHash string) Signature {
	canon := appendCanonicalRequest(make([]byte, 0, 512+len(req.URL.RawQuery)), req, signed, CanonicalQuery(req.URL.RawQuery), payloadHash)
	sum := sha256.Sum256(canon)
	return Signature{
		CanonicalRequest: string(canon),
		StringToSign:     Algorithm + "\n" + hex.EncodeToString(sum[:]),
		SignedHeaders:    strings.Join(signed, ";"),
	}
}

// appendCanonicalRequest appends ACS3's canonical request to dst: method, URI,
// query (already canonical), each signed header, the signed header list and the
// payload hash.
func appendCanonicalRequest(dst []byte, req *http.Request, signed []string, query, payloadHash string) []byte {
	dst = append(dst, strings.ToUpper(req.Method)...)
	dst = append(dst, '\n')
	dst = append(dst, CanonicalURI(req.URL)...)
	dst = append(dst, '\n')
	dst = append(dst, query...)
	dst = append(dst, '\n')
	for _, name := range signed {
		dst = append(dst, name...)
		dst = append(dst, ':')
		dst = append(dst, headerValue(req, name)...)
		dst = append(dst, '\n')
	}
	dst = append(dst, '\n')
	for i, name := range signed {
		if i > 0 {
			dst = append(dst, ';')
		}
		dst = append(dst, name...)
	}
	dst = append(dst, '\n')
	return append(dst, payloadHash...)
}

// joinedLen is len(strings.Join(names, ";")).
func joinedLen(names []string) int {
	n := len(names) - 1
	for _, name := range names {
		n += len(name)
	}
	return max(n, 0)
}

func writeJoined(b *strings.Builder, names []string) {
	for i, name := range names {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(name)
	}
}

// SignatureOf is the lower-case hex HMAC-SHA256 of stringToSign keyed with secret.
func SignatureOf(stringToSign, secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(stringToSign))
	return hex.EncodeToString(mac.Sum(nil))
}

// sumHMAC writes into dst (64 bytes) what SignatureOf returns for the string to sign
// "ACS3-HMAC-SHA256\n" + hashedCanon. Keyed HMACs are pooled: a client signs with
// the same secret call after call, and keying one costs two block hashes and six
// allocations.
func sumHMAC(dst []byte, secret string, hashedCanon *[sha256.Size * 2]byte) {
	km, _ := keyedMACs.Get().(*keyedMAC)
	if km == nil || km.secret != secret {
		km = &keyedMAC{secret: secret, mac: hmac.New(sha256.New, []byte(secret))}
	} else {
		km.mac.Reset()
	}
	// Through the pooled scratch space: what an interface method is handed escapes,
	// so stack buffers would be allocated on every call.
	n := copy(km.scratch[:], Algorithm+"\n")
	n += copy(km.scratch[n:], hashedCanon[:])
	km.mac.Write(km.scratch[:n])
	hex.Encode(dst, km.mac.Sum(km.scratch[:0]))
	keyedMACs.Put(km)
}

type keyedMAC struct {
	secret  string
	mac     hash.Hash
	scratch [len(Algorithm) + 1 + sha256.Size*2]byte
}

var keyedMACs sync.Pool // of *keyedMAC

// headerValue is a header's canonical value: trimmed, several values joined by ",".
// net/http keeps the host outside the header map, in req.Host or the URL, and sends
// a CR or LF inside a value as a space (a raw one would end the header), so the
// value is signed as it will arrive.
func headerValue(req *http.Request, name string) string {
	if name == "host" {
		if req.Host != "" {
			return req.Host
		}
		return req.URL.Host
	}
	key, ok := canonicalHeaderNames[name]
	if !ok {
		key = textproto.CanonicalMIMEHeaderKey(name)
	}
	vs := req.Header[key]
	if len(vs) == 1 && !needsCleaning(vs[0]) {
		return vs[0]
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = strings.TrimSpace(newlineToSpace.Replace(v))
	}
	return strings.Join(out, ",")
}

var newlineToSpace = strings.NewReplacer("\r", " ", "\n", " ")

// needsCleaning reports whether v may have a CR or LF, or space to trim. A value
// that begins or ends with a non-ASCII byte goes the long way: strings.TrimSpace
// also trims Unicode spaces.
func needsCleaning(v string) bool {
	if v == "" {
		return false
	}
	if maybeSpace(v[0]) || maybeSpace(v[len(v)-1]) {
		return true
	}
	return strings.ContainsAny(v, "\r\n")
}

// maybeSpace reports whether c is, or may begin or end, what strings.TrimSpace trims.
func maybeSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c >= utf8.RuneSelf
}

// The signed headers acs itself sets, in both spellings, so that listing and
// reading them copies nothing; other headers are converted as they come.
var (
	canonicalHeaderNames = map[string]string{}
	lowerHeaderNames     = map[string]string{}
)

func init() {
	for _, h := range []string{headerAction, headerVersion, headerDate, headerNonce, headerContentSHA256,
		headerSecurityToken, "Content-Type"} {
		canonicalHeaderNames[strings.ToLower(h)] = h
		lowerHeaderNames[h] = strings.ToLower(h)
	}
}

// CanonicalURI is the escaped path, "/" when empty. It is taken as sent: each segment
// is already percent-encoded by PathSegment.
func CanonicalURI(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		return "/"
	}
	return p
}

// CanonicalQuery re-encodes a raw query the way ACS3 signs it. Both "+" and "%20"
// decode to a space, which is encoded %20, as Alibaba's servers do.
func CanonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	if isCanonicalQuery(raw) {
		return raw // what EncodeQuery wrote, as the generated clients send it
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		// A malformed pair cannot be signed as the server will see it; sign what
		// parsed and let the server's verdict name the problem.
		q = parseLenient(raw)
	}
	return EncodeQuery(q)
}

// isCanonicalQuery reports whether raw is already what CanonicalQuery would make of
// it: non-empty pairs sorted by name, names of unreserved characters only (so that
// their encoded order is their decoded order), and values encoded as PercentEncode
// encodes (unreserved bytes literal, every other byte %XX in upper-case hex).
func isCanonicalQuery(raw string) bool {
	prev := ""
	for pair := range strings.SplitSeq(raw, "&") {
		name, value, ok := strings.Cut(pair, "=")
		if !ok || name == "" || name < prev || needsEncoding(name) || !percentEncoded(value) {
			return false
		}
		prev = name
	}
	return true
}

// percentEncoded reports whether s is PercentEncode's output for some string.
func percentEncoded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			continue
		}
		if c != '%' || i+2 >= len(s) || !upperHex(s[i+1]) || !upperHex(s[i+2]) {
			return false
		}
		if unreserved(unhex(s[i+1])<<4 | unhex(s[i+2])) {
			return false // PercentEncode leaves an unreserved byte literal
		}
		i += 2
	}
	return true
}

func upperHex(c byte) bool { return '0' <= c && c <= '9' || 'A' <= c && c <= 'F' }

func unhex(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c - 'A' + 10
}

func parseLenient(raw string) url.Values {
	q := url.Values{}
	for pair := range strings.SplitSeq(raw, "&") {
		k, v, _ := strings.Cut(pair, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if uv, err := url.QueryUnescape(v); err == nil {
			v = uv
		}
		if k != "" {
			q.Add(k, v)
		}
	}
	return q
}
