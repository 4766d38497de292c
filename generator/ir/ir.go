// Package ir is the plain-data model between build and emit. Every decision about the
// generated Go (names, types, optionality, wire encoding) is made by build and recorded
// here; emit only renders it. It imports neither kin-openapi nor jennifer.
package ir

import "github.com/acsgen/acsgen/generator/diag"

// Style is the Alibaba API style: how an operation is put on the wire.
type Style string

const (
	RPC Style = "RPC" // POST / with the action in x-acs-action, parameters in the query
	ROA Style = "ROA" // REST: method and path template per operation
)

// API is one Go package: the operations of one product and version, from one spec
// file or several merged (see build.Merge).
type API struct {
	Specs      []SpecFile // the spec files, sorted by path; never empty
	Package    string     // Go package name, e.g. "apig"
	ImportPath string     // import path of the package, e.g. "example.com/proj/internal/apig"; "" when unknown
	Title      string
	Doc        string
	Product    string // e.g. "APIG"
	Version    string // e.g. "2024-03-27"
	Style      Style
	Signed     bool // requests carry ACS3-HMAC-SHA256 signatures and x-acs-* headers; false for a plain OpenAPI spec

	Endpoint      string   // servers[0].url, e.g. "https://apig.{regionId}.aliyuncs.com"
	DefaultRegion string   // default of the regionId variable
	Regions       []string // enum of the regionId variable, in spec order
	// RegionHosts are the hosts of regions the URL template does not fit
	// (servers[0].x-acs-endpoints), by region ID.
	RegionHosts map[string]string

	Operations []*Operation // sorted by GoName
	Models     []*Model     // sorted by GoName

	VersionPos diag.Pos // where the product version is declared (x-acs-version, else info.version)
	ServersPos diag.Pos // where servers are declared, the file's start when they are not

	// Warnings are the spec problems that did not stop generation (diag.Diagnostic.Warning),
	// of every spec file, sorted.
	Warnings diag.List
}

// SpecFile is one spec file a package is generated from.
type SpecFile struct {
	Path   string // as given, for file headers, e.g. "spec/apig-2024-03-27.yaml"
	Digest string // hex SHA-256 of the file's bytes (line endings normalised)
}

// SpecPaths returns the paths of the spec files, in order.
func (a *API) SpecPaths() []string {
	out := make([]string, len(a.Specs))
	for i, s := range a.Specs {
		out[i] = s.Path
	}
	return out
}

// Operation is one API call.
type Operation struct {
	ID         string // operationId, e.g. "GetPluginAttachment"
	GoName     string // method name, e.g. "GetPluginAttachment"
	Action     string // x-acs-action header value
	Method     string // upper case, e.g. "GET"
	Path       string // wire path template, e.g. "/v1/plugin-attachments/{pluginAttachmentId}"; "/" for RPC
	PathKey    string // the key under paths in the spec, e.g. "/#Action=AttachPlugin"
	Summary    string
	Doc        string
	Deprecated bool

	PathParts []PathPart // Path split into literals and path parameters, for building the wire path
	Request   string     // Go name of the request struct, e.g. "GetPluginAttachmentRequest"
	Params    []*Param   // path parameters in template order, then the rest by GoName
	Body      *Body      // JSON request body, nil if none
	// Form is set when the request body is application/x-www-form-urlencoded: its
	// fields are the Params In InForm, and the method always sends an acs.Form body,
	// empty when none is set, as darabonba's CallApi does with ReqBodyType "formData".
	Form bool
	// Multipart is true when the request body is multipart/form-data: its fields
	// are the Params In InMultipart, sent as an acs.Multipart body. Related is
	// set too when it is multipart/related (acs.NewMultipartRelated).
	Multipart bool
	Related   bool
	// Raw is set when the request body is sent as it is (application/octet-stream
	// and other binary media types, text/plain): the request's Body field holds
	// its bytes or text. Body is nil then.
	Raw      *RawBody
	Response string // Go name of the success type, e.g. "GetPluginAttachmentResponse"
	// ResponseStatus is the responses key whose JSON body Response decodes ("200"),
	// "" when the success response has no JSON body.
	ResponseStatus string
	// RawResponse is set when the success response's body is not JSON: Response is
	// then a struct of the body's Content-Type and the body itself, text read whole
	// (Text, a string) or anything else streamed (an io.ReadCloser). MediaType is the
	// media types it may have, as the Accept header lists them.
	RawResponse *RawBody
	Errors      []Status // declared error responses, sorted
	// Example is the generated example call, nil when the package has a hand-written
	// ExampleClient_<GoName> (or no import path to write one with).
	Example *Example
	Pos     diag.Pos
}

