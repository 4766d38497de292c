package contract

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestStatusTextIsItoa(t *testing.T) {
	for _, status := range []int{-1, 0, 1, 42, 99, 100, 200, 404, 599, 600, 999, 1000, 12345} {
		// Itoa's first character then "XX", as statusKey always read it.
		code := strconv.Itoa(status)
		gotCode, gotClass := statusText(status)
		require.Equal(t, code, gotCode)
		require.Equal(t, code[:1]+"XX", gotClass)
	}
	for status := 100; status < 600; status++ {
		code, class := statusText(status)
		require.Equal(t, strconv.Itoa(status), code)
		require.Equal(t, strconv.Itoa(status)[:1]+"XX", class)
		require.Zero(t, testing.AllocsPerRun(10, func() { statusText(status) }))
	}
}
