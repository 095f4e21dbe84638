package reports

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/reports/pdfdoc"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// visitFixture is a finished visit of Nguyên Bình on the demo checklist:
// items 1.1 and 5.2 failed with notes, 4.4 not applicable, figures for
// the number items, the rest passed; two recommendations.
func visitFixture(t testing.TB) VisitInput {
	t.Helper()
	tpl := demo.InspectionTemplate()
	tpl.Version = 1
	if err := tpl.Validate(); err != nil {
		t.Fatal(err)
	}
	v := data.Visit{
		ID: "2024-01", Year: 2024, Unit: "NBI", Number: "03",
		Date: time.Date(2024, 3, 6, 0, 0, 0, 0, time.Local),
		Team: []data.Member{
			{Name: "Hoàng Thị Lan", Title: "Phó Giám đốc Sở Nội vụ, Trưởng đoàn"},
			{Name: "Nông Thị Hà", Title: "Chuyên viên phòng Cải cách hành chính, thành viên"},
		},
		UnitHead: data.Member{Name: "Bế Văn Tuấn", Title: "Chủ tịch UBND huyện Nguyên Bình"},
		Template: tpl.ID, TemplateVersion: 1,
		Answers:    map[string]data.Answer{},
		Strengths:  "Bộ phận Một cửa bố trí đủ công chức, cơ sở vật chất đáp ứng yêu cầu.",
		Weaknesses: "Bảng niêm yết chưa cập nhật.\nCòn công chức đi muộn.",
		Recommendations: []data.Recommendation{
			{Text: "Rà soát, cập nhật bảng niêm yết thủ tục hành chính", Owner: "Văn phòng HĐND và UBND huyện", Deadline: time.Date(2024, 4, 30, 0, 0, 0, 0, time.Local)},
			{Text: "Chấn chỉnh chấp hành thời gian làm việc", Owner: "Phòng Nội vụ huyện", Deadline: time.Date(2024, 5, 6, 0, 0, 0, 0, time.Local)},
		},
		Finished: true,
	}
	figures := map[string]data.Points{"2.1": data.P(7447, 0), "2.2": data.P(98, 50), "3.2": data.P(72, 0), "4.2": data.P(41, 25), "6.2": data.P(99, 0), "7.3": data.P(27, 0)}
	tpl.Items(func(_ *data.ChecklistSection, it *data.ChecklistItem) {
		a := data.Answer{Outcome: data.Passed}
		switch it.Code {
		case "1.1":
			a = data.Answer{Outcome: data.Failed, Note: "Còn 12 thủ tục đã bãi bỏ chưa gỡ khỏi bảng niêm yết"}
		case "5.2":
			a = data.Answer{Outcome: data.Failed, Note: "01 công chức vắng mặt đầu giờ chiều"}
		case "4.4":
			a = data.Answer{Outcome: data.NotApplicable, Note: "Chưa phát sinh hồ sơ"}
		}
		if p, ok := figures[it.Code]; ok {
			a = data.Answer{Value: &p}
		}
		v.Answers[it.Code] = a
	})
	if err := v.Validate(&tpl); err != nil {
		t.Fatal(err)
	}
	return VisitInput{
		Office:   demo.Office(),
		Unit:     data.Unit{Code: "NBI", Name: "Huyện Nguyên Bình", Kind: data.KindDistrict},
		Visit:    v,
		Template: tpl,
		Plan:     demo.InspectionPlan(),
		Created:  time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC),
	}
}

// column is the text of the words that start between x0 and x1 mm from the
// left edge, page after page, top to bottom: one table column read down,
// whatever the wrapping.
func column(pages []pdftest.Page, x0, x1 float64) string {
	var words []string
	for _, p := range pages {
		ws := slices.Clone(p.Words)
		slices.SortStableFunc(ws, func(a, b pdftest.Word) int {
			if d := a.YMin - b.YMin; d < -2 || d > 2 {
				return int(d)
			}
			return int(a.XMin - b.XMin)
		})
		for _, w := range ws {
			if w.XMin >= pdftest.MM(x0) && w.XMin < pdftest.MM(x1) {
				words = append(words, w.Text)
			}
		}
	}
	return spaced(strings.Join(words, " "))
}

