package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// Restoring the oldest of the 14 backups kept: the pre-restore backup
// makes a 15th, and its pruning must not remove the file being restored.
func TestRestoreTheOldestOf14Backups(t *testing.T) {
	c := fixedClock(t, time.Date(2023, 6, 1, 8, 0, 0, 0, time.Local))
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2023}, map[string]string{"DN": "Đức Nghĩa"})
	var list []store.Backup
	for i := range store.DefaultBackupsKept {
		setAppraised(t, s, "DN", "1.1", strconv.Itoa(i+1))
		b, err := s.Backup(store.ReasonDaily)
		if err != nil {
			t.Fatal(err)
		}
		list = append(list, b)
		c.add(24 * time.Hour)
	}
	setAppraised(t, s, "DN", "1.1", "19,75")
	oldest := list[0]
	oldBytes := fileBytes(t, oldest.Path)

	saved, err := s.Restore(oldest.Path)
	if err != nil {
		t.Fatalf("restoring the oldest of %d backups: %v", len(list), err)
	}
	if got := appraised(t, s, 2023, "DN", "1.1"); got != "1" {
		t.Errorf("after restoring the oldest backup the score is %q, want 1", got)
	}
	sameFile(t, oldest.Path, oldBytes)
	pre := openBackup(t, saved.Path)
	if got := appraised(t, pre, 2023, "DN", "1.1"); got != "19,75" {
		t.Errorf("the pre-restore backup holds %q, want 19,75", got)
	}
}

// A write that comes while the restore runs waits for it and lands in
// the restored file: none falls between the pre-restore backup and the
// swap, where it would be in neither.
func TestRestoreLosesNoWriteBetweenBackupAndSwap(t *testing.T) {
	s, _, b := restoreSetup(t)
	var wrote atomic.Bool
	done := make(chan error, 1)
	t.Cleanup(store.SetRestoreAfterBackup(func() {
		go func() {
			err := s.Update(func(tx *store.Tx) error {
				return tx.SetScore(2023, "DN", "1.2", data.Score{Appraised: pts("27")})
			})
			wrote.Store(true)
			done <- err
		}()
		time.Sleep(300 * time.Millisecond) // the write has every chance to land now
		if wrote.Load() {
			t.Error("a write landed between the pre-restore backup and the swap")
		}
	}))
	saved, err := s.Restore(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("the write during the restore: %v", err)
	}
	inBackup := func() string {
		pre := openBackup(t, saved.Path)
		defer pre.Close()
		return appraised(t, pre, 2023, "DN", "1.2")
	}()
	if got := appraised(t, s, 2023, "DN", "1.2"); got != "27" && inBackup != "27" {
		t.Errorf("the write made during the restore is neither in the data file (%q) nor in the pre-restore backup (%q)", got, inBackup)
	}
}

// An old copy held by another program (antivirus on Windows) is not
// removed: the new backup is whole and is not reported as failed.
func TestBackupWhenAnOldCopyCannotBeRemoved(t *testing.T) {
	c := fixedClock(t, time.Date(2023, 6, 1, 8, 0, 0, 0, time.Local))
	s := open(t, dataPath(t))
	for range store.DefaultBackupsKept {
		if _, err := s.Backup(store.ReasonDaily); err != nil {
			t.Fatal(err)
		}
		c.add(time.Hour)
	}
	t.Cleanup(store.SetRemove(func(string) error { return errors.New("tệp đang được chương trình khác dùng") }))
	b, err := s.Backup(store.ReasonManual)
	if err != nil {
		t.Fatalf("a backup written whole is reported failed: %v", err)
	}
	if !strings.Contains(b.Warning, "không xóa được bản sao lưu cũ") || !strings.Contains(b.Warning, "đang được chương trình khác dùng") {
		t.Errorf("warning %q", b.Warning)
	}
	if _, err := os.Stat(b.Path); err != nil {
		t.Errorf("the new backup: %v", err)
	}
	if list, _ := s.Backups(); len(list) != store.DefaultBackupsKept+1 {
		t.Errorf("%d backups, want %d (the old one stays)", len(list), store.DefaultBackupsKept+1)
	}
}

// leftovers lists the temporary files of backups and restores in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, pattern := range []string{".sao-luu-*", ".khoi-phuc-*"} {
		m, _ := filepath.Glob(filepath.Join(dir, pattern))
		out = append(out, m...)
	}
	return out
}

