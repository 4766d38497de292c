package metadata

import (
	"bytes"
	"encoding/json"
)

// Doc is one api-docs.json: a product version.
type Doc struct {
	Version    string     `json:"version"` // of the format, "1.0"
	Info       Info       `json:"info"`
	Components Components `json:"components"`
	APIs       APIs       `json:"apis"`
	Endpoints  []Endpoint `json:"endpoints"`
}

// Info names the product version.
type Info struct {
	Style   string `json:"style"`   // "RPC" or "ROA"
	Product string `json:"product"` // e.g. "APIG"
	Version string `json:"version"` // e.g. "2024-03-27"
}

// Components holds the shared schemas that $ref points at.
type Components struct {
	Schemas Schemas `json:"schemas"`
}

// Endpoint is the host of one region.
type Endpoint struct {
	RegionID string `json:"regionId"`
	Endpoint string `json:"endpoint"` // host name, e.g. "apig.cn-hangzhou.aliyuncs.com"
}

// API is one operation.
type API struct {
	Title       string               `json:"title"`
	Summary     string               `json:"summary"`
	Description string               `json:"description"`
	Path        string               `json:"path"`    // ROA path template; empty for RPC
	Methods     []string             `json:"methods"` // lower case; the first is the one sent
	Schemes     []string             `json:"schemes"`
	Deprecated  bool                 `json:"deprecated"`
	Consumes    []string             `json:"consumes"`
	Produces    []string             `json:"produces"`
	Parameters  []Parameter          `json:"parameters"`
	Responses   map[string]Response  `json:"responses"`    // by status, "200"
	ErrorCodes  map[string][]ErrCode `json:"errorCodes"`   // by status, "400"
	Demo        *string              `json:"responseDemo"` // JSON text: a list of examples
}

// Parameter is one request parameter.
type Parameter struct {
	Name            string  `json:"name"`
	In              string  `json:"in"`    // query, formData, body, path, header, host
	Style           string  `json:"style"` // "", repeatList, flat, json, simple, xml
	AllowEmptyValue bool    `json:"allowEmptyValue"`
	Schema          *Schema `json:"schema"`
}

// Response is the body of one status.
type Response struct {
	Schema *Schema `json:"schema"`
}

// ErrCode is one documented error of an operation.
type ErrCode struct {
	Code    string `json:"errorCode"`
	Message string `json:"errorMessage"`
}

// Schema is the metadata's JSON Schema dialect: required is a flag on the
// property itself, examples, defaults and bounds are usually strings whatever the
// type, and enum values may carry titles. Values whose type varies stay as
// decoded (any) and are checked when converted, where a problem can name the
// field.
type Schema struct {
	Ref             string            `json:"$ref"`
	Type            string            `json:"type"` // string, integer, number, boolean, array, object, any
	Format          string            `json:"format"`
	Title           string            `json:"title"`
	Description     string            `json:"description"`
	Required        bool              `json:"required"`
	Deprecated      bool              `json:"deprecated"`
	Enum            []any             `json:"enum"`
	EnumValueTitles map[string]string `json:"enumValueTitles"`
	Default         any               `json:"default"`
	Example         any               `json:"example"`
	Minimum         any               `json:"minimum"`
	Maximum         any               `json:"maximum"`
	MinLength       any               `json:"minLength"`
	MaxLength       any               `json:"maxLength"`
	Pattern         string            `json:"pattern"`
	MinItems        any               `json:"minItems"`
	MaxItems        any               `json:"maxItems"`
	Items           *Schema           `json:"items"`
	Properties      Schemas           `json:"properties"`
	// AdditionalProperties is the schema of a map's values; nil when the metadata
	// gives none (or gives a boolean, which OpenAPI's default already says).
	AdditionalProperties *Schema `json:"additionalProperties"`
}

// UnmarshalJSON accepts additionalProperties as a schema or a boolean.
func (s *Schema) UnmarshalJSON(data []byte) error {
	type plain Schema
	var aux struct {
		plain
		AdditionalProperties json.RawMessage `json:"additionalProperties"`
	}
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	*s = Schema(aux.plain)
	s.AdditionalProperties = nil
	if raw := bytes.TrimSpace(aux.AdditionalProperties); len(raw) > 0 && raw[0] == '{' {
		var ap Schema
		if err := json.Unmarshal(raw, &ap); err != nil {
			return err
		}
		s.AdditionalProperties = &ap
	}
	return nil
}
