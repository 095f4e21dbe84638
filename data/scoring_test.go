package data

import (
	"fmt"
	"strings"
	"testing"
)

// Example A: Nguyên Bình 2022 reproduces the published 81,40 % and the seven
// area ratings exactly.
func TestEvaluateExampleA(t *testing.T) {
	f := exampleAFramework(2022)
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	if f.Max() != P(100, 0) {
		t.Fatalf("framework max %s, want 100", f.Max())
	}
	r := Evaluate(f, Unit{Code: "NB", Name: "Nguyên Bình"}, sheetOf(f, "NB", exampleAPoints...))
	if r.Total != P(81, 40) || r.Total.String() != "81,40" {
		t.Errorf("total %s, want 81,40", r.Total)
	}
	if r.Index.String() != "81,40" {
		t.Errorf("index %s %%, want 81,40 %%", r.Index)
	}
	want := []string{"Tốt", "Tốt", "Khá", "Trung bình", "Khá", "Khá", "Khá"}
	for i, a := range r.Areas {
		if a.Rating != want[i] {
			t.Errorf("area %s %q: %s/%s = %s %% rated %q, want %q", a.Code, a.Title, a.Points, a.Max, a.Percent, a.Rating, want[i])
		}
	}
	if r.Rating != "Khá" {
		t.Errorf("index rating %q, want Khá", r.Rating)
	}
}

func TestEvaluateSurveyBonusPenaltyAndPublished(t *testing.T) {
	f := &Framework{Year: 2023, Areas: []Criterion{
		{Code: "1", Title: "Chỉ đạo", Max: P(60, 0)},
		{Code: "DT", Title: "Điều tra xã hội học", Kind: KindSurvey, Max: P(40, 0)},
		{Code: "T", Title: "Điểm thưởng", Kind: KindBonus, Max: P(2, 0)},
		{Code: "TR", Title: "Điểm trừ", Kind: KindPenalty, Max: P(5, 0)},
	}}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	if f.Max() != P(100, 0) {
		t.Fatalf("max %s: bonus and penalty must not count", f.Max())
	}
	pts := func(p Points) *Points { return &p }
	s := NewSheet(2023, "U")
	s.Scores["1"] = Score{Appraised: pts(P(50, 0))}
	s.Scores["DT"] = Score{Appraised: pts(P(35, 24))}
	s.Scores["T"] = Score{Appraised: pts(P(1, 50))}
	s.Scores["TR"] = Score{Appraised: pts(P(0, 75))}
	r := Evaluate(f, Unit{Code: "U"}, s)
	if want := P(50+35+1, 24+50-75); r.Total != want {
		t.Errorf("total %s, want %s", r.Total, want)
	}
	// Bonus never lifts the index above 100.
	s.Scores["1"] = Score{Appraised: pts(P(60, 0))}
	s.Scores["DT"] = Score{Appraised: pts(P(40, 0))}
	s.Scores["TR"] = Score{}
	if r := Evaluate(f, Unit{Code: "U"}, s); r.Total != P(100, 0) || r.Index.String() != "100,00" {
		t.Errorf("capped total %s index %s, want 100", r.Total, r.Index)
	}
	// Example C: the published total stands even when the parts differ.
	pub := P(86, 26)
	s.Published = &pub
	if r := Evaluate(f, Unit{Code: "U"}, s); r.Total != pub || !r.Published || r.Index.String() != "86,26" {
		t.Errorf("published: total %s index %s published %v", r.Total, r.Index, r.Published)
	}
}

func TestRankTiesShareAndSkip(t *testing.T) {
	idx := []Percent{8000, 9000, 8000, 7000, 9500}
	var rs []Result
	for i, p := range idx {
		rs = append(rs, Result{Unit: Unit{Code: fmt.Sprint("U", i)}, Index: p})
	}
	Rank(rs)
	got := ""
	for _, r := range rs {
		got += fmt.Sprintf("%s:%d ", r.Unit.Code, r.Rank)
	}
	if want := "U4:1 U1:2 U0:3 U2:3 U3:5 "; got != want {
		t.Errorf("ranks %q, want %q", got, want)
	}
}

// Example B: Đức Nghĩa moved from rank 7 to rank 3: "tăng 4 bậc".
func TestRankChangeExampleB(t *testing.T) {
	cases := []struct {
		prev, cur int
		want      string
	}{
		{7, 3, "tăng 4 bậc"}, {3, 5, "giảm 2 bậc"}, {4, 4, "giữ nguyên"}, {0, 2, ""},
	}
	for _, c := range cases {
		r := Result{Rank: c.cur, PrevRank: c.prev}
		if got := r.RankChangeLabel(); got != c.want {
			t.Errorf("%d→%d: %q, want %q", c.prev, c.cur, got, c.want)
		}
	}
}

