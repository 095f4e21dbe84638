package ops

import (
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

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
