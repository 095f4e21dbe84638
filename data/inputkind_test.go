package data

import (
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// kindsFramework is example A's framework with area 1 split into a 13-point
// criterion and a 3-point đạt / không đạt criterion that may not apply, and
// area 3 into 21 points and a 4-point tỷ lệ criterion (100 % → 4; ≥ 80 % →
// 2; below → 0). The framework max stays 100.
func kindsFramework(t *testing.T) *Framework {
	t.Helper()
	f := exampleAFramework(2024)
	f.Areas[0].Children = []Criterion{
		{Code: "1.1", Title: "Ban hành kế hoạch CCHC", Max: P(13, 0)},
		{Code: "1.2", Title: "Tổ chức đối thoại với doanh nghiệp", Max: P(3, 0), Input: InputPassFail, MayNotApply: true},
	}
	f.Areas[2].Children = []Criterion{
		{Code: "3.1", Title: "Công khai thủ tục hành chính", Max: P(21, 0)},
		{Code: "3.2", Title: "Hồ sơ giải quyết đúng hạn", Max: P(4, 0), Input: InputRatio,
			Tiers: []Tier{{Min: 8000, Points: P(2, 0)}, {Min: 0, Points: 0}, {Min: 10000, Points: P(4, 0)}}},
	}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	if f.Max() != P(100, 0) {
		t.Fatalf("framework max %s, want 100", f.Max())
	}
	return f
}

// kindsSheet reads typed appraised values, as the grid does.
func kindsSheet(t *testing.T, f *Framework, unit string, typed map[string]string) *Sheet {
	t.Helper()
	s := NewSheet(f.Year, unit)
	for code, text := range typed {
		v, err := ParseValue(f.Find(code), text)
		if err != nil {
			t.Fatalf("%s %q: %v", code, text, err)
		}
		var sc Score
		sc.SetAppraised(v)
		s.Scores[code] = sc
	}
	if err := s.Validate(f); err != nil {
		t.Fatal(err)
	}
	return s
}

// A unit to which a 3-point criterion does not apply scores 80 of 97:
// 80 / 97 × 100 = 82,474… → 82,47 %; its first area is 12 of 13 = 92,31 %
// (Tốt), where 12 of 16 would be 75 % (Khá).
func TestNotApplicableLeavesTheUnitMax(t *testing.T) {
	f := kindsFramework(t)
	s := kindsSheet(t, f, "U", map[string]string{
		"1.1": "12", "1.2": "KAD", "2.1": "12", "3.1": "16", "3.2": "45/50",
		"4.1": "5", "5.1": "15", "6.1": "5", "7.1": "13",
	})
	if got := s.Appraised("3.2"); got != P(2, 0) {
		t.Fatalf("45/50 = 90 %% gives %s points, want 2 (tier ≥ 80 %%)", got)
	}
	m := UnitMax(f, s)
	if m.Total != P(97, 0) || m.Areas[0] != P(13, 0) || m.Areas[1] != P(13, 0) || !m.Reduced(f) {
		t.Fatalf("unit max %s, area 1 %s, area 2 %s; want 97, 13, 13", m.Total, m.Areas[0], m.Areas[1])
	}
	r := Evaluate(f, Unit{Code: "U"}, s)
	if r.Total != P(80, 0) || r.Max != P(97, 0) || r.Index.String() != "82,47" {
		t.Errorf("total %s of %s = %s %%, want 80 of 97 = 82,47 %%", r.Total, r.Max, r.Index)
	}
	if a := r.Areas[0]; a.Max != P(13, 0) || a.Percent.String() != "92,31" || a.Rating != "Tốt" {
		t.Errorf("area 1: %s of %s = %s %% %s, want 12 of 13 = 92,31 %% Tốt", a.Points, a.Max, a.Percent, a.Rating)
	}
	// The same answers with đạt on 1.2 count against 100.
	s2 := kindsSheet(t, f, "V", map[string]string{"1.1": "12", "1.2": "Không đạt", "2.1": "12", "3.1": "16", "3.2": "45/50",
		"4.1": "5", "5.1": "15", "6.1": "5", "7.1": "13"})
	if r := Evaluate(f, Unit{Code: "V"}, s2); r.Max != P(100, 0) || r.Index.String() != "80,00" {
		t.Errorf("không đạt: %s of %s = %s %%, want 80 of 100 = 80,00 %%", r.Total, r.Max, r.Index)
	}
	// The self side has its own max: the unit claimed đạt.
	sc := s.Scores["1.2"]
	sc.SetSelf(Value{Points: ptr(P(3, 0))})
	s.Scores["1.2"] = sc
	if m := SelfUnitMax(f, s); m.Total != P(100, 0) {
		t.Errorf("self max %s, want 100", m.Total)
	}
	// A criterion not applicable loses nothing.
	for _, lp := range LostPoints(f, []Unit{{Code: "U"}}, map[string]*Sheet{"U": s}) {
		if lp.Code == "1.2" && lp.Lost != 0 {
			t.Errorf("1.2 not applicable lost %s points", lp.Lost)
		}
	}
}

func ptr(p Points) *Points { return &p }

// Ranks and ratings follow the index on each unit's own max: 80 of 97 ties
// with 82,47 of 100; 87,30 of 97 is exactly 90,00 % (Tốt) while 87,30 of
// 100 is Khá.
func TestRankAndRatingOnUnitMaxima(t *testing.T) {
	f := kindsFramework(t)
	// answers: 1.1, 1.2, 2.1, 3.1, 3.2 and 7.1; 4.1 = 5, 5.1 = 15, 6.1 = 5.
	answers := func(unit string, a ...string) *Sheet {
		return kindsSheet(t, f, unit, map[string]string{"1.1": a[0], "1.2": a[1], "2.1": a[2], "3.1": a[3], "3.2": a[4],
			"4.1": "5", "5.1": "15", "6.1": "5", "7.1": a[5]})
	}
	sheets := map[string]*Sheet{
		"A": answers("A", "12", "KAD", "12", "16", "45/50", "13"),          // 12+12+18+5+15+5+13 = 80 of 97 = 82,47
		"B": answers("B", "13", "Không đạt", "13", "16", "45/50", "13,47"), // 13+13+18+5+15+5+13,47 = 82,47 of 100
		"C": answers("C", "12", "Không đạt", "12", "16", "45/50", "13"),    // 80 of 100
		"D": answers("D", "13", "KAD", "13", "21", "40/50", "13,3"),        // 13+13+23+5+15+5+13,3 = 87,30 of 97 = 90,00
		"E": answers("E", "13", "Không đạt", "13", "21", "40/50", "13,3"),  // 87,30 of 100
	}
	units := []Unit{{Code: "A"}, {Code: "B"}, {Code: "C"}, {Code: "D"}, {Code: "E"}}
	rs := RankGroup(f, units, sheets)
	want := []struct {
		unit, index, rating string
		rank                int
	}{{"D", "90,00", "Tốt", 1}, {"E", "87,30", "Khá", 2}, {"A", "82,47", "Khá", 3}, {"B", "82,47", "Khá", 3}, {"C", "80,00", "Khá", 5}}
	for i, w := range want {
		r := rs[i]
		if r.Unit.Code != w.unit || r.Index.String() != w.index || r.Rating != w.rating || r.Rank != w.rank {
			t.Errorf("place %d: %s %s %% %s rank %d, want %s %s %% %s rank %d", i+1, r.Unit.Code, r.Index, r.Rating, r.Rank, w.unit, w.index, w.rating, w.rank)
		}
	}
}

// The tiers at their boundaries: exactly 80 % earns the 80 % tier, just
// below does not even where it prints 80,00 %, 100 % earns the max, and
// counts that make no rate are refused.
func TestTierBoundaries(t *testing.T) {
	f := kindsFramework(t)
	c := f.Find("3.2")
	if got := FormatTiers(c.Tiers); got != "100%=4; 80%=2; 0%=0" {
		t.Errorf("tiers written %q (Validate sorts them highest first)", got)
	}
	for _, tc := range []struct {
		typed, points, rate string
	}{
		{"50/50", "4", "100,00"},
		{"49/50", "2", "98,00"},
		{"40/50", "2", "80,00"},
		{"39/50", "0", "78,00"},
		{"39999/50000", "0", "80,00"},
		{"0/50", "0", "0,00"},
		{"45 / 50 → 9", "2", "90,00"}, // the grid's arrow is worked out again
	} {
		v, err := ParseValue(c, tc.typed)
		if err != nil {
			t.Errorf("%q refused: %v", tc.typed, err)
			continue
		}
		if v.Points.Short() != tc.points || v.Counts.Rate().String() != tc.rate {
			t.Errorf("%q: %s points at %s %%, want %s at %s %%", tc.typed, v.Points.Short(), v.Counts.Rate(), tc.points, tc.rate)
		}
	}
	for _, bad := range []string{"0/0", "51/50", "-1/50", "45", "4,5/5", "abc", "KAD"} {
		_, err := ParseValue(c, bad)
		if err == nil {
			t.Errorf("%q accepted", bad)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "3.2") || !strings.Contains(msg, "45/50") {
			t.Errorf("%q: message %q does not name 3.2 and what it accepts", bad, msg)
		}
	}
	if v, _ := ParseValue(c, "40/50"); FormatValue(c, v, true) != "40/50 → 2" || FormatValue(c, v, false) != "40/50" {
		t.Errorf("40/50 written %q / %q", FormatValue(c, v, true), FormatValue(c, v, false))
	}
}

func TestParsePassFailAndNotApplicable(t *testing.T) {
	f := kindsFramework(t)
	c := f.Find("1.2")
	for in, want := range map[string]string{
		"Đạt": "3", "đạt": "3", norm.NFD.String("ĐẠT"): "3", "Đ": "3", "x": "3", "X": "3", "3": "3",
		"Không đạt": "0", "KĐ": "0", "kd": "0", "0": "0",
	} {
		v, err := ParseValue(c, in)
		if err != nil || v.Points == nil || v.Points.Short() != want {
			t.Errorf("%q: %v %v, want %s points", in, v.Points, err, want)
		}
	}
	for _, in := range []string{"Không áp dụng", "KAD", "kad", norm.NFD.String("không áp dụng")} {
		if v, err := ParseValue(c, in); err != nil || !v.NA || FormatValue(c, v, true) != "KAD" {
			t.Errorf("%q: %+v %v", in, v, err)
		}
	}
	for _, bad := range []string{"1,5", "có lẽ", "4"} {
		_, err := ParseValue(c, bad)
		if err == nil || !strings.Contains(err.Error(), "1.2") || !strings.Contains(err.Error(), "Không đạt") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	// "Không áp dụng" only where the criterion allows it.
	_, err := ParseValue(f.Find("1.1"), "KAD")
	if err == nil || !strings.Contains(err.Error(), "1.1") || !strings.Contains(err.Error(), "số điểm từ 0 đến 13") {
		t.Errorf("KAD on a plain criterion: %v", err)
	}
	if v, _ := ParseValue(c, "Đạt"); FormatValue(c, v, false) != "Đạt" {
		t.Errorf("Đạt written %q", FormatValue(c, v, false))
	}
}

func TestValidateInputKinds(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(c *Criterion)
		want string
	}{
		{"tiers on điểm", func(c *Criterion) { c.Tiers = []Tier{{Min: 0, Points: 1}} }, "chỉ tiêu chí kiểu Tỷ lệ"},
		{"tỷ lệ without tiers", func(c *Criterion) { c.Input = InputRatio }, "chưa có bậc điểm"},
		{"tier above max", func(c *Criterion) { c.Input, c.Tiers = InputRatio, []Tier{{Min: 10000, Points: P(14, 0)}} }, "phải từ 0 đến 13"},
		{"rate above 100", func(c *Criterion) { c.Input, c.Tiers = InputRatio, []Tier{{Min: 10100, Points: 1}} }, "từ 0 đến 100"},
		{"same rate twice", func(c *Criterion) {
			c.Input, c.Tiers = InputRatio, []Tier{{Min: 5000, Points: 1}, {Min: 5000, Points: 2}}
		}, "cùng tỷ lệ 50,00"},
		{"unknown kind", func(c *Criterion) { c.Input = "stars" }, "Đạt/Không đạt"},
	} {
		f := kindsFramework(t)
		tc.edit(f.Find("1.1"))
		err := f.Validate()
		if err == nil || !strings.Contains(err.Error(), "1.1") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want a refusal naming 1.1 with %q", tc.name, err, tc.want)
		}
	}
	// đạt / không đạt needs nothing else; a stored score that is neither is
	// refused on the sheet.
	f := kindsFramework(t)
	f.Find("1.1").Input = InputPassFail
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	s := NewSheet(f.Year, "U")
	s.Scores["1.1"] = Score{Appraised: ptr(P(7, 0))}
	if err := s.Validate(f); err == nil || !strings.Contains(err.Error(), "không phải Đạt hay Không đạt") {
		t.Errorf("7 of 13 on đạt / không đạt: %v", err)
	}
	s.Scores["1.1"] = Score{AppraisedNA: true}
	if err := s.Validate(f); err == nil || !strings.Contains(err.Error(), "có thể không áp dụng") {
		t.Errorf("không áp dụng where not allowed: %v", err)
	}
	// Stored counts get the points of the tiers, whatever was stored.
	s.Scores = map[string]Score{"3.2": {Self: ptr(P(4, 0)), SelfCounts: &Counts{Num: 41, Den: 50}}}
	if err := s.Validate(f); err != nil || *s.Scores["3.2"].Self != P(2, 0) {
		t.Errorf("41/50 stored with 4 points: %v, now %v", err, s.Scores["3.2"].Self)
	}
	s.Scores = map[string]Score{"3.2": {Self: ptr(P(4, 0))}}
	if err := s.Validate(f); err == nil || !strings.Contains(err.Error(), "không kèm số đếm") {
		t.Errorf("points without counts on tỷ lệ: %v", err)
	}
}

