package xlsx_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

// printed is one export as the officer prints it: what every page of each
// of its sheets must show.
type printed struct {
	name      string
	file      []byte
	landscape bool
	maxPages  int               // the whole workbook
	sheets    map[string]string // page-header title → a header cell repeated on each of its pages
}

func printedExports(t *testing.T, s *store.Store) []printed {
	t.Helper()
	today := time.Date(2024, 12, 31, 0, 0, 0, 0, time.Local)
	return []printed{
		{"ranking", export(t, s, func(tx *store.Tx) ([]byte, error) { return xlsx.Ranking(tx, 2022, "") }), true, 1,
			map[string]string{"KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022": "Thay đổi"}},
		{"scores", export(t, s, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, 2023, "") }), true, 15,
			map[string]string{"BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023": "Tài liệu kiểm chứng", "TỔNG ĐIỂM DO CẤP TRÊN CÔNG BỐ NĂM 2023": "Tên đơn vị"}},
		{"scorecard", export(t, s, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, 2023, demo.ExampleAUnit) }), true, 4,
			map[string]string{"PHIẾU ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 — Huyện Nguyên Bình": "Tài liệu kiểm chứng",
				"TỔNG ĐIỂM DO CẤP TRÊN CÔNG BỐ NĂM 2023": "Tên đơn vị", "KẾT QUẢ CHỈ SỐ CCHC NĂM 2023 — HUYỆN NGUYÊN BÌNH": "Xếp loại"}},
		{"lostpoints", export(t, s, func(tx *store.Tx) ([]byte, error) { return xlsx.LostPoints(tx, 2023, "") }), true, 10,
			map[string]string{"TIÊU CHÍ BỊ TRỪ ĐIỂM NĂM 2023": "Đơn vị bị trừ nhiều nhất", "ĐIỂM BỊ TRỪ THEO ĐƠN VỊ NĂM 2023": "Ghi chú"}},
		{"tasks", export(t, s, func(tx *store.Tx) ([]byte, error) { return xlsx.Tasks(tx, 2024, today) }), true, 3,
			map[string]string{"DANH SÁCH NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024": "Kết quả thực hiện"}},
		{"units", export(t, s, xlsx.Units), true, 1,
			map[string]string{"DANH SÁCH ĐƠN VỊ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH": "Tên nhóm xếp hạng"}},
		{"framework", export(t, s, func(tx *store.Tx) ([]byte, error) { return xlsx.Framework(tx, 2023) }), true, 4,
			map[string]string{"BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023": "Tài liệu kiểm chứng cần có", "CÁC MỨC XẾP LOẠI NĂM 2023": "Mức xếp loại"}},
	}
}

// Every sheet of every export carries its page setup in the file: A4, one
// page wide, the header row repeated, the page header, the used range.
func TestExportsCarryAPageSetup(t *testing.T) {
	s := demoStore(t)
	for _, e := range printedExports(t, s) {
		f, err := excelize.OpenReader(bytes.NewReader(e.file))
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		titles := map[string]bool{}
		for _, dn := range f.GetDefinedName() {
			if dn.Name == "_xlnm.Print_Titles" {
				titles[dn.Scope] = dn.RefersTo == "'"+dn.Scope+"'!$4:$4"
			}
		}
		for _, sh := range f.GetSheetList() {
			where := e.name + " «" + sh + "»"
			pl, err := f.GetPageLayout(sh)
			if err != nil {
				t.Fatal(err)
			}
			if *pl.Size != 9 || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
				t.Errorf("%s: paper %d, fit to %d wide × %d tall; want A4 (9), 1 wide, as many tall as needed (0)", where, *pl.Size, *pl.FitToWidth, *pl.FitToHeight)
			}
			props, _ := f.GetSheetProps(sh)
			if props.FitToPage == nil || !*props.FitToPage {
				t.Errorf("%s: fit to page is off", where)
			}
			if !titles[sh] {
				t.Errorf("%s: the header row (row 4) is not repeated on every page", where)
			}
			hf, _ := f.GetHeaderFooter(sh)
			if !strings.Contains(hf.OddHeader, "SỞ NỘI VỤ") || !strings.Contains(hf.OddHeader, "Ngày ") || !strings.Contains(hf.OddFooter, "Trang &P/&N") {
				t.Errorf("%s: page header %q, footer %q; want the office, the date and the page numbers", where, hf.OddHeader, hf.OddFooter)
			}
			dim, _ := f.GetSheetDimension(sh)
			rows, _ := f.GetRows(sh)
			if !strings.HasPrefix(dim, "A1:") || !strings.HasSuffix(dim, strconv.Itoa(len(rows))) {
				t.Errorf("%s: used range %q, want A1 to row %d", where, dim, len(rows))
			}
			// An empty cell holds nothing, not an empty string.
			cols, _ := f.GetCols(sh)
			for c := range cols {
				for r := range cols[c] {
					ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
					v, _ := f.GetCellValue(sh, ref)
					if typ, _ := f.GetCellType(sh, ref); v == "" && typ != excelize.CellTypeUnset {
						t.Errorf("%s %s: an empty string, want an empty cell", where, ref)
					}
				}
			}
		}
		if pl, _ := f.GetPageLayout(f.GetSheetName(0)); (*pl.Orientation == "landscape") != e.landscape {
			t.Errorf("%s: printed %s", e.name, *pl.Orientation)
		}
	}
}

