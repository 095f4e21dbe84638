package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// column describes one column of a read-only text table.
type column struct {
	title string
	width float32
	align fyne.TextAlign
}

// textTable is a read-only table of strings with a header row: the shape
// of most of ParDesk's lists. Screens fill it with SetRows.
type textTable struct {
	widget.Table
	cols []column
	rows [][]string
	// bold marks rows drawn in bold (totals).
	bold map[int]bool
	// danger marks rows drawn in the error colour and bold (overdue).
	danger map[int]bool
	tips   cellTips
	fit    widthFit
}

func newTextTable(cols []column) *textTable {
	t := &textTable{cols: cols}
	// The table is extended, not wrapped: Fyne keys renderers by the outer
	// widget, so a wrapped *widget.Table would refresh a renderer nobody shows.
	t.Table = widget.Table{
		Length:     func() (int, int) { return len(t.rows), len(t.cols) },
		CreateCell: t.tips.create,
		UpdateCell: func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row >= len(t.rows) || id.Col >= len(t.cols) || id.Col >= len(t.rows[id.Row]) {
				l.SetText("") // columns changed before the rows
				return
			}
			l.Alignment = t.cols[id.Col].align
			l.TextStyle = fyne.TextStyle{Bold: t.bold[id.Row] || t.danger[id.Row]}
			l.Importance = widget.MediumImportance
			if t.danger[id.Row] {
				l.Importance = widget.DangerImportance
			}
			l.SetText(t.rows[id.Row][id.Col])
		},
		ShowHeaderRow: true,
		CreateHeader: func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.TextStyle = fyne.TextStyle{Bold: true}
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Col >= 0 {
				l.Alignment = t.cols[id.Col].align
				l.SetText(t.cols[id.Col].title)
			}
		},
	}
	t.ExtendBaseWidget(t)
	setColumnWidths(&t.Table, cols)
	return t
}

// newCellLabel is a cell of the read-only tables: one line, cut with an
// ellipsis when too long.
func newCellLabel() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// setColumnWidths gives the table's columns their widths.
func setColumnWidths(t *widget.Table, cols []column) {
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
}

// Resize gives the spare width to the text columns.
func (t *textTable) Resize(s fyne.Size) {
	t.fit.apply(&t.Table, t.cols, s.Width)
	t.Table.Resize(s)
}

// MouseIn, MouseMoved and MouseOut show the whole text of a cut cell.
func (t *textTable) MouseIn(ev *desktop.MouseEvent) { t.Table.MouseIn(ev); t.tips.moved(t, ev) }

func (t *textTable) MouseMoved(ev *desktop.MouseEvent) {
	t.Table.MouseMoved(ev)
	t.tips.moved(t, ev)
}

func (t *textTable) MouseOut() { t.Table.MouseOut(); t.tips.out(t) }

// widthFit remembers the width a table's columns were last fitted to and
// how wide each text column's longest cell is.
type widthFit struct {
	width float32
	need  []float32
}

// measure notes the width each leading-aligned column needs for its
// longest cell and title, and makes the next apply fit again.
func (f *widthFit) measure(cols []column, rows [][]string) {
	f.width = 0
	f.need = make([]float32, len(cols))
	pad := 2*theme.InnerPadding() + 4
	for i, c := range cols {
		if c.align != fyne.TextAlignLeading {
			continue
		}
		f.need[i] = fyne.MeasureText(c.title, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + pad
		for _, r := range rows {
			if i < len(r) {
				f.need[i] = max(f.need[i], fyne.MeasureText(r[i], theme.TextSize(), fyne.TextStyle{Bold: true}).Width+pad)
			}
		}
	}
}

// apply sets the column widths for a table width.
func (f *widthFit) apply(t *widget.Table, cols []column, width float32) {
	if width == f.width || len(cols) == 0 || width <= 0 {
		return
	}
	f.width = width
	for i, w := range fitWidths(cols, f.need, width) {
		t.SetColumnWidth(i, w)
	}
}

// fitWidths are the columns' widths in a table of the given width: each
// column gets its own width, and what is left over goes first to the text
// columns (task, note, unit name, criterion) whose cells are cut, in
// proportion to what they miss, then to the widest text columns, so at
// 1 920 pixels the names are whole instead of cut beside an empty band.
func fitWidths(cols []column, need []float32, width float32) []float32 {
	out := make([]float32, len(cols))
	used := theme.ScrollBarSize() + 2 // the vertical scroll bar covers the last column's edge
	flexTotal := float32(0)
	widest := -1
	for i, c := range cols {
		out[i] = c.width
		used += c.width + theme.Padding()
		if c.align == fyne.TextAlignLeading {
			if c.width >= 200 {
				flexTotal += c.width
			}
			if widest < 0 || c.width > cols[widest].width {
				widest = i
			}
		}
	}
	spare := width - used
	if spare <= 0 || widest < 0 {
		return out
	}
	want := float32(0)
	for i := range cols {
		if i < len(need) && need[i] > out[i] {
			want += need[i] - out[i]
		}
	}
	if want > 0 {
		share := min(1, spare/want)
		for i := range cols {
			if i < len(need) && need[i] > out[i] {
				out[i] += (need[i] - out[i]) * share
			}
		}
		spare -= min(spare, want)
	}
	if spare <= 0 {
		return out
	}
	if flexTotal == 0 {
		out[widest] += spare
		return out
	}
	for i, c := range cols {
		if c.align == fyne.TextAlignLeading && c.width >= 200 {
			out[i] += spare * c.width / flexTotal
		}
	}
	return out
}

// SetColumns replaces the columns (the ranking's area columns depend on
// the year's framework).
func (t *textTable) SetColumns(cols []column) {
	t.cols = cols
	setColumnWidths(&t.Table, cols)
	t.fit.measure(cols, t.rows)
	t.fit.apply(&t.Table, cols, t.Size().Width)
}

// SetRows replaces the content.
func (t *textTable) SetRows(rows [][]string, bold map[int]bool) {
	t.rows, t.bold, t.danger = rows, bold, nil
	t.fit.measure(t.cols, rows)
	t.fit.apply(&t.Table, t.cols, t.Size().Width)
	t.Refresh()
}

// SetDanger marks rows to draw in the error colour (after SetRows).
func (t *textTable) SetDanger(rows map[int]bool) {
	t.danger = rows
	t.Refresh()
}
