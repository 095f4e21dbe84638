package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// An office scripts the end of appraisal: lock the year, later unlock it
// with a reason. Both go into the audit trail with the officer and the
// reason, as from the window, and the lock keeps the ranking as approved.
func TestYearLockUnlockFromCommandLine(t *testing.T) {
	db := demoDB(t)
	// Not every unit is chốt in the demo's 2023: the lock names them and
	// waits for --yes, changing nothing.
	before, _ := os.ReadFile(db)
	code, out, stderr := run(t, "year", "lock", "--db", db, "--year", "2023", "--officer", "Nguyễn Thị Lan")
	if code != 1 || !strings.Contains(stderr, "Năm 2023 còn 10 đơn vị chưa chốt kết quả thẩm định: Thành phố Cao Bằng, Huyện Bảo Lạc") || !strings.Contains(stderr, "--yes") {
		t.Errorf("lock with units not chốt: exit %d, %q", code, stderr)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("the refused lock changed the data file")
	}
	code, out, stderr = run(t, "year", "lock", "--db", db, "--year", "2023", "--officer", "Nguyễn Thị Lan", "--reason", "Quyết định số 45/QĐ-HĐTĐ", "--yes")
	if code != 0 || !strings.Contains(out, "Đã khóa năm 2023") || !strings.Contains(out, "10 đơn vị trong 1 nhóm") {
		t.Fatalf("lock: exit %d, %q %q", code, out, stderr)
	}
	// Locked: importing scores or locking again is refused.
	code, _, stderr = run(t, "year", "lock", "--db", db, "--year", "2023", "--officer", "Nguyễn Thị Lan")
	if code != 1 || !strings.Contains(stderr, "Năm 2023 đã khóa từ trước") {
		t.Errorf("lock twice: exit %d, %q", code, stderr)
	}
	// Scripted: the officer may come from the environment.
	t.Setenv("PARDESK_OFFICER", "Hoàng Văn Nam")
	code, _, stderr = run(t, "year", "unlock", "--db", db, "--year", "2023")
	if code != 2 || !strings.Contains(stderr, "thiếu --reason") {
		t.Errorf("unlock without reason: exit %d, %q", code, stderr)
	}
	code, out, stderr = run(t, "year", "unlock", "--db", db, "--year", "2023", "--reason", "Điều chỉnh theo kết luận thanh tra")
	if code != 0 || !strings.Contains(out, "Đã mở khóa năm 2023") || !strings.Contains(out, "Hoàng Văn Nam") {
		t.Fatalf("unlock: exit %d, %q %q", code, out, stderr)
	}

	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = st.View(func(tx *store.Tx) error {
		entries, err := tx.Audit(data.AuditFilter{Kind: data.AuditLock, Year: 2023})
		if len(entries) != 2 {
			t.Fatalf("lock audit: %+v", entries)
		}
		unlock, lock := entries[0], entries[1]
		if lock.New != "Đã khóa" || lock.Officer != "Nguyễn Thị Lan" || lock.Reason != "Quyết định số 45/QĐ-HĐTĐ" {
			t.Errorf("lock entry %+v", lock)
		}
		if unlock.New != "Mở" || unlock.Officer != "Hoàng Văn Nam" || unlock.Reason != "Điều chỉnh theo kết luận thanh tra" {
			t.Errorf("unlock entry %+v", unlock)
		}
		if _, ok, _ := tx.RankingSnapshot(2023); ok {
			t.Error("the snapshot is still there after unlocking")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestYearCommandLineErrors(t *testing.T) {
	db := demoDB(t)
	t.Setenv("PARDESK_OFFICER", "")
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"year"}, 2, "thiếu lock hoặc unlock"},
		{[]string{"year", "close", "--db", db}, 2, "không có thao tác"},
		{[]string{"year", "lock", "--db", db, "--officer", "A"}, 2, "thiếu --year"},
		{[]string{"year", "lock", "--db", db, "--year", "2023"}, 2, "thiếu --officer"},
		{[]string{"year", "lock", "--db", db, "--year", "2030", "--officer", "A"}, 1, "Chưa có bộ chỉ số năm 2030"},
		{[]string{"year", "unlock", "--db", db, "--year", "2022", "--officer", "A", "--reason", "x"}, 1, "Năm 2022 chưa khóa"},
		{[]string{"year", "lock", "--db", filepath.Join(t.TempDir(), "khong-co.db"), "--year", "2023", "--officer", "A"}, 1, "Không tìm thấy tệp dữ liệu"},
	} {
		before, _ := os.ReadFile(db)
		code, _, stderr := run(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.says) {
			t.Errorf("%v: exit %d %q, want %d and %q", c.args, code, stderr, c.code, c.says)
		}
		if after, _ := os.ReadFile(db); string(after) != string(before) {
			t.Errorf("%v changed the data file", c.args)
		}
	}
}
