// Package store keeps ParDesk's data in one bbolt file.
//
// Each entity has its own bucket and its own file in this package (office.go,
// group.go, unit.go, ...); values are JSON, so a file stays readable by the
// next versions of the program, and keys are chosen to sort the way the
// entity is listed. Every change goes through Store.Update, one transaction
// that is committed entirely or not at all, and every Put validates with the
// domain's rules first, so what is stored has always passed them.
package store

import (
	"go.etcd.io/bbolt"
)

// Store is an open data file. Only one Store (one ParDesk window, in any
// process) can have a file open at a time.
type Store struct {
	db   *bbolt.DB
	path string
}

// Close releases the file for another window.
func (s *Store) Close() error { return s.db.Close() }

// Path is the file path given to Open.
func (s *Store) Path() string { return s.path }

// View runs fn in a read transaction: fn sees one consistent state of the
// file, whatever writes happen meanwhile.
func (s *Store) View(fn func(tx *Tx) error) error {
	return s.db.View(func(b *bbolt.Tx) error { return fn(&Tx{bolt: b}) })
}

// Update runs fn in a write transaction. If fn returns an error (or panics)
// nothing it wrote is kept: the file stays exactly as it was. A screen that
// saves several things at once therefore saves them in one Update.
func (s *Store) Update(fn func(tx *Tx) error) error {
	return s.db.Update(func(b *bbolt.Tx) error { return fn(&Tx{bolt: b}) })
}

// Tx is a transaction with typed access to the entities. It is valid only
// inside the function given to View or Update; values read from it are
// copies and stay valid afterwards.
type Tx struct {
	bolt *bbolt.Tx
}
