package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
)

// The framework form is never left with its changes silently lost: moving
// to another criterion, or adding one, first asks to save or discard what
// was typed.

// dirty reports whether the form differs from the selected criterion as
// stored.
func (v *frameworkView) dirty() bool {
	if v.fw == nil || v.locked {
		return false
	}
	c := v.fw.Find(v.selected)
	if c == nil {
		return false
	}
	if data.Clean(v.code.Text) != c.Code || data.Clean(v.title.Text) != data.Clean(c.Title) || data.Clean(v.hint.Text) != data.Clean(c.Hint) {
		return true
	}
	if c.IsLeaf() {
		if p, err := data.ParsePoints(v.max.Text); err != nil || p != c.Max {
			return true
		}
	}
	return v.isArea(c.Code) && v.kind.Selected != c.Kind.Label() || v.kinds.changed(c)
}

// leave runs next at once when the form holds no unsaved change; else it
// asks whether to save first (next runs once saved), discard the change
// (next runs), or stay on the criterion.
func (v *frameworkView) leave(next func()) {
	if !v.dirty() {
		next()
		return
	}
	code := v.selected
	v.leaveDialog = v.ui.askLeave(unsaved{
		msg:     fmt.Sprintf("Tiêu chí %s có thay đổi chưa lưu. Lưu lại trước khi chuyển sang việc khác?", code),
		save:    v.saveNodeOK,
		discard: func() { v.pick(code) },
		stay:    func() { v.selectRow(code) },
	}, next)
}

// selectRow selects a criterion's row in the list without going through
// the leave check (the form already shows that criterion).
func (v *frameworkView) selectRow(code string) {
	i := slices.Index(v.codes, code)
	if i < 0 {
		return
	}
	v.selecting = true
	defer func() { v.selecting = false }()
	id := widget.TableCellID{Row: i, Col: 1}
	v.table.Select(id)
	v.table.ScrollTo(id)
}
