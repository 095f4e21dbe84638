package ops

import (
	"fmt"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// PlanInput gathers what the year's inspection plan prints: the office,
// the plan record (or the usual title when none was entered), the year's
// visits with the units' names and the checklist versions they use. A
// year with neither a plan record nor a visit has no plan to print. The
// UI's print button uses it too.
func PlanInput(tx *store.Tx, year int) (reports.PlanInput, error) {
	var in reports.PlanInput
	var err error
	var stored bool
	if in.Plan, stored, err = tx.InspectionPlan(year); err != nil {
		return in, err
	}
	if in.Visits, err = tx.Visits(year); err != nil {
		return in, err
	}
	if !stored && len(in.Visits) == 0 {
		return in, data.Errorf(data.ENOTFOUND, "Năm %d chưa có kế hoạch kiểm tra: chưa nhập văn bản kế hoạch và chưa có đợt kiểm tra nào", year)
	}
	if in.Office, err = tx.Office(); err != nil {
		return in, err
	}
	units, err := tx.Units()
	if err != nil {
		return in, err
	}
	in.Units = map[string]string{}
	for _, u := range units {
		in.Units[u.Code] = u.Name
	}
	seen := map[string]bool{}
	for _, v := range in.Visits {
		key := fmt.Sprintf("%s/%d", v.Template, v.TemplateVersion)
		if seen[key] {
			continue
		}
		seen[key] = true
		t, err := tx.Template(v.Template, v.TemplateVersion)
		if err != nil {
			return in, err
		}
		in.Templates = append(in.Templates, t)
	}
	return in, nil
}
