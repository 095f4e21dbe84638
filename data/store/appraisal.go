package store

import (
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
)

// Appraisals (where each unit's sheet stands in the year's loop, and the
// unit's explanations) are keyed like sheets, "2023/CODE". They live beside
// the sheets rather than in them, so that an import or a pasted column of
// scores never touches an explanation.
const bucketAppraisals = "appraisals"

// Appraisal returns a unit's appraisal for a year; a unit that never
// submitted is at chưa nộp.
func (tx *Tx) Appraisal(year int, unit string) (*data.Appraisal, error) {
	a, ok, err := get[data.Appraisal](tx.bolt, bucketAppraisals, yearPrefix(year)+unit)
	if err != nil || !ok {
		return data.NewAppraisal(year, unit), err
	}
	return &a, nil
}

// Appraisals returns the stored appraisals of a year by unit code; a unit
// absent from it is at chưa nộp.
func (tx *Tx) Appraisals(year int) (map[string]*data.Appraisal, error) {
	prefix := yearPrefix(year)
	out := map[string]*data.Appraisal{}
	err := each(tx.bolt, bucketAppraisals, prefix, func(k string, a data.Appraisal) error {
		out[strings.TrimPrefix(k, prefix)] = &a
		return nil
	})
	return out, err
}

// Status returns where a unit's sheet stands in a year.
func (tx *Tx) Status(year int, unit string) (data.SheetStatus, error) {
	a, err := tx.Appraisal(year, unit)
	return a.Status, err
}

func (tx *Tx) putAppraisal(a *data.Appraisal) error {
	return put(tx.bolt, bucketAppraisals, yearPrefix(a.Year)+a.Unit, a)
}

// loopContext reads what every change of the loop checks: the year is
// open, the unit exists, the framework, the unit's sheet and appraisal.
func (tx *Tx) loopContext(year int, unit string) (*data.Framework, *data.Sheet, *data.Appraisal, error) {
	if err := tx.CheckUnlocked(year); err != nil {
		return nil, nil, nil, err
	}
	if _, ok, err := get[data.Unit](tx.bolt, bucketUnits, unit); err != nil {
		return nil, nil, nil, err
	} else if !ok {
		return nil, nil, nil, data.Errorf(data.ENOTFOUND, "Không có đơn vị mã %q", unit)
	}
	f, err := tx.Framework(year)
	if err != nil {
		return nil, nil, nil, err
	}
	s, err := tx.Sheet(year, unit)
	if err != nil {
		return nil, nil, nil, err
	}
	a, err := tx.Appraisal(year, unit)
	return f, s, a, err
}

// Step moves a unit's sheet one status forward, when what the step needs
// is there (data.CheckStep), or one status back with a reason. The date of
// the status reached is today; a step back forgets the date of the status
// it leaves. A locked year refuses every step. The audit trail keeps who,
// when, the old and new status and the reason.
func (tx *Tx) Step(year int, unit string, to data.SheetStatus, reason string) error {
	f, s, a, err := tx.loopContext(year, unit)
	if err != nil {
		return err
	}
	reason = data.Clean(reason)
	if err := data.CheckStep(f, s, a, to, reason); err != nil {
		return err
	}
	from := a.Status
	if a.Dates == nil {
		a.Dates = map[data.SheetStatus]time.Time{}
	}
	if to.Index() < from.Index() {
		delete(a.Dates, from)
	} else {
		reason = ""
		now := tx.now()
		a.Dates[to] = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.Local)
	}
	a.Status = to
	if err := tx.putAppraisal(a); err != nil {
		return err
	}
	return tx.record(data.AuditEntry{Kind: data.AuditAppraisal, Year: year, Unit: unit, Item: "Trạng thái phiếu điểm",
		Old: from.Label(), New: to.Label(), Reason: reason})
}

