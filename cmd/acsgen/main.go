// Command acsgen generates Go clients from OpenAPI specs of Alibaba Cloud APIs and
// checks specs and recorded traffic against them.
//
//	acsgen generate [--spec FILE|DIR]... [--out DIR] [--package NAME] [--check]
//	acsgen lint [SPEC|DIR...]
//	acsgen contract [--spec FILE|DIR]... [--strict] [--format text|json|junit|github]
//	                [--coverage] [--suggest FILE] CASSETTE|HAR|DIR...
//	acsgen docs [--spec FILE|DIR]... [--out DIR] [--generated DIR] [--check]
//	acsgen diff [--format text|markdown|json] [--fail-on breaking|warning] OLD NEW
//	acsgen mock [--addr HOST:PORT] [--spec FILE|DIR]... [--recordings DIR]
//	acsgen record --upstream URL --out DIR [--addr HOST:PORT] [--resign]
//	acsgen sign --method M --url URL [--action A] [--version V] [--header 'k: v']...
//
// Exit status: 0 when all is well, 1 when there are findings (stale files, spec
// problems, contract violations), 2 for usage errors and unreadable input.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errUsage marks errors that are the caller's: bad flags, missing arguments.
var errUsage = errors.New("usage")

// errFindings means the command ran and reported problems; they are already printed.
var errFindings = errors.New("findings")

type command struct {
	name  string
	usage string
	run   func(args []string, stdout, stderr io.Writer) error
}

var commands = []command{
	{"generate", "generate [--spec FILE|DIR]... [--out DIR] [--package NAME] [--check]", runGenerate},
	{"lint", "lint [SPEC|DIR...]", runLint},
	{"contract", contractUsage, runContract},
	{"docs", "docs [--spec FILE|DIR]... [--out DIR] [--generated DIR] [--check]", runDocs},
	{"diff", "diff [--format text|markdown|json] [--fail-on breaking|warning] OLD NEW (files or git REV:PATH)", runDiff},
	{"mock", "mock [--addr HOST:PORT] [--spec FILE|DIR]... [--recordings DIR] [--access-key-id ID --access-key-secret S]", runMock},
	{"record", "record --upstream URL --out DIR [--addr HOST:PORT] [--spec FILE|DIR]... [--max-body N] [--resign]", runRecord},
	{"sign", "sign --method M --url URL [--action A] [--version V] [--header 'k: v']... [--body FILE] [--date T] [--nonce N]", runSign},
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(args[1:], stdout, stderr)
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.Is(err, errFindings):
			return exitFindings
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "acsgen %s: %v\nusage: acsgen %s\n", c.name, err, c.usage)
			return exitUsage
		default:
			fmt.Fprintf(stderr, "acsgen %s: %v\n", c.name, err)
			return exitUsage
		}
	}
	fmt.Fprintf(stderr, "acsgen: unknown command %q\n", args[0])
	printUsage(stderr)
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage:")
	for _, c := range commands {
		fmt.Fprintln(w, "  acsgen", c.usage)
	}
}

// newFlagSet returns a flag set whose parse errors are usage errors.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return fmt.Sprint(*m) }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }
