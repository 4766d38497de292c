// Package jsondectest holds generated DecodeJSON methods to encoding/json, for the
// tests of generated packages.
package jsondectest

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs/jsondec"
)

// RequireAgree decodes data into a fresh T with encoding/json and with jsondec and
// requires the same verdict and, when both succeed, equal values. It reports
// whether data decoded. T must not have an UnmarshalJSON of its own, so that
// encoding/json decodes it by reflection, independently of the generated code.
func RequireAgree[T any, P interface {
	*T
	jsondec.Decodable
}](t testing.TB, data []byte) bool {
	t.Helper()
	var want, got T
	_, own := any(P(&want)).(json.Unmarshaler)
	require.False(t, own, "%T has its own UnmarshalJSON: encoding/json would not be an independent reference", want)
	wantErr := json.Unmarshal(data, &want)
	gotErr := jsondec.Unmarshal(data, P(&got))
	require.Equal(t, wantErr == nil, gotErr == nil, "%T from %q\nencoding/json: %v\njsondec: %v", want, data, wantErr, gotErr)
	if wantErr != nil {
		return false
	}
	require.True(t, reflect.DeepEqual(want, got), "%T from %q\nencoding/json: %+v\njsondec:      %+v", want, data, want, got)
	return true
}
