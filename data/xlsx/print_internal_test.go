package xlsx

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

func TestWrappedLines(t *testing.T) {
	for _, c := range []struct {
		s     string
		width float64
		bold  bool
		want  int
	}{
		{"Quá hạn", 14, false, 1},
		{"Kế hoạch CCHC năm 2024", 30, false, 1},
		{"Xây dựng, ban hành văn bản quy phạm pháp luật", 30, false, 2},
		{"KH số 12/KH-UBND\nngày 09/01/2023", 30, false, 2},
		{"Huyện Thạch An; Huyện Bảo Lạc; Huyện Hà Quảng; Huyện Hạ Lang; Huyện Quảng Hòa", 24, false, 5},
		{"7. Xây dựng chính quyền điện tử, chính quyền số (14)", 14, true, 5},
		{strings.Repeat("x", 100), 10, false, 13}, // a word wider than its column breaks: 800 pixels in 64
		{"", 10, false, 1},
	} {
		if got := wrappedLines(c.s, c.width, c.bold); got != c.want {
			t.Errorf("wrappedLines(%q, %v, bold %v) = %d, want %d", c.s, c.width, c.bold, got, c.want)
		}
	}
}

// The page header never exceeds Excel's 255 characters, whatever the
// office's name and the title, and an "&" in them prints as itself.
func TestPageHeaderFitsExcelLimit(t *testing.T) {
	if got := headerText("Phòng Nội vụ & Tư pháp", 45); got != "Phòng Nội vụ && Tư pháp" {
		t.Errorf("headerText = %q", got)
	}
	if got := headerText(strings.Repeat("&", 50), 10); got != strings.Repeat("&", 8)+"…" {
		t.Errorf("headerText cut in an escape: %q", got)
	}
	b, err := newBook()
	if err != nil {
		t.Fatal(err)
	}
	b.print.office = strings.Repeat("Ủy ban nhân dân & ", 10)
	p, _ := b.sheet("Trang")
	p.titleRows(strings.Repeat("KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH & ", 5))
	p.headers(4, []column{{"Mã", 10}})
	if _, err := b.bytes(); err != nil {
		t.Fatal(err)
	}
	hf, _ := b.f.GetHeaderFooter("Trang")
	if n := len(utf16.Encode([]rune(hf.OddHeader))); n > excelize.MaxFieldLength {
		t.Errorf("page header of %d characters", n)
	}
}

// The table of base letters says what the decomposition says, for every
// letter it holds and beyond it: "ẫ" is as wide as "a".
func TestBaseLetter(t *testing.T) {
	for r := rune(0x80); r <= maxBased+0x100; r++ {
		want := r
		if d := norm.NFD.String(string(r)); d != "" {
			want, _ = utf8.DecodeRuneInString(d)
		}
		if got := baseLetter(r); got != want {
			t.Fatalf("base of %U %q: %q, want %q", r, r, got, want)
		}
	}
	if baseLetter('ẫ') != 'a' || baseLetter('Đ') != 'Đ' {
		t.Errorf("ẫ on %q, Đ on %q", baseLetter('ẫ'), baseLetter('Đ'))
	}
}
