package data

import (
	"strings"
	"testing"
	"time"
)

// loopFramework: two scored leaves, a survey component and a bonus item.
func loopFramework() *Framework {
	return &Framework{Year: 2023, Areas: []Criterion{
		{Code: "1", Title: "Chỉ đạo, điều hành", Children: []Criterion{
			{Code: "1.1", Title: "Kế hoạch CCHC", Max: P(4, 0)},
			{Code: "1.2", Title: "Báo cáo CCHC", Max: P(3, 0)},
		}},
		{Code: "DT", Title: "Điều tra xã hội học", Kind: KindSurvey, Max: P(30, 0)},
		{Code: "T", Title: "Điểm thưởng", Kind: KindBonus, Max: P(2, 0)},
	}}
}

func pp(s string) *Points {
	p, err := ParsePoints(s)
	if err != nil {
		panic(err)
	}
	return &p
}

func TestStatusOrderAndLabels(t *testing.T) {
	want := []string{"Chưa nộp", "Đã nộp", "Đã thẩm định", "Giải trình", "Thẩm định lại", "Chốt"}
	for i, s := range Statuses {
		if s.Label() != want[i] {
			t.Errorf("status %d labelled %q, want %q", i, s.Label(), want[i])
		}
		if got, err := ParseStatus(Fold(want[i])); err != nil || got != s {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", Fold(want[i]), got, err, s)
		}
	}
	if n, ok := StatusDraft.Next(); !ok || n != StatusSubmitted {
		t.Errorf("after chưa nộp comes %q", n)
	}
	if _, ok := StatusFinal.Next(); ok {
		t.Error("chốt has a next step")
	}
	if _, ok := StatusDraft.Prev(); ok {
		t.Error("chưa nộp has a step back")
	}
	_, err := ParseStatus("xong")
	if err == nil || !strings.Contains(err.Error(), "Chưa nộp, Đã nộp, Đã thẩm định, Giải trình, Thẩm định lại, Chốt") {
		t.Errorf("unknown status: %v, want the allowed values named", err)
	}
}

