package store

import (
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/pardesk/pardesk/data"
)

// encodeAudit encodes an audit entry exactly as json.Marshal does (same
// fields, order and escaping: the stored layout does not change), without
// reflection: an import writes hundreds of thousands of entries. Values
// are carved out of large blocks that live as long as the transaction,
// since bbolt keeps the slices it is given until the commit.
func (tx *Tx) encodeAudit(e data.AuditEntry) ([]byte, error) {
	if y := e.At.Year(); y < 0 || y > 9999 {
		return json.Marshal(e) // json.Marshal's own error
	}
	b := tx.scratch[:0]
	b = append(b, `{"seq":`...)
	b = strconv.AppendUint(b, e.Seq, 10)
	b = append(b, `,"at":"`...)
	b = e.At.AppendFormat(b, time.RFC3339Nano)
	b = append(b, `","officer":`...)
	b = appendJSONString(b, e.Officer)
	b = append(b, `,"kind":`...)
	b = appendJSONString(b, e.Kind)
	if e.Year != 0 {
		b = append(b, `,"year":`...)
		b = strconv.AppendInt(b, int64(e.Year), 10)
	}
	if e.Unit != "" {
		b = append(b, `,"unit":`...)
		b = appendJSONString(b, e.Unit)
	}
	b = append(b, `,"item":`...)
	b = appendJSONString(b, e.Item)
	for _, f := range []struct{ name, v string }{{`,"old":`, e.Old}, {`,"new":`, e.New}, {`,"reason":`, e.Reason}} {
		if f.v != "" {
			b = append(b, f.name...)
			b = appendJSONString(b, f.v)
		}
	}
	b = append(b, '}')
	tx.scratch = b
	if cap(tx.arena)-len(tx.arena) < len(b) {
		tx.arena = make([]byte, 0, max(64<<10, len(b)))
	}
	n := len(tx.arena)
	tx.arena = append(tx.arena, b...)
	return tx.arena[n:len(tx.arena):len(tx.arena)], nil
}

// appendJSONString appends s quoted as encoding/json quotes it, HTML
// characters, U+2028 and U+2029 escaped and invalid UTF-8 replaced.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
