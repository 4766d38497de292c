package docs

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
)

// parseExamples returns the source text of every top-level func in an
// example_test.go by name, with the file's imports and the func's doc comment.
func parseExamples(name string, src []byte) (map[string]string, error) {
	if len(src) == 0 {
		return nil, fmt.Errorf("%s: missing or empty; it holds the ExampleClient_<Operation> functions the docs show", name)
	}
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
