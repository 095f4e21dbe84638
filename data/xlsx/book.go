// Package xlsx exchanges ParDesk data with Excel: it exports the ranking, a
// unit's scorecard, the lost points and the task list, and imports units, a
// framework and scores from workbooks laid out as its own exports, so a
// file exported, edited in Excel and imported again comes back whole.
//
// Headers are Vietnamese; points, indexes and counts are written as
// numbers (a number format with two decimals), never as text, so officers
// can sum and sort them in Excel. An import checks every row first and
// writes all of it in one transaction, or nothing: a bad file yields the
// list of its problems, each with sheet, row and column.
package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/progress"
)

// Sheet names of the import layouts (and of the exports that share them).
const (
	SheetUnits     = "Đơn vị"
	SheetFramework = "Bộ chỉ số"
	SheetBands     = "Xếp loại"
	SheetScores    = "Điểm"
	SheetPublished = "Tổng công bố"
)

// book wraps an excelize file with ParDesk's styles.
type book struct {
	f                                       *excelize.File
	title, header, text, bold, num, numBold int
	intStyle, date, wrap, pct, headerCenter int
	passFail                                int // the points of a đạt / không đạt criterion, shown as the word
	first                                   bool
	pages                                   []*page
	print                                   printHeader   // what every printed page says at its top
	progress                                progress.Func // told how the writing of a big workbook goes
}

func newBook() (*book, error) {
	b := &book{f: excelize.NewFile(), first: true}
	border := []excelize.Border{
		{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1},
	}
	dateFmt := "dd/mm/yyyy"
	styles := []struct {
		dst *int
		s   excelize.Style
	}{
		{&b.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 13, Family: "Times New Roman"}}},
		{&b.header, excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7EEF7"}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}}},
		{&b.text, excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12}, Border: border, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&b.wrap, excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12}, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&b.bold, excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12}, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		// Built-in format 2 is "0.00": Excel shows it with the decimal mark
		// of the officer's locale (81,40 on a Vietnamese Windows).
		{&b.num, excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12}, Border: border, NumFmt: 2, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&b.numBold, excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12}, Border: border, NumFmt: 2, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&b.intStyle, excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12}, Border: border, NumFmt: 1, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}}},
		{&b.pct, excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12}, Border: border, NumFmt: 1, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&b.passFail, excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12}, Border: border, CustomNumFmt: &passFailFmt, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}}},
		{&b.date, excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12}, Border: border, CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}}},
		{&b.headerCenter, excelize.Style{Font: &excelize.Font{Italic: true, Family: "Times New Roman", Size: 12}}},
	}
	for _, st := range styles {
		id, err := b.f.NewStyle(&st.s)
		if err != nil {
			return nil, err
		}
		*st.dst = id
	}
	return b, nil
}

// sheet adds a sheet (the first call renames the default one).
func (b *book) sheet(name string) (*page, error) {
	if b.first {
		b.first = false
		if err := b.f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := b.f.NewSheet(name); err != nil {
		return nil, err
	}
	p := &page{b: b, name: name}
	b.pages = append(b.pages, p)
	return p, nil
}

func (b *book) bytes() ([]byte, error) {
	// A streamed sheet waits in a temporary file until the workbook is
	// written; closing the workbook removes it (some 270 MB for a whole
	// country's year).
	defer b.f.Close()
	for _, p := range b.pages {
		if err := p.pageSetup(); err != nil {
			return nil, data.Errorf(data.EINTERNAL, "Không tạo được tệp Excel: %v", err)
		}
	}
	b.f.SetActiveSheet(0)
	var buf bytes.Buffer
	// Zipping the XML of a big sheet takes seconds of its own.
	var w io.Writer = &buf
	if b.progress != nil {
		w = &progress.Writer{W: &buf, Stage: stageZip, F: b.progress}
	}
	if err := b.f.Write(w); err != nil {
		return nil, data.Errorf(data.EINTERNAL, "Không tạo được tệp Excel: %v", err)
	}
	return buf.Bytes(), nil
}

// page writes one sheet; the first error sticks and is returned by err.
type page struct {
	b      *book
	name   string
	error  error
	print  sheetPrint   // the page setup, gathered as cells are written
	stream *streamState // set for a sheet written through the stream writer
}

func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func colName(col int) string {
	c, _ := excelize.ColumnNumberToName(col)
	return c
}

func (p *page) set(col, row int, v any, style int) {
	if p.error != nil {
		return
	}
	if p.stream != nil {
		p.streamSet(col, row, v, style)
		return
	}
	c := cell(col, row)
	p.track(col, row, v, style)
	switch x := v.(type) {
	case string:
		if x != "" { // an empty cell holds no value, not an empty string
			p.error = p.b.f.SetCellStr(p.name, c, x)
		}
	case data.Points:
		p.error = p.b.f.SetCellFloat(p.name, c, float64(x)/data.PointsScale, -1, 64)
	case *data.Points:
		if x != nil {
			p.error = p.b.f.SetCellFloat(p.name, c, float64(*x)/data.PointsScale, -1, 64)
		}
	case data.Percent:
		p.error = p.b.f.SetCellFloat(p.name, c, float64(x)/100, -1, 64)
	case time.Time:
		if !x.IsZero() {
			p.error = p.b.f.SetCellValue(p.name, c, time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC))
		}
	case nil:
	default:
		p.error = p.b.f.SetCellValue(p.name, c, x)
	}
	if p.error == nil && style != 0 {
		p.error = p.b.f.SetCellStyle(p.name, c, c, style)
	}
}

