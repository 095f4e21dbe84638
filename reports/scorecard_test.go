package reports

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// mixedFramework has two scored areas of criteria, a survey component
// entered as a total, a bonus and a penalty item: max 10 + 20 + 20 = 50.
func mixedFramework() *data.Framework {
	leaf := func(code, title string, max int64) data.Criterion {
		return data.Criterion{Code: code, Title: title, Max: data.P(max, 0)}
	}
	f := &data.Framework{Year: 2024, Title: "Bộ Chỉ số cải cách hành chính cấp xã", Areas: []data.Criterion{
		{Code: "1", Title: "Công tác chỉ đạo, điều hành", Children: []data.Criterion{
			leaf("1.1", "Kế hoạch cải cách hành chính năm", 5),
			leaf("1.2", "Kiểm tra công tác cải cách hành chính", 5),
		}},
		{Code: "2", Title: "Cải cách thủ tục hành chính", Children: []data.Criterion{
			leaf("2.1", "Công khai thủ tục hành chính", 10),
			leaf("2.2", "Giải quyết hồ sơ đúng hạn", 10),
		}},
		{Code: "3", Title: "Khảo sát sự hài lòng của người dân", Kind: data.KindSurvey, Max: data.P(20, 0)},
		{Code: "4", Title: "Điểm thưởng", Kind: data.KindBonus, Children: []data.Criterion{
			leaf("4.1", "Sáng kiến được công nhận", 2),
		}},
		{Code: "5", Title: "Điểm trừ", Kind: data.KindPenalty, Children: []data.Criterion{
			leaf("5.1", "Để xảy ra khiếu nại đông người", 3),
		}},
	}}
	if err := f.Validate(); err != nil {
		panic(err)
	}
	return f
}

// mixedSheet: 1.2 not entered yet; the survey entered as appraised only.
func mixedSheet(f *data.Framework) *data.Sheet {
	s := data.NewSheet(f.Year, "TD")
	set := func(code string, self *data.Points, appr data.Points, note string) {
		s.Scores[code] = data.Score{Self: self, Appraised: pts(appr), Note: note}
	}
	set("1.1", pts(data.P(5, 0)), data.P(4, 50), "Kế hoạch ban hành chậm 😀") // emoji pasted from a chat
	set("2.1", pts(data.P(9, 0)), data.P(8, 0), "")
	set("2.2", pts(data.P(10, 0)), data.P(10, 0), "")
	set("3", nil, data.P(15, 50), "Theo kết quả khảo sát của tỉnh")
	set("4.1", nil, data.P(1, 0), "")
	set("5.1", nil, data.P(2, 0), "")
	return s
}

func scorecardInput(f *data.Framework, s *data.Sheet, unit data.Unit) ScorecardInput {
	return ScorecardInput{
		Office: nguyenBinh(), Number: "7", Date: fixedTime, Created: fixedTime,
		Framework: f, Sheet: s, Result: data.Evaluate(f, unit, s),
		GroupName: "Các xã, thị trấn", GroupSize: 19,
	}
}

func renderScorecard(t testing.TB, in ScorecardInput) []byte {
	t.Helper()
	pdf, err := Scorecard(in)
	if err != nil {
		t.Fatal(err)
	}
	return pdf
}

