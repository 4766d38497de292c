package load

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/internal/yamlsize"
)

// Limits on what a spec may ask of the generator. Real specs stay far below them;
// a spec beyond them is hostile or broken, and is refused with a diagnostic before
// anything tries to resolve it.
const (
	// MaxSpecBytes bounds the spec file: the largest Alibaba Cloud spec is a few MiB.
	MaxSpecBytes = 32 << 20
	// MaxNesting bounds how deeply YAML mappings and sequences nest. Each schema level
	// takes two (properties, then the property), so 256 allows ~120 schema levels.
	MaxNesting = 256
	// MaxRefChain bounds a chain of components that are only a $ref to the next.
	MaxRefChain = 32
	// MaxSpecFiles bounds the other files one spec's $refs may read; together
	// with the spec's own they may hold MaxSpecBytes.
	MaxSpecFiles = 1000
)

func sizeError(path string, size int64) error {
	return diag.List{{Pos: diag.Pos{File: path}, Msg: fmt.Sprintf("spec is %d bytes; the limit is %d (%d MiB)", size, MaxSpecBytes, MaxSpecBytes>>20)}}
}

// tooLarge returns a diagnostic when the spec's YAML aliases expand it past
// MaxSpecBytes. kin-openapi decodes YAML by expanding every alias into a copy, then
// into JSON and back: one anchored 1 MiB string aliased a hundred times is a 1 MiB
// file that took 760 MiB to load, and the YAML decoder's own limit ("excessive
// aliasing") counts aliases against other nodes, not bytes, so filler nodes hide
// them. The expanded size is measured on the Locator's tree, where an alias is
// still a pointer to its anchor.
func (l *Locator) tooLarge() diag.List {
	past := yamlsize.Over(l.root, MaxSpecBytes)
	if past == nil {
		return nil
	}
	return diag.List{{Pos: l.at(past),
		Msg: fmt.Sprintf("YAML aliases expand the spec past %d bytes, the spec size limit (%d MiB); write the repeated parts out, or $ref a component", MaxSpecBytes, MaxSpecBytes>>20)}}
}