// PathPart is a literal piece of a path template or one path parameter.
type PathPart struct {
	Literal string // e.g. "/v1/plugin-attachments/"
	Param   *Param // set instead of Literal for "{pluginAttachmentId}"
}

// Status is one declared non-success response.
type Status struct {
	Code  string // "404", "4XX", "default"
	Model string // Go name of its body type, "" if none
}

// ParamIn is where a parameter travels.
type ParamIn string

const (
	InPath   ParamIn = "path"
	InQuery  ParamIn = "query"
	InHeader ParamIn = "header"
	// InCookie is a cookie of OpenAPI style form in the request's one Cookie
	// header: one pair (acs.AddCookie), a pair per item of an exploded array
	// (acs.AddCookiePairs), or an object's members (ParamObject, acs.CookieObject).
	InCookie ParamIn = "cookie"
	// InForm is a field of an application/x-www-form-urlencoded request body (the
	// metadata's formData parameters): one property of the body's object schema,
	// flattened into an acs.Form as a query parameter into the query. An array
	// without x-acs-param-style is flattened as repeatList, an object as flat, as
	// darabonba's utils.Query flattens any body value.
	InForm ParamIn = "formData"
	// InMultipart is a field of a multipart/form-data request body: one property of
	// the body's object schema, a text part (a scalar) or a file part (Binary).
	InMultipart ParamIn = "multipart"
)

// Param is one request parameter.
type Param struct {
	Name   string  // wire name, e.g. "ApiIds"
	GoName string  // field name in the request struct, e.g. "APIIDs"
	In     ParamIn // path, query, header, cookie or formData (a form body field)
	Type   TypeRef // value type; for arrays Elem is the item type
	// Required parameters are missing when absent or when every value they would put
	// on the wire is empty (acs.Missing); Validate, the mock and the contract check
	// all hold them to that.
	Required bool
	// AllowEmpty is the spec's allowEmptyValue: an optional parameter sent with an
	// empty value skips its schema checks instead of failing them, as kin-openapi does.
	AllowEmpty bool
	// Explode is the spec's explode, or OpenAPI 3.0's default when unset: true for
	// style form (query, cookie), false for every other style (simple in the path
	// and headers, label, matrix, spaceDelimited, pipeDelimited). In the query an
	// exploded array repeats the name per item; simple arrays are one value either
	// way; label and matrix change their delimiters (see acs.PathParam).
	Explode bool
	// Sep joins the items of an array sent as one value: "," for style form without
	// explode and for path (simple) and header arrays, " " for spaceDelimited, "|"
	// for pipeDelimited; "" for an array repeated per item, and otherwise.
	Sep string
	// JoinEncoded is set on a comma-joined query array of an Alibaba API
	// (API.Signed): the joined value is percent-encoded whole, commas included
	// (ApiIds=a%2Cb), as Alibaba's runtime sends its style simple, not with the
	// literal commas of OpenAPI's style table.
	JoinEncoded bool
	// PathStyle is the OpenAPI style of a path parameter whose style is label or
	// matrix (PathLabel, PathMatrix), rendered by acs.PathParam or acs.PathObject;
	// "" for style simple and for every other parameter.
	PathStyle string
	// Style is how a parameter or form field of a structured type is put on the wire
	// (x-acs-param-style, an OpenAPI style of an object, or content); ParamPlain for every other parameter. A styled parameter's
	// request field is always nil-able (a pointer, slice or map), nil when unset.
	Style   ParamStyle
	Pointer bool   // the request field is a pointer (optional scalars; styled structs and scalars)
	Scalar  string // Go primitive underlying the value or array item: string, bool, int32, int64, float32, float64
	// Text is set, and Scalar "", when the value (or array item) is a union whose
	// alternatives are all strings, numbers or booleans: it is sent as the text of
	// the alternative that is set, rendered by acs.ScalarText.
	Text bool
	// Binary is a multipart field of type: string, format: binary, held as []byte
	// and sent as a file part; Type is string then, and Scalar "". An array of
	// them ([][]byte, Type an array of string) is a file part per item.
	Binary bool
	// Part is set on a multipart field sent otherwise than as a text part of no
	// Content-Type (a scalar) or a file part of application/octet-stream: with
	// the encoding object's Content-Type or headers, or as JSON.
	Part *Part
	// PartHeader is set on a field that holds a header of another multipart
	// field's part (the part's encoding headers): the header's name. Name is
	// then "<part>.<header>"; the part's Part.Headers lists the field.
	PartHeader string
	// Untagged says why the request struct's field is left out of the request's
	// JSON (json:"-"), "" when its tag holds Name: another parameter has the name
	// there ("parameter ID is \"id\" there").
	Untagged   string
	Doc        string
	Deprecated bool
	Pos        diag.Pos
}

