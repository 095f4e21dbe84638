// Package evidence keeps the evidence documents (tài liệu kiểm chứng) that
// units attach to their scores, in a folder beside the data file:
//
//	pardesk.db
//	pardesk-kiemchung/1a/1a2b3c…(64 hex digits)
//
// Files are content-addressed: each is named by the SHA-256 of its bytes,
// under a subfolder of the first two hex digits, so the same document
// attached to ten criteria, or sent again by a unit, is stored once, and a
// file whose bytes changed no longer matches its name (Verify). The data
// file holds only the references (data.EvidenceFile: the officer's name
// for the file, its SHA-256, size, date and who attached it).
//
// The API, stable for the window, the command line and exchange packages:
//
//	DirFor(dataPath) string             the folder beside a data file
//	New(dir) *Store                     a store over that folder (created on the first Put)
//	(*Store).Put(name, r) (Info, error) stream a file in: type check, size limit, hash; never twice
//	(*Store).Has / Stat / Path(hash)    presence, size, where it lives
//	(*Store).Open(hash)                 read it
//	(*Store).Verify(hash) error         re-hash it: missing (ENOTFOUND) or altered (EDAMAGED)
//	(*Store).Hashes() ([]string, error) every file held, for listing unreferenced ones
//	(*Store).CopyOut(hash, name, dir)   a verified copy under the officer's name, to open in a viewer
//	(*Store).CopyFrom(other, hash)      take a file from another store (backups), verified on the way
//	(*Store).Remove(hash)               delete a file (pruning the backups' store only)
//	CheckName(name) error               the extension check alone, before reading anything
//	MaxFileSize, MaxUnitYear            the limits
//
// Put writes to a temporary file in the store's folder while hashing,
// stops as soon as the file passes MaxFileSize, checks the content is the
// kind its extension says (kind.go), syncs it to disk and renames it into
// place: a file in the store is always whole. A reference is added to the
// data file only after Put returned, in a transaction of its own; if that
// transaction fails the file stays in the store unreferenced, which is
// harmless (the next Put of the same document finds it, and `pardesk
// check` lists files no score references).
package evidence

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
)

// MaxFileSize is the largest evidence file accepted: a scanned decision of
// a hundred pages is a few MB; 50 MB leaves room for photos and keeps the
// backups of a year on an ordinary USB stick.
const MaxFileSize int64 = 50 << 20

// MaxUnitYear is the most evidence one unit may attach for one year, all
// criteria together (a file attached to several criteria counts once).
const MaxUnitYear int64 = 500 << 20

// DirSuffix is added to the data file's name (without its extension) to
// name the evidence folder: pardesk.db → pardesk-kiemchung.
const DirSuffix = "-kiemchung"

// DirFor is the evidence folder of the data file at dataPath.
func DirFor(dataPath string) string {
	base := filepath.Base(dataPath)
	return filepath.Join(filepath.Dir(dataPath), strings.TrimSuffix(base, filepath.Ext(base))+DirSuffix)
}

// Store is a content-addressed folder of evidence files. It holds no open
// file and no lock: files are only ever added whole (by rename), so
// several windows and commands may use one folder at once.
type Store struct {
	dir     string
	maxFile int64
}

// New returns the store over dir; the folder is created on the first Put.
func New(dir string) *Store { return &Store{dir: dir, maxFile: MaxFileSize} }

// Dir is the store's folder.
func (s *Store) Dir() string { return s.dir }

// Info describes a file put in the store.
type Info struct {
	SHA256 string
	Size   int64
	// Stored is false when the store held the same content already and
	// nothing was written.
	Stored bool
}

// tempPrefix names the temporary files of a Put under way.
const tempPrefix = ".dang-ghi-"

// Path is where the file with the given hash lives (whether or not it is
// there).
func (s *Store) Path(hash string) string {
	if len(hash) < 2 {
		return filepath.Join(s.dir, hash)
	}
	return filepath.Join(s.dir, hash[:2], hash)
}

