package xlsx

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// scanner tokenises a worksheet's XML for rowReader. encoding/xml
// allocates a token, its name and its attributes for every element, which
// made it most of an import's time on a 50 MB sheet; this reads the few
// shapes SpreadsheetML uses (elements, attributes, text, the five
// predefined entities and character references, CDATA, comments and
// processing instructions) and reuses its buffers. Names are local names:
// a prefix ("x:row") is dropped. A DTD is refused.
type scanner struct {
	r       *bufio.Reader
	line    int // for messages
	tok     token
	pending bool // a self-closing element's end is the next token
	buf     []byte
}

type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

// token is valid until the next call of next.
type token struct {
	kind  tokKind
	name  []byte // local name of a start or end element
	attrs []scanAttr
	text  []byte // raw text, entities not yet replaced (see unescape)
	cdata bool   // text from a CDATA section, to be taken as it is
}

type scanAttr struct {
	name   []byte // local name
	prefix bool   // the attribute had a namespace prefix
	value  []byte // raw, entities not yet replaced
}

func newScanner(r io.Reader) *scanner {
	return &scanner{r: bufio.NewReaderSize(r, 64<<10), line: 1}
}

func (s *scanner) syntax(msg string) error {
	return &xml.SyntaxError{Msg: msg, Line: s.line}
}

// next reads the next token; io.EOF at the end of the input.
func (s *scanner) next() (*token, error) {
	t := &s.tok
	if s.pending {
		s.pending = false
		t.kind = tokEnd
		return t, nil
	}
	for {
		b, err := s.r.ReadByte()
		if err != nil {
			return nil, err
		}
		if b != '<' {
			s.r.UnreadByte()
			text, err := s.readText()
			if err != nil && err != io.EOF {
				return nil, err
			}
			t.kind, t.text, t.cdata = tokText, text, false
			return t, nil
		}
		c, err := s.r.ReadByte()
		if err != nil {
			return nil, unexpected(err)
		}
		switch c {
		case '/':
			name, err := s.readName()
			if err != nil {
				return nil, err
			}
			if err := s.skipSpace(); err != nil {
				return nil, err
			}
			if b, err := s.r.ReadByte(); err != nil || b != '>' {
				return nil, s.syntax("thẻ đóng không kết thúc bằng >")
			}
			t.kind, t.name = tokEnd, name
			return t, nil
		case '?':
			if err := s.skipPast("?>"); err != nil {
				return nil, err
			}
		case '!':
			head, _ := s.r.Peek(7)
			switch {
			case bytes.HasPrefix(head, []byte("--")):
				s.r.Discard(2)
				if err := s.skipPast("-->"); err != nil {
					return nil, err
				}
			case bytes.HasPrefix(head, []byte("[CDATA[")):
				s.r.Discard(7)
				text, err := s.readUntil("]]>")
				if err != nil {
					return nil, err
				}
				t.kind, t.text, t.cdata = tokText, text, true
				return t, nil
			default:
				return nil, s.syntax("khai báo <! không được hỗ trợ")
			}
		default:
			s.r.UnreadByte()
			if err := s.readStart(t); err != nil {
				return nil, err
			}
			return t, nil
		}
	}
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// readText reads up to the next '<' (left unread).
func (s *scanner) readText() ([]byte, error) {
	s.buf = s.buf[:0]
	for {
		chunk, err := s.r.ReadSlice('<')
		if err == nil {
			s.buf = append(s.buf, chunk[:len(chunk)-1]...)
			s.r.UnreadByte()
			s.line += bytes.Count(chunk, []byte{'\n'})
			return s.buf, nil
		}
		s.buf = append(s.buf, chunk...)
		s.line += bytes.Count(chunk, []byte{'\n'})
		if err != bufio.ErrBufferFull {
			return s.buf, err
		}
	}
}

// readUntil reads up to and past end, returning what came before it.
func (s *scanner) readUntil(end string) ([]byte, error) {
	s.buf = s.buf[:0]
	last := end[len(end)-1]
	for {
		chunk, err := s.r.ReadSlice(last)
		s.buf = append(s.buf, chunk...)
		s.line += bytes.Count(chunk, []byte{'\n'})
		if err == nil && bytes.HasSuffix(s.buf, []byte(end)) {
			return s.buf[:len(s.buf)-len(end)], nil
		}
		if err != nil && err != bufio.ErrBufferFull {
			return nil, unexpected(err)
		}
	}
}

func (s *scanner) skipPast(end string) error {
	_, err := s.readUntil(end)
	return err
}

func (s *scanner) skipSpace() error {
	for {
		b, err := s.r.ReadByte()
		if err != nil {
			return unexpected(err)
		}
		switch b {
		case '\n':
			s.line++
		case ' ', '\t', '\r':
		default:
			s.r.UnreadByte()
			return nil
		}
	}
}

func isNameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-' || b == '.' || b == ':' || b >= 0x80
}

