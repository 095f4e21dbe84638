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
// by scanning the trail. The index has one key per year and unit,
//
//	year (2 bytes, big-endian; 0 for an entry of no year) · unit code · 0
//
// whose value lists the unit's entries of that year, oldest first, each
// as the criterion code ("" for an entry not about a score) and the
// sequence of the entry, uvarint-prefixed and uvarint. It is written in
// the same transaction as the entries; a sheet saved adds its entries in
// one write. A unit's history is one read a year, a criterion's the same
// read filtered; an import of a year adds 3 500 keys, not 420 000.
const bucketHistory = "audit-index"

// historyKey is the index key of a year and unit.
func historyKey(year int, unit string) []byte {
	k := make([]byte, 0, 2+len(unit)+1)
	k = binary.BigEndian.AppendUint16(k, yearBytes(year))
	k = append(k, unit...)
	return append(k, 0)
}

// yearBytes is a year as the index keys hold it: 0 for none (or one out of
// range, which validation never lets through).
func yearBytes(y int) uint16 {
	if y <= 0 || y > 0xFFFF {
		return 0
	}
	return uint16(y)
}

// indexed is an entry waiting to be added to the index.
type indexed struct {
	year      int
	unit      string
	criterion string
	seq       uint64
}

// index adds e to the index, or to the batch under way (batchIndex).
func (tx *Tx) index(e *data.AuditEntry) error {
	if e.Unit == "" {
		return nil
	}
	x := indexed{e.Year, e.Unit, e.Criterion(), e.Seq}
	if tx.batching {
		tx.batch = append(tx.batch, x)
		return nil
	}
	return tx.addIndex([]indexed{x})
}

// batchIndex holds back the index writes of the entries fn records and
// writes them after it, one per year and unit: a sheet saved records an
// entry per score changed.
func (tx *Tx) batchIndex(fn func() error) error {
	if tx.batching {
		return fn()
	}
	tx.batching = true
	err := fn()
	tx.batching = false
	batch := tx.batch
	tx.batch = tx.batch[:0]
	if err != nil || len(batch) == 0 {
		return err
	}
	return tx.addIndex(batch)
}

// addIndex appends entries, in sequence order, to their keys' lists.
func (tx *Tx) addIndex(xs []indexed) error {
	b := tx.historyB
	if b == nil {
		var err error
		if b, err = tx.bolt.CreateBucketIfNotExists([]byte(bucketHistory)); err != nil {
			return err
		}
		tx.historyB = b
	}
	// A year's keys come together and append at the year's end.
	b.FillPercent = 1.0
	for len(xs) > 0 {
		n := 1
		for n < len(xs) && xs[n].year == xs[0].year && xs[n].unit == xs[0].unit {
			n++
		}
		k := historyKey(xs[0].year, xs[0].unit)
		old := b.Get(k)
		v := make([]byte, len(old), len(old)+n*12)
		copy(v, old)
		for _, x := range xs[:n] {
			v = appendString(v, x.criterion)
			v = binary.AppendUvarint(v, x.seq)
		}
		if err := b.Put(k, v); err != nil {
			return err
		}
		xs = xs[n:]
	}
	return nil
}

// eachIndexed calls fn with each criterion and sequence of an index value.
func eachIndexed(v []byte, fn func(criterion []byte, seq uint64)) error {
	r := reader{b: v}
	for len(r.b) > 0 && r.err == nil {
		c := r.bytes()
		seq := r.uvarint()
		if r.err == nil {
			fn(c, seq)
		}
	}
	return r.err
}

// history returns, newest first, the entries about a unit that match f,
// read through the index: the years present, one key a year, then each
// entry by its key.
func (tx *Tx) history(f data.AuditFilter) ([]data.AuditEntry, error) {
	idx := tx.bolt.Bucket([]byte(bucketHistory))
	trail := tx.bolt.Bucket([]byte(bucketAudit))
	if idx == nil || trail == nil {
		return nil, nil
	}
	var seqs []uint64
	take := func(v []byte) error {
		return eachIndexed(v, func(c []byte, seq uint64) {
			if f.Criterion == "" || string(c) == f.Criterion {
				seqs = append(seqs, seq)
			}
		})
	}
	if f.Year != 0 {
		if err := take(idx.Get(historyKey(f.Year, f.Unit))); err != nil {
			return nil, errIndex
		}
	} else {
		// The years present, skipped through: a seek to this unit in
		// each, then to the next year.
		c := idx.Cursor()
		for k, _ := c.First(); k != nil && len(k) >= 2; {
			year := binary.BigEndian.Uint16(k)
			key := historyKey(int(year), f.Unit)
			k2, v := c.Seek(key)
			if bytes.Equal(k2, key) {
				if err := take(v); err != nil {
					return nil, errIndex
				}
			}
			if year == 0xFFFF {
				break
			}
			k, _ = c.Seek(binary.BigEndian.AppendUint16(nil, year+1))
		}
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

var errIndex = data.Errorf(data.EDAMAGED, "Chỉ mục lịch sử thay đổi trong tệp dữ liệu bị hỏng")

// buildHistory indexes every entry of the trail about a unit: the upgrade
// of a file written before the index (migrate_compact.go). The entries
// are gathered by year and unit first, so each key is written once.
func buildHistory(b *bbolt.Tx) error {
	trail := b.Bucket([]byte(bucketAudit))
	if trail == nil {
		return nil
	}
	var xs []indexed
	err := trail.ForEach(func(_, raw []byte) error {
		var e data.AuditEntry
		if err := decodeValue(raw, &e); err != nil {
			return err
		}
		if e.Unit != "" {
			xs = append(xs, indexed{e.Year, e.Unit, e.Criterion(), e.Seq})
		}
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortStableFunc(xs, func(a, b indexed) int {
		return bytes.Compare(historyKey(a.year, a.unit), historyKey(b.year, b.unit))
	})
	return (&Tx{bolt: b}).addIndex(xs)
}

// validEntry is the whole check's test of one stored entry: in the
// history index a key that holds a year and a unit and a list that reads
// to its end; elsewhere a value ParDesk writes (validValue).
func (c *checker) validEntry(k, v []byte) bool {
	if c.inIndex {
		return len(k) >= 2+1+1 && k[len(k)-1] == 0 && len(v) > 0 && eachIndexed(v, func([]byte, uint64) {}) == nil
	}
	return validValue(v)
}
