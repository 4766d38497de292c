package acs

import (
	"context"
	"net/http"
)

// ResponseInfo is what a call's last HTTP response said beyond its body: status,
// headers, the request ID and how many attempts the call took.
type ResponseInfo struct {
	StatusCode int
	RequestID  string // x-acs-request-id header, else the body's RequestId/requestId
	Header     http.Header
	Attempts   int
}

type responseInfoKey struct{}

// CaptureResponse returns a context that makes the call it is passed to fill info:
//
//	var info acs.ResponseInfo
//	resp, err := client.GetPluginAttachment(acs.CaptureResponse(ctx, &info), req)
//	log.Print(info.RequestID)
func CaptureResponse(ctx context.Context, info *ResponseInfo) context.Context {
	return context.WithValue(ctx, responseInfoKey{}, info)
}

func responseInfoFrom(ctx context.Context) *ResponseInfo {
	info, _ := ctx.Value(responseInfoKey{}).(*ResponseInfo)
	return info
}
