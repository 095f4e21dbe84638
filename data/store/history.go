package store

import (
	"bytes"
	"encoding/binary"
	"slices"

	"github.com/pardesk/pardesk/data"
	"go.etcd.io/bbolt"
)

// A unit's change history over ten years of the whole country is a few
// thousand entries among forty million: it is read through an index, not
// by scanning the trail. Every audit entry about a unit has a key here,
// written in the same transaction as the entry:
//
//	year (2 bytes, big-endian; 0 for an entry of no year) · unit code · 0 ·
//	criterion code ("" for an entry not about a score) · 0 · sequence (8 bytes)
//
// with an empty value. Year first, because a year's scores are written
// together (an import, the scoring season) and so append to the index
// instead of landing in every unit's range; a unit's history is one short
// range a year, a criterion's of a unit one range.
const bucketHistory = "audit-index"

// historyKey is the index key of an entry; nil for an entry about no unit.
func historyKey(e *data.AuditEntry) []byte {
	if e.Unit == "" {
		return nil
	}
	crit := e.Criterion()
	k := make([]byte, 0, 2+len(e.Unit)+1+len(crit)+1+8)
	k = binary.BigEndian.AppendUint16(k, yearBytes(e.Year))
	k = append(k, e.Unit...)
	k = append(k, 0)
	k = append(k, crit...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint64(k, e.Seq)
}

// yearBytes is a year as the index keys hold it: 0 for none (or one out of
// range, which validation never lets through).
func yearBytes(y int) uint16 {
	if y <= 0 || y > 0xFFFF {
		return 0
	}
	return uint16(y)
}

// index adds e's key to the index.
func (tx *Tx) index(e *data.AuditEntry) error {
	k := historyKey(e)
	if k == nil {
		return nil
	}
	b := tx.historyB
	if b == nil {
		var err error
		if b, err = tx.bolt.CreateBucketIfNotExists([]byte(bucketHistory)); err != nil {
			return err
		}
		tx.historyB = b
	}
	// A year's entries come together and append at the year's end.
	b.FillPercent = 1.0
	return b.Put(k, nil)
}

// history returns, newest first, the entries about a unit that match f,
// read through the index: the years present, each year's range of the
// unit (of its criterion when f names one), then each entry by its key.
func (tx *Tx) history(f data.AuditFilter) ([]data.AuditEntry, error) {
	idx := tx.bolt.Bucket([]byte(bucketHistory))
	trail := tx.bolt.Bucket([]byte(bucketAudit))
	if idx == nil || trail == nil {
		return nil, nil
	}
	var seqs []uint64
	c := idx.Cursor()
	var k []byte
	if f.Year != 0 {
		k, _ = c.Seek(binary.BigEndian.AppendUint16(nil, yearBytes(f.Year)))
	} else {
		k, _ = c.First()
	}
	for k != nil && len(k) >= 2 {
		year := binary.BigEndian.Uint16(k)
		if f.Year != 0 && year != yearBytes(f.Year) {
			break
		}
		prefix := binary.BigEndian.AppendUint16(nil, year)
		prefix = append(append(prefix, f.Unit...), 0)
		if f.Criterion != "" {
			prefix = append(append(prefix, f.Criterion...), 0)
		}
		for k, _ = c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			if len(k) >= len(prefix)+8 {
				seqs = append(seqs, binary.BigEndian.Uint64(k[len(k)-8:]))
			}
		}
		if year == 0xFFFF {
			break
		}
		k, _ = c.Seek(binary.BigEndian.AppendUint16(nil, year+1))
	}
	slices.Sort(seqs)
	var out []data.AuditEntry
	for i := len(seqs) - 1; i >= 0; i-- {
		raw := trail.Get(auditKey(seqs[i]))
		if raw == nil {
			continue
		}
		var e data.AuditEntry
		if err := decodeValue(raw, &e); err != nil {
			return nil, err
		}
		if f.Match(e) {
			out = append(out, e)
		}
	}
	return out, nil
}

// buildHistory indexes every entry of the trail about a unit: the upgrade
// of a file written before the index (migrate_compact.go).
func buildHistory(b *bbolt.Tx) error {
	trail := b.Bucket([]byte(bucketAudit))
	if trail == nil {
		return nil
	}
	tx := &Tx{bolt: b}
	return trail.ForEach(func(_, raw []byte) error {
		var e data.AuditEntry
		if err := decodeValue(raw, &e); err != nil {
			return err
		}
		return tx.index(&e)
	})
}

// validEntry is the whole check's test of one stored entry: in the
// history index a key long enough to hold a year, a unit and a sequence,
// and no value; elsewhere a value ParDesk writes (validValue).
func (c *checker) validEntry(k, v []byte) bool {
	if c.inIndex {
		return len(v) == 0 && len(k) >= 2+1+1+1+8
	}
	return validValue(v)
}
