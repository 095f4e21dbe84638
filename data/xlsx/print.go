package xlsx

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// How the exports print: every sheet gets an A4 page setup (portrait, or
// landscape when its columns are wider than a portrait page), fitted to
// one page wide and as many pages down as it needs, with the table's
// header row repeated on every page, the office, the title and the date in
// the page header and "Trang 2/5" in the footer. Rows of wrapped text get
// the height their lines need, so they neither overlap nor get clipped
// (Excel does not size such rows itself when it opens a file), and the
// sheet's used range is declared.

// now is the clock of the date printed in the page header; tests set it.
var now = time.Now

// printHeader is what every page of a workbook says besides its sheet's
// title: the office, top left, and the date of the export, top right.
type printHeader struct {
	office string
	date   time.Time
}

// forOffice puts the office's name in the page headers; a file whose
// office is not entered yet prints without it.
func (b *book) forOffice(tx *store.Tx) {
	if o, err := tx.Office(); err == nil {
		b.print.office = o.Name
	}
}

// sheetPrint is what one sheet needs to print, gathered as its cells are
// written.
type sheetPrint struct {
	title   string          // centred in the page header
	header  int             // the table's header row, repeated on every page
	widths  []float64       // column widths, as headers set them
	lastRow int             // the used range, A1 to (lastCol, lastRow)
	lastCol int             //
	heights map[int]float64 // rows that need a height, in points
	breaks  []int           // rows that start a new page
	spills  []spill         // titles that run on over the cells to their right
}

// spill is the text of a cell that is not wrapped, shown over the empty
// cells to its right: the print area must reach its end.
type spill struct {
	col   int
	width float64 // pixels
}

// Page geometry, in millimetres: A4 and the margins of Decree 30 for a
// portrait page (left 30, right 15, top and bottom 20); a landscape page
// keeps 20 mm all round but 15 mm on the right.
const (
	a4Short, a4Long = 210.0, 297.0
	mmPerInch       = 25.4
	paperA4         = 9 // SpreadsheetML paperSize
)

type margins struct{ left, right, top, bottom, header, footer float64 }

var (
	portraitMargins  = margins{left: 30, right: 15, top: 20, bottom: 20, header: 8, footer: 8}
	landscapeMargins = margins{left: 20, right: 15, top: 20, bottom: 20, header: 8, footer: 8}
)

// The width of a column no width was set for (excelize's default), and
// how far a title may run on to the right of its table.
const (
	defaultColWidth = 9.140625
	maxSpillCols    = 30
)

// Heights of a line of text in the cell styles, in points, as Excel sizes
// a row for Times New Roman 12 pt (titles 13 pt), and the room a header
// row keeps around its centred text.
const (
	lineHeight12  = 15.75
	lineHeight13  = 17.25
	headerPadding = 4.5
	maxRowHeight  = 409 // Excel's limit
)

// pageBreakBefore makes row start a new printed page.
func (p *page) pageBreakBefore(row int) {
	p.print.breaks = append(p.print.breaks, row)
}

// track records a cell written by set: the used range, and the height its
// row needs for the text in it.
func (p *page) track(col, row int, v any, style int) {
	sp := &p.print
	sp.lastRow, sp.lastCol = max(sp.lastRow, row), max(sp.lastCol, col)
	s, ok := v.(string)
	if !ok || s == "" {
		return
	}
	b := p.b
	var h float64
	switch style {
	case b.header, b.wrap, b.bold:
		lines := 1
		if col <= len(sp.widths) {
			lines = wrappedLines(s, sp.widths[col-1], style == b.header || style == b.bold)
		}
		h = float64(lines) * lineHeight12
		if style == b.header {
			h += headerPadding
		}
	case b.title, b.headerCenter:
		h = lineHeight13
		w := 0.0
		for _, r := range s {
			w += charWidth(r, style == b.title) * 13 / 12
		}
		sp.spills = append(sp.spills, spill{col, w + 8})
	default:
		h = lineHeight12
	}
	if sp.heights == nil {
		sp.heights = map[int]float64{}
	}
	sp.heights[row] = min(max(sp.heights[row], h), maxRowHeight)
}

