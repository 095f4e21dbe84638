package pdfdoc

import "fmt"

// Column is a column of a table.
type Column struct {
	// Header is the column's header text; it wraps and is printed in bold,
	// centred.
	Header string
	// Group, when set, is printed in a header cell spanning this column and
	// the adjacent columns with the same Group, above their own headers
	// ("Điểm theo lĩnh vực" over "1", "2", ...). Columns without a group
	// span both header rows.
	Group string
	// Width in mm. Columns with no width share what the others leave. If
	// the widths do not fit the page, all are scaled down to fit.
	Width float64
	// Align of the body cells: Left when zero.
	Align Align
}

// Row is a row of a table.
type Row struct {
	Cells []string
	// Bold prints the row in bold (totals).
	Bold bool
	// Span prints the first cell across the whole table, left-aligned (a
	// group title inside a table: "I. Các xã"); other cells are ignored.
	Span bool
	// KeepWithNext keeps the row on the same page as the row after it (an
	// area's row with its first criterion), so that no group row is left
	// alone at the bottom of a page. A Span row always keeps the next row.
	KeepWithNext bool
}

// Table is a table drawn with Doc.Table.
type Table struct {
	Columns []Column
	Rows    []Row
	// Size of the text in points; 0 means 11 pt.
	Size float64
}

// Cell padding, mm.
const (
	cellPadX = 1.2
	cellPadY = 0.9
	// minFlexWidth is the least width given to a column without a width
	// before fixed columns are scaled down.
	minFlexWidth = 15.0
)

// Table draws a table from the current position. Each cell wraps to its
// column (letters are never cut), a row is as tall as its tallest cell, a
// row never splits across pages, and the header is drawn again at the top
// of every page the table continues on (in the orientation of the page it
// breaks from).
func (d *Doc) Table(t Table) {
	defer d.guard()
	if !d.ok() {
		return
	}
	if len(t.Columns) == 0 {
		d.fail(fmt.Errorf("pdfdoc: table without columns"))
		return
	}
	for i, r := range t.Rows {
		if !r.Span && len(r.Cells) > len(t.Columns) {
			d.fail(fmt.Errorf("pdfdoc: table row %d has %d cells for %d columns", i+1, len(r.Cells), len(t.Columns)))
			return
		}
	}
	size := t.Size
	if size <= 0 {
		size = TableSize
	}
	tl := d.layoutTable(t.Columns, size)
	// The header keeps the first row with it; a group row (Span) and a
	// row marked KeepWithNext keep the next row.
	d.add(piece{h: tl.headerH, glue: len(t.Rows) > 0, table: tl, head: true, draw: func() { d.drawHeader(tl) }})
	for i := range t.Rows {
		r := t.Rows[i]
		cells := d.rowLines(tl, &r)
		h := float64(maxLines(cells))*tl.lh + 2*cellPadY
		glue := (r.KeepWithNext || r.Span) && i+1 < len(t.Rows)
		d.add(piece{h: h, glue: glue, table: tl, row: true, draw: func() { d.drawRow(tl, &r, cells, h) }})
	}
	d.space(paraSpacing)
}

// tableLayout is a table's geometry on the current page width.
type tableLayout struct {
	cols    []Column
	x       []float64 // left edge of each column
	w       []float64 // width of each column
	width   float64
	size    float64
	lh      float64
	headerH float64
	// header cells
	groups []headerCell // spanning group cells (top header row)
	heads  []headerCell // one per column
	topH   float64      // height of the group row (0 without groups)
}

type headerCell struct {
	x, y, w, h float64 // y relative to the header's top
	lines      []string
}

