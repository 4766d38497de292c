package record

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
)

// redactMultipart replaces the values of the named fields (case-insensitively) in
// a multipart/form-data request body: a V2 client uploading a file sends its
// AccessKeyId, Signature and SecurityToken as parts beside it. The body is written
// again with its own boundary and part headers, and only when a part changed. A
// body that does not parse as multipart is left as it is.
func redactMultipart(body *string, length *int64, h *http.Header, names []string) {
	mt, params, err := mime.ParseMediaType(headerGet(*h, "Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" || *body == "" {
		return
	}
	r := multipart.NewReader(strings.NewReader(*body), params["boundary"])
	var out bytes.Buffer
	w := multipart.NewWriter(&out)
	if w.SetBoundary(params["boundary"]) != nil {
		return
	}
	changed := false
	for {
		p, err := r.NextRawPart() // raw: keep the bytes as sent, no transfer decoding
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return
		}
		if name := p.FormName(); name != "" && isOneOf(name, names) {
			data, changed = []byte(Redacted), true
		}
		pw, err := w.CreatePart(p.Header)
		if err != nil {
			return
		}
		_, _ = pw.Write(data)
	}
	if !changed || w.Close() != nil {
		return
	}
	*body, *length = out.String(), int64(out.Len())
	setLength(h, out.Len())
}

func isOneOf(name string, names []string) bool {
	for _, n := range names {
		if strings.EqualFold(name, n) {
			return true
		}
	}
	return false
}
