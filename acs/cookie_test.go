package acs_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/acsgen/acsgen/acs"
)

func TestAddCookie(t *testing.T) {
	h := http.Header{}
	acs.AddCookie(h, "session", "a b;c")
	acs.AddCookie(h, "ids", "1", "x,y", "")
	acs.AddCookie(h, "empty")
	assert.Equal(t, []string{"session=a%20b%3Bc; ids=1,x%2Cy,; empty="}, h["Cookie"])

	r := &http.Request{Header: h}
	c, err := r.Cookie("ids")
	if assert.NoError(t, err) {
		assert.Equal(t, "1,x%2Cy,", c.Value, "net/http reads the pair back whole")
	}
}
