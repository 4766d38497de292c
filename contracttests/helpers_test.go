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

// operations maps every operation of the specs to its product and the types of its
// success body: acsgen's generated type and oapi-codegen's reference model.
var operations = map[string]struct {
	product string
	ok      func() targets
}{
	"CreatePluginAttachment": {"apig", func() targets {
		return targets{"CreatePluginAttachmentResponse", new(apig.CreatePluginAttachmentResponse), new(refapig.CreatePluginAttachmentResponse)}
	}},
	"DeletePluginAttachment": {"apig", func() targets {
		return targets{"DeletePluginAttachmentResponse", new(apig.DeletePluginAttachmentResponse), new(refapig.DeletePluginAttachmentResponse)}
	}},
	"GetPluginAttachment": {"apig", func() targets {
		return targets{"GetPluginAttachmentResponse", new(apig.GetPluginAttachmentResponse), new(refapig.GetPluginAttachmentResponse)}
	}},
	"ListPluginAttachments": {"apig", func() targets {
		return targets{"ListPluginAttachmentsResponse", new(apig.ListPluginAttachmentsResponse), new(refapig.ListPluginAttachmentsResponse)}
	}},
	"UpdatePluginAttachment": {"apig", func() targets {
		return targets{"UpdatePluginAttachmentResponse", new(apig.UpdatePluginAttachmentResponse), new(refapig.UpdatePluginAttachmentResponse)}
	}},
	"AttachPlugin": {"cloudapi", func() targets {
		return targets{"AttachPluginResponse", new(cloudapi.AttachPluginResponse), new(refcloudapi.AttachPluginResponse)}
	}},
	"DescribePluginApis": {"cloudapi", func() targets {
		return targets{"DescribePluginApisResponse", new(cloudapi.DescribePluginAPIsResponse), new(refcloudapi.DescribePluginApisResponse)}
	}},
	"DescribePluginsByApi": {"cloudapi", func() targets {
		return targets{"DescribePluginsByApiResponse", new(cloudapi.DescribePluginsByAPIResponse), new(refcloudapi.DescribePluginsByApiResponse)}
	}},
	"DetachPlugin": {"cloudapi", func() targets {
		return targets{"DetachPluginResponse", new(cloudapi.DetachPluginResponse), new(refcloudapi.DetachPluginResponse)}
	}},
}

// errorTypes are the types of each product's error body.
func errorTypes(product string) (targets, bool) {
	switch product {
	case "apig":
		return targets{"ErrorResponse", new(apig.ErrorResponse), new(refapig.ErrorResponse)}, true
	case "cloudapi":
		return targets{"ErrorResponse", new(cloudapi.ErrorResponse), new(refcloudapi.ErrorResponse)}, true
	}
	return targets{}, false
}

// bodyTypes picks the types of a response body by operation and status: the
// operation's response for 2xx, its product's error body otherwise.
func bodyTypes(t *testing.T, operation string, status int) targets {
	t.Helper()
	op, ok := operations[operation]
	if !ok {
		t.Fatalf("no generated types for operation %q; add it to operations", operation)
	}
	if status >= 200 && status <= 299 {
		return op.ok()
	}
	tt, _ := errorTypes(op.product)
	return tt
}

// schemaTypes picks the types of a component schema example; ok is false for schemas
// that are not a whole body.
func schemaTypes(product, schema string) (targets, bool) {
	if schema == "ErrorResponse" {
		return errorTypes(product)
	}
	for _, op := range operations {
		if tt := op.ok(); op.product == product && tt.name == schema {
			return tt, true
		}
	}
	return targets{}, false
}

// operationOf routes a recorded interaction to its operation.
func operationOf(t *testing.T, set *contract.Set, ix contract.Interaction) string {
	t.Helper()
	r := set.Examine(ix, contract.Options{})
	require.NotEmpty(t, r.Operation, "%s %s matches no operation", ix.Method, ix.URL)
	return r.Operation
}

func TestOperationsCoverEverySpecOperation(t *testing.T) {
	var ids []string
	for _, file := range specFiles {
		doc := loadDoc(t, file)
		for _, path := range doc.Paths.InMatchingOrder() {
			for _, op := range doc.Paths.Value(path).Operations() {
				ids = append(ids, op.OperationID)
				require.Equal(t, productOf(file), operations[op.OperationID].product, "%s of %s", op.OperationID, file)
			}
		}
	}
	require.Len(t, operations, len(ids))
}
