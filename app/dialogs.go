package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// formEntry is a one-line entry of a dialog: Esc cancels the dialog, as
// officers expect from every desktop program (Fyne's entry ignores Esc).
type formEntry struct {
	widget.Entry
	onEscape func()
}

func newFormEntry() *formEntry {
	e := &formEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// newFormTextArea is a multi-line form entry: Enter starts a new line,
// Esc cancels the dialog.
func newFormTextArea() *formEntry {
	e := newFormEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// TypedKey cancels the dialog on Esc and types everything else.
func (e *formEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// dialogWidth is the least width of a form dialog: its fields show a
// unit's name or a reason without scrolling sideways.
const dialogWidth = 480

// showForm shows a form dialog sized to its content: Enter in a one-line
// field submits it (when its fields are valid), Esc in a form entry
// cancels it, and the first field takes the typing.
func showForm(d *dialog.FormDialog, items []*widget.FormItem, win fyne.Window) {
	var first fyne.Focusable
	for _, it := range items {
		switch e := it.Widget.(type) {
		case *formEntry:
			e.onEscape = d.Hide
			if !e.MultiLine && e.OnSubmitted == nil {
				e.OnSubmitted = func(string) { d.Submit() }
			}
			if first == nil {
				first = e
			}
		case *widget.Entry:
			if !e.MultiLine && e.OnSubmitted == nil {
				e.OnSubmitted = func(string) { d.Submit() }
			}
			if first == nil {
				first = e
			}
		}
	}
	sizeDialog(d, dialogWidth)
	d.Show()
	if first != nil {
		win.Canvas().Focus(first)
	}
}

// sizeDialog gives a dialog at least a width and the height its content
// needs at that width: Fyne opens a form at its bare minimum, where a
// reason or a group's name cannot be read.
func sizeDialog(d dialog.Dialog, width float32) {
	d.Resize(fyne.NewSize(width, d.MinSize().Height))
	d.Resize(fyne.NewSize(width, d.MinSize().Height))
}

// dialogEntry is a one-line entry of a dialog with its own buttons: Enter
// submits, Esc cancels.
func dialogEntry(submit, cancel func()) *formEntry {
	e := newFormEntry()
	e.onEscape = cancel
	e.OnSubmitted = func(string) { submit() }
	return e
}

// showConfirm asks a yes/no question as dialog.ShowConfirm does, and
// answers to the keyboard as well: Enter confirms, Esc declines.
func showConfirm(title, message string, callback func(bool), win fyne.Window) {
	answerKeys(dialog.NewConfirm(title, message, callback, win), win)
}

// showCustomConfirm is dialog.ShowCustomConfirm with Enter and Esc.
func showCustomConfirm(title, confirm, dismiss string, content fyne.CanvasObject, callback func(bool), win fyne.Window) {
	answerKeys(dialog.NewCustomConfirm(title, confirm, dismiss, content, callback, win), win)
}

// answerKeys shows a confirm dialog whose question the window's keys
// answer while it is open: Fyne's confirm dialog has nothing focused, so
// the keys reach the window's handler.
func answerKeys(d *dialog.ConfirmDialog, win fyne.Window) {
	c := win.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			d.Confirm()
		case fyne.KeyEscape:
			d.Hide()
		default:
			if prev != nil {
				prev(k)
			}
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
	d.Show()
}
