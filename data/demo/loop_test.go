package demo

import (
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// The demo shows the loop under way in 2023: Hạ Lang's explanations are in
// and wait for a decision, Bảo Lâm has submitted, the others have not;
// the examples' figures are the same as without the loop.
func TestDemoLoop(t *testing.T) {
	st := demoStore(t)
	err := st.View(func(tx *store.Tx) error {
		as, err := tx.Appraisals(LoopYear)
		if err != nil {
			return err
		}
		var statuses []data.SheetStatus
		sheets, err := tx.Sheets(LoopYear)
		for code := range sheets {
			st := data.StatusDraft
			if a, ok := as[code]; ok {
				st = a.Status
			}
			statuses = append(statuses, st)
		}
		if got := data.StatusCounts(statuses); got != "8 đơn vị chưa nộp, 1 đã nộp, 1 đang giải trình" {
			t.Errorf("2023 counts %q", got)
		}
		a := as[ExplainingUnit]
		if a == nil || a.Status != data.StatusExplaining || len(a.Explanations) != 2 || a.Deadline.IsZero() {
			t.Fatalf("Hạ Lang's appraisal %+v", a)
		}
		// The steps carry the days of the 2023 appraisal season, whenever
		// the demo file is made.
		if got := data.FormatDate(a.Dates[data.StatusAppraised]) + " " + data.FormatDate(a.Deadline) + " " + data.FormatDate(a.Dates[data.StatusExplaining]); got != "11/03/2024 18/03/2024 15/03/2024" {
			t.Errorf("Hạ Lang appraised, deadline, explained: %s; want 11/03/2024 18/03/2024 15/03/2024", got)
		}
		if d := as[SubmittedUnit].Dates[data.StatusSubmitted]; data.FormatDate(d) != "04/03/2024" {
			t.Errorf("Bảo Lâm submitted %s, want 04/03/2024", data.FormatDate(d))
		}
		for code, e := range a.Explanations {
			if e.Decision != data.DecisionNone || e.Appraised != sheets[ExplainingUnit].Appraised(code) {
				t.Errorf("explanation of %s %+v", code, e)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	r23 := ranking(t, st, 2023)
	if r := r23[ExampleBUnit]; r.Rank != 3 || r.PrevRank != 7 {
		t.Errorf("Hòa An %d → %d, want 7 → 3", r.PrevRank, r.Rank)
	}
}
