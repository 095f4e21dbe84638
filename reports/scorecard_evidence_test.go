package reports

import (
	"regexp"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// The scorecard lists the files attached, under their criteria's codes,
// in the framework's order; a scorecard without files has no such list.
func TestScorecardListsEvidenceFiles(t *testing.T) {
	f := mixedFramework()
	s := mixedSheet(f)
	file := func(name string, size int64, hash string) data.EvidenceFile {
		return data.EvidenceFile{Name: name, Size: size, SHA256: strings.Repeat(hash, 64/len(hash)), Added: fixedTime, AddedBy: "Nông Thị Hà"}
	}
	sc := s.Scores["2.2"]
	sc.Files = []data.EvidenceFile{file("Báo cáo kết quả giải quyết hồ sơ quý IV.xlsx", 48_000, "9f")}
	s.Scores["2.2"] = sc
	sc = s.Scores["1.1"]
	sc.Files = []data.EvidenceFile{
		file("KH 45-UBND kế hoạch CCHC năm 2024.pdf", 1_258_291, "1a2b"),
		file("Ảnh niêm yết thủ tục.jpg", 850*1024, "c0de"),
	}
	s.Scores["1.1"] = sc
	pdf := renderScorecard(t, scorecardInput(f, s, data.Unit{Code: "TD", Name: "Xã Thể Dục"}))
	pdftest.Debug(t, "scorecard-evidence.pdf", pdf)
	text := strings.Join(pdftest.Pages(t, pdf), "\n")
	var found []string
	for _, re := range []string{
		`(?m)^\s*1\.1\s+KH 45-UBND kế hoạch CCHC năm 2024\.pdf\s+1,2 MB\s+09/06/2023\s+1a2b1a2b1a2b\s*$`,
		`(?m)^\s*1\.1\s+Ảnh niêm yết thủ tục\.jpg\s+850 KB\s+09/06/2023\s+c0dec0dec0de\s*$`,
		`(?m)^\s*2\.2\s+Báo cáo kết quả giải quyết hồ sơ quý IV\.xlsx\s+47 KB\s+09/06/2023\s+9f9f9f9f9f9f\s*$`,
	} {
		loc := regexp.MustCompile(re).FindStringIndex(text)
		if loc == nil {
			t.Errorf("no line matching %s in:\n%s", re, text)
			continue
		}
		found = append(found, text[loc[0]:loc[1]])
	}
	head := strings.Index(text, "Tài liệu kiểm chứng")
	if head < 0 || len(found) == 3 && !(head < strings.Index(text, found[0]) && strings.Index(text, found[0]) < strings.Index(text, found[2]) && strings.Index(text, found[2]) < strings.LastIndex(text, "Kết quả")) {
		t.Errorf("the list is not under its heading, between the scores and the result")
	}

	plain := strings.Join(pdftest.Pages(t, renderScorecard(t, scorecardInput(f, mixedSheet(f), data.Unit{Code: "TD", Name: "Xã Thể Dục"}))), "\n")
	if strings.Contains(plain, "Tài liệu kiểm chứng") {
		t.Error("a scorecard without files prints an evidence list")
	}
}
