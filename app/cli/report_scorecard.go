package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/pardesk/pardesk/app/ops"
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
		in, err = ops.ScorecardInput(tx, *year, code)
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
		out = ops.ScorecardFileName(in.Result.Unit.Code, *year)
	}
	if err := writeFile(out, pdf); err != nil {
		return err
	}
	r := in.Result
	if r.Unscored {
		fmt.Fprintf(stdout, "Đã in phiếu chấm điểm năm %d của %s: %s, không xếp hạng: %s\n", *year, r.Unit.Name, data.NotScored, out)
		return nil
	}
	fmt.Fprintf(stdout, "Đã in phiếu chấm điểm năm %d của %s: %s điểm, Chỉ số %s %%, %s, hạng %d/%d: %s\n",
		*year, r.Unit.Name, r.Total, r.Index, r.Rating, r.Rank, in.GroupSize, out)
	return nil
}
