package contract

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"strconv"
	"strings"
)

// MaxShards bounds the N of a shard K/N: more shards than that is surely a typo.
const MaxShards = 10_000

// A Shard is the K-th of N parts of the interactions of a set of recordings
// (--shard K/N). The zero value is all of them.
//
// Each interaction falls in one shard, picked by a hash of its identity, so the
// split needs no coordination and comes out the same on every machine:
//
//	id    = SHA-256(recording path, method, URL, request body, status, response body)
//	shard = 1 + (first 8 bytes of SHA-256(id, n), big-endian) mod N
//
// where each field is written as its length (uvarint), its bytes and a NUL, and
// n counts the earlier entries of the same recording with the same id (0 for the
// first). Appending entries to a recording, adding recordings or removing them
// leaves every other interaction in its shard; so does inserting or removing an
// entry in the middle of a recording, which a split by position would not,
// except for later entries identical to it.
type Shard struct {
	Index int // 1 to Count, e.g. 2 of "2/4"
	Count int // e.g. 4; 0 means no sharding
}

// ParseShard reads "K/N", with 1 ≤ K ≤ N ≤ MaxShards.
func ParseShard(s string) (Shard, error) {
	k, n, ok := strings.Cut(s, "/")
	if !ok {
		return Shard{}, fmt.Errorf("shard %q: want K/N, such as 1/4 for the first of four", s)
	}
	ki, err1 := strconv.Atoi(k)
	ni, err2 := strconv.Atoi(n)
	switch {
	case err1 != nil || err2 != nil:
		return Shard{}, fmt.Errorf("shard %q: K and N are whole numbers, as in 1/4", s)
	case ni < 1 || ni > MaxShards:
		return Shard{}, fmt.Errorf("shard %q: N must be from 1 to %d", s, MaxShards)
	case ki < 1 || ki > ni:
		return Shard{}, fmt.Errorf("shard %q: K counts from 1 to N (%d)", s, ni)
	}
	return Shard{Index: ki, Count: ni}, nil
}

func (sh Shard) String() string {
	if sh.Count == 0 {
		return "all"
	}
	return fmt.Sprintf("%d/%d", sh.Index, sh.Count)
}

// all reports whether sh takes every interaction.
func (sh Shard) all() bool { return sh.Count <= 1 }

// interactionID hashes the fields that identify an interaction within its
// recording.
func interactionID(recording string, ix Interaction) [sha256.Size]byte {
	h := sha256.New()
	field(h, []byte(recording))
	field(h, []byte(ix.Method))
	field(h, []byte(ix.URL))
	field(h, ix.Body)
	field(h, []byte(strconv.Itoa(ix.Status)))
	field(h, ix.RespBody)
	var id [sha256.Size]byte
	h.Sum(id[:0])
	return id
}

// shardOf is the shard, 1 to count, of the n-th interaction with this id.
func shardOf(id [sha256.Size]byte, n, count int) int {
	h := sha256.New()
	field(h, id[:])
	field(h, []byte(strconv.Itoa(n)))
	var sum [sha256.Size]byte
	return 1 + int(binary.BigEndian.Uint64(h.Sum(sum[:0]))%uint64(count))
}

// field writes s with its length and a NUL, so that no two lists of fields hash
// alike ("ab","c" and "a","bc").
func field(h hash.Hash, b []byte) {
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(b)))])
	h.Write(b)
	h.Write([]byte{0})
}

// shardPicker decides, entry by entry, which interactions of one recording belong
// to a shard. It counts the entries seen by their id, so it holds one map entry
// (about 40 bytes) per distinct interaction of the recording. The key is half the
// id: two ids that share it would only share a count, which is still the same on
// every machine.
type shardPicker struct {
	shard     Shard
	recording string
	seen      map[[16]byte]int
}

func (sh Shard) picker(recording string) *shardPicker {
	p := &shardPicker{shard: sh, recording: recording}
	if !sh.all() {
		p.seen = map[[16]byte]int{}
	}
	return p
}

// take reports whether the next entry of the recording is the shard's.
func (p *shardPicker) take(ix Interaction) bool {
	if p.shard.all() {
		return true
	}
	id := interactionID(p.recording, ix)
	key := [16]byte(id[:16])
	n := p.seen[key]
	p.seen[key] = n + 1
	return shardOf(id, n, p.shard.Count) == p.shard.Index
}
