package store_test

import (
	"maps"
	"testing"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data/store"
)

// The units with an appraised score, found without decoding the sheets,
// are those whose decoded sheet has one: a sheet of self scores and notes
// only is not among them, a year without sheets has none.
func TestAppraisedUnitsMatchesTheSheets(t *testing.T) {
	path := dataPath(t)
	if err := ops.CreateDemo(path); err != nil {
		t.Fatal(err)
	}
	s := open(t, path)
	s.SetOfficer("Nguyễn Thị Lan")
	update(t, s, func(tx *store.Tx) error {
		sh, err := tx.Sheet(2023, "NBI")
		if err != nil {
			return err
		}
		for code, sc := range sh.Scores {
			sc.Appraised, sc.Note = nil, "Chờ thẩm định"
			sh.Scores[code] = sc
		}
		return tx.PutSheet(sh)
	})
	view(t, s, func(tx *store.Tx) error {
		for _, year := range []int{2022, 2023, 2030} {
			sheets, err := tx.Sheets(year)
			if err != nil {
				return err
			}
			want := map[string]bool{}
			for code, sh := range sheets {
				for _, sc := range sh.Scores {
					if sc.Appraised != nil {
						want[code] = true
					}
				}
			}
			got, err := tx.AppraisedUnits(year)
			if err != nil {
				return err
			}
			if !maps.Equal(got, want) {
				t.Errorf("%d: %v, want %v", year, got, want)
			}
			if year == 2023 && (got["NBI"] || len(got) == 0) {
				t.Errorf("2023: NBI with self scores only among %v", got)
			}
			any, err := tx.HasAppraisedScores(year)
			if err != nil || any != (len(want) > 0) {
				t.Errorf("%d: any appraised %v (%v), want %v", year, any, err, len(want) > 0)
			}
		}
		return nil
	})
}
