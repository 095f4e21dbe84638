package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/evidence"
	"go.etcd.io/bbolt"
)

// A backup holds the evidence its data references, so that restoring any
// kept backup on a PC whose evidence folder is gone restores everything.
// The files are kept once for all backups, content-addressed like the
// evidence folder itself, in a folder inside the backups folder:
//
//	backups/pardesk-2023-06-09_14-30-05-hang-ngay.db.zst
//	backups/kiemchung/1a/1a2b3c…                  the files, each once
//	backups/kiemchung/danh-sach/pardesk-2023-…zst.txt   the hashes that backup references
//
// A backup copies only the files not there yet, so a daily backup of a year
// whose evidence did not change copies nothing. When backups are pruned,
// a file no kept backup references is removed with them. Moving to a new
// PC, the officer copies the backup file and the kiemchung folder beside it.

// EvidenceBackupDir is the folder of the backups' evidence files, inside
// the backups folder.
const EvidenceBackupDir = "kiemchung"

// manifestDir holds one list per backup of the hashes it references.
const manifestDir = "danh-sach"

func evidenceBackupStore(path string) *evidence.Store {
	return evidence.New(filepath.Join(backupFolder(path), EvidenceBackupDir))
}

func manifestPath(backup string) string {
	return filepath.Join(filepath.Dir(backup), EvidenceBackupDir, manifestDir, filepath.Base(backup)+".txt")
}

