package store_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"go.etcd.io/bbolt"
)

// clock is a settable clock for backup names.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func fixedClock(t *testing.T, at time.Time) *clock {
	c := &clock{t: at}
	t.Cleanup(store.SetClock(c.now))
	return c
}

// appraised reads one appraised score, "" when none.
func appraised(t *testing.T, s *store.Store, year int, unit, code string) string {
	t.Helper()
	var out string
	view(t, s, func(tx *store.Tx) error {
		sh, err := tx.Sheet(year, unit)
		if p := sh.Scores[code].Appraised; p != nil {
			out = p.Short()
		}
		return err
	})
	return out
}

func setAppraised(t *testing.T, s *store.Store, unit, code, v string) {
	t.Helper()
	update(t, s, func(tx *store.Tx) error {
		return tx.SetScore(2023, unit, code, data.Score{Appraised: pts(v)})
	})
}

func TestBackupIsAWholeCopyNamedByTimeAndReason(t *testing.T) {
	fixedClock(t, time.Date(2023, 6, 9, 14, 30, 5, 0, time.Local))
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2023}, map[string]string{"DN": "Đức Nghĩa"})
	setAppraised(t, s, "DN", "1.1", "18,5")

	b, err := s.Backup(store.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(filepath.Dir(path), "backups", "dulieu-2023-06-09_14-30-05-thu-cong.pardesk.zst")
	if b.Path != want {
		t.Errorf("backup at %s, want %s", b.Path, want)
	}
	if got := b.String(); !strings.HasPrefix(got, "09/06/2023 14:30:05 — Sao lưu theo yêu cầu (") {
		t.Errorf("backup described as %q", got)
	}
	// A second backup in the same second gets its own name.
	b2, err := s.Backup(store.ReasonImport)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(b2.Path) != "dulieu-2023-06-09_14-30-05.2-truoc-nhap.pardesk.zst" {
		t.Errorf("second backup in the same second: %s", b2.Path)
	}
	list, err := s.Backups()
	if err != nil || len(list) != 2 || list[0].Path != b2.Path || list[1].Path != b.Path {
		t.Fatalf("Backups() = %+v, %v; want the two, newest first", list, err)
	}

	// The copy opens as a data file with the data of the moment.
	setAppraised(t, s, "DN", "1.1", "20")
	cp := openBackup(t, b.Path)
	if got := appraised(t, cp, 2023, "DN", "1.1"); got != "18,5" {
		t.Errorf("score in the backup %q, want 18,5 (the value when it was taken)", got)
	}
}

func TestBackupsKeepTheNewest(t *testing.T) {
	c := fixedClock(t, time.Date(2023, 1, 1, 8, 0, 0, 0, time.Local))
	s := open(t, dataPath(t))
	var names []string
	for i := 0; i < store.DefaultBackupsKept+3; i++ {
		b, err := s.Backup(store.ReasonManual)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, b.Path)
		c.add(time.Hour)
	}
	list, _ := s.Backups()
	if len(list) != store.DefaultBackupsKept {
		t.Fatalf("%d backups kept, want %d", len(list), store.DefaultBackupsKept)
	}
	for i, b := range list {
		if want := names[len(names)-1-i]; b.Path != want {
			t.Errorf("backup %d is %s, want %s", i, b.Path, want)
		}
	}
	for _, gone := range names[:3] {
		if _, err := os.Stat(gone); !os.IsNotExist(err) {
			t.Errorf("oldest backup %s still there", gone)
		}
	}
}

func TestDailyBackupOncePerDay(t *testing.T) {
	c := fixedClock(t, time.Date(2023, 6, 9, 7, 55, 0, 0, time.Local))
	s := open(t, dataPath(t))
	if _, err := s.Backup(store.ReasonManual); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		after time.Duration
		made  bool
	}{{0, true}, {2 * time.Hour, false}, {20 * time.Hour, true}, {time.Minute, false}} {
		c.add(step.after)
		b, made, err := s.DailyBackup()
		if err != nil {
			t.Fatal(err)
		}
		if made != step.made || b.Reason != store.ReasonDaily {
			t.Errorf("at %s: DailyBackup made=%v (%s), want made=%v", c.now().Format(time.DateTime), made, b.Path, step.made)
		}
	}
	list, _ := s.Backups()
	if len(list) != 3 {
		t.Errorf("%d backups, want the manual one and one per day", len(list))
	}
}

