package main

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestVersionText(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	vcs := []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "0123abcd"},
		{Key: "vcs.time", Value: "2026-03-16T08:30:00Z"}, {Key: "vcs.modified", Value: "true"}}
	for _, tc := range []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"release", &debug.BuildInfo{GoVersion: "go1.26.1", Main: debug.Module{Version: "v1.2.0"}, Settings: vcs},
			"acsgen v1.2.0\ngo1.26.1 " + platform + "\n"},
		{"checkout", &debug.BuildInfo{GoVersion: "go1.26.1", Main: debug.Module{Version: "(devel)"}, Settings: vcs},
			"acsgen (devel)\nvcs.revision=0123abcd\nvcs.modified=true\ngo1.26.1 " + platform + "\n"},
		{"checkout without VCS", &debug.BuildInfo{GoVersion: "go1.26.1", Main: debug.Module{Version: "(devel)"}},
			"acsgen (devel)\ngo1.26.1 " + platform + "\n"},
		{"empty version", &debug.BuildInfo{Settings: vcs},
			"acsgen (devel)\nvcs.revision=0123abcd\nvcs.modified=true\n" + runtime.Version() + " " + platform + "\n"},
		{"no build info", nil, "acsgen (unknown)\n" + runtime.Version() + " " + platform + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, versionText(tc.info))
		})
	}
}

func TestVersionCommand(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}, {"-version"}} {
		code, stdout, stderr := acsgen(t, args...)
		assert.Equal(t, exitOK, code, "%v", args)
		assert.Empty(t, stderr)
		assert.True(t, strings.HasPrefix(stdout, "acsgen "), stdout)
		assert.Contains(t, stdout, runtime.Version())
	}
	code, _, stderr := acsgen(t, "version", "extra")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `acsgen version: unexpected argument "extra"`)
}
