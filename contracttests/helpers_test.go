package contracttests

import (
	"flag"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/contract"
	refapig "github.com/acsgen/acsgen/contracttests/internal/oapiref/apig"
	refcloudapi "github.com/acsgen/acsgen/contracttests/internal/oapiref/cloudapi"
	"github.com/acsgen/acsgen/contracttests/internal/recordgen"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
)

var (
	record = flag.Bool("record", false, "re-record the cassettes under testdata")
	update = flag.Bool("update", false, "rewrite the negative fixtures' .want files")
)

const (
	specDir     = "../spec"
	testdataDir = "testdata"
	negativeDir = "testdata/negative"

	recordCmd = "go test ./contracttests -run TestRecordingsAreCurrent -record"
	updateCmd = "go test ./contracttests -run TestNegativeFixtures -update"
)

// specFiles are the specs the contract check loads.
var specFiles = []string{
	filepath.Join(specDir, recordgen.APIGSpec),
	filepath.Join(specDir, recordgen.CloudAPISpec),
}

func loadSet(t *testing.T) *contract.Set {
	t.Helper()
	set, err := contract.Load(specFiles)
	require.NoError(t, err)
	return set
}

// cassettes lists the committed cassettes: the recordings of documented calls
// (testdata/<product>/*.yaml) when negative is false, testdata/negative/*.yaml otherwise.
func cassettes(t *testing.T, negative bool) []string {
	t.Helper()
	var out []string
	for _, p := range allCassettes(t) {
		if strings.HasPrefix(p, negativeDir+"/") == negative {
			out = append(out, p)
		}
	}
	require.NotEmpty(t, out, "no cassettes under %s (negative=%v); run %s", testdataDir, negative, recordCmd)
	return out
}

// allCassettes lists every *.yaml under testdata, slash-separated and sorted.
func allCassettes(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(testdataDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".yaml") {
			out = append(out, filepath.ToSlash(p))
		}
		return nil
	})
	require.NoError(t, err)
	slices.Sort(out)
	return out
}

// product names the generated package a cassette or example belongs to: the first
// directory under testdata, or the spec file's product.
func productOf(path string) string {
	rel := strings.TrimPrefix(filepath.ToSlash(path), testdataDir+"/")
	switch {
	case strings.HasPrefix(rel, "apig/"), strings.Contains(rel, recordgen.APIGSpec):
		return "apig"
	case strings.HasPrefix(rel, "cloudapi/"), strings.Contains(rel, recordgen.CloudAPISpec):
		return "cloudapi"
	}
	return ""
}

// targets are fresh values to decode one body into: acsgen's generated type and
// oapi-codegen's reference model of the same schema.
type targets struct {
	name   string // schema name
	acsgen any
	ref    any
}

// bodyTypes picks the types of a response body by product and status: the
// operation's response for 2xx, the error body otherwise.
func bodyTypes(t *testing.T, product string, status int) targets {
	t.Helper()
	ok := status >= 200 && status <= 299
	switch {
	case product == "apig" && ok:
		return targets{"GetPluginAttachmentResponse", new(apig.GetPluginAttachmentResponse), new(refapig.GetPluginAttachmentResponse)}
	case product == "apig":
		return targets{"ErrorResponse", new(apig.ErrorResponse), new(refapig.ErrorResponse)}
	case product == "cloudapi" && ok:
		return targets{"AttachPluginResponse", new(cloudapi.AttachPluginResponse), new(refcloudapi.AttachPluginResponse)}
	case product == "cloudapi":
		return targets{"ErrorResponse", new(cloudapi.ErrorResponse), new(refcloudapi.ErrorResponse)}
	}
	t.Fatalf("no generated types for product %q", product)
	return targets{}
}

// schemaTypes picks the types of a component schema example; ok is false for schemas
// that are not a whole body.
func schemaTypes(product, schema string) (targets, bool) {
	switch product + "." + schema {
	case "apig.GetPluginAttachmentResponse":
		return targets{schema, new(apig.GetPluginAttachmentResponse), new(refapig.GetPluginAttachmentResponse)}, true
	case "apig.ErrorResponse":
		return targets{schema, new(apig.ErrorResponse), new(refapig.ErrorResponse)}, true
	case "cloudapi.AttachPluginResponse":
		return targets{schema, new(cloudapi.AttachPluginResponse), new(refcloudapi.AttachPluginResponse)}, true
	case "cloudapi.ErrorResponse":
		return targets{schema, new(cloudapi.ErrorResponse), new(refcloudapi.ErrorResponse)}, true
	}
	return targets{}, false
}
