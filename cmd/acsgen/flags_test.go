package main

import (
	"encoding/json"
	"errors"
	"flag"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testFlags is a flag set like the commands': a repeatable string, a string and
// a bool.
func testFlags() (*flag.FlagSet, *multiFlag, *string, *bool) {
	fs := newFlagSet("test")
	specs := specFlag(fs)
	format := fs.String("format", "text", "")
	strict := fs.Bool("strict", false, "")
	return fs, specs, format, strict
}

func TestParseArgsTakesFlagsInAnyPosition(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		pos    []string
		specs  []string
		format string
		strict bool
	}{
		{"flags first", []string{"--format", "json", "--strict", "a", "b"}, []string{"a", "b"}, nil, "json", true},
		{"flags last", []string{"a", "b", "--format", "json", "--strict"}, []string{"a", "b"}, nil, "json", true},
		{"flags between", []string{"a", "-format=json", "b", "--spec", "s1", "c", "--spec", "s2"}, []string{"a", "b", "c"}, []string{"s1", "s2"}, "json", false},
		{"-- ends the flags", []string{"a", "--", "--strict", "-x", "b"}, []string{"a", "--strict", "-x", "b"}, nil, "text", false},
		{"-- at the start", []string{"--", "--format", "json"}, []string{"--format", "json"}, nil, "text", false},
		{"-- as a flag's value", []string{"--spec", "--", "a", "--strict"}, []string{"a"}, []string{"--"}, "text", true},
		{"a dash alone is positional", []string{"-", "--strict"}, []string{"-"}, nil, "text", true},
		{"bool with =", []string{"a", "--strict=true", "b"}, []string{"a", "b"}, nil, "text", true},
		{"no arguments", nil, nil, nil, "text", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs, specs, format, strict := testFlags()
			pos, err := parseArgs(fs, tc.args)
			require.NoError(t, err)
			assert.Equal(t, tc.pos, pos)
			assert.Equal(t, tc.specs, []string(*specs))
			assert.Equal(t, tc.format, *format)
			assert.Equal(t, tc.strict, *strict)
		})
	}
}

// A config file will apply only where the command line set nothing: fs.Visit must
// report exactly the flags given, wherever they stood.
func TestParseArgsLeavesVisitToTheFlagsGiven(t *testing.T) {
	fs, _, _, _ := testFlags()
	_, err := parseArgs(fs, []string{"a", "--strict=false", "b", "--spec", "x"})
	require.NoError(t, err)
	var set []string
	fs.Visit(func(f *flag.Flag) { set = append(set, f.Name) })
	assert.Equal(t, []string{"spec", "strict"}, set, "a flag set to its default still counts as given")
}

func TestParseArgsErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"a", "--frobnicate"}, "flag provided but not defined: -frobnicate"},
		{[]string{"a", "--format"}, "flag needs an argument: -format"},
		{[]string{"--strict", "false", "a"}, "--strict takes no separate value; write --strict=false"},
		{[]string{"a", "--strict", "TRUE"}, "--strict takes no separate value; write --strict=true"},
		{[]string{"a", "-strict", "false"}, "--strict takes no separate value; write --strict=false"},
	} {
		fs, _, _, _ := testFlags()
		_, err := parseArgs(fs, tc.args)
		var ue usageError
		require.True(t, errors.As(err, &ue), "%v: %v is a usage error", tc.args, err)
		assert.EqualError(t, err, tc.want, "%v", tc.args)
	}

	// The word after a bool is an argument when it is not true or false, and
	// true or false are arguments after "--" or as a string flag's value.
	for _, args := range [][]string{{"--strict", "falsehood"}, {"--strict", "--", "false"}, {"--format", "false", "x"}} {
		fs, _, _, _ := testFlags()
		_, err := parseArgs(fs, args)
		assert.NoError(t, err, "%v", args)
	}

	for _, args := range [][]string{{"-h"}, {"a", "--help"}, {"--format", "json", "a", "-help"}} {
		fs, _, _, _ := testFlags()
		_, err := parseArgs(fs, args)
		assert.ErrorIs(t, err, flag.ErrHelp, "%v", args)
	}
}

// The commands all parse with parseArgs: flags after the recordings are flags.
func TestFlagsAfterArguments(t *testing.T) {
	code, stdout, stderr := acsgen(t, "contract", cassetteDir+"/apig", "--format", "json", "--spec", specDir)
	require.Equal(t, exitOK, code, stderr)
	var doc struct {
		Summary struct{ Interactions int } `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc), "--format json after the recording is read as a flag")
	assert.Positive(t, doc.Summary.Interactions)

	code, _, stderr = acsgen(t, "lint", "--spec", caseSpec, "--", "stray")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `unexpected argument "stray"`)
}

func TestBoolFlagWithSeparateValueIsAUsageError(t *testing.T) {
	code, stdout, stderr := acsgen(t, "contract", "--spec", specDir, "--compiled", "false", cassetteDir+"/apig")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, stdout)
	assert.Equal(t, "acsgen contract: --compiled takes no separate value; write --compiled=false\nrun 'acsgen help contract' for usage\n", stderr)

	code, _, stderr = acsgen(t, "generate", "--spec", caseSpec, "--out", t.TempDir(), "--check", "true")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "write --check=true")
}
