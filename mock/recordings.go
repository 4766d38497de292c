package mock

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/record"
)

// recorded is one recorded answer.
type recorded struct {
	status    int
	header    http.Header
	body      []byte
	requestID string
	from      string // file#entry, for the X-Acsgen-Mock-Source header
}

// hopHeaders are not replayed: net/http computes them for the answer it sends.
var hopHeaders = []string{"Content-Length", "Transfer-Encoding", "Connection", "Date", "Content-Encoding"}

func (rec *recorded) write(w http.ResponseWriter) {
	h := w.Header()
	for k, vs := range rec.header {
		if !slices.ContainsFunc(hopHeaders, func(x string) bool { return strings.EqualFold(x, k) }) {
			h[k] = vs
		}
	}
	h.Set("X-Acs-Request-Id", rec.requestID)
	h.Set("X-Acsgen-Mock-Source", rec.from)
	w.WriteHeader(rec.status)
	_, _ = w.Write(rec.body)
}

// session is the answers one cassette recorded for one key, in the order it
// recorded them: requests with that key take them in turn, and the last one keeps
// answering once they run out, as a replayed session would.
type session struct {
	answers []*recorded
	mu      sync.Mutex
	next    int
}

// take returns the answer to the next request.
func (q *session) take() *recorded {
	q.mu.Lock()
	defer q.mu.Unlock()
	rec := q.answers[q.next]
	if q.next < len(q.answers)-1 {
		q.next++
	}
	return rec
}

// recordingKey is what a request and a recording must share to match: the
// operation and the business parameters (record.Params).
func recordingKey(rt *contract.Route, escapedPath string, query url.Values, body []byte) string {
	return rt.Spec + " " + rt.OperationID + "\n" + record.Params(rt, escapedPath, query, body)
}

// loadRecordings indexes every interaction of the *.yaml cassettes below dir (or of
// the one cassette dir names). Files are read in sorted order and the first file
// that has a key answers it, so the answer does not depend on the file system's
// order; several interactions of that file for the key answer in turn (a recorded
// session: an attachment read before and after its deletion).
func (s *Server) loadRecordings(dir string) error {
	files, err := recordingFiles(dir)
	if err != nil {
		return err
	}
	slices.Sort(files)
	for _, file := range files {
		ixs, err := contract.ReadCassette(file)
		if err != nil {
			return fmt.Errorf("recordings: %w", err)
		}
		for i, ix := range ixs {
			where := fmt.Sprintf("%s#%d", filepath.ToSlash(file), i)
			u, err := url.Parse(ix.URL)
			if err != nil {
				return fmt.Errorf("recording %s: URL %q: %w", where, ix.URL, err)
			}
			action, version := headerAnyCase(ix.Header, "x-acs-action"), headerAnyCase(ix.Header, "x-acs-version")
			if action == "" {
				action = u.Query().Get("Action")
			}
			if version == "" {
				version = u.Query().Get("Version")
			}
			rt, _, err := s.set.Match(ix.Method, u.EscapedPath(), action, version)
			if err != nil {
				return fmt.Errorf("recording %s: %w", where, err)
			}
			if err := sendableStatus(ix.Status); err != nil {
				return fmt.Errorf("recording %s: %w", where, err)
			}
			key := recordingKey(rt, u.EscapedPath(), u.Query(), ix.Body)
			q := s.recordings[key]
			if q != nil && !strings.HasPrefix(q.answers[0].from, filepath.ToSlash(file)+"#") {
				continue // an earlier file answers this key
			}
			id := headerAnyCase(ix.RespHeader, "X-Acs-Request-Id")
			if id == "" {
				id = bodyRequestID(ix.RespBody)
			}
			if id == "" {
				id = newRequestID() // a recording without one still answers with one
			}
			if q == nil {
				q = &session{}
				s.recordings[key] = q
			}
			q.answers = append(q.answers, &recorded{status: ix.Status, header: ix.RespHeader.Clone(), body: ix.RespBody, requestID: id, from: where})
		}
	}
	return nil
}

// headerAnyCase reads a recorded header in any letter case: a cassette keeps the
// keys as the client set them, and darabonba/tea sets them in lower case, which
// http.Header.Get never finds.
func headerAnyCase(h http.Header, name string) string {
	if v := h.Get(name); v != "" {
		return v
	}
	for k, vs := range h {
		if strings.EqualFold(k, name) && len(vs) > 0 {
			return vs[0]
		}
	}
	return ""
}

// recordingFiles lists the cassettes to load. Stat, unlike WalkDir's Lstat,
// follows a symlink named as the directory; anything that is neither a directory
// nor a regular file (a FIFO, a device) is refused rather than skipped, so that a
// mistyped --recordings does not start a mock that silently has none.
func recordingFiles(dir string) ([]string, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("recordings: %w", err)
	}
	switch {
	case info.Mode().IsRegular():
		return []string{dir}, nil
	case !info.IsDir():
		return nil, fmt.Errorf("recordings: %s is neither a directory nor a regular file (mode %s)", dir, info.Mode().Type())
	}
	// WalkDir does not follow a symlinked root: walk what it points to and name
	// the files under dir as given.
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, fmt.Errorf("recordings: %w", err)
	}
	var files []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && strings.HasSuffix(path, ".yaml") {
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			files = append(files, filepath.Join(dir, rel))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("recordings: %w", err)
	}
	return files, nil
}

// sendableStatus refuses a recorded status the mock cannot answer with: net/http
// panics on a code outside 100–999, and a 1xx is only an interim answer (101 leaves
// the client waiting for a protocol switch that never comes). What remains is the
// final statuses HTTP defines, 200 to 599.
func sendableStatus(code int) error {
	if code == 0 {
		return fmt.Errorf("status 0 cannot be replayed: the interaction has no response code (is the cassette cut short?)")
	}
	if code < 200 || code > 599 {
		return fmt.Errorf("status %d cannot be replayed: the mock answers only final statuses 200 to 599", code)
	}
	return nil
}

// bodyRequestID is the requestId (or RequestId) of a JSON object body, "" otherwise.
func bodyRequestID(body []byte) string {
	var v struct {
		RequestID string `json:"requestId"` // encoding/json matches RequestId too
	}
	_ = json.Unmarshal(body, &v)
	return v.RequestID
}
