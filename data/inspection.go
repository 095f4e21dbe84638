package data

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Self-inspection (tự kiểm tra, kiểm tra công vụ): the office visits its
// units with a checklist, records each item's result, writes its findings
// and recommendations into an inspection record (biên bản kiểm tra) that
// the team leader and the unit's head sign, then follows the
// recommendations until they are closed.

// AnswerKind says how a checklist item is answered.
type AnswerKind string

const (
	// AnswerCheck items are answered đạt / không đạt / không áp dụng, with
	// a note.
	AnswerCheck AnswerKind = ""
	// AnswerNumber items are answered with a figure ("Tỷ lệ hồ sơ giải
	// quyết đúng hạn: 98,5 %"), with a note.
	AnswerNumber AnswerKind = "number"
)

// ChecklistItem is one question of a checklist template.
type ChecklistItem struct {
	Code     string `json:"code"`            // "1.2"
	Question string `json:"question"`        // what the team asks
	Check    string `json:"check,omitempty"` // what to look at: records, boards, the software
	// Criterion optionally links the item to a framework criterion code
	// ("3.1"), so a "không đạt" points at the index points at stake.
	Criterion string     `json:"criterion,omitempty"`
	Kind      AnswerKind `json:"kind,omitempty"`
	// Unit of a number answer: "%", "hồ sơ", "lượt".
	Unit string `json:"unit,omitempty"`
	// Max of a number answer (100 for a rate); 0 means no upper bound.
	Max Points `json:"max,omitempty"`
}

// ChecklistSection groups the items of a template ("I. Công khai thủ tục
// hành chính").
type ChecklistSection struct {
	Code  string          `json:"code"`
	Title string          `json:"title"`
	Items []ChecklistItem `json:"items"`
}

// Template is a checklist template (mẫu phiếu kiểm tra). It is versioned:
// a version used by a finished visit is never changed, since the signed
// record must keep the questions it was made with; editing it makes the
// next version.
type Template struct {
	ID       string             `json:"id"`      // "MC-CCHC"
	Version  int                `json:"version"` // 1, 2, …
	Title    string             `json:"title"`
	Sections []ChecklistSection `json:"sections"`
}

// Label is the title with its version: "Phiếu kiểm tra … (phiên bản 2)".
func (t *Template) Label() string {
	return fmt.Sprintf("%s (phiên bản %d)", t.Title, t.Version)
}

// Items calls fn for every item with its section, in order.
func (t *Template) Items(fn func(s *ChecklistSection, it *ChecklistItem)) {
	for i := range t.Sections {
		s := &t.Sections[i]
		for j := range s.Items {
			fn(s, &s.Items[j])
		}
	}
}

// Item returns the item with the given code, or nil.
func (t *Template) Item(code string) *ChecklistItem {
	var found *ChecklistItem
	t.Items(func(_ *ChecklistSection, it *ChecklistItem) {
		if it.Code == code && found == nil {
			found = it
		}
	})
	return found
}

// ItemCount is the number of items.
func (t *Template) ItemCount() int {
	n := 0
	for _, s := range t.Sections {
		n += len(s.Items)
	}
	return n
}

// Limits of a template's fields, named in the refusals.
const (
	maxTemplateID = 20
	maxItemCode   = 10
	// MaxFigure is the largest max a number item may set (0 sets none).
	MaxFigure = Points(999_999_999 * PointsScale)
)

