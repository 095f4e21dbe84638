package cli

import (
	"strings"
	"time"
)

// unitReport is how a document about one unit for a year is asked for
// (the scorecard, the appraisal notice): --unit CODE --year Y and the
// flags every report has.
type unitReport struct {
	reportFlags
	year int
	unit string
	when time.Time
}

// parseUnitReport reads the flags of "report NAME", refusing a missing
// unit or year by name.
func parseUnitReport(name string, args []string) (unitReport, error) {
	var r unitReport
	fs := newFlags("report " + name)
	r.register(fs, "")
	year := fs.Int("year", 0, "năm đánh giá")
	unit := fs.String("unit", "", "mã đơn vị")
	if err := parse(fs, args); err != nil {
		return r, err
	}
	r.year, r.unit = *year, strings.TrimSpace(*unit)
	switch {
	case r.unit == "":
		return r, usageError("report %s: thiếu --unit (mã đơn vị)", name)
	case r.year == 0:
		return r, usageError("report %s: thiếu --year", name)
	}
	var err error
	r.when, err = r.reportFlags.when()
	return r, err
}
