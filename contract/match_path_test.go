package contract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// splitMatchPath is matchPath as it was, splitting the path for every
// template: the reference the walk in place is held to.
func splitMatchPath(tmpl []string, path string, empty bool) (map[string]string, bool) {
	segs := strings.Split(path, "/")
	if len(segs) != len(tmpl) {
		return nil, false
	}
	params := map[string]string{}
	for i, t := range tmpl {
		if strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") {
			if segs[i] == "" && !empty {
				return nil, false
			}
			params[t[1:len(t)-1]] = segs[i]
			continue
		}
		if t != segs[i] {
			return nil, false
		}
	}
	return params, true
}

func FuzzMatchPath(f *testing.F) {
	for _, c := range [][2]string{
		{"/v1/plugin-attachments/{pluginAttachmentId}", "/v1/plugin-attachments/pa-1"},
		{"/v1/plugin-attachments/{pluginAttachmentId}", "/v1/plugin-attachments/"},
		{"/v1/{a}/{b}", "/v1/x%2Fy/"}, {"/", "/"}, {"/{a}", "//"}, {"/a/b", "/a/b/c"},
	} {
		f.Add(c[0], c[1], false)
		f.Add(c[0], c[1], true)
	}
	f.Fuzz(func(t *testing.T, template, path string, empty bool) {
		tmpl := strings.Split(template, "/")
		want, wantOK := splitMatchPath(tmpl, path, empty)
		got, ok := matchPath(tmpl, path, empty)
		require.Equal(t, wantOK, ok)
		if ok {
			require.Equal(t, want, got)
		}
	})
}

// route tries the templates of every operation of a method: one that does not
// match costs no allocation.
func TestMatchPathAllocatesOnlyAMatch(t *testing.T) {
	tmpl := strings.Split("/v1/plugin-attachments/{pluginAttachmentId}", "/")
	for _, path := range []string{"/v1/plugin-attachments", "/v1/gateways/gw-1", "/v1/plugin-attachments/"} {
		assert.Zero(t, testing.AllocsPerRun(100, func() { matchPath(tmpl, path, false) }), path)
	}
	got, ok := matchPath(tmpl, "/v1/plugin-attachments/pa-1", false)
	require.True(t, ok)
	require.Equal(t, map[string]string{"pluginAttachmentId": "pa-1"}, got)
}

func TestUnescapePathValuesIsPathValuesInPlace(t *testing.T) {
	in := map[string]string{"a": "x%2Fy", "b": "plain", "c": "bad%zz", "d": "%22json%22", "e": ""}
	want := PathValues(in)
	unescapePathValues(in)
	require.Equal(t, want, in)
	require.Equal(t, map[string]string{"a": "x/y", "b": "plain", "c": "bad%zz", "d": `"json"`, "e": ""}, in)
}
