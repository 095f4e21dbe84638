package xlsx_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

// A workbook carries no attached files: importing scores changes the
// points and keeps the files attached to the criteria.
func TestScoresImportKeepsEvidenceFiles(t *testing.T) {
	s := demoStore(t)
	f, err := s.AttachEvidence(2023, demo.ExampleAUnit, "1.1", "KH 12-KH-UBND.pdf", strings.NewReader("%PDF-1.4\nkế hoạch\n%%EOF\n"))
	if err != nil {
		t.Fatal(err)
	}
	book := export(t, s, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, 2023, "") })
	book = edit(t, book, func(x *excelize.File) {
		x.SetCellValue(xlsx.SheetScores, "G"+rowOf(t, x, demo.ExampleAUnit, "1.1"), 1.5)
	})
	sum, err := xlsx.ImportScores(s, bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Changed != 1 {
		t.Errorf("%d scores changed, want the one edited", sum.Changed)
	}
	s.View(func(tx *store.Tx) error {
		sh, _ := tx.Sheet(2023, demo.ExampleAUnit)
		sc := sh.Scores["1.1"]
		if sc.Appraised == nil || sc.Appraised.Short() != "1,5" || len(sc.Files) != 1 || sc.Files[0].SHA256 != f.SHA256 {
			t.Errorf("after import 1.1 = appraised %v, files %+v", sc.Appraised, sc.Files)
		}
		return nil
	})
}