func TestCheckStep(t *testing.T) {
	f := loopFramework()
	day := time.Date(2024, 3, 4, 0, 0, 0, 0, time.Local)
	full := &Sheet{Year: 2023, Unit: "HA", Scores: map[string]Score{
		"1.1": {Self: pp("4"), Appraised: pp("3")},
		"1.2": {Self: pp("3"), Appraised: pp("3")},
	}}
	selfOnly := &Sheet{Year: 2023, Unit: "HA", Scores: map[string]Score{
		"1.1": {Self: pp("4")}, "1.2": {Self: pp("3")},
	}}
	half := &Sheet{Year: 2023, Unit: "HA", Scores: map[string]Score{"1.1": {Self: pp("4")}}}
	// 1.2 answered "không áp dụng" by the unit, then by the office: an
	// answer like any other, never a missing score.
	notApplicable := &Sheet{Year: 2023, Unit: "HA", Scores: map[string]Score{
		"1.1": {Self: pp("4"), Appraised: pp("3")}, "1.2": {SelfNA: true, AppraisedNA: true},
	}}
	selfNA := &Sheet{Year: 2023, Unit: "HA", Scores: map[string]Score{
		"1.1": {Self: pp("4"), Appraised: pp("3")}, "1.2": {SelfNA: true},
	}}
	undecided := map[string]Explanation{"1.1": {Text: "Đã ban hành kế hoạch đúng hạn", Appraised: P(3, 0)}}
	decided := map[string]Explanation{"1.1": {Text: "Đã ban hành", Appraised: P(3, 0), Decision: DecisionRefused, Reason: "Ban hành muộn"}}
	for _, c := range []struct {
		name   string
		s      *Sheet
		a      Appraisal
		to     SheetStatus
		reason string
		want   string // "" allowed, else a part of the refusal
	}{
		{"submit a complete self-assessment", selfOnly, Appraisal{}, StatusSubmitted, "", ""},
		{"submit with a criterion missing", half, Appraisal{}, StatusSubmitted, "", "chưa tự đánh giá tiêu chí 1.2"},
		{"skip a step", selfOnly, Appraisal{}, StatusAppraised, "", "mỗi lần chỉ tiến một bước"},
		{"appraise with a criterion missing", selfOnly, Appraisal{Status: StatusSubmitted, Deadline: day}, StatusAppraised, "", "chưa có điểm thẩm định ở tiêu chí 1.1, 1.2"},
		{"appraise without a deadline", full, Appraisal{Status: StatusSubmitted}, StatusAppraised, "", "Hạn giải trình"},
		{"appraise", full, Appraisal{Status: StatusSubmitted, Deadline: day}, StatusAppraised, "", ""},
		{"submit with a criterion not applicable", notApplicable, Appraisal{}, StatusSubmitted, "", ""},
		{"appraise a criterion not applicable", notApplicable, Appraisal{Status: StatusSubmitted, Deadline: day}, StatusAppraised, "", ""},
		{"appraise leaving the unit's không áp dụng unanswered", selfNA, Appraisal{Status: StatusSubmitted, Deadline: day}, StatusAppraised, "", "chưa có điểm thẩm định ở tiêu chí 1.2"},
		{"explanations in", full, Appraisal{Status: StatusAppraised, Deadline: day, Explanations: undecided}, StatusExplaining, "", ""},
		{"re-appraise with one undecided", full, Appraisal{Status: StatusExplaining, Explanations: undecided}, StatusReappraised, "", "ở tiêu chí 1.1 chưa có quyết định"},
		{"re-appraise", full, Appraisal{Status: StatusExplaining, Explanations: decided}, StatusReappraised, "", ""},
		{"close", full, Appraisal{Status: StatusReappraised, Explanations: decided}, StatusFinal, "", ""},
		{"beyond chốt", full, Appraisal{Status: StatusFinal}, StatusFinal, "", "không chuyển sang «Chốt»"},
		{"undo without a reason", full, Appraisal{Status: StatusFinal}, StatusReappraised, "  ", "Lý do trả lại bước «Chốt»"},
		{"undo with a reason", full, Appraisal{Status: StatusFinal}, StatusReappraised, "Sửa điểm 1.2 theo kết luận", ""},
		{"undo two steps", full, Appraisal{Status: StatusFinal}, StatusExplaining, "lý do", "mỗi lần chỉ tiến một bước"},
	} {
		c.a.Year, c.a.Unit = 2023, "HA"
		err := CheckStep(f, c.s, &c.a, c.to, c.reason)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: got %v, want a refusal saying %q", c.name, err, c.want)
		}
	}
}

func TestEditableByStatus(t *testing.T) {
	for _, c := range []struct {
		s                                SheetStatus
		self, appraised, explain, decide bool
	}{
		{StatusDraft, true, true, false, false},
		{StatusSubmitted, false, true, false, false},
		{StatusAppraised, false, true, true, false},
		{StatusExplaining, false, true, true, true},
		{StatusReappraised, false, true, false, true},
		{StatusFinal, false, false, false, false},
	} {
		got := [4]bool{SelfEditable(c.s), AppraisedEditable(c.s), ExplanationEditable(c.s), DecisionEditable(c.s)}
		if got != [4]bool{c.self, c.appraised, c.explain, c.decide} {
			t.Errorf("%s: self, appraised, explanation, decision editable %v", c.s.Label(), got)
		}
	}
}

