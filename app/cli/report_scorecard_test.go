package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// demoSheet reads a unit's stored sheet, to compare the printed figures
// with what the store holds.
func demoSheet(t *testing.T, db string, year int, unit string) *data.Sheet {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var s *data.Sheet
	if err := st.View(func(tx *store.Tx) error {
		s, err = tx.Sheet(year, unit)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return s
}

// Column geometry of the scorecard table, in points from the left edge:
// the table spans the text width from the 30 mm margin; the code column is
// 11 mm wide, the criterion column 64 mm, the note column the last 32 mm.
var (
	codeLeft, codeRight   = pdftest.MM(30), pdftest.MM(41)
	titleLeft, titleRight = pdftest.MM(41), pdftest.MM(105)
	noteLeft, noteRight   = pdftest.MM(163), pdftest.MM(195)
)

// columnText joins the words of the scorecard table's column within
// [left, right); the table ends at the legend under it ("Ghi chú:").
func columnText(pages []pdftest.Page, left, right float64) []string {
	return pdftest.TableColumn(pages, left, right, "Ghi")
}

// Example A through the command line: Nguyên Bình's 2022 scorecard prints
// every criterion of the demo framework with the stored figures, the seven
// area subtotals of the seed with their ratings, the total and index 81,40,
// Khá, and rank 8/10.
func TestScorecardExampleA(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "phieu.pdf")
	code, stdout, stderr := run(t, "report", "scorecard", "--db", db, "--unit", demo.ExampleAUnit, "--year", "2022",
		"--out", out, "--number", "15", "--date", "09/06/2023")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Huyện Nguyên Bình", "81,40", "Khá", "8/10", out} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout %q lacks %q", stdout, want)
		}
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Debug(t, "scorecard-NBI-2022.pdf", pdf)
	pages := pdftest.Pages(t, pdf)
	text := strings.Join(pages, "\n")
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"UBND TỈNH CAO BẰNG", "SỞ NỘI VỤ", "Kèm theo Báo cáo số 15/BC-SNV",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Cao Bằng, ngày 09 tháng 6 năm 2023",
		"PHIẾU TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM",
		"Chỉ số cải cách hành chính năm 2022 của huyện Nguyên Bình",
		"Tổng điểm đạt được: 81,40/100 điểm.",
		"Chỉ số cải cách hành chính: 81,40 %; xếp loại: Khá.",
		"Xếp hạng: 8/10 (trong nhóm các huyện, thành phố).",
		"Nơi nhận:", "- UBND huyện Nguyên Bình;", "- Lưu: VT, CCHC.", "GIÁM ĐỐC", "Nông Văn Thành",
	} {
		if !strings.Contains(flat, strings.ReplaceAll(want, "\u00a0", " ")) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	// 2022 is the demo's first year: no rank change to report; every
	// score is entered: nothing is provisional.
	for _, not := range []string{"So với năm 2021", "tạm tính"} {
		if strings.Contains(flat, not) {
			t.Errorf("PDF text has %q", not)
		}
	}

	// Area rows: code, title, max, self subtotal, the seed's appraised
	// subtotal, lost points and the rating of the seed.
	f := demo.Framework(2022)
	areas := []struct{ sub, rating string }{
		{"15,00", "Tốt"}, {"12,00", "Tốt"}, {"20,00", "Khá"}, {"5,00", "Trung bình"},
		{"15,00", "Khá"}, {"4,90", "Khá"}, {"9,50", "Khá"},
	}
	for i, a := range areas {
		area := f.Areas[i]
		lost := (area.LeafMax() - mustPoints(t, a.sub)).String()
		re := fmt.Sprintf(`(?m)^\s*%s\s.*?%s\s+\d+,\d\d\s+%s\s+%s(\s|$)`,
			regexp.QuoteMeta(area.Code), regexp.QuoteMeta(area.LeafMax().String()), regexp.QuoteMeta(a.sub), regexp.QuoteMeta(lost))
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("area %s: no row matching %s", area.Code, re)
		}
	}
	// The note column rates the seven areas, then the index, in order,
	// each with its percentage.
	layout := pdftest.Layout(t, pdf)
	notes := strings.Join(columnText(layout, noteLeft, noteRight), " ")
	var got []string
	for _, m := range regexp.MustCompile(`(Tốt|Khá|Trung bình|Yếu) \((\d+,\d\d) %\)`).FindAllStringSubmatch(strings.ReplaceAll(notes, "\u00a0", " "), -1) {
		got = append(got, m[1]+" "+m[2])
	}
	want := "Tốt 93,75, Tốt 92,31, Khá 80,00, Trung bình 62,50, Khá 88,24, Khá 70,00, Khá 67,86, Khá 81,40"
	if strings.Join(got, ", ") != want {
		t.Errorf("ratings in the note column\n got %s\nwant %s", strings.Join(got, ", "), want)
	}
	total := regexp.MustCompile(`(?m)^\s*Tổng cộng\s+100,00\s+\d+,\d\d\s+81,40\s+18,60\s+Khá \(81,40 %\)`)
	if !total.MatchString(text) {
		t.Errorf("no total row with 81,40, 18,60 lost and Khá (81,40 %%) in\n%s", text)
	}

	// Every leaf: its row carries the stored max, self, appraised and
	// lost points; its note is printed.
	s := demoSheet(t, db, 2022, demo.ExampleAUnit)
	var codes []string
	f.Leaves(func(area, leaf *data.Criterion) {
		sc := s.Scores[leaf.Code]
		if sc.Self == nil || sc.Appraised == nil {
			t.Fatalf("demo leaf %s not scored", leaf.Code)
		}
		re := fmt.Sprintf(`(?m)^\s*%s\s.*?%s\s+%s\s+%s\s+%s(\s|$)`, regexp.QuoteMeta(leaf.Code),
			regexp.QuoteMeta(leaf.Max.String()), regexp.QuoteMeta(sc.Self.String()), regexp.QuoteMeta(sc.Appraised.String()),
			regexp.QuoteMeta((leaf.Max - *sc.Appraised).String()))
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("criterion %s: no row matching %s", leaf.Code, re)
		}
		if sc.Note != "" && !strings.Contains(flat, sc.Note) {
			// Notes wrap in their narrow column; compare without
			// line breaks.
			if !strings.Contains(notes, sc.Note) {
				t.Errorf("criterion %s: note %q not printed", leaf.Code, sc.Note)
			}
		}
	})

	// The code column lists the areas and criteria in framework order,
	// each once, and the criterion column holds every title in full.
	for _, a := range f.Areas {
		codes = append(codes, a.Code)
		for _, c := range a.Children {
			codes = append(codes, c.Code)
		}
	}
	var printed []string
	for _, w := range columnText(layout, codeLeft, codeRight) {
		if regexp.MustCompile(`^\d+(\.\d+)*$`).MatchString(w) {
			printed = append(printed, w)
		}
	}
	if strings.Join(printed, " ") != strings.Join(codes, " ") {
		t.Errorf("code column\n got %v\nwant %v", printed, codes)
	}
	titles := strings.Join(columnText(layout, titleLeft, titleRight), " ")
	for _, a := range f.Areas {
		for _, c := range append([]data.Criterion{a}, a.Children...) {
			if !strings.Contains(titles, c.Title) {
				t.Errorf("criterion %s: title %q not in the criterion column", c.Code, c.Title)
			}
		}
	}

	// The result and the signature share the last page.
	last := pages[len(pages)-1]
	for _, want := range []string{"Kết quả", "Xếp hạng: 8/10", "GIÁM ĐỐC", "Nông Văn Thành"} {
		if !strings.Contains(last, want) {
			t.Errorf("last page lacks %q:\n%s", want, last)
		}
	}
}

