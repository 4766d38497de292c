package docs

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator"
)

// casePage renders the page of operation op of the golden case name.
func casePage(t *testing.T, name, op string) string {
	t.Helper()
	pages, problems, err := Render([]string{"../internal/cases/" + name + "/spec.yaml"}, "../internal/cases",
		generator.Options{Package: name, ImportPath: func(pkg string) string { return "github.com/acsgen/acsgen/generator/internal/cases/" + pkg }})
	require.NoError(t, err)
	require.Empty(t, problems)
	i := slices.IndexFunc(pages, func(f File) bool { return f.Name == name+"/"+op+".md" })
	require.GreaterOrEqual(t, i, 0, op)
	return string(pages[i].Src)
}

// The example request shows cookies as the client sends them: exploded arrays and
// objects a pair per item or member (an example object's members by key),
// objects without explode in one pair.
func TestRawRequestCookies(t *testing.T) {
	assert.Contains(t, casePage(t, "paramshapes", "GetCookiePairs"), "Cookie: ids=3; ids=4; G=2; R=1\n") // the example map by key
	assert.Contains(t, casePage(t, "paramshapes", "GetJoinedCookies"), "Cookie: shade=light,0.5,name,pale%20blue\n")
}