// Part is how a multipart field's part (each item's, for an array) is sent.
type Part struct {
	// ContentType is the part's Content-Type, from the encoding object; "" for
	// the default: none for a text part, application/octet-stream for a file,
	// application/json for JSON.
	ContentType string
	// JSON is set when the value (or item) is sent as its JSON text: an object,
	// or a scalar whose encoding asks for a JSON media type.
	JSON bool
	// Headers are the fields that set more headers of the part (Param.PartHeader),
	// sent when set.
	Headers []*Param
}

// SepWord names a Param.Sep in prose: "commas", "spaces", "pipes (|)".
func SepWord(sep string) string {
	switch sep {
	case " ":
		return "spaces"
	case "|":
		return "pipes (|)"
	}
	return "commas"
}

// ParamStyle is how a parameter's value becomes query parameters.
type ParamStyle string

const (
	// ParamPlain is one value per parameter (or per item, see Param.Explode),
	// formatted from a scalar. A scalar in the query goes through acs.Flatten, as
	// darabonba's utils.Query puts it (invalid UTF-8 as U+FFFD, numbers as
	// encoding/json writes them); array items, headers and path segments do not.
	ParamPlain ParamStyle = ""
	// ParamRepeatList flattens an array with acs.Flatten: Name.1=a&Name.2=b, an
	// object item's members as Name.1.Key=k, nested lists as Name.1.Sub.1=x.
	ParamRepeatList ParamStyle = "repeatList"
	// ParamFlat flattens an object with acs.Flatten: Name.Key=v, nested Name.A.B=v.
	ParamFlat ParamStyle = "flat"
	// ParamJSON sends the value JSON-encoded by acs.JSONParam as one parameter.
	ParamJSON ParamStyle = "json"
	// ParamFormObject is an object in the query of OpenAPI style form, sent by
	// acs.ObjectParam: one pair per member (Explode, R=100&G=200) or one pair
	// color=R,100,G,200.
	ParamFormObject ParamStyle = "form"
	// ParamDeepObject is an object in the query of OpenAPI style deepObject, sent by
	// acs.ObjectParam as color[R]=100&color[G]=200.
	ParamDeepObject ParamStyle = "deepObject"
	// ParamObject is an object in the path (style simple, label or matrix, see
	// Param.PathStyle; rendered by acs.PathObject) or in a header (style simple,
	// acs.HeaderObject): R=100,G=200 with explode, R,100,G,200 without. In a cookie
	// (style form, acs.CookieObject) it is R=100; G=200 with explode, one pair
	// color=R,100,G,200 without.
	ParamObject ParamStyle = "object"
	// ParamContent is a parameter declared with content application/json instead of
	// a schema: its JSON text (acs.ContentParam), percent-encoded in the query, the
	// path and a cookie, as it is in a header.
	ParamContent ParamStyle = "content"
)

// Path styles of Param.PathStyle.
const (
	PathLabel  = "label"
	PathMatrix = "matrix"
)

