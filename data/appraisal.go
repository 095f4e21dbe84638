package data

import (
	"fmt"
	"strings"
	"time"
)

// SheetStatus is where a unit's sheet stands in the year's appraisal:
// the unit assesses itself and submits, the office appraises, the unit
// explains where it was marked down, the office appraises again and the
// result is closed (chốt).
type SheetStatus string

const (
	StatusDraft       SheetStatus = ""            // chưa nộp: the unit is still assessing itself
	StatusSubmitted   SheetStatus = "submitted"   // đã nộp: the self-assessment is complete
	StatusAppraised   SheetStatus = "appraised"   // đã thẩm định: the office's scores are set, the notice goes out
	StatusExplaining  SheetStatus = "explaining"  // giải trình: the unit's explanations are in
	StatusReappraised SheetStatus = "reappraised" // thẩm định lại: every explanation is decided
	StatusFinal       SheetStatus = "final"       // chốt: the result is closed
)

// AuditAppraisal marks the audit entries of the appraisal loop: a step of
// a sheet, a deadline, an explanation, a decision.
const AuditAppraisal = "appraisal"

// Statuses lists the statuses in the order a sheet goes through them.
var Statuses = []SheetStatus{StatusDraft, StatusSubmitted, StatusAppraised, StatusExplaining, StatusReappraised, StatusFinal}

// Label is the status as the office says it.
func (s SheetStatus) Label() string {
	switch s {
	case StatusDraft:
		return "Chưa nộp"
	case StatusSubmitted:
		return "Đã nộp"
	case StatusAppraised:
		return "Đã thẩm định"
	case StatusExplaining:
		return "Giải trình"
	case StatusReappraised:
		return "Thẩm định lại"
	case StatusFinal:
		return "Chốt"
	}
	return string(s)
}

// CountLabel is the status in a count of units: "7 đơn vị chưa nộp,
// 3 đang giải trình".
func (s SheetStatus) CountLabel() string {
	switch s {
	case StatusExplaining:
		return "đang giải trình"
	case StatusReappraised:
		return "đã thẩm định lại"
	case StatusFinal:
		return "đã chốt"
	}
	return strings.ToLower(s.Label())
}

// StepLabel names the step that brings a sheet to s: what the button says.
func (s SheetStatus) StepLabel() string {
	switch s {
	case StatusSubmitted:
		return "Nộp tự đánh giá"
	case StatusAppraised:
		return "Thẩm định"
	case StatusExplaining:
		return "Nhận giải trình"
	case StatusReappraised:
		return "Thẩm định lại"
	case StatusFinal:
		return "Chốt kết quả"
	}
	return s.Label()
}

// Index is the position of s in Statuses, -1 for an unknown status.
func (s SheetStatus) Index() int {
	for i, st := range Statuses {
		if st == s {
			return i
		}
	}
	return -1
}

// Next is the status one step forward; ok is false from chốt.
func (s SheetStatus) Next() (next SheetStatus, ok bool) {
	i := s.Index()
	if i < 0 || i+1 >= len(Statuses) {
		return s, false
	}
	return Statuses[i+1], true
}

// Prev is the status one step back; ok is false from chưa nộp.
func (s SheetStatus) Prev() (prev SheetStatus, ok bool) {
	i := s.Index()
	if i <= 0 {
		return s, false
	}
	return Statuses[i-1], true
}

// ParseStatus reads a status by its label, with or without tone marks
// ("giai trinh"), or by its stored name.
func ParseStatus(text string) (SheetStatus, error) {
	t := Fold(Clean(text))
	for _, s := range Statuses {
		if t == Fold(s.Label()) || t == string(s) && s != StatusDraft {
			return s, nil
		}
	}
	names := make([]string, len(Statuses))
	for i, s := range Statuses {
		names[i] = s.Label()
	}
	return "", errorf(EINVALID, "Trạng thái %q không có; chọn một trong: %s", text, strings.Join(names, ", "))
}

// Decision is the office's answer to an explanation.
type Decision string

const (
	DecisionNone     Decision = ""
	DecisionAccepted Decision = "accepted" // chấp nhận: the final points are the office's new appraisal
	DecisionRefused  Decision = "refused"  // không chấp nhận: the appraisal stands
)

// Label is the decision as printed.
func (d Decision) Label() string {
	switch d {
	case DecisionAccepted:
		return "Chấp nhận"
	case DecisionRefused:
		return "Không chấp nhận"
	}
	return "Chưa quyết định"
}

// Explanation is a unit's answer on one criterion where the appraisal is
// below its self score, and the office's decision on it.
type Explanation struct {
	Text     string `json:"text"`
	Evidence string `json:"evidence,omitempty"` // the document that backs it
	// Appraised is the appraisal the unit answered: the points before the
	// re-appraisal, which the scorecard prints beside the final ones.
	Appraised Points   `json:"appraised"`
	Decision  Decision `json:"decision,omitempty"`
	Reason    string   `json:"reason,omitempty"` // why the office decided so
}

