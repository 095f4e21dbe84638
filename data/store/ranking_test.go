package store_test

import (
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

func TestRanking(t *testing.T) {
	s := open(t, dataPath(t))
	seed(t, s, []int{2022, 2023}, map[string]string{
		"DN": "Đức Nghĩa", "DG": "Dương", "GT": "Gia Thụy", "BT": "Bình Thuận", "HB": "Hòa Bình",
	})
	// Totals per year; a unit missing from a year was not evaluated then.
	totals := map[int]map[string]string{
		2022: {"DG": "95", "HB": "90", "GT": "85", "BT": "80", "DN": "70"},
		2023: {"DN": "90", "DG": "80", "GT": "80", "BT": "70"},
	}
	update(t, s, func(tx *store.Tx) error {
		if err := tx.PutUnit(data.Unit{Code: "XA", Name: "Xã An Phú", GroupID: "xa"}); err != nil {
			return err
		}
		totals[2023]["XA"] = "100" // another group: not ranked with the wards
		for year, units := range totals {
			for code, total := range units {
				if err := score(tx, year, code, *pts(total)); err != nil {
					return err
				}
			}
		}
		return nil
	})

	view(t, s, func(tx *store.Tx) error {
		results, f, err := tx.Ranking(2023, "phuong")
		if err != nil {
			return err
		}
		if f.Year != 2023 {
			t.Errorf("Ranking returned the framework of %d, want 2023", f.Year)
		}
		want := []struct {
			code, index string
			rank        int
			change      string
		}{
			{"DN", "90,00", 1, "tăng 4 bậc"},
			{"DG", "80,00", 2, "giảm 1 bậc"},
			{"GT", "80,00", 2, "tăng 1 bậc"},
			{"BT", "70,00", 4, "giữ nguyên"},
		}
		if len(results) != len(want) {
			t.Fatalf("%d results, want %d: %+v", len(results), len(want), results)
		}
		for i, w := range want {
			r := results[i]
			if r.Unit.Code != w.code || r.Index.String() != w.index || r.Rank != w.rank || r.RankChangeLabel() != w.change {
				t.Errorf("row %d: %s index %s rank %d %q, want %s index %s rank %d %q",
					i+1, r.Unit.Code, r.Index, r.Rank, r.RankChangeLabel(), w.code, w.index, w.rank, w.change)
			}
		}

		// 2021 has no framework: no rank change to show.
		results, _, err = tx.Ranking(2022, "phuong")
		if err != nil {
			return err
		}
		if len(results) != 5 || results[0].Unit.Code != "DG" || results[0].RankChangeLabel() != "" {
			t.Errorf("Ranking(2022) = %+v, want 5 wards led by DG without rank change", results)
		}

		_, _, err = tx.Ranking(2024, "phuong")
		wantError(t, err, data.ENOTFOUND, "Chưa có bộ chỉ số năm 2024")
		_, _, err = tx.Ranking(2023, "huyen")
		wantError(t, err, data.ENOTFOUND, "huyen")
		return nil
	})
}

// score enters a total as appraised points, filling the criteria of the
// test framework in order (1.1 max 20, 1.2 max 30, 2 max 50).
func score(tx *store.Tx, year int, unit string, total data.Points) error {
	for _, c := range []struct {
		code string
		max  data.Points
	}{{"1.1", data.P(20, 0)}, {"1.2", data.P(30, 0)}, {"2", data.P(50, 0)}} {
		p := min(total, c.max)
		total -= p
		if err := tx.SetScore(year, unit, c.code, data.Score{Appraised: &p}); err != nil {
			return err
		}
	}
	return nil
}
