package interop_test

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/alibabacloud-go/tea/dara"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Headers that differ between acsgen and darabonba by design. Every other header must
// be present in both requests, and every other signed header must be signed by both.
var (
	// daraOnly are headers darabonba sends and acsgen does not. None is required by
	// the V3 signature documentation; the service accepts requests without them.
	daraOnly = map[string]string{
		// credentials-go's name for the credential source ("static_ak", "static_sts",
		// "env", …): client telemetry. darabonba signs it only because every x-acs-*
		// header is signed. acsgen does not report where its keys came from.
		"X-Acs-Credentials-Provider": "telemetry of the credential source",
		// Sent with STS credentials only, repeating the AccessKeyId that the
		// Authorization header already carries (Credential=…). Redundant.
		"X-Acs-Accesskey-Id": "repeats Credential= of Authorization (STS only)",
	}
	// perRequest are headers both send whose values differ on every request or per
	// client: the clock, the nonce, the product's self-description, and the signature
	// over all of these.
	perRequest = []string{"X-Acs-Date", "X-Acs-Signature-Nonce", "User-Agent", "Authorization"}
)

var hexNonce = regexp.MustCompile(`^[0-9a-f]{32}$`)

// assertSameWire checks that acsgen's request (mine) and darabonba's (theirs) are
// the same on the wire, modulo the listed per-client headers.
func assertSameWire(t *testing.T, mine, theirs captured) {
	t.Helper()
	assert.Equal(t, theirs.Method, mine.Method, "method")
	assert.Equal(t, theirs.Path, mine.Path, "escaped path")
	// The raw query may differ: darabonba encodes with url.Values.Encode (a space as
	// "+", "~" as %7E), acsgen with RFC 3986 (%20, "~"). Both decode to the same
	// values, which is what the service reads and what both signatures cover.
	assert.Equal(t, theirs.Query, mine.Query, "query (parsed); raw: acsgen %q, darabonba %q", mine.RawQuery, theirs.RawQuery)
	assert.Equal(t, theirs.Body, mine.Body, "body")
	assert.Equal(t, theirs.Host, mine.Host, "host")

	// The signed-header sets match once darabonba's extras are left out.
	var theirSigned []string
	for _, h := range theirs.signedHeaders() {
		if _, extra := daraOnly[http.CanonicalHeaderKey(h)]; !extra {
			theirSigned = append(theirSigned, h)
		}
	}
	assert.Equal(t, theirSigned, mine.signedHeaders(), "signed headers (less %v)", keys(daraOnly))

	// The header sets match modulo daraOnly, and every header both send has the
	// same value unless it is per-request.
	var mineNames, theirNames []string
	for k := range mine.Header {
		mineNames = append(mineNames, k)
	}
	for k := range theirs.Header {
		if _, extra := daraOnly[k]; !extra {
			theirNames = append(theirNames, k)
		}
	}
	slices.Sort(mineNames)
	slices.Sort(theirNames)
	assert.Equal(t, theirNames, mineNames, "header names")
	for k, v := range mine.Header {
		if !slices.Contains(perRequest, k) && theirs.Header[k] != nil {
			assert.Equal(t, theirs.Header[k], v, "header %s", k)
		}
	}

	// The per-request values have the same form.
	for _, c := range []captured{mine, theirs} {
		d, err := time.Parse("2006-01-02T15:04:05Z", c.Header.Get("X-Acs-Date"))
		if assert.NoError(t, err, "x-acs-date") {
			assert.WithinDuration(t, time.Now(), d, time.Minute, "x-acs-date is now, in UTC")
		}
		assert.Regexp(t, hexNonce, c.Header.Get("X-Acs-Signature-Nonce"), "nonce: 32 lower-case hex digits")
	}
	assert.NotEqual(t, theirs.Header.Get("X-Acs-Signature-Nonce"), mine.Header.Get("X-Acs-Signature-Nonce"))
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// awkwardIDs are path parameter values that test the encoding of one path segment.
var awkwardIDs = []string{
	"pa-cvl541em1hkk7n8vq810", // the documented example
	"pa 1",                    // space: %20, never "+"
	"a/b",                     // slash: %2F, so that the value stays one segment
	"a*b",                     // star: %2A
	"a~b",                     // tilde: kept literal
	"插件-ü",                    // UTF-8, upper-case hex
	"a+b%c",                   // plus and percent: %2B, %25
	"a?b#c&d=e",               // query and fragment delimiters
	"a;b,c:d@e",               // sub-delimiters that a path may carry unencoded
}

func TestWireGetPluginAttachmentMatchesDarabonba(t *testing.T) {
	for _, key := range []creds{plainKey, stsKey} {
		for _, id := range awkwardIDs {
			t.Run(fmt.Sprintf("%s/%q", key.id, id), func(t *testing.T) {
				srv := newServer(t)
				_, err := acsgenGetPluginAttachment(t, srv, key, id)
				require.NoError(t, err)
				mine := srv.take(t)
				_, err = daraGetPluginAttachment(t, srv, key, id)
				require.NoError(t, err)
				theirs := srv.take(t)

				assertSameWire(t, mine, theirs)
				assert.Equal(t, "GET", mine.Method)
				assert.Equal(t, "/v1/plugin-attachments/"+dara.PercentEncode(id), mine.Path)
				assert.Empty(t, mine.RawQuery)
				assert.Empty(t, mine.Body)
			})
		}
	}
}

// attachInputs are AttachPlugin calls: optional parameters set and unset, ApiIds with
// one and several items, and values that need encoding. A StageName outside the
// enum is not among them: the SDKs send it, the generated client refuses it before
// sending, as it refuses everything its spec rejects.
var attachInputs = map[string]attachInput{
	"required only":   {PluginID: "9a3f1a5279434f2ba74ccd91c295af9f", StageName: "RELEASE"},
	"all, one ApiIds": {PluginID: "9a3f1a5279434f2ba74ccd91c295af9f", StageName: "TEST", GroupID: ptr("285bb759342649a1b70c2093a772e087"), APIID: ptr("8afff6c8c4c6447abb035812e4d66b65"), APIIDs: []string{"xxx"}},
	"several ApiIds":  {PluginID: "p1", StageName: "PRE", APIIDs: []string{"api-1", "api-2", "api-3"}},
	"awkward values":  {PluginID: "p 1*~ü+/&=?%", StageName: "TEST", GroupID: ptr("g 2;#"), APIID: ptr("插件"), APIIDs: []string{"x y", "z/ü", "a~b*c"}},
	"empty optional":  {PluginID: "p1", StageName: "TEST", GroupID: ptr("")},
	"hundred ApiIds": {PluginID: "p1", StageName: "TEST", APIIDs: func() []string {
		ids := make([]string, 100)
		for i := range ids {
			ids[i] = fmt.Sprintf("api-%03d", i)
		}
		return ids
	}()},
}

func ptr(s string) *string { return &s }

func TestWireAttachPluginMatchesDarabonba(t *testing.T) {
	for _, key := range []creds{plainKey, stsKey} {
		for name, in := range attachInputs {
			t.Run(key.id+"/"+name, func(t *testing.T) {
				srv := newServer(t)
				_, err := acsgenAttachPlugin(t, srv, key, in)
				require.NoError(t, err)
				mine := srv.take(t)
				_, err = daraAttachPlugin(t, srv, key, in)
				require.NoError(t, err)
				theirs := srv.take(t)

				assertSameWire(t, mine, theirs)
				assert.Equal(t, "POST", mine.Method)
				assert.Equal(t, "/", mine.Path)
				assert.Empty(t, mine.Body, "RPC business parameters travel in the query")
				assert.Empty(t, mine.Header.Get("Content-Type"), "no body, no content type")
			})
		}
	}
}

// businessParams are AttachPlugin's own parameters; everything else in the old SDK's
// query (AccessKeyId, Action, Format, RegionId, Signature*, Timestamp, Version) is the
// V1 signature's common parameters.
var businessParams = []string{"PluginId", "StageName", "GroupId", "ApiId", "ApiIds"}

func TestWireAttachPluginBusinessParamsMatchOldSDK(t *testing.T) {
	for name, in := range attachInputs {
		t.Run(name, func(t *testing.T) {
			srv := newServer(t)
			_, err := acsgenAttachPlugin(t, srv, plainKey, in)
			require.NoError(t, err)
			mine := srv.take(t)
			_, err = oldAttachPlugin(t, srv, in)
			require.NoError(t, err)
			old := srv.take(t)

			assert.Equal(t, mine.Method, old.Method)
			assert.Equal(t, mine.Path, old.Path)
			assert.Empty(t, old.Body)
			// The old core signs V1 (HMAC-SHA1) with the common parameters in the query.
			assert.Equal(t, "1.0", old.Query.Get("SignatureVersion"))
			assert.Equal(t, "HMAC-SHA1", old.Query.Get("SignatureMethod"))
			assert.Equal(t, "AttachPlugin", old.Query.Get("Action"))
			assert.Equal(t, "2016-07-14", old.Query.Get("Version"))
			for _, p := range businessParams {
				want := old.Query[p]
				if p == "GroupId" && in.GroupID != nil && *in.GroupID == "" {
					// The old SDK drops an empty string: its request fields are plain
					// strings, so "" means unset. acsgen and darabonba send GroupId=,
					// which is what the caller asked for.
					assert.Nil(t, want)
					assert.Equal(t, []string{""}, mine.Query[p])
					continue
				}
				assert.Equal(t, want, mine.Query[p], "business parameter %s", p)
			}
			for p := range mine.Query {
				assert.Contains(t, businessParams, p, "acsgen sends only business parameters in the query")
			}
		})
	}
}
