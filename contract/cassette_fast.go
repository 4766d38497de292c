package contract

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"sync"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
)

// fastCassette reads the YAML that go-vcr v4 writes (yaml/v4's Marshal of a
// cassette: block mappings and sequences, plain, quoted and literal scalars)
// straight from the file's text, without the node tree the full parser builds.
// It accepts only what it can read exactly as yaml/v4 would; on anything else
// (anchors, aliases, tags, flow collections, folded or multi-line scalars,
// comments, blank lines, tabs, unknown or repeated keys, another version) it
// declines, returning false before fn has been called, and eachCassette runs
// the full parser instead. FuzzFastCassette holds it to that.
//
// The text is read once, all of it, since a decline after fn has seen
// interactions could not be undone: the reader notes where each value an
// Interaction holds lies and how it decodes (fastIx, fastValue), a few dozen
// bytes per header. Then each interaction is built from its notes and given to
// fn, holding nothing of src (build), which the caller may then reuse. sized,
// unless nil, is told how many there are first.
func fastCassette(path string, src []byte, sized func(int), fn func(int, Interaction) error) (bool, error) {
	if len(src) > math.MaxInt32 || !fastText(src) {
		return false, nil
	}
	r := fastReader{src: src}
	notes, _ := fastNotesPool.Get().(*fastNotes)
	if notes != nil {
		r.ixs, r.entries, r.vals = notes.ixs[:0], notes.entries[:0], notes.vals[:0]
	}
	defer func() {
		// The notes are offsets, which hold nothing of src; a long cassette's
		// are left to the collector.
		if len(r.vals) <= maxPooledNotes && len(r.ixs) <= maxPooledNotes {
			fastNotesPool.Put(&fastNotes{r.ixs, r.entries, r.vals})
		}
	}()
	if !r.cassette() {
		return false, nil
	}
	if sized != nil {
		sized(len(r.ixs))
	}
	for i := range r.ixs {
		ix := r.build(&r.ixs[i])
		if err := checkURL(path, i, ix.URL); err != nil {
			return true, err
		}
		if err := fn(i, ix); err != nil {
			return true, err
		}
	}
	return true, nil
}

// fastReader walks src line by line. Every line is either structure (a mapping
// key or a sequence dash, indented by spaces) or a line of a literal block.
type fastReader struct {
	src  []byte
	next int // offset of the line after the current one
	ind  int // indentation of the current line; -1 at the end
	// The current line after its indentation is src[at:end]: offsets rather
	// than a string, whose every store would pay a write barrier while the
	// collector runs.
	at, end int

	// What an Interaction holds, noted as it is read: each interaction, the
	// entries of the headers kept and the values of those entries, in order.
	ixs     []fastIx
	entries []fastEntry
	vals    []fastValue

	buf   []byte          // scratch for binary values
	str   []byte          // scratch for escaped strings
	keys  []byte          // the quoted keys read with escapes, decoded
	names [][]byte        // the header names read so far, for duplicates
	seen  map[string]bool // the same, once there are many
}

// fastNotesPool keeps the notes of cassettes read, to be written over by the
// next: a cassette's notes are a fifth of its size or so, which would
// otherwise be allocated, and grown, for every one.
var fastNotesPool sync.Pool // of *fastNotes

// maxPooledNotes bounds the notes kept in fastNotesPool, to what a cassette of
// a few MiB has.
const maxPooledNotes = 1 << 16

type fastNotes struct {
	ixs     []fastIx
	entries []fastEntry
	vals    []fastValue
}

// fastIx notes what an Interaction holds; a zero fastValue is "".
type fastIx struct {
	url, method, body, respBody fastValue
	status                      int32
	header, respHeader          fastHeader
}

// fastHeader notes an http.Header: its entries are entries[first:first+len],
// their values vals[values:values+count].
type fastHeader struct {
	first, len, values, count int32
	present                   bool // nil unless present
}

// fastEntry is one header name and how many of the values after the previous
// entry's are its own.
type fastEntry struct {
	name  fastValue
	count int32
}

func (r *fastReader) advance() {
	if r.next >= len(r.src) {
		r.ind, r.at, r.end = -1, 0, 0
		return
	}
	start := r.next
	end := start + bytes.IndexByte(r.src[start:], '\n') // src ends with '\n'
	r.next = end + 1
	ind := indentation(r.src[start:end])
	r.ind, r.at, r.end = ind, start+ind, end
}

// indentation is the number of spaces line starts with, counted eight at a
// time: go-vcr indents a body's lines by a dozen or more.
func indentation(line []byte) int {
	const eight = 0x2020202020202020
	i := 0
	for i+8 <= len(line) && load64(line, i) == eight {
		i += 8
	}
	for i < len(line) && line[i] == ' ' {
		i++
	}
	return i
}

// text is the current line after its indentation.
func (r *fastReader) text() []byte { return r.src[r.at:r.end] }

// off is the offset in src of s, a suffix of the current line.
func (r *fastReader) off(s []byte) int { return r.end - len(s) }

