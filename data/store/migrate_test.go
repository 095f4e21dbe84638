package store_test

import (
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"go.etcd.io/bbolt"
)

// A file whose 2023 was locked by a ParDesk that did not keep the approved
// ranking gets it at the upgrade: a unit moved to another group afterwards
// no longer changes the published 2023 ranking, and the audit trail says
// the upgrade kept it.
func TestUpgradeKeepsLockedYearsRanking(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2022, 2023}, map[string]string{"A": "Phường An", "B": "Phường Bình", "C": "Phường Chánh"})
	update(t, s, func(tx *store.Tx) error {
		for code, total := range map[string]string{"A": "90", "B": "80", "C": "70"} {
			if err := score(tx, 2023, code, *pts(total)); err != nil {
				return err
			}
		}
		return tx.LockYear(2023)
	})
	published := rankingText(t, s, 2023, "phuong")
	s.Close()

	// As an older ParDesk left it: locked, no ranking kept, schema 1.
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		if err := tx.Bucket([]byte("rankings")).Delete([]byte("2023")); err != nil {
			return err
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("1"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	s = open(t, path)
	update(t, s, func(tx *store.Tx) error {
		if err := tx.PutGroup(data.Group{ID: "xa", Name: "Các xã"}); err != nil {
			return err
		}
		a, _ := tx.Unit("A")
		a.GroupID = "xa"
		return tx.PutUnit(a)
	})
	if got := rankingText(t, s, 2023, "phuong"); got != published {
		t.Errorf("2023 after the upgrade and A's move:\n%s\nwant as published\n%s", got, published)
	}
	view(t, s, func(tx *store.Tx) error {
		entries, err := tx.Audit(data.AuditFilter{Year: 2023})
		for _, e := range entries {
			if e.Kind == data.AuditLock && strings.Contains(e.New, "nâng cấp") && strings.Contains(e.Officer, "nâng cấp") {
				return err
			}
		}
		t.Errorf("no audit entry of the kept ranking in %+v", entries)
		return err
	})
	s.Close()
	if got := schemaOf(t, path); got != store.SchemaVersion {
		t.Errorf("schema %d after the upgrade, want %d", got, store.SchemaVersion)
	}
}
