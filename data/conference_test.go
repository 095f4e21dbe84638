package data

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestUnitNamesInRunningText(t *testing.T) {
	for _, c := range []struct{ name, inText, place, issuer string }{
		{"Huyện Nguyên Bình", "huyện Nguyên Bình", "Nguyên Bình", "UBND huyện Nguyên Bình"},
		{"Thành phố Cao Bằng", "thành phố Cao Bằng", "Cao Bằng", "UBND thành phố Cao Bằng"},
		{"Phường Đức Nghĩa", "phường Đức Nghĩa", "Đức Nghĩa", "UBND phường Đức Nghĩa"},
		{"Sở Tư pháp", "Sở Tư pháp", "Sở Tư pháp", "Sở Tư pháp"},
	} {
		u := Unit{Name: c.name}
		if got := InText(c.name); got != c.inText {
			t.Errorf("InText(%q) = %q", c.name, got)
		}
		if got := PlaceName(c.name); got != c.place {
			t.Errorf("PlaceName(%q) = %q", c.name, got)
		}
		if got := UnitIssuer(u); got != c.issuer {
			t.Errorf("UnitIssuer(%q) = %q", c.name, got)
		}
	}
	if got := JoinAnd([]string{"3.2", "5.1", "7.3"}); got != "3.2, 5.1 và 7.3" {
		t.Errorf("JoinAnd = %q", got)
	}
}

func TestConferenceDraftValidate(t *testing.T) {
	d := ConferenceDraft{Year: 2022, Group: "HUYEN", Sections: []DraftSection{
		{Key: "a", Heading: "1. Kết quả", Text: norm.NFD.String("Đạt 81,40\u00a0%;\r\n  xếp  loại Khá")},
	}}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := d.Sections[0].Text; got != "Đạt 81,40\u00a0%;\nxếp loại Khá" || !norm.NFC.IsNormalString(got) {
		t.Errorf("cleaned text = %q", got)
	}
	for _, bad := range []ConferenceDraft{
		{Year: 2022, Sections: d.Sections},
		{Year: 2022, Group: "HUYEN", Unit: "NBI", Sections: d.Sections},
		{Year: 1999, Group: "HUYEN", Sections: d.Sections},
		{Year: 2022, Group: "HUYEN"},
		{Year: 2022, Group: "HUYEN", Sections: []DraftSection{{Key: "a"}, {Key: "a"}}},
		{Year: 2022, Group: "HUYEN", Sections: []DraftSection{{Text: "x"}}},
	} {
		if err := bad.Validate(); ErrorCode(err) != EINVALID {
			t.Errorf("%+v: %v", bad, err)
		}
	}
}

func TestDraftRefusals(t *testing.T) {
	f := exampleAFramework(2022)
	if _, err := Draft(ConferenceFacts{Year: 2022}); ErrorCode(err) != EINVALID {
		t.Errorf("no framework: %v", err)
	}
	if _, err := Draft(ConferenceFacts{Year: 2022, Framework: f}); ErrorCode(err) != EINVALID {
		t.Errorf("no results: %v", err)
	}
	s := sheetOf(f, "NB", exampleAPoints...)
	rs := RankGroup(f, []Unit{{Code: "NB", Name: "Huyện Nguyên Bình"}}, map[string]*Sheet{"NB": s})
	if _, err := Draft(ConferenceFacts{Year: 2022, Framework: f, Results: rs, Unit: "XX"}); ErrorCode(err) != ENOTFOUND {
		t.Errorf("unknown unit: %v", err)
	}
	// A lone unit with no names of groups, no sheets' notes, no one-stop
	// figures and no tasks still gets a whole report.
	d, err := Draft(ConferenceFacts{Year: 2022, Framework: f, Results: rs, Sheets: map[string]*Sheet{"NB": s}, Unit: "NB"})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(d.Text(), "\u00a0", " ")
	for _, want := range []string{"đạt 81,40 %, xếp loại Khá, xếp hạng thứ 1/1 đơn vị", "Cải cách tài chính công xếp loại Khá, đạt 4,9/7 điểm", "./."} {
		if !strings.Contains(text, want) {
			t.Errorf("draft lacks %q:\n%s", want, text)
		}
	}
}

