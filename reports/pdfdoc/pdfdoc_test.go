package pdfdoc_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/pardesk/pardesk/reports/pdfdoc"
	"github.com/pardesk/pardesk/reports/pdftest"
)

var created = time.Date(2023, 6, 9, 8, 0, 0, 0, time.UTC)

func heading() pdfdoc.Heading {
	return pdfdoc.Heading{
		Superior: "UBND huyện Nguyên Bình",
		Office:   "Phòng Nội vụ",
		Number:   pdfdoc.Symbol("12", "BC", "PNV"),
		DateLine: "Nguyên Bình, ngày 09 tháng 6 năm 2023",
	}
}

func output(t testing.TB, d *pdfdoc.Doc) []byte {
	t.Helper()
	pdf, err := d.Output()
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

func TestClean(t *testing.T) {
	nfd := norm.NFD.String("Đức Nghĩa")
	for _, c := range []struct{ in, want string }{
		{"plain ASCII 123", "plain ASCII 123"},
		{nfd, "Đức Nghĩa"},
		{"Xã An 🌸 Phú", "Xã An  Phú"},
		{"a\tb\nc\rd", "a b c d"},
		{"nul\x00bell\x07del\x7f", "nulbelldel"},
		{"❤️ tim", " tim"},                        // U+2764 lacks a glyph, U+FE0F too
		{"👨\u200d👩\u200d👧 gia đình", " gia đình"}, // ZWJ sequence
		{"81,40\u00a0%", "81,40\u00a0%"},
		{"bad \xff byte", "bad  byte"},
		{"– — … « » × ≥ ≤ №", "– — … « » × ≥ ≤ №"},
	} {
		if got := pdfdoc.Clean(c.in); got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := pdfdoc.Upper("phòng nội vụ"); got != "PHÒNG NỘI VỤ" {
		t.Errorf("Upper = %q", got)
	}
}

// Every precomposed Vietnamese letter survives Clean (the fonts have them).
func TestCleanKeepsVietnamese(t *testing.T) {
	const lower = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
	all := lower + strings.ToUpper(lower)
	if got := pdfdoc.Clean(all); got != all {
		t.Fatalf("Clean dropped letters: %q", got)
	}
}

func TestSymbol(t *testing.T) {
	if got := pdfdoc.Symbol("12", "BC", "PNV"); got != "12/BC-PNV" {
		t.Errorf("Symbol = %q", got)
	}
	if got := pdfdoc.Symbol(" ", "BB", "PNV"); !strings.HasPrefix(got, "     ") || !strings.HasSuffix(got, "/BB-PNV") {
		t.Errorf("blank Symbol = %q", got)
	}
}

func TestHeadingAndClosing(t *testing.T) {
	d := pdfdoc.New(pdfdoc.Options{Created: created, Title: "Báo cáo thử"})
	d.Heading(heading())
	d.Title("Báo cáo", "Kết quả thực hiện nhiệm vụ cải cách hành chính", "6 tháng đầu năm 2023")
	d.Section("1. Kết quả đạt được")
	d.Paragraph(strings.Repeat("Bộ phận một cửa tiếp nhận 7.447 hồ sơ, 100 % đúng hạn. ", 6))
	d.Closing([]string{"Như trên;", "- Lưu: VT."}, pdfdoc.Signer{Title: "KT. Trưởng phòng\nPhó trưởng phòng", Name: "Nông Văn Thành"})
	pdf := output(t, d)
	pdftest.Debug(t, "heading.pdf", pdf)
	text := strings.Join(pdftest.Pages(t, pdf), "\n")
	for _, want := range []string{
		"UBND HUYỆN NGUYÊN BÌNH", "PHÒNG NỘI VỤ", "Số: 12/BC-PNV",
		pdfdoc.NationalName, pdfdoc.Motto, "Nguyên Bình, ngày 09 tháng 6 năm 2023",
		"BÁO CÁO", "Kết quả thực hiện nhiệm vụ cải cách hành chính", "1. Kết quả đạt được",
		"Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "Nông Văn Thành",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	// The office and the national name share the first lines; the number
	// and the date line share a baseline.
	p := pdftest.Layout(t, pdf)[0]
	so, dl := find(p, "Số:"), find(p, "Nguyên")
	if so == nil || dl == nil || abs(so.YMax-dl.YMax) > 0.5 {
		t.Errorf("number and date line not on one line: %+v %+v", so, dl)
	}
	if w := find(p, "UBND"); w == nil || w.YMin < pdftest.MM(pdfdoc.MarginTop)-1 {
		t.Errorf("heading starts above the top margin: %+v", w)
	}
}

func TestSignatures(t *testing.T) {
	d := pdfdoc.New(pdfdoc.Options{Created: created})
	d.Title("Biên bản kiểm tra")
	d.Signatures(
		pdfdoc.Signer{Title: "Đại diện đơn vị được kiểm tra", Hint: "(Ký, ghi rõ họ tên)", Name: "Lò Thị Mai"},
		pdfdoc.Signer{Title: "Trưởng đoàn kiểm tra", Hint: "(Ký, ghi rõ họ tên)", Name: "Hoàng Văn Bình"},
	)
	pdf := output(t, d)
	p := pdftest.Layout(t, pdf)[0]
	l, r := find(p, "Lò"), find(p, "Hoàng")
	if l == nil || r == nil {
		t.Fatalf("signer names missing")
	}
	if l.XMax > p.Width/2 || r.XMin < p.Width/2 || abs(l.YMax-r.YMax) > 0.5 {
		t.Errorf("two signatures not side by side: %+v %+v", l, r)
	}
}

// A long table breaks between rows, never inside one, and repeats its
// header (both header rows) at the top of every page.
func TestTablePageBreaks(t *testing.T) {
	d := pdfdoc.New(pdfdoc.Options{Created: created})
	d.Heading(heading())
	d.Title("Danh sách")
	cols := []pdfdoc.Column{
		{Header: "STT", Width: 12, Align: pdfdoc.Center},
		{Header: "Nội dung", Align: pdfdoc.Left},
		{Header: "Kết quả", Group: "Đánh giá", Width: 22, Align: pdfdoc.Center},
		{Header: "Ghi chú", Group: "Đánh giá", Width: 40},
	}
	const n = 150
	var rows []pdfdoc.Row
	rows = append(rows, pdfdoc.Row{Cells: []string{"I. Nhóm thứ nhất"}, Span: true, Bold: true})
	for i := 1; i <= n; i++ {
		note := ""
		if i%7 == 0 { // a tall row: the note wraps to several lines
			note = fmt.Sprintf("đầu%03d %s cuối%03d", i, strings.Repeat("tài liệu kiểm chứng ", 6), i)
		}
		rows = append(rows, pdfdoc.Row{Cells: []string{fmt.Sprint(i), fmt.Sprintf("Mục R%03d", i), "Đạt", note}})
	}
	rows = append(rows, pdfdoc.Row{Cells: []string{"", "Tổng cộng", fmt.Sprint(n), ""}, Bold: true})
	d.Table(pdfdoc.Table{Columns: cols, Rows: rows})
	d.Paragraph("Hết danh sách.")
	pdf := output(t, d)
	pdftest.Debug(t, "table.pdf", pdf)
	pages := pdftest.Pages(t, pdf)
	if len(pages) < 3 {
		t.Fatalf("expected several pages, got %d", len(pages))
	}
	all := strings.Join(pages, "\n")
	idRE := regexp.MustCompile(`R(\d{3})`)
	last := 0
	for i, pg := range pages {
		if c := strings.Count(pg, "Nội dung"); c != 1 {
			t.Errorf("page %d: header drawn %d times", i+1, c)
		}
		if c := strings.Count(pg, "Đánh giá"); c != 1 {
			t.Errorf("page %d: group header drawn %d times", i+1, c)
		}
		// rows continue in order from page to page
		for _, m := range idRE.FindAllStringSubmatch(pg, -1) {
			k, _ := strconv.Atoi(m[1])
			if k != last+1 {
				t.Errorf("page %d: row %d after row %d", i+1, k, last)
			}
			last = k
		}
		// a tall row is whole on one page
		for k := 7; k <= n; k += 7 {
			head, tail := strings.Contains(pg, fmt.Sprintf("đầu%03d", k)), strings.Contains(pg, fmt.Sprintf("cuối%03d", k))
			if head != tail {
				t.Errorf("page %d: row %d split across pages", i+1, k)
			}
		}
	}
	if last != n {
		t.Errorf("last row %d, want %d", last, n)
	}
	for _, want := range []string{"I. Nhóm thứ nhất", "Tổng cộng", "Hết danh sách."} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q", want)
		}
	}
	// Geometry: no word below the bottom margin, and page numbers only from
	// page 2, centred in the top margin.
	for i, p := range pdftest.Layout(t, pdf) {
		for _, w := range p.Words {
			if w.YMax > p.Height-pdftest.MM(pdfdoc.MarginBottom)+0.5 {
				t.Errorf("page %d: %q below the bottom margin (%.1f pt)", i+1, w.Text, w.YMax)
			}
		}
		checkPageNumber(t, p, i+1)
	}
}

// checkPageNumber asserts the page number is alone in the top margin, centred
// between the margins, from page 2 only.
func checkPageNumber(t *testing.T, p pdftest.Page, n int) {
	t.Helper()
	top := p.Above(pdftest.MM(pdfdoc.MarginTop))
	if n == 1 {
		if len(top) != 0 {
			t.Errorf("page 1 has %v in the top margin", top)
		}
		return
	}
	if len(top) != 1 || top[0].Text != fmt.Sprint(n) {
		t.Errorf("page %d: top margin holds %v, want the page number", n, top)
		return
	}
	centre := pdftest.MM(pdfdoc.MarginLeft) + (p.Width-pdftest.MM(pdfdoc.MarginLeft+pdfdoc.MarginRight))/2
	if mid := (top[0].XMin + top[0].XMax) / 2; abs(mid-centre) > 2 {
		t.Errorf("page %d: number centred at %.1f pt, want %.1f", n, mid, centre)
	}
}

// A table that starts on a landscape page continues on landscape pages,
// with the page number centred in their top margin.
func TestLandscapeTable(t *testing.T) {
	d := pdfdoc.New(pdfdoc.Options{Created: created})
	d.Heading(heading())
	d.Title("Báo cáo", "Phụ lục kèm theo")
	d.Paragraph("Chi tiết tại phụ lục.")
	d.AddPage(pdfdoc.Landscape)
	if w := d.TextWidth(); w != 297-pdfdoc.MarginLeft-pdfdoc.MarginRight {
		t.Errorf("landscape text width %.1f", w)
	}
	cols := []pdfdoc.Column{{Header: "STT", Width: 15}, {Header: "Đơn vị"}}
	for i := 0; i < 10; i++ {
		cols = append(cols, pdfdoc.Column{Header: fmt.Sprint(i + 1), Width: 15, Align: pdfdoc.Right})
	}
	var rows []pdfdoc.Row
	for i := 1; i <= 60; i++ {
		cells := []string{fmt.Sprint(i), fmt.Sprintf("Xã số %d", i)}
		for j := 0; j < 10; j++ {
			cells = append(cells, "12,50")
		}
		rows = append(rows, pdfdoc.Row{Cells: cells})
	}
	d.Table(pdfdoc.Table{Columns: cols, Rows: rows, Size: 10})
	pdf := output(t, d)
	pdftest.Debug(t, "landscape.pdf", pdf)
	pages := pdftest.Layout(t, pdf)
	if len(pages) < 3 {
		t.Fatalf("%d pages", len(pages))
	}
	if pages[0].Width > pages[0].Height {
		t.Errorf("page 1 should be portrait")
	}
	for i, p := range pages[1:] {
		if p.Width < p.Height {
			t.Errorf("page %d should be landscape", i+2)
		}
		checkPageNumber(t, p, i+2)
	}
}

// A heading is never left alone at the bottom of a page.
func TestSectionKeepsWithNext(t *testing.T) {
	d := pdfdoc.New(pdfdoc.Options{Created: created})
	d.Paragraph("Mở đầu.")
	// Leave room for the heading and one line only.
	d.Space(d.Remaining() - pdfdoc.LineHeight(pdfdoc.BodySize)*2.2)
	d.Section("2. Phương hướng")
	d.Paragraph(strings.Repeat("Tiếp tục đẩy mạnh cải cách thủ tục hành chính. ", 5))
	pdf := output(t, d)
	pages := pdftest.Pages(t, pdf)
	if len(pages) != 2 || strings.Contains(pages[0], "Phương hướng") || !strings.Contains(pages[1], "2. Phương hướng") {
		t.Errorf("heading not carried to page 2 with its text:\n%q", pages)
	}
}

// Text typed with a VNI keyboard (NFD) is printed in NFC, and emoji never
// reach the PDF library (it panics on them).
func TestNFDAndEmoji(t *testing.T) {
	nfd := norm.NFD.String("Xã Đức Nghĩa")
	d := pdfdoc.New(pdfdoc.Options{Created: created, Title: "🎉 " + nfd})
	h := heading()
	h.Office = "Phòng Nội vụ 🏛️"
	d.Heading(h)
	d.Title("Báo cáo 📄", nfd+" 😀")
	d.Paragraph(nfd + " 👍🏽 đạt kết quả tốt.")
	d.Section("🔥 " + nfd)
	d.Table(pdfdoc.Table{
		Columns: []pdfdoc.Column{{Header: "Đơn vị 🏢", Width: 60}, {Header: "Ghi chú"}},
		Rows:    []pdfdoc.Row{{Cells: []string{nfd + " 🌸", "👨\u200d👩\u200d👧 " + nfd}}},
	})
	d.Closing([]string{"- " + nfd + " 📬;"}, pdfdoc.Signer{Title: "Trưởng phòng ✍️", Name: nfd + " 😀"})
	_ = d.MeasureText("🎉", pdfdoc.Bold, 0)
	pdf := output(t, d)
	text := strings.Join(pdftest.Pages(t, pdf), "\n")
	if !norm.NFC.IsNormalString(text) {
		t.Errorf("extracted text is not NFC")
	}
	if c := strings.Count(text, "Đức Nghĩa"); c < 6 {
		t.Errorf("NFC name found %d times in\n%s", c, text)
	}
}

func TestReproducible(t *testing.T) {
	render := func() []byte {
		d := pdfdoc.New(pdfdoc.Options{Created: created, Title: "Thử"})
		d.Heading(heading())
		d.Title("Báo cáo", "Thử tái lập")
		d.Paragraph("Nội dung có dấu: ạ ộ ợ ữ.")
		return output(t, d)
	}
	a, b := render(), render()
	if !bytes.Equal(a, b) {
		t.Errorf("two renders with a fixed date differ")
	}
	if !bytes.Contains(a, []byte("D:20230609")) {
		t.Errorf("creation date not fixed")
	}
}

func TestErrors(t *testing.T) {
	d := pdfdoc.New(pdfdoc.Options{})
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Header: "A"}}, Rows: []pdfdoc.Row{{Cells: []string{"1", "2"}}}})
	d.Paragraph("after the error nothing is drawn")
	if _, err := d.Output(); err == nil || !strings.Contains(err.Error(), "2 cells for 1 columns") {
		t.Errorf("Output error = %v", err)
	}

	d = pdfdoc.New(pdfdoc.Options{})
	d.Table(pdfdoc.Table{})
	if _, err := d.Output(); err == nil {
		t.Errorf("a table without columns should fail")
	}

	d = pdfdoc.New(pdfdoc.Options{})
	d.Paragraph("một")
	if _, err := d.Output(); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Output(); err == nil {
		t.Errorf("second Output should fail")
	}
}

