package store_test

import (
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"go.etcd.io/bbolt"
)

// A file of the previous schema, written before criteria had input kinds,
// opens with every criterion as điểm and every score as it was; the kinds
// can then be set on it.
func TestOldFileReadsEveryCriterionAsPoints(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2023}, map[string]string{"A": "Phường An"})
	update(t, s, func(tx *store.Tx) error { return score(tx, 2023, "A", *pts("81,4")) })
	s.Close()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("1")) })
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	s = open(t, path)
	view(t, s, func(tx *store.Tx) error {
		f, err := tx.Framework(2023)
		if err != nil {
			return err
		}
		f.Leaves(func(_, l *data.Criterion) {
			if l.Input != data.InputPoints || l.MayNotApply || l.Tiers != nil {
				t.Errorf("criterion %s read as %q, may not apply %v, tiers %v; want điểm", l.Code, l.Input.Label(), l.MayNotApply, l.Tiers)
			}
		})
		rs, _, err := tx.Ranking(2023, "phuong")
		if err != nil {
			return err
		}
		if rs[0].Max != data.P(100, 0) || rs[0].Index.String() != "81,40" {
			t.Errorf("A after the upgrade: %s of %s = %s %%, want 81,40 of 100", rs[0].Total, rs[0].Max, rs[0].Index)
		}
		return nil
	})
	update(t, s, func(tx *store.Tx) error {
		f, _ := tx.Framework(2023)
		f.Find("1.1").MayNotApply = true
		f.Find("1.1").Input = data.InputPassFail
		return tx.PutFramework(f)
	})
	s.Close()
	if got := schemaOf(t, path); got != store.SchemaVersion {
		t.Errorf("schema %d, want %d", got, store.SchemaVersion)
	}
}

// "Không áp dụng" on a 20-point criterion takes it out of the unit's max in
// the stored ranking; new tiers rework the points of counts already
// entered, in the framework's transaction, and the audit trail shows the
// points that moved.
func TestKindsInTheStore(t *testing.T) {
	s := open(t, dataPath(t))
	defer s.Close()
	seed(t, s, []int{2023}, map[string]string{"A": "Phường An", "B": "Phường Bình"})
	update(t, s, func(tx *store.Tx) error {
		f, _ := tx.Framework(2023)
		f.Find("1.1").MayNotApply = true
		c := f.Find("2")
		c.Input, c.Tiers = data.InputRatio, []data.Tier{{Min: 10000, Points: data.P(50, 0)}, {Min: 8000, Points: data.P(25, 0)}}
		return tx.PutFramework(f)
	})
	view(t, s, func(tx *store.Tx) error {
		entries, err := tx.Audit(data.AuditFilter{Kind: data.AuditFramework, Year: 2023})
		for _, e := range entries {
			if e.Item == "Sửa tiêu chí 2" && strings.HasSuffix(e.New, ", kiểu nhập Tỷ lệ 100%=50; 80%=25") {
				return err
			}
		}
		t.Errorf("no audit entry of 2 becoming tỷ lệ in %+v", entries)
		return err
	})
	update(t, s, func(tx *store.Tx) error {
		f, _ := tx.Framework(2023)
		for unit, typed := range map[string][3]string{"A": {"KAD", "24", "45/50"}, "B": {"20", "24", "45/50"}} {
			for i, code := range []string{"1.1", "1.2", "2"} {
				v, err := data.ParseValue(f.Find(code), typed[i])
				if err != nil {
					return err
				}
				var sc data.Score
				sc.SetAppraised(v)
				if err := tx.SetScore(2023, unit, code, sc); err != nil {
					return err
				}
			}
		}
		return nil
	})
	view(t, s, func(tx *store.Tx) error {
		rs, _, err := tx.Ranking(2023, "phuong")
		if err != nil {
			return err
		}
		// A: 24 + 25 of 80 = 61,25 %; B: 20 + 24 + 25 of 100 = 69 %.
		if rs[0].Unit.Code != "B" || rs[0].Index.String() != "69,00" || rs[1].Max != data.P(80, 0) || rs[1].Index.String() != "61,25" {
			t.Errorf("ranking %s %s/%s %s %%, %s %s/%s %s %%; want B 69 of 100, A 49 of 80 = 61,25", rs[0].Unit.Code, rs[0].Total, rs[0].Max, rs[0].Index,
				rs[1].Unit.Code, rs[1].Total, rs[1].Max, rs[1].Index)
		}
		return nil
	})
	update(t, s, func(tx *store.Tx) error {
		f, _ := tx.Framework(2023)
		f.Find("2").Tiers[1].Points = data.P(40, 0)
		return tx.PutFramework(f)
	})
	view(t, s, func(tx *store.Tx) error {
		sh, err := tx.Sheet(2023, "A")
		if err != nil {
			return err
		}
		if got := sh.Appraised("2"); got != data.P(40, 0) {
			t.Errorf("45/50 after the tier 80 %% became 40 points: %s", got)
		}
		entries, err := tx.Audit(data.AuditFilter{Kind: data.AuditScore, Unit: "A"})
		for _, e := range entries {
			if strings.HasPrefix(e.Item, "2 ") && e.Old == "45/50 → 25" && e.New == "45/50 → 40" {
				return err
			}
		}
		t.Errorf("no audit entry 45/50 → 25 ⇒ 45/50 → 40 in %+v", entries)
		return err
	})
	// Locking keeps A's result as computed on its own max.
	update(t, s, func(tx *store.Tx) error { return tx.LockYear(2023) })
	view(t, s, func(tx *store.Tx) error {
		snap, ok, err := tx.RankingSnapshot(2023)
		if err != nil || !ok {
			t.Fatalf("no snapshot: %v", err)
		}
		if r, _ := snap.Find("A"); r == nil || r.Max != data.P(80, 0) || r.Index.String() != "80,00" {
			t.Errorf("A as locked: %+v; want 24 + 40 of 80 = 80,00 %%", r)
		}
		return nil
	})
	update(t, s, func(tx *store.Tx) error { return tx.UnlockYear(2023, "thử bỏ khóa") })
	// A refused answer leaves the sheet as it was.
	err := s.Update(func(tx *store.Tx) error {
		return tx.SetScore(2023, "B", "1.2", data.Score{AppraisedNA: true})
	})
	wantError(t, err, data.EINVALID, "1.2", "có thể không áp dụng")
}
