package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

// setPart emits the statements that add a multipart field as a part when it is
// set (a part per item of an array), a binary one when it has bytes:
//
//	if len(req.Data) > 0 {
//		parts.File("data", req.Data)
//	}
//	if req.Title != nil {
//		parts.Field("title", *req.Title)
//	}
//
// A part with an encoding (Param.Part) gets its Content-Type and the headers of
// the fields that are set, and a JSON part its value's JSON text; the runtime's
// error is returned wrapped:
//
//	if len(req.Avatar) > 0 {
//		h := http.Header{}
//		if req.AvatarXRate != nil {
//			h.Set("X-Rate", strconv.FormatInt(*req.AvatarXRate, 10))
//		}
//		if err := parts.FileWith("avatar", req.Avatar, acs.PartOptions{ContentType: "image/png", Header: h}); err != nil {
//			return nil, fmt.Errorf("shapes: Upload: parameter avatar: %w", err)
//		}
//	}
func setPart(p *ir.Param, prefix string) jen.Code {
	field := func() *jen.Statement { return jen.Id("req").Dot(p.GoName) }
	var pre []jen.Code
	if p.Part != nil && len(p.Part.Headers) > 0 {
		pre = append(pre, jen.Id("h").Op(":=").Qual(httpPkg, "Header").Values())
		for _, hp := range p.Part.Headers {
			hf := jen.Id("req").Dot(hp.GoName)
			if hp.Pointer {
				pre = append(pre, jen.If(hf.Clone().Op("!=").Nil()).Block(
					jen.Id("h").Dot("Set").Call(jen.Lit(hp.PartHeader), format(hp, jen.Op("*").Add(hf)))))
			} else {
				pre = append(pre, jen.Id("h").Dot("Set").Call(jen.Lit(hp.PartHeader), format(hp, hf)))
			}
		}
	}
	var write []jen.Code
	switch {
	case p.Type.Kind == ir.Array:
		write = []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Add(field())).Block(writePart(p, jen.Id("v"), prefix)...)}
	case p.Binary || p.Part != nil && p.Part.JSON:
		write = writePart(p, field(), prefix) // a pointer's JSON text is its value's
	case p.Pointer:
		write = writePart(p, jen.Op("*").Add(field()), prefix)
	default:
		write = writePart(p, field(), prefix)
	}
	body := append(pre, write...)
	switch {
	case p.Binary || p.Type.Kind == ir.Array:
		return jen.If(jen.Len(field()).Op(">").Lit(0)).Block(body...)
	case p.Pointer || jsonValue(p):
		return jen.If(field().Op("!=").Nil()).Block(body...)
	case len(body) == 1:
		return body[0]
	}
	return jen.Block(body...)
}

// writePart emits the statements that write one part holding v: a file, a
// text, a union's text or a JSON text, with the part's options when it has an
// encoding.
func writePart(p *ir.Param, v jen.Code, prefix string) []jen.Code {
	fail := func(call jen.Code) jen.Code {
		return jen.If(jen.Err().Op(":=").Add(call), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), paramError(p, prefix)))
	}
	name := jen.Lit(p.Name)
	opts := partOptions(p)
	switch {
	case p.Binary && opts == nil:
		return []jen.Code{jen.Id("parts").Dot("File").Call(name, v)}
	case p.Binary:
		return []jen.Code{fail(jen.Id("parts").Dot("FileWith").Call(name, v, opts))}
	case p.Part != nil && p.Part.JSON:
		if opts == nil {
			opts = jen.Qual(acsPkg, "PartOptions").Values()
		}
		return []jen.Code{fail(jen.Id("parts").Dot("JSON").Call(name, v, opts))}
	}
	text := format(p, v)
	var pre []jen.Code
	if p.Text {
		pre = []jen.Code{
			jen.List(jen.Id("s"), jen.Err()).Op(":=").Qual(acsPkg, "ScalarText").Call(v),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), paramError(p, prefix))),
		}
		text = jen.Id("s")
	}
	if opts == nil {
		return append(pre, jen.Id("parts").Dot("Field").Call(name, text))
	}
	return append(pre, fail(jen.Id("parts").Dot("FieldWith").Call(name, text, opts)))
}

// partOptions is the acs.PartOptions of p's encoding, nil when it has none.
func partOptions(p *ir.Param) jen.Code {
	if p.Part == nil || p.Part.ContentType == "" && len(p.Part.Headers) == 0 {
		return nil
	}
	return jen.Qual(acsPkg, "PartOptions").Values(jen.DictFunc(func(d jen.Dict) {
		if p.Part.ContentType != "" {
			d[jen.Id("ContentType")] = jen.Lit(p.Part.ContentType)
		}
		if len(p.Part.Headers) > 0 {
			d[jen.Id("Header")] = jen.Id("h")
		}
	}))
}

// jsonValue reports whether p is a JSON part of an object, a map or a free-form
// value, whose field is nil when unset (a pointer, a map or raw JSON); a scalar
// the encoding sends as JSON is held as any scalar is.
func jsonValue(p *ir.Param) bool {
	return p.Part != nil && p.Part.JSON && p.Scalar == "" && !p.Text
}