// headers writes a header row and the column widths.
func (p *page) headers(row int, cols []column) {
	p.print.widths = nil
	for i, c := range cols {
		p.print.widths = append(p.print.widths, c.width)
		p.set(i+1, row, c.title, p.b.header)
		if p.error == nil && p.stream == nil { // a stream sets them as it starts
			p.error = p.b.f.SetColWidth(p.name, colName(i+1), colName(i+1), c.width)
		}
	}
	p.print.header = row
	if p.error == nil && p.stream == nil {
		p.error = p.b.f.SetPanes(p.name, &excelize.Panes{Freeze: true, YSplit: row, TopLeftCell: cell(1, row+1), ActivePane: "bottomLeft"})
	}
}

// titleRows writes the title lines above a table.
func (p *page) titleRows(lines ...string) {
	if len(lines) > 0 && p.print.title == "" {
		p.print.title = lines[0]
	}
	for i, l := range lines {
		style := p.b.title
		if i > 0 {
			style = p.b.headerCenter
		}
		p.set(1, i+1, l, style)
	}
}

type column struct {
	title string
	width float64
}

// metaRow writes a "label | value" line above a table ("Năm | 2023").
func (p *page) metaRow(row int, label string, v any) {
	p.set(1, row, label, p.b.title)
	p.set(2, row, v, p.b.title)
}

// Problem is one thing wrong in an imported file, where the officer can find
// it: sheet, row and column as Excel shows them.
type Problem struct {
	Sheet  string // "" for a problem with the whole file
	Row    int    // 1-based; 0 for a problem with the whole sheet
	Col    int    // 1-based; 0 for a problem with the whole row
	Header string // the column's header, to name it
	Msg    string
}

func (p Problem) String() string {
	var where []string
	if p.Sheet != "" {
		where = append(where, "Trang tính «"+p.Sheet+"»")
	}
	if p.Row > 0 {
		where = append(where, "dòng "+strconv.Itoa(p.Row))
	}
	if p.Col > 0 {
		c := "cột " + colName(p.Col)
		if p.Header != "" {
			c += " (" + p.Header + ")"
		}
		where = append(where, c)
	}
	if len(where) == 0 {
		return p.Msg
	}
	return strings.Join(where, ", ") + ": " + p.Msg
}

// Problems is the error of a refused import: the file's problems, of which
// nothing was written.
type Problems []Problem

// maxShown bounds the problems listed in a message; the count says the rest.
const maxShown = 50

func (ps Problems) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Không nhập tệp: có %s lỗi, dữ liệu không thay đổi.", data.FormatCount(int64(len(ps))))
	for i, p := range ps {
		if i == maxShown {
			fmt.Fprintf(&b, "\n… và %s lỗi khác.", data.FormatCount(int64(len(ps)-maxShown)))
			break
		}
		b.WriteString("\n– " + p.String())
	}
	return b.String()
}

// AsError returns the problems as an application error for the officer.
func (ps Problems) AsError() error {
	if len(ps) == 0 {
		return nil
	}
	return &data.Error{Code: data.EINVALID, Message: ps.Error()}
}

// cellPoints reads a points cell the way the score grid reads typed
// points. Text ("4,9", "4.9") goes through data.ParsePoints, the grid's
// parser, so "1e1", "1.000" and "８１" are refused for the grid's reasons.
// A number stored as a number by Excel is taken as it is when it has at
// most two decimals ("12.609999999999999", from a sheet that computed it,
// is 12,61). A boolean, an error, a date or a formula never computed is
// refused.
func cellPoints(x xcell) (data.Points, error) {
	switch x.kind {
	case cellBlank:
		return 0, data.Errorf(data.EINVALID, "chưa nhập số điểm")
	case cellText:
		return data.ParsePoints(x.v)
	case cellBool:
		return 0, data.Errorf(data.EINVALID, "ô chứa giá trị đúng/sai (%s), không phải số điểm", x.text())
	case cellError:
		return 0, data.Errorf(data.EINVALID, "ô báo lỗi công thức %s, không phải số điểm", x.v)
	case cellDate:
		return 0, data.Errorf(data.EINVALID, "ô chứa ngày tháng %s, không phải số điểm", x.v)
	case cellNoValue:
		return 0, data.Errorf(data.EINVALID, "%s", msgNoValue)
	}
	f, err := strconv.ParseFloat(x.v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, data.Errorf(data.EINVALID, "%q không phải là số điểm hợp lệ", x.v)
	}
	if math.Abs(f) >= 1e9 {
		return 0, data.Errorf(data.EINVALID, "%q quá lớn", x.v)
	}
	h := math.Round(f * data.PointsScale)
	if math.Abs(f*data.PointsScale-h) > 1e-6 {
		return 0, data.Errorf(data.EINVALID, "%q có quá hai chữ số thập phân", strconv.FormatFloat(f, 'f', -1, 64))
	}
	return data.Points(h), nil
}

// cellInt reads a whole number: a number cell ("3", or "3.0" as a program
// may store it) or text of digits. "1e1" as text, a boolean or a formula
// never computed is not one.
func cellInt(x xcell) (int, bool) {
	s := strings.TrimSpace(x.v)
	switch x.kind {
	case cellText:
		if s == "" || strings.ContainsAny(s, "+") {
			return 0, false
		}
		n, err := strconv.Atoi(s)
		return n, err == nil
	case cellNumber:
		if n, err := strconv.Atoi(s); err == nil {
			return n, true
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1e9 {
			return int(f), true
		}
	}
	return 0, false
}