// In the scores sheet a plain SUM over a unit's rows gives its totals: the
// rows of areas keep their sums in columns of their own.
func TestScoresSheetSumsPerUnit(t *testing.T) {
	s := demoStore(t)
	file := export(t, s, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, 2023, "") })
	var fw *data.Framework
	var sheets map[string]*data.Sheet
	s.View(func(tx *store.Tx) (err error) {
		if fw, err = tx.Framework(2023); err != nil {
			return err
		}
		sheets, err = tx.Sheets(2023)
		return err
	})
	f, err := excelize.OpenReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	header, _ := f.GetRows(xlsx.SheetScores)
	if got := header[3][9:12]; strings.Join(got, "|") != "Cộng nhóm: điểm tối đa|Cộng nhóm: tự đánh giá|Cộng nhóm: thẩm định" {
		t.Errorf("group sum headers %q", got)
	}
	// Excel's SUM, over each unit's rows, as an officer would type it.
	first, last := map[string]int{}, map[string]int{}
	for i, r := range header[4:] {
		row := i + 5
		if _, ok := first[r[0]]; !ok {
			first[r[0]] = row
		}
		last[r[0]] = row
	}
	if len(first) != len(sheets) {
		t.Fatalf("%d units in the sheet, %d evaluated", len(first), len(sheets))
	}
	for unit, sh := range sheets {
		var self, appr data.Points
		for _, sc := range sh.Scores {
			if sc.Self != nil {
				self += *sc.Self
			}
			if sc.Appraised != nil {
				appr += *sc.Appraised
			}
		}
		for col, want := range map[string]data.Points{"E": fw.Max(), "F": self, "G": appr} {
			ref := fmt.Sprintf("Z%d", first[unit]) // beside the table
			f.SetCellFormula(xlsx.SheetScores, ref, fmt.Sprintf("SUM(%s%d:%s%d)", col, first[unit], col, last[unit]))
			got, err := f.CalcCellValue(xlsx.SheetScores, ref, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			if x, _ := strconv.ParseFloat(got, 64); data.Points(x*data.PointsScale+0.5) != want {
				t.Errorf("unit %s: SUM of column %s is %s, want %s", unit, col, got, want)
			}
			f.SetCellValue(xlsx.SheetScores, ref, nil)
		}
	}
	// An area's row: its sums in J-L, nothing in E-G; points shown with two
	// decimals.
	r := rowOf(t, f, demo.ExampleAUnit, "6")
	for _, col := range []string{"E", "F", "G"} {
		if typ, _ := f.GetCellType(xlsx.SheetScores, col+r); typ != excelize.CellTypeUnset {
			t.Errorf("area 6 row: cell %s%s holds a value", col, r)
		}
	}
	for col, want := range map[string]string{"J": "7.00", "L": "4.65"} {
		if got, _ := f.GetCellValue(xlsx.SheetScores, col+r); got != want {
			t.Errorf("area 6 row: %s%s shows %q, want %q", col, r, got, want)
		}
	}
	leaf := rowOf(t, f, demo.ExampleAUnit, "6.1")
	for _, col := range []string{"E", "F", "G"} {
		id, _ := f.GetCellStyle(xlsx.SheetScores, col+leaf)
		if st, _ := f.GetStyle(id); st.NumFmt != 2 {
			t.Errorf("cell %s%s: number format %d, want 2 (0.00)", col, leaf, st.NumFmt)
		}
	}
}

