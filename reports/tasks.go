package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdfdoc"
)

// TasksInput is what the task report prints.
type TasksInput struct {
	Office data.Office
	// Number is the document number, "12": printed "Số: 12/BC-<Abbrev>".
	Number string
	// Date of the document; zero leaves it to be written by hand.
	Date time.Time
	// Today is the day each task's status is judged on: the document date
	// when zero, or now when both are.
	Today time.Time
	// Year is the plan year reported.
	Year int
	// UnitName names the unit the report is limited to ("" for all).
	UnitName string
	// OverdueOnly says the tasks were limited to the overdue ones.
	OverdueOnly bool
	Tasks       []data.Task
	// Units names the units by code, for the owner column.
	Units map[string]string
	// AllUnits is how many units the office evaluates: a task shared by
	// all of them prints "tất cả đơn vị" instead of the list.
	AllUnits int
	// Created fixes the PDF's creation date (tests); zero means now.
	Created time.Time
}

// Tasks prints the task report (báo cáo tình hình thực hiện nhiệm vụ CCHC):
// an account of how many tasks stand where, then one section per plan
// (the annual plan, the conference's conclusions, the inspections'
// recommendations), each a table grouped by status, overdue first, with
// the owner, due date, progress and result. Overdue tasks are printed in
// bold with the days they are late.
func Tasks(in TasksInput) ([]byte, error) {
	if in.Year == 0 {
		return nil, data.Errorf(data.EINVALID, "Báo cáo nhiệm vụ: chưa chọn năm kế hoạch")
	}
	today := in.Today
	if today.IsZero() {
		today = in.Date
	}
	if today.IsZero() {
		today = time.Now()
	}
	o := in.Office

	title := fmt.Sprintf("Tình hình thực hiện nhiệm vụ cải cách hành chính năm %d", in.Year)
	var summary []string
	summary = append(summary, title)
	if in.UnitName != "" {
		summary = append(summary, "của "+unitInSentence(in.UnitName))
	}
	if in.OverdueOnly {
		summary = append(summary, "(các nhiệm vụ quá hạn)")
	}
	doc := pdfdoc.New(pdfdoc.Options{
		Title:   "Báo cáo " + data.LowerFirst(strings.Join(summary, " ")),
		Author:  o.Name,
		Created: in.Created,
	})
	doc.Heading(heading(o, in.Number, "BC", in.Date))
	doc.Title("BÁO CÁO", summary...)

	for _, p := range tasksIntro(in, today) {
		doc.Para(pdfdoc.Para{Text: p, Indent: pdfdoc.ParagraphIndent})
	}
	owner := ownerNamer(in)
	for i, plan := range groupByPlan(in.Tasks) {
		doc.Section(fmt.Sprintf("%s. %s (%s nhiệm vụ)", data.Roman(i+1), plan.name, data.FormatCount(int64(len(plan.tasks)))))
		doc.Table(pdfdoc.Table{Columns: taskColumns, Rows: taskRows(plan.tasks, today, owner), Size: 10.5})
	}
	if len(in.Tasks) > 0 {
		doc.Para(pdfdoc.Para{Text: fmt.Sprintf("Ghi chú: trạng thái tính đến ngày %s; nhiệm vụ quá hạn in đậm, kèm số ngày quá hạn. "+
			"Nhiệm vụ hết hạn đúng ngày %s chưa tính là quá hạn.", data.FormatDate(today), data.FormatDate(today)),
			Style: pdfdoc.Italic, Size: 11, KeepWithPrevious: true})
	}
	endSentence(doc, "Trên đây là báo cáo "+data.LowerFirst(title)+ofOffice(o)+"./.")

	recipients := o.Recipients
	if len(recipients) == 0 {
		recipients = DefaultRecipients
	}
	doc.Closing(recipients, pdfdoc.Signer{Title: o.SignerTitle, Name: o.Signer})
	return doc.Output()
}

// taskColumns fit a portrait page (165 mm of text width).
var taskColumns = []pdfdoc.Column{
	{Header: "TT", Width: 8, Align: pdfdoc.Center},
	{Header: "Nhiệm vụ"},
	{Header: "Chủ trì, phối hợp", Width: 32},
	{Header: "Hạn hoàn thành", Width: 23, Align: pdfdoc.Center},
	{Header: "Tiến độ", Width: 14, Align: pdfdoc.Right},
	{Header: "Kết quả", Width: 40},
}

type planGroup struct {
	kind  data.PlanKind
	name  string
	tasks []data.Task
}

// groupByPlan groups tasks by plan: the annual plan first, then
// conferences, then inspections; plans of a kind by name.
func groupByPlan(tasks []data.Task) []planGroup {
	var groups []planGroup
	for _, t := range tasks {
		i := slices.IndexFunc(groups, func(g planGroup) bool { return g.name == t.PlanName && g.kind == t.PlanKind })
		if i < 0 {
			groups = append(groups, planGroup{kind: t.PlanKind, name: t.PlanName})
			i = len(groups) - 1
		}
		groups[i].tasks = append(groups[i].tasks, t)
	}
	coll := data.NewCollator()
	slices.SortStableFunc(groups, func(a, b planGroup) int {
		return cmp.Or(cmp.Compare(slices.Index(data.PlanKinds, a.kind), slices.Index(data.PlanKinds, b.kind)), coll.CompareString(a.name, b.name))
	})
	return groups
}

