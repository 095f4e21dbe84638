package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// From the demo: the blank checklist of a planned visit and the record of
// a finished one, by visit ID.
func TestVisitReportsFromDemo(t *testing.T) {
	dir, db := demoDir(t)
	read := func(path string) string { return strings.Join(strings.Fields(pdfText(t, path)), " ") }

	code, stdout, stderr := run(t, "report", "checklist", "--db", db, "--visit", "2024-05", "--out", filepath.Join(dir, "phieu.pdf"))
	if code != 0 {
		t.Fatalf("checklist: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Huyện Thạch An") || !strings.Contains(stdout, "22 câu hỏi") {
		t.Errorf("stdout %q", stdout)
	}
	text := read(filepath.Join(dir, "phieu.pdf"))
	for _, want := range []string{"Đơn vị được kiểm tra: Huyện Thạch An", "ngày 17/08/2024", "Hoàng Thị Lan", "Không áp dụng", "TRƯỞNG ĐOÀN KIỂM TRA"} {
		if !strings.Contains(text, want) {
			t.Errorf("checklist lacks %q", want)
		}
	}

	// Default file name from the visit ID, in the working directory.
	t.Chdir(dir)
	if code, _, stderr := run(t, "report", "inspection", "--db", db, "--visit", "2024-01", "--number", "15"); code != 0 {
		t.Fatalf("inspection: exit %d: %s", code, stderr)
	}
	text = read(filepath.Join(dir, "bien-ban-kiem-tra-2024-01.pdf"))
	for _, want := range []string{"Số: 15/BB-SNV", "Cao Bằng, ngày 16 tháng 3 năm 2024", "BIÊN BẢN", "tại huyện Nguyên Bình", "Bế Văn Tuấn", "Không đạt", "IV. KIẾN NGHỊ"} {
		if !strings.Contains(text, want) {
			t.Errorf("record lacks %q", want)
		}
	}

	if code, _, stderr := run(t, "report", "inspection", "--db", db); code != 2 || !strings.Contains(stderr, "thiếu --visit") {
		t.Errorf("no --visit: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "report", "inspection", "--db", db, "--visit", "2031-01"); code != 1 || !strings.Contains(stderr, "Không có đợt kiểm tra mã 2031-01") {
		t.Errorf("unknown visit: exit %d, %q", code, stderr)
	}
}
