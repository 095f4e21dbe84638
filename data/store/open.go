package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the layout of the data file this program writes. A
// change of layout that older data would not fit (a renamed field, a new key
// format) raises it and adds a migration; a new entity does not (see
// codec.go).
const SchemaVersion = 1

// migrations[n] upgrades a file from schema version n to n+1. Open runs the
// ones a file needs, oldest first, in the single write transaction that
// records the new version: an upgrade that fails leaves the file as it was.
// Version 1 is the first layout, so there are none yet. A variable, so that
// tests can register migrations for versions that exist only in tests.
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
// open, a file written by a newer ParDesk and a file that is not ParDesk
// data; a file written by an older ParDesk is upgraded.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, data.Errorf(data.EINTERNAL, "Không tạo được thư mục chứa tệp dữ liệu %s: %v", path, err)
	}
	// Look before writing. On Windows merely opening a bbolt file
	// read-write grows it to its memory-map size, so a file we are going to
	// refuse is first opened read-only, and is never changed.
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
		if err := inspect(path); err != nil {
			return nil, err
		}
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: lockTimeout})
	if err != nil {
		return nil, openError(path, err)
	}
	if err := prepare(db, path); err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, path: path}, nil
}

// inspect opens an existing file read-only and refuses it if it is not
// ParDesk data this program can read.
func inspect(path string) error {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: lockTimeout})
	if err != nil {
		return openError(path, err)
	}
	defer db.Close()
	return db.View(func(tx *bbolt.Tx) error {
		_, _, err := readSchema(tx, path)
		return err
	})
}

// prepare brings a file opened read-write to SchemaVersion: it records the
// version in a new file and upgrades an older one. A file already at
// SchemaVersion is not written to, so opening and closing the program
// leaves the file (and its backups' checksums) unchanged.
func prepare(db *bbolt.DB, path string) error {
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
		if _, err := backupDB(db, path, ReasonMigration, max(BackupsKept, 1)); err != nil {
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