// Put streams a file into the store. name is the file's name as the
// officer knows it: its extension must be a document or image kind
// (CheckName) and the content must be that kind (a program renamed .pdf is
// refused). A file larger than MaxFileSize is refused as soon as the limit
// is passed. The same content stored already is not written again (a copy
// found altered is replaced by the good one). A refused file leaves
// nothing behind.
func (s *Store) Put(name string, r io.Reader) (Info, error) {
	k, err := kindOf(name)
	if err != nil {
		return Info{}, err
	}
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return Info{}, data.Errorf(data.EINTERNAL, "Không tạo được thư mục tài liệu kiểm chứng %s: %v", s.dir, err)
	}
	s.removeStaleTemporaries()
	tmp, err := os.CreateTemp(s.dir, tempPrefix+"*")
	if err != nil {
		return Info{}, data.Errorf(data.EINTERNAL, "Không ghi được vào thư mục tài liệu kiểm chứng %s: %v", s.dir, err)
	}
	// Removed whatever happens: after a refusal or a failed write it is
	// left over, after the rename it is gone already.
	defer os.Remove(tmp.Name())
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(r, s.maxFile+1))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Info{}, data.Errorf(data.EINTERNAL, "Không đọc hoặc ghi được tệp «%s»: %v. Tệp chưa được đính kèm.", name, err)
	}
	if n > s.maxFile {
		return Info{}, data.Errorf(data.EINVALID, "Tệp «%s» lớn hơn %s, mức tối đa của một tài liệu kiểm chứng: hãy nén ảnh, quét với độ phân giải thấp hơn hoặc tách thành nhiều tệp.", name, data.FormatSize(s.maxFile))
	}
	if n == 0 {
		return Info{}, data.Errorf(data.EINVALID, "Tệp «%s» rỗng (0 byte): không có gì để đính kèm.", name)
	}
	if err := k.check(tmp.Name(), name); err != nil {
		return Info{}, err
	}
	info := Info{SHA256: hex.EncodeToString(h.Sum(nil)), Size: n}
	dst := s.Path(info.SHA256)
	if s.Verify(info.SHA256) == nil {
		return info, nil
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return Info{}, data.Errorf(data.EINTERNAL, "Không tạo được thư mục %s: %v", filepath.Dir(dst), err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return Info{}, data.Errorf(data.EINTERNAL, "Không lưu được tệp «%s» vào %s: %v. Tệp chưa được đính kèm.", name, s.dir, err)
	}
	syncDir(filepath.Dir(dst))
	info.Stored = true
	return info, nil
}

// removeStaleTemporaries removes what a Put cut short (the program closed,
// the PC turned off) left, once it is an hour old: a Put under way in
// another window is never touched.
func (s *Store) removeStaleTemporaries() {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasPrefix(e.Name(), tempPrefix) {
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
				os.Remove(filepath.Join(s.dir, e.Name()))
			}
		}
	}
}

// Has reports whether the store holds a file with the given hash (without
// reading it).
func (s *Store) Has(hash string) bool {
	fi, err := os.Stat(s.Path(hash))
	return err == nil && fi.Mode().IsRegular()
}

// Stat returns the size of the file with the given hash; the error is
// data.ENOTFOUND when it is missing.
func (s *Store) Stat(hash string) (int64, error) {
	if !data.IsSHA256(hash) {
		return 0, data.Errorf(data.EINVALID, "%q không phải mã SHA-256 của một tài liệu kiểm chứng", hash)
	}
	fi, err := os.Stat(s.Path(hash))
	if err != nil || !fi.Mode().IsRegular() {
		return 0, data.Errorf(data.ENOTFOUND, "Không có tệp %s trong thư mục tài liệu kiểm chứng %s", hash, s.dir)
	}
	return fi.Size(), nil
}

// Open opens the file with the given hash for reading; the error is
// data.ENOTFOUND when it is missing.
func (s *Store) Open(hash string) (*os.File, error) {
	if _, err := s.Stat(hash); err != nil {
		return nil, err
	}
	f, err := os.Open(s.Path(hash))
	if err != nil {
		return nil, data.Errorf(data.EINTERNAL, "Không mở được tài liệu kiểm chứng %s: %v", s.Path(hash), err)
	}
	return f, nil
}

// Verify reads the file with the given hash whole and checks its bytes
// still hash to its name: nil when they do, data.ENOTFOUND when the file
// is missing, data.EDAMAGED when its content changed.
func (s *Store) Verify(hash string) error {
	f, err := s.Open(hash)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return data.Errorf(data.EDAMAGED, "Không đọc hết được tài liệu kiểm chứng %s: %v", s.Path(hash), err)
	}
	if hex.EncodeToString(h.Sum(nil)) != hash {
		return data.Errorf(data.EDAMAGED, "Nội dung tệp %s đã bị thay đổi: không còn khớp mã SHA-256 lúc đính kèm", s.Path(hash))
	}
	return nil
}

// Hashes lists the hashes of every file the store holds, sorted; an
// absent folder holds none.
func (s *Store) Hashes() ([]string, error) {
	var out []string
	err := filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == s.dir {
				return filepath.SkipDir
			}
			return err
		}
		if d.Type().IsRegular() && data.IsSHA256(d.Name()) && filepath.Base(filepath.Dir(p)) == d.Name()[:2] {
			out = append(out, d.Name())
		}
		return nil
	})
	if err != nil {
		return nil, data.Errorf(data.EINTERNAL, "Không đọc được thư mục tài liệu kiểm chứng %s: %v", s.dir, err)
	}
	slices.Sort(out)
	return out, nil
}

