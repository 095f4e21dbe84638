package ops

import (
	"fmt"
	"strings"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// ScorecardFileName is the default file name of a unit's scorecard:
// "phieu-cham-diem-NBI-2022.pdf".
func ScorecardFileName(unitCode string, year int) string {
	return fmt.Sprintf("phieu-cham-diem-%s-%d.pdf", unitCode, year)
}

// ScorecardInput gathers what a unit's scorecard prints for a year: the
// office, the year's framework, the unit's sheet and its result ranked in
// its group (with last year's rank when known; a locked year's as
// approved, with the unit's name and group of then). The unit must exist
// and have a sheet that year; a sheet without an appraised score prints as
// "chưa chấm". The UI's button uses it too, so the window and
// the command line print the same document.
func ScorecardInput(tx *store.Tx, year int, unitCode string) (reports.ScorecardInput, error) {
	var in reports.ScorecardInput
	unitCode = strings.TrimSpace(unitCode)
	u, err := tx.Unit(unitCode)
	if up := strings.ToUpper(unitCode); data.ErrorCode(err) == data.ENOTFOUND && up != unitCode {
		u, err = tx.Unit(up) // codes are usually typed in capitals: "nbi" finds NBI
	}
	if err != nil {
		if data.ErrorCode(err) == data.ENOTFOUND {
			return in, data.Errorf(data.ENOTFOUND, "Không có đơn vị mã %q", unitCode)
		}
		return in, err
	}
	office, err := tx.Office()
	if err != nil {
		return in, err
	}
	// The unit's result in the group it was ranked in that year: for a
	// locked year, as approved, wherever the unit is now.
	res, group, results, f, found, err := tx.YearResult(year, u.Code)
	if err != nil {
		return in, err
	}
	if !found {
		return in, data.Errorf(data.ENOTFOUND, "%s (mã %s) chưa có phiếu điểm năm %d: hãy chấm điểm trước khi in phiếu", u.Name, u.Code, year)
	}
	sheet, err := tx.Sheet(year, u.Code)
	if err != nil {
		return in, err
	}
	a, err := tx.Appraisal(year, u.Code)
	if err != nil {
		return in, err
	}
	return reports.ScorecardInput{
		Office:    office,
		Framework: f,
		Sheet:     sheet,
		Result:    res,
		GroupName: group.Name,
		GroupSize: data.Ranked(results),
		Appraisal: a,
	}, nil
}
