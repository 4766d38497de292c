package contract

// plainURL reports whether raw is an http or https URL of the plain shape
// recorders write, which url.Parse always accepts: a host of letters, digits,
// '-', '.' and '_', an optional port of digits, then a path and query of
// printable ASCII with no '%' before the query and no '#'. It lets reading
// check a recording's URLs without parsing each one (an allocation, and most
// of a microsecond) only for Examine to parse it again; false means "ask
// url.Parse", never "refused". FuzzPlainURL holds it to url.Parse.
func plainURL(raw string) bool {
	var i int
	switch {
	case len(raw) > 8 && raw[:8] == "https://":
		i = 8
	case len(raw) > 7 && raw[:7] == "http://":
		i = 7
	default:
		return false
	}
	host := i
	for i < len(raw) && hostByte(raw[i]) {
		i++
	}
	if i == host {
		return false
	}
	if i < len(raw) && raw[i] == ':' {
		i++
		port := i
		for i < len(raw) && raw[i] >= '0' && raw[i] <= '9' {
			i++
		}
		if i == port {
			return false
		}
	}
	if i < len(raw) && raw[i] != '/' && raw[i] != '?' {
		return false
	}
	query := false
	for ; i < len(raw); i++ {
		switch c := raw[i]; {
		case c <= ' ' || c >= 0x7f || c == '#':
			return false
		case c == '?':
			query = true
		case c == '%' && !query:
			return false // the path is unescaped, and a bad escape refused
		}
	}
	return true
}

// hostByte reports whether c may appear in a plain host name.
func hostByte(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
}
