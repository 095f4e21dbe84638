package ops_test

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
	"github.com/pardesk/pardesk/reports"
	"github.com/pardesk/pardesk/reports/pdftest"
)

func demoStore(t *testing.T) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := ops.CreateDemo(path); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.SetOfficer("Nguyễn Thị Lan")
	return st
}

// printed is what an officer checks of a year's ranking: the PDF's bytes
// and text, the Excel export's cells, one unit's scorecard result.
type printed struct {
	pdf      []byte
	text     string
	cells    [][]string
	scores   [][]string // the year's scores export
	card     data.Result
	cardSize int
	cardName string
}

func print(t *testing.T, st *store.Store, year int, unit string) printed {
	t.Helper()
	var p printed
	var in reports.RankingInput
	err := st.View(func(tx *store.Tx) error {
		var err error
		if in, err = ops.RankingInput(tx, year, demo.GroupID); err != nil {
			return err
		}
		book, err := xlsx.Ranking(tx, year, demo.GroupID)
		if err != nil {
			return err
		}
		f, err := excelize.OpenReader(bytes.NewReader(book))
		if err != nil {
			return err
		}
		if p.cells, err = f.GetRows("Xếp hạng"); err != nil {
			return err
		}
		if book, err = xlsx.Scores(tx, year, ""); err != nil {
			return err
		}
		if f, err = excelize.OpenReader(bytes.NewReader(book)); err != nil {
			return err
		}
		if p.scores, err = f.GetRows(xlsx.SheetScores); err != nil {
			return err
		}
		card, err := ops.ScorecardInput(tx, year, unit)
		p.card, p.cardSize, p.cardName = card.Result, card.GroupSize, card.GroupName
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	in.Date = time.Date(2024, 3, 15, 0, 0, 0, 0, time.Local)
	in.Created = in.Date
	if p.pdf, err = reports.Ranking(in); err != nil {
		t.Fatal(err)
	}
	p.text = strings.Join(pdftest.Pages(t, p.pdf), "\n")
	return p
}

// Lock 2023, then move Hòa An to another group, rename Nguyên Bình, stop
// evaluating Thạch An and rename the group: the 2023 ranking, its PDF, its Excel export and
// Hòa An's scorecard are the same as approved. Unlocking with a reason
// shows today's units; relocking keeps that.
func TestLockedYearPrintsTheSameAfterUnitChanges(t *testing.T) {
	pdftest.NeedPoppler(t)
	st := demoStore(t)
	if err := st.Update(func(tx *store.Tx) error { return tx.LockYear(2023) }); err != nil {
		t.Fatal(err)
	}
	before := print(t, st, 2023, demo.ExampleBUnit)
	for _, want := range []string{"Huyện Hòa An", "Huyện Nguyên Bình", "Huyện Thạch An", "tăng 4 bậc"} {
		if !strings.Contains(before.text, want) {
			t.Fatalf("2023 PDF lacks %q:\n%s", want, before.text)
		}
	}
	err := st.Update(func(tx *store.Tx) error {
		if err := tx.PutGroup(data.Group{ID: "TP", Name: "Các thành phố", Order: 2}); err != nil {
			return err
		}
		han, _ := tx.Unit(demo.ExampleBUnit)
		han.GroupID = "TP"
		if err := tx.PutUnit(han); err != nil {
			return err
		}
		if err := tx.RenameUnit(demo.ExampleAUnit, "Huyện Nguyên Bình Mới", time.Date(2025, 7, 1, 0, 0, 0, 0, time.Local)); err != nil {
			return err
		}
		tan, _ := tx.Unit("TAN")
		tan.Inactive = true
		if err := tx.PutUnit(tan); err != nil {
			return err
		}
		return tx.PutGroup(data.Group{ID: demo.GroupID, Name: "Các huyện (trước sắp xếp)"})
	})
	if err != nil {
		t.Fatal(err)
	}
	after := print(t, st, 2023, demo.ExampleBUnit)
	if !bytes.Equal(after.pdf, before.pdf) {
		t.Errorf("2023 ranking PDF changed with the units:\n%s\nwas\n%s", after.text, before.text)
	}
	if !reflect.DeepEqual(after.cells, before.cells) {
		t.Errorf("2023 Excel ranking changed:\n%v\nwas\n%v", after.cells, before.cells)
	}
	if !reflect.DeepEqual(after.scores, before.scores) {
		t.Error("2023 Excel scores changed with the units")
	}
	if !reflect.DeepEqual(after.card, before.card) || after.cardSize != 10 || after.cardName != before.cardName || after.card.Rank != 3 {
		t.Errorf("Hòa An's 2023 scorecard: %+v %d/%q, was %+v %d/%q", after.card, after.cardSize, after.cardName, before.card, before.cardSize, before.cardName)
	}

	// Unlock with a reason: 2023 is computed from today's units.
	if err := st.Update(func(tx *store.Tx) error { return tx.UnlockYear(2023, "Điều chỉnh theo kết luận thanh tra") }); err != nil {
		t.Fatal(err)
	}
	open := print(t, st, 2023, "BLA")
	if strings.Contains(open.text, "Huyện Hòa An") || !strings.Contains(open.text, "Huyện Nguyên Bình Mới") {
		t.Errorf("unlocked 2023 still prints the units as they were:\n%s", open.text)
	}
	// Relock: the new snapshot keeps today's units.
	if err := st.Update(func(tx *store.Tx) error { return tx.LockYear(2023) }); err != nil {
		t.Fatal(err)
	}
	if relocked := print(t, st, 2023, "BLA"); !bytes.Equal(relocked.pdf, open.pdf) {
		t.Errorf("relocked 2023 differs from what was shown before relocking:\n%s\nwas\n%s", relocked.text, open.text)
	}
}

// A district with an empty sheet prints "chưa chấm" in the PDF and the
// Excel export, unranked; the ten others keep their ranks.
func TestUnscoredUnitPrintsChuaCham(t *testing.T) {
	pdftest.NeedPoppler(t)
	st := demoStore(t)
	err := st.Update(func(tx *store.Tx) error {
		if err := tx.PutUnit(data.Unit{Code: "MOI", Name: "Huyện Mới Lập", Kind: data.KindDistrict, GroupID: demo.GroupID, Order: 0}); err != nil {
			return err
		}
		return tx.SetScore(2023, "MOI", "1.1", data.Score{Note: "Chưa nộp hồ sơ tự đánh giá"})
	})
	if err != nil {
		t.Fatal(err)
	}
	p := print(t, st, 2023, "MOI")
	flat := strings.Join(strings.Fields(p.text), " ")
	for _, want := range []string{"có 10 đơn vị", "Còn 1 đơn vị chưa có điểm thẩm định (chưa chấm)", "Huyện Mới Lập chưa chấm —"} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF lacks %q:\n%s", want, p.text)
		}
	}
	if strings.Contains(flat, "Dấu — ở cột Thay đổi thứ hạng") {
		t.Errorf("the notes take the unscored unit for a new one:\n%s", p.text)
	}
	last := p.cells[len(p.cells)-1]
	if last[0] != "" || last[2] != "Huyện Mới Lập" || !slicesContains(last, "chưa chấm") {
		t.Errorf("Excel's last row %q, want Huyện Mới Lập unranked, chưa chấm", last)
	}
	ranks := ""
	for _, row := range p.cells[4 : len(p.cells)-1] {
		ranks += row[0] + " "
	}
	if ranks != "1 2 3 4 5 6 7 7 9 10 " {
		t.Errorf("ranks of the others %q, want 1..10 with the demo's shared 7th", ranks)
	}
	if !p.card.Unscored || p.cardSize != 10 {
		t.Errorf("scorecard of the unscored unit: %+v of %d", p.card, p.cardSize)
	}
}

