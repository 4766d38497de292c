package acs_test

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"

	"github.com/acsgen/acsgen/acs"
)

var formatChecks = map[string]func(string) bool{"date": acs.IsDate, "date-time": acs.IsDateTime, "byte": acs.IsBase64}

var formatSamples = []string{
	"", "2006-01-02", "2006-1-02", "2006-13-02", "2006-00-10", "2006-12-31", "2006-12-32", "2006-02-30", "20060-01-02",
	"2006-01-02 ", " 2006-01-02", "２００６-01-02", "2006-01-02T15:04:05Z", "2006-01-02t15:04:05z", "2006-01-02T24:00:00Z",
	"2006-01-02T23:59:60Z", "2006-01-02T23:59:61Z", "2006-01-02T23:60:00Z", "2006-01-02T15:04:05.Z", "2006-01-02T15:04:05.123456789Z",
	"2006-01-02T15:04:05+08:00", "2006-01-02T15:04:05-99:99", "2006-01-02T15:04:05+0800", "2006-01-02T15:04:05+08:00Z",
	"2006-01-02T15:04Z", "2006-01-02T15:04:05", "2006-01-02T15:04:05.5+01:30", "2006-01-02T15:04:05Z\n",
	"aGVsbG8=", "aGVsbG8", "a-b_c+d/e==", "==", "a=b", "a b", "aGVsbG8===", "é", "abc\x00",
}

// The format checks agree with kin-openapi's own, the oracle contract and mock use.
func TestFormatsAgreeWithKin(t *testing.T) {
	for format, check := range formatChecks {
		kin := openapi3.SchemaStringFormats[format]
		for _, s := range formatSamples {
			assert.Equal(t, kin.Validate(s) == nil, check(s), "format %s, %q", format, s)
		}
	}
}

func FuzzFormats(f *testing.F) {
	for _, s := range formatSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for format, check := range formatChecks {
			if kin := openapi3.SchemaStringFormats[format].Validate(s) == nil; kin != check(s) {
				t.Fatalf("format %s, %q: kin-openapi says %v", format, s, kin)
			}
		}
	})
}
