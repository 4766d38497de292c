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
//
// It holds exact decoding (jsondec.UnmarshalExact) to the same error and value,
// and, when that finds nothing lost, the value's encoding to data (EncodesAs).
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
	requireExactAgrees[T, P](t, data, got, gotErr)
	if wantErr != nil {
		return false
	}
	require.True(t, reflect.DeepEqual(want, got), "%T from %q\nencoding/json: %+v\njsondec:      %+v", want, data, want, got)
	return true
}

// requireExactAgrees decodes data exactly and requires plain decoding's value
// and error, and the value's encoding to be data when nothing was lost.
func requireExactAgrees[T any, P interface {
	*T
	jsondec.Decodable
}](t testing.TB, data []byte, plain T, plainErr error) {
	t.Helper()
	var got T
	x := jsondec.Exact{Judge: EncodesAs}
	err := jsondec.UnmarshalExact(data, P(&got), jsondec.MaxDepth, &x)
	require.Equal(t, plainErr, err, "%T from %q, exactly", got, data)
	require.True(t, reflect.DeepEqual(plain, got), "%T from %q\nplainly: %+v\nexactly: %+v", got, data, plain, got)
	if err == nil && !x.Lost {
		require.True(t, EncodesAs(P(&got), data), "%T from %q: exact decoding lost nothing, yet it encodes otherwise", got, data)
	}
}

// EncodesAs reports whether json.Marshal encodes v as JSON equal to data, equal
// meaning that encoding/json decodes the two into equal values of type any: what
// exact decoding promises when it loses nothing. As a Judge, it is the definition.
func EncodesAs(v any, data []byte) bool {
	out, err := json.Marshal(v)
	if err != nil {
		return false
	}
	var a, b any
	if json.Unmarshal(out, &a) != nil || json.Unmarshal(data, &b) != nil {
		return false
	}
	return reflect.DeepEqual(a, b)
}
