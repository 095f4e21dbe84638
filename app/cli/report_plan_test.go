package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// From the demo: the 2024 plan prints the record's number and date and the
// eight visits; --number and --date override the record's; a year without
// a plan is refused.
func TestPlanReportFromDemo(t *testing.T) {
	dir, db := demoDir(t)
	read := func(path string) string { return strings.Join(strings.Fields(pdfText(t, path)), " ") }

	t.Chdir(dir)
	code, stdout, stderr := run(t, "report", "plan", "--db", db, "--year", "2024")
	if code != 0 {
		t.Fatalf("plan: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "8 đợt kiểm tra") || !strings.Contains(stdout, "ke-hoach-kiem-tra-2024.pdf") {
		t.Errorf("stdout %q", stdout)
	}
	text := read(filepath.Join(dir, "ke-hoach-kiem-tra-2024.pdf"))
	for _, want := range []string{"Số: 15/KH-SNV", "Cao Bằng, ngày 15 tháng 01 năm 2024", "KẾ HOẠCH", "Kiểm tra công tác cải cách hành chính năm 2024",
		"MỤC ĐÍCH, YÊU CẦU", "làm việc tại 8 đơn vị", "Huyện Nguyên Bình 16/03/2024 Hoàng Thị Lan", "Huyện Trùng Khánh 16/11/2024", "GIÁM ĐỐC"} {
		if !strings.Contains(text, want) {
			t.Errorf("plan lacks %q", want)
		}
	}

	out := filepath.Join(dir, "kh.pdf")
	if code, _, stderr := run(t, "report", "plan", "--db", db, "--year", "2024", "--number", "21", "--date", "05/01/2024", "--out", out); code != 0 {
		t.Fatalf("plan with --number: exit %d: %s", code, stderr)
	}
	if text := read(out); !strings.Contains(text, "Số: 21/KH-SNV") || !strings.Contains(text, "ngày 05 tháng 01 năm 2024") {
		t.Errorf("--number/--date not printed: %.300s", text)
	}

	if code, _, stderr := run(t, "report", "plan", "--db", db); code != 2 || !strings.Contains(stderr, "thiếu --year") {
		t.Errorf("no --year: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "report", "plan", "--db", db, "--year", "2031"); code != 1 || !strings.Contains(stderr, "Năm 2031 chưa có kế hoạch kiểm tra") {
		t.Errorf("year without plan: exit %d, %q", code, stderr)
	}
}