// The file opens in poppler without complaints.
func TestValidPDF(t *testing.T) {
	pdftest.NeedPoppler(t)
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo not installed")
	}
	d := pdfdoc.New(pdfdoc.Options{Created: created, Title: "Báo cáo"})
	d.Heading(heading())
	pdf := output(t, d)
	path := filepath.Join(t.TempDir(), "a.pdf")
	if err := writeFile(path, pdf); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil || strings.Contains(string(out), "Error") {
		t.Errorf("pdfinfo: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "Title:           Báo cáo") {
		t.Errorf("title missing:\n%s", out)
	}
}

func find(p pdftest.Page, text string) *pdftest.Word {
	for i := range p.Words {
		if p.Words[i].Text == text {
			return &p.Words[i]
		}
	}
	return nil
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func writeFile(path string, b []byte) error { return os.WriteFile(path, b, 0o644) }

// Documents are independent: the app renders several at once.
func TestConcurrentDocuments(t *testing.T) {
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			d := pdfdoc.New(pdfdoc.Options{})
			d.Heading(heading())
			d.Paragraph(pdfdoc.Clean("Đồng thời 🎉"))
			_, err := d.Output()
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// A title that wraps breaks between word groups ("... VÀ / HOẠT ĐỘNG ..."
// or "... HÀNH CHÍNH / VÀ HOẠT ĐỘNG ..."), never inside one ("HOẠT / ĐỘNG").
func TestTitleBreaksBetweenWordGroups(t *testing.T) {
	d := pdfdoc.New(pdfdoc.Options{Created: created})
	d.Heading(heading())
	d.Title("Phiếu kiểm tra công tác cải cách hành chính và hoạt động của Bộ phận Một cửa", "Năm 2024")
	d.Paragraph("Nội dung.")
	lines := pdftest.PageLines(t, output(t, d))[0]
	var title []string
	for i, l := range lines {
		if strings.HasPrefix(l, "PHIẾU") {
			title = lines[i : i+2]
		}
	}
	if len(title) != 2 {
		t.Fatalf("title not found on two lines: %q", lines)
	}
	for _, l := range title {
		if strings.HasSuffix(l, "HOẠT") || strings.HasSuffix(l, "CẢI") || strings.HasSuffix(l, "HÀNH") || strings.HasSuffix(l, "CÔNG") {
			t.Errorf("title line %q ends inside a word group (title %q)", l, title)
		}
	}
}
