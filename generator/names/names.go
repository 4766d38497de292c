// Package names maps spec names to Go identifiers. The rules are pure string functions
// so that build can apply them and report collisions; emit never renames anything.
package names

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"
	"unicode"
)

// initialisms are written in upper case, as the Go review guidelines ask
// ("APIID", not "ApiId"). The list follows golint's, plus cloud terms.
var initialisms = map[string]bool{
	"ACL": true, "AI": true, "API": true, "ARN": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true, "IP": true,
	"JSON": true, "JWT": true, "LHS": true, "OIDC": true, "QPS": true, "RAM": true, "RHS": true,
	"RPC": true, "SLA": true, "SMTP": true, "SQL": true, "SSH": true, "SSL": true, "STS": true,
	"TCP": true, "TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "URI": true,
	"URL": true, "UTF8": true, "UUID": true, "VIP": true, "VM": true, "VPC": true, "WASM": true,
	"XML": true, "XSRF": true, "XSS": true,
}

// Words splits a spec name into words: at every character that is not a letter or
// digit, at lower→upper changes ("apiId" → api, Id) and before the last capital of an
// upper-case run followed by lower case ("HTTPServer" → HTTP, Server). Digits stay
// with the word before them ("v1", "k8s").
func Words(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if len(cur) > 0 && unicode.IsUpper(r) {
			prev := cur[len(cur)-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// GoName maps a spec name to an exported Go identifier: "pluginAttachmentId" →
// "PluginAttachmentID", "api-ids" → "APIIDs", "RELEASE" → "Release". It returns ""
// when the name holds no letter or digit. A name that would not start with an upper
// case letter (a digit, or a letter of a script without case) gets the prefix "X".
func GoName(s string) string {
	var b strings.Builder
	for _, w := range Words(s) {
		b.WriteString(word(w))
	}
	out := b.String()
	if out != "" && !unicode.IsUpper([]rune(out)[0]) {
		// A leading digit cannot start an identifier; a letter without an upper
		// case ("日本") would make it unexported, invisible to encoding/json.
		out = "X" + out
	}
	return out
}

// CodePoints names s, which holds no letter or digit, by its code points: "=" →
// "U003D", "*/" → "U002AU002F", "" → "Empty". Distinct names stay distinct, and
// the result is an exported identifier.
func CodePoints(s string) string {
	if s == "" {
		return "Empty"
	}
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, "U%04X", r)
	}
	return b.String()
}

func word(w string) string {
	up := strings.ToUpper(w)
	if initialisms[up] {
		return up
	}
	if len(up) > 1 && strings.HasSuffix(w, "s") && initialisms[up[:len(up)-1]] {
		return up[:len(up)-1] + "s" // "Ids" → "IDs"
	}
	rs := []rune(w)
	if isUpper(w) {
		rs = []rune(strings.ToLower(w)) // "RELEASE" → "Release"
	}
	rs[0] = unicode.ToUpper(rs[0])
	return string(rs)
}

func isUpper(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// IsExported reports whether s can be used as-is as an exported Go identifier
// (the check applied to x-go-name overrides).
func IsExported(s string) bool {
	return token.IsIdentifier(s) && token.IsExported(s)
}

// Package maps a product name to a Go package name: lower case letters and digits.
func Package(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if out != "" && unicode.IsDigit(rune(out[0])) {
		out = "p" + out
	}
	return out
}

// PackageProblem says why s cannot name a generated package, "" when it can: it
// must be a lower-case identifier of letters and digits, not a keyword, not main
// (a command, which nothing can import), and not a predeclared identifier, which
// a file importing the package (its examples, say) would shadow and could no
// longer use (a package nil breaks every err != nil).
func PackageProblem(s string) string {
	switch {
	case s == "" || Package(s) != s:
		return "is not a lower-case Go identifier"
	case token.IsKeyword(s):
		return "is a Go keyword"
	case s == "main":
		return "names a command, not an importable package"
	case types.Universe.Lookup(s) != nil:
		return "is a predeclared Go identifier, which a file importing the package could no longer use"
	}
	return ""
}

// DerivedPackage maps a package name made from the spec (Package of its product or
// file name) that PackageProblem refuses to one it accepts, by appending "api":
// type.yaml becomes package typeapi. A name the spec or the caller gives is
// refused instead, since they chose it.
func DerivedPackage(s string) string {
	if s != "" && PackageProblem(s) != "" {
		return s + "api"
	}
	return s
}

// OperationName names an operation the spec gives no operationId: the method, then
// the words of each literal part of the path template and By<Name> for each
// parameter ("GET", "/pets/{petId}/toys" → "GetPetsByPetIDToys"); "/" alone is
// Root. The By keeps /pets/{id} apart from a literal /pets/id. The method comes
// first, so a word starting with a digit needs no X ("/v1/2fa" → "GetV12fa").
func OperationName(method, path string) string {
	var b strings.Builder
	b.WriteString(GoName(strings.ToLower(method)))
	n := b.Len()
	words := func(s string) {
		for _, w := range Words(s) {
			b.WriteString(word(w))
		}
	}
	for rest := path; rest != ""; {
		open := strings.IndexByte(rest, '{')
		end := strings.IndexByte(rest, '}')
		if open < 0 || end < open {
			words(rest)
			break
		}
		words(rest[:open])
		if len(Words(rest[open+1:end])) > 0 {
			b.WriteString("By")
			words(rest[open+1 : end])
		}
		rest = rest[end+1:]
	}
	if b.Len() == n {
		b.WriteString("Root")
	}
	return b.String()
}
