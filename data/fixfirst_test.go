package data_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
)

// demoGroup returns the demo's ranking of a year with its framework and
// sheets.
func demoGroup(t *testing.T, year int) ([]data.Result, *data.Framework, map[string]*data.Sheet) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := demo.Write(st); err != nil {
		t.Fatal(err)
	}
	var rs []data.Result
	var f *data.Framework
	var sheets map[string]*data.Sheet
	err = st.View(func(tx *store.Tx) (err error) {
		if rs, f, err = tx.Ranking(year, demo.GroupID); err != nil {
			return err
		}
		sheets, err = tx.Sheets(year)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return rs, f, sheets
}

// Nguyên Bình, 2022: 81,40 %, 8th of 10. The others stand at 91,20
// (TPCB), 88,75, 86,30, 85,10, 84,05, 83,60, 82,90 (Hòa An), then 79,85
// and 78,20 below. Worked by hand from its lost points (4.2 lost 2,25;
// 3.3 lost 2,5; 6.3 lost 1,35; 7.4 lost 1,25; 1.3 and 1.6 lost 0,5 each;
// seven criteria lost 1 each, …):
//   - alone, 4.2 (2,25 → 83,65) passes Hòa An and Thạch An: 2 ranks for
//     2,25 points beats 3.3's 2 ranks for 2,5 (83,90); nothing else
//     passes 82,90;
//   - then 0,5 (1.3, before 1.6 in the framework's order) → 84,15 passes
//     Bảo Lâm (84,05): 1 rank for 0,5;
//   - then 1 point (2.4, the first of the 1-point criteria) → 85,15
//     passes Hạ Lang (85,10);
//   - then 7.4 (1,25 → 86,40) passes Quảng Hòa (86,30): 1.35 would too,
//     for more points;
//   - then 3.3 (2,5 → 88,90) passes Trùng Khánh (88,75), the only one
//     that can;
//   - no single criterion then reaches 91,20: the largest loss goes
//     first, 6.3 (1,35 → 90,25), then 1 point (3.2) → 91,25, first.
func TestFixFirstDemo2022NguyenBinh(t *testing.T) {
	rs, f, sheets := demoGroup(t, 2022)
	plan, ok := data.FixFirst(f, rs, demo.ExampleAUnit, sheets[demo.ExampleAUnit])
	if !ok {
		t.Fatal("FixFirst: unit not found")
	}
	if plan.Index != 8140 || plan.Rank != 8 || plan.Of != 10 {
		t.Fatalf("plan = %s %% %d/%d, want 81,40 %% 8/10", plan.Index, plan.Rank, plan.Of)
	}
	want := []struct {
		code      string
		recovered data.Points
		index     data.Percent
		rank      int
	}{
		{"4.2", data.P(2, 25), 8365, 6},
		{"1.3", data.P(2, 75), 8415, 5},
		{"2.4", data.P(3, 75), 8515, 4},
		{"7.4", data.P(5, 0), 8640, 3},
		{"3.3", data.P(7, 50), 8890, 2},
		{"6.3", data.P(8, 85), 9025, 2},
		{"3.2", data.P(9, 85), 9125, 1},
	}
	if len(plan.Steps) != 20 {
		t.Errorf("%d steps, want one for each of the 20 criteria lost", len(plan.Steps))
	}
	for i, w := range want {
		s := plan.Steps[i]
		if s.Criterion.Code != w.code || s.Recovered != w.recovered || s.Index != w.index || s.Rank != w.rank {
			t.Errorf("step %d = %s %s → %s %% thứ %d, want %s %s → %s %% thứ %d", i+1,
				s.Criterion.Code, s.Recovered, s.Index, s.Rank, w.code, w.recovered, w.index, w.rank)
		}
	}
	last := plan.Steps[len(plan.Steps)-1]
	if last.Recovered != data.P(18, 60) || last.Index != 10000 || last.Rating != "Tốt" {
		t.Errorf("all recovered: %s points, %s %% %s; want 18,6 points, 100 %% Tốt", last.Recovered, last.Index, last.Rating)
	}
	if !slices.Equal(plan.Steps[2].Codes, []string{"4.2", "1.3", "2.4"}) {
		t.Errorf("codes of step 3 = %v", plan.Steps[2].Codes)
	}
	got := strings.ReplaceAll(strings.Join(plan.Sentences(3), "\n"), "\u00a0", " ")
	wantText := "Nếu khắc phục tiêu chí 4.2 (2,25 điểm), Chỉ số đạt 83,65 %, xếp thứ 6/10.\n" +
		"Nếu khắc phục tiêu chí 4.2 và 1.3 (2,75 điểm), Chỉ số đạt 84,15 %, xếp thứ 5/10.\n" +
		"Nếu khắc phục tiêu chí 4.2, 1.3 và 2.4 (3,75 điểm), Chỉ số đạt 85,15 %, xếp thứ 4/10."
	if got != wantText {
		t.Errorf("Sentences:\n%s\nwant\n%s", got, wantText)
	}
}

// The first of the group has nowhere to climb: the plan still orders its
// lost criteria, and the one sentence says the rank stays.
func TestFixFirstTopUnitAndUnknownUnit(t *testing.T) {
	rs, f, sheets := demoGroup(t, 2022)
	plan, ok := data.FixFirst(f, rs, "TPCB", sheets["TPCB"])
	if !ok || plan.Rank != 1 || len(plan.Steps) == 0 {
		t.Fatalf("TPCB: ok %v rank %d, %d steps", ok, plan.Rank, len(plan.Steps))
	}
	ss := plan.Sentences(3)
	if len(ss) != 1 || !strings.Contains(ss[0], "giữ nguyên thứ hạng") || !strings.Contains(ss[0], "xếp thứ\u00a01/10") {
		t.Errorf("TPCB sentences = %q", ss)
	}
	if _, ok := data.FixFirst(f, rs, "KHONGCO", nil); ok {
		t.Error("a unit outside the ranking has a plan")
	}
}

// Equal indexes share a rank: reaching another unit's index ties with it,
// passing it moves ahead.
func TestFixFirstTies(t *testing.T) {
	f := &data.Framework{Year: 2022, Areas: []data.Criterion{{Code: "1", Title: "Lĩnh vực", Children: []data.Criterion{
		{Code: "1.1", Title: "A", Max: data.P(5, 0)},
		{Code: "1.2", Title: "B", Max: data.P(5, 0)},
	}}}}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	sheet := func(unit string, a, b data.Points) *data.Sheet {
		s := data.NewSheet(2022, unit)
		s.Scores["1.1"] = data.Score{Appraised: &a}
		s.Scores["1.2"] = data.Score{Appraised: &b}
		return s
	}
	sheets := map[string]*data.Sheet{
		"X": sheet("X", data.P(5, 0), data.P(3, 0)), // 80 %
		"Y": sheet("Y", data.P(3, 0), data.P(4, 0)), // 70 %: 1.1 gives 90 %, 1.2 gives 80 %
	}
	rs := data.RankGroup(f, []data.Unit{{Code: "X", Name: "X"}, {Code: "Y", Name: "Y"}}, sheets)
	plan, _ := data.FixFirst(f, rs, "Y", sheets["Y"])
	// 1.2 (1 point) ties X: rank 1 shared, 1 rank for 1 point; 1.1 (2
	// points) passes X: 1 rank for 2 points.
	if s := plan.Steps[0]; s.Criterion.Code != "1.2" || s.Rank != 1 || s.Index != 8000 {
		t.Errorf("first step = %s → %s %% thứ %d, want 1.2 → 80,00 %% thứ 1", s.Criterion.Code, s.Index, s.Rank)
	}
}