// SetDeadline sets the date by which the unit explains, printed on the
// appraisal notice: before the appraisal step, which needs it, or after it
// to extend it.
func (tx *Tx) SetDeadline(year int, unit string, deadline time.Time) error {
	_, _, a, err := tx.loopContext(year, unit)
	if err != nil {
		return err
	}
	if deadline.IsZero() {
		return data.Errorf(data.EINVALID, "Hạn giải trình: chưa nhập (dạng 09/06/2023)")
	}
	if a.Status != data.StatusSubmitted && a.Status != data.StatusAppraised {
		return data.Errorf(data.ECONFLICT, "Hạn giải trình của đơn vị %s: chỉ đặt được khi phiếu ở bước «%s» hoặc «%s» (đang ở «%s»)",
			unit, data.StatusSubmitted.Label(), data.StatusAppraised.Label(), a.Status.Label())
	}
	if a.Deadline.Equal(deadline) {
		return nil
	}
	old := data.FormatDate(a.Deadline)
	a.Deadline = deadline
	if err := tx.putAppraisal(a); err != nil {
		return err
	}
	return tx.record(data.AuditEntry{Kind: data.AuditAppraisal, Year: year, Unit: unit, Item: "Hạn giải trình",
		Old: old, New: data.FormatDate(deadline)})
}

// SetExplanation records the unit's explanation on a criterion it was
// marked down on, with the appraisal it answers; an explanation with no
// text and no evidence withdraws it.
func (tx *Tx) SetExplanation(year int, unit, code string, e data.Explanation) error {
	f, s, a, err := tx.loopContext(year, unit)
	if err != nil {
		return err
	}
	c := f.Find(code)
	if c == nil || !c.IsLeaf() {
		return data.Errorf(data.EINVALID, "Mã tiêu chí %s không có trong bộ chỉ số năm %d", code, year)
	}
	e.Text, e.Evidence = data.CleanMultiline(e.Text), data.CleanMultiline(e.Evidence)
	old, had := a.Explanations[code]
	if e.Text == "" && e.Evidence == "" {
		if !had {
			return nil
		}
		if !data.ExplanationEditable(a.Status) {
			return data.CheckExplanation(c, s, a, e)
		}
		delete(a.Explanations, code)
	} else {
		if err := data.CheckExplanation(c, s, a, e); err != nil {
			return err
		}
		if had && old.Text == e.Text && old.Evidence == e.Evidence {
			return nil
		}
		// The appraisal answered is the first one; a changed explanation
		// is decided anew.
		e.Appraised = s.Appraised(code)
		if had {
			e.Appraised = old.Appraised
		}
		e.Decision, e.Reason = data.DecisionNone, ""
		if a.Explanations == nil {
			a.Explanations = map[string]data.Explanation{}
		}
		a.Explanations[code] = e
	}
	if err := tx.putAppraisal(a); err != nil {
		return err
	}
	return tx.record(data.AuditEntry{Kind: data.AuditAppraisal, Year: year, Unit: unit, Item: code + " · Giải trình",
		Old: explanationText(old.Text, old.Evidence), New: explanationText(e.Text, e.Evidence)})
}

func explanationText(text, evidence string) string {
	if evidence == "" {
		return text
	}
	return text + " · Tài liệu: " + evidence
}

// Decide records the office's decision on an explanation and sets the
// criterion's final points: the appraised score becomes final, whatever
// the unit claimed (accepted: usually raised to what the explanation
// justifies; refused: usually left as appraised). Decision and points are
// one transaction and both audited.
func (tx *Tx) Decide(year int, unit, code string, d data.Decision, reason string, final data.Points) error {
	f, s, a, err := tx.loopContext(year, unit)
	if err != nil {
		return err
	}
	c := f.Find(code)
	if c == nil || !c.IsLeaf() {
		return data.Errorf(data.EINVALID, "Mã tiêu chí %s không có trong bộ chỉ số năm %d", code, year)
	}
	reason = data.CleanMultiline(reason)
	if err := data.CheckDecision(c, a, d, reason, final); err != nil {
		return err
	}
	e := a.Explanations[code]
	old := decisionText(e.Decision, e.Reason)
	e.Decision, e.Reason = d, reason
	a.Explanations[code] = e
	if err := tx.putAppraisal(a); err != nil {
		return err
	}
	if nw := decisionText(d, reason); nw != old {
		if err := tx.record(data.AuditEntry{Kind: data.AuditAppraisal, Year: year, Unit: unit, Item: code + " · Quyết định về giải trình",
			Old: old, New: nw}); err != nil {
			return err
		}
	}
	sc := s.Scores[code]
	if sc.Appraised != nil && *sc.Appraised == final {
		return nil
	}
	sc.Appraised = &final
	s.Scores[code] = sc
	return tx.PutSheet(s)
}

