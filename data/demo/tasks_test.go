package demo

import (
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// The demo plan holds seed 000's four key tasks with the year's theme, and
// remedies for the criteria that lost the most points in 2023, some of
// them overdue on any day after 2024.
func TestDemoTasks(t *testing.T) {
	st := demoStore(t)
	err := st.View(func(tx *store.Tx) error {
		plan, err := tx.Tasks(data.TaskFilter{Year: TaskYear, Plan: "Kế hoạch CCHC năm 2024"})
		if err != nil {
			return err
		}
		titles := make([]string, len(plan))
		for i, p := range plan {
			titles[i] = p.Title
		}
		all := strings.Join(titles, "\n")
		for _, want := range []string{"khắc phục những tồn tại, hạn chế", "nâng cao chỉ số cải cách hành chính năm 2024",
			"trực tuyến một phần, toàn trình và thanh toán trực tuyến", "«" + Theme + "»"} {
			if !strings.Contains(all, want) {
				t.Errorf("2024 plan lacks %q:\n%s", want, all)
			}
		}

		f, _ := tx.Framework(2023)
		us, _ := tx.GroupUnits(GroupID)
		sheets, _ := tx.Sheets(2023)
		lost := data.LostPoints(f, us, sheets)
		remedies, err := tx.Tasks(data.TaskFilter{Source: "lostpoints:2023:"})
		if err != nil {
			return err
		}
		if len(remedies) != len(remediation) {
			t.Fatalf("%d remedies, want %d", len(remedies), len(remediation))
		}
		codes := map[string]bool{}
		for _, r := range remedies {
			codes[r.Criterion] = true
			if data.FormatDate(r.Due) != "30/06/2024" || r.CriterionYear != 2023 {
				t.Errorf("remedy %q due %s for %d", r.Title, data.FormatDate(r.Due), r.CriterionYear)
			}
		}
		for _, lp := range lost[:len(remediation)] {
			if !codes[lp.Code] {
				t.Errorf("no remedy for criterion %s, %s points lost", lp.Code, lp.Lost.Short())
			}
		}

		later := day(2025, 3, 1)
		overdue, _ := tx.Tasks(data.TaskFilter{Overdue: true, Today: later})
		done, _ := tx.Tasks(data.TaskFilter{Status: data.StatusDone, Today: later})
		if len(overdue) < 3 || len(done) < 2 {
			t.Errorf("on 01/03/2025: %d overdue, %d done; want some of each", len(overdue), len(done))
		}
		early, _ := tx.Tasks(data.TaskFilter{Overdue: true, Today: day(2024, 1, 15)})
		if len(early) != 0 {
			t.Errorf("on 15/01/2024 %d tasks overdue, want none", len(early))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
