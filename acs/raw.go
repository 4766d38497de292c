package acs

// Raw is a request body sent as it is, under its own media type: the bytes of an
// application/octet-stream body, the text of a text/plain one. Empty Data sends
// no body.
type Raw struct {
	ContentType string // e.g. "application/octet-stream"
	Data        []byte
}
