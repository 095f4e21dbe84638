package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"

	"github.com/pardesk/pardesk/reports/pdftest"
)

// pardesk report tasks prints the demo's 2024 plan with status judged on
// the document date: on 15/01/2025 the unfinished 2024 tasks are overdue.
func TestReportTasks(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pardesk.db")
	if code, _, stderr := run(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "nhiem-vu.pdf")
	code, stdout, stderr := run(t, "report", "tasks", "--db", db, "--year", "2024", "--out", out, "--number", "7", "--date", "15/01/2025")
	if code != 0 {
		t.Fatalf("report tasks: exit %d: %s", code, stderr)
	}
	// The counts printed are the store's: every 2024 task, and those not
	// done by the document date and due before it.
	day := time.Date(2025, 1, 15, 0, 0, 0, 0, time.Local)
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	var all, late []data.Task
	st.View(func(tx *store.Tx) error {
		all, _ = tx.Tasks(data.TaskFilter{Year: 2024})
		late, _ = tx.Tasks(data.TaskFilter{Year: 2024, Overdue: true, Today: day})
		return nil
	})
	st.Close()
	if len(all) < 10 || len(late) < 7 {
		t.Fatalf("demo has %d tasks in 2024, %d overdue on 15/01/2025; want the plan's 6 and 4 remedies, 7 of them overdue", len(all), len(late))
	}
	if want := fmt.Sprintf("(%d nhiệm vụ, %d quá hạn)", len(all), len(late)); !strings.Contains(stdout, want) {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Debug(t, "demo-tasks.pdf", pdf)
	flat := strings.Join(strings.Fields(strings.Join(pdftest.Pages(t, pdf), "\n")), " ")
	if !strings.Contains(flat, fmt.Sprintf("Có %d nhiệm vụ quá hạn chưa hoàn thành", len(late))) {
		t.Errorf("PDF does not count %d overdue tasks:\n%s", len(late), flat)
	}
	for _, want := range []string{
		"Số: 7/BC-SNV", "Cao Bằng, ngày 15 tháng 01 năm 2025",
		"Tình hình thực hiện nhiệm vụ cải cách hành chính năm 2024",
		"I. Kế hoạch CCHC năm 2024 (6 nhiệm vụ)", "II. Kết luận Hội nghị tổng kết CCHC năm 2023 (4 nhiệm vụ)",
		"Quá hạn (4)", "Hoàn thành (2)", "Quá hạn (3)", "Hoàn thành (1)", "GIÁM ĐỐC",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}

	// One unit's overdue tasks: Nguyên Bình leads one, takes part in others.
	code, stdout, stderr = run(t, "report", "tasks", "--db", db, "--year", "2024", "--unit", "NBI", "--overdue", "--out", out, "--date", "15/01/2025")
	if code != 0 {
		t.Fatalf("report tasks --unit NBI --overdue: exit %d: %s", code, stderr)
	}
	flat = strings.Join(strings.Fields(pdfText(t, out)), " ")
	if !strings.Contains(flat, "do huyện Nguyên Bình chủ trì hoặc phối hợp") || !strings.Contains(flat, "(các nhiệm vụ quá hạn)") || strings.Contains(flat, "Hoàn thành (") {
		t.Errorf("unit overdue report:\n%s", flat)
	}
	if !strings.Contains(stdout, "quá hạn)") {
		t.Errorf("stdout %q", stdout)
	}

	if code, _, stderr := run(t, "report", "tasks", "--db", db, "--year", "2024", "--unit", "XYZ", "--out", out); code != 1 || !strings.Contains(stderr, "Không có đơn vị mã \"XYZ\"") {
		t.Errorf("unknown unit: exit %d, %q", code, stderr)
	}
	if code, _, stderr := run(t, "report", "tasks", "--db", db); code != 2 || !strings.Contains(stderr, "thiếu --year") {
		t.Errorf("missing --year: exit %d, %q", code, stderr)
	}
}
