package allofunions_test

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs/jsondec"
	"github.com/acsgen/acsgen/generator/internal/cases/allofunions"
	"github.com/acsgen/acsgen/internal/jsonrepeat"
)

// sample is one JSON value of an allOf over a union, with the field of the
// union decoding sets ("" when the value is invalid). plainMiss marks an
// invalid value that plain decoding, as encoding/json's, cannot tell from a
// valid one: null for an optional property, an absent required property held
// by value, a member a closed object does not declare. Strict decoding does.
type sample struct {
	json, field string
	plainMiss   bool
}

// samples are, per property of Catalog, values valid for one alternative, for
// none, for several, and valid for an alternative but not for the other parts.
var samples = map[string][]sample{
	"shipment": {
		{json: `{"createdBy":"a","kind":"parcel","weight":2}`, field: "Parcel"},
		{json: `{"createdBy":"a","kind":"letter","pages":1}`, field: "Letter"},
		{json: `{"createdBy":"a","kind":"letter","pages":1,"weight":2}`, field: "Letter"},
		{json: `{"kind":"parcel","weight":2}`},
		{json: `{"createdBy":"","kind":"parcel","weight":2}`},
		{json: `{"createdBy":"a","kind":"parcel","weight":0}`},
		{json: `{"createdBy":"a","kind":"boat","weight":1}`},
		{json: `{"createdBy":"a","kind":"parcel","pages":1}`},
		{json: `{"createdBy":"a","pages":1}`},
		{json: `["parcel"]`},
		{json: `null`, plainMiss: true},
	},
	"tracked": {
		{json: `{"createdBy":"a","code":"AB1"}`, field: "Variant0"},
		{json: `{"createdBy":"a","serial":7,"note":"hi"}`, field: "Variant1"},
		{json: `{"createdBy":"a","code":"ab1"}`},
		{json: `{"createdBy":"a","code":"AB1","note":"toolong"}`},
		{json: `{"createdBy":"a","code":"AB1","serial":1}`},
		{json: `{"createdBy":"a"}`},
		{json: `{"code":"AB1"}`},
		{json: `{"createdBy":"a","serial":1.5}`},
	},
	"route": {
		{json: `{"stop":3,"via":"plane"}`, field: "Variant0"},
		{json: `{"stop":3,"via":2}`, field: "Variant1"},
		{json: `{"stop":3}`, field: "Variant0"},
		{json: `{"stop":3,"hops":1}`, field: "Variant0"},
		{json: `{"stop":3,"via":2,"hops":"x"}`},
		{json: `{"stop":10,"via":"plane"}`},
		{json: `{"stop":3,"via":"car"}`},
		{json: `{"via":"ship"}`},
		{json: `{"stop":null}`},
	},
	"folder": {
		{json: `{"file":"a"}`, field: "FolderVariant0"},
		{json: `{"entries":[]}`, field: "FolderVariant1"},
		{json: `{"entries":[{"file":"x","size":1}]}`, field: "FolderVariant1"},
		{json: `{"entries":[{"entries":[{"file":"y"}]}]}`, field: "FolderVariant1"},
		{json: `{"entries":[{"file":"x","size":-1}]}`},
		{json: `{"entries":[{"entries":[],"size":1}]}`, plainMiss: true},
		{json: `{"entries":[{"size":1}]}`},
		{json: `{"entries":[],"file":"a"}`, field: "FolderVariant0"},
		{json: `{"entries":[],"other":1}`, plainMiss: true},
		{json: `{"entries":[{"file":"x"},{"entries":[{"file":7}]}]}`},
	},
	"labeled": {
		{json: `{"kind":"letter","pages":2,"label":"x"}`, field: "Letter"},
		{json: `{"kind":"parcel","weight":1,"label":"x"}`, field: "Parcel"},
		{json: `{"kind":"letter","pages":2}`, plainMiss: true},
		{json: `{"kind":"letter","pages":0,"label":"x"}`},
		{json: `{"kind":"card","label":"x"}`},
	},
}

func loadCatalog(t testing.TB) *openapi3.Schema {
	doc, err := openapi3.NewLoader().LoadFromFile("spec.yaml")
	require.NoError(t, err)
	return doc.Components.Schemas["Catalog"].Value
}

// body is the Catalog document holding value as its property name.
func body(name, value string) string { return `{"` + name + `":` + value + `}` }

// strictly decodes a Catalog document as unions try their alternatives, and
// validates it.
func strictly(doc string) (allofunions.Catalog, error) {
	var c allofunions.Catalog
	var d jsondec.Decoder
	d.Reset([]byte(doc))
	err := d.Try(c.DecodeJSON)
	if err == nil {
		err = c.Validate()
	}
	return c, err
}

// plainly decodes a Catalog document as a client does, and validates it.
func plainly(doc string) (allofunions.Catalog, error) {
	var c allofunions.Catalog
	err := json.Unmarshal([]byte(doc), &c)
	if err == nil {
		err = c.Validate()
	}
	return c, err
}

