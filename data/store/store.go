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
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pardesk/pardesk/data"

	"go.etcd.io/bbolt"
)

// Store is an open data file. Only one Store (one ParDesk window, in any
// process) can have a file open at a time.
type Store struct {
	// mu guards db and lost: transactions hold it for reading, Restore and
	// Close hold it for writing (Restore while it swaps the file, so a
	// caller that keeps this *Store sees the restored data afterwards;
	// backup.go). They never wait on it unboundedly: see lockWrite.
	mu   sync.RWMutex
	db   *bbolt.DB
	path string
	// lost is set when a restore could not reopen the data file: db is
	// closed and every transaction returns this message, which says where
	// the data is.
	lost error
	// closing is set while Close or Restore waits for the write lock: new
	// transactions then hold back a little (rlock), so that a busy window
	// does not keep the writer out.
	closing atomic.Bool
	// marker is the open marker Open wrote ("" if it could not), removed
	// by Close (open.go) unless a transaction met a damaged page
	// (sawDamage): the next start then checks the whole file.
	marker    string
	sawDamage atomic.Bool

	who     sync.Mutex // guards officer and clock
	officer string
	clock   func() time.Time // nil: time.Now; tests set a fixed clock
}

// Close releases the file for another window. It waits for the
// transactions under way; called inside View or Update (which would wait
// for itself) it gives up after writeLockWait with an error instead of
// hanging. Closing twice is harmless.
func (s *Store) Close() error {
	if err := s.lockWrite("đóng tệp dữ liệu"); err != nil {
		return err
	}
	defer s.mu.Unlock()
	if s.lost != nil {
		return nil // Restore left the file closed
	}
	err := s.db.Close()
	if s.marker != "" && err == nil && !s.sawDamage.Load() {
		os.Remove(s.marker)
		s.marker = ""
	}
	return err
}

// writeLockWait bounds how long Close and Restore wait for the
// transactions under way. A transaction of the window lasts milliseconds;
// one that lasts this long is the caller's own (Close or Restore called
// inside View or Update), which would otherwise wait forever.
var writeLockWait = 5 * time.Second

// lockWrite takes s.mu for writing, polling, and gives up after
// writeLockWait with a message naming what could not be done. It polls
// rather than calling Lock: a pending Lock blocks every new reader, so a
// reader that opens a transaction inside another (a View inside a View)
// would hang the window behind it.
func (s *Store) lockWrite(what string) error {
	s.closing.Store(true)
	defer s.closing.Store(false)
	deadline := time.Now().Add(writeLockWait)
	for !s.mu.TryLock() {
		if time.Now().After(deadline) {
			return data.Errorf(data.EINTERNAL, "Không %s được: tệp dữ liệu vẫn đang được đọc hoặc ghi sau %v (lỗi chương trình: thao tác này không được gọi bên trong một giao dịch). Dữ liệu không thay đổi.", what, writeLockWait)
		}
		time.Sleep(100 * time.Microsecond)
	}
	return nil
}

// rlock takes s.mu for reading. While a writer waits (lockWrite), a new
// transaction first holds back for up to holdBack, which lets the
// transactions under way finish and the writer in; the wait is bounded, so
// a transaction opened inside another goes on after it.
func (s *Store) rlock() {
	for start := time.Now(); s.closing.Load() && time.Since(start) < holdBack; {
		time.Sleep(time.Millisecond)
	}
	s.mu.RLock()
}

const holdBack = 100 * time.Millisecond

// Path is the file path given to Open.
func (s *Store) Path() string { return s.path }

// View runs fn in a read transaction: fn sees one consistent state of the
// file, whatever writes happen meanwhile.
//
// fn must not call Close or Restore: they wait for the transactions under
// way, this one included, and give up with an error after writeLockWait.
func (s *Store) View(fn func(tx *Tx) error) (err error) {
	s.rlock()
	defer s.mu.RUnlock()
	if s.lost != nil {
		return s.lost
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer s.guardTx(&err) // check.go
	return s.db.View(func(b *bbolt.Tx) error { return fn(s.tx(b)) })
}

// Update runs fn in a write transaction. If fn returns an error (or panics)
// nothing it wrote is kept: the file stays exactly as it was. A screen that
// saves several things at once therefore saves them in one Update. Like
// View's, fn must not call Close or Restore.
func (s *Store) Update(fn func(tx *Tx) error) (err error) {
	s.rlock()
	defer s.mu.RUnlock()
	if s.lost != nil {
		return s.lost
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer s.guardTx(&err) // check.go
	return s.db.Update(func(b *bbolt.Tx) error { return fn(s.tx(b)) })
}

// Tx is a transaction with typed access to the entities. It is valid only
// inside the function given to View or Update; values read from it are
// copies and stay valid afterwards.
type Tx struct {
	bolt    *bbolt.Tx
	officer string            // recorded in the audit trail
	now     func() time.Time  // the audit trail's clock
	reason  string            // recorded with the changes that follow (SetReason)
	codes   map[string]string // unit codes by folded code (unitCodes)
	fwCache *fwCache          // the framework sheets are checked against
	audit   *bbolt.Bucket     // the audit bucket, once record has opened it
	// historyB is the history index (history.go), once index has opened
	// it; while batching, the entries recorded wait in batch.
	historyB *bbolt.Bucket
	batching bool
	batch    []indexed
	scratch  []byte // encodeAudit's buffer
	arena    []byte // the block encodeAudit carves values from
	// dropped are the criteria being taken out of the framework: their
	// scores go whatever the sheet's appraisal status (checkLoopEdits).
	dropped map[string]bool
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

// UpdateGrowing is Update for a transaction that adds about grow bytes to
// the file, such as an import. bbolt maps the file into memory and, each
// time a commit outgrows the mapping, maps it again at twice the size,
// copying everything the transaction holds out of the old mapping first:
// an import that grows the file from 2 to 40 MB would do it five times.
// Extending the file by grow before the commit makes bbolt map it once at
// the size it needs. The file is extended only by what the transaction is
// going to fill (on Windows bbolt sizes the file to its mapping anyway),
// and back to its size if fn fails.
func (s *Store) UpdateGrowing(grow int64, fn func(tx *Tx) error) error {
	return s.Update(func(tx *Tx) error {
		undo := extendFile(s.path, tx.bolt.Size()+grow)
		if err := fn(tx); err != nil {
			undo()
			return err
		}
		return nil
	})
}

// extendFile makes the file at path at least size bytes long and returns
// what puts it back. It is best effort: a file it cannot extend is only
// mapped more often.
func extendFile(path string, size int64) (undo func()) {
	fi, err := os.Stat(path)
	if err != nil || fi.Size() >= size {
		return func() {}
	}
	if os.Truncate(path, size) != nil {
		return func() {}
	}
	return func() { os.Truncate(path, fi.Size()) }
}
