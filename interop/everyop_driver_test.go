package interop_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"text/template"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/internal/gomodtest"
)

// The acsgen side of the every-operation wire test: the imported specs become
// packages of a throwaway module, with a driver program that reads one call per
// line on stdin (package, operation, the request as JSON), decodes the request
// into the generated request type through its json tags, sends it with the
// generated client and answers one line on stdout. The test talks to it call by
// call, so each captured request belongs to one call.

const driverModule = "example.com/wiredriver"

// driverCall is one line the driver reads.
type driverCall struct {
	Pkg      string          `json:"pkg"`
	Op       string          `json:"op"`
	Endpoint string          `json:"endpoint"`
	Token    string          `json:"token,omitempty"`
	Req      json.RawMessage `json:"req"`
}

// driverResult is one line the driver writes: the call's error, if any. Whether
// anything was sent the server tells.
type driverResult struct {
	Error string `json:"error,omitempty"`
}

// driver is the running driver program.
type driver struct {
	in  io.WriteCloser
	out *bufio.Scanner
}

// call sends one call and waits for its answer.
func (d *driver) call(t *testing.T, c driverCall) driverResult {
	t.Helper()
	line, err := json.Marshal(c)
	require.NoError(t, err)
	_, err = d.in.Write(append(line, '\n'))
	require.NoError(t, err)
	require.True(t, d.out.Scan(), "the driver stopped: %v", d.out.Err())
	var r driverResult
	require.NoError(t, json.Unmarshal(d.out.Bytes(), &r), "driver said %q", d.out.Text())
	return r
}

// startDriver generates the packages from the spec files (one per product), builds
// the driver and starts it. It returns the driver and each package's API.
func startDriver(t *testing.T, specs map[string]string) (*driver, map[string]*ir.API) {
	t.Helper()
	dir := t.TempDir()
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	require.NoError(t, gomodtest.Write(dir, driverModule, root))
	apis := map[string]*ir.API{}
	for pkg, spec := range specs {
		path := filepath.Join(dir, pkg+".yaml")
		require.NoError(t, os.WriteFile(path, []byte(spec), 0o644))
		pkgs, err := generator.Packages([]string{path}, generator.Options{Package: pkg})
		require.NoError(t, err, "generating %s", pkg)
		require.Len(t, pkgs, 1)
		files, err := pkgs[0].Emit()
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Join(dir, pkg), 0o755))
		for _, f := range files {
			require.NoError(t, os.WriteFile(filepath.Join(dir, pkg, f.Name), f.Src, 0o644))
		}
		apis[pkg] = pkgs[0].API
	}
	var src bytes.Buffer
	require.NoError(t, driverTemplate.Execute(&src, map[string]any{
		"Module": driverModule, "APIs": apis, "AKID": akID, "AKSecret": akSecret, "STSID": stsID, "STSSecret": stsSecret,
	}))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), src.Bytes(), 0o644))
	bin := filepath.Join(dir, "driver")
	_, err = gomodtest.Go(dir, "build", "-o", bin, ".")
	require.NoError(t, err)

	cmd := exec.Command(bin)
	in, err := cmd.StdinPipe()
	require.NoError(t, err)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = in.Close()
		_ = cmd.Wait()
	})
	sc := bufio.NewScanner(out)
	sc.Buffer(nil, 1<<20)
	return &driver{in: in, out: sc}, apis
}

var driverTemplate = template.Must(template.New("driver").Funcs(template.FuncMap{
	"quote": func(s string) string { return fmt.Sprintf("%q", s) },
}).Parse(`// Code written by the interop test: the driver of the every-operation wire test.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/acsgen/acsgen/acs"
{{- range $pkg, $api := .APIs}}
	"{{$.Module}}/{{$pkg}}"
{{- end}}
)

type call struct {
	Pkg      string          ` + "`json:\"pkg\"`" + `
	Op       string          ` + "`json:\"op\"`" + `
	Endpoint string          ` + "`json:\"endpoint\"`" + `
	Token    string          ` + "`json:\"token\"`" + `
	Req      json.RawMessage ` + "`json:\"req\"`" + `
}

func options(c call) []acs.Option {
	id, secret := {{quote .AKID}}, {{quote .AKSecret}}
	if c.Token != "" {
		id, secret = {{quote .STSID}}, {{quote .STSSecret}}
	}
	return []acs.Option{
		acs.WithEndpoint(c.Endpoint),
		acs.WithCredentials(acs.StaticCredentials(id, secret, c.Token)),
		acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}),
	}
}

var ops = map[string]func(ctx context.Context, c call) error{
{{- range $pkg, $api := .APIs}}{{range $api.Operations}}
	{{quote (printf "%s.%s" $pkg .ID)}}: func(ctx context.Context, c call) error {
		var req {{$pkg}}.{{.Request}}
		if err := json.Unmarshal(c.Req, &req); err != nil {
			return fmt.Errorf("decode request: %w", err)
		}
		client, err := {{$pkg}}.NewClient(options(c)...)
		if err != nil {
			return err
		}
		_, err = client.{{.GoName}}(ctx, &req)
		return err
	},
{{- end}}{{end}}
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(nil, 1<<20)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var c call
		result := map[string]any{}
		if err := json.Unmarshal(in.Bytes(), &c); err != nil {
			result["error"] = err.Error()
		} else if op := ops[c.Pkg+"."+c.Op]; op == nil {
			result["error"] = "no operation " + c.Pkg + "." + c.Op
		} else if err := op(context.Background(), c); err != nil {
			result["error"] = err.Error()
		}
		if err := out.Encode(result); err != nil {
			os.Exit(1)
		}
	}
}
`))
