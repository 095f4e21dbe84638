package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// formField finds, in the dialog on top, the field of the form item
// labelled label.
func formField(t *testing.T, w fyne.Window, label string) fyne.CanvasObject {
	t.Helper()
	var found fyne.CanvasObject
	walkShown(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if f, ok := o.(*widget.Form); ok {
			for _, it := range f.Items {
				if it.Text == label && found == nil {
					found = it.Widget
					// A dialog's entry is driven as the entry it is.
					if fe, ok := found.(*formEntry); ok {
						found = &fe.Entry
					}
				}
			}
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no field %q in the dialog", label)
	}
	return found
}

func dialogWidget[T fyne.CanvasObject](t *testing.T, w fyne.Window) T {
	t.Helper()
	var found T
	var ok bool
	walkShown(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if !ok {
			found, ok = o.(T)
		}
		return !ok
	})
	if !ok {
		t.Fatalf("no %T in the dialog", found)
	}
	return found
}

// Two demo districts are merged from the units screen after 2023 was
// locked; another is renamed. The merged unit's history names its
// predecessors; the locked 2023 ranking still lists the old districts with
// their old names.
func TestReorganiseMergeAndRename(t *testing.T) {
	ui, w := newTestUI(t)
	ui.store.SetOfficer("Lê Thu Trang")
	if err := ui.store.Update(func(tx *store.Tx) error { return tx.LockYear(2023) }); err != nil {
		t.Fatal(err)
	}
	ui.Show(SectionUnits)
	v := ui.units
	v.selectCode("HAN")
	tapButton(t, w, "Tổ chức lại…")
	merge := dialogWidget[*widget.CheckGroup](t, w)
	merge.SetSelected([]string{"HAN — Huyện Hòa An", "NBI — Huyện Nguyên Bình"})
	test.Type(formField(t, w, "Mã đơn vị sau hợp nhất").(*widget.Entry), "HNB")
	test.Type(formField(t, w, "Tên đơn vị mới").(*widget.Entry), "Huyện Hòa An Nguyên Bình")
	date := formField(t, w, "Ngày").(*widget.Entry)
	date.SetText("01/07/2025")
	tapButton(t, w, "Thực hiện")
	if texts := textsIn(w.Canvas().Overlays().Top()); !slices.Contains(texts, "Lý do, căn cứ tổ chức lại: chưa nhập") {
		t.Fatalf("no reason asked: %q", texts)
	}
	test.Type(formField(t, w, "Lý do, căn cứ").(*widget.Entry), "Nghị quyết số 1/NQ-HĐND")
	tapButton(t, w, "Thực hiện")
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("dialog still open: %q", textsIn(w.Canvas().Overlays().Top()))
	}
	if !slices.Contains(shownTexts(w), "Huyện Hòa An Nguyên Bình") || v.selected == nil || v.selected.Code != "HNB" {
		t.Errorf("merged unit not listed and selected: %q", shownTexts(w))
	}
	var han, hnb data.Unit
	ui.store.View(func(tx *store.Tx) error {
		han, _ = tx.Unit("HAN")
		hnb, _ = tx.Unit("HNB")
		return nil
	})
	if !han.Inactive || !slices.Equal(hnb.Predecessors, []string{"HAN", "NBI"}) || hnb.GroupID != "HUYEN" || data.FormatDate(hnb.Since) != "01/07/2025" {
		t.Errorf("after the merge: HAN %+v, HNB %+v", han, hnb)
	}
	tapButton(t, w, "Lịch sử thay đổi")
	hist := strings.Join(textsIn(w.Canvas().Overlays().Top()), " | ")
	for _, want := range []string{"Hợp nhất từ các đơn vị, ngày 01/07/2025", "Huyện Hòa An (HAN); Huyện Nguyên Bình (NBI)", "Nghị quyết số 1/NQ-HĐND", "Lê Thu Trang"} {
		if !strings.Contains(hist, want) {
			t.Errorf("history of the merged unit lacks %q: %s", want, hist)
		}
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())

	// Rename Trùng Khánh.
	v.selectCode("TKH")
	tapButton(t, w, "Tổ chức lại…")
	dialogWidget[*widget.RadioGroup](t, w).SetSelected(reorgRenameLabel)
	test.Type(formField(t, w, "Tên đơn vị mới").(*widget.Entry), "Huyện Trùng Khánh Mới")
	test.Type(formField(t, w, "Lý do, căn cứ").(*widget.Entry), "Nghị quyết số 2/NQ-HĐND")
	tapButton(t, w, "Thực hiện")
	if !slices.Contains(shownTexts(w), "Huyện Trùng Khánh Mới") {
		t.Errorf("renamed unit not listed: %q", shownTexts(w))
	}

	// The locked 2023 ranking is as approved.
	ui.Show(SectionRanking)
	ui.ranking.year.SetSelected("2023")
	texts := shownTexts(w)
	for _, want := range []string{"Huyện Hòa An", "Huyện Nguyên Bình", "Huyện Trùng Khánh", "tăng 4 bậc"} {
		if !slices.Contains(texts, want) {
			t.Errorf("locked 2023 ranking lacks %q", want)
		}
	}
	for _, not := range []string{"Huyện Hòa An Nguyên Bình", "Huyện Trùng Khánh Mới"} {
		if slices.Contains(texts, not) {
			t.Errorf("locked 2023 ranking shows %q", not)
		}
	}
}

func TestReorganiseSplit(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionUnits)
	ui.units.selectCode("BLA")
	tapButton(t, w, "Tổ chức lại…")
	dialogWidget[*widget.RadioGroup](t, w).SetSelected(reorgSplitLabel)
	parts := formField(t, w, "Các đơn vị mới").(*widget.Entry)
	parts.SetText("BLB Huyện Bảo Lạc Bắc\nkhông-tên")
	test.Type(formField(t, w, "Lý do, căn cứ").(*widget.Entry), "Nghị quyết số 3/NQ-HĐND")
	tapButton(t, w, "Thực hiện")
	if texts := textsIn(w.Canvas().Overlays().Top()); !slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, "Dòng 2") }) {
		t.Fatalf("bad line not refused: %q", texts)
	}
	parts.SetText("BLB Huyện Bảo Lạc Bắc\nBLN Huyện Bảo Lạc Nam")
	tapButton(t, w, "Thực hiện")
	var bla, bln data.Unit
	ui.store.View(func(tx *store.Tx) error {
		bla, _ = tx.Unit("BLA")
		bln, _ = tx.Unit("BLN")
		return nil
	})
	if !bla.Inactive || !slices.Equal(bla.Successors, []string{"BLB", "BLN"}) || bln.Formed != data.ReorgSplit || bln.Name != "Huyện Bảo Lạc Nam" {
		t.Errorf("after the split: %+v %+v", bla, bln)
	}
}