// structural reports whether the current line can be a key or a dash: not
// blank, not a comment, not indented with a tab.
func (r *fastReader) structural() bool {
	return r.at < r.end && r.src[r.at] != '#' && r.src[r.at] != '\t'
}

// cassette reads "version: 2" and "interactions:" (a block sequence, or []),
// optionally after "---", as the only top-level keys.
func (r *fastReader) cassette() bool {
	if hasPrefix(r.src, "---\n") {
		r.next = 4
	}
	r.advance()
	var version, list bool
	for r.ind == 0 && r.structural() {
		key, _, rest, ok := r.key()
		switch {
		case !ok:
			return false
		case string(key) == "version" && !version:
			if string(rest) != strconv.Itoa(cassette.CassetteFormatVersion) {
				return false // the full reader says what is wrong with it
			}
			version = true
			r.advance()
		case string(key) == "interactions" && !list:
			list = true
			if string(rest) == "[]" {
				r.advance()
				continue
			}
			if len(rest) != 0 {
				return false
			}
			r.advance()
			if r.ind <= 0 || !r.interactions(r.ind) {
				return false
			}
		default:
			return false
		}
	}
	return r.ind == -1 && version && list
}

// interactions reads the sequence whose dashes are at column s.
func (r *fastReader) interactions(s int) bool {
	for r.ind == s {
		t := r.text()
		if len(t) < 3 || t[0] != '-' || t[1] != ' ' || t[2] == ' ' {
			return false
		}
		// The item's mapping starts on the dash line, its keys two columns in.
		r.ind, r.at = s+2, r.at+2
		var ix fastIx
		if !r.interaction(s+2, &ix) {
			return false
		}
		r.ixs = appendNote(r.ixs, ix)
	}
	return r.ind < s
}

func (r *fastReader) interaction(m int, ix *fastIx) bool {
	var seen uint8
	for r.ind == m && r.structural() {
		key, _, rest, ok := r.key()
		if !ok {
			return false
		}
		var bit uint8
		switch string(key) {
		case "id":
			bit = 1
			if _, ok = plainInt(rest); ok {
				r.advance()
			}
		case "request", "response":
			bit = 2
			if string(key) == "response" {
				bit = 4
			}
			if ok = len(rest) == 0; ok {
				r.advance()
				if ok = r.ind > m; ok {
					ok = r.message(r.ind, bit == 2, ix)
				}
			}
		}
		if bit == 0 || !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
	}
	return r.ind < m
}

// requestFields and responseFields are the YAML keys of cassette.Request and
// cassette.Response with the kind of value each holds: 's' string, 'i' int,
// 'b' bool, 'd' time.Duration, 'l' []string, 'h' http.Header or url.Values
// (TestFastFieldsAreGoVCRs holds them to go-vcr's struct tags).
var (
	requestFields = []fastField{{"proto", 's'}, {"proto_major", 'i'}, {"proto_minor", 'i'}, {"content_length", 'i'},
		{"transfer_encoding", 'l'}, {"trailer", 'h'}, {"host", 's'}, {"remote_addr", 's'}, {"request_uri", 's'},
		{"body", 's'}, {"form", 'h'}, {"headers", 'h'}, {"url", 's'}, {"method", 's'}}
	responseFields = []fastField{{"proto", 's'}, {"proto_major", 'i'}, {"proto_minor", 'i'}, {"transfer_encoding", 'l'},
		{"trailer", 'h'}, {"content_length", 'i'}, {"uncompressed", 'b'}, {"body", 's'}, {"headers", 'h'},
		{"status", 's'}, {"code", 'i'}, {"duration", 'd'}}
)

type fastField struct {
	name string
	kind byte
}

// fieldIndex is the index of the field named key, looked for from from on and
// then from the start, -1 if there is none.
func fieldIndex(fields []fastField, from int, key []byte) int {
	f := from
	for range fields {
		if f == len(fields) {
			f = 0
		}
		if fields[f].name == string(key) {
			return f
		}
		f++
	}
	return -1
}

// message reads a cassette.Request (request) or cassette.Response at column m,
// noting what an Interaction holds and checking that the rest decodes.
func (r *fastReader) message(m int, request bool, ix *fastIx) bool {
	fields := responseFields
	if request {
		fields = requestFields
	}
	var seen uint16
	next := 0 // where the field after the last one read is: go-vcr writes them in order
	for r.ind == m && r.structural() {
		key, _, rest, ok := r.key()
		if !ok {
			return false
		}
		f := fieldIndex(fields, next, key)
		if f < 0 || seen&(1<<f) != 0 {
			return false // unknown or repeated
		}
		seen, next = seen|1<<f, f+1
		switch fields[f].kind {
		case 's':
			v, ok := r.scalar(rest, m)
			if !ok {
				return false
			}
			switch fields[f].name {
			case "url":
				ix.url = v
			case "method":
				ix.method = v
			case "body":
				if request {
					ix.body = v
				} else {
					ix.respBody = v
				}
			}
		case 'i', 'b', 'd':
			n, ok := plainInt(rest)
			switch fields[f].kind {
			case 'b':
				ok = string(rest) == "true" || string(rest) == "false"
			case 'd':
				ok = plainDuration(rest)
			}
			if !ok {
				return false
			}
			if fields[f].name == "code" {
				ix.status = int32(n)
			}
			r.advance()
		case 'l':
			if !r.list(rest, m, false) {
				return false
			}
		case 'h':
			keep := fields[f].name == "headers"
			h, ok := r.header(rest, m, keep)
			if !ok {
				return false
			}
			if keep && request {
				ix.header = h
			} else if keep {
				ix.respHeader = h
			}
		}
	}
	return r.ind < m
}

