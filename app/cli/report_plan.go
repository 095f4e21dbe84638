package cli

import (
	"fmt"
	"io"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// runPlan prints the year's inspection plan: pardesk report plan --year Y
// [--number SỐ] [--date NGÀY] [--out TỆP.pdf]. The number and date are the
// plan record's unless given.
func runPlan(args []string, stdout io.Writer) error {
	fs := newFlags("report plan")
	var rf reportFlags
	rf.register(fs, "")
	year := fs.Int("year", 0, "năm kế hoạch kiểm tra")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *year == 0 {
		return usageError("report plan: thiếu --year")
	}
	var in reports.PlanInput
	if err := readData(rf.db, func(tx *store.Tx) (err error) {
		in, err = PlanInput(tx, *year)
		return err
	}); err != nil {
		return err
	}
	if rf.number != "" {
		in.Plan.Number = rf.number
	}
	if rf.date != "" {
		when, err := rf.when()
		if err != nil {
			return err
		}
		in.Plan.Date = when
	}
	if rf.out == "" {
		rf.out = fmt.Sprintf("ke-hoach-kiem-tra-%d.pdf", *year)
	}
	pdf, err := reports.Plan(in)
	if err != nil {
		return err
	}
	if err := writeFile(rf.out, pdf); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã in kế hoạch kiểm tra năm %d (%d đợt kiểm tra): %s\n", *year, len(in.Visits), rf.out)
	return nil
}

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
