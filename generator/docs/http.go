package docs

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generator/ir"
)

// rawRequest is the example request on the wire: parameters filled with their
// spec examples (required ones only when an optional one has none), the host of
// the default region and, for signed APIs, the headers the client sends with the
// signature shown as a placeholder (a real one needs a key and the time).
func rawRequest(a *ir.API, op *ir.Operation, sop *openapi3.Operation) string {
	path := op.Path
	var query []string
	var headers, form, cookies []string
	for _, p := range op.Params {
		vals := paramExample(sop, p)
		if len(vals) == 0 {
			if !p.Required {
				continue
			}
			vals = []string{"<" + p.Name + ">"}
		}
		switch p.In {
		case ir.InPath:
			seg := url.PathEscape(vals[0])
			if p.PathStyle != "" || p.Type.Kind == ir.Array {
				style := p.PathStyle
				if style == "" {
					style = acs.StyleSimple
				}
				seg = acs.PathParam(style, p.Name, p.Explode, vals...)
			}
			path = strings.ReplaceAll(path, "{"+p.Name+"}", seg)
		case ir.InQuery:
			if p.Type.Kind == ir.Array && p.Sep != "" && !p.JoinEncoded {
				// Joined as the client joins it: the delimiter as OpenAPI shows it.
				enc := url.Values{}
				acs.SetJoined(enc, p.Name, map[string]string{",": acs.SepForm, " ": acs.SepSpaceDelimited, "|": acs.SepPipeDelimited}[p.Sep], vals...)
				query = append(query, acs.EncodeQueries(nil, enc))
				continue
			}
			if p.JoinEncoded {
				vals = []string{strings.Join(vals, p.Sep)} // encoded whole, as Alibaba's runtime sends it
			} else if p.Type.Kind == ir.Array && !p.Explode { // a json-style array: its example as the items' commas
				vals = []string{strings.Join(vals, ",")}
			}
			for _, v := range vals {
				query = append(query, url.QueryEscape(p.Name)+"="+url.QueryEscape(v))
			}
		case ir.InHeader:
			headers = append(headers, p.Name+": "+strings.Join(vals, ","))
		case ir.InCookie:
			cookies = append(cookies, cookieExample(sop, p, vals))
		case ir.InForm:
			for _, v := range vals {
				form = append(form, url.QueryEscape(p.Name)+"="+url.QueryEscape(v))
			}
		}
	}
	slices.Sort(form)  // url.Values.Encode's order
	slices.Sort(query) // the canonical order the signature uses
	target := path
	if len(query) > 0 {
		target += "?" + strings.Join(query, "&")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s HTTP/1.1\n", op.Method, target)
	fmt.Fprintf(&b, "Host: %s\n", regionHost(a, a.DefaultRegion))
	b.WriteString("Accept: application/json\n")
	for _, h := range headers {
		b.WriteString(h + "\n")
	}
	if len(cookies) > 0 {
		b.WriteString("Cookie: " + strings.Join(cookies, "; ") + "\n")
	}
	if a.Signed {
		fmt.Fprintf(&b, "x-acs-action: %s\n", op.Action)
		fmt.Fprintf(&b, "x-acs-version: %s\n", a.Version)
		b.WriteString("x-acs-date: 2026-01-02T03:04:05Z\n")
		b.WriteString("x-acs-signature-nonce: <unique per request>\n")
		switch {
		case op.Form:
			b.WriteString("Content-Type: application/x-www-form-urlencoded\n")
			b.WriteString("x-acs-content-sha256: <hex SHA-256 of the body>\n")
		case op.Raw != nil:
			b.WriteString("Content-Type: " + op.Raw.MediaType + "\n")
			b.WriteString("x-acs-content-sha256: <hex SHA-256 of the body>\n")
		case op.Body == nil: // the SHA-256 of the empty body
			b.WriteString("x-acs-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n")
		default:
			b.WriteString("Content-Type: application/json\n")
			b.WriteString("x-acs-content-sha256: <hex SHA-256 of the body>\n")
		}
		b.WriteString("Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=<signature>\n")
	} else if op.Form {
		b.WriteString("Content-Type: application/x-www-form-urlencoded\n")
	} else if op.Raw != nil {
		b.WriteString("Content-Type: " + op.Raw.MediaType + "\n")
	}
	if op.Form {
		b.WriteString("\n" + strings.Join(form, "&") + "\n")
	}
	return b.String()
}

// cookieExample is the pairs cookie p puts in the Cookie header for its example
// vals (one per array item), as the client puts them: an object's members from
// the example itself.
func cookieExample(sop *openapi3.Operation, p *ir.Param, vals []string) string {
	h := http.Header{}
	switch {
	case p.Style == ir.ParamObject:
		if sp := specParam(sop, p); sp != nil && sp.Example != nil {
			_ = acs.CookieObject(h, p.Name, p.Explode, sp.Example)
		} else if sp != nil && sp.Schema != nil && sp.Schema.Value != nil && sp.Schema.Value.Example != nil {
			_ = acs.CookieObject(h, p.Name, p.Explode, sp.Schema.Value.Example)
		}
	case p.Type.Kind == ir.Array && p.Sep == "":
		acs.AddCookiePairs(h, p.Name, vals...)
	}
	if h.Get("Cookie") == "" {
		acs.AddCookie(h, p.Name, vals...)
	}
	return h.Get("Cookie")
}

// paramExample is the spec example of p as wire strings, one per array item.
func paramExample(sop *openapi3.Operation, p *ir.Param) []string {
	sp := specParam(sop, p)
	if sp == nil {
		return nil
	}
	v := sp.Example
	if v == nil && sp.Schema != nil && sp.Schema.Value != nil {
		v = sp.Schema.Value.Example
	}
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		var out []string
		for _, item := range x {
			out = append(out, fmt.Sprint(item))
		}
		return out
	case string:
		return []string{x}
	}
	return []string{jsonText(v)}
}
