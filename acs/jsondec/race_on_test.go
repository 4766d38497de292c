//go:build race

package jsondec

// raceEnabled: under the race detector sync.Pool drops items at random, so a
// pooled Walk is sometimes new and allocation counts say nothing of the walk.
const raceEnabled = true
