package data

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// InputKind says how a unit's answer on a leaf criterion is given, whatever
// the kind of its area (scored, survey, bonus or penalty). Whether the
// criterion may be answered "không áp dụng" is apart (Criterion.MayNotApply):
// any kind may allow it.
type InputKind string

const (
	// InputPoints (điểm): a number from 0 to the max, two decimals. The
	// empty value, so that frameworks stored before the kinds read as they
	// were scored.
	InputPoints InputKind = ""
	// InputPassFail (đạt / không đạt): the full max or 0.
	InputPassFail InputKind = "passfail"
	// InputRatio (tỷ lệ): the unit enters two counts (45 of 50 documents on
	// time); the points follow the criterion's tiers.
	InputRatio InputKind = "ratio"
)

// InputKinds lists the kinds in the order the framework editor offers them.
var InputKinds = []InputKind{InputPoints, InputPassFail, InputRatio}

// Label is the kind's Vietnamese name, as the editor and the Excel column
// write it.
func (k InputKind) Label() string {
	switch k {
	case InputPassFail:
		return "Đạt/Không đạt"
	case InputRatio:
		return "Tỷ lệ"
	}
	return "Điểm"
}

// ParseInputKind reads a kind by its label, without caring for case or tone
// marks ("dat/khong dat", "TỶ LỆ"); an empty text is điểm.
func ParseInputKind(s string) (InputKind, bool) {
	f := strings.Join(strings.Fields(Fold(Clean(s))), "")
	switch f {
	case "", "diem", "so", "sodiem":
		return InputPoints, true
	case "dat/khongdat", "dat-khongdat", "datkhongdat", "dat/kd":
		return InputPassFail, true
	case "tyle", "tile":
		return InputRatio, true
	}
	return "", false
}

// Tier is one step of a tỷ lệ criterion: a rate at or above Min earns
// Points.
type Tier struct {
	Min    Percent `json:"min"`
	Points Points  `json:"points"`
}

// Counts are the two figures a unit enters on a tỷ lệ criterion: Num of
// Den (45 of 50 documents on time).
type Counts struct {
	Num int64 `json:"n"`
	Den int64 `json:"d"`
}

// Rate is Num/Den × 100 %, half-up to two places, as printed beside the
// points.
func (c Counts) Rate() Percent {
	pc, _ := PercentOf(c.Num, c.Den)
	return pc
}

// String prints "45/50", as typed and as the Excel cells hold it.
func (c Counts) String() string {
	return strconv.FormatInt(c.Num, 10) + "/" + strconv.FormatInt(c.Den, 10)
}

// TierPoints is the one rule that turns counts into points: the points of
// the highest tier whose rate the counts reach, 0 below every tier. The
// comparison is exact (45/50 reaches 90 %, 39 999/50 000 does not reach
// 80 % though it prints 80,00 %).
func (c *Criterion) TierPoints(n Counts) Points {
	for _, t := range c.Tiers { // descending, as Validate leaves them
		if n.Den > 0 && n.Num*10000 >= int64(t.Min)*n.Den {
			return t.Points
		}
	}
	return 0
}

// FormatTiers writes tiers the way the Excel column and the editor show
// them: "100%=2; 80%=1; 0%=0" (rates and points with a decimal comma when
// they have decimals).
func FormatTiers(ts []Tier) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = strings.TrimSuffix(strings.TrimSuffix(t.Min.String(), "0"), ",0")
		parts[i] = strings.TrimSuffix(parts[i], ",") + "%=" + t.Points.Short()
	}
	return strings.Join(parts, "; ")
}

// ParseTiers reads "100%=2; 80%=1; 0%=0": steps separated by ";", each a
// rate in percent (the % sign optional, "≥" before it allowed) "=" the
// points. The error is a plain reason; callers add the cell or field.
func ParseTiers(s string) ([]Tier, error) {
	var ts []Tier
	for _, part := range strings.Split(Clean(s), ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		rate, pts, ok := strings.Cut(part, "=")
		if !ok {
			return nil, errorf(EINVALID, "bậc «%s» không đúng dạng «tỷ lệ%%=điểm» (ví dụ «80%%=1»)", part)
		}
		rate = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rate), "≥")), "%"))
		r, err := ParsePoints(rate)
		if err != nil || r > P(100, 0) {
			return nil, errorf(EINVALID, "bậc «%s»: tỷ lệ phải là số từ 0 đến 100 %%", part)
		}
		p, err := ParsePoints(pts)
		if err != nil {
			return nil, errorf(EINVALID, "bậc «%s»: điểm %s", part, ErrorMessage(err))
		}
		ts = append(ts, Tier{Min: Percent(r), Points: p})
	}
	return ts, nil
}

