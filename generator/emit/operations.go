package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

func genOperationsFile(f *jen.File, api *ir.API) bool {
	for _, op := range api.Operations {
		f.Add(genRequest(op)).Line()
		if op.RawResponse != nil {
			f.Add(genRawResponse(op)).Line()
		}
		f.Add(genMethod(api, op)).Line()
	}
	return len(api.Operations) > 0
}

// genRequest emits the parameter struct of an operation, json tags holding the
// wire names as the official SDKs' request models do:
//
//	// GetPluginAttachmentRequest holds the parameters of GetPluginAttachment.
//	type GetPluginAttachmentRequest struct {
//		// The attachment ID. (path, required)
//		PluginAttachmentID string `json:"pluginAttachmentId,omitempty"`
//	}
func genRequest(op *ir.Operation) jen.Code {
	return jen.Comment(op.Request + " holds the parameters of " + op.GoName + ".").Line().
		Type().Id(op.Request).StructFunc(func(g *jen.Group) {
		for i, p := range op.Params {
			if i > 0 {
				g.Line()
			}
			if p.Doc != "" {
				g.Add(doc(p.Doc)).Comment("")
			}
			field := g.Add(paramWhere(p)).Line()
			tag := p.Name + ",omitempty"
			if p.Untagged != "" {
				tag = "-"
				field.Comment("Not in the request's JSON: " + p.Untagged + ".").Line()
			}
			field.Id(p.GoName).Add(paramType(p)).Tag(map[string]string{"json": tag})
		}
		if b := op.Body; b != nil {
			if len(op.Params) > 0 {
				g.Line()
			}
			if b.Embedded {
				g.Add(doc(b.Doc)).Comment("Sent as the JSON request body, even when empty; its members are promoted.").Line().Add(typeRef(b.Type))
			} else {
				g.Add(doc(b.Doc)).Comment("Sent as the JSON request body.").Line().Id("Body").Add(bodyType(b)).Tag(map[string]string{"json": "body,omitempty"})
			}
		}
		if r := op.Raw; r != nil {
			if len(op.Params) > 0 {
				g.Line()
			}
			g.Add(genRawField(r))
		}
	})
}

// genRawField emits the field of a body sent as it is:
//
//	// Sent as the request body, as it is, with Content-Type application/octet-stream;
//	// none when empty.
//	Body []byte `json:"body,omitempty"`
func genRawField(r *ir.RawBody) jen.Code {
	t := jen.Index().Byte()
	if r.Text {
		t = jen.String()
	}
	note := "Sent as the request body, as it is, with Content-Type " + r.MediaType + "; none when empty."
	if r.Required {
		note = "Sent as the request body, as it is, with Content-Type " + r.MediaType + "; required."
	}
	return jen.Add(doc(r.Doc)).Add(comment(note)).Line().Id("Body").Add(t).Tag(map[string]string{"json": "body,omitempty"})
}

