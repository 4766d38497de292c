package load

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/acsgen/acsgen/generator/diag"
)

// A spec may be split into files: a $ref to "schemas/pet.yaml" or
// "common.yaml#/components/schemas/Error", relative to the file that writes it.
// bundle reads those files and makes the spec one document before anything else
// sees it, so kin-openapi, build, docs, contract and mock need no notion of files:
//
//   - a component of the spec that is only a $ref to another file takes the
//     target's place, under the spec's own name for it;
//   - any other object a $ref names in another file becomes a component of its
//     section (a schema under components.schemas), named by the last segment of
//     the pointer or else the file's name ("pet"), and the $ref points at it;
//   - a path item from another file is written in place.
//
// The nodes keep the line and column they have in their own file, and the
// Locator knows which file holds each (owner), so every diagnostic names the file
// and line where the problem is written. Files are read only inside the spec's
// directory tree: a URL, an absolute path or a path leading out of the tree is a
// diagnostic at the $ref, never a read.

// refTarget is what a $ref names: a node of one file.
type refTarget struct {
	part *Locator
	ptr  string // JSON pointer into the file, "" for the whole file
	node *yaml.Node
}

func (t refTarget) key() string { return t.part.file + "#" + t.ptr }

type bundler struct {
	root  *Locator
	dir   string // the spec's directory: the tree $refs may read from
	read  func(path string) ([]byte, error)
	parts map[string]*Locator // other files by path; nil for one that did not load
	order []string            // their paths, in the order first read
	size  int                 // bytes of every file read, the spec's own included

	names    map[string]map[string]string // section → target key → component name
	declared map[string]map[string]bool   // section → names the bundled spec declares
	done     map[*yaml.Node]bool          // $ref values and objects already handled
	diags    diag.List
	warnings diag.List
}

func newBundler(root *Locator, read func(string) ([]byte, error), size int) *bundler {
	root.owner = map[*yaml.Node]*Locator{}
	return &bundler{root: root, dir: path.Dir(root.file), read: read, parts: map[string]*Locator{}, size: size,
		names: map[string]map[string]string{}, declared: map[string]map[string]bool{}, done: map[*yaml.Node]bool{}}
}

// hasFileRefs reports whether any $ref of the tree names another file; a spec
// without one skips bundling altogether.
func hasFileRefs(n *yaml.Node) bool {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "$ref" && v.Kind == yaml.ScalarNode && !strings.HasPrefix(v.Value, "#") {
				return true
			}
		}
	}
	for _, c := range n.Content {
		if hasFileRefs(c) {
			return true
		}
	}
	return false
}

// resolve finds what the $ref value v, written in file from, names. Problems are
// reported at v; ok is false then.
func (b *bundler) resolve(v *yaml.Node, from *Locator) (refTarget, bool) {
	file, ptr, problem := b.refPath(from.file, v.Value)
	if problem != "" {
		b.diags.Add(from.at(v), "", "$ref %q %s", v.Value, problem)
		return refTarget{}, false
	}
	part := b.root
	if file != b.root.file {
		if part = b.part(file, v, from); part == nil {
			return refTarget{}, false
		}
	}
	node := part.root
	if ptr != "" {
		node = part.node(pointerPath(strings.TrimPrefix(ptr, "/"))...)
	}
	if node == nil {
		b.diags.Add(from.at(v), "", "$ref %q resolves to nothing in %s", v.Value, file)
		return refTarget{}, false
	}
	return refTarget{part: part, ptr: ptr, node: deref(node)}, true
}