// kin-openapi is the oracle: a value is valid for it exactly when it decodes,
// strictly, into the generated type and passes Validate. It checks each allOf
// part in turn; the generated type is one union whose alternatives hold the
// other parts.
func TestStrictDecodingAgreesWithKin(t *testing.T) {
	schema := loadCatalog(t)
	for name, list := range samples {
		for _, s := range list {
			doc := body(name, s.json)
			var instance any
			require.NoError(t, json.Unmarshal([]byte(doc), &instance))
			kinErr := schema.VisitJSON(instance)
			_, ours := strictly(doc)
			assert.Equal(t, kinErr == nil, ours == nil, "%s: kin-openapi says %v, the generated type %v", doc, kinErr, ours)
			assert.Equal(t, s.field != "", kinErr == nil, "%s: the sample's verdict, kin-openapi's %v", doc, kinErr)
		}
	}
}

// Plain decoding, as a client's, agrees with kin-openapi but where the sample
// says it cannot see the fault, and sets the alternative the value is valid
// for: the only one (oneOf), or the first (anyOf).
func TestDecodingPicksTheAlternativeTheValueIsValidFor(t *testing.T) {
	for name, list := range samples {
		for _, s := range list {
			if s.plainMiss {
				continue
			}
			c, err := plainly(body(name, s.json))
			if s.field == "" {
				assert.Error(t, err, "%s: %s", name, s.json)
				continue
			}
			if assert.NoError(t, err, "%s: %s", name, s.json) {
				assert.Equal(t, s.field, setField(reflect.ValueOf(c).FieldByName(goField[name]).Interface()), "%s: %s", name, s.json)
			}
		}
	}
}

// goField is Catalog's field of each property.
var goField = map[string]string{"shipment": "Shipment", "tracked": "Tracked", "route": "Route", "folder": "Folder", "labeled": "Labeled"}

// The alternative decoding picked carries every part's properties: the other
// parts' as well as its own.
func TestAlternativesHoldEveryPart(t *testing.T) {
	c, err := plainly(body("shipment", `{"createdBy":"ann","kind":"parcel","weight":2.5}`))
	require.NoError(t, err)
	require.NotNil(t, c.Shipment.Parcel)
	assert.Equal(t, allofunions.ShipmentParcel{CreatedBy: "ann", Kind: "parcel", Weight: 2.5}, *c.Shipment.Parcel)

	c, err = plainly(body("tracked", `{"createdBy":"bob","serial":7,"note":"hi"}`))
	require.NoError(t, err)
	require.NotNil(t, c.Tracked.Variant1)
	assert.Equal(t, allofunions.TrackedVariant1{CreatedBy: "bob", Note: new("hi"), Serial: 7}, *c.Tracked.Variant1)
}

// What decoding picked encodes to JSON that decodes to the same value.
func TestPickedAlternativesEncodeAndDecodeAgain(t *testing.T) {
	for name, list := range samples {
		for _, s := range list {
			if s.field == "" {
				continue
			}
			c, err := plainly(body(name, s.json))
			require.NoError(t, err)
			out, err := json.Marshal(c)
			require.NoError(t, err)
			again, err := strictly(string(out))
			require.NoError(t, err, "%s", out)
			assert.Equal(t, c, again, "%s: %s encodes as %s", name, s.json, out)
		}
	}
}

// A request body that is an allOf over a union is checked before it is sent.
func TestRequestBodyIsValidated(t *testing.T) {
	req := allofunions.PostShipmentRequest{Body: &allofunions.Shipment{Letter: &allofunions.ShipmentLetter{Kind: "letter", Pages: 1}}}
	assert.ErrorContains(t, req.Validate(), "createdBy")
	req.Body.Letter.CreatedBy = "ann"
	assert.NoError(t, req.Validate())
}

// setField names the field of the union *u that is set, "" for none.
func setField(u any) string {
	v := reflect.ValueOf(u)
	if v.IsNil() {
		return ""
	}
	v = v.Elem()
	for i := range v.NumField() {
		if !v.Field(i).IsNil() {
			return v.Type().Field(i).Name
		}
	}
	return ""
}

// FuzzStrictDecodingAgreesWithKin holds strict decoding and Validate to
// kin-openapi's verdict on any JSON value of any property of Catalog.
func FuzzStrictDecodingAgreesWithKin(f *testing.F) {
	names := slices.Sorted(maps.Keys(samples))
	for i, name := range names {
		for _, s := range samples[name] {
			f.Add(uint8(i), s.json)
		}
	}
	schema := loadCatalog(f)
	f.Fuzz(func(t *testing.T, which uint8, value string) {
		doc := body(names[int(which)%len(names)], value)
		var instance any
		if json.Unmarshal([]byte(doc), &instance) != nil || jsonrepeat.Keys(doc) {
			return
		}
		kinErr := schema.VisitJSON(instance)
		if _, ours := strictly(doc); (kinErr == nil) != (ours == nil) {
			t.Fatalf("%s: kin-openapi says %v, the generated type %v", doc, kinErr, ours)
		}
	})
}