// Validate normalises the template and checks it: an ID and a title, at
// least one item, item codes present and unique, questions present, a
// known answer kind; a number item's max within 0 and MaxFigure; a check
// item with neither unit nor max. Each refusal names the field and what it
// allows.
func (t *Template) Validate() error {
	t.ID = strings.ToUpper(Clean(t.ID))
	t.Title = Clean(t.Title)
	switch {
	case t.ID == "":
		return errorf(EINVALID, "Mã mẫu phiếu: chưa nhập (tối đa %d ký tự, không có dấu cách hay dấu /)", maxTemplateID)
	case len([]rune(t.ID)) > maxTemplateID || strings.ContainsAny(t.ID, "/ "):
		return errorf(EINVALID, "Mã mẫu phiếu %q: tối đa %d ký tự, không có dấu cách hay dấu /", t.ID, maxTemplateID)
	case t.Title == "":
		return errorf(EINVALID, "Tên mẫu phiếu %s: chưa nhập", t.ID)
	}
	seen := map[string]bool{}
	sections := map[string]bool{}
	n := 0
	for i := range t.Sections {
		s := &t.Sections[i]
		s.Code = Clean(s.Code)
		s.Title = Clean(s.Title)
		switch {
		case s.Title == "":
			return errorf(EINVALID, "Tên phần thứ %d của mẫu phiếu: chưa nhập", i+1)
		case len([]rune(s.Code)) > maxItemCode:
			return errorf(EINVALID, "Số thứ tự phần %q: tối đa %d ký tự", s.Code, maxItemCode)
		case s.Code != "" && sections[s.Code]:
			return errorf(EINVALID, "Số thứ tự phần %s bị trùng trong mẫu phiếu: mỗi phần một số khác nhau", s.Code)
		}
		sections[s.Code] = true
		for j := range s.Items {
			it := &s.Items[j]
			it.Code = Clean(it.Code)
			it.Question = Clean(it.Question)
			it.Check = CleanMultiline(it.Check)
			it.Criterion = Clean(it.Criterion)
			it.Unit = Clean(it.Unit)
			switch {
			case it.Code == "":
				return errorf(EINVALID, "Mã câu hỏi %q (phần %s): chưa nhập (tối đa %d ký tự)", it.Question, s.Title, maxItemCode)
			case len([]rune(it.Code)) > maxItemCode:
				return errorf(EINVALID, "Mã câu hỏi %q: tối đa %d ký tự", it.Code, maxItemCode)
			case seen[it.Code]:
				return errorf(EINVALID, "Mã câu hỏi %s bị trùng trong mẫu phiếu: mỗi câu hỏi một mã khác nhau", it.Code)
			case it.Question == "":
				return errorf(EINVALID, "Nội dung câu hỏi %s: chưa nhập", it.Code)
			case it.Kind != AnswerCheck && it.Kind != AnswerNumber:
				return errorf(EINVALID, "Cách trả lời câu hỏi %s: chỉ được là đạt/không đạt/không áp dụng hoặc số liệu", it.Code)
			case it.Max < 0 || it.Max > MaxFigure:
				return errorf(EINVALID, "Giá trị tối đa của câu hỏi %s: phải từ 0 đến %s (0 là không giới hạn), đang là %s", it.Code, FormatCount(int64(MaxFigure/PointsScale)), it.Max.Short())
			case it.Kind == AnswerCheck && (it.Unit != "" || it.Max != 0):
				return errorf(EINVALID, "Câu hỏi %s trả lời đạt/không đạt/không áp dụng: không có đơn vị tính và giá trị tối đa (chỉ câu hỏi số liệu mới có)", it.Code)
			}
			seen[it.Code] = true
			n++
		}
	}
	if n == 0 {
		return errorf(EINVALID, "Mẫu phiếu %s chưa có câu hỏi nào: cần ít nhất 1 câu hỏi", t.ID)
	}
	return nil
}

// The editor's operations. Each works on the template in memory and says
// whether it did anything; the caller saves the result with SaveTemplate,
// which validates it.

// NextItemCode proposes a code for a new item of section si: the section's
// number and the next item number ("2.5" after four items of the second
// section), one not yet used in the template.
func (t *Template) NextItemCode(si int) string {
	for n := len(t.Sections[si].Items) + 1; ; n++ {
		code := fmt.Sprintf("%d.%d", si+1, n)
		if t.Item(code) == nil {
			return code
		}
	}
}

// NextSectionCode proposes the Roman number of a section added at the end.
func (t *Template) NextSectionCode() string {
	return Roman(len(t.Sections) + 1)
}

// DeleteItem removes item ii of section si.
func (t *Template) DeleteItem(si, ii int) bool {
	if si < 0 || si >= len(t.Sections) || ii < 0 || ii >= len(t.Sections[si].Items) {
		return false
	}
	t.Sections[si].Items = slices.Delete(t.Sections[si].Items, ii, ii+1)
	return true
}

