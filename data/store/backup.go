package store

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Backups are whole copies of the data file, taken inside a read
// transaction (bbolt's Tx.WriteTo), so a copy is one consistent state even
// while the window keeps writing. They live in a "backups" folder beside
// the data file, named after it with the time and the reason:
//
//	pardesk.db  →  backups/pardesk-2023-06-09_14-30-05-hang-ngay.db
//
// and only the newest BackupsKept are kept.

// DefaultBackupsKept is how many backups are kept unless SetBackupsKept says
// otherwise: two weeks of daily backups.
const DefaultBackupsKept = 14

// BackupDir is the folder name of the backups, beside the data file.
const BackupDir = "backups"

// Reason says why a backup was taken; it is part of the file name.
type Reason string

const (
	ReasonManual    Reason = "thu-cong"        // the officer asked for it
	ReasonDaily     Reason = "hang-ngay"       // first start of the day
	ReasonImport    Reason = "truoc-nhap"      // before an Excel import
	ReasonRestore   Reason = "truoc-khoi-phuc" // the state replaced by a restore
	ReasonMigration Reason = "truoc-nang-cap"  // before a schema upgrade
)

// Label is the Vietnamese description of the reason.
func (r Reason) Label() string {
	switch r {
	case ReasonManual:
		return "Sao lưu theo yêu cầu"
	case ReasonDaily:
		return "Sao lưu tự động đầu ngày"
	case ReasonImport:
		return "Trước khi nhập từ Excel"
	case ReasonRestore:
		return "Trước khi khôi phục"
	case ReasonMigration:
		return "Trước khi nâng cấp tệp dữ liệu"
	}
	return string(r)
}

// Backup is one backup file.
type Backup struct {
	Path   string
	Time   time.Time // local time the copy was taken, to the second
	Seq    int       // 0, or 2, 3, … for copies taken in the same second
	Reason Reason
	Size   int64
}

// now is the clock of backup names; tests replace it.
var now = time.Now

const stampLayout = "2006-01-02_15-04-05"

// backupName matches "<stem>-2023-06-09_14-30-05[.2]-<reason><ext>".
var backupName = regexp.MustCompile(`^(.*)-(\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2})(?:\.(\d+))?-([a-z-]+)(\.[^.]*)?$`)

// BackupsKept is how many backups are kept; the oldest beyond it are
// removed after each new backup.
var BackupsKept = DefaultBackupsKept

func (s *Store) backupsKept() int { return max(BackupsKept, 1) }

// BackupFolder is the folder that holds the backups of this data file.
func (s *Store) BackupFolder() string { return backupFolder(s.path) }

func backupFolder(path string) string { return filepath.Join(filepath.Dir(path), BackupDir) }

// Backup copies the data file, as it is at this moment, into the backups
// folder and removes the oldest copies beyond the number kept. Writes may go
// on meanwhile: the copy is one consistent state.
func (s *Store) Backup(reason Reason) (Backup, error) {
	s.rlock()
	defer s.mu.RUnlock()
	if s.lost != nil {
		return Backup{}, s.lost
	}
	return backupDB(s.db, s.path, reason, s.backupsKept())
}

// DailyBackup takes the day's automatic backup unless one was already taken
// today; the window calls it at start. made says whether a copy was taken.
func (s *Store) DailyBackup() (b Backup, made bool, err error) {
	list, err := s.Backups()
	if err != nil {
		return b, false, err
	}
	y, m, d := now().Date()
	for _, b := range list {
		if by, bm, bd := b.Time.Date(); b.Reason == ReasonDaily && by == y && bm == m && bd == d {
			return b, false, nil
		}
	}
	b, err = s.Backup(ReasonDaily)
	return b, err == nil, err
}

// Backups lists the backups of this data file, newest first.
func (s *Store) Backups() ([]Backup, error) { return listBackups(s.path) }

func listBackups(path string) ([]Backup, error) {
	dir := backupFolder(path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, data.Errorf(data.EINTERNAL, "Không đọc được thư mục sao lưu %s: %v", dir, err)
	}
	stem, ext := splitExt(filepath.Base(path))
	var out []Backup
	for _, e := range entries {
		m := backupName.FindStringSubmatch(e.Name())
		if e.IsDir() || m == nil || m[1] != stem || m[5] != ext {
			continue
		}
		t, err := time.ParseInLocation(stampLayout, m[2], time.Local)
		if err != nil {
			continue
		}
		seq, _ := strconv.Atoi(m[3])
		b := Backup{Path: filepath.Join(dir, e.Name()), Time: t, Seq: seq, Reason: Reason(m[4])}
		if fi, err := e.Info(); err == nil {
			b.Size = fi.Size()
		}
		out = append(out, b)
	}
	slices.SortFunc(out, func(a, b Backup) int {
		return cmp.Or(b.Time.Compare(a.Time), cmp.Compare(b.Seq, a.Seq))
	})
	return out, nil
}

