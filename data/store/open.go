package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/progress"
	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the layout of the data file this program writes. A
// change of layout that older data would not fit (a renamed field, a new key
// format) raises it and adds a migration; a new entity does not (see
// codec.go).
const SchemaVersion = 4

// migrations[n] upgrades a file from schema version n to n+1. Open runs the
// ones a file needs, oldest first, in the single write transaction that
// records the new version: an upgrade that fails leaves the file as it was.
// Version 1 is the first layout; 2 keeps each locked year's approved
// ranking with its lock (migrate.go); 4 stores the audit trail and the
// sheets compact and indexes the history (migrate_compact.go). A variable, so that tests can
// register migrations for versions that exist only in tests.
var migrations = map[int]func(tx *bbolt.Tx) error{}

const (
	bucketMeta = "meta"
	keySchema  = "schema"
)

// lockTimeout is how long Open waits for another window to release the file.
// Long enough to ride over a window that is just closing, short enough that
// the officer is told at once.
const lockTimeout = time.Second

// Open opens the data file at path, creating it and its folder if missing.
// It refuses, with a message for the officer, a file another window has
// open, a file written by a newer ParDesk, a file that is not ParDesk data,
// an empty (0-byte) file and a damaged file (code data.EDAMAGED); a file
// written by an older ParDesk is upgraded. A refused file is never
// written to.
//
// Every open checks the file's structure (check.go); the whole file is
// checked when it is small (fullCheckMax) or was not closed cleanly: a
// marker file beside it (openMarker) exists from Open to Close, so it
// survives a killed process or a power cut without the data file being
// written when nothing changes.
func Open(path string) (*Store, error) { return OpenProgress(path, nil) }

// OpenProgress is Open telling p how far the whole check (after an
// unclean close) and an upgrade's backup have gone: on a file of ten
// years of the whole country they take a minute.
func OpenProgress(path string, p progress.Func) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, data.Errorf(data.EINTERNAL, "Không tạo được thư mục chứa tệp dữ liệu %s: %v", path, err)
	}
	// Look before writing. On Windows merely opening a bbolt file
	// read-write grows it to its memory-map size, so a file we are going to
	// refuse is first opened read-only, and is never changed.
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return nil, data.Errorf(data.EINVALID, "%s là một thư mục, không phải tệp dữ liệu ParDesk", path)
	case err == nil && fi.Size() == 0:
		return nil, emptyFile(path)
	case err == nil:
		full := fi.Size() <= fullCheckMax || unclean(path)
		if _, err := checkFile(path, full, p); err != nil {
			return nil, fileError(path, err)
		}
	case !errors.Is(err, os.ErrNotExist):
		return nil, data.Errorf(data.EINTERNAL, "Không đọc được tệp dữ liệu %s: %v", path, err)
	}
	db, err := openBolt(path, bbolt.Options{Timeout: lockTimeout})
	if err != nil {
		return nil, boltOpenError(path, err)
	}
	if err := guard(func() error { return prepare(db, path, p) }); err != nil {
		db.Close()
		return nil, fileError(path, err)
	}
	s := &Store{db: db, path: path}
	s.markOpen()
	return s, nil
}

// OpenReading opens an existing data file to read it only: what the
// command line's reports and exports need. It checks the file's structure
// as Open does, and the whole file only when it was not closed cleanly,
// since nothing here is written and a damaged page met while reading is
// refused by the transaction that meets it (guard) instead of crashing. A
// file of an older layout is refused with a word to open it in the window
// (which upgrades it) rather than upgraded behind a report. Update on such
// a Store fails with bbolt's read-only error.
func OpenReading(path string) (*Store, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, data.Errorf(data.ENOTFOUND, "Không tìm thấy tệp dữ liệu %s", path)
	case err != nil:
		return nil, data.Errorf(data.EINTERNAL, "Không đọc được tệp dữ liệu %s: %v", path, err)
	case fi.IsDir():
		return nil, data.Errorf(data.EINVALID, "%s là một thư mục, không phải tệp dữ liệu ParDesk", path)
	case fi.Size() == 0:
		return nil, emptyFile(path)
	}
	if _, err := checkFile(path, unclean(path), nil); err != nil {
		return nil, fileError(path, err)
	}
	db, err := openBolt(path, bbolt.Options{ReadOnly: true, Timeout: lockTimeout})
	if err != nil {
		return nil, boltOpenError(path, err)
	}
	err = guard(func() error {
		return db.View(func(tx *bbolt.Tx) error {
			version, empty, err := readSchema(tx, path)
			switch {
			case err != nil:
				return err
			case empty:
				return notOurs(path)
			case version < SchemaVersion:
				return data.Errorf(data.EINVALID, "Tệp dữ liệu %s có cấu trúc của một phiên bản ParDesk cũ hơn (phiên bản %d): hãy mở tệp bằng cửa sổ ParDesk một lần để nâng cấp (có sao lưu trước), rồi chạy lại lệnh này.", path, version)
			}
			return nil
		})
	})
	if err != nil {
		db.Close()
		return nil, fileError(path, err)
	}
	return &Store{db: db, path: path}, nil
}

