package data

import (
	"strconv"
	"strings"
	"unicode"
)

// Points is a score in hundredths of a point. Frameworks publish points with
// at most two decimals (4,9; 12,61) and totals must add up exactly, so points
// are never held as binary floats.
type Points int64

// PointsScale is how many Points make one printed point.
const PointsScale = 100

// P builds Points from whole points and hundredths, for tests and fixtures:
// P(4, 90) is 4,9 points.
func P(whole, hundredths int64) Points { return Points(whole*PointsScale + hundredths) }

// ParsePoints reads a number as officers type it: "4,9", "4.9", "12,61",
// " 15 ". A comma or a dot is the decimal mark; more than two decimals,
// a sign, thousands separators or anything that is not a number is refused.
// The error is a plain reason; callers add the field it belongs to.
func ParsePoints(s string) (Points, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, errorf(EINVALID, "chưa nhập số điểm")
	}
	whole, frac, hasMark := strings.Cut(strings.ReplaceAll(s, ",", "."), ".")
	if strings.Contains(frac, ".") {
		return 0, errorf(EINVALID, "%q không phải là số điểm hợp lệ", s)
	}
	if whole == "" {
		whole = "0"
	}
	if !allDigits(whole) || (hasMark && !allDigits(frac)) || (hasMark && frac == "") {
		if strings.ContainsFunc(s, func(r rune) bool { return r > '9' && unicode.IsDigit(r) }) {
			// Full-width "８１" (an Asian keyboard layout) or other
			// scripts' digits: refused, never converted, so that what is
			// stored is what the officer sees typed.
			return 0, errorf(EINVALID, "%q có chữ số không phải 0-9 (chữ số toàn khổ của bộ gõ tiếng Nhật, tiếng Trung…); ParDesk không tự đổi, hãy gõ lại bằng chữ số 0-9", s)
		}
		return 0, errorf(EINVALID, "%q không phải là số điểm hợp lệ", s)
	}
	if len(frac) == 3 && strings.Contains(s, ".") {
		return 0, errorf(EINVALID, "%q có quá hai chữ số thập phân (điểm không dùng dấu chấm ngăn cách hàng nghìn: «1.000» không phải một nghìn)", s)
	}
	if len(frac) > 2 {
		return 0, errorf(EINVALID, "%q có quá hai chữ số thập phân", s)
	}
	if len(whole) > 9 {
		return 0, errorf(EINVALID, "%q quá lớn", s)
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	frac = (frac + "00")[:2]
	f, _ := strconv.ParseInt(frac, 10, 64)
	return Points(w*PointsScale + f), nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// String prints the points the Vietnamese way with two decimals: "81,40".
func (p Points) String() string { return formatHundredths(int64(p), 2) }

// Short prints the points without trailing zeros, as scores are published:
// "4,9", "15", "12,61".
func (p Points) Short() string { return formatHundredths(int64(p), 0) }

// Minus is the minus sign of printed documents (U+2212): a hyphen before a
// number ("-10,09") reads as a dash or a list mark on paper.
const Minus = "\u2212"

// Signed prints points with two decimals and a real minus sign when
// negative: "−10,09", "2,50"; plus adds "+" before a positive value
// ("+3,20"), for a difference.
func (p Points) Signed(plus bool) string { return signed(int64(p), plus) }

// Signed prints a percentage (without the % sign) with two decimals and a
// real minus sign when negative: "−7,63", "+3,20" with plus.
func (p Percent) Signed(plus bool) string { return signed(int64(p), plus) }

func signed(v int64, plus bool) string {
	switch {
	case v < 0:
		return Minus + formatHundredths(-v, 2)
	case v > 0 && plus:
		return "+" + formatHundredths(v, 2)
	}
	return formatHundredths(v, 2)
}

// Percent is a percentage in hundredths of a percent: 8140 is 81,40 %.
type Percent int64

// String prints "81,40" (without the % sign, which callers add where the
// layout wants it).
func (p Percent) String() string { return formatHundredths(int64(p), 2) }

// PercentOf returns part/whole × 100 %, rounded half-up to two decimals, in
// exact integer arithmetic. A zero whole gives ok=false: there is no rate.
func PercentOf(part, whole int64) (pc Percent, ok bool) {
	if whole <= 0 {
		return 0, false
	}
	neg := part < 0
	if neg {
		part = -part
	}
	// part/whole*100 % in hundredths of a percent = part*10000/whole.
	q := (part*10000*2 + whole) / (whole * 2)
	if neg {
		q = -q
	}
	return Percent(q), true
}

// formatHundredths prints v/100 with a decimal comma and dot thousands
// separators. minDecimals 2 always prints two decimals; 0 trims zeros.
func formatHundredths(v int64, minDecimals int) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := groupThousands(v/100) + "," + twoDigits(v%100)
	if minDecimals == 0 {
		s = strings.TrimSuffix(strings.TrimSuffix(s, "0"), ",0")
		s = strings.TrimSuffix(s, ",")
	}
	if neg {
		s = "-" + s
	}
	return s
}

func twoDigits(v int64) string {
	if v < 10 {
		return "0" + strconv.FormatInt(v, 10)
	}
	return strconv.FormatInt(v, 10)
}

// groupThousands prints 7447 as "7.447", the Vietnamese way.
func groupThousands(v int64) string {
	s := strconv.FormatInt(v, 10)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// FormatCount prints a whole number the Vietnamese way: 7.447.
func FormatCount(n int64) string {
	if n < 0 {
		return "-" + groupThousands(-n)
	}
	return groupThousands(n)
}