// DeleteSection removes section si with its items.
func (t *Template) DeleteSection(si int) bool {
	if si < 0 || si >= len(t.Sections) {
		return false
	}
	t.Sections = slices.Delete(t.Sections, si, si+1)
	return true
}

// MoveItem moves item ii of section si one place up (delta -1) or down
// (+1); past the first or last item of its section it goes to the end of
// the previous section or the start of the next one. It returns where the
// item now is; ok is false when it cannot move.
func (t *Template) MoveItem(si, ii, delta int) (nsi, nii int, ok bool) {
	if si < 0 || si >= len(t.Sections) || ii < 0 || ii >= len(t.Sections[si].Items) || (delta != -1 && delta != 1) {
		return si, ii, false
	}
	items := t.Sections[si].Items
	if j := ii + delta; j >= 0 && j < len(items) {
		items[ii], items[j] = items[j], items[ii]
		return si, j, true
	}
	ns := si + delta
	if ns < 0 || ns >= len(t.Sections) {
		return si, ii, false
	}
	it := items[ii]
	t.Sections[si].Items = slices.Delete(items, ii, ii+1)
	if delta < 0 {
		t.Sections[ns].Items = append(t.Sections[ns].Items, it)
		return ns, len(t.Sections[ns].Items) - 1, true
	}
	t.Sections[ns].Items = slices.Insert(t.Sections[ns].Items, 0, it)
	return ns, 0, true
}

// MoveSection moves section si one place up (-1) or down (+1) with its
// items; it returns the section's new index.
func (t *Template) MoveSection(si, delta int) (int, bool) {
	j := si + delta
	if si < 0 || si >= len(t.Sections) || j < 0 || j >= len(t.Sections) || (delta != -1 && delta != 1) {
		return si, false
	}
	t.Sections[si], t.Sections[j] = t.Sections[j], t.Sections[si]
	return j, true
}

// Roman is n in Roman numerals: the numbers of a document's or a
// checklist's parts (I, II, III, IV …).
func Roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// Copy returns a deep copy (for editing into a new version).
func (t *Template) Copy() Template {
	c := *t
	c.Sections = make([]ChecklistSection, len(t.Sections))
	for i, s := range t.Sections {
		s.Items = append([]ChecklistItem(nil), s.Items...)
		c.Sections[i] = s
	}
	return c
}

// Outcome is the answer to a check item.
type Outcome string

const (
	NotAnswered   Outcome = ""
	Passed        Outcome = "dat"      // đạt
	Failed        Outcome = "khongdat" // không đạt
	NotApplicable Outcome = "kad"      // không áp dụng
)

// Outcomes lists the answers of a check item in the order forms offer them.
var Outcomes = []Outcome{Passed, Failed, NotApplicable}

// Label is the Vietnamese answer.
func (r Outcome) Label() string {
	switch r {
	case Passed:
		return "Đạt"
	case Failed:
		return "Không đạt"
	case NotApplicable:
		return "Không áp dụng"
	}
	return ""
}

// OutcomeOf reads a label back ("Đạt" → Passed); unknown text gives
// NotAnswered.
func OutcomeOf(label string) Outcome {
	for _, r := range Outcomes {
		if r.Label() == label {
			return r
		}
	}
	return NotAnswered
}

// Answer is a visit's answer to one item. A number item may also be
// answered NotApplicable, with no value.
type Answer struct {
	Outcome Outcome `json:"result,omitempty"`
	Value   *Points `json:"value,omitempty"`
	Note    string  `json:"note,omitempty"`
}

// Text is the answer as the record prints it: "Đạt", "98,50 %" (rates
// always with two decimals), "7.447 hồ sơ".
func (a Answer) Text(it *ChecklistItem) string {
	if it.Kind == AnswerNumber && a.Value != nil {
		s := a.Value.Short()
		switch {
		case strings.TrimSpace(it.Unit) == "%":
			s = a.Value.String()
		case *a.Value%PointsScale == 0:
			s = FormatCount(int64(*a.Value / PointsScale))
		}
		if it.Unit != "" {
			s += "\u00a0" + it.Unit
		}
		return s
	}
	return a.Outcome.Label()
}

