package emit

import (
	"strconv"

	"github.com/dave/jennifer/jen"
)

// patternVars names the compiled regular expressions of one generated file, a
// variable per distinct pattern in the order first used, and declares them.
type patternVars struct {
	prefix string            // of the variable names, e.g. "pattern"
	names  map[string]string // pattern → variable
	order  []string          // patterns in the order first used
}

// name returns the variable that holds pattern, naming it on first use.
func (p *patternVars) name(pattern string) string {
	if n, ok := p.names[pattern]; ok {
		return n
	}
	if p.names == nil {
		p.names = map[string]string{}
	}
	n := p.prefix + strconv.Itoa(len(p.order))
	p.names[pattern] = n
	p.order = append(p.order, pattern)
	return n
}

// declare writes the variables into f under comment; nothing when there are none.
func (p *patternVars) declare(f *jen.File, comment string) {
	if len(p.order) == 0 {
		return
	}
	f.Comment(comment)
	f.Var().DefsFunc(func(g *jen.Group) {
		for _, pat := range p.order {
			g.Id(p.names[pat]).Op("=").Qual(regexpPkg, "MustCompile").Call(jen.Lit(pat))
		}
	})
	f.Line()
}