// The new fields round-trip through JSON, and a plain score is stored as
// before: old files read as điểm, and stored sizes do not grow.
func TestKindsJSON(t *testing.T) {
	plain := Score{Self: ptr(P(4, 90)), Appraised: ptr(P(4, 50))}
	b, _ := json.Marshal(plain)
	if string(b) != `{"self":490,"appraised":450}` {
		t.Errorf("plain score stored as %s", b)
	}
	sc := Score{SelfNA: true, Appraised: ptr(P(2, 0)), AppraisedCounts: &Counts{Num: 45, Den: 50}}
	b, _ = json.Marshal(sc)
	var back Score
	if err := json.Unmarshal(b, &back); err != nil || !back.Same(sc) {
		t.Errorf("%s read back as %+v (%v)", b, back, err)
	}
	if back.Same(Score{SelfNA: true, Appraised: ptr(P(2, 0)), AppraisedCounts: &Counts{Num: 44, Den: 50}}) {
		t.Error("Same ignores the counts")
	}
	var c Criterion
	if err := json.Unmarshal([]byte(`{"code":"1.1","title":"Cũ","max":300}`), &c); err != nil || c.Input != InputPoints || c.MayNotApply || c.Tiers != nil {
		t.Errorf("an old criterion reads as %+v", c)
	}
	f := &Framework{Areas: []Criterion{{Code: "1", Max: P(4, 0), Input: InputRatio, MayNotApply: true, Tiers: []Tier{{Min: 8000, Points: P(2, 0)}}}}}
	b, _ = json.Marshal(f)
	var fb Framework
	if err := json.Unmarshal(b, &fb); err != nil || fb.Areas[0].Input != InputRatio || !fb.Areas[0].MayNotApply || len(fb.Areas[0].Tiers) != 1 || fb.Areas[0].Tiers[0].Points != P(2, 0) {
		t.Errorf("%s read back as %+v", b, fb.Areas[0])
	}
}

func TestParseTiers(t *testing.T) {
	ts, err := ParseTiers("100%=2; ≥ 80 % = 1,5 ;0=0")
	if err != nil || len(ts) != 3 || ts[1].Min != 8000 || ts[1].Points != P(1, 50) {
		t.Fatalf("%+v %v", ts, err)
	}
	if FormatTiers(ts) != "100%=2; 80%=1,5; 0%=0" {
		t.Errorf("written %q", FormatTiers(ts))
	}
	if ts, _ := ParseTiers("95,5%=1"); FormatTiers(ts) != "95,5%=1" {
		t.Errorf("95,5 %% written %q", FormatTiers(ts))
	}
	for _, bad := range []string{"80%", "120%=1", "80%=x"} {
		if _, err := ParseTiers(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
