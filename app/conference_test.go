package app

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// plain reads a drafted text with its no-break spaces as spaces.
func plain(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

// openConference shows the conference report of a year for a unit.
func openConference(t *testing.T, ui *UI, year, unit string) *conferenceView {
	t.Helper()
	ui.Show(SectionReports)
	c := ui.reports.conference
	c.tabs.SelectIndex(1)
	c.year.SetSelected(year)
	c.scope.SetSelected(scopeUnit)
	c.unit.choose(unit)
	if c.draft == nil {
		t.Fatalf("no draft: %q", c.status.Text)
	}
	return c
}

// The unit's report is drafted from its figures, edited in the window,
// saved in the file (a new window over the same file shows the edit),
// printed with the edit, marked where the figures changed afterwards, and
// drafted again from the figures once the officer confirms.
func TestConferenceEditSaveRedraft(t *testing.T) {
	ui, w := newTestUI(t)
	c := openConference(t, ui, "2022", "NBI")
	overall := c.texts[data.SecOverall]
	if overall == nil {
		t.Fatal("no «Kết quả chung» section")
	}
	drafted := overall.Text
	if !strings.Contains(plain(drafted), "81,40 %") || !strings.Contains(plain(drafted), "thứ 8/10") {
		t.Fatalf("overall text: %q", drafted)
	}
	if c.stored || strings.Contains(c.status.Text, "chưa lưu") {
		t.Fatalf("fresh draft: %q", c.status.Text)
	}

	const edit = " Huyện đã tổ chức rút kinh nghiệm ngay sau khi công bố kết quả."
	overall.SetText(drafted + edit)
	if !strings.Contains(c.status.Text, "chưa lưu") {
		t.Errorf("after typing: %q", c.status.Text)
	}
	// Another unit with the edit unsaved: asked; «Ở lại» keeps the edit
	// and puts the picker back.
	c.unit.choose("HAN")
	tapButton(t, w, "Ở lại")
	if c.unit.code() != "NBI" || !strings.Contains(c.texts[data.SecOverall].Text, edit) || !strings.Contains(c.status.Text, "chưa lưu") {
		t.Fatalf("after «Ở lại»: unit %s, status %q", c.unit.code(), c.status.Text)
	}
	// Figures changing meanwhile keep what was typed.
	ui.publish(Change{Kind: OneStopChanged})
	if !strings.Contains(c.texts[data.SecOverall].Text, edit) {
		t.Fatal("a reload lost the typing")
	}
	// «Bỏ thay đổi»: the other unit opens, the edit is gone.
	c.unit.choose("HAN")
	tapButton(t, w, "Bỏ thay đổi")
	if c.unit.code() != "HAN" || strings.Contains(c.texts[data.SecOverall].Text, edit) {
		t.Fatalf("after «Bỏ thay đổi»: %s %q", c.unit.code(), c.texts[data.SecOverall].Text)
	}
	c.unit.choose("NBI")
	if c.texts[data.SecOverall].Text != drafted {
		t.Fatal("a discarded edit came back")
	}
	// «Lưu» on the way to another unit saves it.
	c.texts[data.SecOverall].SetText(drafted + edit)
	c.unit.choose("HAN")
	tapButton(t, w, "Lưu")
	if c.unit.code() != "HAN" || c.stored {
		t.Fatalf("after «Lưu»: %s, stored %v", c.unit.code(), c.stored)
	}
	c.unit.choose("NBI")
	if !c.stored || !strings.Contains(c.texts[data.SecOverall].Text, edit) {
		t.Fatalf("not saved on leaving: %q", c.status.Text)
	}
	// Typed once more and saved with the button.
	c.texts[data.SecOverall].SetText(drafted)
	c.texts[data.SecOverall].SetText(drafted + edit)
	tapButton(t, w, "Lưu bản sửa")
	if !c.stored || strings.Contains(c.status.Text, "chưa lưu") {
		t.Fatalf("after saving: %q", c.status.Text)
	}

	// A new window over the same file shows the saved edit.
	w2 := test.NewTempWindow(t, nil)
	ui2 := New(ui.store, w2)
	w2.SetContent(ui2.Content())
	w2.Resize(fyne.NewSize(1900, 1000))
	c2 := openConference(t, ui2, "2022", "NBI")
	if !strings.Contains(c2.texts[data.SecOverall].Text, edit) || !c2.stored {
		t.Fatalf("the saved edit is not in the file: %q", c2.texts[data.SecOverall].Text)
	}
	if len(c2.stale) != 0 {
		t.Errorf("figures unchanged, yet stale: %v", c2.stale)
	}

	// The PDF of the window is the command line's, with the edit.
	c2.number.SetText("25")
	c2.date.SetText("09/06/2023")
	win, err := c2.input()
	if err != nil {
		t.Fatal(err)
	}
	var in reports.ConferenceInput
	when := time.Date(2023, 6, 9, 0, 0, 0, 0, time.Local)
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		in, _, err = ops.ConferenceInput(tx, 2022, "", "NBI", when)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	in.Number, in.Date = "25", when
	in.Created, win.Created = when, when
	pdf, err := reports.Conference(win)
	if err != nil {
		t.Fatal(err)
	}
	if cli, err := reports.Conference(in); err != nil || !bytes.Equal(cli, pdf) {
		t.Errorf("the window's PDF differs from the command line's (%v)", err)
	}
	pdftest.NeedPoppler(t)
	text := strings.Join(strings.Fields(strings.Join(pdftest.Pages(t, pdf), " ")), " ")
	if !strings.Contains(text, "rút kinh nghiệm ngay sau khi công bố") {
		t.Errorf("PDF lacks the edit: %.600s", text)
	}

	// A score changed: the edited copy's stale sections are marked.
	p := data.P(3, 0)
	if err := ui2.store.Update(func(tx *store.Tx) error {
		return tx.SetScore(2022, "NBI", "4.2", data.Score{Appraised: &p})
	}); err != nil {
		t.Fatal(err)
	}
	ui2.publish(Change{Kind: ScoresChanged, Year: 2022, Unit: "NBI"})
	if !c2.stale[data.SecOverall] || !c2.marks[data.SecOverall].Visible() {
		t.Errorf("overall not marked stale: %v", c2.stale)
	}
	if !strings.Contains(strings.Join(shownTexts(w2), " "), staleNote) {
		t.Error("the stale note is not shown")
	}

	// Redraft: asked first; «Không» keeps the edit, «Có» drafts again
	// from the figures as they are now (4.2 recovered: 6th).
	tapButton(t, w2, "Soạn lại từ số liệu")
	tapButton(t, w2, "Không")
	if !strings.Contains(c2.texts[data.SecOverall].Text, edit) {
		t.Fatal("«Không» discarded the edit")
	}
	tapButton(t, w2, "Soạn lại từ số liệu")
	tapButton(t, w2, "Có")
	got := c2.texts[data.SecOverall].Text
	if strings.Contains(got, edit) || c2.stored || len(c2.stale) != 0 {
		t.Fatalf("after redraft: %q, stored %v, stale %v", got, c2.stored, c2.stale)
	}
	if !strings.Contains(plain(got), "83,65 %, xếp loại Khá, xếp hạng thứ 6/10") {
		t.Errorf("redraft should follow the new score: %q", got)
	}
}

// The office's report on a group lists its sections too, and the
// conference tab keeps the Báo cáo section within a 1024×768 screen.
func TestConferenceGroupReport(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionReports)
	c := ui.reports.conference
	c.year.SetSelected("2022")
	if c.draft == nil || c.draft.Group == "" || len(c.texts) < 5 {
		t.Fatalf("group report: %q", c.status.Text)
	}
	if c.unitF.Visible() || !c.groupF.Visible() {
		t.Error("the group report shows the unit picker")
	}
	w.Resize(fyne.NewSize(1000, 700))
	if min := w.Content().MinSize(); min.Width >= 1000 {
		t.Errorf("content minimum %v", min)
	}
}

