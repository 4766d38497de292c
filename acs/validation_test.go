package acs_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

func TestValidatorRendersJSONPointers(t *testing.T) {
	var v acs.Validator
	require.NoError(t, v.Err(), "nothing found yet")
	v.Fail("root problem")
	v.Enter("data")
	v.Enter("a/b~c")
	v.EnterIndex(3)
	v.Failf("value %q is not one of %s", "Cluster", "HttpApi, Operation")
	v.Leave()
	v.Leave()
	v.Enter("resourceInfos")
	v.EnterIndex(0)
	v.Fail("bad")

	err := v.Err()
	var ve *acs.ValidationError
	require.True(t, errors.As(fmt.Errorf("wrapped: %w", err), &ve))
	assert.Equal(t, []acs.Violation{
		{Pointer: "", Message: "root problem"},
		{Pointer: "/data/a~1b~0c/3", Message: `value "Cluster" is not one of HttpApi, Operation`},
		{Pointer: "/data/resourceInfos/0", Message: "bad"},
	}, ve.Violations)
	assert.Equal(t, "root problem\n/data/a~1b~0c/3: value \"Cluster\" is not one of HttpApi, Operation\n/data/resourceInfos/0: bad", err.Error())
}

// Include puts another Validate's violations under the current path, and a
// plain error as one violation there.
func TestValidatorIncludesViolations(t *testing.T) {
	var inner acs.Validator
	inner.Fail("inner root")
	inner.Enter("name")
	inner.Fail("too long")

	var v acs.Validator
	v.Include(nil)
	require.NoError(t, v.Err(), "nil adds nothing")
	v.Enter("items")
	v.EnterIndex(2)
	v.Include(inner.Err())
	v.Leave()
	v.Include(errors.New("not a validation error"))

	var ve *acs.ValidationError
	require.ErrorAs(t, v.Err(), &ve)
	assert.Equal(t, []acs.Violation{
		{Pointer: "/items/2", Message: "inner root"},
		{Pointer: "/items/2/name", Message: "too long"},
		{Pointer: "/items", Message: "not a validation error"},
	}, ve.Violations)
}

// Paths deeper than the inline stack spill into a slice and come back intact.
func TestValidatorDeepPaths(t *testing.T) {
	var v acs.Validator
	want := ""
	for i := range 40 {
		v.EnterIndex(i)
		want += fmt.Sprintf("/%d", i)
	}
	assert.Equal(t, want, v.Pointer())
	for range 30 {
		v.Leave()
	}
	v.Enter("x")
	assert.Equal(t, "/0/1/2/3/4/5/6/7/8/9/x", v.Pointer())
}

func TestValidatorValidPathAllocatesNothing(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		var v acs.Validator
		for i := range 12 {
			v.Enter("k")
			v.EnterIndex(i)
		}
		for range 24 {
			v.Leave()
		}
		if v.Err() != nil {
			t.Fatal("unexpected violation")
		}
	})
	assert.Zero(t, allocs, "paths within the inline stack live on the stack")
}

func TestDuplicateItems(t *testing.T) {
	i, j, dup := acs.DuplicateItem([]string{"a", "b", "a"})
	assert.True(t, dup)
	assert.Equal(t, [2]int{0, 2}, [2]int{i, j})
	_, _, dup = acs.DuplicateItem([]int32{1, 2, 3})
	assert.False(t, dup)

	type item struct{ Tags []string }
	i, j, dup = acs.DuplicateJSON([]item{{Tags: []string{"x"}}, {Tags: []string{"y"}}, {Tags: []string{"y"}}})
	assert.True(t, dup)
	assert.Equal(t, [2]int{1, 2}, [2]int{i, j})
	_, _, dup = acs.DuplicateJSON([]item{{}, {Tags: []string{}}})
	assert.False(t, dup, "null and [] differ in JSON")
}

func TestMultipleOf(t *testing.T) {
	assert.True(t, acs.MultipleOf(10, 5))
	assert.True(t, acs.MultipleOf(0.3, 0.1), "float rounding is tolerated")
	assert.True(t, acs.MultipleOf(-4.5, 1.5))
	assert.False(t, acs.MultipleOf(7, 5))
	assert.False(t, acs.MultipleOf(0.35, 0.1))
}
