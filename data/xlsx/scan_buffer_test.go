package xlsx

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// readAllRows reads sheet XML with a scanner over a bufio buffer of size
// bufSize and prints what the row reader gives: rows, cells and problems.
func readAllRows(b []byte, bufSize int) string {
	wb := &workbook{sst: []string{"Mã đơn vị", "Xã Thứ 1"}, sstRead: true}
	sc := &scanner{r: bufio.NewReaderSize(bytes.NewReader(b), bufSize), line: 1}
	rr := &rowReader{wb: wb, sheet: "x", rc: io.NopCloser(bytes.NewReader(nil)), sc: sc, ncols: 9, row: make([]xcell, 9)}
	var out strings.Builder
	for i := 0; i <= len(b); i++ {
		n, cells, ps := rr.next()
		if ps != nil || n == 0 {
			fmt.Fprintf(&out, "end %v", ps)
			return out.String()
		}
		fmt.Fprintf(&out, "%d %q\n", n, cells)
	}
	return out.String()
}

// The scanner skips spaces and copies names straight out of bufio's
// buffer when they end inside it, byte by byte when they do not: a
// sheet must read the same whether its tags fall across the buffer's
// edge (16 bytes, bufio's smallest) or not.
func FuzzRowsBufferEdge(f *testing.F) {
	for _, s := range []string{
		`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><f>SUM(A1)</f></c></row></sheetData></worksheet>`,
		"<x:worksheet xmlns:x=\"ns\">\n  <x:sheetData>\n\t<x:row   r = \"2\" ><x:c r=\"C2\" t=\"inlineStr\"><x:is><x:t>a&amp;b&#x1F600;</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>",
		`<row><c t="b"><v>1</v></c><c/><c r="XFD1"><v>1</v></c></row><!-- c --><row r="3"><c r='A3' t="str"><v><![CDATA[<x>]]></v></c></row>`,
		`<row r="4"><c r="A4" t="n"><v> 81.4 </v></c><c r="B4" t="e"><v>#N/A</v></c><c r="C4" t="s"><v>7</v></c></row>`,
		`<row r="5"><c r="A5"  t="s"  ><v>0</v></c><longelementnamethatcrossesthebuffer attr="1"/></row><row r="4"/>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		small, large := readAllRows(b, 16), readAllRows(b, 64<<10)
		if small != large {
			t.Fatalf("16-byte buffer:\n%s\n64 KB buffer:\n%s", small, large)
		}
	})
}
