package main

import (
	"flag"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHelpListsEveryCommand(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		code, stdout, stderr := acsgen(t, args...)
		assert.Equal(t, exitOK, code, "%v", args)
		assert.Empty(t, stderr, "%v: help asked for goes to stdout", args)
		for _, c := range commands {
			assert.Contains(t, stdout, "\n  "+c.name+" ", "%v", args)
			assert.Contains(t, stdout, c.help.summary, "%v", args)
		}
		assert.Contains(t, stdout, "\n  help ")
		assert.Contains(t, stdout, "run 'acsgen help COMMAND'")
	}

	// Without a command the list is a usage error, on stderr.
	code, stdout, stderr := acsgen(t)
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "\n  generate ")
}

// Every command describes itself, shows its synopsis, every flag and examples of
// its own, the same way for "acsgen help CMD" and "acsgen CMD -h".
func TestCommandHelp(t *testing.T) {
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := acsgen(t, "help", c.name)
			require.Equal(t, exitOK, code)
			assert.Empty(t, stderr)
			syn, _, ok := strings.Cut(stdout, "\n\n")
			require.True(t, ok)
			assert.Equal(t, strings.Fields("usage: acsgen "+c.help.usage), strings.Fields(syn), "the synopsis, wrapped")
			assert.NotEmpty(t, c.help.about)
			assert.Contains(t, stdout, wrap(c.help.about, helpWidth))
			fs := newFlagSet(c.name)
			c.flags(fs)
			fs.VisitAll(func(f *flag.Flag) {
				assert.Contains(t, stdout, "\n  --"+f.Name, "flag --%s is listed", f.Name)
				assert.Contains(t, c.help.usage, "--"+f.Name, "the synopsis shows --%s", f.Name)
				if name, _ := flag.UnquoteUsage(f); !isBool(f) {
					assert.Contains(t, c.help.usage, "--"+f.Name+" "+name, "the synopsis and the flag list name the value of --%s alike", f.Name)
				}
			})
			require.NotEmpty(t, c.help.examples)
			assert.LessOrEqual(t, len(c.help.examples), 2)
			for _, e := range c.help.examples {
				assert.Contains(t, stdout, "\n  acsgen "+e.line+"\n")
				if c.name != "version" {
					assert.True(t, strings.HasPrefix(e.line, c.name+" ") || e.line == c.name, e.line)
				}
			}

			for _, h := range []string{"-h", "--help"} {
				code, again, stderr := acsgen(t, c.name, h)
				assert.Equal(t, exitOK, code)
				assert.Empty(t, stderr)
				assert.Equal(t, stdout, again, "%s %s is acsgen help %s", c.name, h, c.name)
			}
		})
	}

	for _, arg := range []string{"help", "-h", "--help"} {
		code, stdout, stderr := acsgen(t, "help", arg)
		assert.Equal(t, exitOK, code, arg)
		assert.Empty(t, stderr, arg)
		assert.True(t, strings.HasPrefix(stdout, "usage: acsgen help [COMMAND]\n"), arg)
	}
}

func TestHelpShowsDefaultsAndFlagValues(t *testing.T) {
	_, stdout, _ := acsgen(t, "help", "contract")
	assert.Contains(t, stdout, "\n  --format text|json|junit|github\n        report format, one of text|json|junit|github (default text)\n")
	assert.Contains(t, stdout, "\n  --spec FILE|DIR\n")
	assert.Contains(t, stdout, "(default true)\n", "--compiled defaults to true, and the default is never broken")
	assert.NotContains(t, stdout, "(default false)")
	assert.NotContains(t, stdout, "(default [])")
	for _, l := range strings.Split(stdout, "\n") {
		assert.LessOrEqual(t, len(l), helpWidth+len("        "), l)
	}
}

func TestUnknownCommand(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"help", "frobnicate"}} {
		code, stdout, stderr := acsgen(t, args...)
		assert.Equal(t, exitUsage, code)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, `unknown command "frobnicate"`)
		assert.True(t, strings.HasSuffix(stderr, "\nrun 'acsgen help' for the list of commands\n"), stderr)
		assert.Equal(t, 2, strings.Count(stderr, "\n"), "one error line and the hint:\n%s", stderr)
	}
	code, _, stderr := acsgen(t, "help", "lint", "contract")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "want one command")
}

// A bad flag is one line naming the command and the error, and one pointing to
// the help; the flag package prints nothing of its own.
func TestBadFlagIsTwoLines(t *testing.T) {
	for _, c := range commands {
		code, stdout, stderr := acsgen(t, c.name, "--no-such-flag")
		assert.Equal(t, exitUsage, code, c.name)
		assert.Empty(t, stdout, c.name)
		assert.Equal(t, "acsgen "+c.name+": flag provided but not defined: -no-such-flag\nrun 'acsgen help "+c.name+"' for usage\n", stderr)
	}
	code, _, stderr := acsgen(t, "mock", "--addr")
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "acsgen mock: flag needs an argument: -addr\nrun 'acsgen help mock' for usage\n", stderr)
}

func TestLintTakesSpecsWithTheFlag(t *testing.T) {
	code, stdout, stderr := acsgen(t, "lint", "spec")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, stdout)
	assert.Equal(t, "acsgen lint: unexpected argument \"spec\"; specs are given with --spec, as in: acsgen lint --spec spec\n"+
		"run 'acsgen help lint' for usage\n", stderr)

	code, _, stderr = acsgen(t, "lint", "--spec", caseSpec, "--spec", "../../generator/internal/cases/plainroa/spec.yaml")
	assert.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "2 spec(s) OK\n", stderr)
	code, _, stderr = acsgen(t, "lint", "--spec", "../../spec")
	assert.Equal(t, exitOK, code, stderr)
}

// The package documentation shows the same synopsis as each command's help, and
// says how go run changes the exit status.
func TestPackageDocMatchesHelp(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "main.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	require.NoError(t, err)
	doc := strings.Join(strings.Fields(f.Doc.Text()), " ")
	for _, c := range commands {
		assert.Contains(t, doc, strings.Join(strings.Fields("acsgen "+c.help.usage), " "), c.name)
	}
	assert.Contains(t, doc, "acsgen help [COMMAND]")
	assert.Contains(t, doc, `"go run" reports any non-zero status of the program as 1`)
}