func (d *Doc) layoutTable(cols []Column, size float64) *tableLayout {
	tl := &tableLayout{cols: cols, size: size, lh: LineHeight(size)}
	page := d.TextWidth()
	fixed, flex := 0.0, 0
	for _, c := range cols {
		if c.Width > 0 {
			fixed += c.Width
		} else {
			flex++
		}
	}
	scale, share := 1.0, 0.0
	switch {
	case flex > 0 && fixed+float64(flex)*minFlexWidth > page:
		scale = max(page-float64(flex)*minFlexWidth, 0) / fixed
		share = minFlexWidth
	case flex > 0:
		share = (page - fixed) / float64(flex)
	case fixed > page:
		scale = page / fixed
	}
	tl.w = make([]float64, len(cols))
	for i, c := range cols {
		if c.Width > 0 {
			tl.w[i] = c.Width * scale
		} else {
			tl.w[i] = share
		}
		tl.width += tl.w[i]
	}
	// A table narrower than the page is centred.
	x := MarginLeft + max(page-tl.width, 0)/2
	tl.x = make([]float64, len(cols))
	for i := range cols {
		tl.x[i] = x
		x += tl.w[i]
	}

	d.setFont(Bold, size)
	hasGroups := false
	for i := 0; i < len(cols); {
		j := i + 1
		if g := cols[i].Group; g != "" {
			hasGroups = true
			for j < len(cols) && cols[j].Group == g {
				j++
			}
			w := tl.x[j-1] + tl.w[j-1] - tl.x[i]
			tl.groups = append(tl.groups, headerCell{x: tl.x[i], w: w, lines: d.split(Clean(g), w-2*cellPadX)})
		}
		i = j
	}
	for i, c := range cols {
		tl.heads = append(tl.heads, headerCell{x: tl.x[i], w: tl.w[i], lines: d.split(Clean(c.Header), tl.w[i]-2*cellPadX)})
	}
	pad := 2 * cellPadY
	if !hasGroups {
		h := 0
		for _, hc := range tl.heads {
			h = max(h, len(hc.lines))
		}
		tl.headerH = float64(h)*tl.lh + pad
		for i := range tl.heads {
			tl.heads[i].h = tl.headerH
		}
		return tl
	}
	top, sub, whole := 0, 0, 0
	for _, g := range tl.groups {
		top = max(top, len(g.lines))
	}
	for i, c := range cols {
		if c.Group != "" {
			sub = max(sub, len(tl.heads[i].lines))
		} else {
			whole = max(whole, len(tl.heads[i].lines))
		}
	}
	tl.topH = float64(top)*tl.lh + pad
	subH := float64(sub)*tl.lh + pad
	if need := float64(whole)*tl.lh + pad; need > tl.topH+subH {
		subH = need - tl.topH
	}
	tl.headerH = tl.topH + subH
	for i := range tl.groups {
		tl.groups[i].h = tl.topH
	}
	for i, c := range cols {
		if c.Group != "" {
			tl.heads[i].y, tl.heads[i].h = tl.topH, subH
		} else {
			tl.heads[i].h = tl.headerH
		}
	}
	return tl
}

func (d *Doc) drawHeader(tl *tableLayout) {
	d.pdf.SetLineWidth(0.2)
	d.setFont(Bold, tl.size)
	y := d.pdf.GetY()
	for _, cells := range [][]headerCell{tl.groups, tl.heads} {
		for _, c := range cells {
			d.pdf.Rect(c.x, y+c.y, c.w, c.h, "D")
			ly := y + c.y + (c.h-float64(len(c.lines))*tl.lh)/2
			for _, l := range c.lines {
				d.textAligned(c.x+cellPadX, ly, c.w-2*cellPadX, tl.lh, l, Center)
				ly += tl.lh
			}
		}
	}
	d.pdf.SetXY(MarginLeft, y+tl.headerH)
}

// rowLines wraps each cell of a row to its column.
func (d *Doc) rowLines(tl *tableLayout, r *Row) [][]string {
	style := Regular
	if r.Bold {
		style = Bold
	}
	d.setFont(style, tl.size)
	if r.Span {
		s := ""
		if len(r.Cells) > 0 {
			s = Clean(r.Cells[0])
		}
		return [][]string{d.split(s, tl.width-2*cellPadX)}
	}
	out := make([][]string, len(tl.cols))
	for i := range tl.cols {
		s := ""
		if i < len(r.Cells) {
			s = cleanLines(r.Cells[i])
		}
		out[i] = d.split(s, tl.w[i]-2*cellPadX)
	}
	return out
}

func maxLines(cells [][]string) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}

func (d *Doc) drawRow(tl *tableLayout, r *Row, cells [][]string, h float64) {
	style := Regular
	if r.Bold {
		style = Bold
	}
	d.setFont(style, tl.size)
	d.pdf.SetLineWidth(0.2)
	y := d.pdf.GetY()
	if r.Span {
		d.pdf.Rect(tl.x[0], y, tl.width, h, "D")
		d.cellText(tl.x[0], y, tl.width, h, tl.lh, cells[0], Left)
	} else {
		for i, c := range tl.cols {
			d.pdf.Rect(tl.x[i], y, tl.w[i], h, "D")
			a := c.Align
			if a == 0 || a == Justify {
				a = Left
			}
			d.cellText(tl.x[i], y, tl.w[i], h, tl.lh, cells[i], a)
		}
	}
	d.pdf.SetXY(MarginLeft, y+h)
}

// cellText draws the lines of a cell, centred vertically.
func (d *Doc) cellText(x, y, w, h, lh float64, lines []string, a Align) {
	ly := y + (h-float64(len(lines))*lh)/2
	for _, l := range lines {
		d.textAligned(x+cellPadX, ly, w-2*cellPadX, lh, l, a)
		ly += lh
	}
}