// The window keeps its Store open while the officer restores: screens that
// hold the Store read the restored data afterwards, and it is saved in the
// data file itself.
func TestRestoreWhileTheAppHoldsTheFile(t *testing.T) {
	c := fixedClock(t, time.Date(2023, 6, 9, 8, 0, 0, 0, time.Local))
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2023}, map[string]string{"DN": "Đức Nghĩa"})
	setAppraised(t, s, "DN", "1.1", "15")
	b, err := s.Backup(store.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	backupBytes := fileBytes(t, b.Path)
	c.add(time.Hour)
	setAppraised(t, s, "DN", "1.1", "19,75")

	// Other screens keep reading and writing while the restore runs.
	var stop atomic.Bool
	var wg sync.WaitGroup
	var readErrs atomic.Int64
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				if err := s.View(func(tx *store.Tx) error { _, err := tx.Sheet(2023, "DN"); return err }); err != nil {
					readErrs.Add(1)
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !stop.Load() {
			// A write of another criterion; it lands before or after the
			// swap, never in between.
			if err := s.Update(func(tx *store.Tx) error {
				return tx.SetScore(2023, "DN", "2", data.Score{Appraised: pts("40")})
			}); err != nil {
				readErrs.Add(1)
			}
		}
	}()
	time.Sleep(20 * time.Millisecond)
	saved, err := s.Restore(b.Path)
	stop.Store(true)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if n := readErrs.Load(); n > 0 {
		t.Errorf("%d transactions failed during the restore", n)
	}
	if got := appraised(t, s, 2023, "DN", "1.1"); got != "15" {
		t.Errorf("after restore the held store reads %q, want 15 from the backup", got)
	}
	sameFile(t, b.Path, backupBytes)

	// The state before the restore was kept.
	if saved.Reason != store.ReasonRestore {
		t.Errorf("pre-restore backup reason %q", saved.Reason)
	}
	pre := openBackup(t, saved.Path)
	if got := appraised(t, pre, 2023, "DN", "1.1"); got != "19,75" {
		t.Errorf("pre-restore backup holds %q, want 19,75", got)
	}
	pre.Close()

	// The store still holds the file: another window is refused, and a
	// write after the restore is in the data file.
	if other, err := store.Open(path); err == nil {
		other.Close()
		t.Fatal("a second window opened the file after the restore")
	}
	setAppraised(t, s, "DN", "1.2", "27")
	s.Close()
	s = open(t, path)
	if a, b := appraised(t, s, 2023, "DN", "1.1"), appraised(t, s, 2023, "DN", "1.2"); a != "15" || b != "27" {
		t.Errorf("reopened after restore: 1.1 %q, 1.2 %q; want 15 and 27", a, b)
	}
}

func TestRestoreRefusesAFileThatIsNotParDeskData(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2023}, map[string]string{"DN": "Đức Nghĩa"})
	setAppraised(t, s, "DN", "1.1", "15")
	bad := filepath.Join(t.TempDir(), "baocao.xlsx")
	if err := os.WriteFile(bad, []byte("PK\x03\x04 không phải dữ liệu"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := s.Restore(bad)
	wantError(t, err, data.EINVALID, bad, "không phải tệp dữ liệu ParDesk")
	_, err = s.Restore(path)
	wantError(t, err, data.EINVALID, "chính tệp dữ liệu đang mở")
	if list, _ := s.Backups(); len(list) != 0 {
		t.Errorf("a refused restore took %d backups", len(list))
	}
	if got := appraised(t, s, 2023, "DN", "1.1"); got != "15" {
		t.Errorf("after a refused restore the score is %q, want 15", got)
	}
}

func TestUpgradeBacksUpTheOldFileFirst(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2023}, map[string]string{"DN": "Đức Nghĩa"})
	s.Close()
	setSchema(t, path, store.SchemaVersion-1)
	t.Cleanup(store.SwapMigrations(map[int]func(*bbolt.Tx) error{store.SchemaVersion - 1: func(*bbolt.Tx) error { return nil }}))

	s = open(t, path)
	list, err := s.Backups()
	if err != nil || len(list) != 1 || list[0].Reason != store.ReasonMigration {
		t.Fatalf("backups after an upgrade: %+v, %v; want one taken before it", list, err)
	}
	old, err := store.UnpackBackup(list[0].Path, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if schemaOf(t, old) != store.SchemaVersion-1 {
		t.Error("the pre-upgrade backup is not the old file")
	}
	// Read it as it is: opening it with store.Open would upgrade it.
	db, err := bbolt.Open(old, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bbolt.Tx) error {
		if tx.Bucket([]byte("units")).Get([]byte("DN")) == nil {
			t.Error("the pre-upgrade backup lacks unit DN")
		}
		return nil
	})
}