// Blank cells for scores not entered; survey, bonus and penalty areas as
// data.Evaluate counts them; a provisional result said so.
func TestScorecardMixedFramework(t *testing.T) {
	f := mixedFramework()
	in := scorecardInput(f, mixedSheet(f), data.Unit{Code: "TD", Name: "Xã Thể Dục"})
	if in.Result.Total != data.P(37, 0) {
		t.Fatalf("fixture: total %s, want 4,5 + 18 + 15,5 + 1 − 2 = 37", in.Result.Total)
	}
	pdf := renderScorecard(t, in)
	pdftest.Debug(t, "scorecard-mixed.pdf", pdf)
	text := strings.Join(pdftest.Pages(t, pdf), "\n")
	flat := strings.Join(strings.Fields(text), " ")
	for _, re := range []string{
		// 1.2 not entered: max only, no 0.
		`(?m)^\s*1\.2\s+Kiểm tra công tác cải cách hành chính\s+5,00\s*$`,
		`(?m)^\s*1\.1\s+Kế hoạch cải cách hành chính năm\s+5,00\s+5,00\s+4,50\s+0,50\s*$`,
		// area 1 sums what is entered, rated on it
		`(?m)^\s*1\s+Công tác chỉ đạo, điều hành\s+10,00\s+5,00\s+4,50\s+5,50\s+Yếu \(45,00 %\)`,
		`(?m)^\s*2\s+Cải cách thủ tục hành chính\s+20,00\s+19,00\s+18,00\s+2,00\s+Tốt \(90,00 %\)`,
		// survey: no self score, rated
		`(?m)^\s*3\s.*20,00\s+15,50\s+4,50(\s|$)`,
		// bonus adds, loses nothing, not rated
		`(?m)^\s*4\s+Điểm thưởng\s+2,00\s+1,00(\s|$)`,
		`(?m)^\s*4\.1\s+Sáng kiến được công nhận\s+2,00\s+1,00\s*$`,
		// penalty subtracts: printed with a minus, its points are the ones lost
		`(?m)^\s*5\s+Điểm trừ\s+3,00\s+−2,00\s+2,00\s+Trừ vào tổng điểm`,
		`(?m)^\s*5\.1\s+Để xảy ra khiếu nại đông người\s+3,00\s+−2,00\s+2,00\s*$`,
		// total: framework max 50 (bonus and penalty caps not added), self
		// total 24, unit total 37, lost 13, index 74 %
		`(?m)^\s*Tổng cộng\s+50,00\s+24,00\s+37,00\s+13,00\s+Khá \(74,00 %\)`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("no line matching %s", re)
		}
	}
	for _, want := range []string{
		"PHIẾU TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM",
		"Chỉ số cải cách hành chính năm 2024 của xã Thể Dục",
		"Kèm theo Báo cáo số 7/BC-PNV", "Nguyên Bình, ngày 09 tháng 6 năm 2023",
		"theo Bộ Chỉ số cải cách hành chính cấp xã (thang điểm 50)",
		"Tổng điểm đạt được: 37,00/50 điểm.",
		"Chỉ số cải cách hành chính: 74,00 %; xếp loại: Khá.",
		"Xếp hạng: chưa xếp hạng.",
		"Còn 1 tiêu chí chưa có điểm thẩm định",
		"tạm tính",
		"Điểm thưởng và điểm trừ không tính vào điểm tối đa 50",
		"Tốt từ 90 %, Khá từ 65 %, Trung bình từ 50 %, Yếu dưới 50 %",
		"- UBND xã Thể Dục;", "- Lưu: VT, NV.", "TRƯỞNG PHÒNG", "Nông Văn Thành",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if strings.Contains(text, "(0,00 %)") {
		t.Error("a 0 % rating printed for something not scored")
	}
	// Notes in the note column, in order; the survey's under its rating.
	notes := strings.Join(pdftest.TableColumn(pdftest.Layout(t, pdf), pdftest.MM(163), pdftest.MM(195), "Ghi"), " ")
	for _, want := range []string{
		"Yếu (45,00 %) Kế hoạch ban hành chậm Tốt (90,00 %) Khá (77,50 %) Theo kết quả khảo sát của tỉnh Cộng vào tổng điểm Trừ vào tổng điểm Khá (74,00 %)",
		"(điều tra xã hội học)",
	} {
		if !strings.Contains(strings.ReplaceAll(notes, "\u00a0", " ")+" "+flat, want) {
			t.Errorf("lacks %q; note column: %s", want, notes)
		}
	}
}

