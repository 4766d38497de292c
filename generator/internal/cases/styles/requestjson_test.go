package styles_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/internal/cases/styles"
)

// A request decodes from the JSON an official SDK request model of the operation
// marshals to: wire names as keys, styled parameters nested as the SDK nests them
// (a repeat list of objects as an array of objects, a flat object as an object).
func TestRequestDecodesFromSDKModelJSON(t *testing.T) {
	sdk := `{"RegionId":"cn-hangzhou","Name":"w1","Size":3,"Enabled":false,
		"Tag":[{"Key":"env","Value":"prod"},{"Key":"team"}],
		"Zone":{"Id":"z-1"}}`
	var req styles.CreateWidgetRequest
	require.NoError(t, json.Unmarshal([]byte(sdk), &req))
	assert.Equal(t, "cn-hangzhou", req.RegionID)
	assert.Equal(t, "w1", req.Name)
	require.NotNil(t, req.Size)
	assert.Equal(t, int32(3), *req.Size)
	require.NotNil(t, req.Enabled, "false is a value")
	assert.False(t, *req.Enabled)
	assert.Nil(t, req.Weight)
	require.Len(t, req.Tag, 2)
	assert.Equal(t, "env", req.Tag[0].Key)
	assert.Equal(t, "team", req.Tag[1].Key)
	assert.Nil(t, req.Tag[1].Value)
	require.NotNil(t, req.Zone)

	// And back: the same keys, nothing unset among them.
	out, err := json.Marshal(&req)
	require.NoError(t, err)
	var again, want map[string]any
	require.NoError(t, json.Unmarshal(out, &again))
	require.NoError(t, json.Unmarshal([]byte(sdk), &want))
	assert.Equal(t, want, again)
}
