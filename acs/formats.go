package acs

// The string formats kin-openapi checks unless told otherwise, and so the ones
// acsgen contract and mock hold values to; generated Validate methods check them
// the same way. Other formats (uuid, email, ...) are annotations only.

// IsDate reports whether s is a full-date of RFC 3339: 2006-01-02, with a month
// from 01 to 12 and a day from 01 to 31 (whatever the month).
func IsDate(s string) bool { return len(s) == 10 && isDate(s) }

// IsDateTime reports whether s is a date-time of RFC 3339, with an upper-case T
// and Z: 2006-01-02T15:04:05Z, or with a fraction of a second (.5) and a numeric
// offset (+08:00). Hours run to 23, minutes to 59, seconds to 60 (a leap second).
func IsDateTime(s string) bool {
	if len(s) < len("2006-01-02T15:04:05Z") || !isDate(s[:10]) || s[10] != 'T' ||
		!inRange(s[11:13], "00", "23") || s[13] != ':' || !inRange(s[14:16], "00", "59") || s[16] != ':' ||
		!inRange(s[17:19], "00", "60") {
		return false
	}
	rest := s[19:]
	if rest[0] == '.' {
		n := digits(rest[1:])
		if n == 0 {
			return false
		}
		rest = rest[1+n:]
	}
	switch {
	case rest == "Z":
		return true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		return digits(rest[1:3]) == 2 && digits(rest[4:]) == 2
	}
	return false
}

// IsBase64 reports whether s holds only the letters of base64 and its URL-safe
// variant (A-Z a-z 0-9 + / - _) followed by any number of '=': the check is of
// the alphabet, not of the length or the padding.
func IsBase64(s string) bool {
	i := 0
	for i < len(s) && isBase64Letter(s[i]) {
		i++
	}
	for i < len(s) && s[i] == '=' {
		i++
	}
	return i == len(s)
}

func isBase64Letter(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_'
}

// isDate checks the ten bytes of a full-date.
func isDate(s string) bool {
	return digits(s[:4]) == 4 && s[4] == '-' && inRange(s[5:7], "01", "12") && s[7] == '-' && inRange(s[8:10], "01", "31")
}

// inRange reports whether two digits lie between lo and hi, both two digits.
func inRange(s, lo, hi string) bool { return digits(s) == 2 && lo <= s && s <= hi }

// digits counts the ASCII digits s begins with.
func digits(s string) int {
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	return n
}