// CheckInput checks a leaf's input kind against its max: tiers only for
// tỷ lệ, and a tỷ lệ criterion must have them, with rates from 0 to 100 %
// (sorted here, highest first, no rate twice) and points within [0, max].
func (c *Criterion) CheckInput() error {
	switch c.Input {
	case InputPoints, InputPassFail, InputRatio:
	default:
		return errorf(EINVALID, "Tiêu chí %s: kiểu nhập %q không có; chọn Điểm, Đạt/Không đạt hoặc Tỷ lệ", c.Code, string(c.Input))
	}
	if c.Input != InputRatio {
		if len(c.Tiers) > 0 {
			return errorf(EINVALID, "Tiêu chí %s (kiểu %s): chỉ tiêu chí kiểu Tỷ lệ mới có bậc điểm theo tỷ lệ", c.Code, c.Input.Label())
		}
		c.Tiers = nil
		return nil
	}
	if len(c.Tiers) == 0 {
		return errorf(EINVALID, "Tiêu chí %s (kiểu Tỷ lệ): chưa có bậc điểm nào; ghi như «100%%=%s; 80%%=%s; 0%%=0»", c.Code, c.Max.Short(), (c.Max / 2).Short())
	}
	sort.SliceStable(c.Tiers, func(i, j int) bool { return c.Tiers[i].Min > c.Tiers[j].Min })
	for i, t := range c.Tiers {
		if t.Min < 0 || t.Min > 10000 {
			return errorf(EINVALID, "Tiêu chí %s: tỷ lệ của bậc điểm phải từ 0 đến 100 %%, đang là %s %%", c.Code, t.Min)
		}
		if t.Points < 0 || t.Points > c.Max {
			return errorf(EINVALID, "Tiêu chí %s (tối đa %s điểm): bậc %s %% cho %s điểm, phải từ 0 đến %s", c.Code, c.Max.Short(), t.Min, t.Points.Short(), c.Max.Short())
		}
		if i > 0 && t.Min == c.Tiers[i-1].Min {
			return errorf(EINVALID, "Tiêu chí %s: hai bậc điểm cùng tỷ lệ %s %%", c.Code, t.Min)
		}
	}
	return nil
}

// Accepts says in words what a cell of the criterion takes, for refusals:
// "số điểm từ 0 đến 3", "Đạt hoặc Không đạt", "hai số đếm như 45/50",
// with "hoặc Không áp dụng (KAD)" when the criterion allows it.
func (c *Criterion) Accepts() string {
	var s string
	switch c.Input {
	case InputPassFail:
		s = "«Đạt» (" + c.Max.Short() + " điểm) hoặc «Không đạt» (0 điểm)"
	case InputRatio:
		s = "hai số đếm dạng «đạt/tổng số», ví dụ «45/50»"
	default:
		s = "số điểm từ 0 đến " + c.Max.Short() + ", tối đa hai chữ số thập phân"
	}
	if c.MayNotApply {
		s += ", hoặc «Không áp dụng» (KAD)"
	}
	return s
}

// Value is one side (self or appraised) of a unit's answer on a leaf: the
// points, or "không áp dụng", with the counts of a tỷ lệ criterion. The
// zero Value is an answer not entered yet.
type Value struct {
	Points *Points
	NA     bool
	Counts *Counts
}

// Empty reports whether nothing was entered.
func (v Value) Empty() bool { return v.Points == nil && !v.NA && v.Counts == nil }

// Same reports whether two values are the same answer: the same points,
// both "không áp dụng", or the same counts.
func (v Value) Same(o Value) bool {
	return SamePoints(v.Points, o.Points) && v.NA == o.NA && sameCounts(v.Counts, o.Counts)
}

// SelfValue is the unit's own answer.
func (s Score) SelfValue() Value {
	return Value{Points: s.Self, NA: s.SelfNA, Counts: s.SelfCounts}
}

// AppraisedValue is the appraisal council's answer, the official one.
func (s Score) AppraisedValue() Value {
	return Value{Points: s.Appraised, NA: s.AppraisedNA, Counts: s.AppraisedCounts}
}

// SetSelf puts the unit's own answer.
func (s *Score) SetSelf(v Value) { s.Self, s.SelfNA, s.SelfCounts = v.Points, v.NA, v.Counts }

// SetAppraised puts the appraisal council's answer.
func (s *Score) SetAppraised(v Value) {
	s.Appraised, s.AppraisedNA, s.AppraisedCounts = v.Points, v.NA, v.Counts
}

