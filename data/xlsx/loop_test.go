package xlsx_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

// An import follows the appraisal loop: a self score changed for a unit
// that has submitted is refused, naming the criterion and the unit, and
// the file stays as it was; an appraised score changed for a unit in
// giải trình is taken, and the unit's explanations stay.
func TestImportFollowsTheAppraisalLoop(t *testing.T) {
	st := demoStore(t)
	scores := export(t, st, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, demo.LoopYear, "") })
	before, _ := os.ReadFile(st.Path())
	self := edit(t, scores, func(f *excelize.File) {
		f.SetCellValue(xlsx.SheetScores, "F"+rowOf(t, f, demo.SubmittedUnit, "1.1"), 0)
	})
	_, err := xlsx.ImportScores(st, bytes.NewReader(self))
	if msg := data.ErrorMessage(err); !strings.Contains(msg, "Tiêu chí 1.1") || !strings.Contains(msg, demo.SubmittedUnit) || !strings.Contains(msg, "đã nộp") {
		t.Fatalf("self score of a submitted unit imported: %v", err)
	}
	if after, _ := os.ReadFile(st.Path()); !bytes.Equal(before, after) {
		t.Error("the data file changed after the refused import")
	}

	appraised := edit(t, scores, func(f *excelize.File) {
		f.SetCellValue(xlsx.SheetScores, "G"+rowOf(t, f, demo.ExplainingUnit, "1.2"), 1)
	})
	if _, err := xlsx.ImportScores(st, bytes.NewReader(appraised)); err != nil {
		t.Fatalf("appraised score of a unit in giải trình: %v", err)
	}
	err = st.View(func(tx *store.Tx) error {
		a, err := tx.Appraisal(demo.LoopYear, demo.ExplainingUnit)
		if a.Status != data.StatusExplaining || len(a.Explanations) != 2 {
			t.Errorf("after the import Hạ Lang's appraisal is %+v", a)
		}
		s, _ := tx.Sheet(demo.LoopYear, demo.ExplainingUnit)
		if s.Appraised("1.2") != data.P(1, 0) {
			t.Errorf("1.2 appraised %s after the import, want 1", s.Appraised("1.2"))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
