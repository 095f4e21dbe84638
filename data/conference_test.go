package data

import (
	"strings"
	"testing"

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
