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
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pardesk/pardesk/data"
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
	first                                   bool
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
	return &page{b: b, name: name}, nil
}

func (b *book) bytes() ([]byte, error) {
	b.f.SetActiveSheet(0)
	var buf bytes.Buffer
	if err := b.f.Write(&buf); err != nil {
		return nil, data.Errorf(data.EINTERNAL, "Không tạo được tệp Excel: %v", err)
	}
	return buf.Bytes(), nil
}

// page writes one sheet; the first error sticks and is returned by err.
type page struct {
	b     *book
	name  string
	error error
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
	c := cell(col, row)
	switch x := v.(type) {
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
	for i, c := range cols {
		p.set(i+1, row, c.title, p.b.header)
		if p.error == nil {
			p.error = p.b.f.SetColWidth(p.name, colName(i+1), colName(i+1), c.width)
		}
	}
	if p.error == nil {
		p.error = p.b.f.SetPanes(p.name, &excelize.Panes{Freeze: true, YSplit: row, TopLeftCell: cell(1, row+1), ActivePane: "bottomLeft"})
	}
}

// titleRows writes the title lines above a table.
func (p *page) titleRows(lines ...string) {
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
	p.set(2, row, v, 0)
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

// cellPoints reads a points cell as Excel stores it: a number ("4.9", or
// "12.609999999999999" from a sheet that computed it) or text typed the
// Vietnamese way ("4,9"). Anything else is refused with ParsePoints' reason.
func cellPoints(s string) (data.Points, error) {
	p, err := data.ParsePoints(s)
	if err == nil {
		return p, nil
	}
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "eE.") && !strings.Contains(s, ",") {
		if x, ferr := strconv.ParseFloat(s, 64); ferr == nil && !math.IsInf(x, 0) && !math.IsNaN(x) && x >= 0 && x < 1e9 {
			h := math.Round(x * data.PointsScale)
			if math.Abs(x*data.PointsScale-h) < 1e-6 {
				return data.Points(h), nil
			}
			return 0, data.Errorf(data.EINVALID, "%q có quá hai chữ số thập phân", s)
		}
	}
	return 0, err
}

// cellInt reads a whole number cell ("3" or "3.0" as Excel may store it).
func cellInt(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil && x == math.Trunc(x) && math.Abs(x) < 1e9 {
		return int(x), true
	}
	return 0, false
}
