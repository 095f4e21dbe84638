package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The command line round trip: export the scores, change one in Excel,
// import it; a bad file is refused with its problems and changes nothing;
// backup and restore bring the old score back.
func TestExportImportBackupRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pardesk.db")
	if code, _, stderr := run(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	xl := filepath.Join(dir, "bang-diem.xlsx")
	if code, out, stderr := run(t, "export", "scores", "--db", db, "--year", "2023", "--out", xl); code != 0 || !strings.Contains(out, xl) {
		t.Fatalf("export: exit %d %s %s", code, out, stderr)
	}
	code, out, stderr := run(t, "backup", "--db", db)
	if code != 0 || !strings.Contains(out, "Đã sao lưu: ") {
		t.Fatalf("backup: exit %d %s %s", code, out, stderr)
	}
	backup := strings.TrimSpace(strings.SplitN(strings.TrimPrefix(out, "Đã sao lưu: "), "\n", 2)[0])

	// Officer edits NBI's 1.1 appraised score to 2,5 in Excel.
	f, err := excelize.OpenFile(xl)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Điểm")
	row := 0
	for i, r := range rows {
		if len(r) > 2 && r[0] == "NBI" && r[2] == "1.1" {
			row = i + 1
		}
	}
	f.SetCellValue("Điểm", "G"+itoaCLI(row), 2.5)
	f.Save()

	code, out, stderr = run(t, "import", "scores", xl, "--db", db)
	if code != 0 || !strings.HasPrefix(out, "Đã nhập điểm năm 2023 của 10 đơn vị") {
		t.Fatalf("import: exit %d %q %q", code, out, stderr)
	}
	card := filepath.Join(dir, "phieu.xlsx")
	run(t, "export", "scorecard", "--db", db, "--year", "2023", "--unit", "NBI", "--out", card)
	if got := cellOf(t, card, "NBI", "1.1"); got != "2.5" {
		t.Errorf("after import NBI 1.1 = %q, want 2.5", got)
	}

	// A score above the max: refused, exit 1, the problem on stderr.
	f.SetCellValue("Điểm", "G"+itoaCLI(row), 7)
	f.Save()
	before, _ := os.ReadFile(db)
	code, _, stderr = run(t, "import", "scores", xl, "--db", db)
	if code != 1 || !strings.Contains(stderr, "dòng "+itoaCLI(row)+", cột G (Điểm thẩm định): Tiêu chí 1.1") || !strings.Contains(stderr, "dữ liệu không thay đổi") {
		t.Errorf("bad import: exit %d, stderr %q", code, stderr)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("a refused import changed the data file")
	}

	// A blank cell where a score is stored: refused with the list, then
	// cleared with --clear, and the summary says so.
	f.SetCellValue("Điểm", "G"+itoaCLI(row), nil)
	f.Save()
	code, _, stderr = run(t, "import", "scores", xl, "--db", db)
	if code != 1 || !strings.Contains(stderr, "dòng "+itoaCLI(row)+", cột G (Điểm thẩm định): đơn vị NBI, tiêu chí 1.1, thẩm định 2,5 → để trống") || !strings.Contains(stderr, "--clear") {
		t.Errorf("import that clears: exit %d, stderr %q", code, stderr)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("an import refused for clearing changed the data file")
	}
	code, out, stderr = run(t, "import", "scores", xl, "--db", db, "--clear")
	if code != 0 || !strings.Contains(out, "xóa 1 điểm đã lưu mà tệp để trống") {
		t.Errorf("import --clear: exit %d %q %q", code, out, stderr)
	}

	code, out, stderr = run(t, "restore", backup, "--db", db)
	if code != 0 || !strings.Contains(out, "Đã khôi phục") {
		t.Fatalf("restore: exit %d %q %q", code, out, stderr)
	}
	run(t, "export", "scorecard", "--db", db, "--year", "2023", "--unit", "NBI", "--out", card)
	if got := cellOf(t, card, "NBI", "1.1"); got == "2.5" {
		t.Error("restore did not bring back the score from before the import")
	}

	for _, kind := range []string{"units", "framework", "scores"} {
		out := filepath.Join(dir, "mau-"+kind+".xlsx")
		if code, _, stderr := run(t, "export", "template", kind, "--out", out); code != 0 {
			t.Errorf("template %s: %s", kind, stderr)
		}
	}
	if code, _, _ := run(t, "import", "diem", xl); code != 2 {
		t.Errorf("import of an unknown kind: exit %d, want 2", code)
	}
}

func cellOf(t *testing.T, path, unit, code string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Điểm", excelize.Options{RawCellValue: true})
	for _, r := range rows {
		if len(r) > 6 && r[0] == unit && r[2] == code {
			return r[6]
		}
	}
	return ""
}

func itoaCLI(n int) string { return strconv.Itoa(n) }
