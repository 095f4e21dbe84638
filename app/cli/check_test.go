package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func truncate(t *testing.T, path string, size int64) {
	t.Helper()
	if err := os.Truncate(path, size); err != nil {
		t.Fatal(err)
	}
}

func TestCheckSoundAndDamagedFiles(t *testing.T) {
	_, db := demoDir(t)
	code, out, stderr := run(t, "check", "--db", db)
	if code != 0 || !strings.Contains(out, "Tệp dữ liệu "+db+" nguyên vẹn") {
		t.Fatalf("check of the demo file: exit %d %q %q", code, out, stderr)
	}
	if code, out, _ := run(t, "backup", "--db", db); code != 0 {
		t.Fatalf("backup: %s", out)
	}
	truncate(t, db, 16<<10)
	code, _, stderr = run(t, "check", "--db", db)
	if code != 1 || !strings.Contains(stderr, "Tệp dữ liệu "+db+" bị hỏng") || !strings.Contains(stderr, "Bản sao lưu gần nhất còn tốt: ") {
		t.Errorf("check of a truncated file: exit %d %q", code, stderr)
	}
	// Every command refuses it with the same message, none crashes.
	code, _, stderr = run(t, "report", "ranking", "--db", db, "--year", "2022", "--out", filepath.Join(t.TempDir(), "x.pdf"))
	if code != 1 || !strings.Contains(stderr, "bị hỏng") {
		t.Errorf("report on a truncated file: exit %d %q", code, stderr)
	}

	empty := filepath.Join(t.TempDir(), "rong.db")
	os.WriteFile(empty, nil, 0o600)
	code, _, stderr = run(t, "check", "--db", empty)
	if code != 1 || !strings.Contains(stderr, empty) || !strings.Contains(stderr, "rỗng") {
		t.Errorf("check of an empty file: exit %d %q", code, stderr)
	}
	text := filepath.Join(t.TempDir(), "ghichu.txt")
	os.WriteFile(text, []byte(strings.Repeat("Ghi chú cuộc họp\n", 400)), 0o600)
	code, _, stderr = run(t, "check", "--db", text)
	if code != 1 || !strings.Contains(stderr, "không phải tệp dữ liệu ParDesk") {
		t.Errorf("check of a text file: exit %d %q", code, stderr)
	}
}

// restore checks the backup before anything, and restores over a damaged
// data file, which it keeps aside.
func TestRestoreChecksTheBackupAndRecoversADamagedFile(t *testing.T) {
	dir, db := demoDir(t)
	_, out, _ := run(t, "backup", "--db", db)
	backup := strings.TrimSpace(strings.SplitN(strings.TrimPrefix(out, "Đã sao lưu: "), "\n", 2)[0])
	good, _ := os.ReadFile(backup)

	bad := filepath.Join(dir, "hong.db")
	os.WriteFile(bad, good[:len(good)/2], 0o600)
	before, _ := os.ReadFile(db)
	code, _, stderr := run(t, "restore", bad, "--db", db)
	if code != 1 || !strings.Contains(stderr, "Bản sao lưu "+bad+" bị hỏng") {
		t.Errorf("restore from a truncated backup: exit %d %q", code, stderr)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("a refused restore changed the data file")
	}

	truncate(t, db, 8<<10)
	code, out, stderr = run(t, "restore", backup, "--db", db)
	if code != 0 || !strings.Contains(out, "bị hỏng; đã khôi phục dữ liệu từ "+backup) || !strings.Contains(out, "Tệp hỏng được giữ lại ở "+db+".hong-") {
		t.Fatalf("restore over a damaged data file: exit %d %q %q", code, out, stderr)
	}
	if code, out, stderr := run(t, "check", "--db", db); code != 0 {
		t.Errorf("after the restore: exit %d %q %q", code, out, stderr)
	}
	aside, _ := filepath.Glob(db + ".hong-*")
	if len(aside) != 1 {
		t.Fatalf("damaged files kept: %v", aside)
	}
	if fi, _ := os.Stat(aside[0]); fi.Size() != 8<<10 {
		t.Errorf("the damaged file kept is %d bytes, want it as it was", fi.Size())
	}
}
