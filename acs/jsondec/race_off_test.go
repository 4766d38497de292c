//go:build !race

package jsondec

// raceEnabled: see race_on_test.go.
const raceEnabled = false
