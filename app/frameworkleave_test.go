package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// Moving to another criterion with unsaved changes asks first: "Ở lại"
// keeps the typing, "Lưu" stores it and moves on; an added criterion is
// the one selected and edited.
func TestFrameworkAsksBeforeLosingChanges(t *testing.T) {
	ui, v := openFramework(t, "2023")
	w := ui.win
	row := func(code string) widget.TableCellID {
		return widget.TableCellID{Row: slices.Index(v.codes, code), Col: 1}
	}
	v.table.Select(row("1.1"))
	if v.selected != "1.1" {
		t.Fatalf("selected %q", v.selected)
	}
	v.title.SetText("Kế hoạch CCHC năm (sửa)")

	v.table.Select(row("1.2"))
	if w.Canvas().Overlays().Top() == nil || v.selected != "1.1" {
		t.Fatalf("moved to %q without asking", v.selected)
	}
	tapButton(t, w, "Ở lại")
	if v.selected != "1.1" || v.title.Text != "Kế hoạch CCHC năm (sửa)" {
		t.Fatalf("after «Ở lại»: %q, %q", v.selected, v.title.Text)
	}

	v.table.Select(row("1.2"))
	tapButton(t, w, "Lưu")
	if got := storedFramework(t, ui, 2023).Find("1.1").Title; got != "Kế hoạch CCHC năm (sửa)" {
		t.Errorf("saved title %q", got)
	}
	if v.selected != "1.2" {
		t.Errorf("after «Lưu» the form shows %q", v.selected)
	}

	v.title.SetText("Bỏ đi")
	v.leave(func() { v.addNode(false) })
	tapButton(t, w, "Bỏ thay đổi")
	if got := storedFramework(t, ui, 2023).Find("1.2").Title; got == "Bỏ đi" {
		t.Error("a discarded change was stored")
	}
	if c := storedFramework(t, ui, 2023).Find(v.selected); c == nil || c.Title != "Tiêu chí mới" || v.title.Text != "Tiêu chí mới" {
		t.Errorf("after adding, the form shows %q (%q)", v.selected, v.title.Text)
	}
}
