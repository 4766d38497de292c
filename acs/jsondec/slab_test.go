package jsondec

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// manyStrings is a body of 32 optional string fields: what a large response model
// is mostly made of.
type manyStrings struct{ f [32]*string }

var manyStringsStruct = func() *Struct {
	names := make([]string, 32)
	for i := range names {
		names[i] = fmt.Sprintf("f%d", i)
	}
	return NewStruct("manyStrings", names...)
}()

func (m *manyStrings) DecodeJSON(d *Decoder) {
	for o := d.Object(manyStringsStruct); o.Next(); {
		if i := o.Field(); i >= 0 {
			Ptr(&m.f[i], d, String[string])
		}
	}
}

func manyStringsDoc() []byte {
	var b strings.Builder
	b.WriteString("{")
	for i := range 32 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"f%d":"value %d"`, i, i)
	}
	b.WriteString("}")
	return []byte(b.String())
}

// The *string fields of one document share allocations, 16 to a slab: 32 fields
// cost two slab allocations and one per string's bytes, not two per field. Each
// pointer is still its own variable.
func TestStringPointersComeFromSlabs(t *testing.T) {
	doc := manyStringsDoc()
	var v manyStrings
	require.NoError(t, Unmarshal(doc, &v))
	for i, p := range v.f {
		require.NotNil(t, p)
		assert.Equal(t, fmt.Sprintf("value %d", i), *p)
	}
	*v.f[0] = "changed"
	assert.Equal(t, "value 1", *v.f[1], "setting one field leaves its slab neighbours alone")

	allocs := testing.AllocsPerRun(50, func() {
		var v manyStrings
		_ = Unmarshal(doc, &v)
	})
	// 32 string contents, 2 slabs, and the Decoder with its path: at most 36.
	assert.LessOrEqual(t, allocs, 36.0, "allocations for 32 *string fields")
}

// manyKinds is manyStrings with string enum fields, decoded as acsgen generates
// them now, with StringPtr.
type manyKinds struct{ f [32]*kind }

func (m *manyKinds) DecodeJSON(d *Decoder) {
	for o := d.Object(manyStringsStruct); o.Next(); {
		StringPtr(&m.f[o.Field()], d)
	}
}

// String enum fields share the slabs of string fields.
func TestStringPtrTakesVariablesFromSlabs(t *testing.T) {
	doc := manyStringsDoc()
	var v manyKinds
	require.NoError(t, Unmarshal(doc, &v))
	for i, p := range v.f {
		require.NotNil(t, p)
		assert.Equal(t, kind(fmt.Sprintf("value %d", i)), *p)
	}
	*v.f[0] = "changed"
	assert.Equal(t, kind("value 1"), *v.f[1])

	allocs := testing.AllocsPerRun(50, func() {
		var v manyKinds
		_ = Unmarshal(doc, &v)
	})
	assert.LessOrEqual(t, allocs, 36.0, "allocations for 32 *kind fields")

	// Exact decoding keeps the strings' bytes in its arena: the value, the
	// Exact, the Decoder, two slabs and one arena.
	allocs = testing.AllocsPerRun(50, func() {
		var v manyKinds
		var x Exact
		_ = UnmarshalExact(doc, &v, MaxDepth, &x)
	})
	assert.LessOrEqual(t, allocs, 6.0, "allocations for 32 *kind fields, exactly")
}