// refPath splits a $ref written in file from into the file it names and the JSON
// pointer, or says why it names no file acsgen reads.
func (b *bundler) refPath(from, ref string) (file, ptr, problem string) {
	filePart, frag, _ := strings.Cut(ref, "#")
	if frag != "" && !strings.HasPrefix(frag, "/") {
		return "", "", "has a fragment that is not a JSON pointer (#/components/...)"
	}
	if filePart == "" {
		return from, frag, ""
	}
	u, err := url.Parse(filePart)
	switch {
	case err != nil:
		return "", "", "is not a valid reference: " + err.Error()
	case u.Scheme != "" || u.Host != "" || strings.HasPrefix(filePart, "//"):
		return "", "", "is a URL; acsgen reads only files in the spec's directory tree, never the network"
	case path.IsAbs(u.Path) || strings.HasPrefix(u.Path, `\`):
		return "", "", "is an absolute path; write it relative to the file it is in"
	}
	file = path.Join(path.Dir(from), u.Path)
	if !within(b.dir, file) {
		return "", "", fmt.Sprintf("leads outside the spec's directory tree (%s); acsgen reads only files inside it", b.dir)
	}
	return file, frag, ""
}

// within reports whether the cleaned slash path p is inside directory dir.
func within(dir, p string) bool {
	if dir == "." {
		return p != ".." && !strings.HasPrefix(p, "../") && !path.IsAbs(p)
	}
	return strings.HasPrefix(p, strings.TrimSuffix(dir, "/")+"/")
}

var notWordName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// componentName is the name a target gets as a component: the last segment of
// its pointer, else the file's name without extension ("schemas/pet.yaml" →
// "pet"), with characters component names may not hold (OpenAPI allows
// A-Z a-z 0-9 . _ -) as "_".
func componentName(t refTarget) string {
	name := ""
	if t.ptr != "" {
		segs := pointerPath(strings.TrimPrefix(t.ptr, "/"))
		name = segs[len(segs)-1]
	} else {
		name = path.Base(t.part.file)
		if ext := path.Ext(name); ext != "" {
			name = strings.TrimSuffix(name, ext)
		}
	}
	name = strings.Trim(notWordName.ReplaceAllString(name, "_"), "_")
	if name == "" {
		name = "ref"
	}
	return name
}

// part returns the Locator of another file of the spec, reading it on first use.
// A file that cannot be read is reported at the $ref that names it, once.
func (b *bundler) part(file string, v *yaml.Node, from *Locator) *Locator {
	if p, seen := b.parts[file]; seen {
		return p
	}
	b.parts[file] = nil
	if len(b.order) >= MaxSpecFiles {
		b.diags.Add(from.at(v), "", "$ref %q would read file %d of the spec; the limit is %d", v.Value, len(b.order)+1, MaxSpecFiles)
		return nil
	}
	data, err := b.read(file)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, fs.ErrNotExist) {
			msg = file + " does not exist"
		}
		b.diags.Add(from.at(v), "", "$ref %q: %s", v.Value, msg)
		return nil
	}
	if b.size += len(data); b.size > MaxSpecBytes {
		b.diags.Add(from.at(v), "", "$ref %q: the spec's files come to more than %d bytes, the spec size limit (%d MiB)", v.Value, MaxSpecBytes, MaxSpecBytes>>20)
		return nil
	}
	loc, err := newLocator(file, data)
	if err != nil {
		b.diags = append(b.diags, syntaxError(file, data, err).(diag.List)...)
		return nil
	}
	if problems := append(append(loc.tooLarge(), loc.tooDeep()...), loc.duplicateKeys()...); len(problems) > 0 {
		b.diags = append(b.diags, problems...)
		return nil
	}
	b.warnings = append(b.warnings, loc.hiddenText()...)
	var own func(n *yaml.Node)
	own = func(n *yaml.Node) {
		b.root.owner[n] = loc
		for _, c := range n.Content {
			own(c)
		}
	}
	own(loc.root)
	b.parts[file] = loc
	b.order = append(b.order, file)
	return loc
}

// follow resolves the $ref value v and, while the target is itself only a $ref
// into another file, that one in turn: the chain ends at an object, or at the
// spec's own file, whose references stay as written. It returns every target on
// the way, the last being the object.
func (b *bundler) follow(v *yaml.Node, from *Locator) ([]refTarget, bool) {
	var chain []refTarget
	for range MaxRefChain {
		t, ok := b.resolve(v, from)
		if !ok {
			return nil, false
		}
		chain = append(chain, t)
		next := refOnly(t.node)
		if t.part == b.root || next == nil {
			return chain, true
		}
		v, from = next, t.part
	}
	b.diags.Add(from.at(v), "", "$ref %q is in a chain of more than %d references", v.Value, MaxRefChain)
	return nil, false
}

// refOf returns the $ref value of the mapping n, nil when n is not a reference.
func refOf(n *yaml.Node) *yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	if v := field(n, "$ref"); v != nil && v.Kind == yaml.ScalarNode {
		return v
	}
	return nil
}

// refOnly returns the $ref value of a mapping that holds nothing else.
func refOnly(n *yaml.Node) *yaml.Node {
	if v := refOf(n); v != nil && len(deref(n).Content) == 2 {
		return v
	}
	return nil
}

// References lists the other files the spec at path reads through its $refs, as
// far as they can be read, in the order read: the parts of a multi-file spec that
// may sit beside it in a directory of specs. Problems are left for File to report.
func References(path string) []string {
	data, err := readFile(path)
	if err != nil {
		return nil
	}
	loc, err := newLocator(path, data)
	if err != nil || loc.root.Kind != yaml.MappingNode || !hasFileRefs(loc.root) {
		return nil
	}
	b := newBundler(loc, diskFiles(path), len(data))
	b.bundle()
	return b.order
}
