package interop_test

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/interop/internal/styles"
)

// The differential test of the generated code for a form body (the metadata's
// formData parameters, a request body of application/x-www-form-urlencoded)
// against darabonba-openapi v2's CallApi with ReqBodyType "formData", driven as
// the official SDKs drive it: the styles case's CreateWidget, its query map through
// openapiutil.Query, its body map (models as the SDKs declare them, the json field
// rendered into its *Shrink string) through openapiutil.ParseToMap.

type (
	sdkZone struct {
		Id      *string `json:"Id,omitempty"`
		Primary *bool   `json:"Primary,omitempty"`
	}
	sdkSpec struct {
		Cpu  *int32  `json:"Cpu,omitempty"`
		Memo *string `json:"Memo,omitempty"`
	}
)

// formCall is one CreateWidget call made both ways: the generated request, and
// the query and body maps of the official SDK's CreateWidgetWithOptions.
type formCall struct {
	req         *styles.CreateWidgetRequest
	query, body map[string]any
}

func (g styleGen) createWidget() formCall {
	req := &styles.CreateWidgetRequest{RegionID: "cn-" + g.str(), Name: "n" + g.str()}
	q := map[string]any{"RegionId": dara.String(req.RegionID)}
	b := map[string]any{"Name": dara.String(req.Name)}
	if g.maybe() {
		req.Size = new(int32(g.r.IntN(200) - 99))
		b["Size"] = req.Size
	}
	if g.maybe() {
		req.Weight = new(g.float())
		b["Weight"] = req.Weight
	}
	if g.maybe() {
		req.Enabled = new(g.r.IntN(2) == 0)
		b["Enabled"] = req.Enabled
	}
	tags := make([]*sdkTag, 1+g.r.IntN(4))
	req.Tag = make([]styles.CreateWidgetTag, len(tags))
	for i := range tags {
		req.Tag[i] = styles.CreateWidgetTag{Key: "k" + g.str(), Value: g.optString()}
		tags[i] = &sdkTag{Key: &req.Tag[i].Key, Value: req.Tag[i].Value}
	}
	b["Tag"] = tags
	if g.maybe() {
		req.Zone = &styles.CreateWidgetZone{ID: g.optString()}
		zone := &sdkZone{Id: req.Zone.ID}
		if g.maybe() {
			req.Zone.Primary = new(g.r.IntN(2) == 0)
			zone.Primary = req.Zone.Primary
		}
		b["Zone"] = zone
	}
	if g.maybe() {
		req.Spec = &styles.CreateWidgetSpec{Memo: g.optString()}
		spec := &sdkSpec{Memo: req.Spec.Memo}
		if g.maybe() {
			req.Spec.CPU = new(g.r.Int32())
			spec.Cpu = req.Spec.CPU
		}
		b["Spec"] = openapiutil.ArrayToStringWithSpecifiedStyle(spec, dara.String("Spec"), dara.String("json"))
	}
	if n := g.n(4); n >= 0 {
		ids, sdk := g.strings(n)
		req.IDs = ids
		if n > 0 {
			b["Ids"] = sdk
		}
	}
	return formCall{req, q, b}
}

// daraCreateWidget is the official SDK's CreateWidgetWithOptions.
func daraCreateWidget(t *testing.T, srv *server, key creds, c formCall) {
	t.Helper()
	params := &openapiutil.Params{
		Action:      dara.String("CreateWidget"),
		Version:     dara.String("2021-01-01"),
		Protocol:    dara.String("HTTPS"),
		Pathname:    dara.String("/"),
		Method:      dara.String("POST"),
		AuthType:    dara.String("AK"),
		Style:       dara.String("RPC"),
		ReqBodyType: dara.String("formData"),
		BodyType:    dara.String("json"),
	}
	req := &openapiutil.OpenApiRequest{Query: openapiutil.Query(c.query), Body: openapiutil.ParseToMap(c.body)}
	_, err := daraClient(t, srv, key).CallApi(params, req, &dara.RuntimeOptions{})
	require.NoError(t, err)
}

// checkForm sends c both ways and compares what arrived: method, path, query,
// the body byte for byte, Content-Type and the signed headers.
func checkForm(t *testing.T, key creds, c formCall, o *rpcOutcome) {
	t.Helper()
	srv := newServer(t)
	client, err := styles.NewClient(acsgenOptions(srv, key)...)
	require.NoError(t, err)
	_, err = client.CreateWidget(t.Context(), c.req)
	require.NoError(t, err)
	mine := srv.take(t)
	daraCreateWidget(t, srv, key, c)
	theirs := srv.take(t)
	assertSameWire(t, mine, theirs)
	assert.Equal(t, "application/x-www-form-urlencoded", mine.Header.Get("Content-Type"))
	require.NoError(t, mine.VerifyErr, "acs's signature")
	if keysNeedEncoding(mine.Query) {
		o.encodedNames++
	} else {
		require.NoError(t, theirs.VerifyErr, "darabonba's signature")
	}
	o.sent++
}

const formRandomCalls = 300

func TestFormBodyMatchesCallApiOnRandomValues(t *testing.T) {
	var o rpcOutcome
	keys := map[string]int{}
	for i := range formRandomCalls {
		g := styleGen{newFlGen(uint64(i) + 11<<32)}
		c := g.createWidget()
		if !t.Run(fmt.Sprint(i), func(t *testing.T) { checkForm(t, plainKey, c, &o) }) {
			t.Fatalf("seed %d: %#v", i, c.body)
		}
		for k := range openapiutil.Query(openapiutil.ParseToMap(c.body)) {
			keys[shapeOf(k)]++
		}
	}
	t.Logf("%d random calls: %d sent by both; %d form key shapes: %v", formRandomCalls, o.sent, len(keys), keys)
	assert.Equal(t, formRandomCalls, o.sent)
	// Name, Size, Weight, Enabled, Tag.N.Key, Tag.N.Value, Zone.Id, Zone.Primary, Spec, Ids.N.
	assert.Len(t, keys, 10, "every form field was sent: %v", keys)
}

// Fields left unset, an empty list and an empty flat object add nothing to the
// body, as the SDKs leave nil fields out of their body map.
func TestFormBodyUnsetFieldsMatchCallApi(t *testing.T) {
	srv := newServer(t)
	client, err := styles.NewClient(acsgenOptions(srv, plainKey)...)
	require.NoError(t, err)
	_, err = client.CreateWidget(context.Background(), &styles.CreateWidgetRequest{RegionID: "r", Name: "n",
		Tag: []styles.CreateWidgetTag{{Key: "k"}}, IDs: []string{}, Zone: &styles.CreateWidgetZone{}})
	require.NoError(t, err)
	mine := srv.take(t)
	daraCreateWidget(t, srv, plainKey, formCall{query: map[string]any{"RegionId": dara.String("r")},
		body: map[string]any{"Name": dara.String("n"), "Tag": []*sdkTag{{Key: dara.String("k")}}, "Zone": &sdkZone{}}})
	theirs := srv.take(t)
	assertSameWire(t, mine, theirs)
	assert.Equal(t, url.Values{"RegionId": {"r"}}, mine.Query)
	assert.Equal(t, "Name=n&Tag.1.Key=k", string(mine.Body))
}
