package build

import (
	"encoding/json"
	"reflect"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestValidJSONKeyAgreesWithEncodingJSON puts each name into a real struct tag and
// checks that encoding/json uses it as the key exactly when validJSONKey says so.
func TestValidJSONKeyAgreesWithEncodingJSON(t *testing.T) {
	for _, name := range []string{"a", "a b", "a.b", "a-b", "$ref", "@type", "日本語", "ñandú", "~x", "!#$%&()*+-./:;<=>?@[]^_{|}~",
		"", "a,b", `q"x`, `back\slash`, "tick`", "it's", "😀", "tab\t"} {
		typ := reflect.StructOf([]reflect.StructField{{
			Name: "F", Type: reflect.TypeFor[string](), Tag: reflect.StructTag(`json:` + strconv.Quote(name)),
		}})
		v := reflect.New(typ).Elem()
		v.Field(0).SetString("v")
		out, err := json.Marshal(v.Interface())
		require.NoError(t, err)
		var m map[string]string
		require.NoError(t, json.Unmarshal(out, &m))
		_, used := m[name]
		assert.Equal(t, used, validJSONKey(name), "name %q: encoding/json wrote %s", name, out)
	}
}
