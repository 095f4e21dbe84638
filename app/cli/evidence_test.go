package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
)

// check names a missing or altered evidence file by unit, year, criterion
// and name; restore of a backup puts it back.
func TestCheckAndRestoreEvidence(t *testing.T) {
	_, db := demoDir(t)
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	f, err := st.AttachEvidence(2023, demo.ExampleAUnit, "1.1", "KH 45-UBND.pdf", bytes.NewReader([]byte("%PDF-1.4\nKế hoạch CCHC 2023\n%%EOF\n")))
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "check", "--db", db)
	if code != 0 || !strings.Contains(out, "1 tệp") || !strings.Contains(out, "đối chiếu mã SHA-256 toàn bộ: đầy đủ, nguyên vẹn.") {
		t.Fatalf("check with sound evidence: exit %d %q %q", code, out, stderr)
	}
	_, out, _ = run(t, "backup", "--db", db)
	backup := strings.TrimSpace(strings.SplitN(strings.TrimPrefix(out, "Đã sao lưu: "), "\n", 2)[0])

	live := filepath.Join(filepath.Dir(db), "pardesk-kiemchung", f.SHA256[:2], f.SHA256)
	if err := os.Remove(live); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = run(t, "check", "--db", db, "--quick")
	want := "Thiếu tài liệu kiểm chứng: đơn vị NBI, năm 2023, tiêu chí 1.1, tệp «KH 45-UBND.pdf»"
	if code != 1 || !strings.Contains(stderr, want) || !strings.Contains(out, "chỉ kiểm tra có mặt") && !strings.Contains(out, "có mặt và kích thước") {
		t.Fatalf("check with a missing file: exit %d %q %q", code, out, stderr)
	}
	code, out, stderr = run(t, "restore", backup, "--db", db)
	if code != 0 || strings.Contains(out, "Cảnh báo") {
		t.Fatalf("restore: exit %d %q %q", code, out, stderr)
	}
	if code, out, stderr := run(t, "check", "--db", db); code != 0 {
		t.Fatalf("check after restore: exit %d %q %q", code, out, stderr)
	}
	// A backup whose evidence is gone would not restore whole: check says so.
	os.RemoveAll(filepath.Join(filepath.Dir(backup), "kiemchung"))
	code, out, stderr = run(t, "check", "--db", db, "--quick")
	if code != 1 || !strings.Contains(stderr, "Bản sao lưu "+filepath.Base(backup)) || !strings.Contains(stderr, "1 trong 1 tài liệu kiểm chứng") {
		t.Fatalf("check with the backups' evidence gone: exit %d %q %q", code, out, stderr)
	}
}

// evidence add attaches a file with the officer named, refuses a program
// named .pdf; list shows it; export copies it named after its criterion.
func TestEvidenceCommands(t *testing.T) {
	dir, db := demoDir(t)
	doc := filepath.Join(dir, "KH 45-UBND.pdf")
	os.WriteFile(doc, []byte("%PDF-1.4\nKế hoạch\n%%EOF\n"), 0o644)
	exe := filepath.Join(dir, "bao-cao.pdf")
	os.WriteFile(exe, append([]byte("MZ\x90\x00"), make([]byte, 64)...), 0o644)

	code, out, stderr := run(t, "evidence", "add", doc, "--db", db, "--year", "2023", "--unit", "nbi", "--criterion", "1.1", "--officer", "Nông Thị Hà")
	if code != 0 || !strings.Contains(out, "Đã đính kèm «KH 45-UBND.pdf»") {
		t.Fatalf("add: exit %d %q %q", code, out, stderr)
	}
	code, _, stderr = run(t, "evidence", "add", exe, "--db", db, "--year", "2023", "--unit", "NBI", "--criterion", "1.2", "--officer", "Nông Thị Hà")
	if code != 1 || !strings.Contains(stderr, "«bao-cao.pdf»") || !strings.Contains(stderr, "chương trình chạy được") {
		t.Fatalf("add of a program named .pdf: exit %d %q", code, stderr)
	}
	if code, _, stderr := run(t, "evidence", "add", doc, "--db", db, "--year", "2023", "--unit", "NBI", "--criterion", "1.1"); code != 2 || !strings.Contains(stderr, "--officer") {
		t.Fatalf("add without officer: exit %d %q", code, stderr)
	}

	code, out, _ = run(t, "evidence", "list", "--db", db, "--year", "2023")
	if code != 0 || !strings.Contains(out, "NBI\t1.1\tKH 45-UBND.pdf\t") || !strings.Contains(out, "\tNông Thị Hà\t") || strings.Count(out, "\n") != 1 {
		t.Fatalf("list: exit %d %q", code, out)
	}

	dst := filepath.Join(t.TempDir(), "Gửi đoàn kiểm tra")
	code, out, stderr = run(t, "evidence", "export", "--db", db, "--year", "2023", "--unit", "NBI", "--out", dst)
	if code != 0 || !strings.Contains(out, "Đã chép 1 tài liệu kiểm chứng") {
		t.Fatalf("export: exit %d %q %q", code, out, stderr)
	}
	if b, err := os.ReadFile(filepath.Join(dst, "1.1 - KH 45-UBND.pdf")); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("exported file: %v", err)
	}
}
