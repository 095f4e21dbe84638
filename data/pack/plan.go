package pack

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pardesk/pardesk/data"
)

// State is what the receiving data file holds that a package may change,
// read in one transaction before the plan is made.
type State struct {
	Locked    bool
	Snapshot  *data.RankingSnapshot // the year's published ranking, when locked with one
	Framework *data.Framework       // nil when the year has none
	Units     map[string]data.Unit  // by code
	Groups    map[string]data.Group // by ID
	Sheets    map[string]*data.Sheet
	// Appraisals are the covered units' appraisal records (the loop's
	// status and explanations), nil for a unit not submitted yet.
	Appraisals map[string]*data.Appraisal
	Office     data.Office
	// Trusted is the trusted sender of the package's name, nil when the
	// name is not trusted yet.
	Trusted *data.TrustedSender
}

// Action is what importing does to one criterion of one unit.
type Action int

const (
	Same     Action = iota // the file already holds what the package brings
	Change                 // the package changes it, nobody else did
	Conflict               // both the file (since the package's base) and the package changed it
)

// Label is the Vietnamese name of the action.
func (a Action) Label() string {
	switch a {
	case Change:
		return "Thay đổi"
	case Conflict:
		return "Xung đột"
	}
	return "Giữ nguyên"
}

// Trust is how the receiving file knows the package's sender.
type Trust int

const (
	Known      Trust = iota // trusted with this very key
	Unknown                 // never seen: the officer decides, comparing the fingerprint
	KeyChanged              // trusted with another key: refused
)

// Row is one criterion of one unit in the plan.
type Row struct {
	Unit, UnitName string
	Code, Title    string
	// Explanation marks a row of the unit's explanation on the criterion
	// (giải trình) rather than of its score; CurrentExpl and InExpl then
	// hold the two sides.
	Explanation         bool
	CurrentExpl, InExpl data.Explanation
	Current, Incoming   data.Score // the column's values in the file and in the package
	CurrentText, InText string
	Action              Action
	// Take, for a conflict, is the officer's choice: true takes the
	// package's value, false keeps the file's. Unchosen conflicts keep.
	Take bool
}

// Plan says what importing a package would do, before anything is
// written: shown in the window and printed by the command line.
type Plan struct {
	Manifest
	Fingerprint string
	Column      Column
	Trust       Trust
	TrustedKey  string // the fingerprint already trusted, for KeyChanged
	// FrameworkChange is "" when the file's framework stays, otherwise
	// what happens to it ("Thêm bộ chỉ số năm 2023").
	FrameworkChange string
	NewGroups       []data.Group
	NewUnits        []data.Unit
	Rows            []Row // every criterion with a value on either side
	Lock            bool  // the package locks the year with its published ranking
	SetOffice       bool  // the file has no office details: the sender's are stored
	Content         Content
}

// Changes counts the rows the import writes as planned now (changes,
// and conflicts chosen "take").
func (p *Plan) Changes() int {
	n := 0
	for _, r := range p.Rows {
		if r.Action == Change || r.Action == Conflict && r.Take {
			n++
		}
	}
	return n
}

// Count counts the rows of an action.
func (p *Plan) Count(a Action) int {
	n := 0
	for _, r := range p.Rows {
		if r.Action == a {
			n++
		}
	}
	return n
}

// Writes reports whether the import would change the file at all.
func (p *Plan) Writes() bool {
	return p.FrameworkChange != "" || len(p.NewGroups) > 0 || len(p.NewUnits) > 0 || p.Lock || p.Changes() > 0 || p.Count(Conflict) > 0
}

