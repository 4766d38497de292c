package generator

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGeneratedGoDocComplete parses every generated file (generated/* and the
// golden cases) and fails on each exported identifier without a doc comment:
// types, functions, methods, constants, variables and struct fields. Methods of
// unexported types and fields of unexported structs are not part of the API.
func TestGeneratedGoDocComplete(t *testing.T) {
	var files []string
	for _, glob := range []string{"../generated/*/*_gen.go", "../generated/*/*check/*_gen.go", "internal/cases/*/*_gen.go", "internal/cases/*/*check/*_gen.go"} {
		m, err := filepath.Glob(glob)
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	fset := token.NewFileSet()
	for _, path := range files {
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
		require.NoError(t, err)
		for _, missing := range undocumented(fset, f) {
			assert.Fail(t, "missing doc comment", missing)
		}
	}
}

func TestUndocumentedFindsEveryKind(t *testing.T) {
	src := `package p
type T struct {
	A int
	// B is documented.
	B int
	c int
}
type u struct{ D int }
func F() {}
func (T) M() {}
func (u) N() {}
const (
	// X is documented.
	X = 1
	Y = 2
)
// Z is documented.
var Z, W = 1, 2
type (
	// V is documented.
	V int
	S int
)
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	require.NoError(t, err)
	var names []string
	for _, m := range undocumented(fset, f) {
		names = append(names, m[strings.LastIndex(m, " ")+1:])
	}
	assert.Equal(t, []string{"T", "T.A", "F", "T.M", "Y", "S"}, names)
}

// undocumented lists "file:line: kind Name" for each exported identifier without
// a doc comment. A grouped const, var or type declaration needs a comment on each
// spec; a comment on a single-spec declaration counts for its spec.
func undocumented(fset *token.FileSet, f *ast.File) []string {
	var out []string
	report := func(pos token.Pos, kind, name string) {
		out = append(out, fmt.Sprintf("%s: %s %s", fset.Position(pos), kind, name))
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if !d.Name.IsExported() {
				continue
			}
			name, kind := d.Name.Name, "func"
			if d.Recv != nil {
				recv := receiverName(d.Recv.List[0].Type)
				if !ast.IsExported(recv) {
					continue
				}
				name, kind = recv+"."+name, "method"
			}
			if d.Doc == nil {
				report(d.Pos(), kind, name)
			}
		case *ast.GenDecl:
			single := len(d.Specs) == 1 && d.Lparen == token.NoPos
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					if !s.Name.IsExported() {
						continue
					}
					if s.Doc == nil && !(single && d.Doc != nil) {
						report(s.Pos(), "type", s.Name.Name)
					}
					if st, ok := s.Type.(*ast.StructType); ok {
						for _, field := range st.Fields.List {
							for _, n := range field.Names {
								// go doc shows a trailing line comment as the field's doc too.
								if n.IsExported() && field.Doc == nil && field.Comment == nil {
									report(n.Pos(), "field", s.Name.Name+"."+n.Name)
								}
							}
						}
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.IsExported() && s.Doc == nil && !(single && d.Doc != nil) {
							report(n.Pos(), d.Tok.String(), n.Name)
						}
					}
				}
			}
		}
	}
	return out
}

func receiverName(expr ast.Expr) string {
	switch e := expr.(type) {
	case *ast.StarExpr:
		return receiverName(e.X)
	case *ast.IndexExpr:
		return receiverName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return ""
}