// openMarker is the file beside the data file that says it is open: Open
// writes it, Close removes it, so one left behind means the program that
// had the file stopped without closing it.
func openMarker(path string) string { return path + ".dang-mo" }

func unclean(path string) bool {
	_, err := os.Stat(openMarker(path))
	return err == nil
}

// markOpen writes the open marker. Without one (a read-only folder) the
// next start after a crash relies on the size rule alone.
func (s *Store) markOpen() {
	m := openMarker(s.path)
	if err := os.WriteFile(m, fmt.Appendf(nil, "ParDesk (tiến trình %d) mở tệp dữ liệu này lúc %s\n", os.Getpid(), time.Now().Format(time.DateTime)), 0o600); err == nil {
		s.marker = m
	}
}

// boltOpenError is the message for an error of bbolt.Open (in openBolt).
func boltOpenError(path string, err error) error {
	var d *damage
	if errors.As(err, &d) {
		return damaged(path, d.what)
	}
	return openError(path, err)
}

// prepare brings a file opened read-write to SchemaVersion: it records the
// version in a new file and upgrades an older one. A file already at
// SchemaVersion is not written to, so opening and closing the program
// leaves the file (and its backups' checksums) unchanged.
func prepare(db *bbolt.DB, path string, p progress.Func) error {
	var version int
	var empty bool
	err := db.View(func(tx *bbolt.Tx) (err error) {
		version, empty, err = readSchema(tx, path)
		return err
	})
	switch {
	case err != nil:
		return err
	case empty:
		return db.Update(func(tx *bbolt.Tx) error { return put(tx, bucketMeta, keySchema, SchemaVersion) })
	case version < SchemaVersion:
		// The upgrade rewrites the data: keep the file as it was first.
		if _, err := backupDBProgress(db, path, ReasonMigration, max(BackupsKept, 1), "", nil, p); err != nil {
			return err
		}
		if err := db.Update(func(tx *bbolt.Tx) error { return migrate(tx, version) }); err != nil {
			return data.Errorf(data.EINTERNAL, "Không nâng cấp được tệp dữ liệu %s từ phiên bản %d lên phiên bản %d: %v. Tệp vẫn giữ nguyên như trước.", path, version, SchemaVersion, err)
		}
	}
	return nil
}

// readSchema returns the schema version of the file, or empty when the file
// has no buckets at all (bbolt has just created it). A file with buckets but
// no version is some other program's bbolt file.
func readSchema(tx *bbolt.Tx, path string) (version int, empty bool, err error) {
	version, ok, err := get[int](tx, bucketMeta, keySchema)
	switch {
	case err != nil:
		return 0, false, notOurs(path)
	case !ok:
		if name, _ := tx.Cursor().First(); name == nil {
			return 0, true, nil
		}
		return 0, false, notOurs(path)
	case version > SchemaVersion:
		return 0, false, data.Errorf(data.EINVALID,
			"Tệp dữ liệu %s được tạo bởi một phiên bản ParDesk mới hơn (cấu trúc dữ liệu phiên bản %d, phiên bản này chỉ đọc được đến phiên bản %d). Hãy cập nhật ParDesk để mở tệp này; tệp không bị thay đổi.",
			path, version, SchemaVersion)
	}
	return version, false, nil
}

// migrate runs the migrations from version up to SchemaVersion and records
// the new version, all in tx.
func migrate(tx *bbolt.Tx, version int) error {
	for v := version; v < SchemaVersion; v++ {
		m := migrations[v]
		if m == nil {
			return fmt.Errorf("không có bước nâng cấp từ phiên bản %d", v)
		}
		if err := m(tx); err != nil {
			return fmt.Errorf("bước nâng cấp từ phiên bản %d: %w", v, err)
		}
	}
	return put(tx, bucketMeta, keySchema, SchemaVersion)
}

// openError turns bbolt's open errors into messages for the officer.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return data.Errorf(data.ECONFLICT, "Tệp dữ liệu %s đang được mở ở một cửa sổ ParDesk khác. Hãy đóng cửa sổ đó rồi mở lại.", path)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch),
		// A file shorter than two pages; bbolt has no error value for it.
		strings.HasPrefix(err.Error(), "file size too small"):
		return notOurs(path)
	}
	return data.Errorf(data.EINTERNAL, "Không mở được tệp dữ liệu %s: %v", path, err)
}

func notOurs(path string) error {
	return data.Errorf(data.EINVALID, "Tệp %s không phải tệp dữ liệu ParDesk (hoặc đã bị hỏng). Hãy chọn đúng tệp dữ liệu, hoặc khôi phục từ bản sao lưu.", path)
}
