package store

// DropSnapshot removes a locked year's snapshot, as a year locked by a
// ParDesk older than the snapshots has none.
func (tx *Tx) DropSnapshot(year int) error { return tx.dropSnapshot(year) }
