package store

import "time"

// SetClock replaces the clock of backup names for the length of a test.
func SetClock(f func() time.Time) (restore func()) {
	old := now
	now = f
	return func() { now = old }
}
