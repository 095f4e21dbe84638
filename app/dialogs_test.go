package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The first-start name prompt saves on Enter; Esc closes a dialog without
// doing anything.
func TestDialogEnterSubmitsEscCancels(t *testing.T) {
	ui, w := newTestUI(t)
	ui.askOfficer()
	name, ok := w.Canvas().Focused().(*formEntry)
	if !ok {
		t.Fatalf("the name field does not take the typing: %T", w.Canvas().Focused())
	}
	test.Type(name, "Hoàng Thị Mai")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := ui.store.Officer(); got != "Hoàng Thị Mai" {
		t.Fatalf("Enter kept %q", got)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog stayed open after Enter")
	}

	ui.askOfficer()
	name = w.Canvas().Focused().(*formEntry)
	test.Type(name, " Lê")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc left the dialog open")
	}
	if got := ui.store.Officer(); got != "Hoàng Thị Mai" {
		t.Fatalf("Esc changed the name to %q", got)
	}
}
