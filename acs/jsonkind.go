package acs

// JSONKind names the JSON type of an encoded value from its first token: "string",
// "number", "boolean", "null", "array", "object", or "" for anything else.
// Generated union types use it to pick the alternative to decode into.
func JSONKind(data []byte) string {
	for _, c := range data {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '"':
			return "string"
		case 't', 'f':
			return "boolean"
		case 'n':
			return "null"
		case '[':
			return "array"
		case '{':
			return "object"
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			return "number"
		}
		return ""
	}
	return ""
}