// Advance widths of the printable ASCII characters (space to "~") in
// Liberation Serif, metric-compatible with Times New Roman, in thousandths
// of an em: regular and bold.
var (
	advRegular = [95]uint16{250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
		500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921,
		722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611,
		333, 278, 333, 469, 500, 333,
		444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444,
		480, 200, 480, 541}
	advBold = [95]uint16{250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
		500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930,
		722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667,
		333, 278, 333, 581, 500, 333,
		500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444,
		394, 220, 394, 520}
)

// charWidth is the width of r in Times New Roman 12 pt, in pixels at 96
// per inch (the pixels of Excel's column widths). A Vietnamese letter is
// as wide as its base letter but for those with a horn (ơ, ư).
func charWidth(r rune, bold bool) float64 {
	adv := &advRegular
	if bold {
		adv = &advBold
	}
	var em float64
	switch r {
	case 'ơ', 'ư', 'Ơ', 'Ư':
		em = 620
	default:
		if r >= 0x80 {
			r = baseLetter(r)
		}
		if r >= ' ' && r <= '~' {
			em = float64(adv[r-' '])
		} else {
			em = 722 // a wide letter: better a line too many than one too few
		}
	}
	return em / 1000 * 16
}

// baseLetters holds the letter each accented Latin letter is written on
// (ẫ → a), worked out once: the widths of a whole country's scores sheet
// ask for it some forty million times.
var baseLetters = sync.OnceValue(func() []rune {
	t := make([]rune, maxBased+1)
	for r := range t {
		t[r] = rune(r)
		if d := norm.NFD.String(string(rune(r))); d != "" {
			t[r], _ = utf8.DecodeRuneInString(d)
		}
	}
	return t
})

// maxBased is the last rune baseLetters holds, past the Latin letters of
// Vietnamese (U+1EA0-U+1EF9).
const maxBased = 0x1EFF

// baseLetter is the letter r is written on, r itself when it has none.
func baseLetter(r rune) rune {
	if r < 0 || r > maxBased {
		if d := norm.NFD.String(string(r)); d != "" {
			r, _ = utf8.DecodeRuneInString(d)
		}
		return r
	}
	return baseLetters()[r]
}

// wrappedLines estimates how many lines s takes in a wrapped cell of the
// given column width: words are laid out greedily as Excel does, a word
// longer than a line is broken, and each line break in s starts a line.
func wrappedLines(s string, width float64, bold bool) int {
	// A column of width w is 7w pixels; the cell keeps a few for its
	// margins, and a little slack covers the renderer's rounding.
	room := max((width*7-2)*0.95, 8)
	space := charWidth(' ', bold)
	lines := 0
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		lines++
		used := 0.0
		for _, w := range strings.Fields(para) {
			ww := 0.0
			for _, r := range w {
				ww += charWidth(r, bold)
			}
			switch {
			case used == 0:
				used = ww
			case used+space+ww <= room:
				used += space + ww
				continue
			default:
				lines++
				used = ww
			}
			for used > room { // a word wider than the column breaks
				lines++
				used -= room
			}
		}
	}
	return max(lines, 1)
}

// pageSetup applies the sheet's page setup; bytes calls it for every
// sheet before writing the file.
func (p *page) pageSetup() error {
	if p.error != nil {
		return p.error
	}
	if p.stream != nil {
		return p.endStream()
	}
	for row, h := range p.print.heights {
		if err := p.b.f.SetRowHeight(p.name, row, h); err != nil {
			return err
		}
	}
	if err := p.sheetSetup(); err != nil {
		return err
	}
	for _, row := range p.print.breaks {
		if err := p.b.f.InsertPageBreak(p.name, cell(1, row)); err != nil {
			return err
		}
	}
	return nil
}

