package store

import (
	"path/filepath"
	"time"
)

// SetClock replaces the clock of backup names for the length of a test.
func SetClock(f func() time.Time) (restore func()) {
	old := now
	now = f
	return func() { now = old }
}

// SetRestoreGap runs fn between a restore's swap of the file and its
// reopen, for the length of a test.
func SetRestoreGap(fn func()) (restore func()) {
	old := restoreGap
	restoreGap = fn
	return func() { restoreGap = old }
}

// SetWriteLockWait shortens how long Close and Restore wait for the
// transactions under way, for the length of a test.
func SetWriteLockWait(d time.Duration) (restore func()) {
	old := writeLockWait
	writeLockWait = d
	return func() { writeLockWait = old }
}

// SetRestoreAfterBackup runs fn between a restore's pre-restore backup
// and its swap, for the length of a test.
func SetRestoreAfterBackup(fn func()) (restore func()) {
	old := restoreAfterBackup
	restoreAfterBackup = fn
	return func() { restoreAfterBackup = old }
}

// SetRename and SetRemove replace os.Rename and os.Remove in backups and
// restores, for the length of a test.
func SetRename(fn func(from, to string) error) (restore func()) {
	old := rename
	rename = fn
	return func() { rename = old }
}

func SetRemove(fn func(name string) error) (restore func()) {
	old := removeFile
	removeFile = fn
	return func() { removeFile = old }
}

// SetFullCheckMax sets the size up to which every open checks the whole
// file, for the length of a test.
func SetFullCheckMax(n int64) (restore func()) {
	old := fullCheckMax
	fullCheckMax = n
	return func() { fullCheckMax = old }
}

// SetReopenWait shortens how long restores retry, for the length of a
// test.
func SetReopenWait(d time.Duration) (restore func()) {
	old := reopenWait
	reopenWait = d
	return func() { reopenWait = old }
}

// OpenMarker is the file that says the data file at path is open.
func OpenMarker(path string) string { return openMarker(path) }

// UnpackBackup writes the data of the backup src, decompressed when it is
// compressed, into a new file in dir and returns its name.
func UnpackBackup(src, dir string) (string, error) {
	return copyBeside(src, filepath.Join(dir, "x"))
}

// IsCompressed says whether the file at path is a zstd stream.
func IsCompressed(path string) bool {
	c, _ := isCompressed(path)
	return c
}

// CPUTime is the CPU time this process has used, for benchmarks.
func CPUTime() time.Duration { return cpuTime() }
