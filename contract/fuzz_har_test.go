package contract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// readHARWhole is the reference for the streaming reader: the whole file through
// json.Unmarshal, then each entry converted, as ReadHAR did before it streamed.
func readHARWhole(data []byte) ([]Interaction, bool) {
	var f harFile
	if json.Unmarshal(data, &f) != nil || f.Log == nil || f.Log.Entries == nil {
		return nil, false
	}
	var out []Interaction
	for _, e := range *f.Log.Entries {
		ix, err := e.interaction()
		if err != nil {
			return nil, false
		}
		out = append(out, ix)
	}
	return out, true
}

// FuzzEachHARAgreesWithUnmarshal holds the streaming HAR reader to encoding/json
// reading the whole file: on any bytes, either both refuse them (the stream with
// an error naming the file) or both give the same interactions. The stream also
// refuses a file with two log or log.entries members, which json.Unmarshal merges.
func FuzzEachHARAgreesWithUnmarshal(f *testing.F) {
	for _, p := range []string{browserHAR, mitmproxyHAR} {
		data, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(data)
	}
	for _, s := range []string{
		`{"log":{"entries":[]}}`, `null`, `{"log":null}`, `{"LOG":{"Entries":[null]}}`, ` {"log" : {"entries" : [ ] } } `,
		`{"log":{"entries":[{"request":{"method":"GET","url":"https://h/p?q=1"},"response":{"status":200,"content":{"text":"{}"}}}]},"x":[1,{"a":"\"]"}]}`,
		`{"log":{"entries":[{"request":{"method":7}}]}}`, `{"log":{"entries":[}`, `{"log":{"entries":[1,]}}`, `{"a":tru}`,
		`{"log":{"entries":[]}} x`, `{"log":{"entries":[]},"log":{"entries":[]}}`, `{"log":{"entries":"\u00"}}`, "\xef\xbb\xbf{}",
	} {
		f.Add([]byte(s))
	}
	path := filepath.Join(f.TempDir(), "f.har") // one worker runs one input at a time
	f.Fuzz(func(t *testing.T, data []byte) {
		require.NoError(t, os.WriteFile(path, data, 0o600))
		var got []Interaction
		err := eachHAR(path, MaxEntrySize, func(i int, ix Interaction) error {
			require.Equal(t, len(got), i)
			got = append(got, ix)
			return nil
		})
		want, ok := readHARWhole(data)
		if err != nil {
			require.Contains(t, err.Error(), path)
			if ok {
				require.Contains(t, err.Error(), "appears twice", "refused what json.Unmarshal reads")
			}
			return
		}
		require.True(t, ok, "the stream read what json.Unmarshal refuses")
		require.Equal(t, want, got)
	})
}