// spaced turns no-break spaces into spaces and runs of spaces into one.
func spaced(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// inOrder checks that each of wants appears in text after the previous one.
func inOrder(t *testing.T, what, text string, wants []string) {
	t.Helper()
	at := 0
	for _, w := range wants {
		w = spaced(w)
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Errorf("%s: %q missing (or out of order) after %q", what, w, text[max(0, at-80):at])
			continue
		}
		at += i + len(w)
	}
}

func TestInspectionRecordPrintsEveryItemAndAnswer(t *testing.T) {
	in := visitFixture(t)
	pdf, err := Inspection(in)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Debug(t, "bien-ban.pdf", pdf)
	text := spaced(strings.Join(pdftest.Pages(t, pdf), "\n"))
	for _, want := range []string{
		"Số: 03/BB-SNV", "Cao Bằng, ngày 06 tháng 3 năm 2024", "BIÊN BẢN",
		"Kiểm tra công tác cải cách hành chính năm 2024 tại huyện Nguyên Bình",
		"Thực hiện Kế hoạch số 15/KH-SNV ngày 15/01/2024 của Sở Nội vụ về kiểm tra công tác cải cách hành chính năm 2024; hôm nay, vào hồi …… giờ …… phút ngày 06 tháng 3 năm 2024, tại trụ sở UBND huyện Nguyên Bình, Đoàn kiểm tra đã tiến hành kiểm tra công tác cải cách hành chính tại huyện Nguyên Bình",
		"Buổi làm việc kết thúc vào hồi …… giờ …… phút cùng ngày.",
		"Hoàng Thị Lan, Phó Giám đốc Sở Nội vụ, Trưởng đoàn", "Bế Văn Tuấn, Chủ tịch UBND huyện Nguyên Bình",
		"kiểm tra 22 nội dung", "13 nội dung đạt, 2 nội dung không đạt, 1 nội dung không áp dụng, 6 nội dung ghi nhận số liệu",
		"Bộ phận Một cửa bố trí đủ công chức", "- Bảng niêm yết chưa cập nhật.", "- Còn công chức đi muộn.",
		"ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA", "TRƯỞNG ĐOÀN KIỂM TRA",
	} {
		if !strings.Contains(text, spaced(want)) {
			t.Errorf("record lacks %q", want)
		}
	}

	// Table columns (mm from the left edge): code 30-41, question 41-121,
	// result 121-145, note 145-195; the tables fill the 165 mm text width.
	pages := pdftest.Layout(t, pdf)
	var codes, questions, results, notes []string
	in.Template.Items(func(s *data.ChecklistSection, it *data.ChecklistItem) {
		a := in.Visit.Answers[it.Code]
		codes = append(codes, it.Code)
		questions = append(questions, it.Question)
		results = append(results, a.Text(it))
		if a.Note != "" {
			notes = append(notes, a.Note)
		}
	})
	inOrder(t, "code column", column(pages, 29, 41), codes)
	inOrder(t, "question column", column(pages, 41, 120), questions)
	inOrder(t, "result column", column(pages, 121, 145), results)
	inOrder(t, "note column", column(pages, 145, 196), notes)
	if !slices.Contains(results, "7.447\u00a0hồ sơ") || !slices.Contains(results, "98,50\u00a0%") {
		t.Errorf("figures not printed the Vietnamese way: %q", results)
	}
	// Recommendations: number 30-41, text 41-128, owner 128-173, deadline
	// 173-195 mm.
	var recs, owners, deadlines []string
	for _, r := range in.Visit.Recommendations {
		recs, owners, deadlines = append(recs, r.Text), append(owners, r.Owner), append(deadlines, data.FormatDate(r.Deadline))
	}
	inOrder(t, "recommendation column", column(pages, 41, 127), recs)
	inOrder(t, "owner column", column(pages, 128, 172), owners)
	inOrder(t, "deadline column", column(pages, 173, 196), deadlines)

	// The signatures sit side by side on the last page, the unit's head at
	// the left and the team leader at the right, under their titles.
	last := pages[len(pages)-1]
	var head, leader pdftest.Word
	for _, w := range last.Words {
		switch w.Text {
		case "Tuấn":
			head = w
		case "Lan":
			leader = w
		}
	}
	mid := pdftest.MM(pdfdoc.MarginLeft + 165.0/2)
	if head.Text == "" || leader.Text == "" || head.XMax > mid || leader.XMin < mid || head.YMin-leader.YMin > 2 || leader.YMin-head.YMin > 2 {
		t.Errorf("signers on the last page: head %+v, leader %+v (middle %.0f pt)", head, leader, mid)
	}
}

