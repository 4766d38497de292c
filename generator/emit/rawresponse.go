package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

// genRawResponse emits the success response of an operation whose body is not
// JSON:
//
//	// DownloadResponse is the success response of Download, the body as it came.
//	type DownloadResponse struct {
//		// The response's Content-Type (application/octet-stream).
//		ContentType string
//		// The body, unread: the caller reads and closes it.
//		Body io.ReadCloser
//	}
func genRawResponse(op *ir.Operation) jen.Code {
	r := op.RawResponse
	body := jen.Comment("The body, unread: the caller reads and closes it.").Line().Id("Body").Qual(ioPkg, "ReadCloser")
	if r.Text {
		body = jen.Comment("The body's text, read whole.").Line().Id("Body").String()
	}
	return jen.Comment(op.Response+" is the success response of "+op.GoName+", the body as it came.").Line().
		Type().Id(op.Response).Struct(
		jen.Comment("The response's Content-Type ("+r.MediaType+")."),
		jen.Id("ContentType").String(),
		jen.Line().Add(doc(r.Doc)).Add(body),
	)
}

// rawReceiver is the acs type Client.Do hands a body that is not JSON to.
func rawReceiver(r *ir.RawBody) jen.Code {
	if r.Text {
		return jen.Qual(acsPkg, "Text")
	}
	return jen.Qual(acsPkg, "Stream")
}
