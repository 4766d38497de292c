package mock

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
)

// apiError is an error answer before it is shaped for the product's style.
type apiError struct {
	Status  int
	Code    string
	Message string
}

// newRequestID is a fresh request ID in the service's form, e.g.
// 8A2E9CF3-3F8F-5B4C-9D0E-1E2F3A4B5C6D.
func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	h := strings.ToUpper(hex.EncodeToString(b[:]))
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// writeError answers e in the error shape of style ("RPC" or "ROA"), with a fresh
// request ID in the x-acs-request-id header and in the body.
func writeError(w http.ResponseWriter, r *http.Request, style, product string, e apiError) {
	id := newRequestID()
	var body any
	if style == "RPC" {
		body = struct {
			RequestId, HostId, Code, Message, Recommend string
		}{id, r.Host, e.Code, e.Message, recommend(e.Code, product, id)}
	} else {
		body = struct {
			RequestID string `json:"requestId"`
			Code      string `json:"code"`
			Message   string `json:"message"`
		}{id, e.Code, e.Message}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // the Recommend URL keeps its "&", as the service sends it
	_ = enc.Encode(body)     // plain strings always encode
	writeJSON(w, e.Status, id, bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// recommend is the troubleshooting link RPC error bodies carry.
func recommend(code, product, id string) string {
	q := url.Values{"q": {code}, "product": {product}, "requestId": {id}}
	return "https://api.alibabacloud.com/troubleshoot?" + q.Encode()
}

func writeJSON(w http.ResponseWriter, status int, requestID string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json;charset=utf-8")
	h.Set("X-Acs-Request-Id", requestID)
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
