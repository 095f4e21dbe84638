package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// exampleALeafValues spreads example A's area points (15; 12; 20; 5; 15;
// 4,9; 9,5) over the demo framework's 27 leaves, typed as an officer would,
// with both decimal marks; 1.5 is đạt / không đạt (3 is đạt) and 3.3 a
// rate (40 of 50 on time, 80 %, is 5 points).
var exampleALeafValues = []string{
	"3", "2", "2", "2", "3", "3", // area 1: 15
	"4", "3", "2", "3", // area 2: 12
	"5", "6", "40/50", "2", "2", // area 3: 20
	"2", "2", "1", // area 4: 5
	"4", "3", "3", "2", "3", // area 5: 15
	"2", "1,9", "1", // area 6: 4,9
	"2", "3", "2", "1.5", "1", // area 7: 9,5
}

// newScoresUI opens the grid for a new unit with no scores in 2023.
func newScoresUI(t *testing.T) (*UI, fyne.Window, *scoresView) {
	t.Helper()
	ui, w := newTestUI(t)
	ui.store.SetOfficer("Trần Văn Bình")
	if err := ui.store.Update(func(tx *store.Tx) error {
		return tx.AddUnit(data.Unit{Code: "MOI", Name: "Huyện Mới Thành Lập", Kind: data.KindDistrict, GroupID: "HUYEN", Order: 99})
	}); err != nil {
		t.Fatal(err)
	}
	ui.Show(SectionScores)
	v := ui.scores
	v.year.SetSelected("2023")
	v.unit.reload(ui)
	v.unit.choose("MOI")
	if len(v.rows) != len(exampleALeafValues) {
		t.Fatalf("grid has %d rows, want %d", len(v.rows), len(exampleALeafValues))
	}
	return ui, w, v
}

func press(c fyne.Canvas, key fyne.KeyName) {
	c.Focused().TypedKey(&fyne.KeyEvent{Name: key})
}

func storedSheet(t *testing.T, ui *UI, year int, unit string) *data.Sheet {
	t.Helper()
	var s *data.Sheet
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		s, err = tx.Sheet(year, unit)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return s
}

// A whole unit typed with the keyboard only: digits and Enter per score.
func TestScoreGridKeyboardEntry(t *testing.T) {
	ui, w, v := newScoresUI(t)
	c := w.Canvas()
	c.Focus(v.rows[0].cells[colAppraised])
	keys := 0
	for i, val := range exampleALeafValues {
		if c.Focused() != v.rows[i].cells[colAppraised] {
			t.Fatalf("before row %d the focus is not on its appraised cell", i)
		}
		typeOn(c, val)
		press(c, fyne.KeyReturn)
		keys += len(val) + 1
	}
	s := storedSheet(t, ui, 2023, "MOI")
	for i, r := range v.rows {
		want, _ := data.ParseValue(&r.leaf, exampleALeafValues[i])
		if got := s.Scores[r.leaf.Code].Appraised; got == nil || *got != *want.Points {
			t.Errorf("stored %s = %v, want %s", r.leaf.Code, got, want.Points)
		}
	}
	if !strings.Contains(v.total.Text, "81,40 / 100") || !strings.Contains(v.total.Text, "Chỉ số: 81,40 %") || !strings.Contains(v.total.Text, "Khá") {
		t.Errorf("total line %q", v.total.Text)
	}
	// Area 4 (5/8 = 62,5 %) is rated Trung bình in its header row.
	if got := v.areas["4"].rating.Text; got != "Trung bình" {
		t.Errorf("area 4 rating %q", got)
	}
	if v.rows[24].cells[colAppraised].Text != "1,9" || v.rows[29].cells[colAppraised].Text != "1,5" {
		t.Error("typed values are not shown back the Vietnamese way")
	}
	t.Logf("%d scores took %d keystrokes (digits + Enter)", len(exampleALeafValues), keys)

	// The ranking screen now counts the new unit, as it was told of the change.
	ui.Show(SectionRanking)
	ui.ranking.year.SetSelected("2023")
	if !slices.Contains(shownTexts(w), "Huyện Mới Thành Lập") {
		t.Error("ranking does not show the newly scored unit")
	}
}