func TestBlankChecklistPrintsEveryQuestion(t *testing.T) {
	in := visitFixture(t)
	in.Visit.Answers, in.Visit.Finished = nil, false
	pdf, err := Checklist(in)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Debug(t, "phieu-kiem-tra.pdf", pdf)
	text := spaced(strings.Join(pdftest.Pages(t, pdf), "\n"))
	for _, want := range []string{
		"PHIẾU KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH VÀ HOẠT ĐỘNG CỦA BỘ PHẬN MỘT CỬA",
		"Đơn vị được kiểm tra: Huyện Nguyên Bình", "Thời gian kiểm tra: ngày 06/03/2024",
		"1. Hoàng Thị Lan, Phó Giám đốc Sở Nội vụ, Trưởng đoàn", "2. Nông Thị Hà",
		"Bế Văn Tuấn, Chủ tịch UBND huyện Nguyên Bình", "Mẫu phiếu MC-CCHC, phiên bản 1; đợt kiểm tra số 2024-01",
		"Đạt", "Không đạt", "Không áp dụng", "Số liệu (%):", "Số liệu (hồ sơ):",
		"Nhận xét chung:", "Kiến nghị", "TRƯỞNG ĐOÀN KIỂM TRA", "(Ký, ghi rõ họ tên)",
	} {
		if !strings.Contains(text, spaced(want)) {
			t.Errorf("checklist lacks %q", want)
		}
	}
	for _, no := range []string{"Còn 12 thủ tục", "Rà soát, cập nhật bảng niêm yết"} {
		if strings.Contains(text, no) {
			t.Errorf("blank checklist prints the visit's result %q", no)
		}
	}
	// Question column 41-109 mm: code 11, question, three 14 mm boxes,
	// notes 44 mm.
	pages := pdftest.Layout(t, pdf)
	var questions, checks []string
	in.Template.Items(func(_ *data.ChecklistSection, it *data.ChecklistItem) {
		questions = append(questions, it.Question)
		checks = append(checks, it.Question, "Kiểm tra: "+it.Check)
	})
	inOrder(t, "question column", column(pages, 41, 108), questions)
	inOrder(t, "question column with what to check", column(pages, 41, 108), checks)
}

func TestVisitReportsRefuseAnotherTemplateVersion(t *testing.T) {
	in := visitFixture(t)
	in.Template.Version = 2
	for name, build := range map[string]func(VisitInput) ([]byte, error){"record": Inspection, "checklist": Checklist} {
		if _, err := build(in); err == nil || !strings.Contains(err.Error(), "phiên bản 1") {
			t.Errorf("%s with the wrong template version: %v", name, err)
		}
	}
}

// One visit's record and blank checklist, 22 items, as printed from the
// window.
func BenchmarkInspectionRecord(b *testing.B) {
	in := visitFixture(b)
	for b.Loop() {
		if _, err := Inspection(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBlankChecklist(b *testing.B) {
	in := visitFixture(b)
	for b.Loop() {
		if _, err := Checklist(in); err != nil {
			b.Fatal(err)
		}
	}
}
