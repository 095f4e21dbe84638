package data

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// PlanKind says where a task comes from: the year's reform plan, the
// conclusions of a review conference, or the recommendations of an
// inspection visit.
type PlanKind string

const (
	PlanAnnual     PlanKind = "annual"     // kế hoạch CCHC năm
	PlanConference PlanKind = "conference" // kết luận hội nghị (tổng kết, sơ kết)
	PlanInspection PlanKind = "inspection" // kiến nghị sau kiểm tra
)

// PlanKinds lists the kinds in the order forms offer them.
var PlanKinds = []PlanKind{PlanAnnual, PlanConference, PlanInspection}

// Label is the Vietnamese name of the kind.
func (k PlanKind) Label() string {
	switch k {
	case PlanAnnual:
		return "Kế hoạch CCHC năm"
	case PlanConference:
		return "Kết luận hội nghị"
	case PlanInspection:
		return "Kiến nghị kiểm tra"
	}
	return string(k)
}

// DefaultPlanName is the plan name a task gets when none is typed: "Kế
// hoạch CCHC năm 2024".
func (k PlanKind) DefaultPlanName(year int) string {
	switch k {
	case PlanConference:
		return fmt.Sprintf("Kết luận Hội nghị tổng kết CCHC năm %d", year-1)
	case PlanInspection:
		return fmt.Sprintf("Kiến nghị kiểm tra CCHC năm %d", year)
	}
	return fmt.Sprintf("Kế hoạch CCHC năm %d", year)
}

// TaskStatus is where a task stands on a given day. It is never stored: it
// follows from the done flag, the progress and the due date.
type TaskStatus string

const (
	StatusNotStarted TaskStatus = "todo"    // chưa thực hiện: no progress yet, not past due
	StatusInProgress TaskStatus = "doing"   // đang thực hiện: some progress, not past due
	StatusDone       TaskStatus = "done"    // hoàn thành
	StatusOverdue    TaskStatus = "overdue" // quá hạn: not done and the due date has passed
)

// TaskStatuses lists the statuses in the order lists and reports show them.
var TaskStatuses = []TaskStatus{StatusOverdue, StatusInProgress, StatusNotStarted, StatusDone}

// Label is the Vietnamese name of the status.
func (s TaskStatus) Label() string {
	switch s {
	case StatusNotStarted:
		return "Chưa thực hiện"
	case StatusInProgress:
		return "Đang thực hiện"
	case StatusDone:
		return "Hoàn thành"
	case StatusOverdue:
		return "Quá hạn"
	}
	return string(s)
}

// DueSoonDays is how far ahead the dashboard looks for tasks falling due.
const DueSoonDays = 14

// Task is a reform task (nhiệm vụ CCHC): a work item of the year's plan, of
// a review conference's conclusions or of an inspection's recommendations,
// with an owner, a deadline and its progress. The seeds' offices end every
// review by finding the cause of every lost point and assigning a remedy
// with a deadline; such a remedy is a Task linked to the criterion.
type Task struct {
	ID          int64  `json:"id"` // assigned by the store; 0 for a new task
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	// Year is the plan year the task belongs to (the year it is carried out).
	Year     int      `json:"year"`
	PlanKind PlanKind `json:"plan_kind"`
	PlanName string   `json:"plan_name"` // "Kế hoạch CCHC năm 2024", "Kết luận Hội nghị tổng kết CCHC năm 2023"
	// Unit is the code of the unit in charge (chủ trì); "" means the office
	// itself.
	Unit    string    `json:"unit,omitempty"`
	Officer string    `json:"officer,omitempty"`  // the officer in charge
	CoUnits []string  `json:"co_units,omitempty"` // units carrying it out with the one in charge (phối hợp)
	Start   time.Time `json:"start,omitzero"`
	Due     time.Time `json:"due"`
	// Progress is the share done, 0-100 %; a done task is 100.
	Progress int       `json:"progress"`
	Result   string    `json:"result,omitempty"` // kết quả thực hiện
	Done     bool      `json:"done,omitempty"`
	DoneDate time.Time `json:"done_date,omitzero"`
	// Criterion links a remedy to a framework criterion (code) of the
	// framework of CriterionYear, the year whose lost points it remedies.
	Criterion     string `json:"criterion,omitempty"`
	CriterionYear int    `json:"criterion_year,omitempty"`
	// Source identifies what created the task, for links back: "lostpoints:2023:3.3",
	// "inspection:<visitID>:<n>". Empty for a task typed by hand.
	Source string `json:"source,omitempty"`
}

