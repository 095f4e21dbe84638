package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/pardesk/pardesk/data"
)

// The demo's 2023 framework has 1.5 đạt / không đạt, 3.3 by rate (100 % →
// 8; ≥ 90 % → 6,5; ≥ 80 % → 5) and 6.3 (2 points) that may not apply. The
// officer types "Đạt", "45/50" and "KAD": the cells show them back, the
// store keeps them, and the totals line takes the unit's max of 98.
func TestScoreGridTypesKinds(t *testing.T) {
	ui, w, v := newScoresUI(t)
	c := w.Canvas()
	row := func(code string) int {
		for i, r := range v.rows {
			if r.leaf.Code == code {
				return i
			}
		}
		t.Fatalf("no row %s", code)
		return -1
	}
	for _, in := range []struct{ code, typed, shown string }{
		{"1.5", "đạt", "Đạt"},
		{"3.3", "45/50", "45/50 → 6,5"},
		{"6.3", "kad", "KAD"},
	} {
		cell := v.rows[row(in.code)].cells[colAppraised]
		c.Focus(cell)
		typeOn(c, in.typed)
		press(c, fyne.KeyReturn)
		if cell.Text != in.shown {
			t.Errorf("%s: typed %q, the cell shows %q, want %q (%s)", in.code, in.typed, cell.Text, in.shown, v.shownRefusal())
		}
	}
	s := storedSheet(t, ui, 2023, "MOI")
	if sc := s.Scores["1.5"]; sc.Appraised == nil || *sc.Appraised != data.P(3, 0) {
		t.Errorf("1.5 stored %+v, want 3 points", sc)
	}
	if sc := s.Scores["3.3"]; sc.AppraisedCounts == nil || *sc.AppraisedCounts != (data.Counts{Num: 45, Den: 50}) || *sc.Appraised != data.P(6, 50) {
		t.Errorf("3.3 stored %+v, want 45/50 and 6,5 points", sc)
	}
	if sc := s.Scores["6.3"]; !sc.AppraisedNA || sc.Appraised != nil {
		t.Errorf("6.3 stored %+v, want không áp dụng", sc)
	}
	// 3 + 6,5 = 9,5 of 100 − 2 = 98: 9,69 %.
	if !strings.Contains(v.total.Text, "9,50 / 98,00 (điểm tối đa của đơn vị: 100,00 của bộ chỉ số trừ 2,00 không áp dụng)") || !strings.Contains(v.total.Text, "Chỉ số: 9,69 %") {
		t.Errorf("total line %q", v.total.Text)
	}
	if got := v.areas["6"].max.Text; got != "5,00" {
		t.Errorf("area 6 max %q, want 7 − 2 = 5,00 for the unit", got)
	}
	if got := v.rows[row("6.3")].lost.Text; got != "—" {
		t.Errorf("6.3 not applicable shows %q lost", got)
	}

	// Refused where the kind does not take it, naming the criterion and
	// what it accepts; the stored value stays.
	for _, bad := range []struct{ code, typed, says string }{
		{"1.1", "KAD", "số điểm từ 0 đến 3"},
		{"1.5", "2", "«Đạt» (3 điểm) hoặc «Không đạt» (0 điểm)"},
		{"3.3", "51/50", "số đạt (51) lớn hơn tổng số (50)"},
		{"3.3", "6,5", "hai số đếm dạng «đạt/tổng số»"},
	} {
		cell := v.rows[row(bad.code)].cells[colAppraised]
		c.Focus(cell)
		cell.SetText("")
		typeOn(c, bad.typed)
		press(c, fyne.KeyReturn)
		if msg := v.shownRefusal(); !strings.Contains(msg, "Tiêu chí "+bad.code) || !strings.Contains(msg, bad.says) {
			t.Errorf("%s %q: refusal %q", bad.code, bad.typed, msg)
		}
		press(c, fyne.KeyEscape)
	}
	if sc := storedSheet(t, ui, 2023, "MOI").Scores["3.3"]; *sc.AppraisedCounts != (data.Counts{Num: 45, Den: 50}) {
		t.Errorf("a refused value changed 3.3 to %+v", sc)
	}

	// Copying the self answers copies "không áp dụng" and counts alike.
	for _, in := range [][2]string{{"3.3", "40/50"}, {"6.3", "KAD"}} {
		cell := v.rows[row(in[0])].cells[colSelf]
		c.Focus(cell)
		typeOn(c, in[1])
		press(c, fyne.KeyReturn)
	}
	v.copySelfToAppraised()
	s = storedSheet(t, ui, 2023, "MOI")
	if sc := s.Scores["3.3"]; *sc.AppraisedCounts != (data.Counts{Num: 40, Den: 50}) || *sc.Appraised != data.P(5, 0) || !s.Scores["6.3"].AppraisedNA {
		t.Errorf("after copying the self answers: 3.3 %+v, 6.3 %+v", sc, s.Scores["6.3"])
	}
}
