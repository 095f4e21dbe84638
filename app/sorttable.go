package app

import (
	"cmp"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
)

// sortRow is one row of a sortTable: the texts shown and, per column, the
// key it sorts by (int64 for numbers, points and dates; string for names,
// compared in Vietnamese collation). A nil key sorts by the text.
type sortRow struct {
	cells []string
	keys  []any
	bold  bool
}

// sortTable is a read-only table whose header cells are buttons: a tap
// sorts by that column, a second tap reverses the order. Selecting a cell
// selects its row, reported by the row's index in the slice given to
// SetRows, whatever the order shown.
type sortTable struct {
	widget.Table
	cols    []column
	rows    []sortRow
	order   []int // shown position → index in rows
	sortCol int   // -1: the order given
	desc    bool
	// OnRowSelected is called with the index of the selected row in the
	// slice given to SetRows.
	OnRowSelected func(row int)
}

func newSortTable(cols []column) *sortTable {
	t := &sortTable{cols: cols, sortCol: -1}
	t.Table = widget.Table{
		Length: func() (int, int) { return len(t.order), len(t.cols) },
		CreateCell: func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		UpdateCell: func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Row >= len(t.order) || id.Col >= len(t.cols) {
				l.SetText("")
				return
			}
			r := t.rows[t.order[id.Row]]
			l.Alignment = t.cols[id.Col].align
			l.TextStyle = fyne.TextStyle{Bold: r.bold}
			l.SetText(r.cells[id.Col])
		},
		ShowHeaderRow: true,
		CreateHeader: func() fyne.CanvasObject {
			b := widget.NewButton("", nil)
			b.Importance = widget.LowImportance
			b.Alignment = widget.ButtonAlignLeading
			return b
		},
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			b := o.(*widget.Button)
			if id.Col < 0 || id.Col >= len(t.cols) {
				return
			}
			b.SetText(t.cols[id.Col].title)
			var icon fyne.Resource
			if id.Col == t.sortCol {
				icon = theme.MenuDropDownIcon()
				if t.desc {
					icon = theme.MenuDropUpIcon()
				}
			}
			b.SetIcon(icon)
			col := id.Col
			b.OnTapped = func() { t.SortBy(col) }
		},
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(t.order) && t.OnRowSelected != nil {
			t.OnRowSelected(t.order[id.Row])
		}
	}
	t.ExtendBaseWidget(t)
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

// SetRows replaces the content, keeping the chosen sort order.
func (t *sortTable) SetRows(rows []sortRow) {
	t.rows = rows
	t.UnselectAll()
	t.resort()
}

// SortBy sorts by a column: ascending on the first tap, then reversed on
// each further tap of the same column.
func (t *sortTable) SortBy(col int) {
	if col == t.sortCol {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = col, false
	}
	t.resort()
}

// SortDesc sorts by a column, largest first (the lost-points view opens
// with the criteria that lost most).
func (t *sortTable) SortDesc(col int) {
	t.sortCol, t.desc = col, true
	t.resort()
}

func (t *sortTable) resort() {
	t.order = make([]int, len(t.rows))
	for i := range t.order {
		t.order[i] = i
	}
	if c := t.sortCol; c >= 0 {
		coll := data.NewCollator()
		key := func(r sortRow) any {
			if c < len(r.keys) && r.keys[c] != nil {
				return r.keys[c]
			}
			return r.cells[c]
		}
		slices.SortStableFunc(t.order, func(a, b int) int {
			ka, kb := key(t.rows[a]), key(t.rows[b])
			var n int
			switch x := ka.(type) {
			case int64:
				y, _ := kb.(int64)
				n = cmp.Compare(x, y)
			case string:
				y, _ := kb.(string)
				n = coll.CompareString(x, y)
			}
			if t.desc {
				n = -n
			}
			return n
		})
	}
	t.Refresh()
}

// Shown returns the rows' texts in the order shown (tests and the summary
// lines read them).
func (t *sortTable) Shown() [][]string {
	out := make([][]string, len(t.order))
	for i, r := range t.order {
		out[i] = t.rows[r].cells
	}
	return out
}

// SelectRow selects the row with the given index in the slice given to
// SetRows.
func (t *sortTable) SelectRow(row int) {
	if i := slices.Index(t.order, row); i >= 0 {
		t.Select(widget.TableCellID{Row: i, Col: 0})
	}
}
