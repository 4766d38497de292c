package acs_test

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// either is a union as acsgen generates one: the alternative set is encoded.
type either struct {
	S *string
	N *int64
}

func (u either) MarshalJSON() ([]byte, error) {
	switch {
	case u.S != nil:
		return json.Marshal(u.S)
	case u.N != nil:
		return json.Marshal(u.N)
	}
	return nil, errors.New("either: no alternative is set")
}

func TestScalarText(t *testing.T) {
	s, n := "a <b>&\"c\" ü", int64(-42)
	for v, want := range map[any]string{
		either{S: &s}: s, either{N: &n}: "-42", &either{N: &n}: "-42",
		true: "true", 1.5: "1.5", 1e21: "1e+21", "": "",
	} {
		got, err := acs.ScalarText(v)
		require.NoError(t, err, v)
		assert.Equal(t, want, got, v)
	}
	for _, v := range []any{either{}, nil, []int{1}, map[string]int{}, math.NaN()} {
		_, err := acs.ScalarText(v)
		assert.Error(t, err, v)
	}
	items, err := acs.ScalarTexts([]either{{S: &s}, {N: &n}})
	require.NoError(t, err)
	assert.Equal(t, []string{s, "-42"}, items)
	_, err = acs.ScalarTexts([]either{{N: &n}, {}})
	assert.ErrorContains(t, err, "item 2: ")
}
