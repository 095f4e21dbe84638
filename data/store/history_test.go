package store_test

import (
	"reflect"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"go.etcd.io/bbolt"
)

// A unit's history read through the index is exactly the entries of the
// whole trail about that unit, newest first, for every unit of the demo,
// for one year and for one criterion; a score changed afterwards comes
// first in both the unit's and the criterion's history.
func TestHistoryThroughIndexIsTheTrailsEntries(t *testing.T) {
	path := demoFile(t, nil)
	s := open(t, path)
	s.SetOfficer("Nguyễn Thị Lan")
	update(t, s, func(tx *store.Tx) error {
		return tx.SetScore(2023, "NBI", "1.1", data.Score{Self: pts("3"), Appraised: pts("2,5")})
	})
	view(t, s, func(tx *store.Tx) error {
		all, err := tx.Audit(data.AuditFilter{})
		if err != nil {
			return err
		}
		units, err := tx.Units()
		if err != nil {
			return err
		}
		for _, f := range []data.AuditFilter{{Unit: "NBI"}, {Unit: "NBI", Year: 2023}, {Unit: "NBI", Year: 2022, Criterion: "1.1"},
			{Unit: "NBI", Criterion: "1.1"}, {Unit: "NBI", Kind: data.AuditUnit}, {Unit: "KHONGCO"}} {
			var want []data.AuditEntry
			for _, e := range all {
				if f.Match(e) {
					want = append(want, e)
				}
			}
			got, err := tx.Audit(f)
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%+v: %d entries through the index, %d in the trail:\n%+v\nwant\n%+v", f, len(got), len(want), got, want)
			}
		}
		for _, u := range units {
			got, _ := tx.Audit(data.AuditFilter{Unit: u.Code})
			n := 0
			for _, e := range all {
				if e.Unit == u.Code {
					n++
				}
			}
			if len(got) != n || n == 0 {
				t.Errorf("unit %s: %d entries through the index, %d in the trail", u.Code, len(got), n)
			}
		}
		last, _ := tx.Audit(data.AuditFilter{Unit: "NBI", Criterion: "1.1"})
		if len(last) == 0 || last[0].Year != 2023 || last[0].New != "2,5" {
			t.Errorf("criterion 1.1 of NBI, newest first: %+v", last)
		}
		return nil
	})
}

// A history index value that does not read to its end, or a sheet whose
// compact value was cut, is damage the whole check finds: the file is
// refused with the damaged-file message, never read as a shorter history.
func TestCheckFindsDamagedCompactValues(t *testing.T) {
	for _, c := range []struct {
		bucket string
		spoil  func(v []byte) []byte
	}{
		{"audit-index", func(v []byte) []byte { return append(append([]byte{}, v...), 0x85) }}, // a uvarint left open
		{"sheets", func(v []byte) []byte { return v[:len(v)-3] }},
		{"audit", func(v []byte) []byte { return v[:len(v)-2] }},
	} {
		t.Run(c.bucket, func(t *testing.T) {
			path := demoFile(t, nil)
			db, err := bbolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			err = db.Update(func(tx *bbolt.Tx) error {
				b := tx.Bucket([]byte(c.bucket))
				k, v := b.Cursor().Last()
				return b.Put(append([]byte{}, k...), c.spoil(v))
			})
			db.Close()
			if err != nil {
				t.Fatal(err)
			}
			if err := store.Check(path); data.ErrorCode(err) != data.EDAMAGED {
				t.Errorf("check of a spoilt %s value: %v, want the damaged-file message", c.bucket, err)
			}
		})
	}
}
