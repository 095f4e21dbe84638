package data

import (
	"strings"
	"testing"
)

func TestParsePoints(t *testing.T) {
	good := map[string]Points{
		"4,9": P(4, 90), "4.9": P(4, 90), "12,61": P(12, 61), " 15 ": P(15, 0),
		"0": 0, "0,05": 5, ",5": P(0, 50), "100": P(100, 0), "9,50": P(9, 50),
	}
	for in, want := range good {
		got, err := ParsePoints(in)
		if err != nil || got != want {
			t.Errorf("ParsePoints(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "abc", "4,999", "-1", "+2", "1.000,5", "4,", "4,9,1", "1e3", "٣", "4 9"} {
		if p, err := ParsePoints(in); err == nil {
			t.Errorf("ParsePoints(%q) = %v, want refusal", in, p)
		} else if ErrorCode(err) != EINVALID {
			t.Errorf("ParsePoints(%q) code %q, want invalid", in, ErrorCode(err))
		}
	}
}

// Full-width digits and a dot before three digits are refused with a
// reason that says so; the grid and the Excel imports share the message.
func TestParsePointsSaysWhy(t *testing.T) {
	for in, want := range map[string]string{
		"８１":    "chữ số toàn khổ",
		"1.000": "không dùng dấu chấm ngăn cách hàng nghìn",
		"4,999": "có quá hai chữ số thập phân",
		"1e1":   "không phải là số điểm hợp lệ",
	} {
		_, err := ParsePoints(in)
		if !strings.Contains(ErrorMessage(err), want) {
			t.Errorf("ParsePoints(%q): %q, want it to say %q", in, ErrorMessage(err), want)
		}
	}
}

func TestPointsFormat(t *testing.T) {
	cases := []struct {
		p           Points
		long, short string
	}{
		{P(81, 40), "81,40", "81,4"},
		{P(4, 90), "4,90", "4,9"},
		{P(15, 0), "15,00", "15"},
		{P(12, 61), "12,61", "12,61"},
		{P(1234, 5), "1.234,05", "1.234,05"},
		{0, "0,00", "0"},
		{P(10, 0), "10,00", "10"},
	}
	for _, c := range cases {
		if c.p.String() != c.long || c.p.Short() != c.short {
			t.Errorf("%d: got %q/%q want %q/%q", c.p, c.p.String(), c.p.Short(), c.long, c.short)
		}
	}
	if got := FormatCount(7447); got != "7.447" {
		t.Errorf("FormatCount(7447) = %q", got)
	}
	if got := FormatCount(1234567); got != "1.234.567" {
		t.Errorf("FormatCount(1234567) = %q", got)
	}
}

func TestPercentOfRoundsHalfUp(t *testing.T) {
	cases := []struct {
		part, whole int64
		want        Percent
	}{
		{8140, 10000, 8140},
		{5, 8, 6250},      // 62,50 %
		{490, 700, 7000},  // 70,00 %
		{950, 1400, 6786}, // 67,857… → 67,86
		{1, 3, 3333},      // 33,333… → 33,33
		{2, 3, 6667},      // 66,666… → 66,67
		{1, 80000, 0},     // 0,00125 % → 0,00
		{1, 40000, 0},     // 0,0025 % → 0,00
		{1, 20000, 1},     // 0,005 % → 0,01 (half up)
	}
	for _, c := range cases {
		got, ok := PercentOf(c.part, c.whole)
		if !ok || got != c.want {
			t.Errorf("PercentOf(%d, %d) = %v %v, want %v", c.part, c.whole, got, ok, c.want)
		}
	}
	if _, ok := PercentOf(5, 0); ok {
		t.Error("PercentOf(5, 0) gave a rate; want none")
	}
}

func TestSigned(t *testing.T) {
	for _, c := range []struct {
		v    Points
		plus bool
		want string
	}{
		{-1009, false, "−10,09"}, {-1009, true, "−10,09"}, {250, false, "2,50"}, {320, true, "+3,20"}, {0, true, "0,00"}, {-123456, false, "−1.234,56"},
	} {
		if got := c.v.Signed(c.plus); got != c.want {
			t.Errorf("Points(%d).Signed(%v) = %q, want %q", c.v, c.plus, got, c.want)
		}
		if got := Percent(c.v).Signed(c.plus); got != c.want {
			t.Errorf("Percent(%d).Signed(%v) = %q, want %q", c.v, c.plus, got, c.want)
		}
	}
}
