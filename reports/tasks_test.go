package reports

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdftest"
)

func d(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.Local) }

// tasksInput is Nguyên Bình's 2024 plan on 01/07/2024: one task due the day
// before (overdue by one day), one due that very day (not overdue), one in
// progress, one done, and a remedy from the 2023 conference.
func tasksInput() TasksInput {
	return TasksInput{
		Office: nguyenBinh(), Number: "45", Date: d(2024, 7, 1), Year: 2024, Created: fixedTime,
		Units:    map[string]string{"TTNB": "Thị trấn Nguyên Bình", "TK": "Xã Tam Kim", "CT": "Xã Ca Thành"},
		AllUnits: 3,
		Tasks: []data.Task{
			{ID: 1, Title: "Giảm hồ sơ trễ hẹn tại Bộ phận một cửa", Year: 2024, PlanKind: data.PlanAnnual, PlanName: "Kế hoạch CCHC năm 2024",
				Unit: "TTNB", Officer: "Đàm Văn Khánh", Due: d(2024, 6, 30), Progress: 60, Result: "Tỷ lệ trễ hẹn còn 1,2 %", Criterion: "3.3", CriterionYear: 2023},
			{ID: 2, Title: "Tăng thanh toán trực tuyến phí, lệ phí", Year: 2024, PlanKind: data.PlanAnnual, PlanName: "Kế hoạch CCHC năm 2024",
				CoUnits: []string{"TTNB", "TK", "CT"}, Due: d(2024, 7, 1)},
			{ID: 3, Title: "Số hóa hồ sơ thủ tục hành chính", Year: 2024, PlanKind: data.PlanAnnual, PlanName: "Kế hoạch CCHC năm 2024",
				Unit: "TK", Due: d(2024, 9, 30), Progress: 35},
			{ID: 4, Title: "Ban hành Kế hoạch CCHC năm 2024", Year: 2024, PlanKind: data.PlanAnnual, PlanName: "Kế hoạch CCHC năm 2024",
				Due: d(2024, 1, 15), Done: true, DoneDate: d(2024, 1, 10), Progress: 100, Result: "Kế hoạch số 12/KH-UBND"},
			{ID: 5, Title: "Khắc phục điểm bị trừ tiêu chí 3.3: Giải quyết hồ sơ đúng hạn", Year: 2024, PlanKind: data.PlanConference,
				PlanName: "Kết luận Hội nghị tổng kết CCHC năm 2023", CoUnits: []string{"TK"}, Due: d(2024, 6, 30), Progress: 20,
				Criterion: "3.3", CriterionYear: 2023},
		},
	}
}

// rawText is the document's text in drawing order (pdftotext -raw), words
// joined by single spaces: a table cell's lines come out together.
func rawText(t *testing.T, pdf []byte) string {
	t.Helper()
	pdftest.NeedPoppler(t)
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -raw: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestTasksReport(t *testing.T) {
	pdf, err := Tasks(tasksInput())
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Debug(t, "tasks.pdf", pdf)
	raw := rawText(t, pdf)
	for _, want := range []string{
		"PHÒNG NỘI VỤ", "Số: 45/BC-PNV", "Nguyên Bình, ngày 01 tháng 7 năm 2024",
		"Tình hình thực hiện nhiệm vụ cải cách hành chính năm 2024",
		"Tính đến ngày 01/07/2024, có 5 nhiệm vụ cải cách hành chính năm 2024, trong đó: 1 nhiệm vụ hoàn thành, 1 nhiệm vụ đang thực hiện, 1 nhiệm vụ chưa thực hiện, 2 nhiệm vụ quá hạn.",
		"Tỷ lệ hoàn thành đạt 20,00 %",
		"I. Kế hoạch CCHC năm 2024 (4 nhiệm vụ)", "II. Kết luận Hội nghị tổng kết CCHC năm 2023 (1 nhiệm vụ)",
		"Quá hạn (1)", "Đang thực hiện (1)", "Chưa thực hiện (1)", "Hoàn thành (1)",
		"Giảm hồ sơ trễ hẹn tại Bộ phận một cửa", "Tăng thanh toán trực tuyến phí, lệ phí", "Số hóa hồ sơ thủ tục hành chính",
		"Ban hành Kế hoạch CCHC năm 2024", "Giảm hồ sơ trễ hẹn tại Bộ phận một cửa (tiêu chí 3.3 năm 2023)",
		"Khắc phục điểm bị trừ tiêu chí 3.3: Giải quyết hồ sơ đúng hạn Phòng Nội vụ",
		"Thị trấn Nguyên Bình (Đàm Văn Khánh)", "Phòng Nội vụ; phối hợp: tất cả đơn vị", "Phòng Nội vụ; phối hợp: Xã Tam Kim",
		"Kế hoạch số 12/KH-UBND", "Xong 10/01/2024",
		"Nơi nhận:", "TRƯỞNG PHÒNG", "Nông Văn Thành",
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("missing %q", want)
		}
	}
	// The task due the day before is overdue by one day; both overdue
	// tasks are marked under their due date, the one due on the report's
	// day is not.
	if n := strings.Count(raw, "30/06/2024 Quá hạn 1 ngày"); n != 2 {
		t.Errorf("%d tasks marked «Quá hạn 1 ngày», want 2 (due 30/06/2024, report of 01/07/2024)", n)
	}
	if !strings.Contains(raw, "Chưa thực hiện (1) 3 Tăng thanh toán trực tuyến phí, lệ phí Phòng Nội vụ; phối hợp: tất cả đơn vị 01/07/2024 0 %") {
		t.Errorf("task due 01/07/2024 not listed as not started:\n%s", raw)
	}
	// Overdue rows come first in their plan.
	if i, j := strings.Index(raw, "Giảm hồ sơ trễ hẹn"), strings.Index(raw, "Số hóa hồ sơ"); i < 0 || j < i {
		t.Errorf("overdue task not listed before the task in progress")
	}
}

func TestTasksReportOverdueOnlyAndEmpty(t *testing.T) {
	in := tasksInput()
	in.OverdueOnly, in.UnitName = true, "Xã Tam Kim"
	in.Tasks = in.Tasks[4:]
	pdf, err := Tasks(in)
	if err != nil {
		t.Fatal(err)
	}
	raw := rawText(t, pdf)
	for _, want := range []string{"của xã Tam Kim", "(các nhiệm vụ quá hạn)", "có 1 nhiệm vụ cải cách hành chính năm 2024 do xã Tam Kim chủ trì hoặc phối hợp thực hiện quá hạn chưa hoàn thành.", "30/06/2024 Quá hạn 1 ngày"} {
		if !strings.Contains(raw, want) {
			t.Errorf("missing %q in %s", want, raw)
		}
	}
	in.Tasks = nil
	pdf, err = Tasks(in)
	if err != nil {
		t.Fatal(err)
	}
	raw = rawText(t, pdf)
	if !strings.Contains(raw, "Tính đến ngày 01/07/2024, không có nhiệm vụ cải cách hành chính quá hạn năm 2024 do xã Tam Kim chủ trì hoặc phối hợp thực hiện.") {
		t.Errorf("empty report: %s", raw)
	}
}
