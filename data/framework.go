package data

import (
	"sort"
	"strings"
)

// CriterionKind says how a framework item contributes to the total.
type CriterionKind string

const (
	// KindScored is an area, criterion or sub-criterion whose leaves are
	// scored by the appraisal council.
	KindScored CriterionKind = ""
	// KindSurvey is a survey component (điều tra xã hội học): its points come
	// from surveys of leaders and citizens and are entered as totals.
	KindSurvey CriterionKind = "survey"
	// KindBonus adds points (điểm thưởng) up to its max; it does not raise
	// the framework max.
	KindBonus CriterionKind = "bonus"
	// KindPenalty takes points away (điểm trừ) up to its max; it does not
	// lower the framework max.
	KindPenalty CriterionKind = "penalty"
)

// Label is the Vietnamese name of the kind.
func (k CriterionKind) Label() string {
	switch k {
	case KindSurvey:
		return "Điều tra xã hội học"
	case KindBonus:
		return "Điểm thưởng"
	case KindPenalty:
		return "Điểm trừ"
	}
	return "Tiêu chí chấm điểm"
}

// Criterion is a node of the framework tree. A top-level node is an area
// (lĩnh vực); nodes without children are leaves and carry the score. The max
// of a node with children is the sum of its leaves.
type Criterion struct {
	Code     string        `json:"code"` // "3", "3.2", "3.2.1"
	Title    string        `json:"title"`
	Max      Points        `json:"max"`
	Hint     string        `json:"hint,omitempty"` // what evidence to attach
	Kind     CriterionKind `json:"kind,omitempty"`
	Children []Criterion   `json:"children,omitempty"`
	// Input, MayNotApply and Tiers belong to leaves: how the unit answers
	// (điểm, đạt / không đạt, tỷ lệ), whether it may answer "không áp
	// dụng", and for tỷ lệ the tiers that give the points, highest first.
	Input       InputKind `json:"input,omitempty"`
	MayNotApply bool      `json:"mayNotApply,omitempty"`
	Tiers       []Tier    `json:"tiers,omitempty"`
}

// IsLeaf reports whether the criterion is scored directly.
func (c *Criterion) IsLeaf() bool { return len(c.Children) == 0 }

// LeafMax is the sum of the maxima of the leaves under c (c's own max for a
// leaf).
func (c *Criterion) LeafMax() Points {
	if c.IsLeaf() {
		return c.Max
	}
	var sum Points
	for i := range c.Children {
		sum += c.Children[i].LeafMax()
	}
	return sum
}

// Band is a rating band: a percentage at or above Min earns Name.
type Band struct {
	Name string  `json:"name"`
	Min  Percent `json:"min"`
}

// DefaultBands are the rating bands of the domain guide: Tốt ≥ 90 %,
// Khá ≥ 65 %, Trung bình ≥ 50 %, Yếu below. They reproduce example A.
func DefaultBands() []Band {
	return []Band{{"Tốt", 9000}, {"Khá", 6500}, {"Trung bình", 5000}, {"Yếu", 0}}
}

// Framework is the scoring framework (bộ chỉ số) for one year: areas of
// criteria with their maxima, survey components, bonus and penalty items,
// and the rating bands.
type Framework struct {
	Year  int         `json:"year"`
	Title string      `json:"title"`
	Areas []Criterion `json:"areas"`
	Bands []Band      `json:"bands"`
}

// Max is the framework max: the sum of the leaves of scored areas and
// survey components. Bonus and penalty items do not count.
func (f *Framework) Max() Points {
	var sum Points
	for i := range f.Areas {
		if k := f.Areas[i].Kind; k == KindScored || k == KindSurvey {
			sum += f.Areas[i].LeafMax()
		}
	}
	return sum
}

// Rating returns the name of the band pc falls in.
func (f *Framework) Rating(pc Percent) string {
	bands := f.Bands
	if len(bands) == 0 {
		bands = DefaultBands()
	}
	for _, b := range bands {
		if pc >= b.Min {
			return b.Name
		}
	}
	return bands[len(bands)-1].Name
}

// Leaves calls fn for every leaf with the area it belongs to, in framework
// order.
func (f *Framework) Leaves(fn func(area, leaf *Criterion)) {
	for i := range f.Areas {
		a := &f.Areas[i]
		walkLeaves(a, func(l *Criterion) { fn(a, l) })
	}
}

func walkLeaves(c *Criterion, fn func(*Criterion)) {
	if c.IsLeaf() {
		fn(c)
		return
	}
	for i := range c.Children {
		walkLeaves(&c.Children[i], fn)
	}
}

// Find returns the criterion with the given code, or nil.
func (f *Framework) Find(code string) *Criterion {
	var find func([]Criterion) *Criterion
	find = func(cs []Criterion) *Criterion {
		for i := range cs {
			if cs[i].Code == code {
				return &cs[i]
			}
			if c := find(cs[i].Children); c != nil {
				return c
			}
		}
		return nil
	}
	return find(f.Areas)
}