// A sheet with nothing appraised prints blank subtotals and total, "chưa
// chấm" beside the total, and says the index is not known; a published
// total prints with its mark.
func TestScorecardEmptyAndPublished(t *testing.T) {
	f := mixedFramework()
	empty := data.NewSheet(f.Year, "TD")
	text := strings.Join(pdftest.Pages(t, renderScorecard(t, scorecardInput(f, empty, data.Unit{Code: "TD", Name: "Xã Thể Dục"}))), "\n")
	for _, re := range []string{
		`(?m)^\s*1\s+Công tác chỉ đạo, điều hành\s+10,00\s*$`,
		`(?m)^\s*3\s.*20,00\s*$`,
		`(?m)^\s*Tổng cộng\s+50,00\s+chưa chấm\s*$`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("empty sheet: no line matching %s", re)
		}
	}
	flat := strings.Join(strings.Fields(text), " ")
	if !strings.Contains(flat, "chưa có điểm thẩm định nào: chưa xác định được Chỉ số") {
		t.Error("empty sheet: no word that the index is not known")
	}
	for _, not := range []string{"Yếu (", "0,00/50", "xếp loại:", "Tổng điểm đạt được"} {
		if strings.Contains(flat, not) {
			t.Errorf("empty sheet prints %q", not)
		}
	}

	s := mixedSheet(f)
	pub := data.P(40, 0)
	s.Published = &pub
	text = strings.Join(pdftest.Pages(t, renderScorecard(t, scorecardInput(f, s, data.Unit{Code: "TD", Name: "Xã Thể Dục"}))), "\n")
	if !regexp.MustCompile(`(?m)^\s*Tổng cộng\s+50,00\s+24,00\s+40,00\*\s+10,00\s+Khá \(80,00 %\)`).MatchString(text) {
		t.Errorf("published total row not found in\n%s", text)
	}
	if !strings.Contains(strings.Join(strings.Fields(text), " "), "(*) Tổng điểm theo số liệu được công bố") {
		t.Error("no legend for the published total")
	}
}

func TestScorecardRankLines(t *testing.T) {
	f := exampleA()
	cases := []struct {
		rank, prev int
		want       string
		not        string
	}{
		{5, 3, "Xếp hạng: 5/10 (trong nhóm các xã, thị trấn). - So với năm 2021: giảm 2 bậc (từ bậc 3 xuống bậc 5).", ""},
		{4, 4, "So với năm 2021: giữ nguyên (bậc 4).", ""},
		{3, 7, "So với năm 2021: tăng 4 bậc (từ bậc 7 lên bậc 3).", ""},
		{8, 0, "Xếp hạng: 8/10", "So với năm"},
	}
	for _, c := range cases {
		in := scorecardInput(f, sheet(f, "TC", exampleAPoints...), data.Unit{Code: "TC", Name: "Xã Thành Công"})
		in.Result.Rank, in.Result.PrevRank, in.GroupSize = c.rank, c.prev, 10
		flat := strings.Join(strings.Fields(strings.Join(pdftest.Pages(t, renderScorecard(t, in)), "\n")), " ")
		if !strings.Contains(flat, c.want) {
			t.Errorf("rank %d, last year %d: lacks %q", c.rank, c.prev, c.want)
		}
		if c.not != "" && strings.Contains(flat, c.not) {
			t.Errorf("rank %d, last year %d: has %q", c.rank, c.prev, c.not)
		}
	}
}

