package app

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

func exportScores(t *testing.T, ui *UI) []byte {
	t.Helper()
	var b []byte
	if err := ui.store.View(func(tx *store.Tx) (err error) { b, err = xlsx.Scores(tx, 2023, ""); return err }); err != nil {
		t.Fatal(err)
	}
	return b
}

// An officer imports a file with a score above its max: the dialog lists
// the problem with its row and column, and nothing changes; the corrected
// file imports and the ranking shows the new figure.
func TestDataFileImportShowsProblemsThenImports(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionDataFile)
	v := ui.dataFile
	file := exportScores(t, ui)
	f, _ := excelize.OpenReader(bytes.NewReader(file))
	rows, _ := f.GetRows(xlsx.SheetScores)
	row := 0
	for i, r := range rows {
		if len(r) > 2 && r[0] == "NBI" && r[2] == "1.1" {
			row = i + 1
		}
	}
	cellG := "G" + strconv.Itoa(row)
	f.SetCellValue(xlsx.SheetScores, cellG, 9)
	var bad bytes.Buffer
	f.Write(&bad)

	v.importFile(xlsx.KindScores, "bang-diem.xlsx", bad.Bytes())
	v.work.Wait()
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no dialog after a refused import")
	}
	shown := strings.Join(textsIn(overlay), "\n")
	for _, want := range []string{"Tệp có 1 lỗi. Không có dữ liệu nào được ghi", "Trang tính «Điểm», dòng " + strconv.Itoa(row) + ", cột G (Điểm thẩm định): Tiêu chí 1.1", "(tối đa 3 điểm)"} {
		if !strings.Contains(shown, want) {
			t.Errorf("problem dialog does not say %q:\n%s", want, shown)
		}
	}
	w.Canvas().Overlays().Remove(overlay)
	if list, _ := ui.store.Backups(); len(list) != 0 {
		t.Errorf("a refused import took %d backups", len(list))
	}

	f.SetCellValue(xlsx.SheetScores, cellG, 0)
	var good bytes.Buffer
	f.Write(&good)
	v.importFile(xlsx.KindScores, "bang-diem.xlsx", good.Bytes())
	v.work.Wait()
	if !strings.HasPrefix(v.status.Text, "Đã nhập điểm năm 2023 của 10 đơn vị") {
		t.Errorf("status after import %q", v.status.Text)
	}
	// The import took a backup, now in the list.
	if len(v.backups) != 1 || !strings.Contains(v.backups[0].String(), "Trước khi nhập từ Excel") {
		t.Errorf("backups listed %v, want the one taken before the import", v.backups)
	}
	ui.Show(SectionRanking)
	ui.ranking.year.SetSelected("2023")
	texts := shownTexts(w)
	if r := rowWith(texts, "Huyện Nguyên Bình", 2); r == nil || r[1] == "" {
		t.Fatalf("ranking after import: %q", texts)
	}
}

// A file that leaves a stored score blank lists it and asks; confirmed,
// the score is cleared and the status says so.
func TestDataFileImportAsksBeforeClearingScores(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionDataFile)
	v := ui.dataFile
	f, _ := excelize.OpenReader(bytes.NewReader(exportScores(t, ui)))
	rows, _ := f.GetRows(xlsx.SheetScores)
	row := 0
	for i, r := range rows {
		if len(r) > 2 && r[0] == "NBI" && r[2] == "1.1" {
			row = i + 1
		}
	}
	f.SetCellValue(xlsx.SheetScores, "G"+strconv.Itoa(row), nil)
	var blank bytes.Buffer
	f.Write(&blank)

	v.importFile(xlsx.KindScores, "bang-diem.xlsx", blank.Bytes())
	v.work.Wait()
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no question before clearing a stored score")
	}
	shown := strings.Join(textsIn(overlay), "\n")
	for _, want := range []string{"để trống 1 điểm năm 2023 đã lưu", "dòng " + strconv.Itoa(row) + ", cột G (Điểm thẩm định): đơn vị NBI, tiêu chí 1.1"} {
		if !strings.Contains(shown, want) {
			t.Errorf("question does not say %q:\n%s", want, shown)
		}
	}
	if list, _ := ui.store.Backups(); len(list) != 0 {
		t.Errorf("asking took %d backups", len(list))
	}
	tapButton(t, w, "Nhập và xóa các điểm này")
	v.work.Wait()
	if !strings.Contains(v.status.Text, "xóa 1 điểm đã lưu") {
		t.Errorf("status after confirming %q", v.status.Text)
	}
}