func splitExt(name string) (stem, ext string) {
	ext = filepath.Ext(name)
	return strings.TrimSuffix(name, ext), ext
}

// backupDB writes a consistent copy of db into the backups folder of path
// (through a temporary file and a rename, so a backup that exists is whole)
// and prunes the folder to keep copies.
func backupDB(db *bbolt.DB, path string, reason Reason, keep int) (Backup, error) {
	dir := backupFolder(path)
	fail := func(err error) (Backup, error) {
		return Backup{}, data.Errorf(data.EINTERNAL, "Không sao lưu được tệp dữ liệu vào %s: %v. Tệp dữ liệu không bị thay đổi.", dir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(err)
	}
	t := now().Truncate(time.Second)
	stem, ext := splitExt(filepath.Base(path))
	// Copies taken in the same second are numbered, whatever their
	// reason, so that the list keeps the order they were taken in.
	seq := 0
	existing, err := listBackups(path)
	if err != nil {
		return Backup{}, err
	}
	for _, e := range existing {
		if e.Time.Equal(t) {
			seq = max(seq+1, e.Seq+1, 2)
		}
	}
	name := stem + "-" + t.Format(stampLayout)
	if seq > 0 {
		name += "." + strconv.Itoa(seq)
	}
	name += "-" + string(reason) + ext
	b := Backup{Path: filepath.Join(dir, name), Time: t, Seq: seq, Reason: reason}
	tmp, err := os.CreateTemp(dir, ".sao-luu-*")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp.Name())
	err = db.View(func(tx *bbolt.Tx) error {
		n, err := tx.WriteTo(tmp)
		b.Size = n
		return err
	})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), b.Path)
	}
	if err != nil {
		return fail(err)
	}
	syncDir(dir)
	if err := prune(path, keep); err != nil {
		return b, err
	}
	return b, nil
}

// prune removes the oldest backups beyond keep.
func prune(path string, keep int) error {
	list, err := listBackups(path)
	if err != nil {
		return err
	}
	for i := keep; i < len(list); i++ {
		if err := os.Remove(list[i].Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return data.Errorf(data.EINTERNAL, "Không xóa được bản sao lưu cũ %s: %v", list[i].Path, err)
		}
	}
	return nil
}