// MakePlan compares a package's content with the receiving file. It is a
// pure function of both: the window shows its rows, the command line
// prints them, ApplyPlan (app/ops) writes them. It refuses what cannot be
// imported at all, naming the unit or criterion: a unit the file does not
// have (for what a unit or officer sends back), a criterion not in the
// year's framework, points out of range, a locked year the package would
// change.
func MakePlan(m Manifest, fingerprint string, c Content, s State) (*Plan, error) {
	p := &Plan{Manifest: m, Fingerprint: fingerprint, Column: m.Kind.Column(), Content: c}
	switch {
	case s.Trusted == nil:
		p.Trust = Unknown
	case s.Trusted.Key != m.Key:
		p.Trust, p.TrustedKey = KeyChanged, s.Trusted.Fingerprint
	}
	for _, sh := range c.Sheets {
		if sh.Year != m.Year {
			return nil, refuse("phiếu điểm của đơn vị %s ghi năm %d, gói ghi năm %d", sh.Unit, sh.Year, m.Year)
		}
		if !slices.Contains(m.Units, sh.Unit) {
			return nil, refuse("phiếu điểm của đơn vị %s không thuộc các đơn vị của gói (%s)", sh.Unit, strings.Join(m.Units, ", "))
		}
	}
	f := s.Framework
	switch m.Kind {
	case KindFramework, KindShare, KindResults:
		// The office's own copy: the framework, groups and units travel
		// with it and are added where the file lacks them.
		if c.Framework == nil || c.Framework.Year != m.Year {
			return nil, refuse("gói %s không có bộ chỉ số năm %d", m.Kind.Label(), m.Year)
		}
		if f == nil {
			p.FrameworkChange = fmt.Sprintf("Thêm bộ chỉ số năm %d", m.Year)
		} else if !sameJSON(f, c.Framework) {
			p.FrameworkChange = fmt.Sprintf("Thay bộ chỉ số năm %d bằng bộ chỉ số trong gói", m.Year)
		}
		f = c.Framework
		for _, g := range c.Groups {
			if _, ok := s.Groups[g.ID]; !ok {
				p.NewGroups = append(p.NewGroups, g)
			}
		}
		for _, u := range c.Units {
			if _, ok := s.Units[u.Code]; !ok {
				p.NewUnits = append(p.NewUnits, u)
			}
		}
		p.SetOffice = c.Office != nil && s.Office.Name == ""
	case KindSelf, KindShareBack:
		// A unit's key speaks for that unit only: the name it is trusted
		// under ends with the unit's code, and its package covers no other.
		if m.Kind == KindSelf && (len(m.Units) != 1 || !strings.HasSuffix(m.Sender.Name, "("+m.Units[0]+")")) {
			return nil, refuse("gói tự đánh giá của «%s» phải là của đúng một đơn vị, mang mã đơn vị đó trong tên người gửi (đang ghi các đơn vị %s)", m.Sender.Name, strings.Join(m.Units, ", "))
		}
		if f == nil {
			return nil, data.Errorf(data.ENOTFOUND, "Không nhận gói: tệp dữ liệu chưa có bộ chỉ số năm %d", m.Year)
		}
		for _, code := range m.Units {
			if _, ok := s.Units[code]; !ok {
				return nil, data.Errorf(data.ENOTFOUND, "Không nhận gói: tệp dữ liệu không có đơn vị mã %s (gói của %s)", code, m.Sender.Name)
			}
		}
	}
	if m.Kind == KindResults {
		if c.Snapshot == nil || c.Snapshot.Year != m.Year {
			return nil, refuse("gói kết quả công bố không có bảng xếp hạng năm %d", m.Year)
		}
		p.Lock = !s.Locked
	}
	if err := p.compare(f, c, s); err != nil {
		return nil, err
	}
	if s.Locked {
		if m.Kind == KindResults && s.Snapshot != nil && sameJSON(s.Snapshot.Groups, c.Snapshot.Groups) && p.FrameworkChange == "" && p.Changes()+p.Count(Conflict) == 0 {
			return p, nil // the same results again: nothing to do
		}
		if p.Writes() {
			what := p.FrameworkChange
			if n := p.Changes() + p.Count(Conflict); n > 0 {
				what = fmt.Sprintf("%d tiêu chí", n)
			}
			if what == "" {
				what = "đơn vị và nhóm của năm"
			}
			return nil, data.Errorf(data.ELOCKED, "Không nhận gói: năm %d đã khóa sau khi Hội đồng thẩm định phê duyệt, gói này sẽ thay đổi %s. Muốn nhận, hãy mở khóa năm và ghi rõ lý do.", m.Year, data.LowerFirst(what))
		}
	}
	return p, nil
}