// Day returns t's calendar date at midnight UTC, so that dates typed in any
// time zone compare by day.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Status is where the task stands on the given day. A task due today is not
// overdue; it becomes overdue the day after its due date.
func (t *Task) Status(today time.Time) TaskStatus {
	switch {
	case t.Done:
		return StatusDone
	case !t.Due.IsZero() && Day(t.Due).Before(Day(today)):
		return StatusOverdue
	case t.Progress > 0:
		return StatusInProgress
	}
	return StatusNotStarted
}

// DaysLate is how many days past its due date an unfinished task is on the
// given day (0 when it is not overdue).
func (t *Task) DaysLate(today time.Time) int {
	if t.Status(today) != StatusOverdue {
		return 0
	}
	return int(Day(today).Sub(Day(t.Due)).Hours() / 24)
}

// DueSoon reports whether an unfinished task falls due within DueSoonDays
// of the given day (today included).
func (t *Task) DueSoon(today time.Time) bool {
	if t.Done || t.Due.IsZero() {
		return false
	}
	d, now := Day(t.Due), Day(today)
	return !d.Before(now) && !d.After(now.AddDate(0, 0, DueSoonDays))
}

// HasUnit reports whether the unit is in charge of the task or takes part
// in it.
func (t *Task) HasUnit(code string) bool {
	return t.Unit == code || slices.Contains(t.CoUnits, code)
}

// Validate normalises the task and checks its fields. Every message names
// the field and what is allowed. Units and the criterion are checked
// against stored data by the store.
func (t *Task) Validate() error {
	t.Title = Clean(t.Title)
	t.Description = CleanMultiline(t.Description)
	t.PlanName = Clean(t.PlanName)
	t.Unit = Clean(t.Unit)
	t.Officer = Clean(t.Officer)
	t.Result = CleanMultiline(t.Result)
	t.Criterion = Clean(t.Criterion)
	t.Source = Clean(t.Source)
	var co []string
	for _, c := range t.CoUnits {
		if c = Clean(c); c != "" && c != t.Unit && !slices.Contains(co, c) {
			co = append(co, c)
		}
	}
	t.CoUnits = co
	switch {
	case t.Title == "":
		return errorf(EINVALID, "Tên nhiệm vụ: chưa nhập")
	case len([]rune(t.Title)) > 500:
		return errorf(EINVALID, "Tên nhiệm vụ: tối đa 500 ký tự, đang có %s", FormatCount(int64(len([]rune(t.Title)))))
	case t.Year < 2000 || t.Year > 2100:
		return errorf(EINVALID, "Năm kế hoạch của nhiệm vụ: phải từ 2000 đến 2100, đang là %d", t.Year)
	case !slices.Contains(PlanKinds, t.PlanKind):
		return errorf(EINVALID, "Loại kế hoạch của nhiệm vụ: phải là %s", planKindList())
	case t.Due.IsZero():
		return errorf(EINVALID, "Hạn hoàn thành: chưa nhập (dạng 30/06/%d)", t.Year)
	case t.Due.Year() < 2000 || t.Due.Year() > 2100:
		return errorf(EINVALID, "Hạn hoàn thành %s: phải trong các năm 2000 đến 2100", FormatDate(t.Due))
	case !t.Start.IsZero() && Day(t.Start).After(Day(t.Due)):
		return errorf(EINVALID, "Ngày bắt đầu %s: phải trước hoặc bằng hạn hoàn thành %s", FormatDate(t.Start), FormatDate(t.Due))
	case t.Progress < 0 || t.Progress > 100:
		return errorf(EINVALID, "Tiến độ: phải từ 0 đến 100 %%, đang là %d %%", t.Progress)
	case t.Done && t.DoneDate.IsZero():
		return errorf(EINVALID, "Ngày hoàn thành: chưa nhập (nhiệm vụ đã đánh dấu hoàn thành)")
	case t.Done && !t.Start.IsZero() && Day(t.DoneDate).Before(Day(t.Start)):
		return errorf(EINVALID, "Ngày hoàn thành %s: không được trước ngày bắt đầu %s", FormatDate(t.DoneDate), FormatDate(t.Start))
	case !t.Done && t.Progress == 100:
		return errorf(EINVALID, "Tiến độ 100 %%: hãy đánh dấu «Đã hoàn thành» và nhập ngày hoàn thành, hoặc nhập tiến độ từ 0 đến 99 %%")
	case t.Criterion == "" && t.CriterionYear != 0:
		t.CriterionYear = 0
	}
	if t.Criterion != "" && t.CriterionYear == 0 {
		t.CriterionYear = t.Year
	}
	if t.PlanName == "" {
		t.PlanName = t.PlanKind.DefaultPlanName(t.Year)
	}
	if t.Done {
		t.Progress = 100
	} else {
		t.DoneDate = time.Time{}
	}
	return nil
}

