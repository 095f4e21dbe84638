package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

func openFramework(t *testing.T, year string) (*UI, *frameworkView) {
	t.Helper()
	ui, _ := newTestUI(t)
	ui.store.SetOfficer("Phạm Minh Đức")
	ui.Show(SectionFramework)
	v := ui.framework
	v.year.SetSelected(year)
	return ui, v
}

func storedFramework(t *testing.T, ui *UI, year int) *data.Framework {
	t.Helper()
	var f *data.Framework
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		f, err = tx.Framework(year)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestFrameworkRaiseMaxShowsLiveTotal(t *testing.T) {
	ui, v := openFramework(t, "2023")
	v.pick("1.1")
	v.max.SetText("")
	test.Type(v.max, "4")
	if !strings.Contains(v.summary.Text, "Tổng điểm tối đa: 101,00.") {
		t.Errorf("live total %q, want 101", v.summary.Text)
	}
	v.saveNode()
	f := storedFramework(t, ui, 2023)
	if f.Find("1.1").Max != data.P(4, 0) || f.Max() != data.P(101, 0) || f.Find("1").Max != data.P(17, 0) {
		t.Errorf("stored 1.1 max %s, framework %s", f.Find("1.1").Max, f.Max())
	}
}

// Lowering a max below an entered score is refused, naming the unit.
func TestFrameworkRefusesChangeThatBreaksScores(t *testing.T) {
	ui, v := openFramework(t, "2023")
	v.pick("1.1")
	v.max.SetText("0,5")
	v.saveNode()
	if !strings.Contains(v.status.Text, "không còn hợp lệ") || !strings.Contains(v.status.Text, "1.1") {
		t.Errorf("message %q", v.status.Text)
	}
	if got := storedFramework(t, ui, 2023).Find("1.1").Max; got != data.P(3, 0) {
		t.Errorf("max changed to %s", got)
	}
}

func TestFrameworkAddAndDeleteCriterion(t *testing.T) {
	ui, v := openFramework(t, "2023")
	v.pick("6")
	v.addNode(true)
	if v.selected != "6.4" {
		t.Fatalf("new criterion %q, want 6.4", v.selected)
	}
	v.title.SetText("Thực hành tiết kiệm, chống lãng phí")
	v.max.SetText("1,5")
	v.saveNode()
	f := storedFramework(t, ui, 2023)
	if c := f.Find("6.4"); c == nil || c.Title != "Thực hành tiết kiệm, chống lãng phí" || c.Max != data.P(1, 50) {
		t.Fatalf("6.4 stored as %+v", c)
	}

	// Deleting a scored criterion asks for a reason and takes its scores.
	v.pick("7.5")
	v.confirmDelete()
	w := ui.win
	form := w.Canvas().Overlays().Top()
	var reason *widget.Entry
	walkShown(form, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok && reason == nil {
			reason = e
		}
		return reason == nil
	})
	test.Type(reason, "Bộ chỉ số mới bỏ tiêu chí ISO")
	tapButton(t, w, "Xóa")
	f = storedFramework(t, ui, 2023)
	if f.Find("7.5") != nil {
		t.Fatal("7.5 still in the framework")
	}
	var audit []data.AuditEntry
	ui.store.View(func(tx *store.Tx) (err error) {
		if s, _ := tx.Sheet(2023, "NBI"); s.Scores["7.5"].Appraised != nil {
			t.Error("NBI keeps a score on the deleted criterion")
		}
		audit, err = tx.Audit(data.AuditFilter{Kind: data.AuditFramework, Year: 2023})
		return err
	})
	if len(audit) == 0 || audit[0].Item != "Xóa tiêu chí 7.5" || audit[0].Reason != "Bộ chỉ số mới bỏ tiêu chí ISO" || audit[0].Officer != "Phạm Minh Đức" {
		t.Errorf("audit %+v", audit)
	}
}

func TestFrameworkCopyToNextYearAndLock(t *testing.T) {
	ui, v := openFramework(t, "2023")
	v.copyToNextYear()
	f := storedFramework(t, ui, 2024)
	if f.Max() != data.P(100, 0) || len(f.Areas) != 7 || f.Find("3.3").Title != "Giải quyết hồ sơ thủ tục hành chính đúng hạn" {
		t.Errorf("2024 framework %+v", f)
	}
	if v.year.Selected != "2024" {
		t.Errorf("view shows %q after the copy", v.year.Selected)
	}
	// A second copy is refused: 2025 does not exist yet, but copying 2023
	// again onto 2024 would overwrite.
	v.year.SetSelected("2023")
	v.copyToNextYear()
	if !strings.Contains(v.status.Text, "Đã có bộ chỉ số năm 2024") {
		t.Errorf("second copy: %q", v.status.Text)
	}

	if err := ui.store.Update(func(tx *store.Tx) error { return tx.LockYear(2023) }); err != nil {
		t.Fatal(err)
	}
	ui.publish(Change{Kind: FrameworkChanged, Year: 2023})
	if !v.banner.Visible() || !v.buttons[0].Disabled() {
		t.Error("a locked year's framework is editable")
	}
}

// A new data file has no framework: the officer creates one from scratch,
// and any year can start as a copy of another.
func TestFrameworkCreateYearOnEmptyFile(t *testing.T) {
	ui, _ := newEmptyUI(t)
	ui.Show(SectionFramework)
	v := ui.framework
	if !strings.Contains(v.summary.Text, "chưa có bộ chỉ số nào") {
		t.Errorf("empty file summary %q", v.summary.Text)
	}
	for _, b := range append(v.buttons, v.copyNext) {
		if !b.Disabled() {
			t.Errorf("button %q enabled with no framework to edit", b.Text)
		}
	}
	// The starts offered on an empty file: the district framework first.
	if s := v.frameworkStarts(); len(s) != 2 || s[0].name != districtStart.name {
		t.Errorf("starts on an empty file: %v", s)
	}
	v.createYear(2024, districtStart)
	if f := storedFramework(t, ui, 2024); len(f.Areas) != 7 || f.Max() != data.P(100, 0) {
		t.Errorf("district start: %d areas, max %s", len(f.Areas), f.Max())
	}
	if v.buttons[0].Disabled() || v.copyNext.Disabled() {
		t.Error("editing buttons still disabled once there is a framework")
	}
	v.createYear(2025, emptyStart)
	f := storedFramework(t, ui, 2025)
	if len(f.Areas) != 1 || f.Find("1.1") == nil || v.year.Selected != "2025" {
		t.Fatalf("new framework %+v, selected %q", f, v.year.Selected)
	}
	v.createYear(2026, v.frameworkStarts()[0])
	if f := storedFramework(t, ui, 2026); f.Find("1.1") == nil {
		t.Error("2026 not copied from 2025")
	}
	v.createYear(2025, emptyStart)
	if !strings.Contains(v.status.Text, "Đã có bộ chỉ số năm 2025") {
		t.Errorf("second 2025: %q", v.status.Text)
	}
	v.createYear(1999, districtStart)
	if !strings.Contains(v.status.Text, "từ 2000 đến 2100") {
		t.Errorf("year 1999: %q", v.status.Text)
	}
}
