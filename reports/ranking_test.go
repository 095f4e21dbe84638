package reports

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdfdoc"
	"github.com/pardesk/pardesk/reports/pdftest"
)

func render(t testing.TB, in RankingInput) []byte {
	t.Helper()
	pdf, err := Ranking(in)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

func TestExampleAFixture(t *testing.T) {
	f := exampleA()
	if f.Max() != data.P(100, 0) {
		t.Fatalf("max %s", f.Max())
	}
	r := data.Evaluate(f, data.Unit{Code: "NB"}, sheet(f, "NB", exampleAPoints...))
	if r.Total.String() != "81,40" || r.Index.String() != "81,40" || r.Rating != "Khá" {
		t.Fatalf("example A: %s %s %s", r.Total, r.Index, r.Rating)
	}
	var ratings []string
	for _, a := range r.Areas {
		ratings = append(ratings, a.Rating)
	}
	if got := strings.Join(ratings, ", "); got != "Tốt, Tốt, Khá, Trung bình, Khá, Khá, Khá" {
		t.Fatalf("area ratings %s", got)
	}
}

func TestRanking(t *testing.T) {
	f := exampleA()
	pdf := render(t, rankingInput(f, tenUnits(f)))
	pdftest.Debug(t, "ranking10.pdf", pdf)
	pages := pdftest.Pages(t, pdf)
	text := strings.Join(pages, "\n")
	flat := strings.Join(strings.Fields(text), " ") // prose wraps anywhere
	for _, want := range []string{
		"UBND HUYỆN NGUYÊN BÌNH", "PHÒNG NỘI VỤ", "Số: 12/BC-PNV",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Nguyên Bình, ngày 09 tháng 6 năm 2023",
		"BÁO CÁO", "Kết quả xếp hạng Chỉ số cải cách hành chính năm 2022", "của các xã, thị trấn",
		// intro with counts
		"có 10 đơn vị", "5 đơn vị loại Tốt", "4 đơn vị loại Khá", "1 đơn vị loại Trung bình", "không có đơn vị loại Yếu",
		"86,29", // average index
		// table header and legend
		"Hạng", "Đơn vị", "Điểm theo lĩnh vực", "Tổng", "Chỉ số", "Xếp loại", "Thay đổi",
		"1. Công tác chỉ đạo, điều hành (tối đa 16", "7. Xây dựng chính quyền điện tử, chính quyền số (tối đa 14",
		// rank changes
		"tăng 1 bậc", "giảm 1 bậc", "giảm 2 bậc", "giữ nguyên", "—",
		// closing
		"Nơi nhận:", "- UBND huyện (b/c);", "- Lưu: VT, NV.", "TRƯỞNG PHÒNG", "Nông Văn Thành",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("missing %q", want)
		}
	}
	// Example A's unit: rank 8, its area points, total and index 81,40,
	// rating Khá, rank kept from last year.
	row := regexp.MustCompile(`(?m)^\s*8\s+Xã Thành Công\s+15,00\s+12,00\s+20,00\s+5,00\s+15,00\s+4,90\s+9,50\s+81,40\s+81,40\s+Khá\s+giữ nguyên\s*$`)
	if !row.MatchString(text) {
		t.Errorf("example A's row not found in\n%s", text)
	}
	for _, r := range []string{`(?m)^\s*1\s+Thị trấn Nguyên Bình .*99,00\s+Tốt\s+tăng 1 bậc`, `(?m)^\s*10\s+Xã Tam Kim .*60,00\s+Trung bình\s+giữ nguyên`, `(?m)^\s*4\s+Xã Ca Thành .*Tốt\s+—`} {
		if !regexp.MustCompile(r).MatchString(text) {
			t.Errorf("no row matching %s", r)
		}
	}
	if strings.Contains(text, "81.40") || strings.Contains(text, "81.4 ") {
		t.Errorf("numbers must print with a decimal comma")
	}
}

