package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pardesk/pardesk/data"
)

// A decade of the whole country is some forty million audit entries and
// scores: in JSON an entry took about 250 bytes and a score on its sheet
// about 70, which would make the file of ten years some 4 GB. Audit
// entries and sheets are therefore stored in a compact binary layout
// (about a third of the size), the other entities stay JSON.
//
// A compact value starts with a layout byte below 0x20, which no JSON
// value starts with, so a file holds both: values written by earlier
// versions read as they are, and the upgrade to schema 4 rewrites them
// (migrate_compact.go). After the layout byte come the fields the layout
// names, as uvarint-length strings and varint numbers, then the fields
// it does not name (added to data.AuditEntry, data.Sheet or data.Score
// after the layout was written) as a JSON object of those fields alone:
// a new field is kept from the day it is added, compact or not, and a
// new layout byte makes it compact.
const (
	layoutAudit byte = 0x01 // data.AuditEntry, layout 1
	layoutSheet byte = 0x02 // data.Sheet with its data.Score values, layout 1
)

// isCompact reports whether a stored value is in a compact layout.
func isCompact(raw []byte) bool {
	return len(raw) > 0 && (raw[0] == layoutAudit || raw[0] == layoutSheet)
}

// encodeValue is what put stores for v: the compact layout for sheets,
// JSON for everything else.
func encodeValue(v any) ([]byte, error) {
	switch s := v.(type) {
	case *data.Sheet:
		return encodeSheet(nil, s)
	case data.Sheet:
		return encodeSheet(nil, &s)
	}
	return json.Marshal(v)
}

// decodeValue reads a stored value into v, whichever layout wrote it.
func decodeValue(raw []byte, v any) error {
	if !isCompact(raw) {
		return json.Unmarshal(raw, v)
	}
	switch p := v.(type) {
	case *data.Sheet:
		if raw[0] == layoutSheet {
			return decodeSheet(raw, p)
		}
	case *data.AuditEntry:
		if raw[0] == layoutAudit {
			return decodeAudit(raw, p)
		}
	}
	return fmt.Errorf("giá trị dạng nén %#x không phải của kiểu %T", raw[0], v)
}

// checkCompact decodes a compact value to see that it is whole: what the
// whole check (check.go) asks of every stored value.
func checkCompact(raw []byte) bool {
	switch raw[0] {
	case layoutAudit:
		var e data.AuditEntry
		return decodeAudit(raw, &e) == nil
	case layoutSheet:
		var s data.Sheet
		return decodeSheet(raw, &s) == nil
	}
	return false
}

// The fields each layout writes itself; every other exported field of
// the struct travels as JSON (rest).
var (
	auditFields = layoutOf(reflect.TypeFor[data.AuditEntry](), "Seq", "At", "Officer", "Kind", "Year", "Unit", "Item", "Old", "New", "Reason")
	sheetFields = layoutOf(reflect.TypeFor[data.Sheet](), "Year", "Unit", "Scores", "Published")
	scoreFields = layoutOf(reflect.TypeFor[data.Score](), "Self", "Appraised", "Note", "Evidence")
)

// layout is a struct type and the indexes of its exported fields that a
// compact layout does not name.
type layout struct {
	t     reflect.Type
	extra []int
}

func layoutOf(t reflect.Type, named ...string) layout {
	l := layout{t: t}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.IsExported() && f.Tag.Get("json") != "-" && !slices.Contains(named, f.Name) {
			l.extra = append(l.extra, i)
		}
	}
	return l
}

// appendRest appends the fields of v that the layout does not name, as
// JSON with its length in front; only the length 0 when there are none
// or all of them are empty.
func (l layout) appendRest(b []byte, v reflect.Value) ([]byte, error) {
	if len(l.extra) == 0 {
		return append(b, 0), nil
	}
	tmp := reflect.New(l.t)
	set := false
	for _, i := range l.extra {
		if f := v.Field(i); !f.IsZero() {
			tmp.Elem().Field(i).Set(f)
			set = true
		}
	}
	if !set {
		return append(b, 0), nil
	}
	raw, err := json.Marshal(tmp.Interface())
	if err != nil {
		return nil, err
	}
	return appendBytes(b, raw), nil
}