func paramWhere(p *ir.Param) jen.Code {
	where := "In " + string(p.In) + " as " + p.Name
	switch {
	case p.In == ir.InForm:
		where = "In the form body as " + p.Name
	case p.PartHeader != "":
		where = "In the multipart body as header " + p.PartHeader + " of part " + strings.TrimSuffix(p.Name, "."+p.PartHeader)
	case p.In == ir.InMultipart && p.Binary && p.Type.Kind == ir.Array:
		where = "In the multipart body as file parts " + p.Name + ", one per item"
	case p.In == ir.InMultipart && p.Binary:
		where = "In the multipart body as file part " + p.Name
	case p.In == ir.InMultipart && p.Type.Kind == ir.Array:
		where = "In the multipart body as parts " + p.Name + ", one per item"
	case p.In == ir.InMultipart:
		where = "In the multipart body as part " + p.Name
	}
	if p.Part != nil && p.Part.JSON {
		where += ", its JSON text"
	}
	if p.Part != nil && p.Part.ContentType != "" {
		where += ", Content-Type " + p.Part.ContentType
	}
	if p.Required {
		where += ", required"
	}
	switch {
	case p.Style == ir.ParamRepeatList:
		where += "; flattened as " + p.Name + ".1, " + p.Name + ".2, …"
		if p.Scalar == "" {
			where += ", an item's members as " + p.Name + ".1.Key"
		}
		where += " (repeatList)"
	case p.Style == ir.ParamFlat:
		where += "; flattened as " + p.Name + ".Key, nested members as " + p.Name + ".Key.Sub (flat)"
	case p.Style == ir.ParamJSON:
		where += "; JSON-encoded into one value (json)"
	case p.Style == ir.ParamDeepObject:
		where += "; a member per pair, as " + p.Name + "[key]=value (deepObject)"
	case p.Style == ir.ParamFormObject && p.Explode:
		where += "; a member per pair, as key=value (form)"
	case p.Style == ir.ParamFormObject:
		where += "; members in one value, as " + p.Name + "=k1,v1,k2,v2 (form, explode: false)"
	case p.Style == ir.ParamContent:
		where += "; its JSON text (content application/json)"
	case p.Style == ir.ParamObject && p.In == ir.InCookie && p.Explode:
		where += "; a cookie per member, as R=100; G=200 (form, explode: true)"
	case p.Style == ir.ParamObject && p.In == ir.InCookie:
		where += "; members in one pair, as " + p.Name + "=R,100,G,200 (form)"
	case p.Style == ir.ParamObject && p.Explode:
		where += "; members as " + styledExample(p, "R=100,G=200") + " (" + paramStyleWord(p) + ", explode: true)"
	case p.Style == ir.ParamObject:
		where += "; members as " + styledExample(p, "R,100,G,200") + " (" + paramStyleWord(p) + ")"
	case p.PathStyle == ir.PathLabel && p.Type.Kind == ir.Array && p.Explode:
		where += "; as .a.b (label, explode: true)"
	case p.PathStyle == ir.PathLabel && p.Type.Kind == ir.Array:
		where += "; as .a,b (label)"
	case p.PathStyle == ir.PathLabel:
		where += "; as .value (label)"
	case p.PathStyle == ir.PathMatrix && p.Type.Kind == ir.Array && p.Explode:
		where += "; as ;" + p.Name + "=a;" + p.Name + "=b (matrix, explode: true)"
	case p.PathStyle == ir.PathMatrix && p.Type.Kind == ir.Array:
		where += "; as ;" + p.Name + "=a,b (matrix)"
	case p.PathStyle == ir.PathMatrix:
		where += "; as ;" + p.Name + "=value (matrix)"
	case p.In == ir.InMultipart:
	case p.Type.Kind == ir.Array && p.Sep == "" && p.In == ir.InCookie:
		where += "; a pair per item, as " + p.Name + "=a; " + p.Name + "=b"
	case p.Type.Kind == ir.Array && p.Sep == "":
		where += "; repeated per item"
	case p.Type.Kind == ir.Array:
		where += "; items joined with " + ir.SepWord(p.Sep)
	}
	if p.Text {
		where += "; the text of the alternative that is set"
	}
	return comment(where + ".")
}

func paramType(p *ir.Param) *jen.Statement {
	if p.Binary && p.Type.Kind == ir.Array {
		return jen.Index().Index().Byte()
	}
	if p.Binary {
		return jen.Index().Byte()
	}
	if p.Pointer {
		return jen.Op("*").Add(typeRef(p.Type))
	}
	return typeRef(p.Type)
}

func bodyType(b *ir.Body) *jen.Statement {
	if b.Type.Kind == ir.Named {
		return jen.Op("*").Add(typeRef(b.Type))
	}
	return typeRef(b.Type)
}

