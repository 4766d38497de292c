package overlaydoc

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONPath(t *testing.T) {
	assert.Equal(t, "$.paths['/v1/x/{id}'].get.parameters", JSONPath([]string{"paths", "/v1/x/{id}", "get", "parameters"}))
	assert.Equal(t, `$.components.schemas['a\'b'].properties`, JSONPath([]string{"components", "schemas", "a'b", "properties"}))
	assert.Equal(t, "$.servers[0].url", JSONPath([]string{"servers", "[0]", "url"}))
}

func TestYAML(t *testing.T) {
	data, err := New("t", "spec.yaml", []Action{{Target: "$.info", Description: "d", Update: map[string]any{"x": 1}}}).YAML()
	require.NoError(t, err)
	assert.Equal(t, "overlay: 1.0.0\ninfo:\n  title: t\n  version: \"1\"\nextends: spec.yaml\nactions:\n  - target: $.info\n    description: d\n    update:\n      x: 1\n", string(data))
}
