package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// Filter options that mean "no filter".
const (
	allYears    = "Tất cả các năm"
	allUnits    = "Tất cả đơn vị"
	allStatuses = "Mọi trạng thái"
)

// tasksView is the task list (Nhiệm vụ): the annual plan, the conferences'
// remedies and the inspections' recommendations, filtered by year, unit,
// status, overdue, criterion and text, sorted by any column, with a form to
// add and edit a task.
type tasksView struct {
	ui      *UI
	content fyne.CanvasObject

	year      *widget.Select
	unit      *widget.Select
	status    *widget.Select
	overdue   *widget.Check
	criterion *widget.Entry
	search    *widget.Entry
	table     *sortTable
	count     *widget.Label
	detail    *widget.Label
	add       *widget.Button
	edit      *widget.Button
	del       *widget.Button
	print     *widget.Button

	units  []data.Unit
	names  map[string]string // unit code → name
	office data.Office
	tasks  []data.Task // shown, in the order given to the table
	sel    int         // index in tasks, -1 for none
	form   *taskForm   // the open form, for tests
}

func newTasksView(ui *UI) *tasksView {
	v := &tasksView{ui: ui, sel: -1}
	v.year = newSelect(nil, func(string) { v.show() })
	v.unit = newSelect(nil, func(string) { v.show() })
	statuses := []string{allStatuses}
	for _, s := range data.TaskStatuses {
		statuses = append(statuses, s.Label())
	}
	v.status = newSelect(statuses, func(string) { v.show() })
	v.status.SetSelected(allStatuses)
	v.overdue = widget.NewCheck("Chỉ nhiệm vụ quá hạn", func(bool) { v.show() })
	v.criterion = widget.NewEntry()
	v.criterion.SetPlaceHolder("Mã tiêu chí")
	v.criterion.OnChanged = func(string) { v.show() }
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder("Tìm nhiệm vụ (gõ không dấu cũng được)")
	v.search.OnChanged = func(string) { v.show() }

	v.table = newSortTable([]column{
		// Widths fit a 1 280-pixel window without scrolling sideways.
		{"TT", 36, fyne.TextAlignTrailing},
		{"Nhiệm vụ", 290, fyne.TextAlignLeading},
		{"Kế hoạch", 130, fyne.TextAlignLeading},
		{"Chủ trì", 145, fyne.TextAlignLeading},
		{"Phối hợp", 105, fyne.TextAlignLeading},
		{"Hạn", 92, fyne.TextAlignLeading},
		{"Trạng thái", 165, fyne.TextAlignLeading},
		{"Tiến độ", 62, fyne.TextAlignTrailing},
		{"Tiêu chí", 62, fyne.TextAlignLeading},
	})
	v.table.OnRowSelected = v.selectRow
	v.count = widget.NewLabel("")
	v.count.Wrapping = fyne.TextWrapWord
	v.detail = widget.NewLabel("")
	v.detail.Wrapping = fyne.TextWrapWord

	v.add = widget.NewButtonWithIcon("Thêm nhiệm vụ", theme.ContentAddIcon(), func() { v.openForm(v.newTask()) })
	v.add.Importance = widget.HighImportance
	v.edit = widget.NewButtonWithIcon("Sửa", theme.DocumentCreateIcon(), func() {
		if v.sel >= 0 {
			v.openForm(v.tasks[v.sel])
		}
	})
	v.del = widget.NewButtonWithIcon("Xóa", theme.DeleteIcon(), v.confirmDelete)
	v.print = widget.NewButtonWithIcon("Lưu báo cáo PDF…", theme.DocumentSaveIcon(), v.savePDF)

	head := boldLabel("Nhiệm vụ cải cách hành chính")
	filters := flow(
		field("Năm:", container.NewGridWrap(fyne.NewSize(150, v.year.MinSize().Height), v.year)),
		field("Đơn vị:", container.NewGridWrap(fyne.NewSize(220, v.unit.MinSize().Height), v.unit)),
		field("Trạng thái:", container.NewGridWrap(fyne.NewSize(170, v.status.MinSize().Height), v.status)),
		container.NewGridWrap(fyne.NewSize(110, v.criterion.MinSize().Height), v.criterion),
		v.overdue,
	)
	top := container.NewVBox(flow(head, v.add, v.edit, v.del, v.print), filters, v.search)
	// The selected task's description and result below the list, in a
	// pane of their own so a long one does not squeeze the list.
	split := container.NewVSplit(v.table, container.NewVScroll(v.detail))
	split.Offset = 0.72
	v.content = container.NewBorder(top, v.count, nil, nil, split)
	ui.watch(v, v.load, TasksChanged, UnitsChanged, OfficeChanged, InspectionsChanged)
	v.load()
	return v
}