// compare makes the rows: every leaf of the framework, for every unit the
// package covers, that has a value in the file or in the package.
func (p *Plan) compare(f *data.Framework, c Content, s State) error {
	col := p.Column
	// The base is the receiving file's own values when it sent what this
	// package answers; the office's copy sent out carries the office's
	// base for the answer to bring back, which says nothing of the file
	// receiving it.
	base := map[string]*data.Sheet{}
	if p.Kind == KindSelf || p.Kind == KindShareBack {
		for i := range c.Base {
			base[c.Base[i].Unit] = &c.Base[i]
		}
	}
	names := map[string]string{}
	for _, u := range c.Units {
		names[u.Code] = u.Name
	}
	for code, u := range s.Units {
		names[code] = u.Name
	}
	for i := range c.Sheets {
		in := c.Sheets[i]
		in.Scores = cloneScores(in.Scores)
		// The same rules as typing: a leaf of the framework, points within it.
		if err := in.Validate(f); err != nil {
			return refuse("đơn vị %s: %s", in.Unit, data.ErrorMessage(err))
		}
		// Every evidence file a score names travels in the package.
		for code, sc := range in.Scores {
			for _, ef := range sc.Files {
				if e := p.Entry(FilePath(ef.SHA256)); e == nil || e.Size != ef.Size {
					return refuse("đơn vị %s, tiêu chí %s: tệp kiểm chứng «%s» không có trong gói (mục %s)", in.Unit, code, ef.Name, FilePath(ef.SHA256))
				}
			}
		}
		cur := s.Sheets[in.Unit]
		if cur == nil {
			cur = data.NewSheet(p.Year, in.Unit)
		}
		b := base[in.Unit]
		f.Leaves(func(_, leaf *data.Criterion) {
			cv, iv := col.Of(cur.Scores[leaf.Code]), col.Of(in.Scores[leaf.Code])
			if col.Empty(cv) && col.Empty(iv) {
				return
			}
			r := Row{Unit: in.Unit, UnitName: names[in.Unit], Code: leaf.Code, Title: leaf.Title,
				Current: cv, Incoming: iv, CurrentText: ValueText(cv, col), InText: ValueText(iv, col)}
			switch {
			case cv.Same(iv):
				r.Action = Same
			case b != nil && col.Of(b.Scores[leaf.Code]).Same(cv):
				r.Action = Change // the file still holds what it sent
			case b == nil && col.Empty(cv):
				r.Action = Change // nothing to lose
			default:
				r.Action = Conflict
			}
			p.Rows = append(p.Rows, r)
		})
		if p.Kind == KindSelf {
			if err := p.compareExplanations(f, in.Unit, names[in.Unit], c, s); err != nil {
				return err
			}
		}
	}
	return nil
}

// compareExplanations adds a row for each criterion the unit explains in
// the package or the file holds an explanation for. An explanation the
// file holds with other words is a conflict, as for a score.
func (p *Plan) compareExplanations(f *data.Framework, unit, name string, c Content, s State) error {
	in := c.Explanations[unit]
	var cur map[string]data.Explanation
	if a := s.Appraisals[unit]; a != nil {
		cur = a.Explanations
	}
	for code := range in {
		if l := f.Find(code); l == nil || !l.IsLeaf() {
			return refuse("đơn vị %s: giải trình tiêu chí %s không có trong bộ chỉ số năm %d", unit, code, p.Year)
		}
	}
	f.Leaves(func(_, leaf *data.Criterion) {
		ce, ie := cur[leaf.Code], in[leaf.Code]
		if ie.Text == "" && ie.Evidence == "" {
			return // a package that does not explain leaves the file's explanation as it is
		}
		r := Row{Unit: unit, UnitName: name, Code: leaf.Code, Title: "Giải trình — " + leaf.Title, Explanation: true,
			CurrentExpl: ce, InExpl: ie, CurrentText: explText(ce), InText: explText(ie)}
		switch {
		case ce.Text == ie.Text && ce.Evidence == ie.Evidence:
			r.Action = Same
		case ce.Text == "" && ce.Evidence == "":
			r.Action = Change
		default:
			r.Action = Conflict
		}
		p.Rows = append(p.Rows, r)
	})
	return nil
}

func explText(e data.Explanation) string {
	if e.Text == "" && e.Evidence == "" {
		return "–"
	}
	t := "giải trình: " + short(e.Text)
	if e.Evidence != "" {
		t += "; tài liệu: " + short(e.Evidence)
	}
	return t
}

func cloneScores(m map[string]data.Score) map[string]data.Score {
	out := make(map[string]data.Score, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

// ValueText prints a column's values for the plan: the points ("–" when
// not entered), then the note and the evidence, shortened.
func ValueText(sc data.Score, col Column) string {
	pt := func(p *data.Points) string {
		if p == nil {
			return "–"
		}
		return p.Short()
	}
	var parts []string
	self, appr := pt(sc.Self), pt(sc.Appraised)
	if sc.SelfNA {
		self = "không áp dụng"
	}
	if sc.AppraisedNA {
		appr = "không áp dụng"
	}
	switch col {
	case ColSelf:
		parts = append(parts, self)
	case ColAppraised:
		parts = append(parts, appr)
	default:
		parts = append(parts, "TĐG "+self, "TĐ "+appr)
	}
	if sc.Note != "" {
		parts = append(parts, "ghi chú: "+short(sc.Note))
	}
	if sc.Evidence != "" {
		parts = append(parts, "kiểm chứng: "+short(sc.Evidence))
	}
	if len(sc.Files) > 0 {
		names := make([]string, len(sc.Files))
		for i, f := range sc.Files {
			names[i] = f.Name
		}
		parts = append(parts, fmt.Sprintf("%d tệp: %s", len(sc.Files), short(strings.Join(names, ", "))))
	}
	return strings.Join(parts, "; ")
}

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	r := []rune(s)
	return string(r[:39]) + "…"
}
