package store

import "time"

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
