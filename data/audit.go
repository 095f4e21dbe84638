package data

import (
	"strings"
	"time"
)

// Audit kinds: what an audit entry is about.
const (
	AuditScore     = "score"     // a self or appraised score, or a note, on a sheet
	AuditFramework = "framework" // a criterion or rating band of a year's framework
	AuditLock      = "lock"      // a year locked or unlocked
	AuditUnit      = "unit"      // a unit added or changed
	AuditGroup     = "group"     // a unit group added or changed
	AuditReorg     = "reorg"     // units merged, renamed or split
)

// AuditLabel is the Vietnamese name of an audit kind.
func AuditLabel(kind string) string {
	switch kind {
	case AuditScore:
		return "Điểm"
	case AuditFramework:
		return "Bộ chỉ số"
	case AuditLock:
		return "Khóa năm"
	case AuditUnit:
		return "Đơn vị"
	case AuditGroup:
		return "Nhóm đơn vị"
	case AuditReorg:
		return "Tổ chức lại"
	case AuditConference:
		return "Báo cáo hội nghị"
	case AuditPackage:
		return "Gói trao đổi"
	case AuditAppraisal:
		return "Thẩm định, giải trình"
	}
	return kind
}

// AuditEntry records one change: who changed what, when, from which value
// to which, and why when a reason was given. The appraisal council and
// inspectors read it to see how a published score came about.
type AuditEntry struct {
	Seq     uint64    `json:"seq"`
	At      time.Time `json:"at"`
	Officer string    `json:"officer"`
	Kind    string    `json:"kind"`
	Year    int       `json:"year,omitempty"`
	Unit    string    `json:"unit,omitempty"` // unit code, for score and unit entries
	Item    string    `json:"item"`           // what changed: "3.1 · Thẩm định", "Tên đơn vị"
	Old     string    `json:"old,omitempty"`
	New     string    `json:"new,omitempty"`
	Reason  string    `json:"reason,omitempty"`
}

// AuditFilter selects audit entries; zero fields select everything.
type AuditFilter struct {
	Kind string
	Year int
	Unit string
	// Criterion selects the score entries of one criterion ("1.1"): the
	// history of one cell of a unit's sheet.
	Criterion string
}

// Match reports whether e passes the filter.
func (f AuditFilter) Match(e AuditEntry) bool {
	return (f.Kind == "" || e.Kind == f.Kind) && (f.Year == 0 || e.Year == f.Year) && (f.Unit == "" || e.Unit == f.Unit) &&
		(f.Criterion == "" || e.Criterion() == f.Criterion)
}

// Criterion is the code of the criterion a score entry is about ("1.1"
// of "1.1 · Thẩm định"), "" for other entries.
func (e AuditEntry) Criterion() string {
	if e.Kind != AuditScore {
		return ""
	}
	code, _, ok := strings.Cut(e.Item, " · ")
	if !ok {
		return ""
	}
	return code
}

// YearLock is the lock state of a year. Once the appraisal council
// approves the results, the year is locked: its framework and scores are
// read-only everywhere until someone unlocks it with a reason.
type YearLock struct {
	Year    int       `json:"year"`
	Locked  bool      `json:"locked"`
	At      time.Time `json:"at"`
	Officer string    `json:"officer"`
	Reason  string    `json:"reason,omitempty"`
}