// taskRows lists a plan's tasks by status (overdue first), each status
// under a spanning row, numbered through the plan.
func taskRows(tasks []data.Task, today time.Time, owner func(*data.Task) string) []pdfdoc.Row {
	var rows []pdfdoc.Row
	n := 0
	for _, st := range data.TaskStatuses {
		var these []data.Task
		for _, t := range tasks {
			if t.Status(today) == st {
				these = append(these, t)
			}
		}
		if len(these) == 0 {
			continue
		}
		slices.SortStableFunc(these, func(a, b data.Task) int {
			return cmp.Or(data.Day(a.Due).Compare(data.Day(b.Due)), cmp.Compare(a.ID, b.ID))
		})
		rows = append(rows, pdfdoc.Row{Cells: []string{fmt.Sprintf("%s (%s)", st.Label(), data.FormatCount(int64(len(these))))}, Span: true})
		for i := range these {
			t := &these[i]
			n++
			due := data.FormatDate(t.Due)
			overdue := st == data.StatusOverdue
			if overdue {
				due += fmt.Sprintf("\nQuá hạn\n%s ngày", data.FormatCount(int64(t.DaysLate(today))))
			}
			if t.Done {
				due += "\nXong " + data.FormatDate(t.DoneDate)
			}
			title := t.Title
			if t.Criterion != "" && !strings.Contains(title, "tiêu chí "+t.Criterion) {
				title += fmt.Sprintf(" (tiêu chí %s năm %d)", t.Criterion, t.CriterionYear)
			}
			rows = append(rows, pdfdoc.Row{
				Cells: []string{fmt.Sprint(n), title, owner(t), due, fmt.Sprintf("%d%s%%", t.Progress, nbsp), t.Result},
				Bold:  overdue,
			})
		}
	}
	return rows
}

// ownerNamer prints who carries a task out: the unit in charge (the office
// when none) with its officer, then the units taking part.
func ownerNamer(in TasksInput) func(*data.Task) string {
	office := data.OfficeShortName(in.Office)
	name := func(code string) string {
		if n, ok := in.Units[code]; ok && n != "" {
			return n
		}
		return code
	}
	return func(t *data.Task) string {
		lead := office
		if t.Unit != "" {
			lead = name(t.Unit)
		}
		if t.Officer != "" {
			lead += " (" + t.Officer + ")"
		}
		if len(t.CoUnits) == 0 {
			return lead
		}
		var co string
		switch {
		case in.AllUnits > 1 && len(t.CoUnits) >= in.AllUnits:
			co = "tất cả đơn vị"
		case len(t.CoUnits) > 4:
			names := make([]string, 3)
			for i := range names {
				names[i] = name(t.CoUnits[i])
			}
			co = strings.Join(names, ", ") + fmt.Sprintf(" và %s đơn vị khác", data.FormatCount(int64(len(t.CoUnits)-3)))
		default:
			names := make([]string, len(t.CoUnits))
			for i, c := range t.CoUnits {
				names[i] = name(c)
			}
			co = strings.Join(names, ", ")
		}
		return lead + "; phối hợp: " + co
	}
}

// tasksIntro is the account above the tables: how many tasks, how many in
// each status on the day, and the overdue ones named.
func tasksIntro(in TasksInput, today time.Time) []string {
	n := len(in.Tasks)
	scope := fmt.Sprintf("năm %d", in.Year)
	if in.UnitName != "" {
		scope += " do " + unitInSentence(in.UnitName) + " chủ trì hoặc phối hợp thực hiện"
	}
	if n == 0 {
		what := "nhiệm vụ cải cách hành chính"
		if in.OverdueOnly {
			what = "nhiệm vụ cải cách hành chính quá hạn"
		}
		return []string{fmt.Sprintf("Tính đến ngày %s, không có %s %s.", data.FormatDate(today), what, scope)}
	}
	count := map[data.TaskStatus]int{}
	for i := range in.Tasks {
		count[in.Tasks[i].Status(today)]++
	}
	var p1 string
	if in.OverdueOnly {
		p1 = fmt.Sprintf("Tính đến ngày %s, có %s nhiệm vụ cải cách hành chính %s quá hạn chưa hoàn thành.", data.FormatDate(today), data.FormatCount(int64(n)), scope)
	} else {
		var parts []string
		for _, st := range []data.TaskStatus{data.StatusDone, data.StatusInProgress, data.StatusNotStarted, data.StatusOverdue} {
			if c := count[st]; c > 0 {
				parts = append(parts, fmt.Sprintf("%s nhiệm vụ %s", data.FormatCount(int64(c)), strings.ToLower(st.Label())))
			}
		}
		p1 = fmt.Sprintf("Tính đến ngày %s, có %s nhiệm vụ cải cách hành chính %s, trong đó: %s.", data.FormatDate(today), data.FormatCount(int64(n)), scope, strings.Join(parts, ", "))
		if pc, ok := data.PercentOf(int64(count[data.StatusDone]), int64(n)); ok {
			p1 += fmt.Sprintf(" Tỷ lệ hoàn thành đạt %s%s%%.", pc, nbsp)
		}
	}
	out := []string{p1}
	if c := count[data.StatusOverdue]; c > 0 && !in.OverdueOnly {
		out = append(out, fmt.Sprintf("Có %s nhiệm vụ quá hạn chưa hoàn thành (in đậm trong bảng); đề nghị các đơn vị chủ trì khẩn trương thực hiện và báo cáo kết quả.",
			data.FormatCount(int64(c))))
	}
	out = append(out, "Tình hình thực hiện cụ thể như sau:")
	return out
}