// Validate normalises the framework and checks it: codes present and
// unique, titles present, leaf maxima positive, parents' maxima equal to the
// sum of their leaves (set here, since the editor shows them live), bands
// in descending order ending at 0.
func (f *Framework) Validate() error {
	if f.Year < 2000 || f.Year > 2100 {
		return errorf(EINVALID, "Năm của bộ chỉ số: phải từ 2000 đến 2100, đang là %d", f.Year)
	}
	f.Title = Clean(f.Title)
	if len(f.Areas) == 0 {
		return errorf(EINVALID, "Bộ chỉ số năm %d chưa có lĩnh vực nào", f.Year)
	}
	seen := map[string]bool{}
	var check func(cs []Criterion, kind CriterionKind, top bool) error
	check = func(cs []Criterion, kind CriterionKind, top bool) error {
		for i := range cs {
			c := &cs[i]
			c.Code = strings.TrimSpace(Clean(c.Code))
			c.Title = Clean(c.Title)
			c.Hint = CleanMultiline(c.Hint)
			if !top {
				c.Kind = kind
			}
			if c.Code == "" {
				return errorf(EINVALID, "Mã tiêu chí %q: chưa nhập", c.Title)
			}
			if seen[c.Code] {
				return errorf(EINVALID, "Mã tiêu chí %s bị trùng", c.Code)
			}
			seen[c.Code] = true
			if c.Title == "" {
				return errorf(EINVALID, "Tên tiêu chí %s: chưa nhập", c.Code)
			}
			if err := check(c.Children, c.Kind, false); err != nil {
				return err
			}
			if c.IsLeaf() {
				if c.Max <= 0 || c.Max > P(1000, 0) {
					return errorf(EINVALID, "Điểm tối đa của tiêu chí %s: phải lớn hơn 0 và không quá 1.000", c.Code)
				}
				if err := c.CheckInput(); err != nil {
					return err
				}
			} else {
				c.Max = c.LeafMax()
				// A group is not answered: its kind of input is its leaves'.
				c.Input, c.MayNotApply, c.Tiers = InputPoints, false, nil
			}
		}
		return nil
	}
	if err := check(f.Areas, KindScored, true); err != nil {
		return err
	}
	if f.Max() <= 0 {
		return errorf(EINVALID, "Bộ chỉ số năm %d chưa có tiêu chí chấm điểm nào", f.Year)
	}
	if len(f.Bands) == 0 {
		f.Bands = DefaultBands()
	}
	sort.SliceStable(f.Bands, func(i, j int) bool { return f.Bands[i].Min > f.Bands[j].Min })
	for i := range f.Bands {
		f.Bands[i].Name = Clean(f.Bands[i].Name)
		if f.Bands[i].Name == "" {
			return errorf(EINVALID, "Tên mức xếp loại thứ %d: chưa nhập", i+1)
		}
		if f.Bands[i].Min < 0 || f.Bands[i].Min > 10000 {
			return errorf(EINVALID, "Ngưỡng xếp loại %s: phải từ 0 đến 100 %%", f.Bands[i].Name)
		}
		if i > 0 && f.Bands[i].Min == f.Bands[i-1].Min {
			return errorf(EINVALID, "Hai mức xếp loại %s và %s có cùng ngưỡng", f.Bands[i-1].Name, f.Bands[i].Name)
		}
	}
	if last := f.Bands[len(f.Bands)-1]; last.Min != 0 {
		return errorf(EINVALID, "Mức xếp loại thấp nhất (%s) phải bắt đầu từ 0 %%", last.Name)
	}
	return nil
}

// Copy returns a deep copy of the framework for another year ("copy from
// year N").
func (f *Framework) Copy(year int) Framework {
	var cp func([]Criterion) []Criterion
	cp = func(cs []Criterion) []Criterion {
		if cs == nil {
			return nil
		}
		out := make([]Criterion, len(cs))
		for i, c := range cs {
			c.Children = cp(c.Children)
			c.Tiers = append([]Tier(nil), c.Tiers...)
			out[i] = c
		}
		return out
	}
	return Framework{Year: year, Title: f.Title, Areas: cp(f.Areas), Bands: append([]Band(nil), f.Bands...)}
}

// Remove deletes the criterion with the given code, and everything under
// it, from the tree. It reports whether there was one.
func (f *Framework) Remove(code string) bool {
	var remove func(cs *[]Criterion) bool
	remove = func(cs *[]Criterion) bool {
		for i := range *cs {
			if (*cs)[i].Code == code {
				*cs = append((*cs)[:i:i], (*cs)[i+1:]...)
				return true
			}
			if remove(&(*cs)[i].Children) {
				return true
			}
		}
		return false
	}
	return remove(&f.Areas)
}
