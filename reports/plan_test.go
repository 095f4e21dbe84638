package reports

import (
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// planFixture is the demo's 2024 plan with three visits on the demo
// checklist.
func planFixture(t testing.TB) PlanInput {
	t.Helper()
	rec := visitFixture(t)
	day := func(m, d int) time.Time { return time.Date(2024, time.Month(m), d, 0, 0, 0, 0, time.Local) }
	lead := rec.Visit.Team
	other := []data.Member{{Name: "Lương Văn Hùng", Title: "Trưởng phòng Cải cách hành chính, Trưởng đoàn"}, lead[1]}
	visits := []data.Visit{
		{ID: "2024-01", Year: 2024, Unit: "NBI", Date: day(3, 16), Team: lead, Template: rec.Template.ID, TemplateVersion: 1},
		{ID: "2024-02", Year: 2024, Unit: "HQU", Date: day(4, 20), Team: other, Template: rec.Template.ID, TemplateVersion: 1},
		{ID: "2024-03", Year: 2024, Unit: "HAN", Date: day(5, 25), Team: lead, Template: rec.Template.ID, TemplateVersion: 1},
	}
	return PlanInput{
		Office:    demo.Office(),
		Plan:      demo.InspectionPlan(),
		Visits:    visits,
		Units:     map[string]string{"NBI": "Huyện Nguyên Bình", "HQU": "Huyện Hà Quảng", "HAN": "Huyện Hòa An"},
		Templates: []data.Template{rec.Template},
		Created:   fixedTime,
	}
}

func TestPlanPrintsRecordAndVisits(t *testing.T) {
	in := planFixture(t)
	pdf, err := Plan(in)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Debug(t, "ke-hoach-kiem-tra.pdf", pdf)
	text := spaced(strings.Join(pdftest.Pages(t, pdf), "\n"))
	inOrder(t, "plan", text, []string{
		"UBND TỈNH CAO BẰNG", "SỞ NỘI VỤ",
		"Số: 15/KH-SNV", "Cao Bằng, ngày 15 tháng 01 năm 2024",
		"KẾ HOẠCH", "Kiểm tra công tác cải cách hành chính năm 2024",
		"I. MỤC ĐÍCH, YÊU CẦU", "- Đánh giá tình hình, kết quả thực hiện nhiệm vụ cải cách hành chính năm 2024",
		"II. NỘI DUNG KIỂM TRA", "(mẫu MC-CCHC, phiên bản 1), gồm 22 nội dung", "1. Công khai thủ tục hành chính (3 nội dung);",
		"7. Tiếp nhận, xử lý phản ánh, kiến nghị, khiếu nại (3 nội dung).",
		"III. ĐƠN VỊ, THỜI GIAN KIỂM TRA", "làm việc tại 3 đơn vị theo lịch sau:",
		"IV. THÀNH PHẦN ĐOÀN KIỂM TRA", "- Hoàng Thị Lan, Phó Giám đốc Sở Nội vụ, Trưởng đoàn;", "- Nông Thị Hà", "- Lương Văn Hùng",
		"V. TỔ CHỨC THỰC HIỆN", "- Phòng Cải cách hành chính chủ trì",
		"Nơi nhận:", "GIÁM ĐỐC", "Nông Văn Thành",
	})
	if strings.Count(text, "Nông Thị Hà") != 1 {
		t.Errorf("a member on several teams is listed %d times", strings.Count(text, "Nông Thị Hà"))
	}

	// The table: number 30-41, unit 41-115, date 115-145, leader 145-195
	// mm.
	pages := pdftest.Layout(t, pdf)
	var units, dates, leaders []string
	for _, v := range in.Visits {
		units = append(units, in.Units[v.Unit])
		dates = append(dates, data.FormatDate(v.Date))
		leaders = append(leaders, v.Leader().Name)
	}
	inOrder(t, "unit column", column(pages, 41, 114), append([]string{"Đơn vị được kiểm tra"}, units...))
	inOrder(t, "date column", column(pages, 115, 144), append([]string{"Ngày kiểm tra"}, dates...))
	inOrder(t, "leader column", column(pages, 145, 196), append([]string{"Trưởng đoàn"}, leaders...))
}

// A plan without purpose or organisation text leaves those parts out and
// numbers the others on; a plan without a number or date leaves room to
// write them by hand; a plan without visits says the schedule follows.
func TestPlanWithoutTextsOrVisits(t *testing.T) {
	in := planFixture(t)
	in.Plan.Purpose, in.Plan.Organisation, in.Plan.Number, in.Plan.Date = "", "", "", time.Time{}
	in.Visits, in.Templates = nil, nil
	pdf, err := Plan(in)
	if err != nil {
		t.Fatal(err)
	}
	text := spaced(strings.Join(pdftest.Pages(t, pdf), "\n"))
	for _, want := range []string{"Số: /KH-SNV", "Cao Bằng, ngày tháng năm", "I. ĐƠN VỊ, THỜI GIAN KIỂM TRA", "Lịch kiểm tra các đơn vị sẽ được thông báo sau."} {
		if !strings.Contains(text, want) {
			t.Errorf("plan lacks %q", want)
		}
	}
	for _, no := range []string{"MỤC ĐÍCH", "TỔ CHỨC THỰC HIỆN", "THÀNH PHẦN ĐOÀN", "II."} {
		if strings.Contains(text, no) {
			t.Errorf("plan prints %q", no)
		}
	}
}
