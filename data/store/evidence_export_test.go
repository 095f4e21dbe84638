package store

import "go.etcd.io/bbolt"

// EvidenceHashes lists the distinct evidence files the data references, as
// a backup does.
func (s *Store) EvidenceHashes() (out []string, err error) {
	err = s.db.View(func(b *bbolt.Tx) error {
		out, err = evidenceHashes(b)
		return err
	})
	return out, err
}