// sheetSetup declares the sheet's used range and its page setup: the
// paper, margins, repeated header row, print area and page header.
func (p *page) sheetSetup() error {
	f, sp := p.b.f, &p.print
	lastCol, lastRow := max(sp.lastCol, len(sp.widths), 1), max(sp.lastRow, 1)
	used := "A1:" + cell(lastCol, lastRow)
	if err := f.SetSheetDimension(p.name, used); err != nil {
		return err
	}
	// The printed columns: the table's, and those a title runs on over.
	widths := sp.widths
	for _, s := range sp.spills {
		px := 0.0
		for c := 1; ; c++ {
			w := defaultColWidth
			if c <= len(widths) {
				w = widths[c-1]
			}
			if c >= s.col {
				px += math.Round(w * 7)
			}
			if px >= s.width || c > maxSpillCols {
				for len(widths) < c {
					widths = append(widths, defaultColWidth)
				}
				break
			}
		}
	}
	lastCol = max(lastCol, len(widths))

	landscape := tableWidth(widths) > a4Short-portraitMargins.left-portraitMargins.right
	orient, m := "portrait", portraitMargins
	if landscape {
		orient, m = "landscape", landscapeMargins
	}
	size, one, auto := paperA4, 1, 0
	if err := f.SetPageLayout(p.name, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &auto,
	}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(p.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	inch := func(mm float64) *float64 { v := math.Round(mm/mmPerInch*1000) / 1000; return &v }
	if err := f.SetPageMargins(p.name, &excelize.PageLayoutMarginsOptions{
		Left: inch(m.left), Right: inch(m.right), Top: inch(m.top), Bottom: inch(m.bottom),
		Header: inch(m.header), Footer: inch(m.footer),
	}); err != nil {
		return err
	}

	ref := "'" + strings.ReplaceAll(p.name, "'", "''") + "'!"
	if sp.header > 0 {
		rows := fmt.Sprintf("$%d:$%d", sp.header, sp.header)
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: ref + rows, Scope: p.name}); err != nil {
			return err
		}
	}
	area := fmt.Sprintf("$A$1:$%s$%d", colName(lastCol), lastRow)
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: ref + area, Scope: p.name}); err != nil {
		return err
	}

	date := p.b.print.date
	if date.IsZero() {
		date = now()
	}
	title := sp.title
	if title == "" {
		title = p.name
	}
	const (
		regular = `&10&"Times New Roman,Regular"`
		bold    = `&11&"Times New Roman,Bold"`
		italic  = `&10&"Times New Roman,Italic"`
	)
	header := "&L" + regular + headerText(p.b.print.office, 45) +
		"&C" + bold + headerText(title, 80) +
		"&R" + italic + "Ngày " + data.FormatDate(date)
	if err := f.SetHeaderFooter(p.name, &excelize.HeaderFooterOptions{
		OddHeader: header,
		OddFooter: "&C" + regular + "Trang &P/&N",
	}); err != nil {
		return err
	}
	return nil
}

// tableWidth is the printed width of columns of these widths at 100 %, in
// millimetres (a column of width w is 7w pixels at 96 per inch).
func tableWidth(widths []float64) float64 {
	px := 0.0
	for _, w := range widths {
		px += math.Round(w * 7)
	}
	return px / 96 * mmPerInch
}

// headerText makes s safe in a page header: one line, "&" doubled (it
// starts a code there), at most n characters once escaped, so that the
// whole header stays within Excel's 255.
func headerText(s string, n int) string {
	s = strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "&", "&&")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	s = string([]rune(s)[:n-1])
	if amps := len(s) - len(strings.TrimRight(s, "&")); amps%2 == 1 {
		s = s[:len(s)-1] // half an escaped "&"
	}
	return strings.TrimSpace(s) + "…"
}
