package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/acsgen/acsgen/internal/textwrap"
)

// helpText describes a command for "acsgen help".
type helpText struct {
	summary  string    // one line for the list of commands
	usage    string    // the synopsis after "acsgen "
	about    string    // what the command does; paragraphs separated by blank lines
	examples []example // one or two
}

type example struct{ what, line string }

// helpWidth is the width help paragraphs are wrapped to.
const helpWidth = 80

// printCommands prints the list of commands with one line each.
func printCommands(w io.Writer) {
	fmt.Fprintln(w, "acsgen generates Go clients from OpenAPI specs of Alibaba Cloud APIs and checks")
	fmt.Fprintln(w, "specs and recorded traffic against them.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "usage: acsgen COMMAND [flags] [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	width := 0
	for _, c := range commands {
		width = max(width, len(c.name))
	}
	for _, c := range commands {
		fmt.Fprintf(w, "  %-*s %s\n", width, c.name, c.help.summary)
	}
	fmt.Fprintf(w, "  %-*s %s\n", width, "help", "describe a command: what it does, its flags, examples")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "run 'acsgen help COMMAND' (or 'acsgen COMMAND -h') for the details of a command;")
	fmt.Fprintln(w, "'acsgen --version' prints the version")
}

// printHelp prints a command's synopsis, description, flags and examples.
func printHelp(w io.Writer, c command, fs *flag.FlagSet) {
	fmt.Fprintln(w, synopsis(c.help.usage, helpWidth))
	fmt.Fprintln(w)
	fmt.Fprint(w, wrap(c.help.about, helpWidth))
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprintln(w, "\nflags:")
		printFlags(w, fs)
	}
	if len(c.help.examples) > 0 {
		fmt.Fprintln(w, "\nexamples:")
		for _, e := range c.help.examples {
			fmt.Fprintf(w, "  # %s\n  acsgen %s\n", e.what, e.line)
		}
	}
}

func printHelpHelp(w io.Writer) {
	fmt.Fprintln(w, "usage: acsgen help [COMMAND]")
	fmt.Fprintln(w)
	fmt.Fprint(w, wrap("Help describes COMMAND: what it does, its flags and examples. Without a command it lists them all. 'acsgen COMMAND -h' prints the same as 'acsgen help COMMAND'.", helpWidth))
}

// printFlags lists fs's flags as flag.PrintDefaults does, but with two dashes,
// the way the help texts and the README write them.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		switch f.DefValue {
		case "", "false", "0", "[]":
		default:
			// \x00 keeps "(default X)" on one line; wrap sees one word.
			usage += " (default\x00" + f.DefValue + ")"
		}
		fmt.Fprintln(w, line)
		fmt.Fprint(w, strings.ReplaceAll(indent(wrap(usage, helpWidth-8), "        "), "\x00", " "))
	})
}

// synopsis is "usage: acsgen " and usage, wrapped to width with continuation
// lines indented under the first argument. A bracketed or quoted group is never
// broken.
func synopsis(usage string, width int) string {
	name, rest, _ := strings.Cut(usage, " ")
	lead := "usage: acsgen " + name
	pad := strings.Repeat(" ", len(lead)+1)
	var b strings.Builder
	b.WriteString(lead)
	n := len(lead)
	for _, group := range groups(rest) {
		if n+1+len(group) > width && n > len(pad) {
			b.WriteString("\n" + pad[:len(pad)-1])
			n = len(pad) - 1
		}
		b.WriteString(" " + group)
		n += 1 + len(group)
	}
	return b.String()
}

