package unions_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generator/internal/cases/unions"
)

// A union value built by hand with two alternatives set is refused by Validate:
// which one the caller meant is not for the client to guess. One set, or none
// (itself a violation), is judged as before.
func TestHandBuiltUnionWithSeveralAlternatives(t *testing.T) {
	i, f := int64(3), 3.5
	err := (&unions.Amount{Int64: &i, Float64: &f}).Validate()
	var verr *acs.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "2 alternatives are set; set exactly one")
	assert.NoError(t, (&unions.Amount{Int64: &i}).Validate())
	assert.ErrorContains(t, (&unions.Amount{}).Validate(), "no alternative is set")
}