// restoreSetup is a data file with score 1.1 at 15 in a backup and at
// 19,75 in the file.
func restoreSetup(t *testing.T) (s *store.Store, path string, b store.Backup) {
	t.Helper()
	c := fixedClock(t, time.Date(2023, 6, 9, 8, 0, 0, 0, time.Local))
	path = dataPath(t)
	s = open(t, path)
	seed(t, s, []int{2023}, map[string]string{"DN": "Đức Nghĩa"})
	setAppraised(t, s, "DN", "1.1", "15")
	b, err := s.Backup(store.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	c.add(time.Hour)
	setAppraised(t, s, "DN", "1.1", "19,75")
	return s, path, b
}

// Another ParDesk that opens the file in the gap between the swap and the
// reopen, and lets it go within the reopen's retries, does not make the
// restore fail.
func TestRestoreReopenWaitsForAWindowThatLetsGo(t *testing.T) {
	s, path, b := restoreSetup(t)
	t.Cleanup(store.SetRestoreGap(func() {
		other, err := store.Open(path)
		if err != nil {
			t.Errorf("the other window could not take the file in the gap: %v", err)
			return
		}
		time.AfterFunc(700*time.Millisecond, func() { other.Close() })
	}))
	start := time.Now()
	if _, err := s.Restore(b.Path); err != nil {
		t.Fatalf("restore with a window that lets go after 0,7 s: %v", err)
	}
	if d := time.Since(start); d < 700*time.Millisecond {
		t.Errorf("restore took %v: the gap's window was not in the way", d)
	}
	if got := appraised(t, s, 2023, "DN", "1.1"); got != "15" {
		t.Errorf("after restore %q, want 15", got)
	}
}

// Another ParDesk that keeps the file: after about 2 s the restore says,
// in Vietnamese, that the data was restored but this window cannot reopen
// it, naming the backups; the other window has the restored data and is
// not pulled from under; this Store answers every call with the message
// and closes quietly.
func TestRestoreWhenAnotherWindowKeepsTheFile(t *testing.T) {
	s, path, b := restoreSetup(t)
	var other *store.Store
	t.Cleanup(store.SetRestoreGap(func() {
		var err error
		if other, err = store.Open(path); err != nil {
			t.Errorf("the other window could not take the file in the gap: %v", err)
		}
	}))
	start := time.Now()
	saved, err := s.Restore(b.Path)
	d := time.Since(start)
	if other == nil {
		t.Fatal("no other window")
	}
	defer other.Close()
	wantError(t, err, data.ECONFLICT, "Đã khôi phục dữ liệu từ bản sao lưu "+b.Path, "một cửa sổ ParDesk khác đã mở tệp này",
		"Dữ liệu trước khi khôi phục được giữ ở bản sao lưu "+saved.Path)
	if d < 1500*time.Millisecond || d > 4*time.Second {
		t.Errorf("restore gave up after %v, want about 2 s", d)
	}
	if got := appraised(t, other, 2023, "DN", "1.1"); got != "15" {
		t.Errorf("the other window reads %q, want the restored 15", got)
	}
	setAppraised(t, other, "DN", "1.2", "27")
	if err2 := s.View(func(*store.Tx) error { return nil }); err2 == nil || err2.Error() != err.Error() {
		t.Errorf("View after the failed reopen: %v", err2)
	}
	if err2 := s.Update(func(*store.Tx) error { return nil }); err2 == nil || err2.Error() != err.Error() {
		t.Errorf("Update after the failed reopen: %v", err2)
	}
	if _, err2 := s.Backup(store.ReasonManual); err2 == nil {
		t.Error("Backup after the failed reopen succeeded")
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close after the failed reopen: %v", err)
	}
	// The other window's write is in the file: nothing replaced it.
	other.Close()
	again := open(t, path)
	if a, b := appraised(t, again, 2023, "DN", "1.1"), appraised(t, again, 2023, "DN", "1.2"); a != "15" || b != "27" {
		t.Errorf("the file holds 1.1 %q, 1.2 %q; want 15 and 27", a, b)
	}
}

// Restore and Close called inside a transaction would wait for
// themselves: they give up with an error instead, and the Store goes on.
func TestRestoreAndCloseInsideATransactionDoNotHang(t *testing.T) {
	s, _, b := restoreSetup(t)
	t.Cleanup(store.SetWriteLockWait(300 * time.Millisecond))
	done := make(chan struct{})
	go func() {
		defer close(done)
		err := s.View(func(*store.Tx) error {
			if _, err := s.Restore(b.Path); err == nil || !strings.Contains(err.Error(), "Không khôi phục dữ liệu được") {
				t.Errorf("Restore inside View: %v", err)
			}
			if err := s.Close(); err == nil || !strings.Contains(err.Error(), "Không đóng tệp dữ liệu được") {
				t.Errorf("Close inside View: %v", err)
			}
			return nil
		})
		if err != nil {
			t.Errorf("View: %v", err)
		}
		err = s.Update(func(tx *store.Tx) error {
			if err := s.Close(); err == nil {
				t.Error("Close inside Update succeeded")
			}
			return tx.SetScore(2023, "DN", "1.2", data.Score{Appraised: pts("27")})
		})
		if err != nil {
			t.Errorf("Update: %v", err)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Restore or Close inside a transaction hangs")
	}
	if a, b := appraised(t, s, 2023, "DN", "1.1"), appraised(t, s, 2023, "DN", "1.2"); a != "19,75" || b != "27" {
		t.Errorf("after the refused calls: 1.1 %q, 1.2 %q; want 19,75 and 27", a, b)
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close outside a transaction: %v", err)
	}
}
