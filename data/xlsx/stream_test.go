package xlsx_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

// The scores export tells how far it has gone: the rows of the scores
// sheet written, unit by unit, up to every row the officer finds in the
// file, then the bytes of the zipped file, up to its size.
func TestScoresExportReportsProgress(t *testing.T) {
	s := demoStore(t)
	type report struct {
		stage       string
		done, total int64
	}
	var got []report
	file := export(t, s, func(tx *store.Tx) ([]byte, error) {
		return xlsx.ScoresWith(tx, 2023, "", func(stage string, done, total int64) {
			got = append(got, report{stage, done, total})
		})
	})
	f, err := excelize.OpenReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(xlsx.SheetScores)
	units := map[string]bool{}
	for _, r := range rows[4:] {
		units[r[0]] = true
	}
	dataRows := int64(len(rows) - 4)

	var rowReports []report
	var zipped int64
	for _, r := range got {
		switch r.stage {
		case "Đang ghi bảng điểm (dòng)":
			if zipped > 0 {
				t.Errorf("rows reported after the zipping began: %+v", r)
			}
			rowReports = append(rowReports, r)
		case "Đang nén tệp Excel (byte)":
			zipped = r.done
		default:
			t.Errorf("unknown stage %q", r.stage)
		}
	}
	if len(rowReports) != len(units) {
		t.Errorf("%d reports of rows, want one a unit (%d)", len(rowReports), len(units))
	}
	for i, r := range rowReports {
		if r.total != dataRows || (i > 0 && r.done <= rowReports[i-1].done) {
			t.Errorf("report %d: %d of %d rows, want rising to %d", i, r.done, r.total, dataRows)
		}
	}
	if n := len(rowReports); n == 0 || rowReports[n-1].done != dataRows {
		t.Errorf("the rows' progress ends at %+v, want %d of %d", rowReports, dataRows, dataRows)
	}
	if zipped != int64(len(file)) {
		t.Errorf("zipping reported %d bytes, the file has %d", zipped, len(file))
	}
}