// CopyOut writes a copy of the file with the given hash into dir under
// the officer's name for it (made safe for a file name) and returns its
// path: what the system's viewer opens, so that a viewer that saves
// changes never touches the evidence. The copy is hashed on the way and
// refused (and removed) when the stored file was altered.
func (s *Store) CopyOut(hash, name, dir string) (string, error) {
	in, err := s.Open(hash)
	if err != nil {
		return "", err
	}
	defer in.Close()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", data.Errorf(data.EINTERNAL, "Không tạo được thư mục %s: %v", dir, err)
	}
	dst := filepath.Join(dir, SafeName(name))
	// A copy opened before may still be open in its viewer (Word locks
	// its file on Windows): when it is still the same bytes, it is used.
	if sameContent(dst, hash) {
		return dst, nil
	}
	out, err := os.Create(dst)
	if err != nil {
		return "", data.Errorf(data.EINTERNAL, "Không chép được tài liệu kiểm chứng ra %s: %v", dst, err)
	}
	h := sha256.New()
	_, err = io.Copy(io.MultiWriter(out, h), in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil && hex.EncodeToString(h.Sum(nil)) != hash {
		err = data.Errorf(data.EDAMAGED, "Tệp «%s» (%s) đã bị thay đổi từ khi đính kèm: nội dung không khớp mã SHA-256; không mở bản này. Hãy khôi phục từ bản sao lưu.", name, s.Path(hash))
	}
	if err != nil {
		os.Remove(dst)
		if data.ErrorCode(err) == data.EDAMAGED {
			return "", err
		}
		return "", data.Errorf(data.EINTERNAL, "Không chép được tài liệu kiểm chứng ra %s: %v", dst, err)
	}
	return dst, nil
}

// SafeName makes the officer's name for a file usable as a file name on
// Windows: no folder part, no characters Windows refuses.
func SafeName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 32 || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, name)
	name = strings.TrimRight(name, ". ")
	if name == "" {
		name = "tai-lieu"
	}
	return name
}

// syncDir makes a rename in dir durable where the system allows it (not on
// Windows, where a folder cannot be opened for syncing).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// CopyFrom puts into this store the file with the given hash held by
// another (the live store into a backup's, a backup's back into the live
// one), hashing it on the way: a source whose bytes no longer match is
// refused (data.EDAMAGED) and nothing is written. A file this store holds
// already, whole, is not copied again; one found altered is replaced.
// copied says whether bytes were written.
func (s *Store) CopyFrom(from *Store, hash string) (copied bool, err error) {
	if s.Verify(hash) == nil {
		return false, nil
	}
	in, err := from.Open(hash)
	if err != nil {
		return false, err
	}
	defer in.Close()
	dst := s.Path(hash)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return false, data.Errorf(data.EINTERNAL, "Không tạo được thư mục %s: %v", filepath.Dir(dst), err)
	}
	tmp, err := os.CreateTemp(s.dir, tempPrefix+"*")
	if err != nil {
		return false, data.Errorf(data.EINTERNAL, "Không ghi được vào thư mục tài liệu kiểm chứng %s: %v", s.dir, err)
	}
	defer os.Remove(tmp.Name())
	h := sha256.New()
	_, err = io.Copy(io.MultiWriter(tmp, h), in)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return false, data.Errorf(data.EINTERNAL, "Không chép được tài liệu kiểm chứng %s sang %s: %v", from.Path(hash), s.dir, err)
	}
	if hex.EncodeToString(h.Sum(nil)) != hash {
		return false, data.Errorf(data.EDAMAGED, "Nội dung tệp %s đã bị thay đổi: không còn khớp mã SHA-256 lúc đính kèm; không chép bản này", from.Path(hash))
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return false, data.Errorf(data.EINTERNAL, "Không chép được tài liệu kiểm chứng vào %s: %v", dst, err)
	}
	syncDir(filepath.Dir(dst))
	return true, nil
}

// Remove deletes the file with the given hash from the store: for pruning
// a backup's store once no kept backup references it. A missing file is
// not an error.
func (s *Store) Remove(hash string) error {
	if !data.IsSHA256(hash) {
		return data.Errorf(data.EINVALID, "%q không phải mã SHA-256 của một tài liệu kiểm chứng", hash)
	}
	if err := os.Remove(s.Path(hash)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return data.Errorf(data.EINTERNAL, "Không xóa được %s: %v", s.Path(hash), err)
	}
	os.Remove(filepath.Dir(s.Path(hash))) // only when empty
	return nil
}

// sameContent reports whether the file at path exists and hashes to hash.
func sameContent(path, hash string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	h := sha256.New()
	_, err = io.Copy(h, f)
	return err == nil && hex.EncodeToString(h.Sum(nil)) == hash
}
