package mock

import (
	"sync"
	"time"
)

// The service refuses a signature nonce it has seen within the signature's
// validity window (SignatureNonceUsed), which is what makes a captured request
// useless to replay. The mock does the same, so that tests catch a client that
// reuses nonces and a replay test sees the service's answer.

// maxNonces bounds the nonces remembered: past it the oldest are forgotten first,
// so memory stays bounded (about 100 bytes each) under any load.
const maxNonces = 1 << 18

type nonceCache struct {
	mu     sync.Mutex
	window time.Duration
	at     map[string]time.Time
	order  []string // insertion order, oldest first
}

func newNonceCache(window time.Duration) *nonceCache {
	return &nonceCache{window: window, at: map[string]time.Time{}}
}

// used reports whether nonce was already used within the window, and remembers it.
func (c *nonceCache) used(nonce string, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.order) > 0 && (len(c.order) >= maxNonces || now.Sub(c.at[c.order[0]]) > c.window) {
		delete(c.at, c.order[0])
		c.order = c.order[1:]
	}
	if _, ok := c.at[nonce]; ok {
		return true
	}
	c.at[nonce] = now
	c.order = append(c.order, nonce)
	return false
}
