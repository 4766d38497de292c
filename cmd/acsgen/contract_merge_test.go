package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shardRecordings are recordings with findings and without: cassettes and HAR.
var shardRecordings = []string{cassetteDir, harDir}

// ciCommand is an acsgen command line of a CI example in guide/contract.md.
type ciCommand struct {
	args []string // after "acsgen", up to the redirection
	out  string   // the file stdout is redirected to, "" for none
}

// guideCICommands takes the acsgen command lines of the CI examples of
// guide/contract.md, the shard's variables replaced for shard k of n.
func guideCICommands(t *testing.T, k, n int) []ciCommand {
	t.Helper()
	vars := strings.NewReplacer("${{ matrix.shard }}", strconv.Itoa(k), "$CI_NODE_INDEX", strconv.Itoa(k),
		"$CI_NODE_TOTAL", strconv.Itoa(n), "/4 ", "/"+strconv.Itoa(n)+" ")
	line := regexp.MustCompile(`go tool acsgen (contract [^>|\n]*)(?:> (\S+))?`)
	var out []ciCommand
	for _, m := range line.FindAllStringSubmatch(vars.Replace(guideReadFile(t, "guide/contract.md")), -1) {
		out = append(out, ciCommand{strings.Fields(m[1]), m[2]})
	}
	return out
}

// The CI examples of the guide work as they say: each shard passes on findings,
// and the merged report is the report of one run over everything, with its exit
// status and summary line.
func TestGuideCIExamplesMergeToTheUnshardedReport(t *testing.T) {
	cmds := guideCICommands(t, 1, 4)
	require.Len(t, cmds, 4, "guide/contract.md has a shard and a merge command for GitHub Actions and for GitLab")
	for _, n := range []int{1, 3, 4} {
		for ci := 0; ci < 2; ci++ {
			dir := t.TempDir()
			var merge ciCommand
			for k := 1; k <= n; k++ {
				shard, m := guideCICommands(t, k, n)[2*ci], guideCICommands(t, k, n)[2*ci+1]
				merge = m
				require.Equal(t, "--shard", shard.args[1], "%v", shard.args)
				args := replaceArg(shard.args, "recordings/", shardRecordings...)
				code, stdout, stderr := acsgen(t, append(args, "--spec", specDir)...)
				require.Contains(t, []int{exitOK, exitFindings}, code, "%v: %s", args, stderr)
				require.NoError(t, os.WriteFile(filepath.Join(dir, shard.out), []byte(stdout), 0o644))
				assert.Regexp(t, `^shard \d+/\d+: \d+ interaction\(s\) in \d+ recording\(s\)`, stderr)
			}
			reports, err := filepath.Glob(filepath.Join(dir, "contract-*.json"))
			require.NoError(t, err)
			require.Len(t, reports, n)
			args := replaceArg(merge.args, "contract-*.json", reports...)
			mcode, mout, merr := acsgen(t, args...)

			format := args[slicesIndex(args, "--format")+1]
			code, out, errOut := acsgen(t, append([]string{"contract", "--spec", specDir, "--format", format, "--coverage"}, shardRecordings...)...)
			assert.Equal(t, code, mcode, "N=%d: %s", n, merr)
			assert.Equal(t, exitFindings, mcode)
			assert.Equal(t, out, mout, "N=%d, %s", n, format)
			assert.Equal(t, errOut, merr, "N=%d: the same coverage (junit, github) and summary on stderr", n)
		}
	}
}

func replaceArg(args []string, old string, with ...string) []string {
	var out []string
	for _, a := range args {
		if a == old {
			out = append(out, with...)
		} else {
			out = append(out, a)
		}
	}
	return out
}

func slicesIndex(args []string, s string) int {
	for i, a := range args {
		if a == s {
			return i
		}
	}
	return -1
}

func TestContractShardFlag(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--shard", "0/4"}, `acsgen contract: --shard "0/4": K counts from 1 to N (4)`},
		{[]string{"--shard", "4"}, `acsgen contract: --shard "4": want K/N`},
		{[]string{"--shard", "1/2", "--suggest", "s.yaml"}, "--suggest needs every interaction"},
	} {
		code, stdout, stderr := acsgen(t, append(append([]string{"contract", "--spec", specDir}, tc.args...), harDir)...)
		assert.Equal(t, exitUsage, code, "%v", tc.args)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, tc.want)
		assert.Contains(t, stderr, "run 'acsgen help contract' for usage")
	}

	// A shard with nothing to check passes; the shard's share is in its summary.
	dir := t.TempDir()
	for k := 1; k <= 8; k++ {
		code, stdout, stderr := acsgen(t, "contract", "--spec", specDir, "--format", "json", "--shard", strconv.Itoa(k)+"/8", cassetteDir+"/cloudapi")
		assert.Contains(t, []int{exitOK}, code, stderr)
		assert.Contains(t, stdout, `"shard": {`)
		require.NoError(t, os.WriteFile(filepath.Join(dir, strconv.Itoa(k)+".json"), []byte(stdout), 0o644))
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	code, _, stderr := acsgen(t, append([]string{"contract", "merge"}, files...)...)
	assert.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "4 interaction(s) in 4 recording(s), 0 finding(s); 4 response body(ies) checked by compiled validators\n", stderr)

	// Without all of them, merge is an error of its input.
	code, stdout, stderr := acsgen(t, append([]string{"contract", "merge"}, files[1:]...)...)
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "acsgen contract merge: the report of shard 1/8 is missing")

	code, _, stderr = acsgen(t, "contract", "merge")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "no reports given")
	code, _, stderr = acsgen(t, "contract", "merge", "--format", "sarif", files[0])
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `unknown --format "sarif"`)
}
