package store

import (
	"fmt"

	"github.com/pardesk/pardesk/data"
	"go.etcd.io/bbolt"
)

func init() {
	migrations[3] = compactAndIndex
}

// compactAndIndex (schema 3 → 4) rewrites the audit trail and the sheets
// in their compact layouts (compact.go), the trail's pages filled
// completely, and builds the history index (history.go). The trail is
// copied to a bucket of its own and back, in key order, so that both
// copies append to full pages: rewritten in place, the smaller values
// would leave its pages a third full. The backup taken before every
// upgrade keeps the file as it was.
func compactAndIndex(b *bbolt.Tx) error {
	if err := compactTrail(b); err != nil {
		return err
	}
	if err := compactSheets(b); err != nil {
		return err
	}
	if b.Bucket([]byte(bucketHistory)) != nil {
		if err := b.DeleteBucket([]byte(bucketHistory)); err != nil {
			return err
		}
	}
	return buildHistory(b)
}

const bucketAuditMoving = "audit-nang-cap"

func compactTrail(b *bbolt.Tx) error {
	old := b.Bucket([]byte(bucketAudit))
	if old == nil {
		return nil
	}
	seq := old.Sequence()
	if b.Bucket([]byte(bucketAuditMoving)) != nil {
		if err := b.DeleteBucket([]byte(bucketAuditMoving)); err != nil {
			return err
		}
	}
	tmp, err := b.CreateBucket([]byte(bucketAuditMoving))
	if err != nil {
		return err
	}
	tmp.FillPercent = 1.0
	tx := &Tx{bolt: b}
	err = old.ForEach(func(k, raw []byte) error {
		var e data.AuditEntry
		if err := decodeValue(raw, &e); err != nil {
			return fmt.Errorf("nhật ký thay đổi, mục %s: %w", k, err)
		}
		v, err := tx.encodeAudit(e)
		if err != nil {
			return err
		}
		return tmp.Put(k, v)
	})
	if err != nil {
		return err
	}
	if err := b.DeleteBucket([]byte(bucketAudit)); err != nil {
		return err
	}
	trail, err := b.CreateBucket([]byte(bucketAudit))
	if err != nil {
		return err
	}
	trail.FillPercent = 1.0
	if err := tmp.ForEach(func(k, v []byte) error { return trail.Put(k, v) }); err != nil {
		return err
	}
	if err := trail.SetSequence(seq); err != nil {
		return err
	}
	return b.DeleteBucket([]byte(bucketAuditMoving))
}

// compactSheets rewrites the sheets stored as JSON; they are rewritten
// in place, being few (one per unit and year) and each on pages of its
// own.
func compactSheets(b *bbolt.Tx) error {
	sheets := b.Bucket([]byte(bucketSheets))
	if sheets == nil {
		return nil
	}
	var ks [][]byte
	sheets.ForEach(func(k, raw []byte) error {
		if !isCompact(raw) {
			ks = append(ks, k)
		}
		return nil
	})
	for _, k := range ks {
		var s data.Sheet
		if err := decodeValue(sheets.Get(k), &s); err != nil {
			return fmt.Errorf("phiếu điểm %s: %w", k, err)
		}
		raw, err := encodeSheet(nil, &s)
		if err != nil {
			return err
		}
		if err := sheets.Put(k, raw); err != nil {
			return err
		}
	}
	return nil
}