// A wrapped cell's row is as tall as its lines.
func TestWrappedRowsGetTheirHeight(t *testing.T) {
	s := demoStore(t)
	file := export(t, s, func(tx *store.Tx) ([]byte, error) {
		return xlsx.Tasks(tx, 2024, time.Date(2024, 12, 31, 0, 0, 0, 0, time.Local))
	})
	f, err := excelize.OpenReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Nhiệm vụ")
	tall := 0
	for i, r := range rows[4:] {
		h, _ := f.GetRowHeight("Nhiệm vụ", i+5)
		if h < 15.75 {
			t.Errorf("task row %d: height %.2f, less than a line", i+5, h)
		}
		// The co-units of a remedy task fill several lines of a 24-wide
		// column.
		if len(r) > 5 && len([]rune(r[5])) > 60 {
			if h < 3*15.75 {
				t.Errorf("task row %d: height %.2f for %q", i+5, h, r[5])
			}
			tall++
		}
	}
	if tall == 0 {
		t.Error("no task with a long list of co-units: the test proves nothing")
	}
}

// Each export, converted to PDF by LibreOffice, prints as an officer wants
// it: A4, few pages, and on every page the office, the sheet's title, its
// header row and "Trang i/n". Skipped where LibreOffice is not installed
// (CI); page counts depend a little on the fonts installed (Liberation
// Serif and Carlito stand for Times New Roman and Calibri).
func TestExportsPrintWithLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	if testing.Short() {
		t.Skip("converting with LibreOffice takes a minute")
	}
	s := demoStore(t)
	exports := printedExports(t, s)
	dir := t.TempDir()
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "pdf", "--outdir", dir}
	for _, e := range exports {
		name := filepath.Join(dir, e.name+".xlsx")
		if err := os.WriteFile(name, e.file, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pageNo := regexp.MustCompile(`Trang (\d+)/(\d+)`)
	for _, e := range exports {
		out, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, e.name+".pdf"), "-").Output()
		if err != nil {
			t.Errorf("%s: pdftotext: %v", e.name, err)
			continue
		}
		pages := strings.Split(strings.TrimRight(string(out), "\f"), "\f")
		if len(pages) > e.maxPages {
			t.Errorf("%s: %d pages, want at most %d", e.name, len(pages), e.maxPages)
		}
		perSheet := map[string]int{}
		for i, pg := range pages {
			where := fmt.Sprintf("%s page %d", e.name, i+1)
			text := data.Fold(strings.Join(strings.Fields(pg), " "))
			if !strings.Contains(text, data.Fold("SỞ NỘI VỤ")) {
				t.Errorf("%s: no office name in the page header:\n%s", where, pg)
			}
			if m := pageNo.FindStringSubmatch(pg); m == nil || m[1] != strconv.Itoa(i+1) || m[2] != strconv.Itoa(len(pages)) {
				t.Errorf("%s: page number %q, want Trang %d/%d", where, m, i+1, len(pages))
			}
			var found []string
			for title, head := range e.sheets {
				if strings.Contains(text, data.Fold(title)) {
					found = append(found, title)
					if !strings.Contains(text, data.Fold(head)) {
						t.Errorf("%s: the header row (%q) is not repeated:\n%s", where, head, pg)
					}
				}
			}
			if len(found) != 1 {
				t.Errorf("%s: page header titles %q, want one of the workbook's:\n%s", where, found, pg)
			} else {
				perSheet[found[0]]++
			}
		}
		if e.name == "lostpoints" && perSheet["TIÊU CHÍ BỊ TRỪ ĐIỂM NĂM 2023"] > 4 {
			t.Errorf("the lost-points sheet prints on %d pages", perSheet["TIÊU CHÍ BỊ TRỪ ĐIỂM NĂM 2023"])
		}
		if info, err := exec.LookPath("pdfinfo"); err == nil {
			out, _ := exec.Command(info, "-f", "1", "-l", strconv.Itoa(len(pages)), filepath.Join(dir, e.name+".pdf")).Output()
			for _, l := range strings.Split(string(out), "\n") {
				if !strings.Contains(l, "size:") || !strings.HasPrefix(l, "Page") {
					continue
				}
				if !strings.HasSuffix(l, "(A4)") {
					t.Errorf("%s: %s, want A4", e.name, strings.TrimSpace(l))
				}
				if strings.HasPrefix(l, "Page    1 size:") && strings.Contains(l, "841.89 x 595.304") != e.landscape {
					t.Errorf("%s: %s, landscape %v", e.name, strings.TrimSpace(l), e.landscape)
				}
			}
		}
	}
}
