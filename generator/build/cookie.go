package build

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// cookieParam checks a cookie parameter before its type is built: of style form
// (the only style OpenAPI 3.0 defines for cookies) and named by an RFC 6265 token.
func (b *builder) cookieParam(p *openapi3.Parameter, path []string) bool {
	if p.Style != "" && p.Style != openapi3.SerializationForm {
		b.errorf(path, "cookie parameter %q has style %s; cookies are sent in style form", p.Name, p.Style)
		return false
	}
	if p.Name == "" || strings.ContainsFunc(p.Name, func(r rune) bool { return r > 0x7e || r <= ' ' || strings.ContainsRune("()<>@,;:\\\"/[]?={}", r) }) {
		b.errorf(path, "cookie parameter %q is not a cookie name: a name is a token, without spaces, controls or ()<>@,;:\\\"/[]?={}", p.Name)
		return false
	}
	return true
}

// explodedCookie warns of a cookie array or object with explode: true (style
// form's default), sent one pair per item (ids=3; ids=4) or per member (R=100;
// G=200): OpenAPI 3.0 spells those pairs as a query joins them, a Cookie header
// joins them with "; " (OpenAPI 3.2's style cookie writes them so). kin-openapi,
// which acsgen mock and contract check requests with, reads cookies only
// unexploded, so it refuses every request of such an operation.
func (b *builder) explodedCookie(p *openapi3.Parameter, param *ir.Param, shape ir.JSONKind, path []string) {
	if !param.Explode {
		return
	}
	sent, per, joined := param.Name+"=a; "+param.Name+"=b", "item", "a,b"
	if shape == ir.KindObject {
		sent, per, joined = "R=100; G=200", "member", "R,100,G,200"
	}
	dflt := ""
	if p.Explode == nil {
		dflt = " (the default)"
	}
	b.warnf(path, "cookie parameter %q is %s with explode: true%s, sent as one cookie per %s (%s); kin-openapi, and so acsgen mock and contract, read only explode: false cookies (%s=%s)",
		p.Name, shapeWord(shape), dflt, per, sent, param.Name, joined)
}

// cookieObjectParam finishes a cookie whose schema is an object, sent by
// acs.CookieObject: R=100; G=200 with explode, color=R,100,G,200 without. Its
// members must be strings, numbers or booleans; its field is nil-able, as a
// query object's.
func (b *builder) cookieObjectParam(p *openapi3.Parameter, param *ir.Param, path []string) *ir.Param {
	param.Style = ir.ParamObject
	if !b.scalarMembers(param.Type) {
		b.errorf(path, "parameter %q is an object in a cookie, whose members must be strings, numbers or booleans", p.Name)
		return nil
	}
	b.objectUnion(param, path)
	b.explodedCookie(p, param, ir.KindObject, path)
	param.Pointer = !b.nilable(param.Type)
	if p.Schema.Value != nil {
		b.paramExamples[param] = firstNonNil(p.Example, p.Schema.Value.Example)
	}
	return param
}
