package specdiff

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/oasdiff/oasdiff/checker"
	"github.com/oasdiff/oasdiff/diff"
	oasload "github.com/oasdiff/oasdiff/load"

	"github.com/acsgen/acsgen/generator/load"
)

// SpecChange is one finding of oasdiff's checker.
type SpecChange struct {
	ID        string `json:"id"`        // oasdiff rule, e.g. "new-required-request-parameter"
	Level     string `json:"level"`     // error (breaking), warning or info (additive)
	Operation string `json:"operation"` // e.g. "GET", "" for component-level changes
	Path      string `json:"path"`
	Text      string `json:"text"`
}

// Spec levels as oasdiff names them.
const (
	LevelBreaking = "error"
	LevelWarning  = "warning"
	LevelInfo     = "info"
)

// specChanges runs oasdiff's checker with its default rules over the two loaded
// specs and returns every change down to info level.
func specChanges(oldName string, old *load.Spec, newName string, new *load.Spec) ([]SpecChange, error) {
	base := &oasload.SpecInfo{Url: oldName, Spec: old.Doc, Version: old.Doc.Info.Version}
	rev := &oasload.SpecInfo{Url: newName, Spec: new.Doc, Version: new.Doc.Info.Version}
	d, sources, err := diff.GetWithOperationsSourcesMap(diff.NewConfig(), base, rev)
	if err != nil {
		return nil, fmt.Errorf("oasdiff: %w", err)
	}
	changes := checker.CheckBackwardCompatibilityUntilLevel(checker.NewConfig(checker.GetAllChecks()), d, sources, checker.INFO)
	l := checker.NewLocalizer("en")
	out := make([]SpecChange, 0, len(changes))
	for _, c := range changes {
		out = append(out, SpecChange{
			ID:        c.GetId(),
			Level:     levelName(c.GetLevel()),
			Operation: c.GetOperation(),
			Path:      c.GetPath(),
			Text:      c.GetUncolorizedText(l),
		})
	}
	slices.SortStableFunc(out, func(a, b SpecChange) int {
		return cmp.Or(cmp.Compare(levelRank(a.Level), levelRank(b.Level)),
			cmp.Compare(a.Path, b.Path), cmp.Compare(a.Operation, b.Operation),
			cmp.Compare(a.ID, b.ID), cmp.Compare(a.Text, b.Text))
	})
	return out, nil
}

func levelName(l checker.Level) string {
	switch l {
	case checker.ERR:
		return LevelBreaking
	case checker.WARN:
		return LevelWarning
	default:
		return LevelInfo
	}
}

func levelRank(level string) int {
	switch level {
	case LevelBreaking:
		return 0
	case LevelWarning:
		return 1
	}
	return 2
}