// A group of ten units where example A's unit ranks 8th and another moves
// from 7th (Khá) to 3rd (Tốt) the next year, as in examples A and B.
func TestRankGroupWithPreviousYear(t *testing.T) {
	f22, f23 := exampleAFramework(2022), exampleAFramework(2023)
	var units []Unit
	s22, s23 := map[string]*Sheet{}, map[string]*Sheet{}
	// Totals chosen so that 2022 ranks are 1..10 by code order and example A
	// is the 8th; in 2023 unit U7 jumps to 3rd.
	totals22 := []int64{95, 93, 91, 89, 87, 85, 83, 0, 79, 77}
	totals23 := []int64{96, 94, 80, 89, 87, 85, 92, 82, 79, 77}
	for i := range totals22 {
		u := Unit{Code: fmt.Sprintf("U%d", i+1), Name: fmt.Sprintf("Đơn vị %d", i+1)}
		units = append(units, u)
		if i == 7 {
			s22[u.Code] = sheetOf(f22, u.Code, exampleAPoints...)
		} else {
			s22[u.Code] = spread(f22, u.Code, totals22[i])
		}
		s23[u.Code] = spread(f23, u.Code, totals23[i])
	}
	prev := RankGroup(f22, units, s22)
	cur := RankGroup(f23, units, s23)
	SetPrevious(cur, prev)
	find := func(rs []Result, code string) Result {
		for _, r := range rs {
			if r.Unit.Code == code {
				return r
			}
		}
		t.Fatalf("%s not ranked", code)
		return Result{}
	}
	if a := find(prev, "U8"); a.Rank != 8 || a.Index.String() != "81,40" {
		t.Errorf("example A unit: rank %d index %s, want 8 and 81,40", a.Rank, a.Index)
	}
	b := find(cur, "U7")
	if b.PrevRank != 7 || b.Rank != 3 || b.RankChangeLabel() != "tăng 4 bậc" {
		t.Errorf("example B unit: %d→%d %q", b.PrevRank, b.Rank, b.RankChangeLabel())
	}
	if bp := find(prev, "U7"); bp.Rating != "Khá" || b.Rating != "Tốt" {
		t.Errorf("example B ratings %q → %q, want Khá → Tốt", bp.Rating, b.Rating)
	}
}

// spread gives a unit the same percentage in every area so its total is
// exactly total points of a 100-point framework.
func spread(f *Framework, unit string, total int64) *Sheet {
	s := NewSheet(f.Year, unit)
	f.Leaves(func(_, l *Criterion) {
		p := Points(int64(l.Max) * total / 100)
		s.Scores[l.Code] = Score{Appraised: &p}
	})
	return s
}

func TestScoreOutOfRangeNamesCriterionAndMax(t *testing.T) {
	f := exampleAFramework(2022)
	c := f.Find("1.1")
	for _, in := range []string{"17", "abc", "4,999", "-1"} {
		_, err := ParseScore(c, in)
		if err == nil {
			t.Fatalf("%q accepted", in)
		}
		msg := err.Error()
		if !strings.Contains(msg, "1.1") || !strings.Contains(msg, "16") {
			t.Errorf("%q: message %q does not name criterion 1.1 and its max 16", in, msg)
		}
	}
	if p, err := ParseScore(c, "15,5"); err != nil || p != P(15, 50) {
		t.Errorf("15,5: %v %v", p, err)
	}
}

func TestLostPoints(t *testing.T) {
	f := exampleAFramework(2022)
	units := []Unit{{Code: "A"}, {Code: "B"}}
	sheets := map[string]*Sheet{
		"A": sheetOf(f, "A", exampleAPoints...),
		"B": sheetOf(f, "B", P(16, 0), P(13, 0), P(24, 0), P(8, 0), P(17, 0), P(7, 0), P(13, 0)),
	}
	lp := LostPoints(f, units, sheets)
	// Most lost first: 7.1 (4,5 + 1), 3.1 (5 + 1), 4.1 (3), ...
	if lp[0].Code != "3.1" || lp[0].Lost != P(6, 0) || len(lp[0].Units) != 2 {
		t.Errorf("first lost criterion %+v", lp[0])
	}
	if lp[1].Code != "7.1" || lp[1].Lost != P(5, 50) || lp[1].Units[0].Unit.Code != "A" {
		t.Errorf("second lost criterion %+v", lp[1])
	}
	var sum Points
	for _, l := range lp {
		sum += l.Lost
	}
	if sum != P(18, 60)+P(2, 0) {
		t.Errorf("total lost %s, want 18,60 + 2 = 20,60", sum)
	}
}

func TestFrameworkValidate(t *testing.T) {
	f := exampleAFramework(2022)
	f.Areas[2].Children[0].Max = 0
	if err := f.Validate(); err == nil || !strings.Contains(err.Error(), "3.1") {
		t.Errorf("zero max accepted or not named: %v", err)
	}
	f = exampleAFramework(2022)
	f.Areas[1].Children[0].Code = "1.1"
	if err := f.Validate(); err == nil || !strings.Contains(err.Error(), "trùng") {
		t.Errorf("duplicate code: %v", err)
	}
	f = exampleAFramework(2022)
	f.Areas[0].Max = P(99, 0) // parent max is derived from its leaves
	if err := f.Validate(); err != nil || f.Areas[0].Max != P(16, 0) {
		t.Errorf("parent max %s err %v", f.Areas[0].Max, err)
	}
}

func BenchmarkScore3500Units120Criteria(b *testing.B) {
	f := &Framework{Year: 2025}
	for a := 0; a < 8; a++ {
		area := Criterion{Code: itoa(a + 1), Title: "Lĩnh vực"}
		for c := 0; c < 15; c++ {
			area.Children = append(area.Children, Criterion{Code: fmt.Sprintf("%d.%d", a+1, c+1), Title: "Tiêu chí", Max: P(1, 0)})
		}
		f.Areas = append(f.Areas, area)
	}
	if err := f.Validate(); err != nil {
		b.Fatal(err)
	}
	units := make([]Unit, 3500)
	sheets := make(map[string]*Sheet, len(units))
	for i := range units {
		units[i] = Unit{Code: fmt.Sprint("U", i)}
		sheets[units[i].Code] = spread(f, units[i].Code, int64(i%100))
	}
	b.ResetTimer()
	for b.Loop() {
		rs := RankGroup(f, units, sheets)
		if len(rs) != len(units) {
			b.Fatal(len(rs))
		}
	}
}
