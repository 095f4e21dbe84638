package app

import (
	"fyne.io/fyne/v2"
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
}

func newTextTable(cols []column) *textTable {
	t := &textTable{cols: cols}
	// The table is extended, not wrapped: Fyne keys renderers by the outer
	// widget, so a wrapped *widget.Table would refresh a renderer nobody shows.
	t.Table = widget.Table{
		Length:     func() (int, int) { return len(t.rows), len(t.cols) },
		CreateCell: newCellLabel,
		UpdateCell: func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Alignment = t.cols[id.Col].align
			l.TextStyle = fyne.TextStyle{Bold: t.bold[id.Row]}
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

// SetColumns replaces the columns (the ranking's area columns depend on
// the year's framework).
func (t *textTable) SetColumns(cols []column) {
	t.cols = cols
	setColumnWidths(&t.Table, cols)
}

// SetRows replaces the content.
func (t *textTable) SetRows(rows [][]string, bold map[int]bool) {
	t.rows, t.bold = rows, bold
	t.Refresh()
}
