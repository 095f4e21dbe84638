package ops

import (
	"io"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/progress"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

// ExportKinds lists what `pardesk export` writes, with the default file
// name of each.
var ExportKinds = map[string]string{
	"ranking":    "xep-hang.xlsx",
	"scorecard":  "phieu-diem.xlsx",
	"scores":     "bang-diem.xlsx",
	"lostpoints": "diem-bi-tru.xlsx",
	"tasks":      "nhiem-vu.xlsx",
	"units":      "don-vi.xlsx",
	"framework":  "bo-chi-so.xlsx",
}

// Export builds the Excel file of a kind; the window's buttons use it too.
func Export(tx *store.Tx, kind string, year int, group, unit string, today time.Time) ([]byte, error) {
	return ExportWith(tx, kind, year, group, unit, today, nil)
}

// ExportWith is Export telling p how far it has gone: the scores of a
// year of the whole country take seconds.
func ExportWith(tx *store.Tx, kind string, year int, group, unit string, today time.Time, p progress.Func) ([]byte, error) {
	switch kind {
	case "ranking":
		return xlsx.Ranking(tx, year, group)
	case "scorecard":
		return xlsx.ScoresWith(tx, year, unit, p)
	case "scores":
		return xlsx.ScoresWith(tx, year, "", p)
	case "lostpoints":
		return xlsx.LostPoints(tx, year, group)
	case "tasks":
		return xlsx.Tasks(tx, year, today)
	case "units":
		return xlsx.Units(tx)
	case "framework":
		return xlsx.Framework(tx, year)
	}
	return nil, data.Errorf(data.EINVALID, "Không có loại dữ liệu xuất %q", kind)
}

// Import reads an import kind (units, framework, scores) from r into st.
// opts matter to scores only: without AllowClear a file that leaves stored
// scores blank is refused with the list of them (*xlsx.ClearError).
func Import(st *store.Store, kind string, r io.Reader, opts xlsx.ImportOptions) (xlsx.Summary, error) {
	switch kind {
	case xlsx.KindUnits:
		return xlsx.ImportUnits(st, r)
	case xlsx.KindFramework:
		return xlsx.ImportFramework(st, r)
	case xlsx.KindScores:
		return xlsx.ImportScoresWith(st, r, opts)
	}
	return xlsx.Summary{}, data.Errorf(data.EINVALID, "Không có loại dữ liệu nhập %q; chọn units, framework hoặc scores", kind)
}