// header reads an http.Header (or url.Values): a mapping of names to non-empty
// sequences of strings, on the lines after the key at column m, noting its
// entries if keep.
func (r *fastReader) header(rest []byte, m int, keep bool) (fastHeader, bool) {
	if len(rest) != 0 {
		return fastHeader{}, false // {} or a flow mapping
	}
	r.advance()
	hm := r.ind
	if hm <= m {
		return fastHeader{}, false // null
	}
	h := fastHeader{present: true, first: int32(len(r.entries)), values: int32(len(r.vals))}
	names := r.names[:0]
	clear(r.seen)
	defer func() { r.names = names[:0] }()
	for r.ind == hm && r.structural() {
		name, nv, rest, ok := r.key()
		if !ok {
			return fastHeader{}, false
		}
		if len(names) < 32 {
			for _, n := range names {
				if bytes.Equal(n, name) {
					return fastHeader{}, false
				}
			}
			names = append(names, name)
			if len(names) == 32 {
				if r.seen == nil {
					r.seen = map[string]bool{}
				}
				for _, n := range names {
					r.seen[string(n)] = true
				}
			}
		} else {
			if r.seen[string(name)] {
				return fastHeader{}, false
			}
			r.seen[string(name)] = true
		}
		values := len(r.vals)
		if !r.list(rest, hm, keep) {
			return fastHeader{}, false
		}
		if keep {
			r.entries = appendNote(r.entries, fastEntry{name: nv, count: int32(len(r.vals) - values)})
		}
	}
	h.len, h.count = int32(len(r.entries))-h.first, int32(len(r.vals))-h.values
	return h, r.ind < hm
}

// list reads a non-empty block sequence of strings on the lines after the key
// at column m, noting each value if keep.
func (r *fastReader) list(rest []byte, m int, keep bool) bool {
	if len(rest) != 0 {
		return false // [] or a flow sequence
	}
	r.advance()
	s := r.ind
	if s <= m {
		return false // null, or a sequence as indented as its key
	}
	for r.ind == s {
		t := r.text()
		if len(t) < 3 || t[0] != '-' || t[1] != ' ' || t[2] == ' ' {
			return false
		}
		v, ok := r.scalar(t[2:], s)
		if !ok {
			return false
		}
		if keep {
			r.vals = appendNote(r.vals, v)
		}
	}
	return r.ind < s
}

// key splits the current line into a key, decoded and as noted, and what
// follows ": ". Keys are plain words (letters, digits, "-", "_", ".", starting
// with a letter, not a YAML boolean or null) or quoted strings, at most 1,000
// bytes: YAML limits an implicit key to 1,024 characters.
func (r *fastReader) key() (key []byte, v fastValue, rest []byte, ok bool) {
	t := r.text()
	var i int
	switch t[0] {
	case '"', '\'':
		if v, i, ok = quotedScalar(t, r.at); !ok {
			return nil, v, nil, false
		}
		key = r.src[v.start:v.end]
		if v.style != 0 {
			n := len(r.keys)
			r.keys = r.appendText(r.keys, v)
			key = r.keys[n:]
		}
	default:
		for _, c := range t {
			if !keyBytes[c] {
				break
			}
			i++
		}
		key = t[:i]
		if i == 0 || !isLetter(t[0]) || !plainString(key) {
			return nil, v, nil, false
		}
		v = fastValue{start: int32(r.at), end: int32(r.at + i), size: int32(i)}
	}
	if i > 1000 || i == len(t) || t[i] != ':' {
		return nil, v, nil, false
	}
	rest = t[i+1:]
	if len(rest) == 0 {
		return key, v, nil, true
	}
	if len(rest) < 2 || rest[0] != ' ' || rest[1] == ' ' || rest[1] == '\t' {
		return nil, v, nil, false
	}
	return key, v, rest[1:], true
}

// appendNote appends v to notes, doubling its capacity when full rather than
// growing it by the quarter append settles on for long slices: fewer copies
// and allocations for a slice that only grows.
func appendNote[T any](notes []T, v T) []T {
	if len(notes) == cap(notes) {
		notes = slices.Grow(notes, max(len(notes), 64))
	}
	return append(notes, v)
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// keyBytes marks the bytes of a plain key: letters, digits, '-', '_' and '.'.
var keyBytes = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isLetter(byte(c)) || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
	}
	return t
}()
