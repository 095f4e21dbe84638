package pack

import (
	"bytes"
	"io"
	"testing"
)

// FuzzOpen: a damaged or hostile package is refused or read, never a
// crash, and a package that opens reads back every entry it lists.
//
//	go test -run '^$' -fuzz FuzzOpen -fuzztime 60s ./data/pack/
func FuzzOpen(f *testing.F) {
	k, err := LoadKey(f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	w := NewWriter(&buf, Manifest{Kind: KindSelf, Sender: Sender{Name: "Xã Hưng Đạo (HDA)"}, Year: 2023, Units: []string{"HDA"}})
	w.AddJSON(ContentPath, Content{})
	doc := []byte("%PDF-1.4 biên bản")
	w.AddFile(shaOf(doc), "bb.pdf", int64(len(doc)), bytes.NewReader(doc))
	w.Close(k)
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Add([]byte{})
	lim := Limits{MaxEntry: 1 << 20, MaxTotal: 4 << 20, MaxEntries: 100, MaxRatio: 200}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Open(bytes.NewReader(b), int64(len(b)), lim)
		if err != nil {
			return
		}
		for _, e := range p.Entries {
			rc, err := p.Open(e.Path)
			if err != nil {
				t.Fatalf("%s listed but does not open: %v", e.Path, err)
			}
			if n, err := io.Copy(io.Discard, rc); err != nil || n != e.Size {
				t.Fatalf("%s read back %d bytes, %v; the manifest says %d", e.Path, n, err, e.Size)
			}
		}
	})
}