func TestBackupRemovesItsTemporaryCopyWhenTheRenameFails(t *testing.T) {
	fixedClock(t, time.Date(2023, 6, 1, 8, 0, 0, 0, time.Local))
	s := open(t, dataPath(t))
	t.Cleanup(store.SetReopenWait(200 * time.Millisecond))
	t.Cleanup(store.SetRename(func(string, string) error { return errors.New("từ chối truy cập") }))
	_, err := s.Backup(store.ReasonManual)
	wantError(t, err, data.EINTERNAL, "Không sao lưu được", "từ chối truy cập")
	if l := leftovers(t, s.BackupFolder()); len(l) > 0 {
		t.Errorf("temporary files left: %v", l)
	}
	if list, _ := s.Backups(); len(list) != 0 {
		t.Errorf("%d backups after a failed one", len(list))
	}
}

// Renaming over the data file retries, as Windows refuses it while a
// virus scanner holds the file for a moment.
func TestRestoreRetriesTheRenameOverTheDataFile(t *testing.T) {
	s, path, b := restoreSetup(t)
	failures := 3
	t.Cleanup(store.SetRename(func(from, to string) error {
		if to == path && failures > 0 {
			failures--
			return errors.New("tệp đang được dùng")
		}
		return os.Rename(from, to)
	}))
	if _, err := s.Restore(b.Path); err != nil {
		t.Fatalf("restore with a rename refused three times: %v", err)
	}
	if got := appraised(t, s, 2023, "DN", "1.1"); got != "15" {
		t.Errorf("after restore %q, want 15", got)
	}
}

func TestRestoreWhenTheRenameKeepsFailing(t *testing.T) {
	s, path, b := restoreSetup(t)
	t.Cleanup(store.SetReopenWait(300 * time.Millisecond))
	t.Cleanup(store.SetRename(func(from, to string) error {
		if to == path {
			return errors.New("tệp đang được dùng")
		}
		return os.Rename(from, to)
	}))
	_, err := s.Restore(b.Path)
	wantError(t, err, data.EINTERNAL, "Dữ liệu không thay đổi")
	if got := appraised(t, s, 2023, "DN", "1.1"); got != "19,75" {
		t.Errorf("after a failed restore %q, want 19,75", got)
	}
	setAppraised(t, s, "DN", "1.2", "27") // the store goes on
	if l := leftovers(t, filepath.Dir(path)); len(l) > 0 {
		t.Errorf("temporary files left: %v", l)
	}
}

func TestRestoreRefusesADamagedBackup(t *testing.T) {
	s, _, b := restoreSetup(t)
	raw := fileBytes(t, b.Path)
	if err := os.WriteFile(b.Path, raw[:len(raw)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := s.Restore(b.Path)
	wantError(t, err, data.EDAMAGED, "Bản sao lưu "+b.Path+" bị hỏng", "Dữ liệu không thay đổi")
	if got := appraised(t, s, 2023, "DN", "1.1"); got != "19,75" {
		t.Errorf("after a refused restore %q, want 19,75", got)
	}
	if list, _ := s.Backups(); len(list) != 1 {
		t.Errorf("%d backups, want only the one there was", len(list))
	}
}

// The window's offer after a damage: the newest backup that passes the
// check, restored in place of the damaged file, which is kept beside it.
func TestRecoverFromTheNewestSoundBackup(t *testing.T) {
	s, path, sound := restoreSetup(t)
	damagedBackup, err := s.Backup(store.ReasonManual) // newer, then damaged
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw := fileBytes(t, damagedBackup.Path)
	os.WriteFile(damagedBackup.Path, raw[:len(raw)/2], 0o600)
	raw = fileBytes(t, path)
	os.WriteFile(path, raw[:8192], 0o600)
	damagedBytes := fileBytes(t, path)
	_, err = store.Open(path)
	wantError(t, err, data.EDAMAGED, path)

	b, ok, err := store.NewestSoundBackup(path)
	if err != nil || !ok || b.Path != sound.Path {
		t.Fatalf("NewestSoundBackup = %v, %v, %v; want %s", b.Path, ok, err, sound.Path)
	}
	aside, err := store.RecoverFrom(path, b.Path)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(aside) != filepath.Dir(path) || !strings.HasPrefix(filepath.Base(aside), "dulieu.pardesk.hong-") {
		t.Errorf("damaged file set aside as %s", aside)
	}
	sameFile(t, aside, damagedBytes)
	s = open(t, path)
	if got := appraised(t, s, 2023, "DN", "1.1"); got != "15" {
		t.Errorf("after recovery %q, want 15 from the backup", got)
	}

	// A damaged backup is refused and nothing moves.
	s.Close()
	before := fileBytes(t, path)
	_, err = store.RecoverFrom(path, damagedBackup.Path)
	wantError(t, err, data.EDAMAGED, damagedBackup.Path)
	sameFile(t, path, before)
}
