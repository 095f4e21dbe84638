package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// runScorecard prints one unit's scorecard for a year:
// pardesk report scorecard --unit CODE --year Y [--out F].
func runScorecard(args []string, stdout io.Writer) error {
	fs := newFlags("report scorecard")
	var rf reportFlags
	rf.register(fs, "")
	year := fs.Int("year", 0, "năm đánh giá")
	unit := fs.String("unit", "", "mã đơn vị")
	if err := parse(fs, args); err != nil {
		return err
	}
	code := strings.TrimSpace(*unit)
	switch {
	case code == "":
		return usageError("report scorecard: thiếu --unit (mã đơn vị)")
	case *year == 0:
		return usageError("report scorecard: thiếu --year")
	}
	when, err := rf.when()
	if err != nil {
		return err
	}
	var in reports.ScorecardInput
	if err := readData(rf.db, func(tx *store.Tx) error {
		var err error
		in, err = ScorecardInput(tx, *year, code)
		return err
	}); err != nil {
		return err
	}
	in.Number, in.Date = rf.number, when
	pdf, err := reports.Scorecard(in)
	if err != nil {
		return err
	}
	out := rf.out
	if out == "" {
		out = ScorecardFileName(in.Result.Unit.Code, *year)
	}
	if err := writeFile(out, pdf); err != nil {
		return err
	}
	r := in.Result
	fmt.Fprintf(stdout, "Đã in phiếu chấm điểm năm %d của %s: %s điểm, Chỉ số %s %%, %s, hạng %d/%d: %s\n",
		*year, r.Unit.Name, r.Total, r.Index, r.Rating, r.Rank, in.GroupSize, out)
	return nil
}

// ScorecardFileName is the default file name of a unit's scorecard:
// "phieu-cham-diem-NBI-2022.pdf".
func ScorecardFileName(unitCode string, year int) string {
	return fmt.Sprintf("phieu-cham-diem-%s-%d.pdf", unitCode, year)
}

// ScorecardInput gathers what a unit's scorecard prints for a year: the
// office, the year's framework, the unit's sheet and its result ranked in
// its group (with last year's rank when known). The unit must exist and
// have a sheet that year. The UI's button uses it too, so the window and
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
	group, err := tx.Group(u.GroupID)
	if err != nil {
		return in, err
	}
	results, f, err := tx.Ranking(year, u.GroupID)
	if err != nil {
		return in, err
	}
	var res *data.Result
	for i := range results {
		if results[i].Unit.Code == u.Code {
			res = &results[i]
			break
		}
	}
	if res == nil {
		return in, data.Errorf(data.ENOTFOUND, "%s (mã %s) chưa có phiếu điểm năm %d: hãy chấm điểm trước khi in phiếu", u.Name, u.Code, year)
	}
	sheet, err := tx.Sheet(year, u.Code)
	if err != nil {
		return in, err
	}
	return reports.ScorecardInput{
		Office:    office,
		Framework: f,
		Sheet:     sheet,
		Result:    *res,
		GroupName: group.Name,
		GroupSize: len(results),
	}, nil
}