// Backup now, change a score, restore the backup after confirming: the
// window shows the old figures again, and the restore kept a backup of
// the state it replaced.
func TestDataFileBackupAndRestore(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionRanking)
	ui.ranking.year.SetSelected("2022")
	before := rowWith(shownTexts(w), "Huyện Nguyên Bình", 12)

	ui.Show(SectionDataFile)
	v := ui.dataFile
	v.backupNow()
	v.work.Wait()
	if len(v.backups) != 1 || !strings.HasPrefix(v.status.Text, "Đã sao lưu: ") {
		t.Fatalf("after backup now: %v, status %q", v.backups, v.status.Text)
	}
	if err := ui.store.Update(func(tx *store.Tx) error {
		sh, err := tx.Sheet(2022, "NBI")
		if err != nil {
			return err
		}
		for code, sc := range sh.Scores {
			sc.Appraised = nil
			sh.Scores[code] = sc
		}
		return tx.PutSheet(sh)
	}); err != nil {
		t.Fatal(err)
	}
	ui.publish(Change{Kind: ScoresChanged, Year: 2022, Unit: "NBI"})

	v.list.Select(0)
	test.Tap(v.restore)
	confirm := w.Canvas().Overlays().Top()
	if confirm == nil || !slices.Contains(textsIn(confirm), "Khôi phục dữ liệu?") && !strings.Contains(strings.Join(textsIn(confirm), "\n"), "Dữ liệu hiện tại được sao lưu trước") {
		t.Fatalf("no confirmation before restoring: %v", confirm)
	}
	tapButton(t, w, "Khôi phục")
	v.work.Wait()
	if len(v.backups) != 2 || !strings.Contains(v.backups[0].String(), "Trước khi khôi phục") {
		t.Errorf("backups after restore %v, want the pre-restore copy first", v.backups)
	}
	ui.Show(SectionRanking)
	ui.ranking.year.SetSelected("2022")
	if after := rowWith(shownTexts(w), "Huyện Nguyên Bình", 12); !slices.Equal(after, before) {
		t.Errorf("Nguyên Bình after restore %q, want %q", after, before)
	}
}

func TestDataFileExportOpensSaveDialog(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionDataFile)
	ui.dataFile.export("ranking")
	ui.dataFile.work.Wait()
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil || !slices.ContainsFunc(textsIn(overlay), func(s string) bool { return strings.HasPrefix(s, "xep-hang-2023.xlsx") }) {
		t.Fatal("no save dialog proposing xep-hang-2023.xlsx")
	}
}

// Exporting the scores of a year from the window shows the work in the
// progress dialog, the zipping of the file last, before the save dialog.
func TestDataFileExportScoresShowsProgress(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionDataFile)
	ui.dataFile.export("scores")
	ui.dataFile.work.Wait()
	if ui.lastProgress == nil || !strings.HasPrefix(ui.lastProgress.stage.Text, "Đang nén tệp Excel (byte): ") {
		t.Errorf("the export's dialog ended on %q, want the zipping of the file with its bytes", ui.lastProgress.stage.Text)
	}
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil || !slices.ContainsFunc(textsIn(overlay), func(s string) bool { return strings.HasPrefix(s, "bang-diem-2023.xlsx") }) {
		t.Fatal("no save dialog proposing bang-diem-2023.xlsx")
	}
}