func TestUnitInSentence(t *testing.T) {
	for in, want := range map[string]string{
		"Huyện Nguyên Bình":   "huyện Nguyên Bình",
		"Thành phố Cao Bằng":  "thành phố Cao Bằng",
		"Thị trấn Tĩnh Túc":   "thị trấn Tĩnh Túc",
		"Phường Gia Thụy":     "phường Gia Thụy",
		"Đặc khu Phú Quốc":    "đặc khu Phú Quốc",
		"Sở Tư pháp":          "Sở Tư pháp",
		"Văn phòng HĐND-UBND": "Văn phòng HĐND-UBND",
	} {
		if got := unitInSentence(in); got != want {
			t.Errorf("unitInSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// bigFramework is a framework of 8 areas and 60 criteria, as large as the
// provincial frameworks for communes.
func bigFramework() (*data.Framework, *data.Sheet) {
	f := &data.Framework{Year: 2025, Title: "Bộ Chỉ số cải cách hành chính cấp xã năm 2025"}
	s := data.NewSheet(2025, "X01")
	for a := 1; a <= 8; a++ {
		area := data.Criterion{Code: fmt.Sprint(a), Title: fmt.Sprintf("Lĩnh vực số %d về cải cách hành chính", a)}
		for c := 1; c <= 8; c++ {
			code := fmt.Sprintf("%d.%d", a, c)
			area.Children = append(area.Children, data.Criterion{Code: code, Title: "Tiêu chí thành phần đánh giá việc thực hiện nhiệm vụ số " + code, Max: data.P(1, 50)})
			p := data.Points(100 + (a*c)%50)
			s.Scores[code] = data.Score{Self: pts(p), Appraised: pts(p - data.Points(c%3)*10), Note: strings.Repeat("Thiếu tài liệu kiểm chứng. ", c%3)}
		}
		f.Areas = append(f.Areas, area)
	}
	if err := f.Validate(); err != nil {
		panic(err)
	}
	return f, s
}

// A long framework runs over several pages: the table header on every
// page, page numbers from page 2, the signature on the last page with the
// result.
func TestScorecardLong(t *testing.T) {
	f, s := bigFramework()
	in := scorecardInput(f, s, data.Unit{Code: "X01", Name: "Xã Đơn vị số 1"})
	pdf := renderScorecard(t, in)
	pdftest.Debug(t, "scorecard-long.pdf", pdf)
	pages := pdftest.Pages(t, pdf)
	if len(pages) < 3 {
		t.Fatalf("%d pages for 64 criteria", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, "Lĩnh vực, tiêu chí") && !(i == len(pages)-1 && !strings.Contains(p, "Tổng cộng") && !regexp.MustCompile(`(?m)^\s*\d+\.\d+\s`).MatchString(p)) {
			t.Errorf("page %d has table rows but no table header", i+1)
		}
		if i > 0 && !regexp.MustCompile(fmt.Sprintf(`(?m)^\s*%d\s*$`, i+1)).MatchString(p) {
			t.Errorf("page %d has no page number", i+1)
		}
	}
	last := pages[len(pages)-1]
	for _, want := range []string{"Kết quả", "Tổng điểm đạt được", "TRƯỞNG PHÒNG", "Nông Văn Thành"} {
		if !strings.Contains(last, want) {
			t.Errorf("last page lacks %q", want)
		}
	}
	text := strings.Join(pages, "\n")
	for _, code := range []string{"1.1", "4.8", "8.8"} {
		if !regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(code) + `\s`).MatchString(text) {
			t.Errorf("criterion %s missing", code)
		}
	}
}

func TestScorecardRefusesBadInput(t *testing.T) {
	if _, err := Scorecard(ScorecardInput{}); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("no framework: %v", err)
	}
	f := exampleA()
	in := scorecardInput(f, sheet(f, "TC", exampleAPoints...), data.Unit{Code: "TC", Name: "Xã Thành Công"})
	in.Result.Areas = in.Result.Areas[:3]
	if _, err := Scorecard(in); data.ErrorCode(err) != data.EINVALID || !strings.Contains(data.ErrorMessage(err), "Xã Thành Công") {
		t.Errorf("result of another framework: %v", err)
	}
}

// The target: a 64-criteria scorecard well under a second (it renders
// while the officer waits after pressing the button).
func BenchmarkScorecard(b *testing.B) {
	f, s := bigFramework()
	in := scorecardInput(f, s, data.Unit{Code: "X01", Name: "Xã Đơn vị số 1"})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Scorecard(in); err != nil {
			b.Fatal(err)
		}
	}
}
