package demo

import (
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// The demo ships the one-stop-shop checklist covering the seven topics a
// self-inspection of the one-stop shop looks at, and a 2024 plan of eight visits, four done with their records
// complete and their recommendations carried into tasks.
func TestDemoInspections(t *testing.T) {
	st := demoStore(t)
	err := st.View(func(tx *store.Tx) error {
		tpl, err := tx.Template(InspectionTemplateID, 0)
		if err != nil {
			return err
		}
		var titles []string
		for _, s := range tpl.Sections {
			titles = append(titles, strings.ToLower(s.Title))
		}
		all := strings.Join(titles, "; ")
		for _, topic := range []string{"công khai thủ tục", "giải quyết hồ sơ", "số hóa", "dịch vụ công trực tuyến", "kỷ luật, kỷ cương", "văn hóa công sở", "hài lòng", "khiếu nại"} {
			if !strings.Contains(all, topic) {
				t.Errorf("checklist sections lack %q: %s", topic, all)
			}
		}
		plan, ok, err := tx.InspectionPlan(InspectionYear)
		if err != nil {
			return err
		}
		if !ok || plan.Number != "15" || data.FormatDate(plan.Date) != "15/01/2024" || plan.Title != "Kiểm tra công tác cải cách hành chính năm 2024" || plan.Purpose == "" {
			t.Errorf("demo plan document: %+v (stored %v)", plan, ok)
		}
		vs, err := tx.Visits(InspectionYear)
		if err != nil {
			return err
		}
		p, err := tx.InspectionProgress(InspectionYear, time.Date(2024, 7, 1, 0, 0, 0, 0, time.Local))
		if err != nil {
			return err
		}
		if p.Planned != 8 || p.Done != 4 || len(vs) != 8 {
			t.Errorf("plan %d/%d done, %d visits; want 4 of 8", p.Done, p.Planned, len(vs))
		}
		recs := 0
		for _, v := range vs {
			if !v.Finished {
				continue
			}
			if tl := v.Tally(&tpl); tl.Passed+tl.Failed+tl.NotApplicable+tl.Figures != tpl.ItemCount() || tl.Failed < 2 {
				t.Errorf("visit %s tally %+v of %d items", v.ID, tl, tpl.ItemCount())
			}
			for _, r := range v.Recommendations {
				recs++
				task, err := tx.Task(r.TaskID)
				if err != nil {
					return err
				}
				if task.Unit != v.Unit || !strings.HasPrefix(task.Source, "inspection:"+v.ID+":") || task.PlanKind != data.PlanInspection {
					t.Errorf("recommendation %q of %s: task %+v", r.Text, v.ID, task)
				}
			}
		}
		open := 0
		for _, u := range p.Open {
			open += u.Open
		}
		if recs < 8 || open != recs-1 {
			t.Errorf("%d recommendations, %d open; want at least 8 with exactly one closed", recs, open)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
