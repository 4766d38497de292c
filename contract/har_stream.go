package contract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/acsgen/acsgen/internal/boundedfile"
)

// MaxEntrySize bounds one entry of a HAR file, and any other value in it. The
// file itself may be of any size: it is read entry by entry, so memory follows
// the largest entry, not the file.
const MaxEntrySize = MaxRecordingSize

// eachHAR reads the entries of a HAR 1.2 file one at a time and calls fn with
// each entry's index and interaction. It holds one entry's JSON (at most maxEntry
// bytes) and what it decodes to at a time. An error from fn stops the reading and
// is returned as is.
//
// The walk down to log.entries is done here, byte by byte, and each entry (or
// other member, which is skipped) is cut out whole and given to encoding/json,
// so that every error has its exact line and column in the file: the offsets
// json.Decoder's Token gives are not counted from the start of the input.
func eachHAR(path string, maxEntry int64, fn func(int, Interaction) error) error {
	f, _, err := boundedfile.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	s := &harScanner{path: path, file: f, r: bufio.NewReaderSize(f, 64<<10), max: maxEntry}
	return s.read(fn)
}

// harScanner reads the JSON of a HAR file with an offset for every byte.
type harScanner struct {
	path string
	file *os.File // for line and column, read again only on an error
	r    *bufio.Reader
	off  int64  // offset of the next byte
	max  int64  // bytes one value may have
	buf  []byte // the value being read, reused
}

func (s *harScanner) read(fn func(int, Interaction) error) error {
	found, sawLog := false, false
	isObject, err := s.object("the file", func(key string) error {
		if !strings.EqualFold(key, "log") {
			return s.skip(key)
		}
		if sawLog {
			return s.errorf(s.off, "log appears twice")
		}
		sawLog = true
		_, err := s.object("log", func(key string) error {
			if !strings.EqualFold(key, "entries") {
				return s.skip("log." + key)
			}
			if found {
				return s.errorf(s.off, "log.entries appears twice")
			}
			found = true
			return s.entries(fn)
		})
		return err
	})
	if err != nil {
		return err
	}
	if isObject {
		if c, err := s.peek(); err != io.EOF {
			if err != nil {
				return err
			}
			return s.errorf(s.off, "invalid character %s after top-level value", quoteByte(c))
		}
	}
	if !found {
		return fmt.Errorf("%s: not a HAR file: no log.entries", s.path)
	}
	return nil
}

// object reads a JSON object member by member, calling member with each key
// when the next value is the member's. A null is no object: it reports false
// and no error, as encoding/json leaves a pointer nil for it.
func (s *harScanner) object(what string, member func(key string) error) (bool, error) {
	c, err := s.peek()
	if err != nil {
		return false, s.eof(err)
	}
	if c != '{' {
		start := s.off
		raw, err := s.value(what, "one value")
		if err != nil {
			return false, err
		}
		if string(raw) == "null" {
			return false, nil
		}
		return false, s.errorf(start, "%s is %s, want an object", what, jsonKind(raw))
	}
	s.next()
	for first := true; ; first = false {
		c, err := s.peek()
		if err != nil {
			return false, s.eof(err)
		}
		if c == '}' && first {
			s.next()
			return true, nil
		}
		if c != '"' {
			return false, s.errorf(s.off, "invalid character %s looking for beginning of object key string", quoteByte(c))
		}
		start := s.off
		raw, err := s.value("an object key in "+what, "one value")
		if err != nil {
			return false, err
		}
		var key string
		if err := json.Unmarshal(raw, &key); err != nil {
			return false, s.jsonErr(start, raw, err)
		}
		if err := s.expect(':', "after object key"); err != nil {
			return false, err
		}
		if err := member(key); err != nil {
			return false, err
		}
		c, err = s.peek()
		if err != nil {
			return false, s.eof(err)
		}
		s.next()
		switch c {
		case '}':
			return true, nil
		case ',':
		default:
			return false, s.errorf(s.off-1, "invalid character %s after object key:value pair", quoteByte(c))
		}
	}
}

// entries reads the array log.entries, decoding each entry alone.
func (s *harScanner) entries(fn func(int, Interaction) error) error {
	c, err := s.peek()
	if err != nil {
		return s.eof(err)
	}
	if c != '[' {
		start := s.off
		raw, err := s.value("log.entries", "one value")
		if err != nil {
			return err
		}
		if string(raw) == "null" {
			return fmt.Errorf("%s: not a HAR file: no log.entries", s.path)
		}
		return s.errorf(start, "log.entries is %s, want an array", jsonKind(raw))
	}
	s.next()
	for i := 0; ; i++ {
		c, err := s.peek()
		if err != nil {
			return s.eof(err)
		}
		if c == ']' && i == 0 {
			s.next()
			return nil
		}
		where := fmt.Sprintf("log.entries[%d]", i)
		start := s.off
		raw, err := s.value(where, "one entry")
		if err != nil {
			return err
		}
		var e harEntry
		if err := json.Unmarshal(raw, &e); err != nil {
			return fmt.Errorf("%s: %s: %s", s.path, where, s.describe(start, raw, err))
		}
		ix, err := e.interaction()
		if err != nil {
			return fmt.Errorf("%s: %s: %w", s.path, where, err)
		}
		if err := fn(i, ix); err != nil {
			return err
		}
		c, err = s.peek()
		if err != nil {
			return s.eof(err)
		}
		s.next()
		switch c {
		case ']':
			return nil
		case ',':
		default:
			return s.errorf(s.off-1, "invalid character %s after array element", quoteByte(c))
		}
	}
}