// A 60-unit ranking runs over several pages: the header row is on every
// page, the page number only from page 2, centred in the top margin.
func TestRankingManyPages(t *testing.T) {
	f := exampleA()
	pdf := render(t, rankingInput(f, manyUnits(f, 60)))
	pdftest.Debug(t, "ranking60.pdf", pdf)
	pages := pdftest.Pages(t, pdf)
	if len(pages) < 3 {
		t.Fatalf("60 units on %d pages", len(pages))
	}
	for i, pg := range pages {
		if strings.Contains(pg, "Xã Đơn vị số") && (!strings.Contains(pg, "Đơn vị ") || !strings.Contains(pg, "Xếp loại") || !strings.Contains(pg, "Điểm theo lĩnh vực")) {
			t.Errorf("page %d has rows without the header row", i+1)
		}
	}
	if !strings.Contains(pages[1], "Điểm theo lĩnh vực") || !strings.Contains(pages[1], "Hạng") {
		t.Errorf("header not repeated on page 2:\n%s", pages[1])
	}
	// every unit printed once
	for i := 1; i <= 60; i++ {
		re := regexp.MustCompile(`(?m)^\s*\d+\s+Xã Đơn vị số ` + itoa(i) + `\s`)
		if n := len(re.FindAllString(strings.Join(pages, "\n"), -1)); n != 1 {
			t.Errorf("unit %d printed %d times", i, n)
		}
	}
	layout := pdftest.Layout(t, pdf)
	for i, p := range layout {
		top := p.Above(pdftest.MM(pdfdoc.MarginTop))
		if i == 0 {
			if len(top) != 0 {
				t.Errorf("page 1 has %v in the top margin", top)
			}
			continue
		}
		if len(top) != 1 || top[0].Text != itoa(i+1) {
			t.Errorf("page %d: top margin holds %v", i+1, top)
			continue
		}
		centre := pdftest.MM(pdfdoc.MarginLeft) + (p.Width-pdftest.MM(pdfdoc.MarginLeft+pdfdoc.MarginRight))/2
		if mid := (top[0].XMin + top[0].XMax) / 2; mid < centre-2 || mid > centre+2 {
			t.Errorf("page %d number at %.1f, want centred at %.1f", i+1, mid, centre)
		}
	}
	// the first line of page 2 is its number
	if first := strings.TrimSpace(strings.SplitN(strings.TrimLeft(pages[1], "\n "), "\n", 2)[0]); first != "2" {
		t.Errorf("page 2 starts with %q", first)
	}
	if strings.HasPrefix(strings.TrimSpace(pages[0]), "1") {
		t.Errorf("page 1 starts with a number")
	}
}

func itoa(i int) string { return data.FormatCount(int64(i)) }

// Names typed with a VNI keyboard (NFD) print as NFC; an emoji pasted into
// a unit's name neither panics nor prints.
func TestRankingNFDAndEmoji(t *testing.T) {
	f := exampleA()
	results := tenUnits(f)
	results[0].Unit.Name = norm.NFD.String("Phường Đức Nghĩa") + " 🌸"
	results[1].Unit.Name = "Xã 👨\u200d👩\u200d👧 Hòa Bình ❤️"
	in := rankingInput(f, results)
	in.Office.Signer = norm.NFD.String("Nguyễn Thị Hằng")
	in.GroupName = norm.NFD.String("các phường, xã")
	pdf := render(t, in)
	text := strings.Join(pdftest.Pages(t, pdf), "\n")
	if !norm.NFC.IsNormalString(text) {
		t.Errorf("extracted text is not NFC")
	}
	for _, want := range []string{"Phường Đức Nghĩa", "Nguyễn Thị Hằng", "của các phường, xã", "Hòa Bình"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.ContainsAny(text, "🌸❤👨\u200d") {
		t.Errorf("emoji reached the PDF")
	}
}

func TestRankingBlankNumberAndDate(t *testing.T) {
	f := exampleA()
	in := rankingInput(f, tenUnits(f))
	in.Number = ""
	in.Date = time.Time{}
	in.Office.Recipients = nil
	text := strings.Join(pdftest.Pages(t, render(t, in)), "\n")
	if !regexp.MustCompile(`Số:\s{3,}/BC-PNV`).MatchString(text) {
		t.Errorf("blank number should leave room: %q", firstLines(text, 4))
	}
	if !regexp.MustCompile(`Nguyên Bình, ngày\s{3,}tháng\s{3,}năm`).MatchString(text) {
		t.Errorf("blank date should leave room: %q", firstLines(text, 4))
	}
	for _, want := range []string{"- Như trên;", "- Lưu: VT."} {
		if !strings.Contains(text, want) {
			t.Errorf("default recipient %q missing", want)
		}
	}
}

// A published total (example C) is marked and explained.
func TestRankingPublishedTotal(t *testing.T) {
	f := exampleA()
	results := tenUnits(f)
	results[9].Published = true
	text := strings.Join(strings.Fields(strings.Join(pdftest.Pages(t, render(t, rankingInput(f, results))), "\n")), " ")
	if !strings.Contains(text, "60,00*") || !strings.Contains(text, "(*) Tổng điểm theo số liệu được công bố") {
		t.Errorf("published total not marked")
	}
}

func TestRankingEmptyAndErrors(t *testing.T) {
	if _, err := Ranking(RankingInput{}); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("no framework: %v", err)
	}
	f := exampleA()
	text := strings.Join(pdftest.Pages(t, render(t, rankingInput(f, nil))), "\n")
	if !strings.Contains(text, "chưa có đơn vị nào") {
		t.Errorf("empty ranking text:\n%s", text)
	}
}

func TestRankingReproducible(t *testing.T) {
	f := exampleA()
	a := render(t, rankingInput(f, tenUnits(f)))
	b := render(t, rankingInput(f, tenUnits(f)))
	if !bytes.Equal(a, b) {
		t.Errorf("same input, different files")
	}
}

func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

func BenchmarkRanking200(b *testing.B) {
	f := exampleA()
	in := rankingInput(f, manyUnits(f, 200))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Ranking(in); err != nil {
			b.Fatal(err)
		}
	}
}