func decisionText(d data.Decision, reason string) string {
	if d == data.DecisionNone {
		return ""
	}
	if reason == "" {
		return d.Label()
	}
	return d.Label() + ": " + reason
}

// checkLoopEdits refuses a change of scores that the sheet's status no
// longer allows: self scores once submitted, appraised scores once closed
// (chốt). The officer steps the sheet back, with a reason, to change them.
func (tx *Tx) checkLoopEdits(old, cur *data.Sheet) error {
	b := tx.bolt.Bucket([]byte(bucketAppraisals))
	if b == nil || b.Get([]byte(yearPrefix(cur.Year)+cur.Unit)) == nil {
		return nil // chưa nộp: everything may change
	}
	a, err := tx.Appraisal(cur.Year, cur.Unit)
	if err != nil {
		return err
	}
	selfOK, apprOK := data.SelfEditable(a.Status), data.AppraisedEditable(a.Status)
	if selfOK && apprOK {
		return nil
	}
	codes := make(map[string]bool, len(cur.Scores))
	for c := range cur.Scores {
		codes[c] = true
	}
	for c := range old.Scores {
		// A criterion taken out of the framework takes its scores with
		// it, whatever the status: that is the framework's change, with
		// its own reason in the audit trail.
		if !tx.dropped[c] {
			codes[c] = true
		}
	}
	for code := range codes {
		o, n := old.Scores[code], cur.Scores[code]
		switch {
		case !selfOK && !o.SelfValue().Same(n.SelfValue()):
			return data.Errorf(data.ECONFLICT, "Tiêu chí %s: điểm tự đánh giá của đơn vị %s đã nộp (bước «%s») nên không sửa được; muốn sửa, hãy trả phiếu về bước «%s» và ghi rõ lý do",
				code, cur.Unit, a.Status.Label(), data.StatusDraft.Label())
		case !apprOK && !o.AppraisedValue().Same(n.AppraisedValue()):
			return data.Errorf(data.ECONFLICT, "Tiêu chí %s: kết quả của đơn vị %s đã chốt nên không sửa được điểm thẩm định; muốn sửa, hãy trả phiếu về bước «%s» và ghi rõ lý do",
				code, cur.Unit, data.StatusReappraised.Label())
		}
	}
	if !apprOK && !data.SamePoints(old.Published, cur.Published) {
		return data.Errorf(data.ECONFLICT, "Tổng điểm công bố: kết quả của đơn vị %s đã chốt nên không sửa được; muốn sửa, hãy trả phiếu về bước «%s» và ghi rõ lý do",
			cur.Unit, data.StatusReappraised.Label())
	}
	return nil
}

// NotFinal lists the units that have a sheet for the year but are not
// chốt, in unit order: locking the year asks first when there are some.
func (tx *Tx) NotFinal(year int) ([]data.Unit, error) {
	sheets, err := tx.Sheets(year)
	if err != nil {
		return nil, err
	}
	as, err := tx.Appraisals(year)
	if err != nil {
		return nil, err
	}
	units, err := tx.Units()
	if err != nil {
		return nil, err
	}
	var out []data.Unit
	for _, u := range units {
		if _, ok := sheets[u.Code]; !ok {
			continue
		}
		if a, ok := as[u.Code]; !ok || a.Status != data.StatusFinal {
			out = append(out, u)
		}
	}
	return out, nil
}

// Backdate makes the writes that follow in this transaction carry day as
// their date, in the steps' dates and in the audit trail, until the
// returned function is called: a step taken on paper (a self-assessment
// received by post on 04/03/2024) is recorded on the day it happened.
func (tx *Tx) Backdate(day time.Time) (restore func()) {
	prev := tx.now
	tx.now = func() time.Time { return day }
	return func() { tx.now = prev }
}
