package contract

import (
	"strconv"
	"strings"
	"sync"
)

// fieldSets interns the lists of response fields the interactions of one
// operation showed (Result.fields, for coverage). Responses of one operation
// mostly show the same fields, so a run over many interactions keeps each
// distinct list once instead of a copy per result: a list of a documented
// GetPluginAttachment answer is 140 strings, more than the rest of its Result.
// The Set is used from several goroutines, hence the lock.
type fieldSets struct {
	mu   sync.Mutex
	sets map[string][]string
}

// intern returns the stored list equal to fields, storing fields if there is none.
func (fs *fieldSets) intern(fields []string) []string {
	if len(fields) == 0 {
		return nil
	}
	var key strings.Builder
	for _, f := range fields {
		key.WriteString(strconv.Itoa(len(f)))
		key.WriteByte(':')
		key.WriteString(f)
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if got, ok := fs.sets[key.String()]; ok {
		return got
	}
	if fs.sets == nil {
		fs.sets = map[string][]string{}
	}
	fs.sets[key.String()] = fields
	return fields
}
