package ops

import (
	"fmt"
	"strings"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// NoticeFileName is the default file name of a unit's appraisal notice:
// "thong-bao-tham-dinh-NBI-2023.pdf".
func NoticeFileName(unitCode string, year int) string {
	return fmt.Sprintf("thong-bao-tham-dinh-%s-%d.pdf", unitCode, year)
}

// NoticeInput gathers what a unit's appraisal notice prints for a year:
// the office, the framework, the unit, its sheet and appraisal. The sheet
// must have been appraised (the notice goes out with the appraisal); the
// window and the command line print the same document from it.
func NoticeInput(tx *store.Tx, year int, unitCode string) (reports.NoticeInput, error) {
	var in reports.NoticeInput
	unitCode = strings.TrimSpace(unitCode)
	code := tx.UnitCode(unitCode)
	if code == "" {
		return in, data.Errorf(data.ENOTFOUND, "Không có đơn vị mã %q", unitCode)
	}
	u, err := tx.Unit(code)
	if err != nil {
		return in, err
	}
	a, err := tx.Appraisal(year, u.Code)
	if err != nil {
		return in, err
	}
	if a.Status.Index() < data.StatusAppraised.Index() {
		return in, data.Errorf(data.ECONFLICT, "%s (mã %s) năm %d đang ở bước «%s»: thông báo kết quả thẩm định in được từ bước «%s»",
			u.Name, u.Code, year, a.Status.Label(), data.StatusAppraised.Label())
	}
	f, err := tx.Framework(year)
	if err != nil {
		return in, err
	}
	sheet, err := tx.Sheet(year, u.Code)
	if err != nil {
		return in, err
	}
	office, err := tx.Office()
	if err != nil {
		return in, err
	}
	return reports.NoticeInput{Office: office, Framework: f, Unit: u, Sheet: sheet, Appraisal: a}, nil
}

// NotFinalText names the units not chốt, for the question asked before a
// year is locked: the first ten by name, then how many more.
func NotFinalText(units []data.Unit) string {
	const shown = 10
	names := make([]string, 0, shown)
	for i, u := range units {
		if i == shown {
			break
		}
		names = append(names, u.Name)
	}
	text := strings.Join(names, ", ")
	if len(units) > shown {
		text += fmt.Sprintf(" và %d đơn vị khác", len(units)-shown)
	}
	return text
}
