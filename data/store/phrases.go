package store

import (
	"encoding/binary"
	"strings"
)

// Most of an audit entry's text is the same few words: the names of the
// fields that changed ("1.1 · Tự đánh giá, Thẩm định, Ghi chú") and the
// separators between their values. The audit layout writes each of these
// phrases as one byte. The list belongs to the layout: it is never
// changed, only a new layout byte can bring another list.
var phrases = [...]string{
	0x01: " · ",
	0x02: "Tự đánh giá",
	0x03: "Thẩm định",
	0x04: "Ghi chú",
	0x05: "Tài liệu kiểm chứng",
	0x06: ", ",
	0x07: "score",
	0x08: "Tổng điểm công bố",
	0x0B: "framework",
	0x0C: "Khóa năm ",
	0x0E: "unit",
	0x0F: "Đã khóa",
	0x10: "Tiêu chí",
	0x11: "Báo cáo",
}

// phraseStart holds the first bytes of the phrases: the only places
// worth looking for one.
var phraseStart = func() (t [256]bool) {
	for _, p := range phrases {
		if p != "" {
			t[p[0]] = true
		}
	}
	return t
}()

// phraseEscape marks the next byte as itself: a control byte that the
// text really holds (text is cleaned of them, but a value may come from
// anywhere).
const phraseEscape = 0x00

// isPhraseByte reports whether c stands for a phrase or the escape; tab,
// line feed and carriage return stay themselves.
func isPhraseByte(c byte) bool { return c < 0x20 && c != '\t' && c != '\n' && c != '\r' }

// appendPhrased appends s with its phrases as single bytes, its length
// in front.
func appendPhrased(b []byte, s string) []byte {
	// The length is not known before the phrases are replaced: reserve
	// one byte (most values are shorter than 128) and move the text when
	// its length takes more.
	at := len(b)
	b = append(b, 0)
	for i := 0; i < len(s); {
		c := s[i]
		if phraseStart[c] {
			if p, n := phraseAt(s[i:]); n > 0 {
				b = append(b, p)
				i += n
				continue
			}
		}
		if isPhraseByte(c) {
			b = append(b, phraseEscape)
		}
		b = append(b, c)
		i++
	}
	n := len(b) - at - 1
	if n < 0x80 {
		b[at] = byte(n)
		return b
	}
	var lenBuf [10]byte
	m := binary.PutUvarint(lenBuf[:], uint64(n))
	b = append(b, lenBuf[:m-1]...)
	copy(b[at+m:], b[at+1:at+1+n])
	copy(b[at:], lenBuf[:m])
	return b
}

// phraseAt returns the byte of the phrase s starts with and its length,
// or 0, 0.
func phraseAt(s string) (byte, int) {
	for i, p := range phrases {
		if p != "" && strings.HasPrefix(s, p) {
			return byte(i), len(p)
		}
	}
	return 0, 0
}

// phrased reads a text appendPhrased wrote.
func (r *reader) phrased() string {
	raw := r.bytes()
	if r.err != nil {
		return ""
	}
	var sb strings.Builder
	sb.Grow(len(raw) + len(raw)/2)
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == phraseEscape:
			if i+1 == len(raw) {
				r.err = errCut
				return ""
			}
			i++
			sb.WriteByte(raw[i])
		case isPhraseByte(c):
			if int(c) >= len(phrases) || phrases[c] == "" {
				r.err = errCut
				return ""
			}
			sb.WriteString(phrases[c])
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}