// Appraisal is a unit's appraisal for a year: the status of its sheet, the
// date each status was reached, the date by which the unit explains, and
// its explanations by criterion code.
type Appraisal struct {
	Year         int                       `json:"year"`
	Unit         string                    `json:"unit"`
	Status       SheetStatus               `json:"status,omitempty"`
	Dates        map[SheetStatus]time.Time `json:"dates,omitempty"`
	Deadline     time.Time                 `json:"deadline,omitzero"`
	Explanations map[string]Explanation    `json:"explanations,omitempty"`
}

// NewAppraisal is the appraisal of a sheet not submitted yet.
func NewAppraisal(year int, unit string) *Appraisal {
	return &Appraisal{Year: year, Unit: unit}
}

// DefaultDeadlineDays is how long a unit has to explain by default, from
// the appraisal date.
const DefaultDeadlineDays = 7

// DefaultDeadline is the deadline to explain for an appraisal on day.
func DefaultDeadline(day time.Time) time.Time { return day.AddDate(0, 0, DefaultDeadlineDays) }

// Disputed lists, in framework order, the leaves whose appraised points
// are below the unit's self score: those the notice lists and the unit may
// explain.
func Disputed(f *Framework, s *Sheet) []*Criterion {
	var out []*Criterion
	f.Leaves(func(_, leaf *Criterion) {
		if sc := s.Scores[leaf.Code]; sc.Self != nil && sc.Appraised != nil && *sc.Appraised < *sc.Self {
			out = append(out, leaf)
		}
	})
	return out
}

// CheckStep says whether a sheet may go from a's status to "to" now: one
// step forward when what that step needs is there, or one step back with a
// reason. The refusal names the criteria that are missing something.
func CheckStep(f *Framework, s *Sheet, a *Appraisal, to SheetStatus, reason string) error {
	from := a.Status
	if to.Index() < 0 {
		return errorf(EINVALID, "Trạng thái %q không có", string(to))
	}
	if prev, ok := from.Prev(); ok && prev == to {
		if Clean(reason) == "" {
			return errorf(EINVALID, "Lý do trả lại bước «%s» của đơn vị %s: chưa nhập", from.Label(), a.Unit)
		}
		return nil
	}
	if next, ok := from.Next(); !ok || next != to {
		return errorf(ECONFLICT, "Phiếu điểm năm %d của đơn vị %s đang ở bước «%s»: không chuyển sang «%s» được; mỗi lần chỉ tiến một bước hoặc lùi một bước (có lý do)",
			a.Year, a.Unit, from.Label(), to.Label())
	}
	var missing []string
	switch to {
	case StatusSubmitted:
		// The self-assessment is complete when every scored leaf has a
		// self answer (points, counts or "không áp dụng"); survey
		// components, bonus and penalty are the office's to enter.
		for i := range f.Areas {
			if f.Areas[i].Kind != KindScored {
				continue
			}
			walkLeaves(&f.Areas[i], func(l *Criterion) {
				if s.Scores[l.Code].SelfValue().Empty() {
					missing = append(missing, l.Code)
				}
			})
		}
		if len(missing) > 0 {
			return errorf(EINVALID, "Chưa nộp được: đơn vị %s chưa tự đánh giá %s", a.Unit, criteriaList(missing))
		}
	case StatusAppraised:
		f.Leaves(func(_, l *Criterion) {
			if sc := s.Scores[l.Code]; !sc.SelfValue().Empty() && sc.AppraisedValue().Empty() {
				missing = append(missing, l.Code)
			}
		})
		if len(missing) > 0 {
			return errorf(EINVALID, "Chưa thẩm định xong: đơn vị %s chưa có điểm thẩm định ở %s", a.Unit, criteriaList(missing))
		}
		if a.Deadline.IsZero() {
			return errorf(EINVALID, "Hạn giải trình: chưa nhập (dạng 09/06/2023)")
		}
	case StatusReappraised:
		f.Leaves(func(_, l *Criterion) {
			if e, ok := a.Explanations[l.Code]; ok && e.Decision == DecisionNone {
				missing = append(missing, l.Code)
			}
		})
		if len(missing) > 0 {
			return errorf(EINVALID, "Chưa thẩm định lại xong: giải trình của đơn vị %s ở %s chưa có quyết định chấp nhận hay không chấp nhận", a.Unit, criteriaList(missing))
		}
	}
	return nil
}

// criteriaList names criteria in a message: "tiêu chí 1.1, 2.3 và 4 tiêu
// chí khác".
func criteriaList(codes []string) string {
	const shown = 6
	if len(codes) <= shown {
		return "tiêu chí " + strings.Join(codes, ", ")
	}
	return fmt.Sprintf("tiêu chí %s và %d tiêu chí khác", strings.Join(codes[:shown], ", "), len(codes)-shown)
}