// setRest sets the fields the layout does not name from their JSON.
func (l layout) setRest(v reflect.Value, raw []byte) error {
	if len(raw) == 0 {
		return nil
	}
	tmp := reflect.New(l.t)
	if err := json.Unmarshal(raw, tmp.Interface()); err != nil {
		return err
	}
	for _, i := range l.extra {
		v.Field(i).Set(tmp.Elem().Field(i))
	}
	return nil
}

func appendBytes(b, s []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendTime writes an instant and its zone offset: read back, it is the
// time JSON would give (UTC for offset 0, Local when Local has that
// offset then, else a fixed zone), to the nanosecond.
func appendTime(b []byte, t time.Time) []byte {
	_, off := t.Zone()
	b = binary.AppendVarint(b, t.Unix())
	b = binary.AppendUvarint(b, uint64(t.Nanosecond()))
	return binary.AppendVarint(b, int64(off))
}

// reader reads a compact value; the first error sticks, and every read
// after it returns zero values.
type reader struct {
	b   []byte
	err error
}

var errCut = errors.New("giá trị dạng nén bị cắt ngắn hoặc hỏng")

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errCut
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errCut
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) bytes() []byte {
	n := r.uvarint()
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.err = errCut
		return nil
	}
	s := r.b[:n:n]
	r.b = r.b[n:]
	return s
}

// string copies: a stored value lives only as long as its transaction.
func (r *reader) string() string { return string(r.bytes()) }

