package reports

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// The scorecard of a closed appraisal prints each explanation with the
// appraisal it answered, the decision with its reason and the final
// points, and the head of the unit's rating from the index band.
func TestScorecardPrintsExplanationsAndHeadRating(t *testing.T) {
	in := noticeInput() // area 3 explained (20), accepted and raised to 22
	in.Appraisal.Explanations["1"] = data.Explanation{Text: "Kế hoạch kiểm tra lồng ghép trong kế hoạch CCHC", Appraised: data.P(15, 0),
		Decision: data.DecisionRefused, Reason: "Không có kế hoạch kiểm tra riêng"}
	e := in.Appraisal.Explanations["3"]
	e.Evidence, e.Reason = "Báo cáo 17/BC-UBND", "Số liệu trễ hẹn đã được rà soát lại"
	in.Appraisal.Explanations["3"] = e
	in.Appraisal.Dates[data.StatusFinal] = time.Date(2023, 6, 20, 0, 0, 0, 0, time.Local)
	f := in.Framework
	sc := ScorecardInput{Office: in.Office, Date: in.Date, Created: fixedTime, Framework: f, Sheet: in.Sheet,
		Result: data.Evaluate(f, in.Unit, in.Sheet), Appraisal: in.Appraisal}
	pdf := renderScorecard(t, sc)
	pdftest.Debug(t, "scorecard-loop.pdf", pdf)
	raw := rawText(t, pdf)
	for _, want := range []string{
		"Giải trình và thẩm định lại",
		"Trạng thái thẩm định: Chốt (ngày 20/06/2023).",
		"1 Kế hoạch kiểm tra lồng ghép trong kế hoạch CCHC 16,00 15,00 Không chấp nhận: Không có kế hoạch kiểm tra riêng 15,00",
		"3 Đã giải quyết đúng hạn (tài liệu kiểm chứng: Báo cáo 17/BC-UBND) 23,00 20,00 Chấp nhận: Số liệu trễ hẹn đã được rà soát lại 22,00",
		// 81,40 + 2 accepted = 83,40: Khá, its head "hoàn thành nhiệm vụ".
		"Chỉ số cải cách hành chính: 83,40 %; xếp loại: Khá.",
		"Mức độ hoàn thành nhiệm vụ của người đứng đầu về công tác cải cách hành chính: hoàn thành nhiệm vụ.",
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("missing %q in\n%s", want, raw)
		}
	}
	pdftest.CheckFlow(t, "scorecard-loop", pdf, pdftest.Flow{Headings: []*regexp.Regexp{regexp.MustCompile(`^Giải trình và thẩm định lại$`), regexp.MustCompile(`^Kết quả$`)}})

	// A sheet entered without the loop prints no such section.
	sc.Appraisal = &data.Appraisal{}
	if raw := rawText(t, renderScorecard(t, sc)); strings.Contains(raw, "Giải trình và thẩm định lại") {
		t.Error("a sheet never submitted prints the loop's section")
	}
}