// Điểm bị trừ says what a unit should fix first, in the words of the
// unit's conference report; selecting a unit among those that lost points
// on a criterion shows its line too.
func TestLostPointsFixFirst(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionLostPoints)
	v := ui.lostPoints
	v.year.SetSelected("2022")
	if v.fix.code() != "" {
		t.Errorf("a unit chosen before the officer chose one: %q", v.fix.code())
	}
	v.fix.choose("NBI")
	want := "Nếu khắc phục tiêu chí 4.2 (2,25 điểm), Chỉ số đạt 83,65 %, xếp thứ 6/10."
	if got := plain(v.fix.text.Text); got != want {
		t.Fatalf("fix first: %q, want %q", got, want)
	}
	if texts := strings.Join(shownTexts(w), " | "); !strings.Contains(texts, "Khắc phục trước:") {
		t.Errorf("no «Khắc phục trước» line: %s", texts)
	}
	// The same sentence as the unit's report.
	c := openConference(t, ui, "2022", "NBI")
	if s := c.texts[data.SecFixFirst]; s == nil || !strings.Contains(s.Text, strings.TrimSuffix(v.fix.text.Text, ".")) {
		t.Errorf("the report words it otherwise: %q", c.draft.Section(data.SecFixFirst))
	}

	// Drilling into a criterion, then a unit.
	ui.Show(SectionLostPoints)
	for i, lp := range v.lost {
		if len(lp.Units) > 0 {
			v.table.OnRowSelected(i)
			v.units.Select(widget.TableCellID{Row: 0, Col: 0})
			if got := v.fix.code(); got != lp.Units[0].Unit.Code {
				t.Errorf("drilled into %s, line shows %q", lp.Units[0].Unit.Code, got)
			}
			break
		}
	}
}