// tooDeep returns a diagnostic at the first node nested deeper than MaxNesting.
func (l *Locator) tooDeep() diag.List {
	var found *yaml.Node
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if found != nil {
			return
		}
		if depth > MaxNesting {
			found = n
			return
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(l.root, 0)
	if found == nil {
		return nil
	}
	return diag.List{{Pos: l.at(found),
		Msg: fmt.Sprintf("spec nests deeper than %d levels; declare deep schemas as components and $ref them", MaxNesting)}}
}

// refEdge is a component schema that is, or merges with allOf, another one.
type refEdge struct {
	to  string
	pos diag.Pos
	// part is the path, inside the component, of the allOf part that is the
	// $ref (allOf, 1); nil for the component's own $ref.
	part []string
}

// schemaRefGraph maps each component schema to the components it stands for
// directly: its own $ref, or a $ref among its allOf parts (inline parts included)
// or as the only alternative of a oneOf or anyOf, which is that alternative.
// A cycle in this graph is a schema that would contain itself with no property in
// between; kin-openapi reports such a spec as "unresolved ref" and the generator
// would recurse forever, so load rejects it first with every $ref on the cycle.
func (l *Locator) schemaRefGraph() map[string][]refEdge {
	graph := map[string][]refEdge{}
	schemas := l.node("components", "schemas")
	if schemas == nil || schemas.Kind != yaml.MappingNode {
		return graph
	}
	var collect func(name string, n *yaml.Node, part []string)
	collect = func(name string, n *yaml.Node, part []string) {
		if n == nil || n.Kind != yaml.MappingNode {
			return
		}
		if _, v := l.child(n, "$ref"); v != nil && v.Kind == yaml.ScalarNode {
			if target, ok := strings.CutPrefix(v.Value, "#/components/schemas/"); ok {
				graph[name] = append(graph[name], refEdge{to: pointerPath(target)[0], pos: l.at(v), part: part})
			}
		}
		if _, parts := l.child(n, "allOf"); parts != nil && parts.Kind == yaml.SequenceNode {
			for i, p := range parts.Content {
				collect(name, p, append(slices.Clone(part), "allOf", strconv.Itoa(i)))
			}
		}
		for _, keyword := range []string{"oneOf", "anyOf"} {
			if _, alts := l.child(n, keyword); alts != nil && alts.Kind == yaml.SequenceNode && len(alts.Content) == 1 {
				collect(name, alts.Content[0], append(slices.Clone(part), keyword, "0"))
			}
		}
	}
	for i := 0; i+1 < len(schemas.Content); i += 2 {
		name := schemas.Content[i].Value
		graph[name] = nil
		collect(name, schemas.Content[i+1], nil)
	}
	return graph
}

// selfInclusions takes out of graph, and returns, the allOf parts that are a
// $ref to the component holding them, directly or through components that are
// only a $ref (RecursiveObject: {allOf: [$ref: RecursiveObject, ...]}). A
// schema is already all it is: including itself adds nothing (kin-openapi's
// validation skips a schema it is already inside), so the part is dropped
// (dropSelfInclusions) rather than refused as a cycle.
func selfInclusions(graph map[string][]refEdge) map[string][]refEdge {
	alias := func(name string) (string, bool) {
		for _, e := range graph[name] {
			if e.part == nil {
				return e.to, true
			}
		}
		return "", false
	}
	out := map[string][]refEdge{}
	for _, name := range sortedNames(graph) {
		kept := graph[name][:0:0]
		for _, e := range graph[name] {
			target := e.to
			for range MaxRefChain {
				next, ok := alias(target)
				if target == name || !ok {
					break
				}
				target = next
			}
			if e.part != nil && allOfOnly(e.part) && target == name {
				out[name] = append(out[name], e)
				continue
			}
			kept = append(kept, e)
		}
		graph[name] = kept
	}
	return out
}

// allOfOnly reports whether part steps through allOf parts alone (allOf, 1,
// allOf, 0): a schema merged into itself, not one that is its own alternative.
func allOfOnly(part []string) bool {
	for i := 0; i < len(part); i += 2 {
		if part[i] != "allOf" {
			return false
		}
	}
	return true
}

// refProblems reports $ref cycles without a property in between, and chains of
// components that are only $refs longer than MaxRefChain.
func (l *Locator) refProblems() diag.List {
	graph := l.schemaRefGraph()
	selfInclusions(graph)
	var out diag.List
	reported := map[string]bool{}
	for _, start := range sortedNames(graph) {
		if reported[start] {
			continue
		}
		if cycle := findCycle(graph, start); cycle != nil {
			names := make([]string, 0, len(cycle)+1)
			for _, e := range cycle {
				names = append(names, e.from)
				reported[e.from] = true
			}
			names = append(names, cycle[0].from)
			for _, e := range cycle {
				out.Add(e.pos, "components.schemas."+e.from, "$ref cycle %s: a schema cannot be itself, merge itself (allOf) or be its own only alternative (oneOf, anyOf); put a property between them",
					strings.Join(names, " → "))
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	depth := map[string]int{}
	var chain func(name string) int
	chain = func(name string) int {
		if d, ok := depth[name]; ok {
			return d
		}
		depth[name] = 0
		d := 0
		for _, e := range graph[name] {
			d = max(d, 1+chain(e.to))
		}
		depth[name] = d
		return d
	}
	for _, name := range sortedNames(graph) {
		if d := chain(name); d > MaxRefChain {
			out.Add(l.Pos("components", "schemas", name), "components.schemas."+name,
				"$ref chain is %d components long; the limit is %d", d, MaxRefChain)
			break
		}
	}
	return out
}

type cycleEdge struct {
	from string
	pos  diag.Pos
}

// findCycle returns the edges of a cycle through start, or nil.
func findCycle(graph map[string][]refEdge, start string) []cycleEdge {
	var path []cycleEdge
	onPath := map[string]bool{}
	done := map[string]bool{}
	var visit func(name string) bool
	visit = func(name string) bool {
		onPath[name] = true
		for _, e := range graph[name] {
			path = append(path, cycleEdge{from: name, pos: e.pos})
			if e.to == start {
				return true
			}
			if !onPath[e.to] && !done[e.to] && visit(e.to) {
				return true
			}
			path = path[:len(path)-1]
		}
		onPath[name] = false
		done[name] = true
		return false
	}
	if visit(start) {
		return path
	}
	return nil
}

func sortedNames(graph map[string][]refEdge) []string {
	names := make([]string, 0, len(graph))
	for n := range graph {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
