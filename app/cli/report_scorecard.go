package cli

import (
	"fmt"
	"io"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// runScorecard prints one unit's scorecard for a year:
// pardesk report scorecard --unit CODE --year Y [--out F].
func runScorecard(args []string, stdout io.Writer) error {
	rf, err := parseUnitReport("scorecard", args)
	if err != nil {
		return err
	}
	var in reports.ScorecardInput
	if err := readData(rf.db, func(tx *store.Tx) error {
		var err error
		in, err = ops.ScorecardInput(tx, rf.year, rf.unit)
		return err
	}); err != nil {
		return err
	}
	in.Number, in.Date = rf.number, rf.when
	pdf, err := reports.Scorecard(in)
	if err != nil {
		return err
	}
	out := rf.out
	if out == "" {
		out = ops.ScorecardFileName(in.Result.Unit.Code, rf.year)
	}
	if err := writeFile(out, pdf); err != nil {
		return err
	}
	r := in.Result
	if r.Unscored {
		fmt.Fprintf(stdout, "Đã in phiếu chấm điểm năm %d của %s: %s, không xếp hạng: %s\n", rf.year, r.Unit.Name, data.NotScored, out)
		return nil
	}
	fmt.Fprintf(stdout, "Đã in phiếu chấm điểm năm %d của %s: %s điểm, Chỉ số %s %%, %s, hạng %d/%d: %s\n",
		rf.year, r.Unit.Name, r.Total, r.Index, r.Rating, r.Rank, in.GroupSize, out)
	return nil
}
