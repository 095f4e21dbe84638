package reports

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// noticeInput: example A's Nguyên Bình appraised at its published 81,40,
// having claimed more on areas 1, 3 and 4; area 3 was explained and the
// re-appraisal raised it to 22 since.
func noticeInput() NoticeInput {
	f := exampleA()
	s := sheet(f, "NB", exampleAPoints...)
	selfs := []data.Points{data.P(16, 0), data.P(12, 0), data.P(23, 0), data.P(6, 0), data.P(15, 0), data.P(4, 90), data.P(9, 50)}
	notes := map[string]string{"1": "Chưa ban hành kế hoạch kiểm tra CCHC", "3": "Tỷ lệ hồ sơ trễ hẹn 4,2 %", "4": "Chưa rà soát vị trí việc làm"}
	for i, a := range f.Areas {
		sc := s.Scores[a.Code]
		sc.Self, sc.Note = pts(selfs[i]), notes[a.Code]
		s.Scores[a.Code] = sc
	}
	sc := s.Scores["3"]
	sc.Appraised = pts(data.P(22, 0))
	s.Scores["3"] = sc
	return NoticeInput{
		Office: nguyenBinh(), Number: "18", Date: d(2023, 6, 9), Created: fixedTime,
		Framework: f, Unit: data.Unit{Code: "NB", Name: "Huyện Nguyên Bình"}, Sheet: s,
		Appraisal: &data.Appraisal{Year: 2022, Unit: "NB", Status: data.StatusFinal, Deadline: d(2023, 6, 16),
			Dates: map[data.SheetStatus]time.Time{data.StatusSubmitted: d(2023, 5, 30)},
			Explanations: map[string]data.Explanation{"3": {Text: "Đã giải quyết đúng hạn", Appraised: data.P(20, 0),
				Decision: data.DecisionAccepted}}},
	}
}

func TestNotice(t *testing.T) {
	pdf, err := Notice(noticeInput())
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Debug(t, "notice.pdf", pdf)
	raw := rawText(t, pdf)
	for _, want := range []string{
		"PHÒNG NỘI VỤ", "Số: 18/TB-PNV", "Nguyên Bình, ngày 09 tháng 6 năm 2023",
		"THÔNG BÁO", "Kết quả thẩm định Chỉ số cải cách hành chính năm 2022 của huyện Nguyên Bình",
		"(nộp ngày 30/05/2023)",
		"Tổng điểm tự đánh giá: 86,40/100 điểm.",
		// As notified: area 3 at the 20 the unit answered, not the 22 of
		// the re-appraisal.
		"Tổng điểm thẩm định: 81,40/100 điểm; Chỉ số cải cách hành chính: 81,40 %; xếp loại: Khá.",
		"2. Các tiêu chí có điểm thẩm định thấp hơn điểm tự đánh giá (3 tiêu chí)",
		"1 Công tác chỉ đạo, điều hành 16,00 16,00 15,00 1,00 Chưa ban hành kế hoạch kiểm tra CCHC",
		"3 Cải cách thủ tục hành chính 25,00 23,00 20,00 3,00 Tỷ lệ hồ sơ trễ hẹn 4,2 %",
		"4 Cải cách tổ chức bộ máy 8,00 6,00 5,00 1,00 Chưa rà soát vị trí việc làm",
		"Cộng 5,00",
		"gửi về Phòng Nội vụ trước ngày 16/06/2023",
		"Nơi nhận:", "UBND huyện Nguyên Bình", "TRƯỞNG PHÒNG", "Nông Văn Thành",
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("missing %q in\n%s", want, raw)
		}
	}
	if strings.Contains(raw, "Cải cách thể chế 13,00") {
		t.Error("area 2, appraised as claimed, is listed")
	}
	pdftest.CheckFlow(t, "notice", pdf, pdftest.Flow{Headings: []*regexp.Regexp{regexp.MustCompile(`^\d\. `)}})
}

// No deadline, no notice: the unit must be told by when to explain.
func TestNoticeNeedsDeadline(t *testing.T) {
	in := noticeInput()
	in.Appraisal.Deadline = time.Time{}
	if _, err := Notice(in); err == nil || !strings.Contains(err.Error(), "hạn giải trình") {
		t.Errorf("notice without a deadline: %v", err)
	}
}

// A long notice (60 criteria marked down, long reasons) breaks its pages
// with headings kept with what follows and the closing with the body.
func TestNoticeFlow(t *testing.T) {
	f := &data.Framework{Year: 2023, Title: "Bộ chỉ số CCHC cấp xã năm 2023"}
	s := data.NewSheet(2023, "X")
	for a := 1; a <= 6; a++ {
		area := data.Criterion{Code: fmt.Sprint(a), Title: fmt.Sprintf("Lĩnh vực %d", a)}
		for c := 1; c <= 10; c++ {
			code := fmt.Sprintf("%d.%d", a, c)
			area.Children = append(area.Children, data.Criterion{Code: code, Title: "Tiêu chí thành phần về thực hiện nhiệm vụ cải cách hành chính số " + code, Max: data.P(2, 0)})
			s.Scores[code] = data.Score{Self: pts(data.P(2, 0)), Appraised: pts(data.P(1, 50)),
				Note: "Tài liệu kiểm chứng chưa đầy đủ, chưa có báo cáo kết quả thực hiện theo kế hoạch"}
		}
		f.Areas = append(f.Areas, area)
	}
	in := NoticeInput{Office: nguyenBinh(), Date: d(2024, 3, 4), Created: fixedTime, Framework: f,
		Unit: data.Unit{Code: "X", Name: "Xã Tam Kim"}, Sheet: s,
		Appraisal: &data.Appraisal{Year: 2023, Unit: "X", Status: data.StatusAppraised, Deadline: d(2024, 3, 11)}}
	pdf, err := Notice(in)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Debug(t, "notice-long.pdf", pdf)
	raw := rawText(t, pdf)
	for _, want := range []string{"(60 tiêu chí)", "6.10 Tiêu chí thành phần", "Cộng 30,00", "trước ngày 11/03/2024", "UBND xã Tam Kim"} {
		if !strings.Contains(raw, want) {
			t.Errorf("missing %q", want)
		}
	}
	if n := len(pdftest.Pages(t, pdf)); n < 3 {
		t.Errorf("%d pages, want the table to run over several", n)
	}
	pdftest.CheckFlow(t, "notice-long", pdf, pdftest.Flow{Headings: []*regexp.Regexp{regexp.MustCompile(`^\d\. `)}})
}