// The office's report words the year's inspections and the remedies left
// overdue, from facts a test sets by hand.
func TestDraftInspectionsAndRemedies(t *testing.T) {
	f := exampleAFramework(2024)
	units := []Unit{{Code: "A", Name: "Xã An Bình"}, {Code: "B", Name: "Xã Bình Minh"}}
	sheets := map[string]*Sheet{"A": sheetOf(f, "A", exampleAPoints...), "B": sheetOf(f, "B", P(16, 0), P(13, 0), P(25, 0), P(8, 0), P(17, 0), P(7, 0), P(14, 0))}
	rs := RankGroup(f, units, sheets)
	today := time.Date(2024, 12, 20, 0, 0, 0, 0, time.Local)
	c := ConferenceFacts{
		Year: 2024, Office: Office{Name: "PHÒNG NỘI VỤ", Place: "Hàm Thuận"}, GroupID: "XA", GroupName: "Các xã, thị trấn",
		Framework: f, Results: rs, Sheets: sheets, Today: today,
		Remedies: []Task{
			{Title: "Khắc phục tiêu chí 4.1", Year: 2024, PlanKind: PlanConference, Due: time.Date(2024, 6, 30, 0, 0, 0, 0, time.Local), Progress: 60, CoUnits: []string{"A"}},
			{Title: "Công khai thủ tục hành chính", Year: 2024, PlanKind: PlanConference, Due: time.Date(2024, 6, 30, 0, 0, 0, 0, time.Local), Done: true, DoneDate: today},
		},
		Inspection:  &PlanProgress{Year: 2024, Planned: 2, Done: 1, Open: []UnitOpen{{Unit: "A", Open: 2, Overdue: 1}}},
		UnitNames:   map[string]string{"A": "Xã An Bình", "B": "Xã Bình Minh"},
		NextTargets: map[RateKind]Percent{RateLate: 200, RateOnline: 5050},
	}
	d, err := Draft(c)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(d.Text(), "\u00a0", " ")
	for _, want := range []string{
		"Năm 2024, 2 xã, thị trấn được thẩm định",
		"Cao nhất là xã Bình Minh (100,00 %), thấp nhất là xã An Bình (81,40 %)",
		"Hội nghị tổng kết năm 2023 đề ra 2 nhiệm vụ khắc phục; đến ngày 20/12/2024: hoàn thành 1, quá hạn 1.",
		"- Khắc phục tiêu chí 4.1 (hạn 30/06/2024, đạt 60 %).",
		"Năm 2024, đã kiểm tra 1/2 đơn vị theo kế hoạch kiểm tra. Còn 2 kiến nghị sau kiểm tra chưa thực hiện xong (1 kiến nghị đã quá hạn), tại: xã An Bình (2).",
		"Phấn đấu đến cuối năm 2025: tỷ lệ hồ sơ giải quyết quá hạn không quá 2 %; tỷ lệ hồ sơ tiếp nhận trực tuyến đạt ít nhất 50,5 %.",
		"của Phòng Nội vụ./.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("draft lacks %q:\n%s", want, text)
		}
	}
	// The unit's report counts only the remedies it takes part in.
	c.Unit = "A"
	d, err = Draft(c)
	if err != nil {
		t.Fatal(err)
	}
	if text := d.Text(); !strings.Contains(text, "đề ra 1 nhiệm vụ khắc phục có sự tham gia của đơn vị") || d.Section(SecInspection) != nil {
		t.Errorf("unit's remedies:\n%s", text)
	}
}

func TestStaleSections(t *testing.T) {
	stored := ConferenceDraft{Sections: []DraftSection{
		{Key: "a", Heading: "1. A", Text: "sửa", Drafted: "cũ"},
		{Key: "b", Text: "giữ", Drafted: "giữ"},
		{Key: "c", Heading: "3. C", Text: "x", Drafted: "x"},
	}}
	fresh := ConferenceDraft{Sections: []DraftSection{{Key: "a", Text: "mới"}, {Key: "b", Text: "giữ"}}}
	if got := strings.Join(stored.Stale(&fresh), "|"); got != "1. A|3. C" {
		t.Errorf("Stale = %q", got)
	}
}
