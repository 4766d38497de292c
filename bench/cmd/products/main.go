// Command products imports every product version under a metadata directory
// (Alibaba's api-docs.json files, ../shared/metadata in CI), generates its whole
// package and compiles it, and prints one table row per product: operations,
// generated lines, generation time, and the compile time and peak memory of
// `go build` of the client package alone (its dependencies built beforehand);
// then the same of its contract check package (<product>check, which only
// conformance checking compiles), built after the client it imports. Where
// alibaba-cloud-sdk-go (Alibaba's older official Go SDK, a requirement of this
// module) has a package for the product, a second row measures it the same way.
//
//	go run ./cmd/products [METADATA_DIR]   (make products)
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/internal/gomodtest"
	"github.com/acsgen/acsgen/metadata"
)

func main() {
	dir := "../../shared/metadata"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := run(dir); err != nil {
		fmt.Fprintln(os.Stderr, "products:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*", "api-docs.json"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no */*/api-docs.json under %s", dir)
	}
	root, err := gomodtest.RepoDir()
	if err != nil {
		return err
	}
	mod, err := os.MkdirTemp("", "acsgen-products-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(mod)
	if err := gomodtest.Write(mod, "example.com/products", root); err != nil {
		return err
	}
	// The runtime and its dependencies first, so each measurement is the package.
	if err := os.WriteFile(filepath.Join(mod, "warm.go"), []byte("package products\n\nimport _ \"github.com/acsgen/acsgen/acs\"\n"), 0o644); err != nil {
		return err
	}
	if out, err := gomodtest.Go(mod, "build", "."); err != nil {
		return fmt.Errorf("%v\n%s", err, out)
	}
	fmt.Println("| product | style | operations | generated lines | generate | compile | compile peak RSS | check package lines | check compile | check peak RSS | generator gaps |")
	fmt.Println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, path := range files {
		if err := product(mod, path); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return nil
}

func product(mod, path string) error {
	doc, err := metadata.ReadFile(path)
	if err != nil {
		return err
	}
	name := strings.ToLower(doc.Info.Product)
	spec, _ := metadata.Import(doc, metadata.Options{Source: path})
	specPath := filepath.Join(mod, name+".yaml")
	if err := os.WriteFile(specPath, spec, 0o644); err != nil {
		return err
	}
	start := time.Now()
	pkgs, err := generator.Packages([]string{specPath}, generator.Options{
		Package:    name,
		ImportPath: func(p string) string { return "example.com/products/" + p },
	})
	var dl diag.List
	gaps := 0
	if errors.As(err, &dl) {
		gaps = len(dl) // what the generator cannot send yet; the operations concerned are left out
	} else if err != nil {
		return err
	}
	if len(pkgs) != 1 {
		fmt.Printf("| %s %s | %s | %d | — | — | — | — | — | — | — | %d |\n", doc.Info.Product, doc.Info.Version, doc.Info.Style, doc.APIs.Len(), gaps)
		return nil
	}
	files, err := pkgs[0].Emit()
	if err != nil {
		return err
	}
	gen := time.Since(start)
	lines, checkLines := 0, 0
	checkPkg := generator.CheckPackage(name)
	for _, f := range files {
		n := bytes.Count(f.Src, []byte("\n"))
		if strings.HasPrefix(f.Name, checkPkg+"/") {
			checkLines += n
		} else {
			lines += n
		}
		path := filepath.Join(mod, name, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, f.Src, 0o644); err != nil {
			return err
		}
	}
	elapsed, rss, err := build(mod, "./"+name)
	if err != nil {
		return err
	}
	check := "— | — | —"
	if checkLines > 0 { // built after the client, so this is the check package alone
		checkElapsed, checkRSS, err := build(mod, "./"+name+"/"+checkPkg)
		if err != nil {
			return err
		}
		check = fmt.Sprintf("%d | %.1f s | %d MB", checkLines, checkElapsed.Seconds(), checkRSS>>20)
	}
	fmt.Printf("| %s %s | %s | %d | %d | %.1f s | %.1f s | %d MB | %s | %d |\n", doc.Info.Product, doc.Info.Version, doc.Info.Style,
		len(pkgs[0].API.Operations), lines, gen.Seconds(), elapsed.Seconds(), rss>>20, check, gaps)
	return sdkRow(name, doc.Info.Style)
}

// sdkPrefix is where alibaba-cloud-sdk-go keeps one package per product.
const sdkPrefix = "github.com/aliyun/alibaba-cloud-sdk-go/services/"

// sdkRow measures alibaba-cloud-sdk-go's package of the product, if it has one:
// its lines (tests left out) and `go build` of the package alone, in a build
// cache of its own warmed with everything the package imports.
func sdkRow(name, style string) error {
	pkg := sdkPrefix + name
	out, err := exec.Command("go", "list", "-f", "{{.Dir}}", pkg).Output()
	if err != nil {
		return nil // no such package: nothing to compare
	}
	dir := strings.TrimSpace(string(out))
	goFiles, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return err
	}
	lines, ops := 0, 0
	for _, f := range goFiles {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		lines += bytes.Count(b, []byte("\n"))
		ops += bytes.Count(b, []byte("WithCallback(request *")) // one per operation
	}
	cache, err := os.MkdirTemp("", "acsgen-sdk-cache-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(cache)
	env := append(os.Environ(), "GOCACHE="+cache)
	deps, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", pkg).Output()
	if err != nil {
		return fmt.Errorf("go list -deps %s: %w", pkg, err)
	}
	var warm []string
	for _, d := range strings.Fields(string(deps)) {
		if d != pkg {
			warm = append(warm, d)
		}
	}
	w := exec.Command("go", append([]string{"build"}, warm...)...)
	w.Env = env
	if out, err := w.CombinedOutput(); err != nil {
		return fmt.Errorf("warming the build cache for %s: %v\n%s", pkg, err, out)
	}
	elapsed, rss, err := buildIn("", pkg, env)
	if err != nil {
		return err
	}
	fmt.Printf("| ↳ alibaba-cloud-sdk-go %s | %s | %d | %d | — | %.1f s | %d MB | — | — | — | — |\n", name, style, ops, lines, elapsed.Seconds(), rss>>20)
	return nil
}

// build compiles pkg in mod and returns the wall time and the peak resident memory
// of the go command and the processes it waited for (the compiler), as wait4
// reports them on Linux.
func build(mod, pkg string) (time.Duration, int64, error) {
	return buildIn(mod, pkg, append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off"))
}

func buildIn(mod, pkg string, env []string) (time.Duration, int64, error) {
	cmd := exec.Command("go", "build", pkg)
	cmd.Dir = mod
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, fmt.Errorf("go build %s: %v\n%s", pkg, err, out.String())
	}
	elapsed := time.Since(start)
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return elapsed, 0, errors.New("no resource usage from the go command")
	}
	return elapsed, ru.Maxrss << 10, nil // Maxrss is in KiB on Linux
}