// load reads the units, the office and the plan years, then shows the list.
func (v *tasksView) load() {
	var years []int
	err := v.ui.store.View(func(tx *store.Tx) (err error) {
		if v.units, err = tx.Units(); err != nil {
			return err
		}
		if v.office, err = tx.Office(); err != nil {
			return err
		}
		years, err = tx.TaskYears()
		return err
	})
	if err != nil {
		v.ui.showError(err)
	}
	v.names = map[string]string{}
	unitOpts := []string{allUnits}
	for _, u := range v.units {
		v.names[u.Code] = u.Name
		unitOpts = append(unitOpts, u.Name)
	}
	yearOpts := []string{allYears}
	if y := today().Year(); !slices.Contains(years, y) {
		years = append(years, y)
		slices.Sort(years)
	}
	for _, y := range years {
		yearOpts = append(yearOpts, strconv.Itoa(y))
	}
	keep := func(s *widget.Select, opts []string, def string) {
		cur := s.Selected
		s.Options = opts
		if !slices.Contains(opts, cur) {
			cur = def
		}
		s.Selected = cur
		s.Refresh()
	}
	keep(v.unit, unitOpts, allUnits)
	keep(v.year, yearOpts, allYears)
	v.show()
}

// filter is the filter the controls describe, judged on today.
func (v *tasksView) filter() data.TaskFilter {
	f := data.TaskFilter{Today: today(), Overdue: v.overdue.Checked, Criterion: strings.TrimSpace(v.criterion.Text), Query: v.search.Text}
	f.Year, _ = strconv.Atoi(v.year.Selected)
	if i := v.unit.SelectedIndex(); i > 0 {
		f.Unit = v.units[i-1].Code
	}
	if i := v.status.SelectedIndex(); i > 0 {
		f.Status = data.TaskStatuses[i-1]
	}
	return f
}

func (v *tasksView) show() {
	if v.table == nil || v.names == nil {
		return // still building the controls
	}
	err := v.ui.store.View(func(tx *store.Tx) (err error) {
		v.tasks, err = tx.Tasks(v.filter())
		return err
	})
	if err != nil {
		v.ui.showError(err)
	}
	now := today()
	rows := make([]sortRow, len(v.tasks))
	late := 0
	for i := range v.tasks {
		t := &v.tasks[i]
		st := t.Status(now)
		if st == data.StatusOverdue {
			late++
		}
		rows[i] = sortRow{
			cells: []string{strconv.Itoa(i + 1), t.Title, t.PlanName, v.owner(t), v.coUnits(t), data.FormatDate(t.Due),
				statusText(t, now), fmt.Sprintf("%d %%", t.Progress), t.Criterion},
			keys: []any{int64(i), nil, nil, nil, nil, data.Day(t.Due).Unix(), int64(slices.Index(data.TaskStatuses, st)), int64(t.Progress), nil},
			bold: st == data.StatusOverdue,
		}
		if st == data.StatusOverdue {
			// Overdue rows stand out in the error colour, not in bold alone.
			rows[i].danger = slices.Repeat([]bool{true}, len(rows[i].cells))
		}
	}
	v.table.SetRows(rows)
	v.sel = -1
	v.detail.SetText("")
	v.edit.Disable()
	v.del.Disable()
	v.count.SetText(fmt.Sprintf("%s nhiệm vụ, %s quá hạn (tính đến ngày %s). Bấm vào tên cột để sắp xếp.",
		data.FormatCount(int64(len(v.tasks))), data.FormatCount(int64(late)), data.FormatDate(now)))
}

// statusText is the status as the list shows it: "Quá hạn 12 ngày".
func statusText(t *data.Task, now time.Time) string {
	st := t.Status(now)
	switch st {
	case data.StatusOverdue:
		return fmt.Sprintf("Quá hạn %s ngày", data.FormatCount(int64(t.DaysLate(now))))
	}
	return st.Label()
}

// owner names the unit in charge (the office when none) and the officer.
func (v *tasksView) owner(t *data.Task) string {
	s := data.OfficeShortName(v.office)
	if t.Unit != "" {
		s = v.unitName(t.Unit)
	}
	if t.Officer != "" {
		s += " (" + t.Officer + ")"
	}
	return s
}

