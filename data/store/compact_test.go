package store

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
)

// fill sets every field of v, however deep, to a value that is not the
// zero value, so that a field added to data.AuditEntry, data.Sheet or
// data.Score later is filled too and a codec that dropped it fails the
// round trip.
func fill(v reflect.Value, n int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("Giá trị %d · Thẩm định, Ghi chú", n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(n + 7))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(n + 9))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(n) + 0.5)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n+1)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		fill(v.Index(0), n+2)
		fill(v.Index(1), n+3)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for i := range 2 {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fill(k, n+10*i)
			fill(e, n+10*i+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2023, 6, 9, 14, 30, 5, 123456789, time.UTC).Add(time.Duration(n) * time.Hour)))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n+i)
			}
		}
	}
}

// Every field of an audit entry and of a sheet and its scores comes back
// from the compact layouts as it went in, fields added after the layout
// was written included.
func TestCompactRoundTripsEveryField(t *testing.T) {
	var e data.AuditEntry
	fill(reflect.ValueOf(&e).Elem(), 1)
	raw, err := (&Tx{}).encodeAudit(e)
	if err != nil {
		t.Fatal(err)
	}
	var got data.AuditEntry
	if err := decodeValue(raw, &got); err != nil || !reflect.DeepEqual(got, e) || raw[0] != layoutAudit {
		t.Errorf("audit entry: %v\n got %+v\nwant %+v", err, got, e)
	}
	if !validValue(raw) {
		t.Error("the whole check refuses a compact audit entry")
	}

	var s data.Sheet
	fill(reflect.ValueOf(&s).Elem(), 3)
	raw, err = encodeValue(&s)
	if err != nil {
		t.Fatal(err)
	}
	var gs data.Sheet
	if err := decodeValue(raw, &gs); err != nil || !reflect.DeepEqual(gs, s) || raw[0] != layoutSheet {
		t.Errorf("sheet: %v\n got %+v\nwant %+v", err, gs, s)
	}
	if !validValue(raw) {
		t.Error("the whole check refuses a compact sheet")
	}
	// The same sheet is always the same bytes, whatever the map's order.
	for range 5 {
		again, _ := encodeValue(&s)
		if string(again) != string(raw) {
			t.Fatal("a sheet encodes to different bytes on a second try")
		}
	}
}

// A sheet stored by an earlier version (JSON) reads as before, and a
// compact value is never taken for another type.
func TestCompactReadsJSONAndRefusesWrongType(t *testing.T) {
	p := data.P(4, 90)
	want := data.Sheet{Year: 2022, Unit: "NBI", Scores: map[string]data.Score{"6.1": {Appraised: &p, Note: "Thiếu báo cáo"}}}
	old, _ := json.Marshal(want)
	var got data.Sheet
	if err := decodeValue(old, &got); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("JSON sheet: %v %+v", err, got)
	}
	raw, _ := encodeValue(want)
	if len(raw) >= len(old)/2 {
		t.Errorf("compact sheet %d bytes, JSON %d: want under half", len(raw), len(old))
	}
	var e data.AuditEntry
	if err := decodeValue(raw, &e); err == nil {
		t.Error("a compact sheet decoded as an audit entry")
	}
}

