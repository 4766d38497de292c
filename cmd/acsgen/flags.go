package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// newFlagSet returns a flag set that prints nothing itself: run reports parse
// errors in one line and prints help on request.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseArgs parses args into fs with flags and positional arguments in any order,
// and returns the positional arguments in the order given. Everything after a "--"
// in the place of a flag is positional. Flags the command line set are the ones
// fs.Visit reports, as with fs.Parse.
//
// A bool flag followed by a separate true or false (--compiled false) is refused:
// the flag package would take the word as a positional argument.
//
// The errors are flag.ErrHelp for -h and --help, and usage errors otherwise.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err}
		}
		consumed := args[:len(args)-fs.NArg()]
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if endedFlags(fs, consumed) {
			pos = append(pos, rest...)
			break
		}
		if name, ok := lastBoolFlag(fs, consumed); ok && (strings.EqualFold(rest[0], "true") || strings.EqualFold(rest[0], "false")) {
			return nil, usagef("--%s takes no separate value; write --%s=%s", name, name, strings.ToLower(rest[0]))
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	return pos, nil
}

// flagToken splits a command-line word that stands where a flag may: "-name",
// "--name" or either with "=value". ok is false for words that are no flag to
// the flag package ("-", "--", words without a leading dash).
func flagToken(word string) (name string, hasValue, ok bool) {
	if len(word) < 2 || word[0] != '-' || word == "--" {
		return "", false, false
	}
	name = strings.TrimPrefix(word[1:], "-")
	name, _, hasValue = strings.Cut(name, "=")
	return name, hasValue, true
}

// isBool reports whether the flag takes no separate value.
func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// walk calls visit for each flag word in words, a stretch fs.Parse accepted,
// skipping the values that flags took from the following word. It stops at "--".
// terminated reports whether it did.
func walk(fs *flag.FlagSet, words []string, visit func(f *flag.Flag, hasValue bool)) (terminated bool) {
	for i := 0; i < len(words); i++ {
		if words[i] == "--" {
			return true
		}
		name, hasValue, ok := flagToken(words[i])
		if !ok {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue
		}
		visit(f, hasValue)
		if !hasValue && !isBool(f) {
			i++ // the next word is this flag's value, even when it is "--"
		}
	}
	return false
}

// endedFlags reports whether fs.Parse stopped at "--" rather than at a positional
// argument.
func endedFlags(fs *flag.FlagSet, consumed []string) bool {
	return walk(fs, consumed, func(*flag.Flag, bool) {})
}

// lastBoolFlag returns the name of the last flag in consumed, the flags before a
// positional argument, when it is a bool flag written without "=value".
func lastBoolFlag(fs *flag.FlagSet, consumed []string) (string, bool) {
	var last *flag.Flag
	lastBare := false
	walk(fs, consumed, func(f *flag.Flag, hasValue bool) { last, lastBare = f, !hasValue })
	if last == nil || !lastBare || !isBool(last) {
		return "", false
	}
	return last.Name, true
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return fmt.Sprint(*m) }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// specFlag defines the --spec flag the commands share.
func specFlag(fs *flag.FlagSet) *multiFlag {
	var specs multiFlag
	fs.Var(&specs, "spec", "read the spec `FILE|DIR` (of a directory, its *.yaml, *.yml and *.json files); repeatable (default spec/)")
	return &specs
}
