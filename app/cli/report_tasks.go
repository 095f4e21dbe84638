package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// runTasks prints the task report: pardesk report tasks --year Y [--unit
// CODE] [--overdue]. Status and overdue are judged on the document date.
func runTasks(args []string, stdout io.Writer) error {
	fs := newFlags("report tasks")
	var rf reportFlags
	rf.register(fs, "nhiem-vu.pdf")
	year := fs.Int("year", 0, "năm kế hoạch")
	unit := fs.String("unit", "", "mã đơn vị (chủ trì hoặc phối hợp)")
	overdue := fs.Bool("overdue", false, "chỉ các nhiệm vụ quá hạn")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *year == 0 {
		return usageError("report tasks: thiếu --year")
	}
	when, err := rf.when()
	if err != nil {
		return err
	}
	var in reports.TasksInput
	if err := readData(rf.db, func(tx *store.Tx) error {
		var err error
		in, err = TasksInput(tx, *year, *unit, *overdue, when)
		return err
	}); err != nil {
		return err
	}
	in.Number, in.Date = rf.number, when
	pdf, err := reports.Tasks(in)
	if err != nil {
		return err
	}
	if err := writeFile(rf.out, pdf); err != nil {
		return err
	}
	late := 0
	for i := range in.Tasks {
		if in.Tasks[i].Status(when) == data.StatusOverdue {
			late++
		}
	}
	fmt.Fprintf(stdout, "Đã in báo cáo nhiệm vụ năm %d (%d nhiệm vụ, %d quá hạn): %s\n", *year, len(in.Tasks), late, rf.out)
	return nil
}

// TasksInput gathers what the task report prints for a plan year, limited
// to a unit (in charge or taking part; "" for all) and to the overdue tasks
// when asked, with status judged on the given day. The UI's save button
// uses it too.
func TasksInput(tx *store.Tx, year int, unit string, overdueOnly bool, today time.Time) (reports.TasksInput, error) {
	in := reports.TasksInput{Year: year, OverdueOnly: overdueOnly, Today: today, Units: map[string]string{}}
	var err error
	if in.Office, err = tx.Office(); err != nil {
		return in, err
	}
	units, err := tx.Units()
	if err != nil {
		return in, err
	}
	for _, u := range units {
		in.Units[u.Code] = u.Name
		if !u.Inactive {
			in.AllUnits++
		}
	}
	if unit != "" {
		name, ok := in.Units[unit]
		if !ok {
			return in, data.Errorf(data.ENOTFOUND, "Không có đơn vị mã %q", unit)
		}
		in.UnitName = name
	}
	in.Tasks, err = tx.Tasks(data.TaskFilter{Year: year, Unit: unit, Overdue: overdueOnly, Today: today})
	return in, err
}
