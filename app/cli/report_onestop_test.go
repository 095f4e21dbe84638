package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// pardesk demo, then pardesk report onestop for the first half of 2023:
// Thành phố Cao Bằng's row carries example D (7.447 received, 100 % on
// time, 98 % early), judged against example E's targets.
func TestOneStopReportFromDemo(t *testing.T) {
	dir, db := demoDir(t)
	out := filepath.Join(dir, "mc.pdf")
	code, stdout, stderr := run(t, "report", "onestop", "--db", db, "--year", "2023", "--period", "H1", "--out", out, "--number", "15", "--date", "06/07/2023")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "6 tháng đầu năm 2023 (10/10 đơn vị") {
		t.Errorf("stdout %q", stdout)
	}
	text := pdfText(t, out)
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"Số: 15/BC-SNV", "Kết quả giải quyết thủ tục hành chính 6 tháng đầu năm 2023",
		"Huyện Nguyên Bình", "Huyện Trùng Khánh", "Tỷ lệ DVC trực tuyến có phát sinh hồ sơ ≥ 80,00", "Tỷ lệ hồ sơ tiếp nhận trực tuyến ≥ 50,00",
		"Chưa đạt", "GIÁM ĐỐC"} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if !regexp.MustCompile(`(?m)^\s*1\s+Thành phố Cao Bằng\s+38\s+7\.447\s+1\.862\s+372\s+149\s+5\.064\s+7\.450\s+7\.301\s+149\s+0\s+35\s+0\s+0\s*$`).MatchString(text) ||
		!regexp.MustCompile(`(?m)^\s*1\s+Thành phố Cao Bằng\s+100,00\s+98,00\s+0,00\s+30,00\*\s+25,00\s+5,00\s+80,00\s+30,00\s+10,00\*\s+80,01\s+100,00\s+3/5\s*$`).MatchString(text) {
		t.Errorf("example D's rows not found in\n%s", text)
	}
}

func TestOneStopReportPeriodErrors(t *testing.T) {
	db := demoDB(t)
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--year", "2023", "--period", "Q5"}, 2, "từ 1 đến 4"},
		{[]string{"--period", "2023/06"}, 2, "2023-Q1"},
		{[]string{}, 2, "thiếu --year"},
		{[]string{"--year", "2021"}, 1, "Chưa có đơn vị nào nhập số liệu một cửa năm 2021"},
	} {
		code, _, stderr := run(t, append([]string{"report", "onestop", "--db", db, "--out", filepath.Join(t.TempDir(), "x.pdf")}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.says) {
			t.Errorf("%q: exit %d, %q; want %d saying %q", c.args, code, stderr, c.code, c.says)
		}
	}
}
