package ops

import (
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// OneStopInput gathers what the one-stop report prints for a period and a
// group of units (every unit when groupID is empty). The window's save
// button uses it too, so both print the same document.
func OneStopInput(tx *store.Tx, p data.Period, groupID string) (reports.OneStopInput, error) {
	var in reports.OneStopInput
	office, err := tx.Office()
	if err != nil {
		return in, err
	}
	if groupID != "" {
		g, err := tx.Group(groupID)
		if err != nil {
			return in, err
		}
		in.GroupName = g.Name
	}
	s, err := tx.OneStopSummary(p, groupID)
	if err != nil {
		return in, err
	}
	if s.Reported == 0 {
		return in, data.Errorf(data.ENOTFOUND, "Chưa có đơn vị nào nhập số liệu một cửa %s", p.Label())
	}
	in.Office, in.Summary = office, s
	return in, nil
}