// Text with phrases, the escape bytes, long values and odd UTF-8 comes
// back byte for byte; the zones come back as JSON gives them.
func TestCompactAuditTexts(t *testing.T) {
	texts := []string{"", "Nguyễn Văn An", "1.1 · Tự đánh giá, Thẩm định, Ghi chú, Tài liệu kiểm chứng", "a<b>&c",
		"tab\tnew\nline\r\"q\" \\", "\b\f\x00\x01\x1f\x7f", "bad \xff utf8", "sep \u2028 \u2029", "😀 ngoài BMP", "4,9",
		string(make([]byte, 300)), "Khóa năm 2023", "score", " ·", "Tổng điểm công bố"}
	zones := []*time.Location{time.UTC, time.FixedZone("ICT", 7*3600), time.FixedZone("odd", -(3*3600 + 30*60)), time.Local}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func() string { return texts[rng.IntN(len(texts))] + texts[rng.IntN(len(texts))] }
	tx := &Tx{}
	for i := range 3000 {
		e := data.AuditEntry{
			Seq: rng.Uint64() >> rng.IntN(64), At: time.Unix(rng.Int64N(4e9)-1e9, rng.Int64N(1e9)*int64(i%2)).In(zones[i%4]),
			Officer: pick(), Kind: pick(), Year: rng.IntN(3) * 2023, Unit: pick(), Item: pick(), Old: pick(), New: pick(), Reason: pick(),
		}
		raw, err := tx.encodeAudit(e)
		if err != nil {
			t.Fatal(err)
		}
		var got data.AuditEntry
		if err := decodeValue(raw, &got); err != nil {
			t.Fatalf("entry %+v: %v", e, err)
		}
		// What JSON would have given back is the reference for the time.
		j, _ := json.Marshal(e)
		var viaJSON data.AuditEntry
		json.Unmarshal(j, &viaJSON)
		viaJSON.Officer, viaJSON.Kind, viaJSON.Unit, viaJSON.Item, viaJSON.Old, viaJSON.New, viaJSON.Reason = e.Officer, e.Kind, e.Unit, e.Item, e.Old, e.New, e.Reason
		if !reflect.DeepEqual(got, viaJSON) {
			t.Fatalf("entry:\n got %+v\nwant %+v", got, viaJSON)
		}
	}
}

// A compact value cut short or with a byte changed in its structure is
// refused by the decoder (and so by the whole check), never a crash.
func TestCompactDamaged(t *testing.T) {
	e := data.AuditEntry{Seq: 12, At: time.Date(2023, 6, 9, 8, 0, 0, 0, time.UTC), Officer: "Nguyễn Thị Lan", Kind: data.AuditScore,
		Year: 2023, Unit: "NBI", Item: "1.1 · Thẩm định", Old: "15", New: "16,5"}
	raw, _ := (&Tx{}).encodeAudit(e)
	p := data.P(3, 0)
	sraw, _ := encodeValue(&data.Sheet{Year: 2023, Unit: "NBI", Scores: map[string]data.Score{"1.1": {Self: &p, Appraised: &p}}})
	for _, v := range [][]byte{raw, sraw} {
		for n := 1; n < len(v); n++ {
			if validValue(v[:n]) {
				t.Errorf("%x cut to %d bytes passes the check", v, n)
			}
		}
		if validValue(append(append([]byte{}, v...), 0)) {
			t.Errorf("%x with a byte more passes the check", v)
		}
	}
}

// A field the layout does not name travels as JSON beside the compact
// fields: what keeps a field another change adds to a stored struct.
func TestLayoutRest(t *testing.T) {
	type later struct {
		Code   string `json:"code"`
		Status string `json:"status"`
		Files  []string
	}
	l := layoutOf(reflect.TypeFor[later](), "Code")
	v := later{Code: "1.1", Status: "Đã thẩm định", Files: []string{"a.pdf"}}
	b, err := l.appendRest(nil, reflect.ValueOf(v))
	if err != nil {
		t.Fatal(err)
	}
	r := reader{b: b}
	rest := r.bytes()
	var got later
	got.Code = v.Code
	if err := l.setRest(reflect.ValueOf(&got).Elem(), rest); err != nil || !reflect.DeepEqual(got, v) {
		t.Errorf("%v: got %+v", err, got)
	}
	empty, _ := l.appendRest(nil, reflect.ValueOf(later{Code: "2"}))
	if len(empty) != 1 || empty[0] != 0 {
		t.Errorf("no field beyond the layout costs %d bytes, want 1", len(empty))
	}
}

// Audit keys are the sequence in 16 digits, so that byte order is the
// order of the changes; a longer sequence keeps all its digits.
func TestAuditKey(t *testing.T) {
	for seq, want := range map[uint64]string{0: "0000000000000000", 7: "0000000000000007", 1234567890123456: "1234567890123456", 12345678901234567: "12345678901234567"} {
		if got := string(auditKey(seq)); got != want {
			t.Errorf("auditKey(%d) = %s, want %s", seq, got, want)
		}
	}
}
