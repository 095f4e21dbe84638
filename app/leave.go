package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A form is never left with its changes silently lost: moving to another
// row, adding one, closing the form or switching section first asks
// whether to keep typing, discard what was typed, or save it. Every form
// asks through askLeave, so the question reads and behaves the same.

// unsaved is what the question needs of a form.
type unsaved struct {
	// msg says what has unsaved changes and asks to save them.
	msg string
	// save stores the form and reports whether the store took it; on a
	// refusal the form stays, showing why.
	save func() bool
	// discard puts the stored values back in the form; nil when the next
	// step refills the form anyway.
	discard func()
	// stay is run on «Ở lại», e.g. to put a list's selection back; may be nil.
	stay func()
}

// askLeave asks about a form's unsaved changes. next runs after «Lưu»
// (when the save is taken) or «Bỏ thay đổi»; «Ở lại» keeps the form as
// typed. It returns the question, for tests.
func (ui *UI) askLeave(u unsaved, next func()) *dialog.CustomDialog {
	msg := widget.NewLabel(u.msg)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons("Thay đổi chưa lưu", msg, ui.win)
	stay := widget.NewButtonWithIcon("Ở lại", theme.CancelIcon(), func() {
		d.Hide()
		if u.stay != nil {
			u.stay()
		}
	})
	discard := widget.NewButtonWithIcon("Bỏ thay đổi", theme.ContentUndoIcon(), func() {
		d.Hide()
		if u.discard != nil {
			u.discard()
		}
		next()
	})
	save := widget.NewButtonWithIcon("Lưu", theme.DocumentSaveIcon(), func() {
		d.Hide()
		if u.save() {
			next()
		}
	})
	save.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{stay, discard, save})
	ui.leaveDialog = d
	sizeDialog(d, dialogWidth)
	d.Show()
	return d
}

// onLeave registers the question the section being built asks before the
// window switches to another section: leave calls done(true) when the
// section may be left (nothing unsaved, saved or discarded), done(false)
// when the officer stays.
func (ui *UI) onLeave(leave func(done func(ok bool))) {
	if ui.building >= 0 {
		ui.sections[ui.building].leave = leave
	}
}

// leaveGuard adapts a form's leave(next) to the section's question.
func leaveGuard(leave func(next func()), dirty func() bool) func(done func(ok bool)) {
	return func(done func(ok bool)) {
		if !dirty() {
			done(true)
			return
		}
		leave(func() { done(true) })
		// «Ở lại» closes the question without calling next: the window
		// puts its navigation back now, and stays until next runs.
		done(false)
	}
}
