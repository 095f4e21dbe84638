package store

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/progress"
	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Backups are whole copies of the data file, taken inside a read
// transaction (bbolt's Tx.WriteTo), so a copy is one consistent state even
// while the window keeps writing. They live in a "backups" folder beside
// the data file, named after it with the time and the reason, compressed
// with zstd (compress.go):
//
//	pardesk.db  →  backups/pardesk-2023-06-09_14-30-05-hang-ngay.db.zst
//
// Kept are the newest BackupsKept and the newest backup of each of the
// last MonthsKept months (prune). Backups of an older ParDesk, named
// without ".zst" and not compressed, are listed and restored alike.

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
	ReasonPackage   Reason = "truoc-nhap-goi"  // before an exchange package is imported
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
	case ReasonPackage:
		return "Trước khi nhập gói trao đổi"
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
	// Warning, after a backup was written, says what went wrong around it
	// (an old copy that could not be removed); the backup itself is whole.
	Warning string
}

// now is the clock of backup names; tests replace it.
var now = time.Now

const stampLayout = "2006-01-02_15-04-05"

// backupName matches "<stem>-2023-06-09_14-30-05[.2]-<reason><ext>".
var backupName = regexp.MustCompile(`^(.*)-(\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2})(?:\.(\d+))?-([a-z-]+)(\.[^.]*)?$`)

// BackupsKept is how many of the newest backups are kept; the older ones
// are removed after each new backup, except the newest of each of the
// last MonthsKept months.
var BackupsKept = DefaultBackupsKept

// MonthsKept is how many calendar months, this one included, keep their
// newest backup beyond the BackupsKept newest.
const MonthsKept = 12

func (s *Store) backupsKept() int { return max(BackupsKept, 1) }

// BackupFolder is the folder that holds the backups of this data file.
func (s *Store) BackupFolder() string { return backupFolder(s.path) }

func backupFolder(path string) string { return filepath.Join(filepath.Dir(path), BackupDir) }

// Backup copies the data file, as it is at this moment, into the backups
// folder and removes the oldest copies beyond the number kept. Writes may go
// on meanwhile: the copy is one consistent state.
func (s *Store) Backup(reason Reason) (Backup, error) { return s.BackupProgress(reason, nil) }

