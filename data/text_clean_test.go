package data

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// cleanSlow is Clean as it was before the already-clean check: every
// string copied rune by rune. The check must never change what is stored.
func cleanSlow(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r > 0xFFFF || r == unicode.ReplacementChar:
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func cleanMultilineSlow(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = cleanSlow(l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

var cleanCases = []string{
	"", " ", "a", "XA001", " XA001", "XA001 ", "XA  001", "XA\t001", "1.1",
	"Thiếu báo cáo quý", "Thiếu  báo cáo", "Thiếu báo cáo\u00a0quý", "Xã\u0085Thứ",
	"Đức Nghĩa", "Đu\u0301c", // NFD tone mark
	"Báo cáo\x00số", "Báo\x7fcáo", "ab\xffcd", "ab\uFFFDcd", "emoji 😀 here", "\u200bzero width",
	"Ghi chú\r", "\rGhi chú", "dòng 1\ndòng 2", "dòng 1\r\ndòng 2 ", " \n dòng\n\n", "a\r\rb",
	"１２", "Ｔên", "\u2028sep", "\u3000ideographic",
}

func TestCleanSameAsBefore(t *testing.T) {
	for _, s := range cleanCases {
		if got, want := Clean(s), cleanSlow(s); got != want {
			t.Errorf("Clean(%q) = %q, want %q", s, got, want)
		}
		if got, want := CleanMultiline(s), cleanMultilineSlow(s); got != want {
			t.Errorf("CleanMultiline(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCleanSameAsBefore(f *testing.F) {
	for _, s := range cleanCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Clean(s), cleanSlow(s); got != want {
			t.Errorf("Clean(%q) = %q, want %q", s, got, want)
		}
		if got, want := CleanMultiline(s), cleanMultilineSlow(s); got != want {
			t.Errorf("CleanMultiline(%q) = %q, want %q", s, got, want)
		}
	})
}