// genMethod emits the client method of an operation: validate the request, build
// the query, headers, path and form body from it, hand them to the runtime, decode
// the success body.
func genMethod(api *ir.API, op *ir.Operation) jen.Code {
	prefix := api.Package + ": " + op.GoName + ": "
	return jen.Add(doc(op.Doc)).Comment("").Line().
		Add(comment(wireLine(api, op))).Line().
		Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.GoName).
		Params(jen.Id("ctx").Qual(contextPkg, "Context"), jen.Id("req").Op("*").Id(op.Request)).
		Params(jen.Op("*").Id(op.Response), jen.Error()).BlockFunc(func(g *jen.Group) {
		g.If(jen.Id("req").Op("==").Nil()).Block(
			jen.Return(jen.Nil(), jen.Qual(errorsPkg, "New").Call(jen.Lit(prefix+"nil request"))))
		// Nothing the spec rejects is sent: the mock and the contract check would refuse
		// it, and so, for a required parameter left empty, does the service. Validate
		// also keeps an empty path parameter from making a different path.
		g.If(jen.Err().Op(":=").Id("req").Dot("Validate").Call(), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Qual(fmtPkg, "Errorf").Call(jen.Lit(prefix+"request: %w"), jen.Err())))
		hasQuery, hasEncoded, hasHeader := false, false, false
		for _, p := range op.Params {
			encoded := p.In == ir.InQuery && (p.Style == ir.ParamPlain && p.Sep != "" && !p.JoinEncoded || p.Style == ir.ParamFormObject && !p.Explode)
			hasEncoded = hasEncoded || encoded
			hasQuery = hasQuery || p.In == ir.InQuery && !encoded
			hasHeader = hasHeader || p.In == ir.InHeader || p.In == ir.InCookie
		}
		pairs, nPairs := queryPairs(op)
		switch {
		case pairs:
			g.Id("query").Op(":=").Make(jen.Index().Qual(acsPkg, "Pair"), jen.Lit(0), jen.Lit(nPairs))
		case hasQuery:
			g.Id("query").Op(":=").Qual(urlPkg, "Values").Values()
		}
		if hasEncoded {
			// Values percent-encoded here, OpenAPI's delimiters left literal.
			g.Id("encoded").Op(":=").Qual(urlPkg, "Values").Values()
		}
		if hasHeader {
			g.Id("header").Op(":=").Qual(httpPkg, "Header").Values()
		}
		if op.Form {
			// Sent even when empty, as CallApi sends the SDKs' body map.
			g.Id("form").Op(":=").Qual(acsPkg, "Form").Values()
		}
		if op.Multipart && op.Related {
			g.Id("parts").Op(":=").Qual(acsPkg, "NewMultipartRelated").Call()
		} else if op.Multipart {
			g.Id("parts").Op(":=").Qual(acsPkg, "NewMultipart").Call()
		}
		for _, p := range op.Params {
			switch {
			case p.In == ir.InPath: // in the path, below
			case p.PartHeader != "": // with its part
			case p.In == ir.InMultipart:
				g.Add(setPart(p, prefix))
			case p.Text:
				g.Add(setText(p, prefix))
			case p.In == ir.InCookie:
				g.Add(setCookie(p, jen.Id("header"), prefix))
			case p.Style == ir.ParamObject || p.Style == ir.ParamContent:
				g.Add(setRendered(p, prefix))
			case p.In == ir.InForm && !api.Signed && (p.Style == ir.ParamFormObject || p.Style == ir.ParamDeepObject):
				g.Add(setObjectParam(p, formValues, prefix))
			case p.In == ir.InForm && !api.Signed && p.Style == ir.ParamPlain:
				g.Add(setParam(p, formValues, prefix)) // OpenAPI's styles, as in the query
			case p.In == ir.InForm && p.Style != ir.ParamPlain:
				g.Add(setStyledParam(p, jen.Id("form"), prefix))
			case p.In == ir.InForm:
				g.Add(setParam(p, jen.Id("form"), prefix))
			case p.Style == ir.ParamFormObject || p.Style == ir.ParamDeepObject:
				g.Add(setObjectParam(p, jen.Id("query"), prefix))
			case p.Style != ir.ParamPlain:
				g.Add(setStyledParam(p, jen.Id("query"), prefix))
			case p.In == ir.InQuery && pairs:
				g.Add(setPair(p))
			case p.In == ir.InQuery:
				g.Add(setParam(p, jen.Id("query"), prefix))
			case p.In == ir.InHeader:
				g.Add(setParam(p, jen.Id("header"), prefix))
			}
		}
		segments := map[*ir.Param]jen.Code{}
		for i, part := range op.PathParts {
			if part.Param != nil {
				stmts, expr := pathSegment(part.Param, i, prefix)
				for _, st := range stmts {
					g.Add(st)
				}
				segments[part.Param] = expr
			}
		}
		if r := op.RawResponse; r != nil {
			g.Var().Id("out").Add(rawReceiver(r))
		} else {
			g.Var().Id("out").Id(op.Response)
		}
		g.Id("err").Op(":=").Id("c").Dot("core").Dot("Do").Call(jen.Id("ctx"), jen.Op("&").Qual(acsPkg, "Request").Values(jen.DictFunc(func(d jen.Dict) {
			d[jen.Id("Action")] = jen.Lit(op.Action)
			d[jen.Id("Method")] = jen.Lit(op.Method)
			d[jen.Id("Path")] = pathExpr(op, segments)
			if r := op.RawResponse; r != nil {
				d[jen.Id("Accept")] = jen.Lit(r.MediaType)
			}
			switch {
			case pairs:
				d[jen.Id("Pairs")] = jen.Id("query")
			case hasQuery:
				d[jen.Id("Query")] = jen.Id("query")
			}
			if hasEncoded {
				d[jen.Id("EncodedQuery")] = jen.Id("encoded")
			}
			if hasHeader {
				d[jen.Id("Header")] = jen.Id("header")
			}
			switch b := op.Body; {
			case b != nil && b.Embedded:
				d[jen.Id("Body")] = jen.Op("&").Id("req").Dot(b.Field())
			case b != nil:
				d[jen.Id("Body")] = jen.Id("req").Dot("Body")
			}
			if op.Form {
				d[jen.Id("Body")] = jen.Id("form")
			}
			if op.Multipart {
				d[jen.Id("Body")] = jen.Id("parts").Dot("Raw").Call()
			}
			if r := op.Raw; r != nil {
				data := jen.Id("req").Dot("Body")
				if r.Text {
					data = jen.Index().Byte().Parens(data)
				}
				d[jen.Id("Body")] = jen.Qual(acsPkg, "Raw").Values(jen.Dict{jen.Id("ContentType"): jen.Lit(r.MediaType), jen.Id("Data"): data})
			}
		})), jen.Op("&").Id("out"))
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))
		if op.RawResponse != nil {
			g.Return(jen.Op("&").Id(op.Response).Values(jen.Dict{
				jen.Id("ContentType"): jen.Id("out").Dot("ContentType"), jen.Id("Body"): jen.Id("out").Dot("Body")}), jen.Nil())
			return
		}
		g.Return(jen.Op("&").Id("out"), jen.Nil())
	})
}

