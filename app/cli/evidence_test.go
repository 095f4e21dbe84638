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
}
