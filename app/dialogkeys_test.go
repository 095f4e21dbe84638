package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

func key(w fyne.Window, name fyne.KeyName) {
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: name})
	}
}

// The task form saves on Enter in a one-line field; Esc with nothing typed
// closes it, Esc with typing asks first.
func TestTaskFormEnterSavesEscAsks(t *testing.T) {
	onDay(t, 2024, 6, 30)
	ui, w := newTestUI(t)
	ui.Show(SectionTasks)
	tv := ui.tasks
	before := len(storedTasks(t, ui, data.TaskFilter{}))

	test.Tap(tv.add)
	if w.Canvas().Focused() != fyne.Focusable(tv.form.title) {
		t.Fatal("the title does not take the typing")
	}
	key(w, fyne.KeyEscape)
	if tv.form != nil {
		t.Fatal("Esc on an untouched form did not close it")
	}

	test.Tap(tv.add)
	f := tv.form
	test.Type(f.title, "Rà soát thủ tục")
	f.due.SetText("30/09/2024")
	key(w, fyne.KeyEscape)
	if tv.form != f || ui.leaveDialog == nil {
		t.Fatal("Esc with typing closed the form without asking")
	}
	tapButton(t, w, "Ở lại")
	if tv.form != f || f.title.Text != "Rà soát thủ tục" {
		t.Fatal("«Ở lại» lost the form")
	}
	w.Canvas().Focus(f.due)
	key(w, fyne.KeyReturn)
	if tv.form != nil {
		t.Fatalf("Enter did not save: %q", f.msg.Text)
	}
	if got := len(storedTasks(t, ui, data.TaskFilter{})); got != before+1 {
		t.Errorf("tasks %d → %d", before, got)
	}

	// «Bỏ thay đổi» closes without storing.
	test.Tap(tv.add)
	f = tv.form
	test.Type(f.title, "Bỏ đi")
	test.Tap(f.cancel)
	tapButton(t, w, "Bỏ thay đổi")
	if tv.form != nil {
		t.Fatal("«Bỏ thay đổi» did not close the form")
	}
	if got := len(storedTasks(t, ui, data.TaskFilter{})); got != before+1 {
		t.Errorf("discarded task stored: %d", got)
	}
}

// The plan document's dialog and a template's section dialog take the
// typing in their first field, save on Enter and close on Esc.
func TestInspectionDialogsEnterSavesEscCancels(t *testing.T) {
	ui, w := newTestUI(t)
	ui.store.SetOfficer("Lê Thu Trang")
	ui.Show(SectionInspections)
	v := ui.inspections
	year := selectedYear(v.year)

	v.editPlan()
	e, ok := w.Canvas().Focused().(*formEntry)
	if !ok {
		t.Fatalf("the plan's number does not take the typing: %T", w.Canvas().Focused())
	}
	e.SetText("")
	test.Type(e, "27")
	key(w, fyne.KeyReturn)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("Enter did not save the plan: %q", textsIn(w.Canvas().Overlays().Top()))
	}
	var p data.InspectionPlan
	ui.store.View(func(tx *store.Tx) (err error) { p, _, err = tx.InspectionPlan(year); return err })
	if p.Number != "27" {
		t.Errorf("plan number %q", p.Number)
	}

	v.tabs.SelectIndex(1)
	v.tplItems.Select(widget.TableCellID{Row: 1, Col: 1})
	test.Tap(v.tplAddSection)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no section dialog")
	}
	key(w, fyne.KeyEscape)
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the section dialog")
	}
}

// A confirm dialog answers to the keys: Esc declines, Enter confirms.
func TestConfirmAnswersEnterAndEsc(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	var got []bool
	showConfirm("Xóa", "Xóa?", func(ok bool) { got = append(got, ok) }, w)
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	showConfirm("Xóa", "Xóa?", func(ok bool) { got = append(got, ok) }, w)
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(got) != 2 || got[0] || !got[1] {
		t.Errorf("answers %v, want [false true]", got)
	}
	if w.Canvas().Overlays().Top() != nil || w.Canvas().OnTypedKey() != nil {
		t.Error("the dialog or its key handler outlived the answer")
	}
}
