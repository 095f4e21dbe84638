package reports

import (
	"regexp"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// kindsFramework is example A's framework with a 3-point đạt / không đạt
// criterion that may not apply (1.2) and a 4-point tỷ lệ criterion (3.2:
// 100 % → 4; ≥ 80 % → 2); the max stays 100.
func kindsFramework(t *testing.T) *data.Framework {
	t.Helper()
	f := exampleA()
	f.Year = 2024
	f.Areas[0].Children = []data.Criterion{
		{Code: "1.1", Title: "Ban hành kế hoạch CCHC", Max: data.P(13, 0)},
		{Code: "1.2", Title: "Đối thoại với doanh nghiệp", Max: data.P(3, 0), Input: data.InputPassFail, MayNotApply: true},
	}
	f.Areas[2].Children = []data.Criterion{
		{Code: "3.1", Title: "Công khai thủ tục hành chính", Max: data.P(21, 0)},
		{Code: "3.2", Title: "Hồ sơ giải quyết đúng hạn", Max: data.P(4, 0), Input: data.InputRatio,
			Tiers: []data.Tier{{Min: 10000, Points: data.P(4, 0)}, {Min: 8000, Points: data.P(2, 0)}}},
	}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	return f
}

// The scorecard of a unit to which 1.2 does not apply: 80 of 97 =
// 82,47 %; the rate's counts and percentage beside its points; the first
// area against its own max of 13.
func TestScorecardKinds(t *testing.T) {
	f := kindsFramework(t)
	s := data.NewSheet(f.Year, "NB")
	for code, typed := range map[string][2]string{
		"1.1": {"13", "12"}, "1.2": {"Đạt", "KAD"}, "3.1": {"16", "16"}, "3.2": {"47/50", "45/50"},
	} {
		var sc data.Score
		for i, set := range []func(data.Value){sc.SetSelf, sc.SetAppraised} {
			v, err := data.ParseValue(f.Find(code), typed[i])
			if err != nil {
				t.Fatal(err)
			}
			set(v)
		}
		s.Scores[code] = sc
	}
	for code, p := range map[string]data.Points{"2": data.P(12, 0), "4": data.P(5, 0), "5": data.P(15, 0), "6": data.P(5, 0), "7": data.P(13, 0)} {
		s.Scores[code] = data.Score{Self: pts(p), Appraised: pts(p)}
	}
	if err := s.Validate(f); err != nil {
		t.Fatal(err)
	}
	pdf := renderScorecard(t, scorecardInput(f, s, data.Unit{Code: "NB", Name: "Huyện Nguyên Bình"}))
	pdftest.Debug(t, "scorecard-kinds.pdf", pdf)
	text := strings.ReplaceAll(strings.Join(pdftest.Pages(t, pdf), "\n"), "\u00a0", " ")
	flat := strings.Join(strings.Fields(text), " ")
	for _, re := range []string{
		// 1.2: the unit claimed đạt, the council found it not applicable:
		// nothing lost.
		`(?m)^\s*1\.2\s+Đối thoại với doanh nghiệp\s+3,00\s+3,00\s+KAD\s+Thẩm định: Không`,
		// area 1 against 13, the unit's max of it: 12 of 13 = 92,31 %.
		`(?m)^\s*1\s+Công tác chỉ đạo, điều hành\s+13,00\s+16,00\s+12,00\s+1,00\s+Tốt \(92,31 %\)`,
		// 3.2: 47/50 → 2 claimed, 45/50 → 2 appraised.
		`(?m)^\s*3\.2\s+Hồ sơ giải quyết đúng hạn\s+4,00\s+2,00\s+2,00\s+2,00\s*$`,
		`(?m)^\s*Tổng cộng\s+97,00\s+84,00\s+80,00\s+17,00\s+Khá \(82,47 %\)`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("no line matching %s\n%s", re, text)
		}
	}
	for _, want := range []string{
		"Tự đánh giá: Đạt",
		"Thẩm định: 45/50 = 90,00 %",
		"Tự đánh giá: 47/50 = 94,00 %",
		"Tổng điểm đạt được: 80,00/97 điểm (điểm tối đa của đơn vị: 100 điểm của bộ chỉ số trừ 3 điểm của các tiêu chí không áp dụng).",
		"Chỉ số cải cách hành chính: 82,47 %",
		"KAD: tiêu chí không áp dụng đối với đơn vị",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("scorecard does not say %q:\n%s", want, text)
		}
	}
}

// The ranking's note says which units have their own max, against which
// their index is taken.
func TestRankingNotesUnitMaxima(t *testing.T) {
	f := kindsFramework(t)
	na := data.NewSheet(f.Year, "A")
	na.Scores["1.2"] = data.Score{AppraisedNA: true}
	na.Scores["1.1"] = data.Score{Appraised: pts(data.P(13, 0))}
	plain := data.NewSheet(f.Year, "B")
	plain.Scores["1.1"] = data.Score{Appraised: pts(data.P(13, 0))}
	results := data.RankGroup(f, []data.Unit{{Code: "A", Name: "Xã An"}, {Code: "B", Name: "Xã Bình"}}, map[string]*data.Sheet{"A": na, "B": plain})
	pdf, err := Ranking(rankingInput(f, results))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(strings.Join(pdftest.Pages(t, pdf), "\n"), "\u00a0", " ")
	flat := strings.Join(strings.Fields(text), " ")
	// A: 13 of 97 = 13,40 %; B: 13 of 100.
	for _, want := range []string{"Chỉ số = tổng điểm / điểm tối đa của đơn vị × 100 %; điểm tối đa 100, trừ các tiêu chí không áp dụng đối với đơn vị: Xã An: 97.", "13,40"} {
		if !strings.Contains(flat, want) {
			t.Errorf("ranking does not say %q:\n%s", want, text)
		}
	}
}