// Member is a member of an inspection team.
type Member struct {
	Name  string `json:"name"`
	Title string `json:"title,omitempty"` // "Phó Giám đốc Sở Nội vụ, Trưởng đoàn"
}

// Recommendation is a remedy the team asks of the unit (kiến nghị), with
// who carries it out and by when. Once the visit is finished it is
// followed up as a task (TaskID) until closed.
type Recommendation struct {
	Text     string    `json:"text"`
	Owner    string    `json:"owner"`
	Deadline time.Time `json:"deadline"`
	Done     bool      `json:"done,omitempty"`
	// TaskID is the task that follows the recommendation up (0 before the
	// visit is finished).
	TaskID int64 `json:"task,omitempty"`
}

// Visit is one inspection visit (đợt kiểm tra) of the year's plan: a unit,
// a date, a team and the template version it is checked against; once the
// team has been, the answers, findings and recommendations. A finished
// visit is the signed record: it is not edited any more.
type Visit struct {
	ID   string    `json:"id"` // "2023-03", given by the store
	Year int       `json:"year"`
	Unit string    `json:"unit"` // unit code
	Date time.Time `json:"date"`
	// Team: the first member leads it (Trưởng đoàn).
	Team            []Member `json:"team"`
	UnitHead        Member   `json:"unit_head"` // who signs for the inspected unit
	Template        string   `json:"template"`
	TemplateVersion int      `json:"template_version"`
	// Answers by item code.
	Answers         map[string]Answer `json:"answers,omitempty"`
	Strengths       string            `json:"strengths,omitempty"`  // ưu điểm
	Weaknesses      string            `json:"weaknesses,omitempty"` // tồn tại, hạn chế
	Recommendations []Recommendation  `json:"recommendations,omitempty"`
	Finished        bool              `json:"finished,omitempty"`
	Number          string            `json:"number,omitempty"` // the record's number, "05"
}

// Leader is the team leader, or a zero Member.
func (v *Visit) Leader() Member {
	if len(v.Team) == 0 {
		return Member{}
	}
	return v.Team[0]
}

// OpenRecommendations counts the recommendations not yet done.
func (v *Visit) OpenRecommendations() int {
	n := 0
	for _, r := range v.Recommendations {
		if !r.Done {
			n++
		}
	}
	return n
}