// Tab moves from the self score to the appraised score and saves on the way.
func TestScoreGridTabSavesAndMoves(t *testing.T) {
	ui, w, v := newScoresUI(t)
	c := w.Canvas()
	c.Focus(v.rows[0].cells[colSelf])
	typeOn(c, "2,5")
	test.FocusNext(c)
	if c.Focused() != v.rows[0].cells[colAppraised] {
		t.Fatal("Tab did not move to the appraised cell")
	}
	typeOn(c, "2")
	test.FocusNext(c) // to the note
	typeOn(c, "Thiếu kế hoạch kiểm tra")
	press(c, fyne.KeyReturn)
	sc := storedSheet(t, ui, 2023, "MOI").Scores["1.1"]
	if sc.Self == nil || *sc.Self != data.P(2, 50) || sc.Appraised == nil || *sc.Appraised != data.P(2, 0) || sc.Note != "Thiếu kế hoạch kiểm tra" {
		t.Errorf("stored %+v", sc)
	}
	if got := v.rows[0].lost.Text; got != "1,00" {
		t.Errorf("lost points %q, want 1,00", got)
	}
}

// Bad values are refused in place with the criterion and its max, and the
// stored value does not change; Esc puts the stored value back.
func TestScoreGridRefusesBadValues(t *testing.T) {
	ui, w, v := newScoresUI(t)
	c := w.Canvas()
	cell := v.rows[0].cells[colAppraised]
	c.Focus(cell)
	typeOn(c, "2")
	press(c, fyne.KeyReturn)
	for _, bad := range []string{"17", "abc", "4,999"} {
		c.Focus(cell)
		cell.SetText("")
		typeOn(c, bad)
		press(c, fyne.KeyReturn)
		if c.Focused() != cell {
			t.Errorf("%q: the cursor left the refused cell", bad)
		}
		if msg := v.shownRefusal(); !strings.Contains(msg, "1.1") || !strings.Contains(msg, "tối đa 3") {
			t.Errorf("%q: message %q under the row does not name criterion 1.1 and its max 3", bad, msg)
		}
		if got := storedSheet(t, ui, 2023, "MOI").Scores["1.1"].Appraised; got == nil || *got != data.P(2, 0) {
			t.Errorf("%q changed the stored value to %v", bad, got)
		}
		press(c, fyne.KeyEscape)
		if cell.Text != "2" {
			t.Errorf("Esc left %q, want the stored 2", cell.Text)
		}
	}
	// Leaving the cell with a bad value puts the stored one back.
	typeOn(c, "9")
	test.FocusNext(c)
	if cell.Text != "2" {
		t.Errorf("after Tab with a bad value the cell shows %q", cell.Text)
	}
}

func TestScoreGridPasteColumnAndCopySelf(t *testing.T) {
	ui, w, v := newScoresUI(t)
	clip := test.NewClipboard()
	clip.SetContent("3\t(bỏ qua)\r\n1,5\r\n2.25\r\n")
	v.rows[0].cells[colSelf].TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	s := storedSheet(t, ui, 2023, "MOI")
	for code, want := range map[string]data.Points{"1.1": data.P(3, 0), "1.2": data.P(1, 50), "1.3": data.P(2, 25)} {
		if got := s.Scores[code].Self; got == nil || *got != want {
			t.Errorf("pasted %s = %v, want %s", code, got, want)
		}
	}
	// One bad line refuses the whole paste.
	clip.SetContent("1\n9\n1")
	v.rows[3].cells[colSelf].TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if s := storedSheet(t, ui, 2023, "MOI"); s.Scores["1.4"].Self != nil || !strings.Contains(v.shownRefusal(), "1.5") {
		t.Errorf("bad paste stored %v; message %q", s.Scores["1.4"].Self, v.shownRefusal())
	}

	tapButton(t, w, "Chép điểm tự đánh giá sang thẩm định")
	tapButton(t, w, "Có")
	s = storedSheet(t, ui, 2023, "MOI")
	if got := s.Scores["1.2"].Appraised; got == nil || *got != data.P(1, 50) {
		t.Errorf("copy self → appraised: 1.2 appraised %v", got)
	}
}