// ParseValue reads what an officer typed, or an Excel cell held, for
// criterion c; the grid and the scores import both use it.
//   - "Không áp dụng" or "KAD" when the criterion allows it;
//   - đạt / không đạt: "Đạt", "Đ", "x", "Có" give the max, "Không đạt",
//     "KĐ", "Không" give 0 (case and tone marks do not matter); the numbers
//     0 and the max are taken too;
//   - tỷ lệ: "45/50" (whole counts, the first not above the second, the
//     second above 0); what follows "→" (the points the grid shows) is
//     worked out again, never read;
//   - điểm: a number from 0 to the max, as ParseScore reads it.
//
// Empty text is an empty Value. Every refusal names the criterion and says
// what it accepts.
func ParseValue(c *Criterion, s string) (Value, error) {
	s = strings.TrimSpace(Clean(s))
	if s == "" {
		return Value{}, nil
	}
	// The words ("Không áp dụng", "Đạt"…) all start with a letter; a
	// number, which nearly every cell of an import is, is not folded.
	f := ""
	if b := s[0]; b >= utf8.RuneSelf || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' {
		f = strings.Join(strings.Fields(Fold(s)), " ")
	}
	refuse := func(format string, args ...any) (Value, error) {
		return Value{}, errorf(EINVALID, "Tiêu chí %s «%s» (%s, tối đa %s điểm): %s; ô này nhận %s", c.Code, c.Title, c.Input.Label(), c.Max.Short(), fmt.Sprintf(format, args...), c.Accepts())
	}
	if f == "khong ap dung" || f == "kad" || f == "k/a/d" || f == "n/a" {
		if !c.MayNotApply {
			return refuse("tiêu chí này không được đánh dấu «có thể không áp dụng»")
		}
		return Value{NA: true}, nil
	}
	switch c.Input {
	case InputPassFail:
		var p Points
		switch f {
		case "dat", "d", "x", "co":
			p = c.Max
		case "khong dat", "kd", "khong", "k":
			p = 0
		default:
			n, err := ParsePoints(s)
			if err != nil || (n != 0 && n != c.Max) {
				return refuse("«%s» không phải Đạt hay Không đạt", s)
			}
			p = n
		}
		return Value{Points: &p}, nil
	case InputRatio:
		if head, _, ok := strings.Cut(s, "→"); ok {
			s = strings.TrimSpace(head)
		}
		num, den, ok := strings.Cut(s, "/")
		if !ok {
			return refuse("«%s» không phải hai số đếm", s)
		}
		n, err1 := strconv.ParseInt(strings.TrimSpace(num), 10, 64)
		d, err2 := strconv.ParseInt(strings.TrimSpace(den), 10, 64)
		switch {
		case err1 != nil || err2 != nil || !allDigits(strings.TrimSpace(num)) || !allDigits(strings.TrimSpace(den)) || d > 1e12:
			return refuse("«%s»: hai số đếm phải là số nguyên không âm, không có dấu phân cách", s)
		case d == 0:
			return refuse("«%s»: tổng số (số sau dấu /) phải lớn hơn 0", s)
		case n > d:
			return refuse("«%s»: số đạt (%d) lớn hơn tổng số (%d)", s, n, d)
		}
		cn := Counts{Num: n, Den: d}
		p := c.TierPoints(cn)
		return Value{Points: &p, Counts: &cn}, nil
	}
	p, err := ParseScore(c, s)
	if err != nil {
		return Value{}, err
	}
	return Value{Points: &p}, nil
}

// FormatValue writes a value back the way ParseValue reads it: "Đạt",
// "Không đạt", "KAD", "45/50", "4,9"; "" when empty. arrow adds the points
// a tỷ lệ criterion's counts give ("45/50 → 4,5"), as the grid shows them.
func FormatValue(c *Criterion, v Value, arrow bool) string {
	switch {
	case v.NA:
		return "KAD"
	case v.Counts != nil:
		s := v.Counts.String()
		if arrow {
			s += " → " + c.TierPoints(*v.Counts).Short()
		}
		return s
	case v.Points == nil:
		return ""
	case c.Input == InputPassFail && *v.Points == c.Max:
		return "Đạt"
	case c.Input == InputPassFail && *v.Points == 0:
		return "Không đạt"
	}
	return v.Points.Short()
}

// checkValue checks one stored side of a score against the criterion and
// sets the points of counts by the tiers: a file written by hand or by an
// older ParDesk cannot hold points the rule would not give.
func checkValue(c *Criterion, v *Value) error {
	switch {
	case v.NA:
		if !c.MayNotApply {
			return errorf(EINVALID, "Tiêu chí %s «%s»: không được đánh dấu «có thể không áp dụng»; ô này nhận %s", c.Code, c.Title, c.Accepts())
		}
		v.Points, v.Counts = nil, nil
		return nil
	case v.Counts != nil:
		n := *v.Counts
		if c.Input != InputRatio {
			return errorf(EINVALID, "Tiêu chí %s «%s» (%s): không nhận số đếm %s; ô này nhận %s", c.Code, c.Title, c.Input.Label(), n, c.Accepts())
		}
		if n.Den <= 0 || n.Num < 0 || n.Num > n.Den {
			return errorf(EINVALID, "Tiêu chí %s «%s»: số đếm %s không hợp lệ; ô này nhận %s", c.Code, c.Title, n, c.Accepts())
		}
		p := c.TierPoints(n)
		v.Points = &p
		return nil
	case v.Points == nil:
		return nil
	case c.Input == InputRatio:
		return errorf(EINVALID, "Tiêu chí %s «%s» (Tỷ lệ): điểm %s nhập thẳng, không kèm số đếm; ô này nhận %s", c.Code, c.Title, v.Points.Short(), c.Accepts())
	}
	if err := CheckScore(c, *v.Points); err != nil {
		return err
	}
	if c.Input == InputPassFail && *v.Points != 0 && *v.Points != c.Max {
		return errorf(EINVALID, "Tiêu chí %s «%s» (Đạt/Không đạt): %s điểm không phải Đạt hay Không đạt; ô này nhận %s", c.Code, c.Title, v.Points.Short(), c.Accepts())
	}
	return nil
}
