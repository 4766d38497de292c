// Command acsgen generates Go clients from OpenAPI specs of Alibaba Cloud APIs and
// checks specs and recorded traffic against them.
//
//	acsgen generate [--spec FILE|DIR]... [--out DIR] [--package NAME] [--config FILE]
//	                [--check]
//	acsgen lint [--spec FILE|DIR]... [--config FILE]
//	acsgen contract [--spec FILE|DIR]... [--config FILE] [--strict] [--compiled=false]
//	                [--format text|json|junit|github] [--coverage] [--suggest FILE]
//	                [--shard K/N] RECORDING|DIR...
//	acsgen contract merge [--format text|json|junit|github] REPORT.json...
//	acsgen docs [--spec FILE|DIR]... [--out DIR] [--generated DIR] [--config FILE]
//	            [--check]
//	acsgen diff [--format text|markdown|json] [--fail-on breaking|warning] OLD NEW
//	acsgen mock [--spec FILE|DIR]... [--config FILE] [--addr HOST:PORT]
//	            [--recordings DIR] [--access-key-id ID --access-key-secret-file FILE]
//	acsgen record --upstream URL --out DIR [--spec FILE|DIR]... [--config FILE]
//	              [--addr HOST:PORT] [--max-body BYTES] [--resign]
//	acsgen sign --method METHOD --url URL --action NAME --version VERSION
//	            [--header 'name: value']... [--body FILE] [--date TIME] [--nonce STRING]
//	acsgen import [--operation NAME]... [--out FILE] METADATA
//	acsgen sync --metadata FILE [--spec FILE|DIR]... [--config FILE] [--suggest FILE]
//	            [--format text|json] [--fail-on drift]
//	acsgen version
//	acsgen help [COMMAND]
//
// Flags may come before, after or between the positional arguments; after "--"
// every word is positional. Flags are written -name or --name, with the value as
// the next word or after "=". A bool flag takes its value only after "=":
// --compiled=false, never --compiled false. Settings not given as flags come from
// acsgen.yaml in the current directory (or the --config file) when there is one;
// without --spec or a configured specs list the commands read the spec/ directory
// of the current directory. "acsgen help COMMAND" or
// "acsgen COMMAND -h" describes a command, its flags and examples, on standard
// output; "acsgen --version" prints the version acsgen was built as.
//
// Exit status: 0 when all is well; 1 when the command ran and reported findings
// (stale files, spec problems, contract violations, breaking changes with
// --fail-on); 2 for usage errors and for errors that stopped the command, such as
// unreadable input, a port in use or recordings without any interaction. Usage
// errors are followed by a hint to run "acsgen help COMMAND"; other errors print
// one line. These statuses hold for a built binary (go build ./cmd/acsgen, go
// install): "go run" reports any non-zero status of the program as 1, so under go
// run findings and errors cannot be told apart by the exit status.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError is an error of the caller's: a bad or missing flag or argument.
// Only these errors point to the command's help.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef returns a usageError with a message formatted as by fmt.Errorf.
func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// errFindings means the command ran and reported problems; they are already printed.
var errFindings = errors.New("findings")

// action runs a command with its positional arguments once its flags are parsed.
type action func(ctx context.Context, args []string, stdout, stderr io.Writer) error

// command is one subcommand of acsgen.
type command struct {
	name string
	help helpText
	// flags defines the command's flags on fs and returns the action that uses
	// them. The command line is parsed into fs between the two, so the flags the
	// user set explicitly are the ones fs.Visit reports.
	flags func(fs *flag.FlagSet) action
}

var commands = []command{
	{"generate", generateHelp, generateFlags},
	{"lint", lintHelp, lintFlags},
	{"contract", contractHelp, contractFlags},
	{"contract merge", contractMergeHelp, contractMergeFlags},
	{"docs", docsHelp, docsFlags},
	{"diff", diffHelp, diffFlags},
	{"mock", mockHelp, mockFlags},
	{"record", recordHelp, recordFlags},
	{"sign", signHelp, signFlags},
	{"import", importHelp, importFlags},
	{"sync", syncHelp, syncFlags},
	{"version", versionHelp, versionFlags},
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// lookupArgs finds the command args start with, a subcommand ("contract merge")
// before its command, and returns the arguments after its name. A subcommand's
// name comes right after its command's: to check a directory named merge, write
// acsgen contract ./merge.
func lookupArgs(args []string) (command, []string, bool) {
	if len(args) > 1 {
		if c, ok := lookup(args[0] + " " + args[1]); ok {
			return c, args[2:], true
		}
	}
	c, ok := lookup(args[0])
	return c, args[1:], ok
}

func run(args []string, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdout, stderr)
}

// runContext runs the command line args; serving commands stop when ctx ends.
func runContext(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printCommands(stderr)
		return exitUsage
	}
	switch args[0] {
	case "help":
		return runHelp(args[1:], stdout, stderr)
	case "-h", "-help", "--help":
		printCommands(stdout)
		return exitOK
	case "-version", "--version":
		args = append([]string{"version"}, args[1:]...)
	}
	c, rest, ok := lookupArgs(args)
	if !ok {
		fmt.Fprintf(stderr, "acsgen: unknown command %q\nrun 'acsgen help' for the list of commands\n", args[0])
		return exitUsage
	}
	fs := newFlagSet(c.name)
	act := c.flags(fs)
	pos, err := parseArgs(fs, rest)
	if err == nil {
		err = act(ctx, pos, stdout, stderr)
	}
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		printHelp(stdout, c, fs)
		return exitOK
	case errors.Is(err, errFindings):
		return exitFindings
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "acsgen %s: %v\nrun 'acsgen help %s' for usage\n", c.name, err, c.name)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "acsgen %s: %v\n", c.name, err)
		return exitUsage
	}
}

// runHelp is "acsgen help [COMMAND]".
func runHelp(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		printCommands(stdout)
		return exitOK
	case args[0] == "help" || args[0] == "-h" || args[0] == "-help" || args[0] == "--help":
		if len(args) == 1 {
			printHelpHelp(stdout)
			return exitOK
		}
	}
	c, rest, ok := lookupArgs(args)
	switch {
	case !ok:
		fmt.Fprintf(stderr, "acsgen help: unknown command %q\nrun 'acsgen help' for the list of commands\n", args[0])
		return exitUsage
	case len(rest) > 0:
		fmt.Fprintf(stderr, "acsgen help: want one command, got %q\nrun 'acsgen help' for the list of commands\n", strings.Join(args, " "))
		return exitUsage
	}
	fs := newFlagSet(c.name)
	c.flags(fs)
	printHelp(stdout, c, fs)
	return exitOK
}
