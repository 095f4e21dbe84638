package ops

import (
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// RankingInput gathers what the ranking report prints for a year and group
// (the first group when groupID is empty). The UI's save button uses it too,
// so the window and the command line print the same document.
func RankingInput(tx *store.Tx, year int, groupID string) (reports.RankingInput, error) {
	var in reports.RankingInput
	office, err := tx.Office()
	if err != nil {
		return in, err
	}
	groups, err := tx.Groups()
	if err != nil {
		return in, err
	}
	var group *data.Group
	for i := range groups {
		if groupID == "" || groups[i].ID == groupID {
			group = &groups[i]
			break
		}
	}
	if group == nil {
		if groupID == "" {
			return in, data.Errorf(data.ENOTFOUND, "Chưa có nhóm đơn vị nào để xếp hạng")
		}
		return in, data.Errorf(data.ENOTFOUND, "Không có nhóm xếp hạng mã %q", groupID)
	}
	results, f, err := tx.Ranking(year, group.ID)
	if err != nil {
		return in, err
	}
	then, err := tx.YearGroup(year, group.ID) // a locked year: the group's name then
	if err != nil {
		return in, err
	}
	return reports.RankingInput{Office: office, Year: year, GroupName: then.Name, Framework: f, Results: results}, nil
}
