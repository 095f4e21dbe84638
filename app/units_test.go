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

func TestUnitsAddEditDeactivate(t *testing.T) {
	ui, w := newTestUI(t)
	ui.store.SetOfficer("Lê Thu Trang")
	ui.Show(SectionUnits)
	v := ui.units

	// A new unit typed into the form.
	test.Type(v.code, "TXA")
	test.Type(v.name, "Thị xã Quảng Uyên")
	v.kind.SetSelected(data.KindDistrict.Label())
	test.Tap(v.saveBtn)
	if !strings.Contains(v.status.Text, "Đã lưu") {
		t.Fatalf("save: %q", v.status.Text)
	}
	if !slices.Contains(shownTexts(w), "Thị xã Quảng Uyên") || !slices.Contains(shownTexts(w), "11 / 11 đơn vị") {
		t.Errorf("new unit not listed: %q", shownTexts(w))
	}

	// A clash of codes names the unit that has the code.
	v.edit(nil)
	test.Type(v.code, "NBI")
	test.Type(v.name, "Trùng mã")
	test.Tap(v.saveBtn)
	if !strings.Contains(v.status.Text, "Mã đơn vị NBI đã dùng cho Huyện Nguyên Bình") {
		t.Errorf("clash message %q", v.status.Text)
	}

	// A unit with scores cannot be deleted, only deactivated.
	v.selectCode("NBI")
	test.Tap(v.delBtn)
	tapButton(t, w, "Có")
	if !strings.Contains(v.status.Text, "Ngừng đánh giá") {
		t.Errorf("delete of a scored unit: %q", v.status.Text)
	}
	v.selectCode("NBI")
	v.inactive.SetChecked(true)
	test.Tap(v.saveBtn)
	var u data.Unit
	var hist []data.AuditEntry
	ui.store.View(func(tx *store.Tx) (err error) {
		u, _ = tx.Unit("NBI")
		hist, err = tx.Audit(data.AuditFilter{Unit: "NBI"})
		return err
	})
	if !u.Inactive {
		t.Error("NBI not deactivated")
	}
	if len(hist) == 0 || hist[0].Item != "Trạng thái" || hist[0].New != "Ngừng đánh giá" || hist[0].Officer != "Lê Thu Trang" {
		t.Errorf("history %+v", hist)
	}
	// Its 2022 ranking keeps it: history stays.
	ui.Show(SectionRanking)
	ui.ranking.year.SetSelected("2022")
	if !slices.Contains(shownTexts(w), "Huyện Nguyên Bình") {
		t.Error("deactivated unit vanished from its past ranking")
	}

	// The unit just added has no scores and can be deleted.
	ui.Show(SectionUnits)
	v.selectCode("TXA")
	test.Tap(v.delBtn)
	tapButton(t, w, "Có")
	if slices.Contains(shownTexts(w), "Thị xã Quảng Uyên") {
		t.Error("TXA still listed after delete")
	}
}

func TestUnitsReorder(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionUnits)
	v := ui.units
	v.selectCode("BLA") // 2nd
	v.move(-1)
	texts := shownTexts(w)
	if i, j := slices.Index(texts, "Huyện Bảo Lạc"), slices.Index(texts, "Thành phố Cao Bằng"); i < 0 || i > j {
		t.Errorf("Bảo Lạc not moved above Cao Bằng: %q", texts)
	}
}

func TestUnitHistoryDialogListsChanges(t *testing.T) {
	ui, w := newTestUI(t)
	ui.store.SetOfficer("Lê Thu Trang")
	if err := ui.store.Update(func(tx *store.Tx) error {
		p := data.P(2, 0)
		return tx.SetScore(2023, "HAN", "1.1", data.Score{Appraised: &p})
	}); err != nil {
		t.Fatal(err)
	}
	ui.Show(SectionUnits)
	ui.units.selectCode("HAN")
	tapButton(t, w, "Lịch sử thay đổi")
	texts := textsIn(w.Canvas().Overlays().Top())
	// The demo's 1.1 had both scores and a note: the new score keeps only
	// the appraised one, so one entry names the three fields that changed.
	if !slices.Contains(texts, "1.1 · Tự đánh giá, Thẩm định, Ghi chú") || !slices.Contains(texts, "Lê Thu Trang") || !slices.Contains(texts, "– · 2 · –") {
		t.Errorf("history dialog: %q", texts)
	}
	csv := string(auditCSV(auditRows([]data.AuditEntry{{Officer: "Lê Thu Trang", Item: "1.1 · Thẩm định", Old: "2,5", New: "2", Year: 2023}})))
	if !strings.HasPrefix(csv, "\ufeffThời điểm,Cán bộ") || !strings.Contains(csv, "Lê Thu Trang,2023,1.1 · Thẩm định,\"2,5\",2,") {
		t.Errorf("csv %q", csv)
	}
}

// The officer's name is asked once, kept in the settings and written into
// the audit trail.
func TestOfficerNameAskedOnceAndKept(t *testing.T) {
	ui, w := newTestUI(t)
	ui.ensureOfficer()
	d := w.Canvas().Overlays().Top()
	if d == nil {
		t.Fatal("no question for the officer's name")
	}
	var name *widget.Entry
	walkShown(d, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok && name == nil {
			name = e
		}
		return name == nil
	})
	test.Type(name, "Hoàng Thị Mai")
	tapButton(t, w, "Lưu")
	if got := fyne.CurrentApp().Preferences().String(prefOfficer); got != "Hoàng Thị Mai" {
		t.Errorf("kept name %q", got)
	}
	if ui.store.Officer() != "Hoàng Thị Mai" || ui.officer.Text != "Hoàng Thị Mai" {
		t.Errorf("store officer %q, label %q", ui.store.Officer(), ui.officer.Text)
	}
	// Next start: no question.
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	ui2 := New(ui.store, w)
	ui2.ensureOfficer()
	if w.Canvas().Overlays().Top() != nil {
		t.Error("asked again although the name is kept")
	}
}