// readName reads an element or attribute name; the local part is
// returned, and prefixed says whether there was a prefix.
func (s *scanner) readNameP() (local []byte, prefixed bool, err error) {
	start := len(s.buf)
	for {
		b, err := s.r.ReadByte()
		if err != nil {
			return nil, false, unexpected(err)
		}
		if !isNameByte(b) {
			s.r.UnreadByte()
			break
		}
		s.buf = append(s.buf, b)
	}
	name := s.buf[start:]
	if len(name) == 0 {
		return nil, false, s.syntax("thiếu tên thẻ")
	}
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:], true, nil
	}
	return name, false, nil
}

func (s *scanner) readName() ([]byte, error) {
	s.buf = s.buf[:0]
	n, _, err := s.readNameP()
	return n, err
}

// readStart reads a start tag after its '<'.
func (s *scanner) readStart(t *token) error {
	s.buf = s.buf[:0]
	t.attrs = t.attrs[:0]
	// Offsets into s.buf, which may move while it grows.
	type span struct{ a, b int }
	var name span
	var attrs [8][3]span
	var more [][3]span
	local, _, err := s.readNameP()
	if err != nil {
		return err
	}
	name = span{len(s.buf) - len(local), len(s.buf)}
	n := 0
	for {
		if err := s.skipSpace(); err != nil {
			return err
		}
		b, err := s.r.ReadByte()
		if err != nil {
			return unexpected(err)
		}
		if b == '>' || b == '/' {
			if b == '/' {
				if c, err := s.r.ReadByte(); err != nil || c != '>' {
					return s.syntax("thẻ không kết thúc bằng />")
				}
				s.pending = true
			}
			break
		}
		s.r.UnreadByte()
		before := len(s.buf)
		an, prefixed, err := s.readNameP()
		if err != nil {
			return err
		}
		aname := span{len(s.buf) - len(an), len(s.buf)}
		pre := span{}
		if prefixed {
			pre = span{before, before + 1}
		}
		if err := s.skipSpace(); err != nil {
			return err
		}
		if b, err := s.r.ReadByte(); err != nil || b != '=' {
			return s.syntax("thuộc tính thiếu dấu =")
		}
		if err := s.skipSpace(); err != nil {
			return err
		}
		q, err := s.r.ReadByte()
		if err != nil || (q != '"' && q != '\'') {
			return s.syntax("giá trị thuộc tính thiếu dấu nháy")
		}
		vstart := len(s.buf)
		for {
			chunk, err := s.r.ReadSlice(q)
			s.buf = append(s.buf, chunk...)
			if err == nil {
				break
			}
			if err != bufio.ErrBufferFull {
				return unexpected(err)
			}
		}
		val := span{vstart, len(s.buf) - 1}
		if n < len(attrs) {
			attrs[n] = [3]span{aname, pre, val}
		} else {
			more = append(more, [3]span{aname, pre, val})
		}
		n++
	}
	t.kind = tokStart
	t.name = s.buf[name.a:name.b]
	for i := 0; i < n; i++ {
		a := attrs[min(i, len(attrs)-1)]
		if i >= len(attrs) {
			a = more[i-len(attrs)]
		}
		t.attrs = append(t.attrs, scanAttr{name: s.buf[a[0].a:a[0].b], prefix: a[1].b > a[1].a, value: s.buf[a[2].a:a[2].b]})
	}
	return nil
}

// unescape replaces the entities and character references of raw text.
func unescape(raw []byte) (string, error) {
	if bytes.IndexByte(raw, '&') < 0 {
		return string(raw), nil
	}
	out, err := appendUnescaped(make([]byte, 0, len(raw)), raw)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// appendUnescaped appends raw to dst with its entities and character
// references replaced; a cell's value is gathered this way into a buffer
// kept from cell to cell rather than into a new string per piece of text.
func appendUnescaped(dst, raw []byte) ([]byte, error) {
	i := bytes.IndexByte(raw, '&')
	for i >= 0 {
		dst = append(dst, raw[:i]...)
		raw = raw[i:]
		end := bytes.IndexByte(raw, ';')
		if end < 0 {
			return dst, errEntity
		}
		ent := raw[1:end]
		raw = raw[end+1:]
		switch string(ent) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			var n uint64
			var err error
			switch {
			case len(ent) > 2 && (ent[1] == 'x' || ent[1] == 'X') && ent[0] == '#':
				n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
			case len(ent) > 1 && ent[0] == '#':
				n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
			default:
				return dst, errEntity
			}
			if err != nil || !utf8.ValidRune(rune(n)) {
				return dst, errEntity
			}
			dst = utf8.AppendRune(dst, rune(n))
		}
		i = bytes.IndexByte(raw, '&')
	}
	return append(dst, raw...), nil
}

var errEntity = errors.New("bad entity")
