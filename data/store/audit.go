package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pardesk/pardesk/data"
)

// The audit trail is append-only, keyed by the bucket's sequence as 16
// digits, so key order is the order of the changes. Entries are written in
// the same transaction as the change they describe: a change is never
// stored without its record, nor a record without its change.
const bucketAudit = "audit"

// SetReason gives the reason recorded with the changes that follow in this
// transaction (an unlock, a deleted criterion, a corrected score).
func (tx *Tx) SetReason(reason string) { tx.reason = data.Clean(reason) }

// record appends an entry, stamped with the time, the officer and the
// transaction's reason.
func (tx *Tx) record(e data.AuditEntry) error {
	b := tx.audit
	if b == nil {
		var err error
		if b, err = tx.bolt.CreateBucketIfNotExists([]byte(bucketAudit)); err != nil {
			return err
		}
		tx.audit = b
	}
	// Keys only ever grow, so pages split full: at bbolt's default of half
	// full the trail would take twice the room on disk and in every write.
	b.FillPercent = 1.0
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	e.Seq, e.At, e.Officer = seq, tx.now(), tx.officer
	if e.Reason == "" {
		e.Reason = tx.reason
	}
	raw, err := tx.encodeAudit(e)
	if err != nil {
		return fmt.Errorf("store: %s/%d: %w", bucketAudit, seq, err)
	}
	var kb [24]byte
	if err := b.Put(tx.keep(appendAuditKey(kb[:0], seq)), raw); err != nil {
		return err
	}
	return tx.index(&e)
}

// auditKey is the sequence as 16 digits, so byte order is the order of the
// changes.
func auditKey(seq uint64) []byte { return appendAuditKey(make([]byte, 0, 16), seq) }

// appendAuditKey appends auditKey(seq) to b.
func appendAuditKey(b []byte, seq uint64) []byte {
	var d [20]byte
	digits := strconv.AppendUint(d[:0], seq, 10)
	for range 16 - len(digits) {
		b = append(b, '0')
	}
	return append(b, digits...)
}

// Audit returns the entries that match the filter, newest first. A
// unit's entries are read through the history index (history.go).
func (tx *Tx) Audit(f data.AuditFilter) ([]data.AuditEntry, error) {
	if f.Unit != "" {
		return tx.history(f)
	}
	var out []data.AuditEntry
	err := each(tx.bolt, bucketAudit, "", func(_ string, e data.AuditEntry) error {
		if f.Match(e) {
			out = append(out, e)
		}
		return nil
	})
	slices.Reverse(out)
	return out, err
}

// pointsText prints an optional score for the audit trail ("" when not
// entered).
func pointsText(p *data.Points) string {
	if p == nil {
		return ""
	}
	return p.Short()
}

// recordSheet records every score, note and published total that differs
// between the stored sheet and the one about to be stored: one entry per
// criterion whose values changed, naming the fields that changed. A
// single field reads as before ("1.1 · Thẩm định", 15 → 16,5); several
// are listed in the item and their values in the same order, joined by
// " · ", an empty value as "–" ("1.1 · Tự đánh giá, Thẩm định", "" →
// "18 · 15"); a side with no value at all is left empty. A fresh score
// is one entry rather than one per field: an import writes a hundred
// thousand of them in one transaction.
func (tx *Tx) recordSheet(old, cur *data.Sheet) error {
	codes := make([]string, 0, len(cur.Scores)+len(old.Scores))
	for c := range cur.Scores {
		codes = append(codes, c)
	}
	for c := range old.Scores {
		if _, ok := cur.Scores[c]; !ok {
			codes = append(codes, c)
		}
	}
	slices.SortFunc(codes, compareCodes)
	var names, olds, news []string
	for _, code := range codes {
		o, n := old.Scores[code], cur.Scores[code]
		if o.Same(n) {
			continue
		}
		names, olds, news = names[:0], olds[:0], news[:0]
		removed, added := filesChange(o.Files, n.Files) // evidence.go
		for _, f := range [...]struct{ name, old, new string }{
			{"Tự đánh giá", valueText(o.SelfValue()), valueText(n.SelfValue())},
			{"Thẩm định", valueText(o.AppraisedValue()), valueText(n.AppraisedValue())},
			{"Ghi chú", o.Note, n.Note},
			{"Tài liệu kiểm chứng", o.Evidence, n.Evidence},
			{"Tệp kiểm chứng", removed, added},
		} {
			if f.old != f.new {
				names, olds, news = append(names, f.name), append(olds, f.old), append(news, f.new)
			}
		}
		if len(names) == 0 {
			continue
		}
		if err := tx.record(data.AuditEntry{Kind: data.AuditScore, Year: cur.Year, Unit: cur.Unit,
			Item: code + " · " + strings.Join(names, ", "), Old: joinValues(olds), New: joinValues(news)}); err != nil {
			return err
		}
	}
	if o, n := pointsText(old.Published), pointsText(cur.Published); o != n {
		return tx.record(data.AuditEntry{Kind: data.AuditScore, Year: cur.Year, Unit: cur.Unit, Item: "Tổng điểm công bố", Old: o, New: n})
	}
	return nil
}

// valueText prints one side of a score for the audit trail: the points,
// "Không áp dụng", or a tỷ lệ criterion's counts with the points they gave
// ("45/50 → 4,5").
func valueText(v data.Value) string {
	switch {
	case v.NA:
		return "Không áp dụng"
	case v.Counts != nil:
		return v.Counts.String() + " → " + pointsText(v.Points)
	}
	return pointsText(v.Points)
}

// joinValues prints the old or new values of the fields of one entry: one
// value as it is; several joined by " · ", an empty one as "–"; "" when
// none of them has a value.
func joinValues(vs []string) string {
	if len(vs) == 1 || !slices.ContainsFunc(vs, func(v string) bool { return v != "" }) {
		return strings.Join(vs, "")
	}
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteString(" · ")
		}
		if v == "" {
			v = "–"
		}
		b.WriteString(v)
	}
	return b.String()
}

// compareCodes orders criterion codes the way frameworks number them:
// "2.10" after "2.9".
func compareCodes(a, b string) int {
	for a != "" || b != "" {
		var na, nb int
		var sa, sb string
		na, sa, a = splitCode(a)
		nb, sb, b = splitCode(b)
		if na != nb {
			return na - nb
		}
		if sa != sb {
			if sa < sb {
				return -1
			}
			return 1
		}
	}
	return 0
}

// splitCode takes the first dot-separated part of a code: its number (-1
// when not numeric), its text and the rest.
func splitCode(c string) (n int, part, rest string) {
	part, rest = c, ""
	for i := 0; i < len(c); i++ {
		if c[i] == '.' {
			part, rest = c[:i], c[i+1:]
			break
		}
	}
	n = -1
	if part != "" {
		n = 0
		for _, r := range part {
			if r < '0' || r > '9' {
				return -1, part, rest
			}
			n = n*10 + int(r-'0')
		}
	}
	return n, part, rest
}
