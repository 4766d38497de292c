package contract

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const stylesSpec = "../generator/internal/cases/styles/spec.yaml"

func stylesRPC(action, query, contentType, body string) Interaction {
	h := http.Header{"X-Acs-Action": {action}, "X-Acs-Version": {"2021-01-01"}}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	return Interaction{Method: "POST", URL: "https://s.example.com/?" + query, Header: h, Body: []byte(body),
		Status: 200, RespHeader: http.Header{"Content-Type": {"application/json"}}, RespBody: []byte(`{"RequestId":"r"}`)}
}

// A styled value is checked against its schema where it sits, and a flattening
// that cannot be read back says which key is wrong.
func TestStyledViolations(t *testing.T) {
	set, err := Load([]string{stylesSpec})
	require.NoError(t, err)
	for name, c := range map[string]struct {
		ix            Interaction
		pointer, rule string
	}{
		"member missing": {stylesRPC("TagResources", "RegionId=cn&ResourceId.1=a&Tag.1.Key=k&Tag.2.Value=v", "", ""),
			"query/Tag/1/Key", "required"},
		"required list absent": {stylesRPC("TagResources", "RegionId=cn&Tag.1.Key=k", "", ""), "query/ResourceId", "required"},
		"index not a number":   {stylesRPC("TagResources", "RegionId=cn&ResourceId.x=a", "", ""), "query/ResourceId", "style"},
		"gap in the list":      {stylesRPC("TagResources", "RegionId=cn&ResourceId.1=a&ResourceId.3=c", "", ""), "query/ResourceId", "style"},
		"too many items": {stylesRPC("TagResources", "RegionId=cn&ResourceId.1=a&"+func() string {
			q := ""
			for i := 2; i <= 51; i++ {
				q += "&ResourceId." + strconv.Itoa(i) + "=x"
			}
			return q[1:]
		}(), "", ""), "query/ResourceId", "maxItems"},
		"nested type": {stylesRPC("CreateRule", "Rule.1.Ports.1=eighty", "", ""), "query/Rule/0/Ports/0", "type"},
		"flat enum":   {stylesRPC("CreateRule", "Rule.1.Name=a&Filter.Status=Gone", "", ""), "query/Filter/Status", "enum"},
		"bad json":    {stylesRPC("CreateRule", "Rule.1.Name=a&Config=%7Bx", "", ""), "query/Config", "style"},
		"form field type": {stylesRPC("CreateWidget", "RegionId=cn", "application/x-www-form-urlencoded",
			"Name=w&Size=big&Tag.1.Key=k"), "form/Size", "type"},
		"form field missing": {stylesRPC("CreateWidget", "RegionId=cn", "application/x-www-form-urlencoded", "Size=1"),
			"form/Name", "required"},
		"form field undocumented": {stylesRPC("CreateWidget", "RegionId=cn", "application/x-www-form-urlencoded",
			"Name=w&Colour=red"), "form/Colour", "undocumented"},
	} {
		t.Run(name, func(t *testing.T) {
			found := set.Check(c.ix, Options{Strict: true})
			var got []string
			for _, f := range found {
				got = append(got, f.Pointer+" "+f.Rule)
				assert.Equal(t, "request", f.Where)
				assert.NotEmpty(t, f.Schema, "a finding names where the spec declares the parameter")
			}
			assert.Contains(t, got, c.pointer+" "+c.rule)
		})
	}
}
