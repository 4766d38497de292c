package memprobe

import (
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

var sink []byte

func TestPeakLiveHeapSeesWhatIsHeldAndRestoresGOGC(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)

	peak := PeakLiveHeap(func() { sink = make([]byte, 16<<20) })
	sink = nil
	assert.GreaterOrEqual(t, peak, uint64(16<<20), "a 16 MiB slice held at the end must show")
	assert.Equal(t, 100, debug.SetGCPercent(100), "GOGC must be put back")
}