// SelfEditable reports whether self scores may change in status s: only
// until the self-assessment is submitted.
func SelfEditable(s SheetStatus) bool { return s == StatusDraft }

// AppraisedEditable reports whether appraised scores may change in status
// s: until the result is closed.
func AppraisedEditable(s SheetStatus) bool { return s != StatusFinal }

// ExplanationEditable reports whether the unit's explanations may be
// entered in status s: once appraised, until the unit's explanations are in.
func ExplanationEditable(s SheetStatus) bool { return s == StatusAppraised || s == StatusExplaining }

// DecisionEditable reports whether the office may decide on explanations
// in status s: once they are in, until the result is closed.
func DecisionEditable(s SheetStatus) bool { return s == StatusExplaining || s == StatusReappraised }

// CheckExplanation checks an explanation on criterion c before it is
// stored: the sheet must be appraised and not yet re-appraised, the
// appraisal below the self score, the text given.
func CheckExplanation(c *Criterion, s *Sheet, a *Appraisal, e Explanation) error {
	if !ExplanationEditable(a.Status) {
		return errorf(ECONFLICT, "Giải trình tiêu chí %s: chỉ nhập được khi phiếu ở bước «%s» hoặc «%s» (đang ở «%s»)",
			c.Code, StatusAppraised.Label(), StatusExplaining.Label(), a.Status.Label())
	}
	sc := s.Scores[c.Code]
	if sc.Self == nil || sc.Appraised == nil || *sc.Appraised >= *sc.Self {
		return errorf(EINVALID, "Giải trình tiêu chí %s «%s»: chỉ giải trình được tiêu chí có điểm thẩm định thấp hơn điểm tự đánh giá", c.Code, c.Title)
	}
	if Clean(e.Text) == "" {
		return errorf(EINVALID, "Giải trình tiêu chí %s «%s»: nội dung giải trình chưa nhập", c.Code, c.Title)
	}
	return nil
}

// CheckDecision checks the office's decision on an explanation: in a step
// where decisions are taken, on a criterion the unit explained, accepted
// or refused, a refusal with its reason, the final points within the
// criterion's range.
func CheckDecision(c *Criterion, a *Appraisal, d Decision, reason string, final Points) error {
	if !DecisionEditable(a.Status) {
		return errorf(ECONFLICT, "Quyết định về giải trình tiêu chí %s: chỉ nhập được khi phiếu ở bước «%s» hoặc «%s» (đang ở «%s»)",
			c.Code, StatusExplaining.Label(), StatusReappraised.Label(), a.Status.Label())
	}
	if _, ok := a.Explanations[c.Code]; !ok {
		return errorf(EINVALID, "Tiêu chí %s «%s»: đơn vị không giải trình tiêu chí này", c.Code, c.Title)
	}
	switch d {
	case DecisionAccepted, DecisionRefused:
	default:
		return errorf(EINVALID, "Quyết định về giải trình tiêu chí %s: chọn «%s» hoặc «%s»", c.Code, DecisionAccepted.Label(), DecisionRefused.Label())
	}
	if d == DecisionRefused && Clean(reason) == "" {
		return errorf(EINVALID, "Lý do không chấp nhận giải trình tiêu chí %s: chưa nhập", c.Code)
	}
	return CheckScore(c, final)
}

// StatusCounts says how many units stand at each status: "7 đơn vị chưa
// nộp, 3 đang giải trình", statuses in loop order, those with no unit left
// out; "" when there is no unit.
func StatusCounts(statuses []SheetStatus) string {
	n := map[SheetStatus]int{}
	for _, s := range statuses {
		n[s]++
	}
	var parts []string
	for _, s := range Statuses {
		if n[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[s], s.CountLabel()))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Replace(strings.Join(parts, ", "), " ", " đơn vị ", 1)
}

// HeadRating is the rating of the head of a unit's reform work for the
// year (mức độ hoàn thành nhiệm vụ của người đứng đầu), read from the
// band the unit's index falls in: the default bands and the usual "Xuất
// sắc" band have the wording of the officials' yearly evaluation; a band
// the framework names otherwise is printed as it is named. "" for a unit
// not rated.
func HeadRating(band string) string {
	switch Fold(band) {
	case "":
		return ""
	case Fold("Xuất sắc"):
		return "Hoàn thành xuất sắc nhiệm vụ"
	case Fold("Tốt"):
		return "Hoàn thành tốt nhiệm vụ"
	case Fold("Khá"):
		return "Hoàn thành nhiệm vụ"
	case Fold("Trung bình"):
		return "Hoàn thành nhiệm vụ nhưng còn hạn chế"
	case Fold("Yếu"), Fold("Kém"):
		return "Không hoàn thành nhiệm vụ"
	}
	return band
}
