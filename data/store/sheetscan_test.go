package store_test

import (
	"maps"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// The units with an appraised score, found without decoding the sheets,
// are those whose decoded sheet has one: a sheet of self scores and notes
// only is not among them, a year without sheets has none.
func TestAppraisedUnitsMatchesTheSheets(t *testing.T) {
	path := demoFile(t, nil)
	s := open(t, path)
	s.SetOfficer("Nguyễn Thị Lan")
	update(t, s, func(tx *store.Tx) error {
		sh, err := tx.Sheet(2023, "NBI")
		if err != nil {
			return err
		}
		for code, sc := range sh.Scores {
			sc.SetAppraised(data.Value{})
			sc.Note = "Chờ thẩm định"
			sh.Scores[code] = sc
		}
		if err := tx.PutSheet(sh); err != nil {
			return err
		}
		// A sheet whose one appraised answer is "không áp dụng", and one
		// with only a published total, are appraised all the same.
		for unit, keep := range map[string]func(*data.Sheet){
			"HAN": func(sh *data.Sheet) { sc := sh.Scores["6.3"]; sc.AppraisedNA = true; sh.Scores["6.3"] = sc },
			"TKH": func(sh *data.Sheet) { total := data.P(70, 0); sh.Published = &total },
		} {
			sh, err := tx.Sheet(2023, unit)
			if err != nil {
				return err
			}
			for code, sc := range sh.Scores {
				sc.SetAppraised(data.Value{})
				sh.Scores[code] = sc
			}
			keep(sh)
			if err := tx.PutSheet(sh); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, s, func(tx *store.Tx) error {
		for _, year := range []int{2022, 2023, 2030} {
			sheets, err := tx.Sheets(year)
			if err != nil {
				return err
			}
			want := map[string]bool{}
			for code, sh := range sheets {
				if sh.HasAppraisal() {
					want[code] = true
				}
			}
			got, err := tx.AppraisedUnits(year)
			if err != nil {
				return err
			}
			if !maps.Equal(got, want) {
				t.Errorf("%d: %v, want %v", year, got, want)
			}
			if year == 2023 && (got["NBI"] || !got["HAN"] || !got["TKH"]) {
				t.Errorf("2023: %v, want NBI (self scores only) out, HAN (không áp dụng) and TKH (published total) in", got)
			}
			any, err := tx.HasAppraisedScores(year)
			if err != nil || any != (len(want) > 0) {
				t.Errorf("%d: any appraised %v (%v), want %v", year, any, err, len(want) > 0)
			}
		}
		return nil
	})
}