func (v *tasksView) unitName(code string) string {
	if n, ok := v.names[code]; ok {
		return n
	}
	return code
}

func (v *tasksView) coUnits(t *data.Task) string {
	switch n := len(t.CoUnits); {
	case n == 0:
		return ""
	case n == len(v.units) && n > 1:
		return "Tất cả đơn vị"
	case n > 2:
		return fmt.Sprintf("%s và %d đơn vị khác", v.unitName(t.CoUnits[0]), n-1)
	}
	names := make([]string, len(t.CoUnits))
	for i, c := range t.CoUnits {
		names[i] = v.unitName(c)
	}
	return strings.Join(names, ", ")
}

func (v *tasksView) selectRow(i int) {
	v.sel = i
	t := &v.tasks[i]
	v.edit.Enable()
	v.del.Enable()
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s", t.Title, statusText(t, today()))
	if t.Done {
		b.WriteString(" ngày " + data.FormatDate(t.DoneDate))
	}
	if t.Criterion != "" {
		fmt.Fprintf(&b, " — tiêu chí %s năm %d", t.Criterion, t.CriterionYear)
	}
	if t.Description != "" {
		b.WriteString("\nMô tả: " + t.Description)
	}
	if len(t.CoUnits) > 0 {
		names := make([]string, len(t.CoUnits))
		for i, c := range t.CoUnits {
			names[i] = v.unitName(c)
		}
		b.WriteString("\nPhối hợp: " + strings.Join(names, ", "))
	}
	if t.Result != "" {
		b.WriteString("\nKết quả: " + t.Result)
	}
	v.detail.SetText(b.String())
}

// showTask shows a task just saved or created elsewhere: filters cleared but
// the year (and the criterion, when the task has one, so that the list is
// short enough to see it), the task selected.
func (v *tasksView) showTask(t data.Task) {
	v.load()
	v.unit.Selected = allUnits
	v.unit.Refresh()
	v.status.Selected = allStatuses
	v.status.Refresh()
	v.overdue.Checked = false
	v.overdue.Refresh()
	v.criterion.Text = t.Criterion
	v.criterion.Refresh()
	v.search.Text = ""
	v.search.Refresh()
	v.year.SetSelected(strconv.Itoa(t.Year)) // shows
	if i := slices.IndexFunc(v.tasks, func(x data.Task) bool { return x.ID == t.ID }); i >= 0 {
		v.table.SelectRow(i)
	}
}

func (v *tasksView) newTask() data.Task {
	year := today().Year()
	if y, err := strconv.Atoi(v.year.Selected); err == nil {
		year = y
	}
	t := data.Task{Year: year, PlanKind: data.PlanAnnual, PlanName: data.PlanAnnual.DefaultPlanName(year)}
	if i := v.unit.SelectedIndex(); i > 0 {
		t.Unit = v.units[i-1].Code
	}
	return t
}

func (v *tasksView) confirmDelete() {
	if v.sel < 0 {
		return
	}
	t := v.tasks[v.sel]
	showConfirm("Xóa nhiệm vụ", fmt.Sprintf("Xóa nhiệm vụ «%s»?\nKhông khôi phục lại được.", t.Title), func(ok bool) {
		if !ok {
			return
		}
		if err := v.ui.store.Update(func(tx *store.Tx) error { return tx.DeleteTask(t.ID) }); err != nil {
			v.ui.showError(err)
		}
		v.ui.publish(Change{Kind: TasksChanged})
	}, v.ui.win)
}

func (v *tasksView) savePDF() {
	year, err := strconv.Atoi(v.year.Selected)
	if err != nil {
		v.ui.showError(data.Errorf(data.EINVALID, "Báo cáo nhiệm vụ: hãy chọn một năm kế hoạch (đang chọn «%s»)", v.year.Selected))
		return
	}
	f := v.filter()
	name := fmt.Sprintf("nhiem-vu-%d.pdf", year)
	v.ui.savePDF(name, func() ([]byte, error) {
		var in reports.TasksInput
		if err := v.ui.store.View(func(tx *store.Tx) (err error) {
			in, err = ops.TasksInput(tx, year, f.Unit, f.Overdue, today())
			return err
		}); err != nil {
			return nil, err
		}
		in.Date = today()
		return reports.Tasks(in)
	})
}
