package contract

import (
	"bytes"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requestByNewRequest is how Examine built the request it validates before
// validationRequest: with http.NewRequest, from the URL with query encoded.
func requestByNewRequest(method string, u *url.URL, query url.Values, header http.Header, body []byte) (*http.Request, error) {
	vu := *u
	vu.RawQuery = query.Encode()
	req, err := http.NewRequest(method, vu.String(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header = header
	return req, nil
}

// examineBoth examines ix with validationRequest and with requestByNewRequest.
func examineBoth(set *Set, ix Interaction, opts Options) (got, want Result) {
	got = set.Examine(ix, opts)
	defer func() { newValidationRequest = validationRequest }()
	newValidationRequest = requestByNewRequest
	return got, set.Examine(ix, opts)
}

// variants are ix and copies of it whose request is odd in the ways a
// recording can be: another method, query or Content-Type.
func variants(ix Interaction) []Interaction {
	out := []Interaction{ix}
	for _, m := range []string{"get", "G ET", "GET\n", "PÖST", "M@", "{}"} {
		v := ix
		v.Method = m
		out = append(out, v)
	}
	for _, suffix := range []string{"?", "?a=1&a=&b", "?PluginId=&Action=x", "#frag", "?%zz", "?;x"} {
		v := ix
		v.URL += suffix
		out = append(out, v)
	}
	for _, ct := range []string{"", "application/x-www-form-urlencoded", "Application/JSON; charset=utf-8", "text/plain;;"} {
		v := ix
		v.Header = ix.Header.Clone()
		if v.Header == nil {
			v.Header = http.Header{}
		}
		v.Header.Set("Content-Type", ct)
		out = append(out, v)
	}
	return out
}

// The request validationRequest builds gives the findings http.NewRequest's
// gave, on every recording of the repository and odd variants of each, by
// both validators, strict or not.
func TestValidationRequestAgrees(t *testing.T) {
	kin, compiled := productSets(t, apigSpec, cloudapiSpec)
	small, err := Load([]string{rpcSpec, roaSpec})
	require.NoError(t, err)
	var files []string
	for _, dir := range []string{"../contracttests/testdata", "testdata"} {
		found, err := RecordingFiles([]string{dir})
		require.NoError(t, err)
		files = append(files, found...)
	}
	n := 0
	for _, f := range files {
		ixs, err := ReadRecording(f)
		if err != nil {
			continue // the fixtures of refused recordings
		}
		for _, ix := range ixs {
			for _, v := range variants(ix) {
				for _, set := range []*Set{kin, compiled, small} {
					for _, strict := range []bool{false, true} {
						got, want := examineBoth(set, v, Options{Strict: strict})
						require.Equal(t, want, got, "%s: %s %s", f, v.Method, v.URL)
						n++
					}
				}
			}
		}
	}
	t.Logf("%d checks agree", n)
}

// FuzzValidationRequest holds validationRequest to http.NewRequest's findings
// on arbitrary methods, URLs, Content-Types and bodies.
func FuzzValidationRequest(f *testing.F) {
	set, err := Load([]string{apigSpec, cloudapiSpec})
	require.NoError(f, err)
	set.UseCompiled(compiledSpecs...)
	f.Add("GET", "https://apig.cn-hangzhou.aliyuncs.com/v1/plugin-attachments/pa-1", "", "", "GetPluginAttachment")
	f.Add("POST", "https://apigateway.cn-hangzhou.aliyuncs.com/?Action=AttachPlugin&Version=2016-07-14&ApiIds=a%2Cb&StageName=RELEASE&PluginId=p",
		"application/x-www-form-urlencoded", "GroupId=g&SecurityToken=x", "")
	f.Add("POST", "https://apig.cn-hangzhou.aliyuncs.com/v1/plugin-attachments", "application/json; charset=utf-8",
		`{"pluginId":"p","attachResourceType":"HttpApi"}`, "CreatePluginAttachment")
	f.Add("P\tOST", "//a/%41?x#y", "Application/X-WWW-Form-Urlencoded; a=1; a=2", "%zz", "")
	f.Fuzz(func(t *testing.T, method, rawURL, contentType, body, action string) {
		ix := Interaction{Method: method, URL: rawURL, Body: []byte(body), Status: 200,
			Header:     http.Header{"Content-Type": {contentType}, "X-Acs-Action": {action}},
			RespHeader: http.Header{"Content-Type": {"application/json"}}, RespBody: []byte(`{"requestId":"r"}`)}
		got, want := examineBoth(set, ix, Options{Strict: true})
		require.Equal(t, want, got)
	})
}

// FuzzReparsedURL holds the fact validationRequest rests on: a URL url.Parse
// reads, with its query replaced by an encoded one, parses again once
// formatted, so http.NewRequest could not have failed on it.
func FuzzReparsedURL(f *testing.F) {
	for _, s := range []string{"https://h.example.com/v1/x?a=b", "https://[fe80::1%25en0]:80/x%2Fy?q#f%20g", "//a/b", "a:b",
		"/x:y", "http://u:p@h/", "mailto:x@y", "magnet:?x", "http://a%41/", "http://h/a b", "http:///x", "http://@/", "./a:b",
		"http://h:/", "*", ""} {
		f.Add(s, "a=b")
	}
	f.Fuzz(func(t *testing.T, raw, query string) {
		u, err := url.Parse(raw)
		if err != nil {
			return
		}
		q, _ := url.ParseQuery(query)
		vu := *u
		vu.RawQuery = q.Encode()
		_, err = url.Parse(vu.String())
		require.NoError(t, err, "%q parses, %q does not", raw, vu.String())
	})
}

// isToken accepts the methods http.NewRequest accepts, but "", which it takes
// for GET (and a recording without a method is incomplete before any request
// is built).
func TestIsTokenIsNetHTTPs(t *testing.T) {
	var methods []string
	for c := range 256 {
		methods = append(methods, string(rune(c)), "A"+string([]byte{byte(c)}))
	}
	methods = append(methods, "", "GET", "M-SEARCH", "x.y_z~!#$%&'*+^`|", "ÄÖ")
	for _, m := range methods {
		_, err := http.NewRequest(m, "/", nil)
		assert.Equal(t, err == nil && m != "", isToken(m), "%q", m)
	}
}

// mediaTypeCases are Content-Types as recordings hold them and as they go
// wrong.
var mediaTypeCases = []string{
	"", "application/json", "application/json;charset=utf-8", "application/json; charset=utf-8", " application/json ",
	"Application/JSON", "text", "text/", "/json", "a/b/c", "a b/c", "a/b;", "a/b; x=1;", "a/b; x=1; x=2", "a/b; x=1; x=1",
	"a/b; x", "a/b; x=\"1;2\"", "a/b;x*=utf-8''%41", "a/b; x*0=a; x*1=b", "\ta/b\t", "\va/b", "a/b\u00a0", "a/{b}",
	"a/b\x00", "application/x-www-form-urlencoded", "APPLICATION/X-WWW-FORM-URLENCODED;charset=utf-8",
	"application/x-www-form-urlencoded; a=1; a=2", "application/x-www-form-urlencoded; =", "application/x-www-form-urlenſoded",
	"application/x-www-form-urlencoded\u212a", "application/x-www-form-urlencoded ;", " application/x-www-form-urlencoded",
}

func requireMediaTypeAgrees(t *testing.T, v string) {
	mt, _, err := mime.ParseMediaType(v)
	require.Equal(t, mt, mediaType(v), "%q", v)
	require.Equal(t, err == nil && mt == formType, isForm(v), "%q", v)
}

func TestMediaTypeIsParseMediaTypes(t *testing.T) {
	for _, v := range mediaTypeCases {
		requireMediaTypeAgrees(t, v)
	}
}

func FuzzMediaType(f *testing.F) {
	for _, v := range mediaTypeCases {
		f.Add(v)
	}
	f.Fuzz(requireMediaTypeAgrees)
}

// The recordings of the repository mostly carry Content-Types mediaType
// reads without mime.ParseMediaType.
func TestMediaTypeFastOnRecordings(t *testing.T) {
	files, _ := filepath.Glob("../contracttests/testdata/*/*.yaml")
	fast, all := 0, 0
	for _, p := range files {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		for _, line := range strings.Split(string(data), "\n") {
			if !strings.Contains(line, "- application/") {
				continue
			}
			v := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
			all++
			if t, params, _ := strings.Cut(v, ";"); simpleMediaType(t) && !strings.Contains(params, ";") {
				fast++
			}
		}
	}
	require.NotZero(t, all)
	assert.Equal(t, all, fast)
}