// A locked year is read-only in the grid, and the store refuses it anyway.
func TestScoreGridLockedYear(t *testing.T) {
	ui, _, v := newScoresUI(t)
	if err := ui.store.Update(func(tx *store.Tx) error { return tx.LockYear(2022) }); err != nil {
		t.Fatal(err)
	}
	v.year.SetSelected("2022")
	v.unit.choose("NBI")
	if !v.banner.Visible() || !strings.Contains(v.banner.Text, "Năm 2022 đã khóa") {
		t.Errorf("banner %q", v.banner.Text)
	}
	cell := v.rows[0].cells[colAppraised]
	if !cell.Disabled() {
		t.Error("a locked year's cell takes typing")
	}
	before := storedSheet(t, ui, 2022, "NBI").Scores["1.1"]
	cell.SetText("0")
	if v.commit(cell) {
		t.Error("commit on a locked year reported success")
	}
	if !strings.Contains(v.shownRefusal(), "đã khóa") {
		t.Errorf("message %q", v.shownRefusal())
	}
	if after := storedSheet(t, ui, 2022, "NBI").Scores["1.1"]; *after.Appraised != *before.Appraised {
		t.Error("a locked score changed")
	}
}

// typeOn types into whatever has the keyboard, as the officer's fingers
// do (test.TypeOnCanvas sends to the canvas' own rune handler instead).
func typeOn(c fyne.Canvas, s string) {
	for _, r := range s {
		c.Focused().TypedRune(r)
	}
}

// The grid's print button offers the unit's scorecard, which holds the
// figures typed in the grid.
func TestScoreGridPrintsScorecard(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionScores)
	v := ui.scores
	v.year.SetSelected("2022")
	v.unit.choose("NBI")
	tapButton(t, w, "In phiếu chấm điểm…")
	if !slices.ContainsFunc(textsIn(w.Canvas().Overlays().Top()), func(s string) bool { return s == "phieu-cham-diem-NBI-2022.pdf" }) {
		t.Errorf("save dialog: %q", textsIn(w.Canvas().Overlays().Top()))
	}
	pdf, err := scorecardPDF(ui, 2022, "NBI", "7", today())
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdftest.Pages(t, pdf), "\n")
	for _, want := range []string{"PHIẾU TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM", "81,40", "8/10", "Kèm theo Báo cáo số 7/BC-SNV"} {
		if !strings.Contains(text, want) {
			t.Errorf("scorecard lacks %q", want)
		}
	}
}

// Moving to another unit shows that unit's stored scores in the same rows.
func TestScoreGridNextUnitShowsItsScores(t *testing.T) {
	ui, _ := newTestUI(t)
	ui.Show(SectionScores)
	v := ui.scores
	v.year.SetSelected("2022")
	v.unit.choose("NBI")
	first := v.rows[0].cells[colAppraised]
	v.unit.choose("HAN")
	if v.rows[0].cells[colAppraised] != first {
		t.Error("rows were rebuilt for a unit on the same framework")
	}
	han := storedSheet(t, ui, 2022, "HAN")
	for _, r := range v.rows {
		if want := pointsText(han.Scores[r.leaf.Code].Appraised); r.cells[colAppraised].Text != want {
			t.Fatalf("%s shows %q, HAN has %q", r.leaf.Code, r.cells[colAppraised].Text, want)
		}
	}
	res := data.Evaluate(v.fw, data.Unit{Code: "HAN"}, han)
	if !strings.Contains(v.total.Text, res.Total.String()+" / 100") {
		t.Errorf("total line %q, want HAN's %s", v.total.Text, res.Total)
	}
}
