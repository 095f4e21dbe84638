package store_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"go.etcd.io/bbolt"
)

// asWrittenBefore rewrites a data file as ParDesk wrote it before the
// compact layouts: every audit entry and sheet as JSON, no history index,
// schema 2.
func asWrittenBefore(t *testing.T, path string) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, name := range []string{"audit", "sheets"} {
			b := tx.Bucket([]byte(name))
			var ks, vs [][]byte
			b.ForEach(func(k, _ []byte) error { ks = append(ks, k); return nil })
			for _, k := range ks {
				var v any
				if name == "audit" {
					v = &data.AuditEntry{}
				} else {
					v = &data.Sheet{}
				}
				if err := store.DecodeValue(b.Get(k), v); err != nil {
					return err
				}
				raw, err := json.Marshal(v)
				if err != nil {
					return err
				}
				vs = append(vs, raw)
			}
			for i, k := range ks {
				if err := b.Put(k, vs[i]); err != nil {
					return err
				}
			}
		}
		if err := tx.DeleteBucket([]byte("audit-index")); err != nil {
			return err
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("2"))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A file written before the compact layouts opens with the same audit
// trail, sheets, rankings and unit histories, its values compact, its
// history index built, smaller, whole, with a backup of it as it was.
func TestUpgradeCompactsAndIndexes(t *testing.T) {
	path := demoFile(t, nil)
	type state struct {
		Trail   []data.AuditEntry
		History []data.AuditEntry
		Sheets  map[string]*data.Sheet
		Ranking []data.Result
	}
	read := func(s *store.Store) (st state) {
		view(t, s, func(tx *store.Tx) (err error) {
			if st.Trail, err = tx.Audit(data.AuditFilter{}); err != nil {
				return err
			}
			if st.History, err = tx.Audit(data.AuditFilter{Unit: "NBI"}); err != nil {
				return err
			}
			if st.Sheets, err = tx.Sheets(2022); err != nil {
				return err
			}
			st.Ranking, _, err = tx.Ranking(2023, "HUYEN")
			return err
		})
		return st
	}
	s := open(t, path)
	want := read(s)
	s.Close()
	if len(want.History) == 0 || len(want.Sheets) == 0 || len(want.Ranking) == 0 {
		t.Fatalf("the demo has no history of NBI, sheets of 2022 or ranking of 2023: %+v", want)
	}
	asWrittenBefore(t, path)
	oldSize := usedSize(t, path)

	s = open(t, path)
	got := read(s)
	backups, err := s.Backups()
	s.Close()
	if err != nil || len(backups) != 1 || backups[0].Reason != store.ReasonMigration {
		t.Errorf("backups after the upgrade: %v %+v, want one of the upgrade", err, backups)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after the upgrade:\n%+v\nwant\n%+v", got, want)
	}
	if schemaOf(t, path) != store.SchemaVersion {
		t.Errorf("schema %d, want %d", schemaOf(t, path), store.SchemaVersion)
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *bbolt.Tx) error {
		for _, name := range []string{"audit", "sheets"} {
			tx.Bucket([]byte(name)).ForEach(func(k, v []byte) error {
				if v[0] == '{' {
					t.Errorf("%s/%s still JSON after the upgrade", name, k)
				}
				return nil
			})
		}
		pairs := map[string]bool{}
		for _, e := range want.Trail {
			if e.Unit != "" {
				pairs[fmt.Sprint(e.Year, e.Unit)] = true
			}
		}
		if n := tx.Bucket([]byte("audit-index")).Stats().KeyN; n != len(pairs) {
			t.Errorf("history index of %d keys, want one for each of the %d years and units of the trail", n, len(pairs))
		}
		return nil
	})
	db.Close()
	if err := store.Check(path); err != nil {
		t.Errorf("the upgraded file does not check whole: %v", err)
	}
	if newSize := usedSize(t, path); newSize > oldSize {
		t.Errorf("upgraded file uses %d bytes, before %d", newSize, oldSize)
	}
}

func usedSize(t *testing.T, path string) int64 {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int64
	db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(_ []byte, b *bbolt.Bucket) error {
			s := b.Stats()
			n += int64(s.LeafInuse + s.BranchInuse + s.InlineBucketInuse)
			return nil
		})
	})
	return n
}