// Example is the call the generated ExampleClient_<Operation> function makes: the
// request fields it sets, from the spec's parameter examples.
type Example struct {
	Fields []ExampleField // in the order of Operation.Params
}

// ExampleField is one request field an example sets.
type ExampleField struct {
	Param *Param
	// Value is the example converted to the field's Go scalar: string, bool, int64
	// or float64, or a slice of those for arrays; nil leaves a required field at its
	// zero value, for a person to fill in (the spec gives no usable example).
	Value any
	Const string // Go name of the enum constant equal to Value, "" if none
	// ItemConsts are, for an array, the enum constants equal to each item ("" where
	// none); nil for other types.
	ItemConsts []string
}

// Body is a JSON request body.
type Body struct {
	Type     TypeRef
	Required bool
	Doc      string
	// Embedded is set when the body is a struct model the request embeds by value:
	// its fields are promoted, so the request's JSON carries the body's members
	// beside the parameters, as the official SDKs' request models do, and the body
	// is always sent ({} when nothing is set, as CallApi sends the SDKs' body map).
	// Otherwise the request holds the body in a field named Body.
	Embedded bool
}

// RawBody is a body sent or received as it is.
type RawBody struct {
	MediaType string // the Content-Type sent, e.g. "application/octet-stream"
	Text      bool   // a string of text (text/plain); else []byte
	Required  bool
	Doc       string
}

// Field is the request struct's field that holds the body.
func (b *Body) Field() string {
	if b.Embedded {
		return b.Type.Name
	}
	return "Body"
}

// ModelKind tells emit which declaration a model becomes.
type ModelKind int

const (
	Struct  ModelKind = iota // type X struct{...}
	Enum                     // type X string (or integer) plus constants
	Union                    // type X struct{ one pointer per variant } with custom JSON
	Alias                    // type X = Y
	Defined                  // type X <Type>, e.g. type Tags []string
)

// Model is one named Go type.
type Model struct {
	Name       string // spec name, e.g. "HttpApiApiInfo", or the synthesised path
	GoName     string // e.g. "HTTPAPIAPIInfo"
	Kind       ModelKind
	Doc        string
	Deprecated bool
	Fields     []*Field   // Struct: in spec order
	Enum       *EnumSpec  // Enum
	Variants   []*Variant // Union: sorted by JSON kind, objects in spec order
	// Picks say, for a Union, how decoding chooses the alternative of a value of
	// each JSON type the union takes, in the order of JSONKinds.
	Picks []*Pick
	// Discriminator is, for a Union whose alternatives include several objects,
	// the property whose value picks one ("petType"); "" when each object
	// alternative is told apart by a required property of its own (Variant.Key).
	Discriminator string
	AnyOf         bool    // a Union from anyOf: an object with several alternatives' keys picks the first
	Closed        bool    // Struct: additionalProperties is false, so no other member is allowed
	Type          TypeRef // Alias and Defined: the underlying type
	// OwnJSON is set on a Struct with an Untagged field: it gets MarshalJSON and
	// UnmarshalJSON of its own, which write and read every member's exact name.
	OwnJSON bool
	Pos     diag.Pos
}

// Wrap is how a field holds its type.
type Wrap int

const (
	Value           Wrap = iota // T
	Pointer                     // *T, nil when absent
	Nullable                    // acs.Nullable[T]: absent, null or a value
	NullablePointer             // acs.Nullable[*T]: Nullable for a type that would otherwise contain itself
)

// Field is one struct field.
type Field struct {
	Name     string // JSON name, e.g. "pluginAttachmentId"
	GoName   string // e.g. "PluginAttachmentID"
	Type     TypeRef
	Wrap     Wrap
	OmitZero bool // tag gets ",omitzero": optional fields vanish when absent
	// Untagged is set when Name cannot be a struct tag key ("", "a,b", a quote):
	// the field is json:"-", and the model's own JSON methods carry it (OwnJSON).
	Untagged   bool
	Required   bool
	Nullable   bool // the schema allows null (nullable: true), whatever Wrap holds it
	Doc        string
	Deprecated bool
	Pos        diag.Pos
}