// evidenceHashes lists the distinct files the data in tx references,
// sorted. Every backup runs it over every sheet of every year, and most
// sheets have no file: a sheet whose stored bytes cannot hold one
// (mayHoldFiles) is not decoded. Measured on a province's file (1 020
// sheets of 120 scores, 17 MB compact; a backup costs about 300 ms of
// CPU): decoding every sheet cost 59-88 ms, skipping those without files
// a few (BenchmarkEvidenceHashes).
func evidenceHashes(tx *bbolt.Tx) ([]string, error) {
	var out []string
	b := tx.Bucket([]byte(bucketSheets))
	if b == nil {
		return nil, nil
	}
	c := b.Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		if !mayHoldFiles(raw) {
			continue
		}
		var s data.Sheet
		if err := decodeValue(raw, &s); err != nil {
			return nil, fmt.Errorf("store: %s/%s: %w", bucketSheets, k, err)
		}
		for _, sc := range s.Scores {
			for _, f := range sc.Files {
				out = append(out, f.SHA256)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// mayHoldFiles says whether a stored sheet may reference evidence files.
// In JSON, and in the first compact layout (where a score's files are
// among the fields kept as JSON, compact.go), a score's files are written
// under the key "files": bytes without it hold none. Any other layout is
// decoded to be sure.
func mayHoldFiles(raw []byte) bool {
	if len(raw) == 0 || raw[0] != '{' && raw[0] != layoutSheet {
		return true
	}
	return bytes.Contains(raw, []byte(`"files"`))
}

// keepEvidence copies into the backups' evidence folder the files of
// hashes not there yet, and writes the list of hashes of the backup
// written at backup. It returns a warning naming the files it could not
// keep (missing or altered in the evidence folder), "" when all are kept.
func keepEvidence(path, backup string, hashes []string) string {
	dst, src := evidenceBackupStore(path), evidence.New(evidence.DirFor(path))
	if _, err := os.Stat(dst.Dir()); len(hashes) == 0 && errors.Is(err, os.ErrNotExist) {
		return "" // no evidence ever backed up: the backups folder stays as it was
	}
	var failed []string
	for _, h := range hashes {
		// Held already: a daily backup reads nothing more. (Re-hashing
		// every kept file would read the whole evidence of the office every
		// day; a restore hashes what it takes back.)
		if n, err := dst.Stat(h); err == nil {
			if m, err := src.Stat(h); err != nil || m == n {
				continue
			}
		}
		if _, err := dst.CopyFrom(src, h); err != nil {
			failed = append(failed, data.ErrorMessage(err))
		}
	}
	if err := writeManifest(backup, hashes); err != nil {
		failed = append(failed, fmt.Sprintf("không ghi được danh sách tài liệu kiểm chứng của bản sao lưu (%v)", err))
	}
	if len(failed) == 0 {
		return ""
	}
	return fmt.Sprintf("Bản sao lưu dữ liệu đã được ghi đầy đủ, nhưng %d tài liệu kiểm chứng không được sao lưu: %s. Lệnh pardesk check cho biết đơn vị, tiêu chí và tên tệp.", len(failed), strings.Join(failed, "; "))
}

func writeManifest(backup string, hashes []string) error {
	p := manifestPath(backup)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".dang-ghi-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	for _, h := range hashes {
		w.WriteString(h + "\n")
	}
	err = w.Flush()
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}

// backupHashes is the list of hashes the backup at b references: from its
// list, or, for a backup without one (the list lost), from the backup
// itself, whose list is then written when save is set.
func backupHashes(b string, save bool) ([]string, error) {
	raw, err := os.ReadFile(manifestPath(b))
	if err == nil {
		var out []string
		for _, l := range strings.Split(string(raw), "\n") {
			if data.IsSHA256(l) {
				out = append(out, l)
			}
		}
		return out, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	tmp, err := unpack(b, filepath.Dir(b), ".kiem-tra-*", false, nil)
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp)
	db, err := openBolt(tmp, bbolt.Options{ReadOnly: true, Timeout: lockTimeout})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var hashes []string
	err = guard(func() error {
		return db.View(func(tx *bbolt.Tx) (err error) {
			hashes, err = evidenceHashes(tx)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	if save {
		writeManifest(b, hashes)
	}
	return hashes, nil
}

// pruneEvidence removes from the backups' evidence folder the files no
// kept backup references, and the lists of backups no longer kept. If the
// references of a kept backup cannot be read, nothing is removed: a file
// is never lost to a doubt.
func pruneEvidence(path string) error {
	list, err := listBackups(path)
	if err != nil {
		return err
	}
	st := evidenceBackupStore(path)
	if _, err := os.Stat(st.Dir()); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	held, err := st.Hashes()
	if err != nil {
		return err
	}
	used := map[string]bool{}
	lists := map[string]bool{}
	for _, b := range list {
		hs, err := backupHashes(b.Path, true)
		if err != nil {
			return data.Errorf(data.EINTERNAL, "Không đọc được danh sách tài liệu kiểm chứng của bản sao lưu %s (%v): chưa xóa tài liệu kiểm chứng nào của các bản sao lưu cũ.", b.Path, err)
		}
		for _, h := range hs {
			used[h] = true
		}
		lists[filepath.Base(manifestPath(b.Path))] = true
	}
	var failed []string
	for _, h := range held {
		if !used[h] {
			if err := st.Remove(h); err != nil {
				failed = append(failed, data.ErrorMessage(err))
			}
		}
	}
	dir := filepath.Join(st.Dir(), manifestDir)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".txt") && !lists[e.Name()] {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
	if len(failed) > 0 {
		return data.Errorf(data.EINTERNAL, "Không xóa được tài liệu kiểm chứng của các bản sao lưu cũ: %s. Lần sao lưu sau sẽ thử xóa lại.", strings.Join(failed, "; "))
	}
	return nil
}

// restoreEvidence puts back, after the data of the backup from was
// restored into the file at path, every file it references that the
// evidence folder lacks or holds altered, from the evidence kept beside
// that backup or beside this data file's backups, each checked against its
// hash. It returns a warning naming, by unit, year, criterion and file
// name, what could not be put back; "" when everything is in place.
func restoreEvidence(tx *Tx, path, from string) string {
	refs, err := tx.EvidenceRefs()
	if err != nil {
		return "Không đọc được danh sách tài liệu kiểm chứng của dữ liệu vừa khôi phục: " + data.ErrorMessage(err)
	}
	live := evidence.New(evidence.DirFor(path))
	sources := []*evidence.Store{evidence.New(filepath.Join(filepath.Dir(from), EvidenceBackupDir))}
	if own := evidenceBackupStore(path); mustAbs(own.Dir()) != mustAbs(sources[0].Dir()) {
		sources = append(sources, own)
	}
	done := map[string]bool{}
	var lost []string
	for _, r := range refs {
		h := r.File.SHA256
		ok, tried := done[h]
		if !tried {
			ok = live.Verify(h) == nil
			for _, src := range sources {
				if !ok {
					_, err := live.CopyFrom(src, h)
					ok = err == nil
				}
			}
			done[h] = ok
		}
		if !ok {
			lost = append(lost, r.Where())
		}
	}
	if len(lost) == 0 {
		return ""
	}
	return fmt.Sprintf("Đã khôi phục dữ liệu, nhưng %d tài liệu kiểm chứng không có trong thư mục %s và không tìm thấy bản còn nguyên trong thư mục %s bên cạnh bản sao lưu: %s.",
		len(lost), live.Dir(), EvidenceBackupDir, strings.Join(lost, "; "))
}

// restoreEvidenceFile is restoreEvidence for the data file at path while
// no Store has it open (RecoverFrom).
func restoreEvidenceFile(path, from string) string {
	db, err := openBolt(path, bbolt.Options{ReadOnly: true, Timeout: lockTimeout})
	if err != nil {
		return "Không mở được dữ liệu vừa khôi phục để đặt lại tài liệu kiểm chứng: " + err.Error()
	}
	defer db.Close()
	var warning string
	err = guard(func() error {
		return db.View(func(b *bbolt.Tx) error {
			warning = restoreEvidence(&Tx{bolt: b}, path, from)
			return nil
		})
	})
	if err != nil {
		return data.ErrorMessage(err)
	}
	return warning
}

// joinWarnings joins two warnings for one message.
func joinWarnings(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}
