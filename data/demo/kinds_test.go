package demo

import (
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// The 2023 framework answers 1.5 đạt / không đạt and 3.3 by rate, and 6.3
// may not apply; every unit keeps the index it was generated for, and the
// answers are of their kind.
func TestDemoKindsKeepTheFigures(t *testing.T) {
	st := demoStore(t)
	rs := ranking(t, st, 2023)
	for _, u := range units {
		if got := rs[u.code]; got.Total != data.Points(u.total23) || got.Max != data.P(100, 0) {
			t.Errorf("%s 2023: %s of %s, want %s of 100", u.name, got.Total, got.Max, data.Points(u.total23))
		}
	}
	var sheets map[string]*data.Sheet
	var f *data.Framework
	if err := st.View(func(tx *store.Tx) (err error) {
		if f, err = tx.Framework(2023); err != nil {
			return err
		}
		sheets, err = tx.Sheets(2023)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if f.Find("1.5").Input != data.InputPassFail || f.Find("3.3").Input != data.InputRatio || !f.Find("6.3").MayNotApply {
		t.Fatal("the 2023 framework lacks its kinds")
	}
	shown := map[string]bool{}
	for code, s := range sheets {
		sc := s.Scores["3.3"]
		if sc.AppraisedCounts == nil || sc.SelfCounts == nil {
			t.Errorf("%s 3.3 has no counts: %+v", code, sc)
			continue
		}
		shown[data.FormatValue(f.Find("3.3"), sc.AppraisedValue(), true)] = true
		shown[data.FormatValue(f.Find("1.5"), s.Scores["1.5"].AppraisedValue(), true)] = true
	}
	if len(shown) < 3 {
		t.Errorf("the demo shows only %v on its kinds", shown)
	}
	t.Log(shown)
}