func slicesContains(row []string, s string) bool {
	for _, c := range row {
		if c == s {
			return true
		}
	}
	return false
}

// Hòa An and Nguyên Bình merge for 2024: the 2024 ranking PDF and Excel
// export say where the new district comes from; 2023 lists the old ones.
func TestMergedUnitPrintsNewUnitLabel(t *testing.T) {
	pdftest.NeedPoppler(t)
	st := demoStore(t)
	err := st.Update(func(tx *store.Tx) error {
		return demo.MergeDistricts(tx, "Nghị quyết về sắp xếp đơn vị hành chính")
	})
	if err != nil {
		t.Fatal(err)
	}
	const label = "đơn vị mới (hợp nhất từ Huyện Hòa An, Huyện Nguyên Bình)"
	p := print(t, st, 2024, "HNB")
	// The label wraps in its narrow column, around the unit's row.
	for _, part := range []string{"đơn vị mới", "(hợp nhất từ", "Huyện Hòa", "An, Huyện", "Nguyên", "Bình)"} {
		if !strings.Contains(p.text, part) {
			t.Errorf("2024 PDF lacks %q of the new unit's label:\n%s", part, p.text)
		}
	}
	found := false
	for _, row := range p.cells {
		if len(row) > 2 && row[2] == "Huyện Hòa An Nguyên Bình" {
			found = row[len(row)-1] == label && row[0] == "3"
		}
	}
	if !found {
		t.Errorf("2024 Excel: no row for the merged unit ranked 3rd with %q: %v", label, p.cells)
	}
	if p.card.RankChangeLabel() != label {
		t.Errorf("scorecard: %q", p.card.RankChangeLabel())
	}
	old := print(t, st, 2023, "HAN")
	if !strings.Contains(old.text, "Huyện Hòa An") || !strings.Contains(old.text, "Huyện Nguyên Bình") || strings.Contains(old.text, "Hòa An Nguyên Bình") {
		t.Errorf("2023 PDF does not list the old districts:\n%s", old.text)
	}
}
