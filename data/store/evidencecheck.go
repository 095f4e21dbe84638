package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pardesk/pardesk/data"
)

// EvidenceCheck is what CheckEvidence found: every reference of the data
// file whose file is missing from the evidence folder or whose content no
// longer matches the SHA-256 recorded when it was attached.
type EvidenceCheck struct {
	Folder string // the evidence folder checked
	Refs   int    // references in the data file
	Files  int    // distinct files they name
	Bytes  int64  // the size of those files
	Whole  bool   // every file was read again and hashed (else: presence and size)
	// Missing and Altered name each reference whose file is missing or
	// altered, in the order of years, units and criteria.
	Missing, Altered []EvidenceRef
	// Unreferenced are files in the folder no reference names: left by an
	// attachment whose transaction failed, or by removed references. They
	// are harmless and kept.
	Unreferenced []string
}

// OK reports whether every referenced file is in place and whole.
func (c EvidenceCheck) OK() bool { return len(c.Missing) == 0 && len(c.Altered) == 0 }

// Problems lists, one line each, the missing and altered files, naming the
// unit, the year, the criterion and the file.
func (c EvidenceCheck) Problems() []string {
	var out []string
	for _, r := range c.Missing {
		out = append(out, fmt.Sprintf("Thiếu tài liệu kiểm chứng: %s (sha256 %s)", r.Where(), r.File.ShortHash()))
	}
	for _, r := range c.Altered {
		out = append(out, fmt.Sprintf("Tài liệu kiểm chứng đã bị thay đổi: %s (sha256 %s): nội dung không còn như lúc đính kèm", r.Where(), r.File.ShortHash()))
	}
	return out
}

// Summary says in one line what was checked: "Tài liệu kiểm chứng: 12 tệp
// (3,4 MB), 15 lần đính kèm, đã đọc lại toàn bộ: đầy đủ, nguyên vẹn."
func (c EvidenceCheck) Summary() string {
	how := "đã kiểm tra có mặt và kích thước"
	if c.Whole {
		how = "đã đọc lại và đối chiếu mã SHA-256 toàn bộ"
	}
	s := fmt.Sprintf("Tài liệu kiểm chứng (%s): %s tệp (%s), %s lần đính kèm, %s", c.Folder, data.FormatCount(int64(c.Files)), data.FormatSize(c.Bytes), data.FormatCount(int64(c.Refs)), how)
	if c.OK() {
		s += ": đầy đủ, nguyên vẹn."
	} else {
		s += fmt.Sprintf(": thiếu %d, bị thay đổi %d.", len(c.Missing), len(c.Altered))
	}
	if n := len(c.Unreferenced); n > 0 {
		s += fmt.Sprintf(" %d tệp trong thư mục không còn được tiêu chí nào dùng (vô hại, được giữ lại).", n)
	}
	return s
}

// CheckEvidence checks the file of every evidence reference in the data:
// present with its recorded size, and when whole, read again and hashed.
// Nothing is written.
func (s *Store) CheckEvidence(whole bool) (EvidenceCheck, error) {
	st := s.Evidence()
	c := EvidenceCheck{Folder: st.Dir(), Whole: whole}
	var refs []EvidenceRef
	if err := s.View(func(tx *Tx) (err error) { refs, err = tx.EvidenceRefs(); return err }); err != nil {
		return c, err
	}
	c.Refs = len(refs)
	state := map[string]string{} // hash → "", ENOTFOUND or EDAMAGED
	for _, r := range refs {
		h := r.File.SHA256
		code, seen := state[h]
		if !seen {
			c.Files++
			c.Bytes += r.File.Size
			if whole {
				code = data.ErrorCode(st.Verify(h))
			} else if size, err := st.Stat(h); err != nil {
				code = data.ErrorCode(err)
			} else if size != r.File.Size {
				code = data.EDAMAGED
			}
			state[h] = code
		}
		switch code {
		case "":
		case data.ENOTFOUND:
			c.Missing = append(c.Missing, r)
		default:
			c.Altered = append(c.Altered, r)
		}
	}
	held, err := st.Hashes()
	if err != nil {
		return c, err
	}
	for _, h := range held {
		if _, ok := state[h]; !ok {
			c.Unreferenced = append(c.Unreferenced, h)
		}
	}
	return c, nil
}

// CheckBackupEvidence checks that every kept backup can be restored whole:
// each file its list names is in the backups' evidence folder (whole:
// and still hashes to its name). It returns one line per backup that
// lacks files, naming the backup and how many; none when all are whole.
// Nothing is written.
func (s *Store) CheckBackupEvidence(whole bool) ([]string, error) {
	list, err := s.Backups()
	if err != nil {
		return nil, err
	}
	st := evidenceBackupStore(s.path)
	if _, err := os.Stat(st.Dir()); errors.Is(err, os.ErrNotExist) {
		// No backup ever kept a file: unless the data references some
		// (the folder lost), there is nothing to read the backups for.
		var hashes []string
		if err := s.View(func(tx *Tx) (err error) { hashes, err = evidenceHashes(tx.bolt); return err }); err != nil || len(hashes) == 0 {
			return nil, err
		}
	}
	state := map[string]bool{} // hash → whole
	var out []string
	for _, b := range list {
		hashes, err := backupHashes(b.Path, false)
		if err != nil {
			out = append(out, fmt.Sprintf("Không đọc được danh sách tài liệu kiểm chứng của bản sao lưu %s: %v", b.Path, err))
			continue
		}
		bad := 0
		for _, h := range hashes {
			ok, seen := state[h]
			if !seen {
				if whole {
					ok = st.Verify(h) == nil
				} else {
					ok = st.Has(h)
				}
				state[h] = ok
			}
			if !ok {
				bad++
			}
		}
		if bad > 0 {
			out = append(out, fmt.Sprintf("Bản sao lưu %s (%s): %d trong %d tài liệu kiểm chứng không còn nguyên trong thư mục %s; khôi phục bản này sẽ thiếu các tệp đó.", filepath.Base(b.Path), b, bad, len(hashes), st.Dir()))
		}
	}
	return out, nil
}
