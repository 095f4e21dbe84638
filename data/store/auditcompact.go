package store

import "github.com/pardesk/pardesk/data"

// encodeAudit encodes an audit entry in its compact layout (compact.go).
// Values are carved out of large blocks that live as long as the
// transaction, since bbolt keeps the slices it is given until the commit
// and an import writes hundreds of thousands of entries.
func (tx *Tx) encodeAudit(e data.AuditEntry) ([]byte, error) {
	b, err := appendAudit(tx.scratch[:0], &e)
	if err != nil {
		return nil, err
	}
	tx.scratch = b
	return tx.keep(b), nil
}

// keep copies b into the transaction's arena: bytes handed to bbolt must
// stay as they are until the commit, and one large block a few thousand
// entries costs less than an allocation each.
func (tx *Tx) keep(b []byte) []byte {
	if cap(tx.arena)-len(tx.arena) < len(b) {
		tx.arena = make([]byte, 0, max(64<<10, len(b)))
	}
	n := len(tx.arena)
	tx.arena = append(tx.arena, b...)
	return tx.arena[n:len(tx.arena):len(tx.arena)]
}
