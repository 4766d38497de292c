package contract

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseShard(t *testing.T) {
	for in, want := range map[string]Shard{"1/1": {1, 1}, "2/4": {2, 4}, "10000/10000": {10000, 10000}} {
		got, err := ParseShard(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got)
		assert.Equal(t, in, got.String())
	}
	for in, msg := range map[string]string{
		"":        `shard "": want K/N`,
		"3":       `shard "3": want K/N`,
		"a/4":     "K and N are whole numbers",
		"1/x":     "K and N are whole numbers",
		"0/4":     "K counts from 1 to N (4)",
		"5/4":     "K counts from 1 to N (4)",
		"-1/4":    "K counts from 1 to N (4)",
		"1/0":     "N must be from 1 to 10000",
		"1/10001": "N must be from 1 to 10000",
	} {
		_, err := ParseShard(in)
		assert.ErrorContains(t, err, msg, in)
	}
	assert.Equal(t, "all", Shard{}.String())
}

// assignments picks the shard of each interaction in order, one picker per
// shard as a run of that shard would have.
func assignments(t *testing.T, recording string, ixs []Interaction, n int) []int {
	out := make([]int, len(ixs))
	for k := 1; k <= n; k++ {
		p := Shard{k, n}.picker(recording)
		for i, ix := range ixs {
			if p.take(ix) {
				require.Zero(t, out[i], "entry %d in two shards", i)
				out[i] = k
			}
		}
	}
	return out
}

func testInteractions(n int) []Interaction {
	var out []Interaction
	for i := range n {
		out = append(out, Interaction{Method: "GET", URL: fmt.Sprintf("https://h/v1/items/%d", i), Status: 200,
			RespBody: []byte(fmt.Sprintf(`{"id":%d}`, i))})
	}
	return out
}

// The split is the documented hash, so that it is the same on every machine and
// in every version that keeps the documentation.
func TestShardIsTheDocumentedHash(t *testing.T) {
	field := func(b []byte) []byte {
		return append(append(binary.AppendUvarint(nil, uint64(len(b))), b...), 0)
	}
	ixs := testInteractions(50)
	ixs = append(ixs, ixs[3], ixs[3], ixs[7]) // repeats count up
	ixs[10].Body = []byte("Action=x")
	seen := map[[32]byte]int{}
	var want []int
	for _, ix := range ixs {
		var in []byte
		for _, f := range [][]byte{[]byte("rec.har"), []byte(ix.Method), []byte(ix.URL), ix.Body, []byte(fmt.Sprint(ix.Status)), ix.RespBody} {
			in = append(in, field(f)...)
		}
		id := sha256.Sum256(in)
		sum := sha256.Sum256(append(field(id[:]), field([]byte(fmt.Sprint(seen[id])))...))
		seen[id]++
		want = append(want, 1+int(binary.BigEndian.Uint64(sum[:8])%5))
	}
	assert.Equal(t, want, assignments(t, "rec.har", ixs, 5))
	assert.NotEqual(t, want, assignments(t, "other.har", ixs, 5), "the recording's path is part of the identity")
}

// Entries appended to a recording, or inserted into it, leave the others in
// their shards; a recording added beside it changes nothing of it.
func TestShardsStableWhenRecordingsGrow(t *testing.T) {
	ixs := testInteractions(200)
	ixs = append(ixs, ixs[5], ixs[5]) // the same call made three times
	before := assignments(t, "a.yaml", ixs, 4)

	grown := append(slices.Clone(ixs), testInteractions(300)[200:]...)
	grown = append(grown, ixs[5])
	assert.Equal(t, before, assignments(t, "a.yaml", grown, 4)[:len(ixs)], "appending keeps every shard")

	inserted := slices.Insert(slices.Clone(ixs), 100, Interaction{Method: "POST", URL: "https://h/new", Status: 201})
	after := assignments(t, "a.yaml", inserted, 4)
	assert.Equal(t, before, slices.Delete(after, 100, 101), "inserting an entry keeps the others' shards")

	counts := map[int]int{}
	for _, k := range before {
		counts[k]++
	}
	for k := 1; k <= 4; k++ {
		assert.InDelta(t, len(ixs)/4, counts[k], 25, "shard %d/4 holds about a quarter", k)
	}
	assert.Equal(t, before, assignments(t, "a.yaml", ixs, 4), "the same every time")
}

func TestShardOneOfOneTakesAll(t *testing.T) {
	ixs := testInteractions(20)
	assert.Equal(t, slices.Repeat([]int{1}, 20), assignments(t, "x.har", ixs, 1))
	p := Shard{}.picker("x.har")
	for _, ix := range ixs {
		assert.True(t, p.take(ix))
	}
}
