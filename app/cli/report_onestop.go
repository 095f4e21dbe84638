package cli

import (
	"fmt"
	"io"
	"strconv"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// runOneStop prints the one-stop report of a period:
// pardesk report onestop --year 2023 --period H1 (or --period 2023-H1).
func runOneStop(args []string, stdout io.Writer) error {
	fs := newFlags("report onestop")
	var rf reportFlags
	rf.register(fs, "")
	year := fs.Int("year", 0, "năm")
	period := fs.String("period", "", "kỳ báo cáo: "+data.PeriodSyntax)
	group := fs.String("group", "", "mã nhóm đơn vị (mặc định: mọi đơn vị)")
	if err := parse(fs, args); err != nil {
		return err
	}
	p, err := oneStopPeriod(*year, *period)
	if err != nil {
		return err
	}
	if rf.out == "" {
		rf.out = "mot-cua-" + p.String() + ".pdf"
	}
	when, err := rf.when()
	if err != nil {
		return err
	}
	var in reports.OneStopInput
	if err := readData(rf.db, func(tx *store.Tx) (err error) {
		in, err = ops.OneStopInput(tx, p, *group)
		return err
	}); err != nil {
		return err
	}
	in.Number, in.Date = rf.number, when
	pdf, err := reports.OneStop(in)
	if err != nil {
		return err
	}
	if err := writeFile(rf.out, pdf); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã in báo cáo kết quả giải quyết TTHC %s (%d/%d đơn vị có số liệu): %s\n",
		p.Label(), in.Summary.Reported, len(in.Summary.Rows), rf.out)
	return nil
}

// oneStopPeriod reads --year and --period: "--period 2023-Q1" alone, or
// "--year 2023 --period Q1"; "--year 2023" alone is the whole year.
func oneStopPeriod(year int, period string) (data.Period, error) {
	var p data.Period
	var err error
	switch {
	case year == 0 && period == "":
		return p, usageError("report onestop: thiếu --year hoặc --period (%s)", data.PeriodSyntax)
	case year == 0:
		p, err = data.ParsePeriod(period)
	default:
		p, err = data.ParsePeriodIn(year, period)
	}
	if err != nil {
		return p, usageError("report onestop --year %s --period %q: %s", strconv.Itoa(year), period, data.ErrorMessage(err))
	}
	return p, nil
}