func planKindList() string {
	names := make([]string, len(PlanKinds))
	for i, k := range PlanKinds {
		names[i] = "«" + k.Label() + "»"
	}
	return strings.Join(names, ", ")
}

// TaskFilter selects tasks. A zero field does not filter.
type TaskFilter struct {
	Year      int        // plan year
	Unit      string     // in charge or taking part
	Status    TaskStatus // on Today
	Overdue   bool       // only overdue tasks on Today
	Criterion string     // linked criterion code
	Plan      string     // plan name
	Source    string     // prefix of Source: "inspection:12:" finds one visit's tasks
	Query     string     // text search, tone-insensitive when typed without tones
	// Today is the day status and overdue are judged on; it must be set
	// when Status or Overdue is.
	Today time.Time
}

// Match reports whether the task passes the filter.
func (f *TaskFilter) Match(t *Task) bool {
	switch {
	case f.Year != 0 && t.Year != f.Year:
		return false
	case f.Unit != "" && !t.HasUnit(f.Unit):
		return false
	case f.Status != "" && t.Status(f.Today) != f.Status:
		return false
	case f.Overdue && t.Status(f.Today) != StatusOverdue:
		return false
	case f.Criterion != "" && t.Criterion != f.Criterion:
		return false
	case f.Plan != "" && t.PlanName != f.Plan:
		return false
	case f.Source != "" && !strings.HasPrefix(t.Source, f.Source):
		return false
	}
	if strings.TrimSpace(f.Query) == "" {
		return true
	}
	for _, s := range []string{t.Title, t.Description, t.PlanName, t.Officer, t.Result, t.Criterion, t.Unit} {
		if Matches(s, f.Query) {
			return true
		}
	}
	return false
}

// RemediationDue is the due date of a remedy for a year's lost points: the
// end of the first half of the next year (30/06).
func RemediationDue(year int) time.Time {
	return time.Date(year+1, time.June, 30, 0, 0, 0, 0, time.Local)
}

// RemediationTask is the task the lost-points view creates for a criterion
// of a year: carried out the next year by the units that lost points on it,
// followed by the office, due at the end of the next year's first half,
// linked to the criterion. The description lists what each unit lost and
// the appraisal council's note.
func RemediationTask(year int, lp LostPoint) Task {
	var desc strings.Builder
	fmt.Fprintf(&desc, "Năm %d, %s đơn vị bị trừ tổng cộng %s điểm ở tiêu chí %s «%s» (tối đa %s điểm mỗi đơn vị).",
		year, FormatCount(int64(len(lp.Units))), lp.Lost.String(), lp.Code, lp.Title, lp.Max.String())
	units := make([]string, 0, len(lp.Units))
	for _, ul := range lp.Units {
		units = append(units, ul.Unit.Code)
		fmt.Fprintf(&desc, "\n- %s: bị trừ %s điểm", ul.Unit.Name, ul.Lost.String())
		if note := Clean(ul.Note); note != "" {
			desc.WriteString(" (" + note + ")")
		}
	}
	return Task{
		Title:         fmt.Sprintf("Khắc phục điểm bị trừ tiêu chí %s: %s", lp.Code, lp.Title),
		Description:   desc.String(),
		Year:          year + 1,
		PlanKind:      PlanConference,
		PlanName:      PlanConference.DefaultPlanName(year + 1),
		CoUnits:       units,
		Start:         time.Date(year+1, time.January, 1, 0, 0, 0, 0, time.Local),
		Due:           RemediationDue(year),
		Criterion:     lp.Code,
		CriterionYear: year,
		Source:        fmt.Sprintf("lostpoints:%d:%s", year, lp.Code),
	}
}

// acronyms stay in capitals when an office name is turned to sentence case.
var acronyms = map[string]bool{"UBND": true, "HĐND": true, "CCHC": true, "TTHC": true, "VP": true}

// OfficeShortName names the office inside a sentence or a table cell, where
// the capitals of the document heading do not belong: "SỞ NỘI VỤ" prints
// "Sở Nội vụ", "PHÒNG NỘI VỤ" prints "Phòng Nội vụ" (the first two words
// capitalised, as Vietnamese writes the names of agencies). A name typed in
// mixed case is kept as typed.
func OfficeShortName(o Office) string {
	name := Clean(o.Name)
	if name == "" || name != strings.ToUpper(name) {
		return name
	}
	words := strings.Fields(name)
	for i, w := range words {
		if acronyms[w] {
			continue
		}
		r := []rune(strings.ToLower(w))
		if i < 2 {
			r[0] = []rune(strings.ToUpper(string(r[0])))[0]
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
