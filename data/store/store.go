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
	"sync"
	"time"

	"github.com/pardesk/pardesk/data"

	"go.etcd.io/bbolt"
)

// Store is an open data file. Only one Store (one ParDesk window, in any
// process) can have a file open at a time.
type Store struct {
	// mu guards db: transactions hold it for reading, Restore holds it for
	// writing while it swaps the file, so a caller that keeps this *Store
	// sees the restored data afterwards (backup.go).
	mu   sync.RWMutex
	db   *bbolt.DB
	path string

	who     sync.Mutex // guards officer and clock
	officer string
	clock   func() time.Time // nil: time.Now; tests set a fixed clock
}

// Close releases the file for another window.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.db.Close()
}

// Path is the file path given to Open.
func (s *Store) Path() string { return s.path }

// View runs fn in a read transaction: fn sees one consistent state of the
// file, whatever writes happen meanwhile.
func (s *Store) View(fn func(tx *Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.db.View(func(b *bbolt.Tx) error { return fn(s.tx(b)) })
}

// Update runs fn in a write transaction. If fn returns an error (or panics)
// nothing it wrote is kept: the file stays exactly as it was. A screen that
// saves several things at once therefore saves them in one Update.
func (s *Store) Update(fn func(tx *Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.db.Update(func(b *bbolt.Tx) error { return fn(s.tx(b)) })
}

// Tx is a transaction with typed access to the entities. It is valid only
// inside the function given to View or Update; values read from it are
// copies and stay valid afterwards.
type Tx struct {
	bolt    *bbolt.Tx
	officer string           // recorded in the audit trail
	now     func() time.Time // the audit trail's clock
	reason  string           // recorded with the changes that follow (SetReason)
}

// tx wraps a bbolt transaction with the store's officer and clock.
func (s *Store) tx(b *bbolt.Tx) *Tx {
	s.who.Lock()
	defer s.who.Unlock()
	now := s.clock
	if now == nil {
		now = time.Now
	}
	return &Tx{bolt: b, officer: s.officer, now: now}
}

// SetOfficer names the officer whose changes follow: the audit trail
// records who changed every score, criterion, unit and lock.
func (s *Store) SetOfficer(name string) {
	s.who.Lock()
	defer s.who.Unlock()
	s.officer = data.Clean(name)
}

// Officer is the name given to SetOfficer.
func (s *Store) Officer() string {
	s.who.Lock()
	defer s.who.Unlock()
	return s.officer
}
