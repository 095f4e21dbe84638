package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Score grid columns that take typing.
const (
	colSelf = iota
	colAppraised
	colNote
	numEditCols
)

// gridEntry is one editable cell of the score grid. It adds the grid's
// keyboard to a plain entry: Enter saves and moves down, Esc puts back the
// stored value, leaving the cell (Tab, a click) saves, and pasting several
// lines fills the rows below.
type gridEntry struct {
	widget.Entry
	grid   *scoresView
	row    int
	col    int
	stored string // the text of the stored value, for Esc and change checks
}

func newGridEntry(g *scoresView, row, col int) *gridEntry {
	e := &gridEntry{grid: g, row: row, col: col}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) {
		if g.commit(e) {
			g.focusCell(e.row+1, e.col)
		}
	}
	e.OnChanged = func(string) { g.preview() }
	return e
}

// set shows a stored value.
func (e *gridEntry) set(text string) {
	e.stored = text
	e.SetText(text)
}

// TypedKey adds Esc (cancel the edit) and Up/Down (move between rows) to
// the entry's keys.
func (e *gridEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		e.SetText(e.stored)
		e.grid.say("")
	case fyne.KeyDown:
		if e.grid.commit(e) {
			e.grid.focusCell(e.row+1, e.col)
		}
	case fyne.KeyUp:
		if e.grid.commit(e) {
			e.grid.focusCell(e.row-1, e.col)
		}
	default:
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut turns a paste of several lines (a column copied from Excel)
// into a fill of consecutive rows.
func (e *gridEntry) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok && p.Clipboard != nil {
		if e.grid.pasteColumn(e, p.Clipboard.Content()) {
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// FocusLost saves what was typed when the officer leaves the cell (Tab, a
// click elsewhere). A refused value is put back to the stored one, with
// the reason left on the status line.
func (e *gridEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.Text != e.stored && !e.grid.commit(e) {
		e.SetText(e.stored)
	}
}
