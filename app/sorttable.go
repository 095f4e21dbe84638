package app

import (
	"cmp"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
)

// sortRow is one row of a sortTable: the texts shown and, per column, the
// key it sorts by (int64 for numbers, points and dates; string for names,
// compared in Vietnamese collation; noKey for a cell without a value). A
// nil key sorts by the text.
type sortRow struct {
	cells []string
	keys  []any
	bold  bool
	// danger marks the cells drawn in red and bold (a rate below its
	// target).
	danger []bool
}

// noKey is the sort key of a cell without a value: it sorts after every
// value in both directions (a rate without a value is not a low rate).
type noKey struct{}

func (r sortRow) isDanger(col int) bool { return col < len(r.danger) && r.danger[col] }

// sortTable is a read-only table whose header cells are buttons: a tap
// sorts by that column, a second tap reverses the order. Footer rows (the
// totals) stay at the bottom, unsorted. Selecting a cell selects its row,
// reported by the row's index in the slice given to SetRows, whatever the
// order shown.
type sortTable struct {
	widget.Table
	cols    []column
	rows    []sortRow
	foot    []sortRow
	order   []int // shown position → index in rows
	sortCol int   // -1: the order given
	desc    bool
	// fixed keeps the order given: header taps do not sort.
	fixed bool
	// headerAlign places the header buttons' titles.
	headerAlign widget.ButtonAlign
	// OnRowSelected is called with the index of the selected row in the
	// slice given to SetRows.
	OnRowSelected func(row int)

	tips cellTips
	fit  widthFit
}

func newSortTable(cols []column) *sortTable {
	t := &sortTable{cols: cols, sortCol: -1, headerAlign: widget.ButtonAlignLeading}
	t.Table = widget.Table{
		Length:     func() (int, int) { return len(t.order) + len(t.foot), len(t.cols) },
		CreateCell: t.tips.create,
		UpdateCell: func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			r, ok := t.shownRow(id.Row)
			if !ok || id.Col >= len(t.cols) || id.Col >= len(r.cells) {
				l.SetText("")
				return
			}
			danger := r.isDanger(id.Col)
			l.Alignment = t.cols[id.Col].align
			l.TextStyle = fyne.TextStyle{Bold: r.bold || danger}
			l.Importance = widget.MediumImportance
			if danger {
				l.Importance = widget.DangerImportance
			}
			l.SetText(r.cells[id.Col])
		},
		ShowHeaderRow: true,
		CreateHeader: func() fyne.CanvasObject {
			b := widget.NewButton("", nil)
			b.Importance = widget.LowImportance
			b.Alignment = t.headerAlign
			return b
		},
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			b := o.(*widget.Button)
			if id.Col < 0 || id.Col >= len(t.cols) {
				return
			}
			b.SetText(t.cols[id.Col].title)
			var icon fyne.Resource
			if !t.fixed && id.Col == t.sortCol {
				icon = theme.MenuDropDownIcon()
				if t.desc {
					icon = theme.MenuDropUpIcon()
				}
			}
			b.SetIcon(icon)
			col := id.Col
			b.OnTapped = func() {
				if !t.fixed {
					t.SortBy(col)
				}
			}
		},
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(t.order) && t.OnRowSelected != nil {
			t.OnRowSelected(t.order[id.Row])
		}
	}
	t.ExtendBaseWidget(t)
	setColumnWidths(&t.Table, cols)
	return t
}

// Resize gives the spare width to the text columns.
func (t *sortTable) Resize(s fyne.Size) {
	t.fit.apply(&t.Table, t.cols, s.Width)
	t.Table.Resize(s)
}

// MouseIn, MouseMoved and MouseOut show the whole text of a cut cell.
func (t *sortTable) MouseIn(ev *desktop.MouseEvent) { t.Table.MouseIn(ev); t.tips.moved(t, ev) }

func (t *sortTable) MouseMoved(ev *desktop.MouseEvent) {
	t.Table.MouseMoved(ev)
	t.tips.moved(t, ev)
}

func (t *sortTable) MouseOut() { t.Table.MouseOut(); t.tips.out(t) }

// shownRow is the row shown at a position: the sorted rows, then the
// footer rows.
func (t *sortTable) shownRow(i int) (sortRow, bool) {
	if i < 0 {
		return sortRow{}, false
	}
	if i < len(t.order) {
		return t.rows[t.order[i]], true
	}
	if i -= len(t.order); i < len(t.foot) {
		return t.foot[i], true
	}
	return sortRow{}, false
}

// SetRows replaces the content, keeping the chosen sort order; the footer
// rows are shown after the others, in the order given.
func (t *sortTable) SetRows(rows []sortRow, foot ...sortRow) {
	t.rows, t.foot = rows, foot
	t.UnselectAll()
	t.resort()
	cells := make([][]string, 0, len(rows)+len(foot))
	for _, r := range append(slices.Clip(rows), foot...) {
		cells = append(cells, r.cells)
	}
	t.fit.measure(t.cols, cells)
	t.fit.apply(&t.Table, t.cols, t.Size().Width)
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
			_, na := ka.(noKey)
			_, nb := kb.(noKey)
			if na || nb { // no value last, in both directions
				if na == nb {
					return 0
				}
				if na {
					return 1
				}
				return -1
			}
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

// Shown returns the rows' texts in the order shown, footer rows last
// (tests and the summary lines read them).
func (t *sortTable) Shown() [][]string {
	out := make([][]string, 0, len(t.order)+len(t.foot))
	for i := range len(t.order) + len(t.foot) {
		r, _ := t.shownRow(i)
		out = append(out, r.cells)
	}
	return out
}

// Danger reports whether the cell shown at row, col is marked below its
// target.
func (t *sortTable) Danger(row, col int) bool {
	r, _ := t.shownRow(row)
	return r.isDanger(col)
}

// SelectRow selects the row with the given index in the slice given to
// SetRows.
func (t *sortTable) SelectRow(row int) {
	if i := slices.Index(t.order, row); i >= 0 {
		t.Select(widget.TableCellID{Row: i, Col: 0})
	}
}