// Validate normalises the visit and checks it against its template: a
// year, a unit, a date in the year, team members named, answers only to
// the template's items and within their range, recommendations with a
// text, an owner and a deadline not before the visit. A finished visit
// must also have every item answered and a team leader.
func (v *Visit) Validate(t *Template) error {
	if v.Year < 2000 || v.Year > 2100 {
		return errorf(EINVALID, "Năm kế hoạch kiểm tra: phải từ 2000 đến 2100, đang là %d", v.Year)
	}
	v.Unit = Clean(v.Unit)
	if v.Unit == "" {
		return errorf(EINVALID, "Đơn vị được kiểm tra: chưa chọn")
	}
	if v.Date.IsZero() {
		return errorf(EINVALID, "Ngày kiểm tra: chưa nhập")
	}
	if v.Date.Year() != v.Year {
		return errorf(EINVALID, "Ngày kiểm tra %s: phải trong năm %d của kế hoạch", FormatDate(v.Date), v.Year)
	}
	if t == nil || t.ID != v.Template || t.Version != v.TemplateVersion {
		return errorf(EINVALID, "Mẫu phiếu kiểm tra của đợt kiểm tra: chưa chọn")
	}
	team := v.Team[:0:0]
	for _, m := range v.Team {
		m.Name, m.Title = Clean(m.Name), Clean(m.Title)
		if m.Name == "" && m.Title == "" {
			continue
		}
		if m.Name == "" {
			return errorf(EINVALID, "Thành viên đoàn kiểm tra (%s): chưa nhập họ tên", m.Title)
		}
		team = append(team, m)
	}
	v.Team = team
	v.UnitHead.Name, v.UnitHead.Title = Clean(v.UnitHead.Name), Clean(v.UnitHead.Title)
	v.Number = Clean(v.Number)
	v.Strengths = CleanMultiline(v.Strengths)
	v.Weaknesses = CleanMultiline(v.Weaknesses)
	for code, a := range v.Answers {
		it := t.Item(code)
		if it == nil {
			return errorf(EINVALID, "Câu hỏi mã %s không có trong mẫu phiếu %s", code, t.Label())
		}
		a.Note = CleanMultiline(a.Note)
		switch {
		case it.Kind == AnswerCheck && a.Value != nil:
			return errorf(EINVALID, "Câu hỏi %s: chỉ trả lời đạt, không đạt hoặc không áp dụng, không nhập số", code)
		case it.Kind == AnswerNumber && a.Outcome != NotAnswered && a.Outcome != NotApplicable:
			return errorf(EINVALID, "Câu hỏi %s: nhập số liệu hoặc chọn không áp dụng", code)
		case a.Outcome != NotAnswered && a.Outcome != Passed && a.Outcome != Failed && a.Outcome != NotApplicable:
			return errorf(EINVALID, "Câu hỏi %s: câu trả lời %q không hợp lệ (đạt, không đạt, không áp dụng)", code, a.Outcome)
		case a.Value != nil && a.Outcome == NotApplicable:
			return errorf(EINVALID, "Câu hỏi %s: đã chọn không áp dụng thì không nhập số liệu", code)
		case a.Value != nil && *a.Value < 0:
			return errorf(EINVALID, "Câu hỏi %s: số liệu không được âm", code)
		case a.Value != nil && it.Max > 0 && *a.Value > it.Max:
			return errorf(EINVALID, "Câu hỏi %s: số liệu %s ngoài khoảng cho phép 0 – %s", code, a.Value.Short(), it.Max.Short())
		}
		if a == (Answer{}) {
			delete(v.Answers, code)
			continue
		}
		v.Answers[code] = a
	}
	for i := range v.Recommendations {
		r := &v.Recommendations[i]
		r.Text, r.Owner = CleanMultiline(r.Text), Clean(r.Owner)
		switch {
		case r.Text == "":
			return errorf(EINVALID, "Kiến nghị thứ %d: chưa nhập nội dung", i+1)
		case r.Owner == "":
			return errorf(EINVALID, "Kiến nghị thứ %d: chưa nhập đơn vị, người thực hiện", i+1)
		case r.Deadline.IsZero():
			return errorf(EINVALID, "Kiến nghị thứ %d: chưa nhập thời hạn thực hiện", i+1)
		case dayBefore(r.Deadline, v.Date):
			return errorf(EINVALID, "Kiến nghị thứ %d: thời hạn %s phải từ ngày kiểm tra %s trở đi", i+1, FormatDate(r.Deadline), FormatDate(v.Date))
		}
	}
	if !v.Finished {
		return nil
	}
	if v.Leader().Name == "" {
		return errorf(EINVALID, "Đoàn kiểm tra: chưa nhập trưởng đoàn (thành viên đầu tiên)")
	}
	var missing []string
	t.Items(func(_ *ChecklistSection, it *ChecklistItem) {
		if !v.Answered(it) {
			missing = append(missing, it.Code)
		}
	})
	if len(missing) > 0 {
		return errorf(EINVALID, "Chưa trả lời %d câu hỏi: %s; cần trả lời đủ %d câu trước khi hoàn thành", len(missing), strings.Join(missing, ", "), t.ItemCount())
	}
	return nil
}

// Answered reports whether the visit answers item it.
func (v *Visit) Answered(it *ChecklistItem) bool {
	a := v.Answers[it.Code]
	if it.Kind == AnswerNumber {
		return a.Value != nil || a.Outcome == NotApplicable
	}
	return a.Outcome != NotAnswered
}

func dayBefore(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC).Before(time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC))
}

// Tally counts a visit's check answers: passed, failed, not applicable,
// and number items answered.
type Tally struct {
	Items, Passed, Failed, NotApplicable, Figures int
}

// Tally counts the answers of v against t.
func (v *Visit) Tally(t *Template) Tally {
	var c Tally
	t.Items(func(_ *ChecklistSection, it *ChecklistItem) {
		c.Items++
		a := v.Answers[it.Code]
		switch {
		case a.Outcome == NotApplicable:
			c.NotApplicable++
		case it.Kind == AnswerNumber && a.Value != nil:
			c.Figures++
		case a.Outcome == Passed:
			c.Passed++
		case a.Outcome == Failed:
			c.Failed++
		}
	})
	return c
}

