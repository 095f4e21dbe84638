package store

import (
	"bytes"
	"reflect"
	"strings"

	"github.com/pardesk/pardesk/data"
)

// AppraisedUnits returns the units whose sheet of the year holds at least
// one appraised score. It reads no more of each sheet than it takes to
// find one, where Sheets decodes them all: the window asks at every start
// (the first-day checklist), and a year of the whole country is 3 500
// sheets of 120 scores.
func (tx *Tx) AppraisedUnits(year int) (map[string]bool, error) {
	out := map[string]bool{}
	err := tx.scanAppraised(year, func(unit string) bool { out[unit] = true; return true })
	return out, err
}

// HasAppraisedScores reports whether any sheet of the year holds an
// appraised score; it stops at the first.
func (tx *Tx) HasAppraisedScores(year int) (bool, error) {
	found := false
	err := tx.scanAppraised(year, func(string) bool { found = true; return false })
	return found, err
}

// scanAppraised calls fn with each unit of the year whose sheet holds an
// appraised score, until fn returns false.
func (tx *Tx) scanAppraised(year int, fn func(unit string) bool) error {
	b := tx.bolt.Bucket([]byte(bucketSheets))
	if b == nil {
		return nil
	}
	prefix := []byte(yearPrefix(year))
	c := b.Cursor()
	for k, raw := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, raw = c.Next() {
		ok, err := sheetAppraised(raw)
		if err != nil {
			return data.Errorf(data.EDAMAGED, "Phiếu điểm %s hỏng: %v", k, err)
		}
		if ok && !fn(strings.TrimPrefix(string(k), string(prefix))) {
			return nil
		}
	}
	return nil
}

// sheetAppraised reports whether a stored sheet holds an appraised score,
// reading a compact one only up to the first such score.
func sheetAppraised(raw []byte) (bool, error) {
	if !isCompact(raw) {
		var s data.Sheet
		if err := decodeValue(raw, &s); err != nil {
			return false, err
		}
		return s.HasAppraisal(), nil
	}
	if raw[0] != layoutSheet {
		return false, errCut
	}
	r := reader{b: raw[1:]}
	r.varint()
	r.bytes()
	if r.byte() == 1 {
		return true, r.err // a published total is an appraisal
	}
	n := r.uvarint()
	for range n {
		r.bytes()
		flags := r.byte()
		if r.err != nil {
			break
		}
		if flags&hasAppraised != 0 {
			return true, nil
		}
		if flags&hasSelf != 0 {
			r.varint()
		}
		if flags&hasNote != 0 {
			r.bytes()
		}
		if flags&hasEvidence != 0 {
			r.bytes()
		}
		if flags&hasRest != 0 {
			// Answers other than points ("không áp dụng") travel in the
			// rest: rare enough to decode when present.
			rest := r.bytes()
			if r.err != nil {
				break
			}
			var sc data.Score
			if err := scoreFields.setRest(reflect.ValueOf(&sc).Elem(), rest); err != nil {
				return false, err
			}
			if !sc.AppraisedValue().Empty() {
				return true, nil
			}
		}
	}
	return false, r.err
}