func TestExplanationAndDecisionRules(t *testing.T) {
	f := loopFramework()
	s := &Sheet{Year: 2023, Unit: "HA", Scores: map[string]Score{
		"1.1": {Self: pp("4"), Appraised: pp("3")},
		"1.2": {Self: pp("3"), Appraised: pp("3")},
	}}
	a := &Appraisal{Year: 2023, Unit: "HA", Status: StatusAppraised}
	if err := CheckExplanation(f.Find("1.1"), s, a, Explanation{Text: "Kế hoạch ban hành ngày 05/01"}); err != nil {
		t.Errorf("explanation of a marked-down criterion refused: %v", err)
	}
	if err := CheckExplanation(f.Find("1.2"), s, a, Explanation{Text: "x"}); err == nil || !strings.Contains(err.Error(), "1.2") {
		t.Errorf("explanation of a criterion appraised as claimed: %v", err)
	}
	if err := CheckExplanation(f.Find("1.1"), s, a, Explanation{Text: " "}); err == nil || !strings.Contains(err.Error(), "nội dung giải trình chưa nhập") {
		t.Errorf("empty explanation: %v", err)
	}
	a.Status = StatusReappraised
	if err := CheckExplanation(f.Find("1.1"), s, a, Explanation{Text: "x"}); ErrorCode(err) != ECONFLICT {
		t.Errorf("explanation after the re-appraisal: %v", err)
	}
	a.Status = StatusExplaining
	a.Explanations = map[string]Explanation{"1.1": {Text: "x", Appraised: P(3, 0)}}
	leaf := f.Find("1.1")
	for _, c := range []struct {
		d      Decision
		reason string
		final  Points
		want   string
	}{
		{DecisionAccepted, "", P(4, 0), ""},
		{DecisionRefused, "Kế hoạch ban hành sau hạn", P(3, 0), ""},
		{DecisionRefused, "", P(3, 0), "Lý do không chấp nhận"},
		{DecisionNone, "", P(3, 0), "chọn «Chấp nhận» hoặc «Không chấp nhận»"},
		{DecisionAccepted, "", P(4, 50), "tối đa 4 điểm"},
	} {
		err := CheckDecision(leaf, a, c.d, c.reason, c.final)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("decision %s %q %s: %v, want %q", c.d.Label(), c.reason, c.final, err, c.want)
		}
	}
	if err := CheckDecision(f.Find("1.2"), a, DecisionAccepted, "", P(3, 0)); err == nil {
		t.Error("decision on a criterion not explained was taken")
	}
}

func TestDisputedAndCounts(t *testing.T) {
	f := loopFramework()
	s := &Sheet{Scores: map[string]Score{
		"1.1": {Self: pp("4"), Appraised: pp("3,5")},
		"1.2": {Self: pp("2"), Appraised: pp("3")},
		"DT":  {Appraised: pp("20")},
	}}
	var codes []string
	for _, c := range Disputed(f, s) {
		codes = append(codes, c.Code)
	}
	if strings.Join(codes, " ") != "1.1" {
		t.Errorf("disputed %v, want only 1.1", codes)
	}
	var list []SheetStatus
	for range 7 {
		list = append(list, StatusDraft)
	}
	list = append(list, StatusExplaining, StatusExplaining, StatusFinal, StatusExplaining)
	if got := StatusCounts(list); got != "7 đơn vị chưa nộp, 3 đang giải trình, 1 đã chốt" {
		t.Errorf("counts %q", got)
	}
	if got := StatusCounts(nil); got != "" {
		t.Errorf("counts of no unit %q", got)
	}
}

func TestHeadRating(t *testing.T) {
	for band, want := range map[string]string{
		"Tốt": "Hoàn thành tốt nhiệm vụ", "Khá": "Hoàn thành nhiệm vụ",
		"Trung bình": "Hoàn thành nhiệm vụ nhưng còn hạn chế", "Yếu": "Không hoàn thành nhiệm vụ",
		"Xuất sắc": "Hoàn thành xuất sắc nhiệm vụ", "Nhóm A": "Nhóm A", "": "",
	} {
		if got := HeadRating(band); got != want {
			t.Errorf("head of a unit rated %q: %q, want %q", band, got, want)
		}
	}
	// Example A: Nguyên Bình's 81,40 % is Khá, its head "Hoàn thành nhiệm vụ".
	f := exampleAFramework(2022)
	r := Evaluate(f, Unit{Code: "NB"}, sheetOf(f, "NB", exampleAPoints...))
	if got := HeadRating(r.Rating); got != "Hoàn thành nhiệm vụ" {
		t.Errorf("example A's head %q", got)
	}
}
