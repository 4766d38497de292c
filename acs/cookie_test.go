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

// Exploded arrays and objects are one pair per item or member; net/http's cookie
// parser, which reads the Cookie header as RFC 6265 writes it, gives each back.
func TestAddCookiePairsAndObjects(t *testing.T) {
	h := http.Header{}
	acs.AddCookie(h, "s", "x")
	acs.AddCookiePairs(h, "ids", "3", "a;b")
	acs.AddCookiePairs(h, "none")
	assert.NoError(t, acs.CookieObject(h, "color", true, map[string]any{"R": 100, "G b": "x,y"}))
	assert.NoError(t, acs.CookieObject(h, "shade", false, struct {
		L    int     `json:"l"`
		Name *string `json:"name,omitempty"`
		On   bool    `json:"on"`
	}{L: 5, On: true}))
	assert.NoError(t, acs.CookieObject(h, "unset", true, nil))
	assert.NoError(t, acs.CookieObject(h, "bare", false, map[string]string{}))
	assert.Equal(t, []string{"s=x; ids=3; ids=a%3Bb; G%20b=x%2Cy; R=100; shade=l,5,on,true"}, h["Cookie"])

	r := &http.Request{Header: h}
	var ids []string
	for _, c := range r.CookiesNamed("ids") {
		ids = append(ids, c.Value)
	}
	assert.Equal(t, []string{"3", "a%3Bb"}, ids)
	c, err := r.Cookie("shade")
	if assert.NoError(t, err) {
		assert.Equal(t, "l,5,on,true", c.Value)
	}

	assert.ErrorContains(t, acs.CookieObject(h, "n", true, map[string]any{"a": []int{1}}), "member a is an object or an array")
	assert.ErrorContains(t, acs.CookieObject(h, "n", true, 5), "not an object")
}