func (r *reader) byte() byte {
	if r.err != nil || len(r.b) == 0 {
		r.err = errCut
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) time() time.Time {
	sec, nsec, off := r.varint(), r.uvarint(), r.varint()
	if r.err == nil && (nsec >= 1e9 || off < -18*3600 || off > 18*3600) {
		r.err = errCut
	}
	if r.err != nil {
		return time.Time{}
	}
	t := time.Unix(sec, int64(nsec))
	if off == 0 {
		return t.UTC()
	}
	if _, local := t.Zone(); local == int(off) {
		return t
	}
	return t.In(time.FixedZone("", int(off)))
}

// end checks that the value was read to its last byte.
func (r *reader) end() error {
	if r.err == nil && len(r.b) != 0 {
		r.err = errCut
	}
	return r.err
}

// appendAudit writes an audit entry in layout 1.
func appendAudit(b []byte, e *data.AuditEntry) ([]byte, error) {
	b = append(b, layoutAudit)
	b = binary.AppendUvarint(b, e.Seq)
	b = appendTime(b, e.At)
	b = binary.AppendVarint(b, int64(e.Year))
	for _, s := range [...]string{e.Officer, e.Kind, e.Unit, e.Item, e.Old, e.New, e.Reason} {
		b = appendPhrased(b, s)
	}
	return auditFields.appendRest(b, reflect.ValueOf(e).Elem())
}

func decodeAudit(raw []byte, e *data.AuditEntry) error {
	r := reader{b: raw[1:]}
	*e = data.AuditEntry{Seq: r.uvarint(), At: r.time(), Year: int(r.varint())}
	for _, s := range [...]*string{&e.Officer, &e.Kind, &e.Unit, &e.Item, &e.Old, &e.New, &e.Reason} {
		*s = r.phrased()
	}
	rest := r.bytes()
	if err := r.end(); err != nil {
		return err
	}
	return auditFields.setRest(reflect.ValueOf(e).Elem(), rest)
}

// Flags of a score in the sheet layout: which of its values follow.
const (
	hasSelf = 1 << iota
	hasAppraised
	hasNote
	hasEvidence
	hasRest
)

// encodeSheet appends a sheet in layout 1 to b: year, unit, published
// total, then the scores in code order (the same sheet is always the
// same bytes), each as its code, a flag byte and the values it has.
func encodeSheet(b []byte, s *data.Sheet) ([]byte, error) {
	b = append(b, layoutSheet)
	b = binary.AppendVarint(b, int64(s.Year))
	b = appendString(b, s.Unit)
	if s.Published != nil {
		b = append(b, 1)
		b = binary.AppendVarint(b, int64(*s.Published))
	} else {
		b = append(b, 0)
	}
	codes := make([]string, 0, len(s.Scores))
	for c := range s.Scores {
		codes = append(codes, c)
	}
	slices.SortFunc(codes, strings.Compare)
	b = binary.AppendUvarint(b, uint64(len(codes)))
	var err error
	for _, c := range codes {
		sc := s.Scores[c]
		b = appendString(b, c)
		var flags byte
		if sc.Self != nil {
			flags |= hasSelf
		}
		if sc.Appraised != nil {
			flags |= hasAppraised
		}
		if sc.Note != "" {
			flags |= hasNote
		}
		if sc.Evidence != "" {
			flags |= hasEvidence
		}
		at := len(b)
		b = append(b, flags)
		if sc.Self != nil {
			b = binary.AppendVarint(b, int64(*sc.Self))
		}
		if sc.Appraised != nil {
			b = binary.AppendVarint(b, int64(*sc.Appraised))
		}
		if sc.Note != "" {
			b = appendString(b, sc.Note)
		}
		if sc.Evidence != "" {
			b = appendString(b, sc.Evidence)
		}
		if len(scoreFields.extra) > 0 {
			n := len(b)
			if b, err = scoreFields.appendRest(b, reflect.ValueOf(&sc).Elem()); err != nil {
				return nil, err
			}
			if b[n] == 0 {
				b = b[:n] // nothing beyond the named fields: no byte for it
			} else {
				b[at] |= hasRest
			}
		}
	}
	return sheetFields.appendRest(b, reflect.ValueOf(s).Elem())
}

func decodeSheet(raw []byte, s *data.Sheet) error {
	r := reader{b: raw[1:]}
	*s = data.Sheet{Year: int(r.varint()), Unit: r.string()}
	if r.byte() == 1 {
		p := data.Points(r.varint())
		s.Published = &p
	}
	n := r.uvarint()
	if r.err == nil && n > uint64(len(r.b)) {
		r.err = errCut // at least a byte a score
	}
	s.Scores = make(map[string]data.Score, n)
	// The points of a sheet share one block: one allocation, not two a
	// score, when a year's thousands of sheets are read for a ranking.
	points := make([]data.Points, 0, 2*n)
	for range n {
		if r.err != nil {
			break
		}
		code := r.string()
		flags := r.byte()
		var sc data.Score
		if flags&hasSelf != 0 {
			points = append(points, data.Points(r.varint()))
			sc.Self = &points[len(points)-1]
		}
		if flags&hasAppraised != 0 {
			points = append(points, data.Points(r.varint()))
			sc.Appraised = &points[len(points)-1]
		}
		if flags&hasNote != 0 {
			sc.Note = r.string()
		}
		if flags&hasEvidence != 0 {
			sc.Evidence = r.string()
		}
		if flags&hasRest != 0 {
			if rest := r.bytes(); r.err == nil {
				if err := scoreFields.setRest(reflect.ValueOf(&sc).Elem(), rest); err != nil {
					return err
				}
			}
		}
		if flags&^(hasSelf|hasAppraised|hasNote|hasEvidence|hasRest) != 0 {
			r.err = errCut
		}
		s.Scores[code] = sc
	}
	rest := r.bytes()
	if err := r.end(); err != nil {
		return err
	}
	return sheetFields.setRest(reflect.ValueOf(s).Elem(), rest)
}

// validValue reports whether a stored value is one ParDesk writes: JSON,
// or an audit entry or sheet in its compact layout that decodes whole.
func validValue(v []byte) bool {
	if isCompact(v) {
		return checkCompact(v)
	}
	return utf8.Valid(v) && json.Valid(v)
}
