package store

import "go.etcd.io/bbolt"

// SwapMigrations replaces the migration table for the length of a test, so
// that tests can upgrade from versions that exist only in tests.
func SwapMigrations(m map[int]func(tx *bbolt.Tx) error) (restore func()) {
	old := migrations
	migrations = m
	return func() { migrations = old }
}

// DecodeValue reads a stored value in whichever layout wrote it.
func DecodeValue(raw []byte, v any) error { return decodeValue(raw, v) }
