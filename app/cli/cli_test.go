package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports/pdftest"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// demoDir writes the demo data file, pardesk.db, into a fresh temporary
// folder.
func demoDir(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "pardesk.db")
	if err := ops.CreateDemo(db); err != nil {
		t.Fatal(err)
	}
	return dir, db
}

// demoDB writes the demo data file into a temporary folder.
func demoDB(t *testing.T) string {
	t.Helper()
	_, db := demoDir(t)
	return db
}

// pdfText reads a PDF a command wrote and returns its text, page after
// page.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(pdftest.Pages(t, pdf), "\n")
}

// An office's first run: pardesk demo, then pardesk report ranking
// --year 2022, gives a Decree-30 PDF with example A's unit 8th at 81,40.
func TestDemoThenRankingReport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pardesk.db")
	out := filepath.Join(dir, "xep-hang.pdf")
	if code, _, stderr := run(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := run(t, "report", "ranking", "--db", db, "--year", "2022", "--out", out, "--number", "12", "--date", "09/06/2023")
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "10 đơn vị") {
		t.Errorf("stdout %q", stdout)
	}
	text := pdfText(t, out)
	for _, want := range []string{
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc",
		"Số: 12/BC-SNV",
		"Cao Bằng, ngày 09 tháng 6 năm 2023",
		"BÁO CÁO",
		"Kết quả xếp hạng Chỉ số cải cách hành chính năm 2022",
		"GIÁM ĐỐC",
		"Nông Văn Thành",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	// Example A's row: rank 8, the seven area points, total and index
	// 81,40, rated Khá.
	row := regexp.MustCompile(`(?m)^\s*8\s+Huyện Nguyên Bình\s+15,00\s+12,00\s+20,00\s+5,00\s+15,00\s+4,90\s+9,50\s+81,40\s+81,40\s+Khá`)
	if !row.MatchString(text) {
		t.Errorf("no rank-8 row for Nguyên Bình with 81,40 and Khá in:\n%s", text)
	}
	for _, rating := range []string{"Tốt", "Khá"} {
		if !strings.Contains(text, rating) {
			t.Errorf("rating %q missing", rating)
		}
	}
}

func TestRanking2023ShowsRankChange(t *testing.T) {
	dir, db := demoDir(t)
	out := filepath.Join(dir, "r.pdf")
	if code, _, stderr := run(t, "report", "ranking", "--db", db, "--year", "2023", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text := pdfText(t, out)
	if !regexp.MustCompile(`(?m)^\s*3\s+Huyện Hòa An\s.*\sTốt\s+tăng 4 bậc`).MatchString(text) {
		t.Errorf("Hòa An is not 3rd, Tốt, tăng 4 bậc in:\n%s", text)
	}
}

func TestCommandErrorsAreClear(t *testing.T) {
	dir, db := demoDir(t)
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"report", "ranking", "--db", db}, 2, "thiếu --year"},
		{[]string{"report", "ranking", "--db", db, "--year", "2019", "--out", filepath.Join(dir, "x.pdf")}, 1, "2019"},
		{[]string{"report", "ranking", "--db", filepath.Join(dir, "none.db"), "--year", "2022"}, 1, "Không tìm thấy tệp dữ liệu"},
		{[]string{"report", "ranking", "--db", db, "--year", "2022", "--date", "31/02/2023"}, 2, "--date"},
		{[]string{"demo", "--db", db}, 1, "không ghi đè"},
		{[]string{"frobnicate"}, 2, "lệnh không có"},
	}
	for _, c := range cases {
		code, _, stderr := run(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", c.args, code, stderr, c.code, c.msg)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("a report created a data file that did not exist")
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a failed report left a PDF behind")
	}
}

// pardesk new makes an empty file that opens with no units and no
// framework, and never overwrites a file.
func TestNewMakesAnEmptyDataFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rieng.db")
	if code, out, stderr := run(t, "new", "--db", db); code != 0 || !strings.Contains(out, "Đã tạo tệp dữ liệu trống") {
		t.Fatalf("new: exit %d %q %q", code, out, stderr)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	st.View(func(tx *store.Tx) error {
		units, _ := tx.Units()
		years, _ := tx.Years()
		if len(units) != 0 || len(years) != 0 {
			t.Errorf("new file holds %d units and years %v", len(units), years)
		}
		return nil
	})
	st.Close()
	if code, _, stderr := run(t, "new", "--db", db); code != 1 || !strings.Contains(stderr, "không tạo đè") {
		t.Errorf("second new: exit %d %q", code, stderr)
	}
}

// Option mistakes are told in Vietnamese, naming the option; options may
// stand before or after a command's file argument, and a missing file is
// called missing.
func TestOptionErrorsSpeakVietnamese(t *testing.T) {
	dir, db := demoDir(t)
	cases := []struct {
		args []string
		msg  string
	}{
		{[]string{"report", "ranking", "--db", db, "--year", "abc"}, `"abc" không phải là số (tùy chọn --year`},
		{[]string{"report", "ranking", "--db", db, "--year"}, "tùy chọn --year cần một giá trị"},
		{[]string{"report", "ranking", "--db", db, "--yeer", "2023"}, "không có tùy chọn --yeer"},
		{[]string{"report", "tasks", "--db", db, "--year", "2024", "--overdue=maybe"}, "--overdue chỉ bật hoặc tắt"},
		{[]string{"import", "scores", "--db", db}, "import scores: thiếu tệp .xlsx cần nhập"},
		{[]string{"import", "scores"}, "import scores: thiếu tệp .xlsx cần nhập"},
		{[]string{"import", "scores", "a.xlsx", "b.xlsx", "--db", db}, `thừa tham số "b.xlsx"`},
		{[]string{"restore", "--db", db}, "restore: thiếu tệp sao lưu cần khôi phục"},
	}
	for _, c := range cases {
		code, _, stderr := run(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.msg) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", c.args, code, firstLine(stderr), c.msg)
		}
		for _, english := range []string{"invalid value", "flag provided", "needs an argument", "parse error"} {
			if strings.Contains(stderr, english) {
				t.Errorf("%q: English in the message: %q", c.args, firstLine(stderr))
			}
		}
	}
	// The file named after its options is read: the message is about the
	// file, not about the arguments.
	code, _, stderr := run(t, "import", "scores", "--db", db, filepath.Join(dir, "khong-co.xlsx"))
	if code != 1 || !strings.Contains(stderr, "Không tìm thấy tệp") || !strings.Contains(stderr, "khong-co.xlsx") {
		t.Errorf("import of a missing file after --db: exit %d, %q", code, firstLine(stderr))
	}
}

// Full-width digits typed with an East Asian input method become plain
// ones: the document number prints, and the year is understood.
func TestFullWidthDigitsInOptions(t *testing.T) {
	dir, db := demoDir(t)
	out := filepath.Join(dir, "xh.pdf")
	code, _, stderr := run(t, "report", "ranking", "--db", db, "--year", "２０２３", "--number", "１２", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text := pdfText(t, out)
	if !strings.Contains(text, "Số: 12/BC-") {
		t.Errorf("the document number 12 is not printed:\n%s", text)
	}
	if !strings.Contains(text, "NĂM 2023") && !strings.Contains(text, "năm 2023") {
		t.Errorf("the ranking is not the 2023 one:\n%s", text)
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
