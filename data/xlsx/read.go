package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/pardesk/pardesk/data"
)

// An import reads a workbook itself, as a stream, rather than through
// excelize: excelize's row iterator gives each cell's text but not its type
// (TRUE and 1, a formula never computed and a blank cell look alike), and
// its cell functions (GetCellType, GetCellFormula) load the whole sheet and
// pad every row to its last cell, so a few kilobytes with one cell in
// column XFD on each row take gigabytes. Here a sheet is read one row at a
// time straight out of the zip, cells beyond the layout's columns are
// skipped unread, and only what the layout needs is kept.

// Limits of what an import reads. An office's workbook is a few hundred
// kilobytes; the largest is a year of the whole country, 3 500 units ×
// 120 criteria: 450 000 rows, 4 million cells, 177 MB of sheet and a
// 25 MB file. The limits leave room for 150 criteria.
var (
	maxFile    = 64 << 20  // the .xlsx file
	maxSheet   = 256 << 20 // one sheet's XML, unzipped
	maxStrings = 64 << 20  // the shared strings' XML, unzipped
	maxPart    = 4 << 20   // the workbook and its relationships
	maxRows    = 600_000   // rows with cells, per sheet
	maxCells   = 6_000_000 // cells, per sheet, in any column
	maxSST     = 2_000_000 // shared strings
)

// cellKind is what a cell holds, from its type attribute.
type cellKind uint8

const (
	cellBlank   cellKind = iota
	cellNumber           // a number as Excel stores it ("4.9", "12.609999999999999")
	cellText             // a shared, inline or formula string
	cellBool             // TRUE / FALSE
	cellError            // a formula error: #DIV/0!, #N/A…
	cellDate             // an ISO 8601 date cell
	cellNoValue          // a formula whose value was never computed
)

// xcell is one cell: its raw value and its kind.
type xcell struct {
	v    string
	kind cellKind
}

// text is the cell as a text field reads it: a number as stored, a
// boolean as Excel shows it.
func (c xcell) text() string {
	switch c.kind {
	case cellBool:
		if c.v == "1" {
			return "TRUE"
		}
		return "FALSE"
	case cellNoValue:
		return ""
	}
	return c.v
}

func (c xcell) blank() bool {
	return c.kind == cellBlank || (c.kind == cellText && strings.TrimSpace(c.v) == "")
}

// workbook is an opened .xlsx: its parts, its sheets and, once a sheet
// needs them, its shared strings.
type workbook struct {
	parts   map[string]*zip.File // by lower-case name
	sheets  []wbSheet
	sstPath string
	sst     []string
	sstRead bool
}

type wbSheet struct{ name, part string }

func (wb *workbook) names() []string {
	out := make([]string, len(wb.sheets))
	for i, s := range wb.sheets {
		out[i] = s.name
	}
	return out
}

// notWorkbook is the message for a file that cannot be read as a workbook
// at all.
const notWorkbook = "Tệp không phải tệp Excel .xlsx đọc được (có thể bị hỏng, chưa tải xong hoặc là tệp .xls cũ)"

// openBook reads a workbook's structure; a file that is not one is a
// problem, never a panic.
func openBook(r io.Reader) (wb *workbook, ps Problems) {
	raw, err := io.ReadAll(io.LimitReader(r, int64(maxFile)+1))
	switch {
	case err != nil:
		return nil, Problems{{Msg: "Không đọc được tệp: " + err.Error()}}
	case len(raw) == 0:
		return nil, Problems{{Msg: "Tệp rỗng (0 byte): có thể chưa tải xong hoặc chưa lưu; hãy mở tệp bằng Excel và lưu lại"}}
	case len(raw) > maxFile:
		return nil, Problems{{Msg: fmt.Sprintf("Tệp lớn hơn %d MB, không phải bảng dữ liệu ParDesk", maxFile>>20)}}
	case bytes.HasPrefix(raw, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, Problems{{Msg: "Tệp là bảng tính Excel cũ (.xls) hoặc tệp Excel có mật khẩu: hãy mở bằng Excel, bỏ mật khẩu nếu có, rồi lưu thành «Excel Workbook (.xlsx)»"}}
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, Problems{{Msg: notWorkbook}}
	}
	wb = &workbook{parts: map[string]*zip.File{}}
	for _, f := range zr.File {
		wb.parts[strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))] = f
	}
	book := "xl/workbook.xml"
	if rels, err := wb.rels("_rels/.rels", ""); err == nil {
		for _, rel := range rels {
			if strings.HasSuffix(rel.typ, "/officeDocument") {
				book = rel.target
			}
		}
	}
	if ps := wb.readBook(book); ps != nil {
		return nil, ps
	}
	return wb, nil
}

