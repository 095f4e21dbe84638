package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// showClosable shows a dialog that only informs (evidence files, a check,
// a change history) and closes it on Esc like every other dialog of the
// window: nothing in it holds the focus, so the key reaches the window's
// handler. A dialog opened over it (choosing a file) takes its own Esc.
func showClosable(d dialog.Dialog, win fyne.Window) {
	c := win.Canvas()
	prev := c.OnTypedKey()
	d.Show()
	mine := c.Overlays().Top()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape && c.Overlays().Top() == mine {
			d.Hide()
			return
		}
		if prev != nil {
			prev(k)
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
}
