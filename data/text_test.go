package data

import (
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestCleanNormalisesTypedText(t *testing.T) {
	nfd := norm.NFD.String("Phường Đức Nghĩa")
	cases := map[string]string{
		nfd:                    "Phường Đức Nghĩa",
		"  Huyện\tHòa   An \n": "Huyện Hòa An",
		"Xã Tân Lạc 🎉":         "Xã Tân Lạc",
		"Sở\u0007 Nội vụ":      "Sở Nội vụ",
		"":                     "",
	}
	for in, want := range cases {
		if got := Clean(in); got != want || !norm.NFC.IsNormalString(got) {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatchesWithoutToneMarks(t *testing.T) {
	cases := []struct {
		text, query string
		want        bool
	}{
		{"Phường Đức Nghĩa", "duc nghia", true},
		{"Phường Đức Nghĩa", "ĐỨC", true},
		{"Phường Đức Nghĩa", "đức nghĩa", true},
		{"Phường Đức Nghĩa", "đúc", false}, // a typed tone mark must match
		{"Huyện Hòa An", "hoa an", true},
		{"Huyện Hòa An", "", true},
		{"Huyện Hòa An", "bảo", false},
	}
	for _, c := range cases {
		if got := Matches(c.text, c.query); got != c.want {
			t.Errorf("Matches(%q, %q) = %v, want %v", c.text, c.query, got, c.want)
		}
	}
}

func TestFirstLetterCaseIsRuneSafe(t *testing.T) {
	cases := []struct{ in, lower, upper string }{
		{"Đúng hạn", "đúng hạn", "Đúng hạn"},
		{"Các huyện, thành phố", "các huyện, thành phố", "Các huyện, thành phố"},
		{"ủy ban", "ủy ban", "Ủy ban"},
		{"", "", ""},
	}
	for _, c := range cases {
		if got := LowerFirst(c.in); got != c.lower {
			t.Errorf("LowerFirst(%q) = %q, want %q", c.in, got, c.lower)
		}
		if got := UpperFirst(c.in); got != c.upper {
			t.Errorf("UpperFirst(%q) = %q, want %q", c.in, got, c.upper)
		}
	}
}

func TestVietnameseCollation(t *testing.T) {
	names := []string{"Gia Thụy", "Đức Nghĩa", "Dương Nội", "Ân Thi", "An Khánh", "Bảo Lạc"}
	coll := NewCollator()
	coll.SortStrings(names)
	want := []string{"An Khánh", "Ân Thi", "Bảo Lạc", "Dương Nội", "Đức Nghĩa", "Gia Thụy"}
	if !slices.Equal(names, want) {
		t.Errorf("sorted %q, want %q", names, want)
	}
}