// BackupProgress is Backup telling p how far it has gone: the copy
// written, then read back and checked.
func (s *Store) BackupProgress(reason Reason, p progress.Func) (Backup, error) {
	s.rlock()
	held := true
	release := func() {
		if held {
			held = false
			s.mu.RUnlock()
		}
	}
	defer release()
	if s.lost != nil {
		return Backup{}, s.lost
	}
	return backupDBProgress(s.db, s.path, reason, s.backupsKept(), "", release, p)
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
		// "….db.zst" is a compressed backup, "….db" an older one.
		m := backupName.FindStringSubmatch(strings.TrimSuffix(e.Name(), compressedExt))
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
// (through a temporary file and a rename, so a backup that exists is whole),
// checks the copy whole, and prunes the folder to keep copies, never
// removing protect (the backup being restored). A copy that fails the check
// is not kept and nothing is pruned: a damaged data file never pushes the
// sound backups out. An old copy that cannot be removed does not fail the
// backup: it is reported in the Warning of the backup returned.
//
// Backups are taken one at a time (the daily one runs in the background
// while the officer may start an import): names chosen in the same second
// never collide. release, when not nil, is called once the copy is
// written and db no longer needed: the read-back and check that follow
// then hold back no close or restore.
func backupDB(db *bbolt.DB, path string, reason Reason, keep int, protect string, release func()) (Backup, error) {
	return backupDBProgress(db, path, reason, keep, protect, release, nil)
}

// backupDBProgress is backupDB telling p how far it has gone.
func backupDBProgress(db *bbolt.DB, path string, reason Reason, keep int, protect string, release func(), p progress.Func) (Backup, error) {
	backupMu.Lock()
	defer backupMu.Unlock()
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
	name += "-" + string(reason) + ext + compressedExt
	b := Backup{Path: filepath.Join(dir, name), Time: t, Seq: seq, Reason: reason}
	tmp, err := os.CreateTemp(dir, ".sao-luu-*")
	if err != nil {
		return fail(err)
	}
	// Removed whatever happens: after a failed write, check or rename
	// it is left over, after a rename it is gone already.
	defer os.Remove(tmp.Name())
	// The transaction's copy streams through the encoder: the data is
	// never written uncompressed here.
	buf := bufio.NewWriterSize(tmp, 1<<16)
	enc, err := newEncoder(buf)
	var hashes []string // the evidence files this state references (evidencebackup.go)
	if err == nil {
		err = guard(func() error {
			return db.View(func(tx *bbolt.Tx) error {
				_, err := tx.WriteTo(&progress.Writer{W: enc, Stage: stageBackup, Total: tx.Size(), F: p})
				if err == nil {
					hashes, err = evidenceHashes(tx)
				}
				return err
			})
		})
		if cerr := enc.Close(); err == nil {
			err = cerr
		}
	}
	if release != nil {
		release()
	}
	if err == nil {
		err = buf.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if err == nil {
		var fi os.FileInfo
		if fi, err = tmp.Stat(); err == nil {
			b.Size = fi.Size()
		}
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	// Listing the evidence reads the sheets: damage there is damaged data,
	// which a restore keeps aside instead of backing it up.
	var d *damage
	if errors.As(err, &d) {
		return Backup{}, data.Errorf(data.EDAMAGED, "Tệp dữ liệu %s bị hỏng (%v): không sao lưu được, các bản sao lưu cũ được giữ nguyên. Hãy khôi phục từ bản sao lưu gần nhất còn tốt.", path, err)
	}
	if err != nil {
		return fail(err)
	}
	// What was written is read back: decompressed and checked whole, so
	// a backup kept is one that restores.
	if err := checkBackupProgress(tmp.Name(), p); err != nil {
		var d *damage
		if errors.As(err, &d) || errors.Is(err, errForeign) {
			return Backup{}, data.Errorf(data.EDAMAGED, "Tệp dữ liệu %s bị hỏng hoặc bản sao lưu vừa ghi không đọc lại được (%v): bản sao lưu đã bị xóa, các bản sao lưu cũ được giữ nguyên. Hãy khôi phục từ bản sao lưu gần nhất còn tốt.", path, err)
		}
		return fail(err)
	}
	if err := rename(tmp.Name(), b.Path); err != nil {
		return fail(err)
	}
	syncDir(dir)
	b.Warning = keepEvidence(path, b.Path, hashes)
	if err := prune(path, keep, protect); err != nil {
		b.Warning = joinWarnings(b.Warning, data.ErrorMessage(err))
	}
	if err := pruneEvidence(path); err != nil {
		b.Warning = joinWarnings(b.Warning, data.ErrorMessage(err))
	}
	return b, nil
}

// backupMu makes backups one at a time.
var backupMu sync.Mutex

// checkWhole checks the whole file at path with the checks of check.go and
// bbolt's; the error is what checkFile returns.
func checkWhole(path string) error { return checkWholeProgress(path, nil) }

// checkWholeProgress is checkWhole telling p how far it has read.
func checkWholeProgress(path string, p progress.Func) error {
	_, err := checkFile(path, true, p)
	return err
}

// rename and removeFile are os.Rename and os.Remove; tests replace them to
// fail as Windows does when another program holds a file.
var (
	rename     = os.Rename
	removeFile = os.Remove
)

// renameRetry renames, retrying for reopenWait: on Windows a virus scanner
// or the search indexer holds a file just written for a moment, and a
// rename over it fails meanwhile.
func renameRetry(from, to string) error {
	deadline := time.Now().Add(reopenWait)
	for {
		err := rename(from, to)
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// prune removes the backups beyond the newest keep, except the newest of
// each of the last MonthsKept calendar months (this one included) and
// protect. It goes on past a copy it cannot remove and reports them all.
func prune(path string, keep int, protect string) error {
	list, err := listBackups(path)
	if err != nil {
		return err
	}
	y, m, _ := now().Date()
	oldest := time.Date(y, m-MonthsKept+1, 1, 0, 0, 0, 0, time.Local)
	months := map[[2]int]bool{} // the list is newest first
	monthly := make([]bool, len(list))
	for i, b := range list {
		by, bm, _ := b.Time.Date()
		if month := [2]int{by, int(bm)}; !b.Time.Before(oldest) && !months[month] {
			months[month], monthly[i] = true, true
		}
	}
	removeStaleTemporaries(backupFolder(path))
	var failed []string
	for i := keep; i < len(list); i++ {
		if monthly[i] || protect != "" && mustAbs(list[i].Path) == mustAbs(protect) {
			continue
		}
		if err := removeFile(list[i].Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			failed = append(failed, fmt.Sprintf("%s (%v)", list[i].Path, err))
		}
	}
	if len(failed) > 0 {
		return data.Errorf(data.EINTERNAL, "Bản sao lưu mới đã được ghi đầy đủ, nhưng không xóa được bản sao lưu cũ %s; có thể một chương trình khác (phần mềm diệt virus) đang giữ tệp. Lần sao lưu sau sẽ thử xóa lại.", strings.Join(failed, ", "))
	}
	return nil
}

// removeStaleTemporaries removes the temporary files of backups that
// never finished (ParDesk closed, or the PC turned off, while a backup
// was written or checked), once they are an hour old: the backup being
// written now is never touched.
func removeStaleTemporaries(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, ".sao-luu-") && !strings.HasPrefix(name, ".kiem-tra-") {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// Restore replaces the data with a backup (or any ParDesk data file), while
// this Store stays open. In this order: it checks the backup whole (a
// damaged one is refused, nothing touched), copies it beside the data file
// (before anything can prune it), waits for the transactions under way and
// holds off new ones, backs up the current state (reason ReasonRestore;
// damaged data, which makes no sound backup, is kept instead by renaming
// the file aside), closes the file, renames the copy into its place
// (retrying, as Windows refuses while a scanner holds the file) and
// reopens it. No write can land between that backup and the swap. Callers
// that hold this *Store see the restored data from then on. The backup
// file itself is not changed.
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
func (s *Store) Restore(from string) (saved Backup, err error) { return s.RestoreProgress(from, nil) }

// RestoreProgress is Restore telling p how far it has gone: the backup
// decompressed, checked, the data backed up first.
func (s *Store) RestoreProgress(from string, p progress.Func) (saved Backup, err error) {
	if abs, _ := filepath.Abs(from); abs == mustAbs(s.path) {
		return saved, data.Errorf(data.EINVALID, "Tệp %s là chính tệp dữ liệu đang mở; hãy chọn một bản sao lưu", from)
	}
	if _, err := os.Stat(from); err != nil {
		return saved, data.Errorf(data.ENOTFOUND, "Không tìm thấy bản sao lưu %s", from)
	}
	// Copy it first (decompressed): the pre-restore backup below prunes
	// the oldest backups, and the one restored may be the oldest.
	tmp, err := copyBesideProgress(from, s.path, p)
	if err != nil {
		if d := (*damage)(nil); errors.As(err, &d) {
			return saved, backupError(from, err)
		}
		return saved, data.Errorf(data.EINTERNAL, "Không chép được bản sao lưu %s: %v. Dữ liệu không thay đổi.", from, err)
	}
	defer os.Remove(tmp)
	// A damaged backup, a file that is not ParDesk data, or one from a
	// newer ParDesk, is refused before anything is touched: the copy,
	// which is what goes in place, is checked whole.
	if err := checkWholeProgress(tmp, p); err != nil {
		return saved, backupError(from, err)
	}

	// From the pre-restore backup to the swap no write may land: it would
	// be in neither.
	if err := s.lockWrite("khôi phục dữ liệu"); err != nil {
		return saved, err
	}
	defer s.mu.Unlock()
	if s.lost != nil {
		return saved, s.lost
	}
	saved, err = backupDBProgress(s.db, s.path, ReasonRestore, s.backupsKept(), from, nil, p)
	// Damaged data makes no sound backup: the file itself is kept
	// instead, renamed beside, once closed.
	damagedData := data.ErrorCode(err) == data.EDAMAGED
	if err != nil && !damagedData {
		return saved, err
	}
	if restoreAfterBackup != nil {
		restoreAfterBackup()
	}
	// Close first, always: Windows cannot rename over an open file.
	if err := s.db.Close(); err != nil {
		return saved, data.Errorf(data.EINTERNAL, "Không đóng được tệp dữ liệu để khôi phục: %v", err)
	}
	if damagedData {
		aside := asideName(s.path)
		if err := renameRetry(s.path, aside); err != nil {
			if rerr := s.reopen(); rerr != nil {
				s.lost = data.Errorf(data.EINTERNAL, "Không đổi tên được tệp dữ liệu hỏng %s (%v) và không mở lại được tệp. Hãy đóng ParDesk rồi mở lại.", s.path, err)
				return saved, s.lost
			}
			return saved, data.Errorf(data.EINTERNAL, "Không đổi tên được tệp dữ liệu hỏng %s để khôi phục: %v. Dữ liệu không thay đổi.", s.path, err)
		}
		saved = Backup{Path: aside, Time: now().Truncate(time.Second), Reason: ReasonRestore}
	}
	if err := renameRetry(tmp, s.path); err != nil {
		if damagedData {
			rename(saved.Path, s.path)
		}
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
		s.sawDamage.Store(false)
		// The evidence the restored data references is put back too.
		s.db.View(func(b *bbolt.Tx) error {
			saved.Warning = joinWarnings(saved.Warning, restoreEvidence(s.tx(b), s.path, from))
			return nil
		})
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
	if cp, cerr := copyBeside(saved.Path, s.path); cerr == nil {
		ok := renameRetry(cp, s.path) == nil && s.reopen() == nil
		os.Remove(cp) // left over when the rename failed
		if ok {
			return saved, data.Errorf(data.EINTERNAL, "Không mở được dữ liệu khôi phục từ %s (%s); dữ liệu trước khi khôi phục đã được đặt lại.", from, data.ErrorMessage(err))
		}
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

// restoreAfterBackup, when set (tests), runs between a restore's
// pre-restore backup and the swap.
var restoreAfterBackup func()

// reopen opens s.path again into s.db, retrying for reopenWait; the caller
// holds s.mu for writing. On success s.lost is cleared.
func (s *Store) reopen() error {
	deadline := time.Now().Add(reopenWait)
	for {
		// bbolt itself retries the file lock until its timeout; other
		// errors (on Windows, a virus scanner holding the file just
		// renamed) are retried here.
		db, err := openBolt(s.path, bbolt.Options{Timeout: max(time.Until(deadline), 50*time.Millisecond)})
		if err == nil {
			if err := guard(func() error { return prepare(db, s.path, nil) }); err != nil {
				db.Close()
				return fileError(s.path, err)
			}
			s.db, s.lost = db, nil
			return nil
		}
		if errors.Is(err, berrors.ErrTimeout) || time.Now().After(deadline) {
			return boltOpenError(s.path, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// NewestSoundBackup is the newest backup of the data file at path that
// passes the whole check, for the window to offer when the data file is
// damaged; ok is false when there is none.
func NewestSoundBackup(path string) (b Backup, ok bool, err error) {
	list, err := listBackups(path)
	if err != nil {
		return b, false, err
	}
	for _, b := range list {
		if checkBackup(b.Path) == nil {
			return b, true, nil
		}
	}
	return b, false, nil
}

// RecoverFrom puts a copy of the backup from in place of the damaged data
// file at path, while no Store has it open: the backup is checked whole
// and copied beside the data file first, then the damaged file is renamed
// aside, never deleted ("pardesk.db.hong-2026-12-02_08-30-00"), and the
// copy renamed into its place. It returns the damaged file's new name
// ("" when there was no file at path). The backup itself is not changed.
func RecoverFrom(path, from string) (aside string, err error) {
	// A data file another window has open is not pulled from under it.
	if db, err := openBolt(path, bbolt.Options{ReadOnly: true, Timeout: lockTimeout}); err == nil {
		db.Close()
	} else if errors.Is(err, berrors.ErrTimeout) {
		return "", openError(path, err)
	}
	tmp, err := copyBeside(from, path)
	if err != nil {
		if d := (*damage)(nil); errors.As(err, &d) {
			return "", backupError(from, err)
		}
		return "", data.Errorf(data.EINTERNAL, "Không chép được bản sao lưu %s: %v. Không có gì thay đổi.", from, err)
	}
	defer os.Remove(tmp)
	// The copy, decompressed, is what goes in place: it is checked whole.
	if err := checkWhole(tmp); err != nil {
		return "", backupError(from, err)
	}
	if _, err := os.Lstat(path); err == nil {
		aside = asideName(path)
		if err := renameRetry(path, aside); err != nil {
			return "", data.Errorf(data.EINTERNAL, "Không đổi tên được tệp dữ liệu hỏng %s: %v. Không có gì thay đổi.", path, err)
		}
	}
	if err := renameRetry(tmp, path); err != nil {
		if aside != "" {
			rename(aside, path)
		}
		return "", data.Errorf(data.EINTERNAL, "Không đặt được bản sao lưu %s vào chỗ tệp dữ liệu %s: %v. Tệp dữ liệu vẫn như trước.", from, path, err)
	}
	syncDir(filepath.Dir(path))
	os.Remove(openMarker(path)) // the file in place now was checked whole
	// The evidence it references is put back too, as far as the backups
	// hold it; what they do not, `pardesk check` names.
	restoreEvidenceFile(path, from)
	return aside, nil
}

// asideName is a free name beside path for a damaged data file kept:
// "pardesk.db.hong-2026-12-02_08-30-00".
func asideName(path string) string {
	stamp := now().Format(stampLayout)
	aside := path + ".hong-" + stamp
	for i := 2; ; i++ {
		if _, err := os.Lstat(aside); errors.Is(err, os.ErrNotExist) {
			return aside
		}
		aside = fmt.Sprintf("%s.hong-%s.%d", path, stamp, i)
	}
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
