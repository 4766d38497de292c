// Command corpus runs acsgen and oapi-codegen over a directory of public OpenAPI
// 3.0 specs (by default kin-openapi's own test data, from the module cache) and
// counts, for each generator, the specs whose code builds and vets, those it
// refuses with diagnostics, and those where it fails worse: a panic, an error
// without a position, or code that does not compile. acsgen's refusals are listed
// with their first diagnostic, which is what to work on next.
//
//	go run ./cmd/corpus [-v] [DIR]   (make corpus)
//
// The specs are read where they are and never copied into this repository.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/internal/gomodtest"
)

func main() {
	verbose := flag.Bool("v", false, "list every spec, not only acsgen's refusals and failures")
	child := flag.String("child", "", "internal: run one generator (acsgen or oapi) on one spec into -out")
	out := flag.String("out", "", "internal: the package directory -child writes")
	flag.Parse()
	if *child != "" {
		os.Exit(runChild(*child, flag.Arg(0), *out))
	}
	dir := flag.Arg(0)
	if dir == "" {
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/getkin/kin-openapi").Output()
		if err != nil {
			fmt.Fprintln(os.Stderr, "corpus: finding kin-openapi's module directory:", err)
			os.Exit(1)
		}
		dir = strings.TrimSpace(string(out))
	}
	if err := run(dir, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

// outcome is what one generator made of one spec.
type outcome struct {
	kind   string // builds, refused, panic, unpositioned, broken
	detail string
	pkg    string // the generated package's directory in the module, if any
}

type spec struct {
	path             string
	acsgen, oapiCode outcome
}

var openapi30 = regexp.MustCompile(`(?m)^\s*"?openapi"?\s*:\s*["']?3\.0\.\d`)

func run(dir string, verbose bool) error {
	var specs []*spec
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(path) {
		case ".yaml", ".yml", ".json":
		default:
			return nil
		}
		head := make([]byte, 4096)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		n, _ := f.Read(head)
		f.Close()
		if openapi30.Match(head[:n]) {
			specs = append(specs, &spec{path: path})
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(specs) == 0 {
		return fmt.Errorf("no OpenAPI 3.0 specs under %s", dir)
	}
	root, err := gomodtest.RepoDir()
	if err != nil {
		return err
	}
	mod, err := os.MkdirTemp("", "acsgen-corpus-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(mod)
	if err := gomodtest.Write(mod, "example.com/corpus", root); err != nil {
		return err
	}
	if err := addOapiRuntime(mod); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	for i, s := range specs {
		s.acsgen = generate(self, "acsgen", s.path, mod, fmt.Sprintf("acsgen/c%03d", i))
		s.oapiCode = generate(self, "oapi", s.path, mod, fmt.Sprintf("oapi/c%03d", i))
	}
	// oapi-codegen's runtime brings requirements of its own; go.sum has their hashes.
	if out, err := gomodtest.Go(mod, "mod", "tidy"); err != nil {
		return fmt.Errorf("go mod tidy: %v\n%s", err, out)
	}
	broken, err := vetFailures(mod)
	if err != nil {
		return err
	}
	for _, s := range specs {
		for _, o := range []*outcome{&s.acsgen, &s.oapiCode} {
			if o.kind == "builds" {
				if msg, bad := brokenUnder(broken, o.pkg); bad {
					o.kind, o.detail = "broken", msg
				}
			}
		}
	}
	report(dir, specs, verbose)
	return nil
}

type file struct {
	name string
	src  []byte
}

// generate runs one generator on one spec in a child process of this command:
// a generator may die of a stack overflow, which no recover catches (oapi-codegen
// v2.8.2 does on a recursive schema of kin-openapi's test data).
func generate(self, gen, path, mod, pkg string) outcome {
	dir := filepath.Join(mod, pkg)
	cmd := exec.Command(self, "-child", gen, "-out", dir, path)
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stdout
	err := cmd.Run()
	kind, detail, _ := strings.Cut(strings.TrimSpace(stdout.String()), "\t")
	var exit *exec.ExitError
	switch {
	case err == nil:
		return outcome{kind: "builds", pkg: "example.com/corpus/" + pkg}
	case errors.As(err, &exit) && exit.ExitCode() == childOutcome:
		return outcome{kind: kind, detail: detail}
	default:
		return outcome{kind: "panic", detail: fmt.Sprintf("%v: %s", err, firstLine(stdout.String()))}
	}
}

// childOutcome is the exit status of a child that prints "KIND\tDETAIL".
const childOutcome = 3

func runChild(gen, path, dir string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("panic\t%v", r)
			code = childOutcome
		}
	}()
	pkg := filepath.Base(dir)
	var files []file
	var err error
	if gen == "acsgen" {
		files, err = runAcsgen(path, pkg)
	} else {
		files, err = runOapi(path, pkg)
	}
	var dl diag.List
	isDiag := errors.As(err, &dl)
	dl = slices.DeleteFunc(slices.Clone(dl), func(d diag.Diagnostic) bool { return d.Warning }) // errors only
	switch {
	case isDiag && len(dl) > 0 && dl[0].Pos.File != "" && dl[0].Pos.Line > 0:
		fmt.Printf("refused\t%s", dl[0])
		return childOutcome
	case isDiag:
		fmt.Printf("unpositioned\t%v", err)
		return childOutcome
	case err != nil:
		fmt.Printf("refused\t%v", err)
		return childOutcome
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Printf("broken\t%v", err)
		return childOutcome
	}
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.name)) // acsgen's check package is a subdirectory
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fmt.Printf("broken\t%v", err)
			return childOutcome
		}
		if err := os.WriteFile(path, f.src, 0o644); err != nil {
			fmt.Printf("broken\t%v", err)
			return childOutcome
		}
	}
	return 0
}