// skip reads past the value of a member the check does not need, still
// refusing one that is not JSON.
func (s *harScanner) skip(where string) error {
	start := s.off
	raw, err := s.value(where, "one value")
	if err != nil {
		return err
	}
	if !json.Valid(raw) {
		return s.jsonErr(start, raw, json.Unmarshal(raw, new(json.RawMessage)))
	}
	return nil
}

// expect reads c after optional white space.
func (s *harScanner) expect(c byte, context string) error {
	got, err := s.peek()
	if err != nil {
		return s.eof(err)
	}
	if got != c {
		return s.errorf(s.off, "invalid character %s %s", quoteByte(got), context)
	}
	s.next()
	return nil
}

// peek skips white space and returns the next byte without reading it.
func (s *harScanner) peek() (byte, error) {
	for {
		b, err := s.r.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\n', '\r':
			s.next()
			continue
		}
		return b[0], nil
	}
}

func (s *harScanner) next() {
	if _, err := s.r.ReadByte(); err == nil {
		s.off++
	}
}

// value reads the bytes of the JSON value that starts at the next byte, what
// naming it in errors: a string, an object or array up to its matching bracket,
// or a scalar up to the next delimiter. It does not check the value's grammar,
// which is encoding/json's to do; a value the file ends in is returned as far as
// it goes. The bytes are scanned a buffer at a time, strings by IndexAny.
func (s *harScanner) value(what, limit string) ([]byte, error) {
	s.buf = s.buf[:0]
	c, err := s.peek()
	if err != nil {
		return nil, s.eof(err)
	}
	if strings.IndexByte(`"{[-0123456789tfn`, c) < 0 {
		return nil, s.errorf(s.off, "invalid character %s looking for beginning of value", quoteByte(c))
	}
	start := s.off
	st := valueScan{scalar: c != '"' && c != '{' && c != '['}
	for {
		chunk, err := s.r.Peek(max(s.r.Buffered(), 1))
		if len(chunk) == 0 {
			if err == io.EOF {
				return s.buf, nil
			}
			return nil, fmt.Errorf("%s: %w", s.path, err)
		}
		n, done := st.scan(chunk)
		if int64(len(s.buf)+n) > s.max {
			return nil, fmt.Errorf("%s: %s: %s: larger than the %d-byte limit of %s", s.path, what, s.lineCol(start), s.max, limit)
		}
		s.buf = append(s.buf, chunk[:n]...)
		s.r.Discard(n)
		s.off += int64(n)
		if done {
			return s.buf, nil
		}
	}
}

// valueScan is where value's scan stands, between buffers.
type valueScan struct {
	scalar            bool // a number, true, false or null: it ends at a delimiter
	depth             int  // open objects and arrays
	inString, escaped bool
}

// scan consumes the bytes of chunk that belong to the value and reports whether
// the value ended within them.
func (st *valueScan) scan(chunk []byte) (int, bool) {
	for i := 0; i < len(chunk); i++ {
		c := chunk[i]
		switch {
		case st.scalar:
			if strings.IndexByte(" \t\r\n,:]}", c) >= 0 {
				return i, true
			}
		case st.escaped:
			st.escaped = false
		case st.inString:
			j := bytes.IndexAny(chunk[i:], `"\`)
			if j < 0 {
				return len(chunk), false
			}
			i += j
			if chunk[i] == '\\' {
				st.escaped = true
			} else if st.inString = false; st.depth == 0 {
				return i + 1, true
			}
		case c == '"':
			st.inString = true
		case c == '{' || c == '[':
			st.depth++
		case c == '}' || c == ']':
			if st.depth--; st.depth == 0 {
				return i + 1, true
			}
		}
	}
	return len(chunk), false
}

// eof turns the end of the file in the middle of the JSON into a positioned
// error; other read errors pass.
func (s *harScanner) eof(err error) error {
	if err == io.EOF {
		return s.errorf(s.off, "unexpected end of JSON input")
	}
	return fmt.Errorf("%s: %w", s.path, err)
}

// errorf is a problem with the file's JSON at offset off.
func (s *harScanner) errorf(off int64, format string, args ...any) error {
	return fmt.Errorf("%s: not a HAR file: %s: %s", s.path, s.lineCol(off), fmt.Sprintf(format, args...))
}

// jsonErr positions encoding/json's error about raw, which starts at start.
func (s *harScanner) jsonErr(start int64, raw []byte, err error) error {
	return fmt.Errorf("%s: not a HAR file: %s", s.path, s.describe(start, raw, err))
}

// describe is encoding/json's error about raw, which starts at offset start,
// with the line and column in the file.
func (s *harScanner) describe(start int64, raw []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		// Offset counts the offending byte; the column is that byte's, and the
		// end of the input's when the JSON stops short.
		at := start + syn.Offset
		if syn.Offset > 0 && syn.Error() != "unexpected end of JSON input" {
			at--
		}
		return s.lineCol(at) + ": " + syn.Error()
	case errors.As(err, &typ):
		return fmt.Sprintf("%s: %s is a JSON %s, want %s", s.lineCol(start+typ.Offset), typ.Field, typ.Value, typ.Type)
	}
	return err.Error()
}

// lineCol positions an offset of the file as line:col, reading the file again up
// to it. It is only called for an error.
func (s *harScanner) lineCol(offset int64) string {
	line, col := 1, int64(1)
	r := bufio.NewReader(io.NewSectionReader(s.file, 0, offset))
	for {
		c, err := r.ReadByte()
		if err != nil {
			break
		}
		col++
		if c == '\n' {
			line, col = line+1, 1
		}
	}
	return fmt.Sprintf("%d:%d", line, col)
}

// jsonKind names the kind of a JSON value by its first byte.
func jsonKind(raw []byte) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func quoteByte(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	if c < 0x20 || c >= 0x7f {
		return fmt.Sprintf("'\\x%02x'", c)
	}
	return "'" + string(c) + "'"
}
