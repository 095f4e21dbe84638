package data

import (
	"fmt"
	"strings"
	"time"
)

// EvidenceFile is a reference to one evidence document (tài liệu kiểm
// chứng) attached to a unit's score on a criterion: the file itself lives
// in the content store beside the data file (package data/evidence), named
// by its SHA-256; the data file holds only this reference, so a document
// attached to several criteria or units is stored once.
type EvidenceFile struct {
	Name    string    `json:"name"`         // the name the officer knows it by: "QĐ 12-UBND.pdf"
	SHA256  string    `json:"sha256"`       // hex, lower case: the content's name in the store
	Size    int64     `json:"size"`         // bytes
	Added   time.Time `json:"added"`        // when it was attached
	AddedBy string    `json:"by,omitempty"` // the officer who attached it
}

// Same reports whether two references are the same attachment.
func (f EvidenceFile) Same(o EvidenceFile) bool {
	return f.Name == o.Name && f.SHA256 == o.SHA256 && f.Size == o.Size && f.Added.Equal(o.Added) && f.AddedBy == o.AddedBy
}

// ShortHash is the first 12 hex digits of the file's SHA-256: enough to
// tell files apart in the audit trail and on a printed list.
func (f EvidenceFile) ShortHash() string {
	if len(f.SHA256) > 12 {
		return f.SHA256[:12]
	}
	return f.SHA256
}

// Label names the file for the audit trail: "QĐ 12-UBND.pdf (sha256 1a2b3c4d5e6f)".
func (f EvidenceFile) Label() string { return f.Name + " (sha256 " + f.ShortHash() + ")" }

// sameFiles reports whether two lists hold the same attachments in the
// same order.
func sameFiles(a, b []EvidenceFile) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Same(b[i]) {
			return false
		}
	}
	return true
}

// FileIndex returns the position of the attachment with the given SHA-256
// in the score's list, or -1.
func (s Score) FileIndex(sha string) int {
	for i, f := range s.Files {
		if f.SHA256 == sha {
			return i
		}
	}
	return -1
}

// IsSHA256 reports whether h is a SHA-256 written as 64 lower-case hex
// digits, the only form the content store names files by.
func IsSHA256(h string) bool {
	if len(h) != 64 {
		return false
	}
	for _, c := range h {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// checkFiles normalises the names of a score's attachments and refuses a
// reference that could not name a stored file, or the same file twice on
// one criterion.
func checkFiles(unit, code string, sc *Score) error {
	seen := map[string]string{}
	for i, f := range sc.Files {
		f.Name = Clean(f.Name)
		if f.Name == "" {
			return errorf(EINVALID, "Tài liệu kiểm chứng của đơn vị %s, tiêu chí %s: tệp thứ %d chưa có tên", unit, code, i+1)
		}
		if !IsSHA256(f.SHA256) || f.Size < 0 {
			return errorf(EINVALID, "Tài liệu kiểm chứng «%s» của đơn vị %s, tiêu chí %s: mã SHA-256 hoặc kích thước không hợp lệ", f.Name, unit, code)
		}
		if other, ok := seen[f.SHA256]; ok {
			return errorf(ECONFLICT, "Tài liệu kiểm chứng «%s» của đơn vị %s, tiêu chí %s: cùng nội dung với tệp «%s» đã đính kèm ở tiêu chí này", f.Name, unit, code, other)
		}
		seen[f.SHA256] = f.Name
		sc.Files[i] = f
	}
	return nil
}

// FormatSize prints a file size the way an officer reads it: "850 KB",
// "1,2 MB", "12 MB" (1 KB = 1024 bytes, one decimal under 10 MB).
func FormatSize(n int64) string {
	const kb, mb = 1024, 1024 * 1024
	switch {
	case n < kb:
		return fmt.Sprintf("%d byte", n)
	case n < mb:
		return FormatCount((n+kb-1)/kb) + " KB"
	case n < 10*mb:
		// Tenths, rounded half-up.
		t := (n*10 + mb/2) / mb
		if t%10 == 0 {
			return FormatCount(t/10) + " MB"
		}
		return fmt.Sprintf("%d,%d MB", t/10, t%10)
	}
	return FormatCount((n+mb/2)/mb) + " MB"
}

// FileNames lists the names of a score's attachments, "; "-separated.
func FileNames(files []EvidenceFile) string {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	return strings.Join(names, "; ")
}
