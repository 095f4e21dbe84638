package store

import (
	"bytes"
	"strings"

	"github.com/pardesk/pardesk/data"
)

// Sheets are keyed "2022/CODE" (yearPrefix + unit code), so that one year's
// sheets are one range of keys.
const bucketSheets = "sheets"

// Sheet returns a unit's sheet for a year, or a new empty sheet when none is
// stored: a unit not scored yet is not an error.
func (tx *Tx) Sheet(year int, unit string) (*data.Sheet, error) {
	s, ok, err := get[data.Sheet](tx.bolt, bucketSheets, yearPrefix(year)+unit)
	if err != nil {
		return nil, err
	}
	if !ok {
		return data.NewSheet(year, unit), nil
	}
	return loaded(&s), nil
}

// Sheets returns the stored sheets of a year by unit code. A unit without a
// sheet is absent: it was not evaluated that year (data.RankGroup relies on
// this).
func (tx *Tx) Sheets(year int) (map[string]*data.Sheet, error) {
	prefix := yearPrefix(year)
	sheets := map[string]*data.Sheet{}
	err := each(tx.bolt, bucketSheets, prefix, func(k string, s data.Sheet) error {
		sheets[strings.TrimPrefix(k, prefix)] = loaded(&s)
		return nil
	})
	return sheets, err
}

// loaded makes a decoded sheet ready to be written to: a sheet stored with
// no scores decodes with a nil map.
func loaded(s *data.Sheet) *data.Sheet {
	if s.Scores == nil {
		s.Scores = map[string]data.Score{}
	}
	return s
}

// PutSheet validates and saves a sheet: its year must have a framework, every
// score must be on a leaf of it and within the leaf's range, and the unit
// must exist. Validate normalises s in place.
//
// A locked year refuses the sheet, and every changed value is recorded in
// the audit trail with its old value.
func (tx *Tx) PutSheet(s *data.Sheet) error {
	if err := tx.CheckUnlocked(s.Year); err != nil {
		return err
	}
	f, err := tx.frameworkToCheck(s.Year)
	if err != nil {
		return err
	}
	if err := s.Validate(f); err != nil {
		return err
	}
	if _, ok, err := get[data.Unit](tx.bolt, bucketUnits, s.Unit); err != nil {
		return err
	} else if !ok {
		return data.Errorf(data.EINVALID, "Phiếu điểm năm %d: không có đơn vị mã %s", s.Year, s.Unit)
	}
	old, err := tx.Sheet(s.Year, s.Unit)
	if err != nil {
		return err
	}
	if err := tx.checkLoopEdits(old, s); err != nil {
		return err
	}
	if err := tx.batchIndex(func() error { return tx.recordSheet(old, s) }); err != nil {
		return err
	}
	return put(tx.bolt, bucketSheets, yearPrefix(s.Year)+s.Unit, s)
}

// SetScore records one score on a unit's sheet for a year, creating the
// sheet if needed. The whole sheet is validated again, so an unknown
// criterion code or points out of range are refused and nothing is stored.
// An empty Score clears the criterion's entry, even for a code the
// framework no longer has.
func (tx *Tx) SetScore(year int, unit, code string, sc data.Score) error {
	s, err := tx.Sheet(year, unit)
	if err != nil {
		return err
	}
	if sc.IsZero() {
		delete(s.Scores, code)
	} else {
		s.Scores[code] = sc
	}
	return tx.PutSheet(s)
}

// frameworkToCheck returns the year's framework for checking sheets
// against, decoded once per transaction as long as its stored bytes stay
// the same (an import puts thousands of sheets of one year). The caller
// must not change it.
func (tx *Tx) frameworkToCheck(year int) (*data.Framework, error) {
	var raw []byte
	if b := tx.bolt.Bucket([]byte(bucketFrameworks)); b != nil {
		raw = b.Get([]byte(yearKey(year)))
	}
	if c := tx.fwCache; c != nil && c.year == year && raw != nil && bytes.Equal(c.raw, raw) {
		return c.f, nil
	}
	f, err := tx.Framework(year)
	if err != nil {
		return nil, err
	}
	tx.fwCache = &fwCache{year: year, raw: bytes.Clone(raw), f: f}
	return f, nil
}

type fwCache struct {
	year int
	raw  []byte
	f    *data.Framework
}