// UnitOpen is a unit's open recommendations across finished visits.
type UnitOpen struct {
	Unit string
	Open int
	// Overdue counts the open ones past their deadline on the day asked.
	Overdue int
}

// PlanProgress is how a year's inspection plan stands: visits done of
// visits planned, and the recommendations still open per unit.
type PlanProgress struct {
	Year    int
	Planned int
	Done    int
	Open    []UnitOpen // units with open recommendations, in visit order
}

// Progress sums up a year's visits on day today.
func Progress(year int, visits []Visit, today time.Time) PlanProgress {
	p := PlanProgress{Year: year}
	idx := map[string]int{}
	for _, v := range visits {
		if v.Year != year {
			continue
		}
		p.Planned++
		if !v.Finished {
			continue
		}
		p.Done++
		for _, r := range v.Recommendations {
			if r.Done {
				continue
			}
			i, ok := idx[v.Unit]
			if !ok {
				i = len(p.Open)
				idx[v.Unit] = i
				p.Open = append(p.Open, UnitOpen{Unit: v.Unit})
			}
			p.Open[i].Open++
			if dayBefore(r.Deadline, today) {
				p.Open[i].Overdue++
			}
		}
	}
	return p
}

// InspectionPlan is the year's inspection plan as a document (kế hoạch
// kiểm tra, symbol KH): its number, title, date and the purpose and
// requirements of the inspections. The visits of the year are its list of
// units, dates and team leaders.
type InspectionPlan struct {
	Year int `json:"year"`
	// Number is the document's number, "15": printed "Số: 15/KH-SNV".
	Number string `json:"number,omitempty"`
	// Title is the summary under "KẾ HOẠCH": "Kiểm tra công tác cải cách
	// hành chính năm 2024".
	Title string `json:"title"`
	// Date of the document; zero leaves it to be written by hand.
	Date time.Time `json:"date,omitempty"`
	// Purpose is the "Mục đích, yêu cầu" part, one paragraph a line.
	Purpose string `json:"purpose,omitempty"`
	// Organisation is the "Tổ chức thực hiện" part, one paragraph a line.
	Organisation string `json:"organisation,omitempty"`
}

// PlanTitle is the usual title of a year's inspection plan.
func PlanTitle(year int) string {
	return fmt.Sprintf("Kiểm tra công tác cải cách hành chính năm %d", year)
}

const maxPlanNumber = 10

// Validate normalises the plan and checks it: a year within 2000 and 2100,
// a title, a number of at most 10 characters without "/" (the symbol
// "/KH-…" is added when printing), a date from 1 January of the year
// before (plans are issued in the last weeks of the year before) to 31
// December of the year.
func (p *InspectionPlan) Validate() error {
	p.Number = Clean(p.Number)
	p.Title = Clean(p.Title)
	p.Purpose = CleanMultiline(p.Purpose)
	p.Organisation = CleanMultiline(p.Organisation)
	switch {
	case p.Year < 2000 || p.Year > 2100:
		return errorf(EINVALID, "Năm của kế hoạch kiểm tra: phải từ 2000 đến 2100, đang là %d", p.Year)
	case p.Title == "":
		return errorf(EINVALID, "Tên (trích yếu) kế hoạch kiểm tra năm %d: chưa nhập", p.Year)
	case len([]rune(p.Number)) > maxPlanNumber:
		return errorf(EINVALID, "Số kế hoạch %q: tối đa %d ký tự", p.Number, maxPlanNumber)
	case strings.Contains(p.Number, "/"):
		return errorf(EINVALID, "Số kế hoạch %q: chỉ nhập số (ví dụ 15), ký hiệu /KH-… được thêm khi in", p.Number)
	}
	if !p.Date.IsZero() && (p.Date.Year() < p.Year-1 || p.Date.Year() > p.Year) {
		return errorf(EINVALID, "Ngày ban hành kế hoạch kiểm tra năm %d: phải từ 01/01/%d đến 31/12/%d, đang là %s", p.Year, p.Year-1, p.Year, FormatDate(p.Date))
	}
	return nil
}
