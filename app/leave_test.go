package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

func storedUnit(t *testing.T, ui *UI, code string) data.Unit {
	t.Helper()
	var u data.Unit
	if err := ui.store.View(func(tx *store.Tx) (err error) { u, err = tx.Unit(code); return err }); err != nil {
		t.Fatal(err)
	}
	return u
}

// The unit form asks before another row, «Thêm đơn vị» or another section
// loses what was typed: «Ở lại» keeps it, «Bỏ thay đổi» discards it,
// «Lưu» stores it.
func TestUnitFormAsksBeforeLosingChanges(t *testing.T) {
	ui, w := newTestUI(t)
	ui.store.SetOfficer("Lê Thu Trang")
	ui.Show(SectionUnits)
	v := ui.units
	v.table.Select(widget.TableCellID{Row: 0, Col: 2})
	first := *v.selected
	v.name.SetText("")
	test.Type(v.name, "Tên đã sửa")

	// Another row: asked; «Ở lại» keeps the typing and the unit.
	v.table.Select(widget.TableCellID{Row: 1, Col: 2})
	if w.Canvas().Overlays().Top() == nil || v.selected.Code != first.Code {
		t.Fatalf("moved to %v without asking", v.selected)
	}
	tapButton(t, w, "Ở lại")
	if v.selected.Code != first.Code || v.name.Text != "Tên đã sửa" {
		t.Fatalf("after «Ở lại»: %s %q", v.selected.Code, v.name.Text)
	}

	// «Thêm đơn vị»: asked; «Bỏ thay đổi» empties the form, nothing stored.
	tapButton(t, w, "Thêm đơn vị")
	tapButton(t, w, "Bỏ thay đổi")
	if v.selected != nil || v.name.Text != "" {
		t.Fatalf("after «Bỏ thay đổi»: %v %q", v.selected, v.name.Text)
	}
	if got := storedUnit(t, ui, first.Code).Name; got != first.Name {
		t.Fatalf("discarded name stored: %q", got)
	}

	// Another section with a typed change: asked; «Ở lại» stays.
	v.table.Select(widget.TableCellID{Row: 0, Col: 2})
	v.name.SetText("Tên đã sửa")
	ui.Show(SectionRanking)
	if ui.sections[ui.current].title != SectionUnits {
		t.Fatalf("left the units without asking")
	}
	tapButton(t, w, "Ở lại")
	if ui.sections[ui.current].title != SectionUnits || v.name.Text != "Tên đã sửa" {
		t.Fatalf("after «Ở lại»: section %s, %q", ui.sections[ui.current].title, v.name.Text)
	}
	// «Lưu»: stored, and the window moves on.
	ui.Show(SectionRanking)
	tapButton(t, w, "Lưu")
	if got := storedUnit(t, ui, first.Code).Name; got != "Tên đã sửa" {
		t.Errorf("saved name %q", got)
	}
	if ui.sections[ui.current].title != SectionRanking {
		t.Errorf("after «Lưu» still on %s", ui.sections[ui.current].title)
	}
	// Nothing typed: no question.
	ui.Show(SectionUnits)
	ui.Show(SectionRanking)
	if ui.sections[ui.current].title != SectionRanking {
		t.Errorf("asked with nothing typed")
	}
}

// The office's details ask before another section loses them.
func TestOfficeFormAsksBeforeLeaving(t *testing.T) {
	ui, w := newTestUI(t)
	ui.store.SetOfficer("Lê Thu Trang")
	ui.Show(SectionReports)
	f := ui.reports.office
	old := f.stored.Signer
	f.signer.SetText("")
	test.Type(f.signer, "Nguyễn Văn Ký")

	ui.Show(SectionUnits)
	tapButton(t, w, "Ở lại")
	if ui.sections[ui.current].title != SectionReports || f.signer.Text != "Nguyễn Văn Ký" {
		t.Fatalf("after «Ở lại»: %s %q", ui.sections[ui.current].title, f.signer.Text)
	}
	ui.Show(SectionUnits)
	tapButton(t, w, "Bỏ thay đổi")
	if ui.sections[ui.current].title != SectionUnits || f.signer.Text != old {
		t.Fatalf("after «Bỏ thay đổi»: %s %q", ui.sections[ui.current].title, f.signer.Text)
	}

	ui.Show(SectionReports)
	f.signer.SetText(old + "X")
	ui.Show(SectionUnits)
	tapButton(t, w, "Lưu")
	var o data.Office
	ui.store.View(func(tx *store.Tx) (err error) { o, err = tx.Office(); return err })
	if o.Signer != old+"X" || ui.sections[ui.current].title != SectionUnits {
		t.Errorf("after «Lưu»: signer %q, section %s", o.Signer, ui.sections[ui.current].title)
	}
}

// openDemoVisit opens the form of a demo visit of 2024.
func openDemoVisit(t *testing.T, ui *UI, id string) *visitForm {
	t.Helper()
	ui.Show(SectionInspections)
	v := ui.inspections
	v.openVisit(id)
	if v.form == nil || v.form.visit.ID != id {
		t.Fatalf("visit %s did not open", id)
	}
	return v.form
}

// The visit form asks before «Về kế hoạch» or another section loses the
// results typed.
func TestVisitFormAsksBeforeLeaving(t *testing.T) {
	ui, w := newTestUI(t)
	ui.store.SetOfficer("Lê Thu Trang")
	f := openDemoVisit(t, ui, "2024-05")
	test.Type(f.notes["1.1"], "Chưa niêm yết")

	test.Tap(f.back)
	tapButton(t, w, "Ở lại")
	if ui.inspections.form != f || f.notes["1.1"].Text != "Chưa niêm yết" {
		t.Fatalf("after «Ở lại» the form is gone or lost the note")
	}
	ui.Show(SectionUnits)
	if ui.sections[ui.current].title != SectionInspections {
		t.Fatal("left the visit without asking")
	}
	tapButton(t, w, "Bỏ thay đổi")
	if ui.sections[ui.current].title != SectionUnits {
		t.Fatal("«Bỏ thay đổi» did not move on")
	}
	ui.Show(SectionInspections)
	f = ui.inspections.form
	if f == nil || f.notes["1.1"].Text != "" {
		t.Fatalf("discarded note still shown")
	}

	test.Type(f.notes["1.1"], "Chưa niêm yết")
	test.Tap(f.back)
	tapButton(t, w, "Lưu")
	if ui.inspections.form != nil {
		t.Error("«Lưu» did not go back to the plan")
	}
	if got := storedVisit(t, ui, "2024-05").Answers["1.1"].Note; got != "Chưa niêm yết" {
		t.Errorf("saved note %q", got)
	}
}
