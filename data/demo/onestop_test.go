package demo

import (
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// The demo carries example D's figures for Thành phố Cao Bằng's first half
// of 2023, built from its two quarters, and example E's targets for 2023.
func TestDemoOneStop(t *testing.T) {
	st := demoStore(t)
	err := st.View(func(tx *store.Tx) error {
		s, err := tx.OneStopSummary(ExampleDPeriod, GroupID)
		if err != nil {
			return err
		}
		if s.Reported != 10 {
			t.Errorf("%d units reported the first half of 2023, want 10", s.Reported)
		}
		var d *data.OneStopRow
		for i := range s.Rows {
			if s.Rows[i].Unit.Code == ExampleDUnit {
				d = &s.Rows[i]
			}
		}
		if d == nil {
			t.Fatal("no row for example D's unit")
		}
		f := &d.Figures
		if f.Received != 7447 || f.Rate(data.RateOnTime).String() != "100,00" || f.Rate(data.RateEarly).String() != "98,00" ||
			f.Late != 0 || f.Rate(data.RateSatisfied).String() != "100,00" {
			t.Errorf("example D: received %d, on time %s, early %s, late %d, satisfied %s", f.Received,
				f.Rate(data.RateOnTime), f.Rate(data.RateEarly), f.Late, f.Rate(data.RateSatisfied))
		}
		if *f != exampleD() {
			t.Errorf("the quarters do not add up to example D:\n%+v\n%+v", *f, exampleD())
		}
		for k, want := range map[data.RateKind]string{data.RateServicesUsed: "≥ 80,00", data.RateOnline: "≥ 50,00", data.RatePost: "≥ 50,00", data.RateDigitised: "—"} {
			if got := data.Judge(&s.Total, k, s.TotalTargets).TargetString(); got != want {
				t.Errorf("2023 office target %s = %s, want %s", k, got, want)
			}
		}
		// Some units miss a target, some meet it: the marks mean something.
		missed := 0
		for i := range s.Rows {
			if len(s.Rows[i].Missed()) > 0 {
				missed++
			}
		}
		if missed == 0 || missed == 10 {
			t.Errorf("%d of 10 units miss a target", missed)
		}
		periods, err := tx.OneStopPeriods()
		if len(periods) != 14 {
			t.Errorf("%d periods, want 2 years × (4 quarters, 2 halves, the year)", len(periods))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