// Restore replaces the data with a backup (or any ParDesk data file), while
// this Store stays open: it first backs up the current state (reason
// ReasonRestore), then waits for the transactions under way, closes the
// file, puts a copy of the backup in its place with one rename, and reopens
// it. Callers that hold this *Store see the restored data from then on.
// The backup file itself is not changed.
//
// Between the close and the reopen the file is free, and another ParDesk
// starting just then could take it: the reopen retries for reopenWait
// (another window that only looks at the file lets it go within that
// time). If the file still cannot be opened, the restored data stays in
// the data file, the Store is left closed (every transaction then returns
// the same message) and the error names the data file, the backup restored
// and the copy of the state before it.
//
// Restore must not be called inside View or Update: it waits for the
// transactions under way, that one included, and gives up with an error
// after writeLockWait, changing nothing.
func (s *Store) Restore(from string) (saved Backup, err error) {
	if abs, _ := filepath.Abs(from); abs == mustAbs(s.path) {
		return saved, data.Errorf(data.EINVALID, "Tệp %s là chính tệp dữ liệu đang mở; hãy chọn một bản sao lưu", from)
	}
	if _, err := os.Stat(from); err != nil {
		return saved, data.Errorf(data.ENOTFOUND, "Không tìm thấy bản sao lưu %s", from)
	}
	// A file that is not ParDesk data, or is from a newer ParDesk, is
	// refused before anything is touched.
	if err := inspect(from); err != nil {
		return saved, err
	}
	saved, err = s.Backup(ReasonRestore)
	if err != nil {
		return saved, err
	}
	tmp, err := copyBeside(from, s.path)
	if err != nil {
		return saved, data.Errorf(data.EINTERNAL, "Không chép được bản sao lưu %s: %v. Dữ liệu không thay đổi.", from, err)
	}
	defer os.Remove(tmp)

	if err := s.lockWrite("khôi phục dữ liệu"); err != nil {
		return saved, err
	}
	defer s.mu.Unlock()
	if err := s.db.Close(); err != nil {
		return saved, data.Errorf(data.EINTERNAL, "Không đóng được tệp dữ liệu để khôi phục: %v", err)
	}
	if err := os.Rename(tmp, s.path); err != nil {
		// The old file is still in place: reopen it.
		if rerr := s.reopen(); rerr != nil {
			s.lost = data.Errorf(data.EINTERNAL, "Không khôi phục được (%v) và không mở lại được tệp dữ liệu %s (%s). Dữ liệu trong tệp không thay đổi; hãy đóng ParDesk rồi mở lại. Bản sao lưu ngay trước khi khôi phục: %s.",
				err, s.path, data.ErrorMessage(rerr), saved.Path)
			return saved, s.lost
		}
		return saved, data.Errorf(data.EINTERNAL, "Không thay được tệp dữ liệu bằng bản sao lưu: %v. Dữ liệu không thay đổi.", err)
	}
	syncDir(filepath.Dir(s.path))
	if restoreGap != nil {
		restoreGap()
	}
	err = s.reopen()
	if err == nil {
		return saved, nil
	}
	if data.ErrorCode(err) == data.ECONFLICT {
		// Another window holds the file, which is whole and holds the
		// restored data: it must not be replaced under that window.
		s.lost = data.Errorf(data.ECONFLICT, "Đã khôi phục dữ liệu từ bản sao lưu %s vào tệp %s, nhưng trong lúc khôi phục một cửa sổ ParDesk khác đã mở tệp này, nên cửa sổ này không mở lại được. Hãy đóng cửa sổ này và làm việc ở cửa sổ kia (hoặc đóng cả hai rồi mở lại ParDesk). Dữ liệu trước khi khôi phục được giữ ở bản sao lưu %s.",
			from, s.path, saved.Path)
		return saved, s.lost
	}
	// The restored file does not open here (an upgrade that failed, say):
	// put the state from before the restore back.
	if cp, cerr := copyBeside(saved.Path, s.path); cerr == nil && os.Rename(cp, s.path) == nil && s.reopen() == nil {
		return saved, data.Errorf(data.EINTERNAL, "Không mở được dữ liệu khôi phục từ %s (%s); dữ liệu trước khi khôi phục đã được đặt lại.", from, data.ErrorMessage(err))
	}
	s.lost = data.Errorf(data.EINTERNAL, "Không mở được dữ liệu sau khi khôi phục (%s). Hãy đóng ParDesk và khôi phục từ bản sao lưu %s (dữ liệu ngay trước khi khôi phục).", data.ErrorMessage(err), saved.Path)
	return saved, s.lost
}

// reopenWait is how long Restore tries to open the data file again after
// swapping it: long enough to ride over another ParDesk that only looks at
// the file while starting, short enough that the officer is told at once.
var reopenWait = 2 * time.Second

// restoreGap, when set (tests), runs between the swap of the file and the
// reopen: the moment another window could take the file.
var restoreGap func()

// reopen opens s.path again into s.db, retrying for reopenWait; the caller
// holds s.mu for writing. On success s.lost is cleared.
func (s *Store) reopen() error {
	deadline := time.Now().Add(reopenWait)
	for {
		// bbolt itself retries the file lock until its timeout; other
		// errors (on Windows, a virus scanner holding the file just
		// renamed) are retried here.
		db, err := bbolt.Open(s.path, 0o600, &bbolt.Options{Timeout: max(time.Until(deadline), 50*time.Millisecond)})
		if err == nil {
			if err := prepare(db, s.path); err != nil {
				db.Close()
				return err
			}
			s.db, s.lost = db, nil
			return nil
		}
		if errors.Is(err, berrors.ErrTimeout) || time.Now().After(deadline) {
			return openError(s.path, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// copyBeside copies src into a new temporary file in the folder of dst (so
// that a rename onto dst is atomic) and returns its name.
func copyBeside(src, dst string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.CreateTemp(filepath.Dir(dst), ".khoi-phuc-*")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out.Name())
		return "", err
	}
	return out.Name(), nil
}

// syncDir makes a rename in dir durable where the system allows it (not on
// Windows, where a folder cannot be opened for syncing).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

func mustAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

// String describes the backup for lists: "09/06/2023 14:30:05 — Sao lưu
// tự động đầu ngày (32 KB)".
func (b Backup) String() string {
	return fmt.Sprintf("%s %s — %s (%s KB)", data.FormatDate(b.Time), b.Time.Format("15:04:05"), b.Reason.Label(), data.FormatCount((b.Size+1023)/1024))
}