func runAcsgen(path, pkg string) ([]file, error) {
	files, _, err := generator.Generate(generator.Config{Spec: path, Package: pkg, ImportPath: "example.com/corpus/acsgen/" + pkg})
	if err != nil {
		return nil, err
	}
	var out []file
	for _, f := range files {
		out = append(out, file{f.Name, f.Src})
	}
	return out, nil
}

// runOapi generates models and a client with oapi-codegen, configured as
// bench/generate_bench_test.go does.
func runOapi(path, pkg string) ([]file, error) {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = true
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, err
	}
	code, err := codegen.Generate(doc, codegen.Configuration{
		PackageName:   pkg,
		Generate:      codegen.GenerateOptions{Models: true, Client: true},
		OutputOptions: codegen.OutputOptions{ResponseTypeSuffix: "HTTPResponse"},
	})
	if err != nil {
		return nil, err
	}
	return []file{{"gen.go", []byte(code)}}, nil
}

// brokenUnder reports whether vet found pkg, or a package under it (acsgen's
// check package), broken, and its message.
func brokenUnder(broken map[string]string, pkg string) (string, bool) {
	if msg, bad := broken[pkg]; bad {
		return msg, true
	}
	for _, k := range slices.Sorted(maps.Keys(broken)) {
		if strings.HasPrefix(k, pkg+"/") {
			return broken[k], true
		}
	}
	return "", false
}

var pkgHeader = regexp.MustCompile(`^# (example\.com/corpus/\S+)`)

// vetFailures runs go vet over the module once and returns the packages it
// reports, each with its first message.
func vetFailures(mod string) (map[string]string, error) {
	out, err := gomodtest.Go(mod, "vet", "./...")
	broken := map[string]string{}
	if err == nil {
		return broken, nil
	}
	current := ""
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if m := pkgHeader.FindStringSubmatch(line); m != nil {
			current = strings.TrimSuffix(m[1], " [example.com/corpus/"+strings.TrimPrefix(m[1], "example.com/corpus/")+".test]")
			if _, seen := broken[current]; !seen {
				broken[current] = ""
			}
			continue
		}
		if current != "" && broken[current] == "" {
			broken[current] = strings.TrimSpace(line)
		}
	}
	if len(broken) == 0 {
		return nil, fmt.Errorf("go vet failed without naming a package: %v\n%s", err, out)
	}
	return broken, nil
}

func report(dir string, specs []*spec, verbose bool) {
	count := func(pick func(*spec) outcome) map[string]int {
		n := map[string]int{}
		for _, s := range specs {
			n[pick(s).kind]++
		}
		return n
	}
	a, o := count(func(s *spec) outcome { return s.acsgen }), count(func(s *spec) outcome { return s.oapiCode })
	fmt.Printf("%d OpenAPI 3.0 specs under %s\n\n", len(specs), dir)
	fmt.Println("| generator | builds and vets | refused (diagnostics) | panic | unpositioned error | code that does not build |")
	fmt.Println("|---|---:|---:|---:|---:|---:|")
	for _, row := range []struct {
		name string
		n    map[string]int
	}{{"acsgen", a}, {"oapi-codegen v2", o}} {
		fmt.Printf("| %s | %d | %d | %d | %d | %d |\n", row.name, row.n["builds"], row.n["refused"], row.n["panic"], row.n["unpositioned"], row.n["broken"])
	}
	fmt.Println()
	sort.Slice(specs, func(i, j int) bool { return specs[i].path < specs[j].path })
	for _, s := range specs {
		if s.acsgen.kind == "builds" && !verbose {
			continue
		}
		rel, _ := filepath.Rel(dir, s.path)
		fmt.Printf("- %s: acsgen %s, oapi-codegen %s", rel, s.acsgen.kind, s.oapiCode.kind)
		if s.acsgen.detail != "" {
			fmt.Printf("\n    %s", firstLine(strings.TrimPrefix(s.acsgen.detail, dir+"/")))
		}
		fmt.Println()
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

// addOapiRuntime lets the module build oapi-codegen's output: it requires
// oapi-codegen's runtime at the version this (bench) module does, whose go.sum
// holds the hashes of it and its dependencies.
func addOapiRuntime(mod string) error {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Path}}@{{.Version}} {{.GoMod}}", "github.com/oapi-codegen/runtime").Output()
	if err != nil {
		return fmt.Errorf("finding oapi-codegen's runtime: %w", err)
	}
	version, _, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
	if out, err := gomodtest.Go(mod, "mod", "edit", "-require="+version); err != nil {
		return fmt.Errorf("%v\n%s", err, out)
	}
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		return fmt.Errorf("run corpus from the bench module: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(mod, "go.sum"), os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(sum)
	return err
}
