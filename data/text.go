package data

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Clean normalises user text before it is stored: Unicode NFC (names arrive
// from Unikey, VNI and PDF copies in different forms), no characters above
// U+FFFF (emoji break PDF layout), no control characters, and trimmed,
// single-spaced.
func Clean(s string) string {
	s = norm.NFC.String(s) // s itself when it is already NFC
	if isClean(s) {
		return s
	}
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

// isClean reports whether Clean would return s as it is: an import
// cleans every name, code and note of hundreds of thousands of rows, and
// nearly all of them are clean already, so they are checked without
// being copied.
func isClean(s string) bool {
	space := true // a leading space is trimmed
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if space {
					return false
				}
				space = true
			case c < 0x20 || c == 0x7F: // tab, line breaks, controls
				return false
			default:
				space = false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r > 0xFFFF || r == unicode.ReplacementChar || unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
		space = false
		i += n - 1
	}
	return !space || s == ""
}

// CleanMultiline is Clean for notes: line breaks are kept.
func CleanMultiline(s string) string {
	if strings.IndexByte(s, '\n') < 0 {
		// One line: Clean trims and needs no splitting (a lone \r is a
		// space to Clean, as it was here before).
		return Clean(s)
	}
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = Clean(l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// Fold strips case and tone marks so that "duc nghia" finds "Đức Nghĩa".
func Fold(s string) string {
	s = norm.NFD.String(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			b.WriteRune('d')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Matches reports whether text matches the search query the way officers
// expect: case never matters; tone marks matter only when the query has them.
func Matches(text, query string) bool {
	query = strings.TrimSpace(query)
	if query == "" {
		return true
	}
	if Fold(query) == strings.ToLower(norm.NFC.String(query)) {
		return strings.Contains(Fold(text), Fold(query))
	}
	return strings.Contains(strings.ToLower(norm.NFC.String(text)), strings.ToLower(norm.NFC.String(query)))
}

// NewCollator returns a collator for sorting Vietnamese names (Ă after A,
// Đ after D), which byte order gets wrong. A collator is not safe for
// concurrent use; make one per sort.
func NewCollator() *collate.Collator {
	return collate.New(language.Vietnamese, collate.IgnoreCase)
}

// LowerFirst lowers the first letter, for a name or title placed inside a
// sentence ("Các huyện, thành phố" → "các huyện, thành phố"). It works on
// letters, not bytes: "Đúng hạn" has a two-byte first letter.
func LowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// UpperFirst capitalises the first letter, for headings and list items.
func UpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
