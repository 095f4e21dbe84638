package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports/pdftest"
)

func storedAppraisal(t *testing.T, ui *UI, year int, unit string) *data.Appraisal {
	t.Helper()
	var a *data.Appraisal
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		a, err = tx.Appraisal(year, unit)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return a
}

// fillField types text into the field labelled label of the dialog on
// top.
func fillField(t *testing.T, w fyne.Window, label, text string) {
	t.Helper()
	e, ok := formField(t, w, label).(*widget.Entry)
	if !ok {
		t.Fatalf("field %q is not an entry", label)
	}
	e.SetText(text)
}

// An officer walks the demo's Quảng Hòa through the whole 2023 loop from
// the score grid: submits, appraises with a deadline, records two
// explanations, accepts one (the final points are the unit's claim) and
// refuses the other (refused first without a reason), re-appraises,
// closes, finds the closed appraisal read-only, and steps it back with a
// reason. The units screen's filter and counts follow every step.
func TestAppraisalLoopFromTheGrid(t *testing.T) {
	saved := today
	today = func() time.Time { return time.Date(2024, 3, 4, 10, 0, 0, 0, time.Local) }
	t.Cleanup(func() { today = saved })
	ui, w := newTestUI(t)
	ui.store.SetOfficer("Nguyễn Thị Lan")
	c := w.Canvas()
	ui.Show(SectionUnits)
	ui.units.loop.year.SetSelected("2023")
	ui.Show(SectionScores)
	v := ui.scores
	v.year.SetSelected("2023")
	v.unit.choose("QHO")
	bar := v.loop
	// The steps are dated by the store's clock.
	day := data.FormatDate(time.Now())
	status := func() string { return bar.status.Text }
	if !strings.HasPrefix(status(), "Trạng thái: Chưa nộp") || !bar.back.Disabled() || !bar.listBox.Hidden || !bar.notice.Disabled() {
		t.Fatalf("before the loop: %q, step back enabled %v, notice enabled %v", status(), !bar.back.Disabled(), !bar.notice.Disabled())
	}

	tapButton(t, w, "Nộp tự đánh giá…")
	tapButton(t, w, "Có")
	if status() != "Trạng thái: Đã nộp · nộp "+day {
		t.Fatalf("after submitting: %q", status())
	}
	// Submitted: the unit's claims are frozen.
	c.Focus(v.rows[0].cells[colSelf])
	v.rows[0].cells[colSelf].SetText("0")
	press(c, fyne.KeyReturn)
	if msg := v.shownRefusal(); !strings.Contains(msg, "đã nộp") || !strings.Contains(msg, "lý do") {
		t.Errorf("self score typed after submitting: refusal %q", msg)
	}
	v.load()

	tapButton(t, w, "Thẩm định…")
	if got := formField(t, w, "Hạn giải trình").(*widget.Entry).Text; got != "11/03/2024" {
		t.Errorf("default deadline %q, want the appraisal day + 7", got)
	}
	fillField(t, w, "Hạn giải trình", "15/03/2024")
	tapButton(t, w, "Thẩm định")
	if want := "Trạng thái: Đã thẩm định · nộp " + day + " · thẩm định " + day + " (hạn giải trình 15/03/2024)"; status() != want {
		t.Fatalf("after appraising: %q, want %q", status(), want)
	}
	sheet := storedSheet(t, ui, 2023, "QHO")
	disputed := data.Disputed(v.fw, sheet)
	if len(bar.lines) != len(disputed) || len(disputed) < 2 || bar.listBox.Hidden {
		t.Fatalf("%d lines for %d criteria marked down", len(bar.lines), len(disputed))
	}
	first, second := disputed[0], disputed[1]
	for i, text := range []string{"Đã ban hành đủ văn bản trong năm", "Số liệu gồm hồ sơ đã gia hạn"} {
		test.Tap(bar.lines[i].explain)
		fillField(t, w, "Giải trình", text)
		fillField(t, w, "Tài liệu kiểm chứng", "Báo cáo số 17/BC-UBND")
		tapButton(t, w, "Lưu")
	}
	if !strings.Contains(bar.line(t, first.Code).text.Text, "Giải trình: Đã ban hành đủ văn bản trong năm (tài liệu: Báo cáo số 17/BC-UBND)") {
		t.Errorf("line of %s: %q", first.Code, bar.line(t, first.Code).text.Text)
	}
	if !bar.line(t, first.Code).decide.Disabled() {
		t.Error("a decision can be taken before the explanations are in")
	}
	tapButton(t, w, "Nhận giải trình…")
	tapButton(t, w, "Có")
	if !strings.HasPrefix(status(), "Trạng thái: Giải trình") {
		t.Fatalf("after the explanations: %q", status())
	}

	// Accepted: the final points start from the unit's claim.
	test.Tap(bar.line(t, first.Code).decide)
	formField(t, w, "Quyết định").(*widget.RadioGroup).SetSelected("Chấp nhận")
	if got := formField(t, w, "Điểm cuối cùng").(*widget.Entry).Text; got != sheet.Scores[first.Code].Self.Short() {
		t.Errorf("accepted: final points %q, want the claim %s", got, sheet.Scores[first.Code].Self.Short())
	}
	fillField(t, w, "Lý do", "Tài liệu kiểm chứng hợp lệ")
	tapButton(t, w, "Lưu")
	// Refused without a reason: refused, nothing stored.
	test.Tap(bar.line(t, second.Code).decide)
	formField(t, w, "Quyết định").(*widget.RadioGroup).SetSelected("Không chấp nhận")
	tapButton(t, w, "Lưu")
	if msg := dialogText(w); !strings.Contains(msg, "Lý do không chấp nhận giải trình tiêu chí "+second.Code) {
		t.Errorf("refusal without a reason: %q", msg)
	}
	dismiss(t, w)
	test.Tap(bar.line(t, second.Code).decide)
	formField(t, w, "Quyết định").(*widget.RadioGroup).SetSelected("Không chấp nhận")
	fillField(t, w, "Lý do", "Hồ sơ gia hạn không đúng quy định")
	tapButton(t, w, "Lưu")
	if !strings.Contains(bar.line(t, second.Code).text.Text, "Quyết định: Không chấp nhận – Hồ sơ gia hạn không đúng quy định") {
		t.Errorf("line of %s: %q", second.Code, bar.line(t, second.Code).text.Text)
	}

	tapButton(t, w, "Thẩm định lại…")
	tapButton(t, w, "Có")
	tapButton(t, w, "Chốt kết quả…")
	tapButton(t, w, "Có")
	if !strings.HasPrefix(status(), "Trạng thái: Chốt") || !bar.forward.Disabled() {
		t.Fatalf("after closing: %q", status())
	}
	after := storedSheet(t, ui, 2023, "QHO")
	if got, want := *after.Scores[first.Code].Appraised, *sheet.Scores[first.Code].Self; got != want {
		t.Errorf("accepted %s: final %s, want the claim %s", first.Code, got, want)
	}
	if got, want := *after.Scores[second.Code].Appraised, *sheet.Scores[second.Code].Appraised; got != want {
		t.Errorf("refused %s: final %s, want the appraisal %s", second.Code, got, want)
	}
	// Chốt: the appraisal is read-only until stepped back.
	c.Focus(v.rows[len(v.rows)-1].cells[colAppraised])
	v.rows[len(v.rows)-1].cells[colAppraised].SetText("0")
	press(c, fyne.KeyReturn)
	if msg := v.shownRefusal(); !strings.Contains(msg, "đã chốt") {
		t.Errorf("appraised score typed after chốt: refusal %q", msg)
	}
	v.load()

	// Back needs a reason.
	tapButton(t, w, "Trả lại bước trước…")
	tapButton(t, w, "Trả lại")
	if msg := dialogText(w); !strings.Contains(msg, "Lý do trả lại bước «Chốt»") {
		t.Errorf("step back without a reason: %q", msg)
	}
	dismiss(t, w)
	tapButton(t, w, "Trả lại bước trước…")
	fillField(t, w, "Lý do", "Sửa điểm theo kết luận của Hội đồng thẩm định")
	tapButton(t, w, "Trả lại")
	if a := storedAppraisal(t, ui, 2023, "QHO"); a.Status != data.StatusReappraised {
		t.Errorf("after the step back: %s", a.Status.Label())
	}
	var undo data.AuditEntry
	if err := ui.store.View(func(tx *store.Tx) error {
		es, err := tx.Audit(data.AuditFilter{Kind: data.AuditAppraisal, Unit: "QHO"})
		undo = es[0]
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if undo.Old != "Chốt" || undo.New != "Thẩm định lại" || undo.Reason != "Sửa điểm theo kết luận của Hội đồng thẩm định" || undo.Officer != "Nguyễn Thị Lan" {
		t.Errorf("step back audited as %+v", undo)
	}

	// The units screen counts and filters by status.
	ui.Show(SectionUnits)
	u := ui.units
	if want := "Năm 2023: 7 đơn vị chưa nộp, 1 đã nộp, 1 đang giải trình, 1 đã thẩm định lại."; u.loop.counts.Text != want {
		t.Errorf("units screen counts %q, want %q", u.loop.counts.Text, want)
	}
	u.loop.status.SetSelected("Thẩm định lại")
	if len(u.shown) != 1 || u.shown[0].Code != "QHO" {
		t.Errorf("units at thẩm định lại: %v", u.shown)
	}
	u.loop.status.SetSelected("Chưa nộp")
	if len(u.shown) != 7 {
		t.Errorf("%d units chưa nộp, want 7", len(u.shown))
	}
}

// Locking the year names, in its question, the units not chốt.
func TestLockNamesUnitsNotFinal(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionScores)
	ui.scores.year.SetSelected("2023")
	tapButton(t, w, "Khóa năm")
	if msg := dialogText(w); !strings.Contains(msg, "Còn 10 đơn vị chưa chốt kết quả thẩm định: Thành phố Cao Bằng, Huyện Bảo Lạc") {
		t.Errorf("lock question %q", msg)
	}
	tapButton(t, w, "Không")
	// Hạ Lang's explanations above the grid leave the grid room on an
	// office screen.
	w.Resize(fyne.NewSize(1000, 700))
	ui.scores.unit.choose("HLA")
	if len(ui.scores.loop.lines) == 0 || ui.scores.loop.listBox.Hidden {
		t.Error("Hạ Lang's criteria marked down are not listed")
	}
	if min := w.Content().MinSize(); min.Height > 700 || min.Width > 1000 {
		t.Errorf("the grid with the explanations needs %v", min)
	}
	ui.Show(SectionDashboard)
	d := ui.dashboard
	d.loop.year.SetSelected("2023")
	if !strings.Contains(d.loop.counts.Text, "8 đơn vị chưa nộp, 1 đã nộp, 1 đang giải trình") {
		t.Errorf("dashboard counts %q", d.loop.counts.Text)
	}
	d.loop.status.SetSelected("Giải trình")
	if d.loopUnits.Text != "Giải trình: Huyện Hạ Lang." {
		t.Errorf("dashboard at giải trình: %q", d.loopUnits.Text)
	}
}

// line is the bar's line of a criterion.
func (b *appraisalBar) line(t *testing.T, code string) *loopLine {
	t.Helper()
	for _, l := range b.lines {
		if l.code == code {
			return l
		}
	}
	t.Fatalf("no line for criterion %s", code)
	return nil
}

// The Báo cáo screen prints the notice of the unit picked with the
// number and date typed there; a unit not yet appraised is refused with
// the step it stands at.
func TestReportsScreenPrintsNotice(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionReports)
	v := ui.reports
	v.number.SetText("21")
	v.date.SetText("04/03/2024")
	v.year.SetSelected("2023")
	v.unit.choose("HLA")
	tapButton(t, w, "Thông báo kết quả thẩm định")
	if msg := strings.Join(textsIn(w.Canvas().Overlays().Top()), " "); !strings.Contains(msg, "thong-bao-tham-dinh-HLA-2023.pdf") {
		t.Errorf("save dialog: %q", msg)
	}
	w.Canvas().Overlays().Top().Hide()
	when, _ := data.ParseDate(v.date.Text)
	pdf, err := noticePDF(ui, 2023, "HLA", v.number.Text, when)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(strings.Join(pdftest.Pages(t, pdf), " ")), " ")
	for _, want := range []string{"Số: 21/TB-SNV", "Cao Bằng, ngày 04 tháng 3 năm 2024", "của huyện Hạ Lang"} {
		if !strings.Contains(text, want) {
			t.Errorf("notice lacks %q", want)
		}
	}
	v.unit.choose("BLM")
	tapButton(t, w, "Thông báo kết quả thẩm định")
	if msg := dialogText(w); !strings.Contains(msg, "đang ở bước «Đã nộp»") {
		t.Errorf("notice of a unit only submitted: %q", msg)
	}
}