// formValues is the form body as url.Values, for the fields of a plain OpenAPI
// spec, which are set as query parameters are.
var formValues = jen.Qual(urlPkg, "Values").Call(jen.Id("form"))

func wireLine(api *ir.API, op *ir.Operation) string {
	if api.Style == ir.RPC {
		return "RPC: " + op.Method + " " + op.Path + " with x-acs-action " + op.Action + ", version " + api.Version + "."
	}
	return "ROA: " + op.Method + " " + op.Path + ", version " + api.Version + "."
}

// pathExpr builds the wire path: literals plus the escaped segments of the path
// parameters (see pathSegment).
func pathExpr(op *ir.Operation, segments map[*ir.Param]jen.Code) jen.Code {
	var expr *jen.Statement
	for _, part := range op.PathParts {
		var piece jen.Code
		if part.Param != nil {
			piece = segments[part.Param]
		} else {
			piece = jen.Lit(part.Literal)
		}
		if expr == nil {
			expr = jen.Add(piece)
		} else {
			expr = expr.Op("+").Add(piece)
		}
	}
	if expr == nil {
		return jen.Lit("/")
	}
	return expr
}

// styledExample is members (as style simple renders R=100, G=200) with the prefix
// and delimiters of p's path style.
func styledExample(p *ir.Param, members string) string {
	switch {
	case p.PathStyle == ir.PathLabel && p.Explode:
		return "." + strings.ReplaceAll(members, ",", ".")
	case p.PathStyle == ir.PathLabel:
		return "." + members
	case p.PathStyle == ir.PathMatrix && p.Explode:
		return ";" + strings.ReplaceAll(members, ",", ";")
	case p.PathStyle == ir.PathMatrix:
		return ";" + p.Name + "=" + members
	}
	return members
}

// paramStyleWord is the OpenAPI style of a path or header parameter.
func paramStyleWord(p *ir.Param) string {
	if p.PathStyle != "" {
		return p.PathStyle
	}
	return "simple"
}
