package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

func versionFlags(*flag.FlagSet) action {
	return func(_ context.Context, args []string, stdout, _ io.Writer) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q", args[0])
		}
		info, ok := debug.ReadBuildInfo()
		if !ok {
			info = nil
		}
		fmt.Fprint(stdout, versionText(info))
		return nil
	}
}

// versionText is the output of "acsgen version": "acsgen VERSION" on the first
// line, then for a (devel) build the VCS revision and modified flag the build
// recorded, then the Go version. info is nil when the binary carries no build
// information.
func versionText(info *debug.BuildInfo) string {
	version, goVersion := "(unknown)", runtime.Version()
	var vcs []string
	if info != nil {
		version = info.Main.Version
		if version == "" {
			version = "(devel)" // test binaries and some builds leave it empty
		}
		if info.GoVersion != "" {
			goVersion = info.GoVersion
		}
		if version == "(devel)" {
			for _, s := range info.Settings {
				if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
					vcs = append(vcs, s.Key+"="+s.Value)
				}
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "acsgen %s\n", version)
	for _, s := range vcs {
		fmt.Fprintln(&b, s)
	}
	fmt.Fprintf(&b, "%s %s/%s\n", goVersion, runtime.GOOS, runtime.GOARCH)
	return b.String()
}