// groups splits a synopsis at the spaces outside brackets and quotes.
func groups(s string) []string {
	var out []string
	depth, quoted, start := 0, false, 0
	for i, r := range s {
		switch {
		case r == '\'':
			quoted = !quoted
		case quoted:
		case r == '[':
			depth++
		case r == ']':
			depth--
		case r == ' ' && depth == 0:
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// wrap fills each paragraph of text (paragraphs are separated by a blank line) to
// width columns, and ends every line with a newline.
func wrap(text string, width int) string {
	var b strings.Builder
	for i, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(textwrap.Fill(para, width))
		b.WriteString("\n")
	}
	return b.String()
}

// indent puts prefix before every non-empty line of text.
func indent(text, prefix string) string {
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "")
}

var generateHelp = helpText{
	summary: "write a Go client package for each spec",
	usage:   "generate [--spec FILE|DIR]... [--out DIR] [--package NAME] [--config FILE] [--check]",
	about: `Generate reads each spec and writes its Go client, models, enums and one
compiled example per operation to <out>/<package> as *_gen.go and
examples_gen_test.go, and the checks acsgen contract compiles in to
<out>/<package>/<package>check. Spec files of one product and version go to one package;
what they disagree on is reported with both places. Files of that kind the specs
no longer produce are removed; other files in the directory are never touched, so
hand-written code (an ExampleClient_<Operation> of your own, say) can live beside
the generated code. A spec with problems is reported with file, line and column,
nothing is written for it, and the exit status is 1.

Settings not given as flags come from acsgen.yaml in the current directory, or
the file --config names: specs, out and packages (a package name per spec file).
The examples and the check package import the package by its path in the Go
module holding <out>; outside a module neither is written.

With --check nothing is written: the files that are stale, missing or no longer
generated are listed, and the exit status is 1 if there are any.`,
	examples: []example{
		{"generate a client for every spec in spec/ into generated/", "generate"},
		{"fail in CI when generated/ is out of date", "generate --check"},
	},
}

var lintHelp = helpText{
	summary: "report the problems in the specs, writing nothing",
	usage:   "lint [--spec FILE|DIR]... [--config FILE]",
	about: `Lint loads and builds each spec as generate would and prints every problem that
would stop generation on standard output, one per line with file, line and
column, and a count on standard error. It writes no files. The exit status is 1
when there are problems.`,
	examples: []example{
		{"check every spec in spec/", "lint"},
		{"check one spec", "lint --spec spec/apig-2024-03-27.yaml"},
	},
}

var contractHelp = helpText{
	summary: "check recorded traffic against the specs",
	usage:   "contract [--spec FILE|DIR]... [--config FILE] [--strict] [--compiled=false] [--format text|json|junit|github] [--coverage] [--suggest FILE] [--shard K/N] RECORDING|DIR...",
	about: `Contract takes each interaction of the recordings, finds the operation of the
specs it calls and checks the request and the response against that operation.
A recording is a go-vcr v4 cassette (.yaml, .yml) or a HAR 1.2 file (.har); a
directory is searched for both, including its subdirectories.

Findings go to standard output in the chosen format and a summary line to
standard error. The exit status is 1 when there are findings, and 2 when the
recordings hold no interaction at all: an empty input is not a passing check.
--strict also reports drift: properties and query parameters the spec does not
declare, statuses only a default response covers, and values outside an open
enum.

--shard K/N checks the K-th of N parts of the interactions, picked by a hash of
each one, so that N CI jobs can share the work: run every shard with the same
arguments and --format json, then put the reports together with acsgen contract
merge.`,
	examples: []example{
		{"check cassettes against the specs in spec/", "contract testdata/cassettes"},
		{"a JUnit report with drift for CI", "contract --strict --format junit recordings/ > contract.xml"},
	},
}

var contractMergeHelp = helpText{
	summary: "merge the JSON reports of the shards of one contract run",
	usage:   "contract merge [--format text|json|junit|github] REPORT.json...",
	about: `Contract merge reads the JSON reports of every shard of one run of acsgen
contract --shard K/N --format json and prints, in the chosen format, the report
a single run over all the recordings would have printed, coverage included when
the shards had it. The summary line goes to standard error.

The exit status is what that single run's would have been: 1 when there are
findings. It is 2 when a shard's report is missing, given twice, unreadable, or
was made with other specs, recordings or flags than the rest.`,
	examples: []example{
		{"merge four shards into one JUnit report", "contract merge --format junit shard-1.json shard-2.json shard-3.json shard-4.json > contract.xml"},
	},
}

var docsHelp = helpText{
	summary: "write the Markdown reference for the specs",
	usage:   "docs [--spec FILE|DIR]... [--out DIR] [--generated DIR] [--config FILE] [--check]",
	about: `Docs renders a Markdown reference: <out>/README.md and a page per operation
under <out>/<package>/, each showing the example tests of the generated package
under --generated and naming it by its import path. Pages no longer produced are
removed; other files are left alone. A generated package without examples is a
finding (exit status 1). acsgen.yaml gives specs, docs (as --out) and out (as
--generated) when the flags do not.

With --check nothing is written: stale, missing and extra pages are listed, and
the exit status is 1 if there are any.`,
	examples: []example{
		{"write docs/ from spec/ and generated/", "docs"},
		{"fail in CI when docs/ is out of date", "docs --check"},
	},
}

var diffHelp = helpText{
	summary: "compare two versions of a spec and of the Go API it generates",
	usage:   "diff [--format text|markdown|json] [--fail-on breaking|warning] OLD NEW",
	about: `Diff compares two versions of one spec and reports oasdiff's changes, the
changes to the generated Go API and the semver step they call for. OLD and NEW
are files or git REV:PATH (PATH relative to the repository root); an existing
file wins over the git form.

By default diff only reports. With --fail-on breaking the exit status is 1 on a
breaking spec change or an incompatible Go API change; --fail-on warning adds
oasdiff's warnings.`,
	examples: []example{
		{"what the working tree changed since main", "diff main:spec/apig-2024-03-27.yaml spec/apig-2024-03-27.yaml"},
		{"a Markdown review comment that fails on breaking changes", "diff --format markdown --fail-on breaking old.yaml new.yaml"},
	},
}

var mockHelp = helpText{
	summary: "serve the specs' operations over HTTP for tests",
	usage:   "mock [--spec FILE|DIR]... [--config FILE] [--addr HOST:PORT] [--recordings DIR] [--access-key-id ID --access-key-secret-file FILE]",
	about: `Mock serves every operation of the specs, answering from the go-vcr cassettes
under --recordings where one matches and from the spec's examples otherwise.
Given an access key (by the flags, or by $ALIBABA_CLOUD_ACCESS_KEY_ID and
$ALIBABA_CLOUD_ACCESS_KEY_SECRET) it verifies every request's ACS3 signature and
refuses bad ones as the service would. The secret is read from a file or the
environment, never taken on the command line, where any user of the machine
could read it in the process list.

It prints the address it listens on to standard output (useful with port 0)
and runs until SIGINT or SIGTERM, then lets requests in flight finish.`,
	examples: []example{
		{"serve spec/ on the default address", "mock"},
		{"answer from recordings on a free port", "mock --addr 127.0.0.1:0 --recordings testdata/cassettes"},
	},
}

var recordHelp = helpText{
	summary: "proxy to an endpoint and write the traffic as cassettes",
	usage:   "record --upstream URL --out DIR [--spec FILE|DIR]... [--config FILE] [--addr HOST:PORT] [--max-body BYTES] [--resign]",
	about: `Record listens on --addr, forwards every request to --upstream and writes each
exchange as a go-vcr cassette under --out, in a directory per product and named
after the operation the specs match. Point a client's endpoint at the address
it prints.

A client signs for the host it talks to, which is the proxy; --resign signs
ACS3 requests again for the upstream host with $ALIBABA_CLOUD_ACCESS_KEY_ID,
$ALIBABA_CLOUD_ACCESS_KEY_SECRET and $ALIBABA_CLOUD_SECURITY_TOKEN. Record runs
until SIGINT or SIGTERM.`,
	examples: []example{
		{"record calls to API Gateway in Hangzhou", "record --upstream https://apig.cn-hangzhou.aliyuncs.com --out testdata/cassettes --resign"},
	},
}

var signHelp = helpText{
	summary: "sign one request with ACS3-HMAC-SHA256 and show each step",
	usage:   "sign --method METHOD --url URL --action NAME --version VERSION [--header 'name: value']... [--body FILE] [--date TIME] [--nonce STRING]",
	about: `Sign signs one request the way the generated clients do and prints the
canonical request, the string to sign and the headers to send. It helps with
SignatureDoesNotMatch: the service's error message holds the string to sign it
computed, to compare with the one printed here.

--action and --version are required: they are the x-acs-action and
x-acs-version headers every ACS3 request carries (either may instead be given
as --header). Credentials come from the default chain, starting with
$ALIBABA_CLOUD_ACCESS_KEY_ID and $ALIBABA_CLOUD_ACCESS_KEY_SECRET. The secret is
never printed and a security token is shown as <redacted>.`,
	examples: []example{
		{"sign a ROA call", "sign --method GET --url https://apig.cn-hangzhou.aliyuncs.com/v1/plugin-attachments/pa-1 --action GetPluginAttachment --version 2024-03-27"},
		{"reproduce a signature with a fixed date and nonce", "sign --method POST --url 'https://apigateway.cn-hangzhou.aliyuncs.com/?PluginId=p' --action AttachPlugin --version 2016-07-14 --date 2026-03-16T08:30:00Z --nonce 0123abcd"},
	},
}

var versionHelp = helpText{
	summary: "print the version of acsgen and of Go that built it",
	usage:   "version",
	about: `Version prints the module version acsgen was built as and the Go version that
built it; 'acsgen --version' does the same. A binary built from a checkout
reports (devel), with the commit and whether the tree had changes when the
build recorded them.`,
	examples: []example{
		{"the version of the installed binary", "--version"},
	},
}
