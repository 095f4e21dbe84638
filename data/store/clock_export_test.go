package store

import "time"

// SetAuditClock fixes the audit trail's clock for a test.
func SetAuditClock(s *Store, now func() time.Time) {
	s.who.Lock()
	defer s.who.Unlock()
	s.clock = now
}
