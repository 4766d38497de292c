package docs

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Example is one example function as a page shows it.
type Example struct {
	File   string // the test file declaring it, e.g. "generated/apig/example_test.go"
	Source string // the file's imports, then the function with its doc comment
}

// ReadExamples returns the example functions of the *_test.go files in dir (the
// hand-written ones and the generated examples_gen_test.go), by name, each with
// its file's imports. A directory that does not exist has none. Files are read in
// name order and the first declaration of a name wins.
func ReadExamples(dir string) (map[string]Example, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]Example{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string]Example{}
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		path := filepath.ToSlash(filepath.Join(dir, e.Name()))
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		funcs, err := parseExamples(path, src)
		if err != nil {
			return nil, err
		}
		for name, text := range funcs {
			if _, dup := out[name]; !dup && strings.HasPrefix(name, "Example") {
				out[name] = Example{File: path, Source: text}
			}
		}
	}
	return out, nil
}

// parseExamples returns the source text of every top-level func in a test file by
// name, with the file's imports and the func's doc comment.
func parseExamples(name string, src []byte) (map[string]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	imports := ""
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			imports += string(src[fset.Position(g.Pos()).Offset:fset.Position(g.End()).Offset]) + "\n\n"
		}
	}
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv != nil {
			continue
		}
		start := fn.Pos()
		if fn.Doc != nil {
			start = fn.Doc.Pos()
		}
		out[fn.Name.Name] = imports + string(src[fset.Position(start).Offset:fset.Position(fn.End()).Offset])
	}
	return out, nil
}