// EnumSpec is the value set of an Enum model.
type EnumSpec struct {
	Base   TypeRef      // string or an integer primitive
	Values []*EnumValue // in spec order
	// Open is x-acs-open-enum: true. The service may send values beyond Values, so
	// Validate accepts any value; IsKnown still tells the listed ones apart.
	Open bool
}

// EnumValue is one constant.
type EnumValue struct {
	GoName string // constant name, e.g. "StageNameRelease"
	Value  string // Go literal source of the value: a quoted string or an integer
	Raw    any    // the value itself, string or int64
}

// JSONKind is the JSON token kind a union variant decodes from.
type JSONKind string

const (
	KindString JSONKind = "string"
	KindNumber JSONKind = "number"
	KindBool   JSONKind = "boolean"
	KindArray  JSONKind = "array"
	KindObject JSONKind = "object"
)

// JSONKinds are the JSON types in the order unions list them.
var JSONKinds = []JSONKind{KindString, KindNumber, KindBool, KindArray, KindObject}

// Variant is one alternative of a Union.
type Variant struct {
	GoName string   // field name in the union struct, e.g. "String"
	Kind   JSONKind // the first of Kinds
	// Kinds are the JSON types the alternative's values may have, in the order
	// of JSONKinds: one, but for an alternative that is itself a union or takes
	// any JSON value.
	Kinds []JSONKind
	Type  TypeRef
	// Values are the values of the union's Discriminator that pick this object
	// alternative, sorted ("dog", "hound"); Key is instead the property only this
	// alternative requires (PickKey), or whose JSON type is KeyKind (PickKeyKind).
	// All are empty when no such rule picks it.
	Values  []string
	Key     string
	KeyKind JSONKind
}

// Pick is how decoding chooses among the alternatives of a Union that take
// values of one JSON type.
type Pick struct {
	Kind     JSONKind
	Rule     PickRule
	Variants []*Variant // those that take values of Kind, in spec order
}

// PickRule names a way of choosing an alternative.
type PickRule int

const (
	PickOnly          PickRule = iota // one alternative takes values of the kind
	PickDiscriminator                 // the value of Model.Discriminator names it (Variant.Values)
	PickKey                           // the object has the property only it requires (Variant.Key)
	PickKeyKind                       // the JSON type of a property all require (Variant.Key, Variant.KeyKind)
	PickTrial                         // nothing in the value says: each is decoded and validated in turn
)

// TypeKind classifies a TypeRef.
type TypeKind int

const (
	Primitive TypeKind = iota // Name is a Go predeclared type: string, bool, int32, int64, float32, float64
	Named                     // Name is a model's GoName in this package
	Array                     // []Elem
	Map                       // map[string]Elem
	RawJSON                   // json.RawMessage: a value of any shape, kept verbatim
)

// TypeRef is a Go type expression.
type TypeRef struct {
	Kind TypeKind
	Name string
	Elem *TypeRef

	// Constraints are the validation keywords of the schema this type was built from,
	// nil when it has none. Set only on Primitive, Array and Map types: a Named type
	// checks its own schema in its validate method.
	Constraints *Constraints
}

// Constraints are the JSON Schema validation keywords the generated Validate methods
// enforce beyond what Go typing already guarantees. Lengths count Unicode code points.
type Constraints struct {
	Minimum, Maximum                   *float64 // numbers
	ExclusiveMinimum, ExclusiveMaximum bool     // OpenAPI 3.0 booleans qualifying Minimum and Maximum
	MultipleOf                         *float64
	MinLength                          int64  // strings
	MaxLength                          *int64 // strings
	Pattern                            string // strings; a Go regexp (checked to compile by build)
	Format                             string // strings: "date", "date-time" or "byte", the formats kin-openapi checks
	MinItems                           int64  // arrays
	MaxItems                           *int64 // arrays
	UniqueItems                        bool   // arrays
	MinProperties                      int64  // maps
	MaxProperties                      *int64 // maps

	// JSONTypes are the JSON types ("object", "null", ...) a RawJSON value may have,
	// empty for any: Go typing cannot hold a free-form object to being an object.
	JSONTypes []string
}
