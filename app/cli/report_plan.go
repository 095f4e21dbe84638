package cli

import (
	"fmt"
	"io"

	"github.com/pardesk/pardesk/app/ops"
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
		in, err = ops.PlanInput(tx, *year)
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
