package contract

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"
)

// The HAR 1.2 subset the check needs. Browsers and mitmproxy add private fields
// ("_initiator", "_resourceType", ...); they are ignored. Pointers tell a missing
// object from an empty one, so a truncated export gets a precise error.
type harFile struct {
	Log *struct {
		Entries *[]harEntry `json:"entries"`
	} `json:"log"`
}

type harEntry struct {
	Request  *harRequest  `json:"request"`
	Response *harResponse `json:"response"`
}

type harRequest struct {
	Method      string    `json:"method"`
	URL         string    `json:"url"`
	Headers     []harPair `json:"headers"`
	QueryString []harPair `json:"queryString"`
	PostData    *harPost  `json:"postData"`
}

type harPost struct {
	MimeType string    `json:"mimeType"`
	Text     *string   `json:"text"`
	Params   []harPair `json:"params"`
	Encoding string    `json:"encoding"` // not in HAR 1.2, but some exporters write it as for content
}

type harResponse struct {
	Status  int         `json:"status"`
	Headers []harPair   `json:"headers"`
	Content *harContent `json:"content"`
}

type harContent struct {
	Size     int     `json:"size"`
	MimeType string  `json:"mimeType"`
	Text     *string `json:"text"`
	Encoding string  `json:"encoding"`
}

type harPair struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// ReadHAR reads the entries of a HAR 1.2 file (browser developer tools, mitmproxy's
// HAR export) as interactions. Every problem names the file and, where there is one,
// the entry. EachInteraction reads a HAR file without holding all of it.
func ReadHAR(path string) ([]Interaction, error) {
	var out []Interaction
	err := eachHAR(path, MaxEntrySize, func(_ int, ix Interaction) error {
		out = append(out, ix)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (e harEntry) interaction() (Interaction, error) {
	if e.Request == nil {
		return Interaction{}, errors.New("no request")
	}
	if e.Response == nil {
		return Interaction{}, errors.New("no response")
	}
	req, resp := e.Request, e.Response
	if req.Method == "" {
		return Interaction{}, errors.New("request.method is missing")
	}
	u, err := url.Parse(req.URL)
	if err != nil || u.Host == "" {
		return Interaction{}, fmt.Errorf("request.url %q is not an absolute URL", withoutQuery(req.URL))
	}
	// The URL normally carries the query already; queryString is its parsed copy.
	// Some exporters leave the URL bare, so fall back to the list.
	if u.RawQuery == "" && len(req.QueryString) > 0 {
		q := url.Values{}
		for _, p := range req.QueryString {
			q.Add(p.Name, p.Value)
		}
		u.RawQuery = q.Encode()
	}
	body, err := req.PostData.body()
	if err != nil {
		return Interaction{}, fmt.Errorf("request.postData: %w", err)
	}
	if resp.Status == 0 {
		// Browsers record failed, blocked and cancelled requests with status 0.
		return Interaction{}, errors.New("response.status is 0: the request failed or was blocked, so there is no response to check")
	}
	ix := Interaction{
		Method: strings.ToUpper(req.Method), URL: u.String(), Header: harHeader(req.Headers), Body: body,
		Status: resp.Status, RespHeader: harHeader(resp.Headers),
	}
	if req.PostData != nil && req.PostData.MimeType != "" && ix.Header.Get("Content-Type") == "" {
		ix.Header.Set("Content-Type", req.PostData.MimeType)
	}
	if resp.Content == nil {
		return Interaction{}, errors.New("response.content is missing")
	}
	ix.RespBody, err = resp.Content.body()
	if err != nil {
		return Interaction{}, fmt.Errorf("response.content: %w", err)
	}
	if resp.Content.MimeType != "" && ix.RespHeader.Get("Content-Type") == "" {
		ix.RespHeader.Set("Content-Type", resp.Content.MimeType)
	}
	return ix, nil
}

// body is the request body: the text, or the form params when only they were kept.
func (p *harPost) body() ([]byte, error) {
	if p == nil {
		return nil, nil
	}
	if p.Text != nil {
		return decodeText(*p.Text, p.Encoding)
	}
	if len(p.Params) > 0 {
		form := url.Values{}
		for _, kv := range p.Params {
			form.Add(kv.Name, kv.Value)
		}
		return []byte(form.Encode()), nil
	}
	return nil, nil
}

func (c *harContent) body() ([]byte, error) {
	if c.Text == nil {
		if c.Size > 0 {
			return nil, fmt.Errorf("the %d-byte body was not saved (content.text is missing); export the HAR with content", c.Size)
		}
		return nil, nil
	}
	return decodeText(*c.Text, c.Encoding)
}

func decodeText(text, encoding string) ([]byte, error) {
	switch encoding {
	case "":
		return []byte(text), nil
	case "base64":
		b, err := base64.StdEncoding.DecodeString(text)
		if err != nil {
			return nil, fmt.Errorf("text is not valid base64: %v", err)
		}
		return b, nil
	}
	return nil, fmt.Errorf("unsupported encoding %q (HAR knows only base64)", encoding)
}

// harHeader converts a HAR header list. HTTP/2 pseudo-headers (":authority") are
// not headers of the request the spec describes.
func harHeader(pairs []harPair) http.Header {
	n := 0
	for _, p := range pairs {
		if harHeaderKept(p) {
			n++
		}
	}
	// The map made at its size, and each name's first value a one-slot slice of
	// one array: Add would grow the map and allocate a slice per name.
	h := make(http.Header, n)
	values := make([]string, n)
	for _, p := range pairs {
		if !harHeaderKept(p) {
			continue
		}
		key := textproto.CanonicalMIMEHeaderKey(p.Name)
		if vs, ok := h[key]; ok {
			h[key] = append(vs, p.Value)
			continue
		}
		values[0] = p.Value
		h[key], values = values[:1:1], values[1:]
	}
	return h
}

// harHeaderKept reports whether a HAR header is one of the message's: HTTP/2
// pseudo-headers (":authority") are not.
func harHeaderKept(p harPair) bool { return p.Name != "" && !strings.HasPrefix(p.Name, ":") }

// jsonError positions a JSON decoding error as line:col.
func jsonError(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return lineCol(data, syn.Offset) + ": " + syn.Error()
	case errors.As(err, &typ):
		return fmt.Sprintf("%s: %s is a JSON %s, want %s", lineCol(data, typ.Offset), typ.Field, typ.Value, typ.Type)
	}
	return err.Error()
}

func lineCol(data []byte, offset int64) string {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(offset) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("%d:%d", line, col)
}
