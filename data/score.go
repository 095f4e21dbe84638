package data

// Score is one unit's score on one leaf criterion for a year: what the unit
// claims (self) and what the appraisal council accepts (appraised, the
// official score). A nil value has not been entered yet.
type Score struct {
	Self      *Points `json:"self,omitempty"`
	Appraised *Points `json:"appraised,omitempty"`
	Note      string  `json:"note,omitempty"`
	Evidence  string  `json:"evidence,omitempty"`
	// Files are the evidence documents attached to the score, in the
	// order they were attached (evidencefile.go).
	Files []EvidenceFile `json:"files,omitempty"`
	// SelfNA and AppraisedNA mark the criterion "không áp dụng" for the
	// unit (Self or Appraised then nil): its max leaves the unit's max.
	// The appraised one decides the official index, the self one the
	// self-assessed index.
	SelfNA      bool `json:"selfNA,omitempty"`
	AppraisedNA bool `json:"appraisedNA,omitempty"`
	// SelfCounts and AppraisedCounts are the counts of a tỷ lệ criterion;
	// Self and Appraised then hold the points its tiers give them.
	SelfCounts      *Counts `json:"selfCounts,omitempty"`
	AppraisedCounts *Counts `json:"appraisedCounts,omitempty"`
}

// Same reports whether two scores hold the same values: what decides
// whether a change is recorded in the audit trail and counted by an import.
func (s Score) Same(o Score) bool {
	return SamePoints(s.Self, o.Self) && SamePoints(s.Appraised, o.Appraised) && s.Note == o.Note && s.Evidence == o.Evidence &&
		s.SelfNA == o.SelfNA && s.AppraisedNA == o.AppraisedNA && sameCounts(s.SelfCounts, o.SelfCounts) && sameCounts(s.AppraisedCounts, o.AppraisedCounts) &&
		sameFiles(s.Files, o.Files)
}

func sameCounts(a, b *Counts) bool { return a == b || a != nil && b != nil && *a == *b }

// IsZero reports whether the score holds nothing: no answer of either
// side, no note, no evidence. Such a score is not kept on the sheet.
func (s Score) IsZero() bool { return s.Same(Score{}) }

// SamePoints reports whether two optional points are both absent or equal.
func SamePoints(a, b *Points) bool { return a == b || a != nil && b != nil && *a == *b }

// Sheet holds a unit's scores for a year, keyed by leaf criterion code.
type Sheet struct {
	Year   int              `json:"year"`
	Unit   string           `json:"unit"`
	Scores map[string]Score `json:"scores"`
	// Published is the total as the superior body published it, when the
	// published parts do not add up to it (example C of the domain guide:
	// the rule behind the gap is not public, so it is never invented).
	Published *Points `json:"published,omitempty"`
}

// NewSheet returns an empty sheet.
func NewSheet(year int, unit string) *Sheet {
	return &Sheet{Year: year, Unit: unit, Scores: map[string]Score{}}
}

// Appraised returns the appraised points of a leaf (0 when not entered).
func (s *Sheet) Appraised(code string) Points {
	if s == nil {
		return 0
	}
	if p := s.Scores[code].Appraised; p != nil {
		return *p
	}
	return 0
}

// HasAppraisal reports whether the sheet holds at least one appraised score
// (or a published total). A sheet without one, empty or with notes and self
// scores only, is not ranked: the unit shows "chưa chấm".
func (s *Sheet) HasAppraisal() bool {
	if s == nil {
		return false
	}
	if s.Published != nil {
		return true
	}
	for _, sc := range s.Scores {
		if !sc.AppraisedValue().Empty() {
			return true
		}
	}
	return false
}

// CheckScore refuses points outside [0, max] with a message that names the
// criterion and its max.
func CheckScore(c *Criterion, p Points) error {
	if p < 0 || p > c.Max {
		return errorf(EINVALID, "Tiêu chí %s «%s» (tối đa %s điểm): điểm %s nằm ngoài khoảng cho phép 0 – %s", c.Code, c.Title, c.Max.Short(), p.Short(), c.Max.Short())
	}
	return nil
}

// ParseScore reads a typed score for criterion c: "4,9" or "4.9", at most
// two decimals, within [0, max]. Every refusal names the criterion and its
// max.
func ParseScore(c *Criterion, s string) (Points, error) {
	p, err := ParsePoints(s)
	if err != nil {
		return 0, errorf(EINVALID, "Tiêu chí %s «%s» (tối đa %s điểm): %s", c.Code, c.Title, c.Max.Short(), ErrorMessage(err))
	}
	return p, CheckScore(c, p)
}

// Validate normalises the sheet's notes and checks every score against the
// framework: the code must be a leaf, the points within range.
func (s *Sheet) Validate(f *Framework) error {
	if s.Unit == "" {
		return errorf(EINVALID, "Phiếu điểm chưa có mã đơn vị")
	}
	if s.Year != f.Year {
		return errorf(EINVALID, "Phiếu điểm năm %d không khớp bộ chỉ số năm %d", s.Year, f.Year)
	}
	// The leaves found once: a national import checks 3 500 sheets of 120
	// scores, and a walk of the tree for each score was a tenth of it.
	leaves := make(map[string]*Criterion, len(s.Scores))
	f.Leaves(func(_, l *Criterion) { leaves[l.Code] = l })
	for code, sc := range s.Scores {
		c := leaves[code]
		if c == nil {
			return errorf(EINVALID, "Mã tiêu chí %s không có trong bộ chỉ số năm %d", code, f.Year)
		}
		self, appraised := sc.SelfValue(), sc.AppraisedValue()
		for _, v := range []*Value{&self, &appraised} {
			if err := checkValue(c, v); err != nil {
				return err
			}
		}
		sc.SetSelf(self)
		sc.SetAppraised(appraised)
		sc.Note = CleanMultiline(sc.Note)
		sc.Evidence = CleanMultiline(sc.Evidence)
		if err := checkFiles(s.Unit, code, &sc); err != nil {
			return err
		}
		s.Scores[code] = sc
	}
	if m := UnitMax(f, s).Total; s.Published != nil && (*s.Published < 0 || *s.Published > m) {
		return errorf(EINVALID, "Tổng điểm công bố của đơn vị %s: phải từ 0 đến %s", s.Unit, m.Short())
	}
	return nil
}
