package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/generator/load"
)

// buildWarnings builds src and returns the API with "line:col: message" of each
// warning, in order.
func buildWarnings(t *testing.T, src string) (*ir.API, []string) {
	t.Helper()
	api := buildSpec(t, src)
	var out []string
	for _, w := range api.Warnings {
		require.True(t, w.Warning, w.String())
		out = append(out, w.Pos.String()[len("test.yaml:"):]+": "+w.Msg)
	}
	return api, out
}

// buildErrors builds src, which must fail, and returns each error message.
func buildErrors(t *testing.T, src string) []string {
	t.Helper()
	spec, err := load.Data("test.yaml", []byte(src))
	require.NoError(t, err)
	_, err = Build(spec, Options{})
	require.Error(t, err)
	var list diag.List
	require.ErrorAs(t, err, &list)
	var out []string
	for _, d := range list {
		if !d.Warning {
			out = append(out, d.String())
		}
	}
	return out
}

func constantValues(m *ir.Model) map[string]any {
	out := map[string]any{}
	for _, v := range m.Enum.Values {
		out[v.GoName] = v.Raw
	}
	return out
}

// Enum values that map to one constant are all kept: each later one is numbered
// after the constant it would have had, in the order the spec lists them.
func TestCollidingEnumConstantsAreNumbered(t *testing.T) {
	api, warnings := buildWarnings(t, header+`paths: {}
components:
  schemas:
    Mode:
      type: string
      enum: [A, a, Foo Bar, Foo-Bar, foo_bar, B]
`)
	assert.Equal(t, map[string]any{"ModeA": "A", "ModeA2": "a", "ModeFooBar": "Foo Bar", "ModeFooBar2": "Foo-Bar", "ModeFooBar3": "foo_bar", "ModeB": "B"},
		constantValues(model(t, api, "Mode")))
	assert.Equal(t, []string{
		`8:17: enum values "A" and "a" (at test.yaml:8:14) both map to constant ModeA; this one is ModeA2 (name the constants with x-enum-varnames)`,
		`8:29: enum values "Foo Bar" and "Foo-Bar" (at test.yaml:8:20) both map to constant ModeFooBar; this one is ModeFooBar2 (name the constants with x-enum-varnames)`,
		`8:38: enum values "Foo Bar" and "foo_bar" (at test.yaml:8:20) both map to constant ModeFooBar; this one is ModeFooBar3 (name the constants with x-enum-varnames)`,
	}, warnings)
}

// Constants the spec names with x-enum-varnames are its choice: two alike stay an error.
func TestCollidingEnumVarnamesStayAnError(t *testing.T) {
	errs := buildErrors(t, header+`paths: {}
components:
  schemas:
    Mode:
      type: string
      enum: [a, b]
      x-enum-varnames: [Same, Same]
`)
	assert.Equal(t, []string{`test.yaml:8:17: components.schemas.Mode.enum.1: enum values "a" and "b" (at test.yaml:8:14) both map to constant ModeSame; name the constants with x-enum-varnames`}, errs)
}
