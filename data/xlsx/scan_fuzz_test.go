package xlsx

import (
	"bytes"
	"io"
	"testing"
)

// FuzzRows feeds arbitrary sheet XML to the row reader: it must end (with
// rows or a problem), never panic nor loop.
func FuzzRows(f *testing.F) {
	for _, s := range []string{
		`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f>SUM(A1)</f></c></row></sheetData></worksheet>`,
		`<?xml version="1.0"?><x:worksheet xmlns:x="ns"><x:sheetData><x:row r="2"><x:c r="C2" t="inlineStr"><x:is><x:r><x:t>a&amp;b&#x1F600;</x:t></x:r><x:rPh><x:t>no</x:t></x:rPh></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
		`<row><c t="b"><v>1</v></c><c/><c r="XFD1"><v>1</v></c></row><!-- c --><row r="3"><c r='A3' t="str"><v><![CDATA[<x>]]></v></c></row>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		wb := &workbook{sst: []string{"Mã đơn vị"}, sstRead: true}
		rr := &rowReader{wb: wb, sheet: "x", rc: io.NopCloser(bytes.NewReader(b)), sc: newScanner(bytes.NewReader(b)), ncols: 9, row: make([]xcell, 9)}
		for i := 0; ; i++ {
			n, cells, ps := rr.next()
			if ps != nil || n == 0 {
				return
			}
			if len(cells) != 9 || i > len(b) {
				t.Fatalf("row %d: %d cells after %d rows", n, len(cells), i)
			}
		}
	})
}