type rel struct{ id, typ, target string }

// rels reads a relationships part; targets are resolved against dir.
func (wb *workbook) rels(name, dir string) ([]rel, error) {
	var out []rel
	err := wb.scan(name, int64(maxPart), func(d *xml.Decoder, t xml.StartElement) error {
		if t.Name.Local != "Relationship" {
			return nil
		}
		var r rel
		external := false
		for _, a := range t.Attr {
			switch a.Name.Local {
			case "Id":
				r.id = a.Value
			case "Type":
				r.typ = a.Value
			case "Target":
				r.target = a.Value
			case "TargetMode":
				external = strings.EqualFold(a.Value, "External")
			}
		}
		if !external {
			if strings.HasPrefix(r.target, "/") {
				r.target = path.Clean(r.target[1:])
			} else {
				r.target = path.Join(dir, r.target)
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// readBook reads the sheet names and where their parts are.
func (wb *workbook) readBook(book string) Problems {
	dir := path.Dir(book)
	rels, err := wb.rels(path.Join(dir, "_rels", path.Base(book)+".rels"), dir)
	if err != nil {
		return Problems{{Msg: notWorkbook}}
	}
	byID := map[string]string{}
	for _, r := range rels {
		byID[r.id] = r.target
		if strings.HasSuffix(r.typ, "/sharedStrings") {
			wb.sstPath = r.target
		}
	}
	err = wb.scan(book, int64(maxPart), func(d *xml.Decoder, t xml.StartElement) error {
		if t.Name.Local != "sheet" {
			return nil
		}
		var s wbSheet
		for _, a := range t.Attr {
			switch {
			case a.Name.Local == "name":
				s.name = a.Value
			case a.Name.Local == "id" && a.Name.Space != "":
				s.part = byID[a.Value]
			}
		}
		wb.sheets = append(wb.sheets, s)
		return nil
	})
	if err != nil || len(wb.sheets) == 0 {
		return Problems{{Msg: notWorkbook}}
	}
	return nil
}

// open opens a part for reading, unzipped, refusing one larger than limit.
func (wb *workbook) open(name string, limit int64) (io.ReadCloser, error) {
	f := wb.parts[strings.ToLower(name)]
	if f == nil {
		return nil, errNoPart
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, &sizeError{size: f.UncompressedSize64, limit: limit}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	// archive/zip refuses to inflate more than the size the entry
	// declares, so the check above bounds what is read.
	return rc, nil
}

var errNoPart = errors.New("part missing")

// sizeError is a part that unzips to more than ParDesk reads.
type sizeError struct {
	size  uint64
	limit int64
}

func (e *sizeError) Error() string { return "part too large" }

// scan calls fn for each start element of a small part.
func (wb *workbook) scan(name string, limit int64, fn func(d *xml.Decoder, t xml.StartElement) error) error {
	rc, err := wb.open(name, limit)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(bufio.NewReader(rc))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if t, ok := tok.(xml.StartElement); ok {
			if err := fn(d, t); err != nil {
				return err
			}
		}
	}
}

// strings reads the shared strings the first time a sheet needs them.
func (wb *workbook) sharedStrings() error {
	if wb.sstRead || wb.sstPath == "" {
		wb.sstRead = true
		return nil
	}
	wb.sstRead = true
	rc, err := wb.open(wb.sstPath, int64(maxStrings))
	if err == errNoPart {
		return nil
	}
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(bufio.NewReaderSize(rc, 64<<10))
	var b strings.Builder
	in, phonetic, text := false, 0, false
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				in = true
				b.Reset()
			case "rPh":
				phonetic++
			case "t":
				text = in && phonetic == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if len(wb.sst) == maxSST {
					return errTooManyStrings
				}
				wb.sst = append(wb.sst, b.String())
				in = false
			case "rPh":
				phonetic--
			case "t":
				text = false
			}
		case xml.CharData:
			if text {
				b.Write(t)
			}
		}
	}
}

var errTooManyStrings = errors.New("too many shared strings")

// rowReader reads a sheet one row at a time, keeping the first ncols cells
// of each.
type rowReader struct {
	wb      *workbook
	sheet   string
	rc      io.ReadCloser
	sc      *scanner
	ncols   int
	row     []xcell // reused from row to row
	v, is   []byte  // a cell's <v> and inline string text, reused from cell to cell
	lastRow int
	rows    int
	cells   int
	done    bool
}

func (wb *workbook) rows(s wbSheet, ncols int) (*rowReader, Problems) {
	if err := wb.sharedStrings(); err != nil {
		return nil, Problems{{Sheet: s.name, Msg: readError(err, "bảng chuỗi dùng chung (sharedStrings.xml)")}}
	}
	rc, err := wb.open(s.part, int64(maxSheet))
	if err != nil {
		return nil, Problems{{Sheet: s.name, Msg: readError(err, "trang tính")}}
	}
	return &rowReader{wb: wb, sheet: s.name, rc: rc, sc: newScanner(rc), ncols: ncols, row: make([]xcell, ncols)}, nil
}

func (rr *rowReader) close() {
	if rr != nil && rr.rc != nil {
		rr.rc.Close()
		rr.rc = nil
	}
}

// readError says in Vietnamese why a part could not be read.
func readError(err error, what string) string {
	var se *sizeError
	switch {
	case errors.As(err, &se):
		mb := func(n uint64) string { return data.Points(n * 100 >> 20).Short() }
		return fmt.Sprintf("%s giải nén ra %s MB, quá giới hạn %s MB mà ParDesk đọc (tệp quá lớn cho một lần nhập, hoặc bị làm hỏng); hãy chia tệp hoặc xóa các dòng, cột thừa", upperFirst(what), mb(se.size), mb(uint64(se.limit)))
	case err == errNoPart:
		return fmt.Sprintf("tệp thiếu phần %s (tệp bị hỏng); hãy mở bằng Excel và lưu lại", what)
	case err == errTooManyStrings:
		return fmt.Sprintf("tệp có hơn %s chuỗi văn bản, quá giới hạn ParDesk đọc", data.FormatCount(int64(maxSST)))
	case errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Sprintf("dữ liệu nén của %s bị hỏng (tệp chưa tải xong hoặc bị cắt); hãy lấy lại tệp gốc", what)
	case err == errEntity:
		return fmt.Sprintf("nội dung %s bị hỏng (ký tự đặc biệt viết sai), không đọc được; hãy mở bằng Excel và lưu lại", what)
	}
	var xe *xml.SyntaxError
	if errors.As(err, &xe) {
		return fmt.Sprintf("nội dung %s bị hỏng ở dòng XML %d, không đọc được; hãy mở bằng Excel và lưu lại", what, xe.Line)
	}
	return fmt.Sprintf("không đọc được %s (tệp bị hỏng); hãy mở bằng Excel và lưu lại", what)
}

func upperFirst(s string) string { return data.UpperFirst(s) }

// next reads the next row that has cells. It returns the row number and its
// first ncols cells (valid until the next call), or n == 0 at the end.
func (rr *rowReader) next() (n int, cells []xcell, ps Problems) {
	if rr.done {
		return 0, nil, nil
	}
	fail := func(msg string) (int, []xcell, Problems) {
		rr.done = true
		rr.close()
		return 0, nil, Problems{{Sheet: rr.sheet, Msg: msg}}
	}
	for {
		t, err := rr.sc.next()
		if err == io.EOF {
			rr.done = true
			rr.close()
			return 0, nil, nil
		}
		if err != nil {
			return fail(readError(err, "trang tính"))
		}
		if t.kind != tokStart || string(t.name) != "row" {
			continue
		}
		n = rr.lastRow + 1
		if v, ok := attr(t, "r"); ok {
			n, err = strconv.Atoi(v)
			if err != nil || n < 1 || n > 1<<20 {
				return fail(fmt.Sprintf("số dòng %q không hợp lệ (tệp bị hỏng)", v))
			}
		}
		if n <= rr.lastRow {
			return fail(fmt.Sprintf("dòng %d đứng sau dòng %d (tệp bị hỏng); hãy mở bằng Excel và lưu lại", n, rr.lastRow))
		}
		rr.lastRow = n
		clear(rr.row)
		has, err := rr.readRow(n)
		if err != nil {
			if p, ok := err.(Problem); ok {
				rr.done = true
				rr.close()
				return 0, nil, Problems{p}
			}
			return fail(readError(err, "trang tính"))
		}
		if !has {
			continue
		}
		rr.rows++
		if rr.rows > maxRows {
			return fail(fmt.Sprintf("trang tính có hơn %s dòng, quá giới hạn một lần nhập; hãy chia thành nhiều tệp", data.FormatCount(int64(maxRows))))
		}
		return n, rr.row, nil
	}
}

func attr(t *token, name string) (string, bool) {
	for _, a := range t.attrs {
		if !a.prefix && string(a.name) == name {
			v, err := unescape(a.value)
			return v, err == nil
		}
	}
	return "", false
}

// readRow reads the cells of row n up to its end tag; has says whether the
// row has any cell element at all.
func (rr *rowReader) readRow(n int) (has bool, err error) {
	col := 0
	for {
		t, err := rr.sc.next()
		if err != nil {
			return has, unexpected(err)
		}
		switch t.kind {
		case tokEnd:
			if string(t.name) == "row" {
				return has, nil
			}
			return has, rr.sc.syntax("thẻ đóng không khớp thẻ mở")
		case tokStart:
			if string(t.name) != "c" {
				if err := rr.skip(); err != nil {
					return has, err
				}
				continue
			}
			has = true
			rr.cells++
			if rr.cells > maxCells {
				return has, Problem{Sheet: rr.sheet, Row: n, Msg: fmt.Sprintf("trang tính có hơn %s ô, quá giới hạn một lần nhập; hãy chia thành nhiều tệp hoặc xóa các cột thừa", data.FormatCount(int64(maxCells)))}
			}
			col++
			typ := ""
			for _, a := range t.attrs {
				switch {
				case a.prefix:
				case string(a.name) == "r":
					c, ok := refCol(string(a.value))
					if !ok {
						return has, Problem{Sheet: rr.sheet, Row: n, Msg: fmt.Sprintf("địa chỉ ô %q không hợp lệ (tệp bị hỏng)", a.value)}
					}
					col = c
				case string(a.name) == "t":
					typ = cellType(a.value)
				}
			}
			if col > rr.ncols {
				if err := rr.skip(); err != nil {
					return has, err
				}
				continue
			}
			c, err := rr.readCell(typ)
			if err != nil {
				return has, err
			}
			if c.kind == cellText && typ == "s" {
				i, ok := sstIndex(rr.v, c.v)
				if !ok || i < 0 || i >= len(rr.wb.sst) {
					return has, Problem{Sheet: rr.sheet, Row: n, Col: col, Msg: "ô trỏ tới chuỗi văn bản không có trong tệp (tệp bị hỏng); hãy mở bằng Excel và lưu lại"}
				}
				c.v = rr.wb.sst[i]
			}
			rr.row[col-1] = c
		}
	}
}

// readCell reads a cell's children after its start tag: the value <v>, the
// formula <f> and the inline string <is>. The text of a shared string
// cell (typ "s") is its index, left in rr.v for readRow rather than made
// a string.
func (rr *rowReader) readCell(typ string) (xcell, error) {
	rr.v, rr.is = rr.v[:0], rr.is[:0]
	hasV, hasF, hasIS := false, false, false
	const inV, inT = 1, 2
	in := 0 // the child being read
	phonetic := 0
	depth := 0
	for {
		t, err := rr.sc.next()
		if err != nil {
			return xcell{}, unexpected(err)
		}
		switch t.kind {
		case tokStart:
			depth++
			switch string(t.name) {
			case "v":
				hasV, in = true, inV
			case "f":
				hasF = true
			case "is":
				hasIS = true
			case "rPh":
				phonetic++
			case "t":
				if hasIS && phonetic == 0 {
					in = inT
				}
			}
		case tokEnd:
			if depth == 0 {
				if string(t.name) != "c" {
					return xcell{}, rr.sc.syntax("thẻ đóng không khớp thẻ mở")
				}
				v := ""
				if typ != "s" {
					v = string(rr.v)
				}
				return cellOf(typ, v, string(rr.is), hasV, hasF, hasIS), nil
			}
			depth--
			switch string(t.name) {
			case "v", "t":
				in = 0
			case "rPh":
				phonetic--
			}
		case tokText:
			if in == 0 {
				continue
			}
			buf := &rr.v
			if in == inT {
				buf = &rr.is
			}
			if t.cdata {
				*buf = append(*buf, t.text...)
			} else if *buf, err = appendUnescaped(*buf, t.text); err != nil {
				return xcell{}, err
			}
		}
	}
}

// sstIndex reads a shared string cell's index: from its <v> text, or
// from inline, the text cellOf gave a cell of type "s" with an inline
// string and no <v>. Whole numbers as strconv.Atoi reads them.
func sstIndex(v []byte, inline string) (int, bool) {
	if inline != "" {
		v = []byte(inline)
	}
	v = bytes.TrimSpace(v)
	if len(v) > 0 && len(v) <= 9 {
		n := 0
		for _, b := range v {
			if b < '0' || b > '9' {
				n = -1
				break
			}
			n = n*10 + int(b-'0')
		}
		if n >= 0 {
			return n, true
		}
	}
	n, err := strconv.Atoi(string(v))
	return n, err == nil
}

// cellType is a cell's type attribute as a string, without allocating one
// for the types Excel writes.
func cellType(b []byte) string {
	for _, t := range [...]string{"s", "n", "str", "b", "e", "d", "inlineStr"} {
		if string(b) == t {
			return t
		}
	}
	return string(b)
}

func cellOf(typ, v, inline string, hasV, hasF, hasIS bool) xcell {
	switch {
	case typ == "inlineStr" || (hasIS && !hasV):
		if !hasIS && hasF {
			return xcell{kind: cellNoValue}
		}
		if !hasIS {
			return xcell{}
		}
		return xcell{v: inline, kind: cellText}
	case !hasV && hasF:
		return xcell{kind: cellNoValue}
	case !hasV:
		return xcell{}
	}
	switch typ {
	case "s", "str":
		return xcell{v: v, kind: cellText}
	case "b":
		return xcell{v: strings.TrimSpace(v), kind: cellBool}
	case "e":
		return xcell{v: v, kind: cellError}
	case "d":
		return xcell{v: v, kind: cellDate}
	}
	if strings.TrimSpace(v) == "" {
		return xcell{}
	}
	return xcell{v: strings.TrimSpace(v), kind: cellNumber}
}

// skip reads past the end of the element just started.
func (rr *rowReader) skip() error {
	for depth := 1; depth > 0; {
		t, err := rr.sc.next()
		if err != nil {
			return unexpected(err)
		}
		switch t.kind {
		case tokStart:
			depth++
		case tokEnd:
			depth--
		}
	}
	return nil
}

// refCol is the column of a cell reference ("F12" → 6), within Excel's
// 16 384 columns.
func refCol(ref string) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
		if col > 16384 {
			return 0, false
		}
	}
	if i == 0 || i == len(ref) {
		return 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	return col, true
}

// Problem as an error, for the reader to stop with.
func (p Problem) Error() string { return p.String() }
