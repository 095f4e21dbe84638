package cli

import (
	"fmt"
	"io"

	"github.com/pardesk/pardesk/app/ops"
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
		in, err = ops.TasksInput(tx, *year, *unit, *overdue, when)
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
