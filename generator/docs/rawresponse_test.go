package docs

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A response that is not JSON is documented as the body it is: text read whole,
// anything else streamed, with its media types.
func TestRawResponsePages(t *testing.T) {
	image := casePage(t, "rawbody", "GetImage")
	assert.Contains(t, image, "A body of `image/jpeg, image/png` handed on unread as `GetImageResponse.Body` (Go `io.ReadCloser`, which the caller reads and closes)")
	assert.Contains(t, image, "The image's bytes.")
	assert.NotContains(t, image, "A JSON body decoded into")
	note := casePage(t, "rawbody", "GetLatestNote")
	assert.Contains(t, note, "Text (`text/plain; charset=utf-8`), read whole into `GetLatestNoteResponse.Body` (Go `string`)")
}
