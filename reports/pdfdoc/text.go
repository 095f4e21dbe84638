package pdfdoc

import (
	"encoding/binary"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Clean is the one sanitiser every string passes through before it reaches
// the PDF library:
//   - Unicode NFC (decomposed text from VNI keyboards or PDF copies puts tone
//     marks on the wrong letters and breaks line wrapping);
//   - characters above U+FFFF (emoji) are dropped: the library panics on
//     them;
//   - characters that Liberation Serif lacks in any of its four faces are
//     dropped (they would print as nothing or as a box), and so are
//     invisible format characters (zero-width joiner, soft hyphen) and
//     variation selectors;
//   - line breaks and tabs become spaces, other control characters are
//     dropped.
//
// Spaces are kept as they are (a blank document number is spaces).
func Clean(s string) string { return clean(s, false) }

// cleanLines is Clean that keeps line breaks ("\r\n" and "\r" become "\n").
func cleanLines(s string) string { return clean(s, true) }

func clean(s string, keepNL bool) string {
	if isPlainASCII(s) {
		return s
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	cov := coverage()
	var b strings.Builder
	b.Grow(len(s))
	prevCR := false
	for _, r := range s {
		cr := r == '\r'
		switch {
		case r == '\n' && prevCR && keepNL:
			// "\r\n": the '\r' already broke the line.
		case (r == '\n' || r == '\r') && keepNL:
			b.WriteByte('\n')
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			b.WriteByte(' ')
		case r == utf8.RuneError, r > 0xFFFF, unicode.IsControl(r):
			// dropped
		case r < 0x80:
			b.WriteRune(r)
		case unicode.Is(unicode.Cf, r), unicode.Is(unicode.Variation_Selector, r), !cov.has(r):
			// dropped: invisible format characters (zero-width
			// joiner, soft hyphen), emoji variation selectors, and
			// characters the fonts lack
		default:
			b.WriteRune(r)
		}
		prevCR = cr
	}
	return b.String()
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

// Upper is Clean then capitals, for the lines that Decree 30 prints in
// capitals (superior body, issuing office, title, signer's title).
func Upper(s string) string { return strings.ToUpper(Clean(s)) }

// Symbol builds a document symbol of Decree 30: Symbol("12", "BC", "PNV")
// is "12/BC-PNV". A blank number leaves room to write it by hand:
// "      /BC-PNV".
func Symbol(number, kind, office string) string {
	number = strings.TrimSpace(number)
	if number == "" {
		number = strings.Repeat(" ", 10)
	}
	s := number + "/" + strings.TrimSpace(kind)
	if o := strings.TrimSpace(office); o != "" {
		s += "-" + o
	}
	return s
}

// glyphSet is the set of BMP characters that all four faces can draw.
type glyphSet [0x10000 / 64]uint64

func (g *glyphSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && g[r>>6]&(1<<(uint(r)&63)) != 0
}

func (g *glyphSet) add(r rune) { g[r>>6] |= 1 << (uint(r) & 63) }

var (
	glyphsOnce sync.Once
	glyphs     *glyphSet
)

// coverage parses the character maps of the four faces once per process.
func coverage() *glyphSet {
	glyphsOnce.Do(func() {
		var all *glyphSet
		for _, face := range faces {
			g := cmapCoverage(face.ttf)
			if all == nil {
				all = g
				continue
			}
			for i := range all {
				all[i] &= g[i]
			}
		}
		// Plain spaces are always drawable.
		all.add(' ')
		all.add(0xA0)
		glyphs = all
	})
	return glyphs
}

// cmapCoverage reads the Unicode BMP character map (format 4) of a TrueType
// font. A font it cannot read covers printable ASCII only, so text is never
// lost silently beyond what the font surely lacks.
func cmapCoverage(ttf []byte) *glyphSet {
	g := new(glyphSet)
	for r := rune(0x20); r < 0x7f; r++ {
		g.add(r)
	}
	u16 := func(off int) int {
		if off < 0 || off+2 > len(ttf) {
			return -1
		}
		return int(binary.BigEndian.Uint16(ttf[off:]))
	}
	u32 := func(off int) int {
		if off < 0 || off+4 > len(ttf) {
			return -1
		}
		return int(binary.BigEndian.Uint32(ttf[off:]))
	}
	cmap := -1
	for i, n := 0, u16(4); i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			break
		}
		if string(ttf[rec:rec+4]) == "cmap" {
			cmap = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return g
	}
	sub := -1
	for i, n := 0, u16(cmap+2); i < n; i++ {
		rec := cmap + 4 + 8*i
		platform, encoding := u16(rec), u16(rec+2)
		if (platform == 3 && encoding == 1) || (platform == 0 && sub < 0) {
			if off := u32(rec + 4); off >= 0 && u16(cmap+off) == 4 {
				sub = cmap + off
			}
		}
	}
	if sub < 0 {
		return g
	}
	segs := u16(sub+6) / 2
	ends := sub + 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	ranges := deltas + 2*segs
	for i := 0; i < segs; i++ {
		end, start := u16(ends+2*i), u16(starts+2*i)
		delta, rangeOff := u16(deltas+2*i), u16(ranges+2*i)
		if end < 0 || start < 0 || delta < 0 || rangeOff < 0 {
			break
		}
		for c := start; c <= end && c < 0xFFFF; c++ {
			glyph := 0
			if rangeOff == 0 {
				glyph = (c + delta) & 0xFFFF
			} else if v := u16(ranges + 2*i + rangeOff + 2*(c-start)); v > 0 {
				glyph = (v + delta) & 0xFFFF
			}
			if glyph != 0 {
				g.add(rune(c))
			}
		}
	}
	return g
}
