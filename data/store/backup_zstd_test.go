package store_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// A backup is written compressed, smaller than the data file, and
// restoring it gives back the data of the moment it was taken.
func TestCompressedBackupRoundTrip(t *testing.T) {
	s, path, b := restoreSetup(t)
	if !strings.HasSuffix(b.Path, ".pardesk.zst") || !store.IsCompressed(b.Path) {
		t.Fatalf("backup %s is not a compressed .zst file", b.Path)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if b.Size <= 0 || b.Size >= fi.Size()/4 {
		t.Errorf("compressed backup of %d bytes for a data file of %d", b.Size, fi.Size())
	}
	if err := store.Check(b.Path); err != nil {
		t.Errorf("Check of a compressed backup: %v", err)
	}
	backupBytes := fileBytes(t, b.Path)
	if _, err := s.Restore(b.Path); err != nil {
		t.Fatal(err)
	}
	if got := appraised(t, s, 2023, "DN", "1.1"); got != "15" {
		t.Errorf("after restoring the compressed backup %q, want 15", got)
	}
	sameFile(t, b.Path, backupBytes)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := store.Check(path); err != nil {
		t.Errorf("the restored data file: %v", err)
	}
	noTemporaryFiles(t, path)
}

// A backup taken by an older ParDesk, a plain copy named without ".zst",
// is still listed, offered and restored.
func TestOldUncompressedBackupStillRestores(t *testing.T) {
	s, path, _ := restoreSetup(t)
	// Make the old backup: a plain copy of a data file holding 12.
	setAppraised(t, s, "DN", "1.1", "12")
	plain, err := store.UnpackBackup(mustBackup(t, s).Path, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	setAppraised(t, s, "DN", "1.1", "19,75")
	old := filepath.Join(s.BackupFolder(), "dulieu-2023-06-01_08-00-00-hang-ngay.pardesk")
	if err := os.Rename(plain, old); err != nil {
		t.Fatal(err)
	}
	if store.IsCompressed(old) {
		t.Fatal("the old backup should be a plain copy")
	}
	list, err := s.Backups()
	if err != nil || len(list) != 3 || list[2].Path != old || list[2].Reason != store.ReasonDaily {
		t.Fatalf("Backups() = %+v, %v; want the old plain backup listed last", list, err)
	}
	if err := store.Check(old); err != nil {
		t.Errorf("Check of the old backup: %v", err)
	}
	if _, err := s.Restore(old); err != nil {
		t.Fatal(err)
	}
	if got := appraised(t, s, 2023, "DN", "1.1"); got != "12" {
		t.Errorf("after restoring the old backup %q, want 12", got)
	}
	// And over a damaged data file, as the window offers it.
	list, _ = s.Backups()
	s.Close()
	if err := os.WriteFile(path, fileBytes(t, path)[:8192], 0o600); err != nil {
		t.Fatal(err)
	}
	for _, b := range list {
		if b.Path != old {
			os.Remove(b.Path)
		}
	}
	b, ok, err := store.NewestSoundBackup(path)
	if err != nil || !ok || b.Path != old {
		t.Fatalf("NewestSoundBackup = %s, %v, %v; want the old plain one", b.Path, ok, err)
	}
	if _, err := store.RecoverFrom(path, old); err != nil {
		t.Fatal(err)
	}
	s = open(t, path)
	if got := appraised(t, s, 2023, "DN", "1.1"); got != "12" {
		t.Errorf("after recovering from the old backup %q, want 12", got)
	}
}

// A compressed backup damaged in the middle is refused with a message
// naming it; the data file is left byte for byte, no backup is taken and
// no temporary file is left.
func TestCorruptedCompressedBackupIsRefused(t *testing.T) {
	s, path, b := restoreSetup(t)
	raw := fileBytes(t, b.Path)
	for i := len(raw) / 3; i < len(raw)/3+16; i++ {
		raw[i] ^= 0x5a
	}
	if err := os.WriteFile(b.Path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := fileBytes(t, path)
	wantError(t, store.Check(b.Path), data.EDAMAGED, b.Path, "bị hỏng")
	s = open(t, path)

	_, err := s.Restore(b.Path)
	wantError(t, err, data.EDAMAGED, "Bản sao lưu "+b.Path+" bị hỏng", "Dữ liệu không thay đổi")
	if got := appraised(t, s, 2023, "DN", "1.1"); got != "19,75" {
		t.Errorf("after a refused restore %q, want 19,75", got)
	}
	if list, _ := s.Backups(); len(list) != 1 {
		t.Errorf("%d backups, want only the one there was", len(list))
	}
	s.Close()
	sameFile(t, path, before)
	noTemporaryFiles(t, path)

	// Nor is it offered, or put in place of the data file.
	if _, ok, _ := store.NewestSoundBackup(path); ok {
		t.Error("a damaged compressed backup was offered")
	}
	_, err = store.RecoverFrom(path, b.Path)
	wantError(t, err, data.EDAMAGED, b.Path)
	sameFile(t, path, before)
	noTemporaryFiles(t, path)
}

// Kept: the newest 14, and the newest backup of each of the last 12
// months (this one included); the older ones go.
func TestBackupsKeepTheNewestOfEachMonth(t *testing.T) {
	c := fixedClock(t, time.Date(2023, 1, 1, 8, 0, 0, 0, time.Local))
	s := open(t, dataPath(t))
	var made []store.Backup
	// Every fourth day for 18 months: several backups a month.
	for c.now().Before(time.Date(2024, 7, 1, 0, 0, 0, 0, time.Local)) {
		made = append(made, mustBackup(t, s))
		c.add(4 * 24 * time.Hour)
	}
	last := made[len(made)-1].Time // 2024-06-28
	var want []string
	seen := map[string]bool{}
	for i, b := range slices.Backward(made) {
		month := b.Time.Format("2006-01")
		inYear := b.Time.After(time.Date(2023, 6, 30, 23, 59, 59, 0, time.Local))
		if len(made)-1-i < store.DefaultBackupsKept || inYear && !seen[month] {
			want = append(want, b.Path)
		}
		seen[month] = true
	}
	list, err := s.Backups()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range list {
		got = append(got, b.Path)
	}
	if !slices.Equal(got, want) {
		t.Errorf("kept %d backups:\n%s\nwant %d:\n%s", len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
	}
	// 14 newest (from 2024-05) and one for each month 2023-07 … 2024-04.
	if len(want) != store.DefaultBackupsKept+10 {
		t.Errorf("the test expects %d kept, got %d (last %s)", store.DefaultBackupsKept+10, len(want), last)
	}
	// The oldest kept, a monthly one, restores.
	oldest := list[len(list)-1]
	if oldest.Time.Month() != time.July || oldest.Time.Year() != 2023 {
		t.Errorf("oldest kept %s, want the last of July 2023", oldest.Path)
	}
	if _, err := s.Restore(oldest.Path); err != nil {
		t.Errorf("restoring the oldest monthly backup: %v", err)
	}
}

func mustBackup(t *testing.T, s *store.Store) store.Backup {
	t.Helper()
	b, err := s.Backup(store.ReasonDaily)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// noTemporaryFiles fails when a temporary copy is left beside the data
// file or in its backups folder.
func noTemporaryFiles(t *testing.T, path string) {
	t.Helper()
	for _, dir := range []string{filepath.Dir(path), filepath.Join(filepath.Dir(path), store.BackupDir)} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				t.Errorf("temporary file %s left in %s", e.Name(), dir)
			}
		}
	}
}

// Two backups taken at once in the same second (the daily one in the
// background, an import's) get a name each; the temporary file of a
// backup that never finished goes once it is an hour old.
func TestBackupsAtOnceAndStaleTemporaries(t *testing.T) {
	fixedClock(t, time.Date(2023, 6, 9, 8, 0, 0, 0, time.Local))
	s := open(t, dataPath(t))
	mustBackup(t, s)
	stale := filepath.Join(s.BackupFolder(), ".sao-luu-123")
	fresh := filepath.Join(s.BackupFolder(), ".kiem-tra-456")
	for _, f := range []string{stale, fresh} {
		if err := os.WriteFile(f, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)

	errs := make(chan error, 2)
	for range 2 {
		go func() { _, err := s.Backup(store.ReasonImport); errs <- err }()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if list, _ := s.Backups(); len(list) != 3 {
		t.Errorf("%d backups after two at once, want 3", len(list))
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("an hour-old temporary file is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file was removed")
	}
}
