package contract

import (
	"fmt"

	"go.yaml.in/yaml/v4"

	"github.com/acsgen/acsgen/internal/yamlsize"
)

// checkExpansion refuses a cassette whose YAML aliases would expand it past
// MaxRecordingSize. The file-size check alone is not enough: one anchored 10 MiB
// string aliased by a hundred response bodies is a 10 MiB file that decodes into
// a gigabyte. go-vcr never writes aliases, so a cassette that has them was written
// by hand or by something else; they are allowed as long as what they expand to
// stays within the limit.
//
// The parsed document is measured by yamlsize, in one pass over the tree
// however the aliases nest.
func checkExpansion(path string, doc *yaml.Node) error {
	if past := yamlsize.OverV4(doc, MaxRecordingSize); past != nil {
		return fmt.Errorf("%s: line %d: YAML aliases expand the cassette past the %d-byte recording limit "+
			"(go-vcr never writes aliases)", path, past.Line, MaxRecordingSize)
	}
	return nil
}