func mustPoints(t *testing.T, s string) data.Points {
	t.Helper()
	p, err := data.ParsePoints(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Example B's unit in 2023: the rank change against 2022 is printed.
func TestScorecardRankChange(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "phieu.pdf")
	if code, _, stderr := run(t, "report", "scorecard", "--db", db, "--unit", demo.ExampleBUnit, "--year", "2023", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	pdf, _ := os.ReadFile(out)
	pdftest.Debug(t, "scorecard-HAN-2023.pdf", pdf)
	flat := strings.Join(strings.Fields(strings.Join(pdftest.Pages(t, pdf), "\n")), " ")
	for _, want := range []string{
		"của huyện Hòa An",
		"xếp loại: Tốt.",
		"Xếp hạng: 3/10",
		"So với năm 2022: tăng 4 bậc (từ bậc 7 lên bậc 3).",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	// A phiếu has no symbol of its own; without --number it cites none.
	if strings.Contains(flat, "/BC-") || strings.Contains(flat, "Số:") {
		t.Errorf("scorecard without --number prints a report's symbol: %q", flat[:min(len(flat), 300)])
	}
}

func TestScorecardDefaultFileName(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	t.Chdir(dir) // the default file goes to the working folder
	if code, stdout, stderr := run(t, "report", "scorecard", "--db", db, "--unit", "nbi", "--year", "2022"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	} else if !strings.Contains(stdout, "phieu-cham-diem-NBI-2022.pdf") {
		t.Errorf("stdout %q", stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "phieu-cham-diem-NBI-2022.pdf")); err != nil {
		t.Error(err)
	}
}

func TestScorecardErrors(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "x.pdf")
	// A unit without a sheet for 2022: add one to the demo's group.
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Update(func(tx *store.Tx) error {
		return tx.PutUnit(data.Unit{Code: "MOI", Name: "Huyện Mới", Kind: data.KindDistrict, GroupID: demo.GroupID, Order: 11})
	}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"report", "scorecard", "--db", db, "--year", "2022"}, 2, "thiếu --unit"},
		{[]string{"report", "scorecard", "--db", db, "--unit", "NBI"}, 2, "thiếu --year"},
		{[]string{"report", "scorecard", "--db", db, "--unit", "XYZ", "--year", "2022", "--out", out}, 1, `Không có đơn vị mã "XYZ"`},
		{[]string{"report", "scorecard", "--db", db, "--unit", "MOI", "--year", "2022", "--out", out}, 1, "Huyện Mới (mã MOI) chưa có phiếu điểm năm 2022"},
		{[]string{"report", "scorecard", "--db", db, "--unit", "NBI", "--year", "2019", "--out", out}, 1, "2019"},
		{[]string{"report", "scorecard", "--db", db, "--unit", "NBI", "--year", "2022", "--date", "30/02/2023", "--out", out}, 2, "--date"},
	}
	for _, c := range cases {
		code, _, stderr := run(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", c.args, code, stderr, c.code, c.msg)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed scorecard left a PDF behind")
	}
	if code, stdout, _ := run(t, "help"); code != 0 || !strings.Contains(stdout, "report scorecard --unit MÃ --year NĂM") {
		t.Errorf("usage lacks the scorecard line:\n%s", stdout)
	}
}
