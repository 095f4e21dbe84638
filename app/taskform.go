package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// taskForm adds or edits a task. A refused entry keeps the form open with
// the message under it, and nothing is stored.
type taskForm struct {
	v    *tasksView
	task data.Task // as opened; ID 0 for a new task

	title, year, planName, officer *formEntry
	start, due, progress, doneDate *formEntry
	criterion, critYear            *formEntry
	desc, result                   *widget.Entry
	planKind, unit                 *widget.Select
	coUnits                        []*widget.Check // one per unit, in v.units order
	done                           *widget.Check
	msg                            *widget.Label
	save, cancel                   *widget.Button
	dlg                            *dialog.CustomDialog
	// opened is the form's fingerprint as opened.
	opened string
}

func (v *tasksView) openForm(t data.Task) {
	f := &taskForm{v: v, task: t}
	// Enter in a one-line field saves, Esc cancels (asking first when
	// something was typed).
	line := func() *formEntry { return dialogEntry(f.submit, f.close) }
	dateEntry := func(d time.Time) *formEntry {
		e := line()
		e.SetPlaceHolder("dd/mm/yyyy")
		e.SetText(data.FormatDate(d))
		return e
	}
	f.title = line()
	f.title.SetText(t.Title)
	f.desc = widget.NewMultiLineEntry()
	f.desc.Wrapping = fyne.TextWrapWord
	f.desc.SetMinRowsVisible(3)
	f.desc.SetText(t.Description)
	f.year = line()
	f.year.SetText(strconv.Itoa(t.Year))
	kinds := make([]string, len(data.PlanKinds))
	for i, k := range data.PlanKinds {
		kinds[i] = k.Label()
	}
	f.planKind = newSelect(kinds, nil)
	f.planKind.SetSelectedIndex(max(slices.Index(data.PlanKinds, t.PlanKind), 0))
	f.planName = line()
	f.planName.SetPlaceHolder("để trống: Kế hoạch CCHC năm …")
	f.planName.SetText(t.PlanName)
	units := []string{data.OfficeShortName(v.office) + " (cơ quan)"}
	for _, u := range v.units {
		units = append(units, u.Name)
	}
	f.unit = newSelect(units, nil)
	f.unit.SetSelectedIndex(0)
	for i, u := range v.units {
		if u.Code == t.Unit {
			f.unit.SetSelectedIndex(i + 1)
		}
	}
	f.officer = line()
	f.officer.SetText(t.Officer)
	// A grid of checks: a horizontal group would run off a dialog with
	// ten units, a vertical one off the screen with a province's 170.
	coGrid := container.NewGridWithColumns(3)
	for _, u := range v.units {
		c := widget.NewCheck(u.Name, nil)
		c.SetChecked(slices.Contains(t.CoUnits, u.Code))
		f.coUnits = append(f.coUnits, c)
		coGrid.Add(c)
	}
	f.start = dateEntry(t.Start)
	f.due = dateEntry(t.Due)
	f.progress = line()
	f.progress.SetText(strconv.Itoa(t.Progress))
	f.done = widget.NewCheck("Đã hoàn thành", nil)
	f.done.SetChecked(t.Done)
	f.doneDate = dateEntry(t.DoneDate)
	f.result = widget.NewMultiLineEntry()
	f.result.Wrapping = fyne.TextWrapWord
	f.result.SetMinRowsVisible(2)
	f.result.SetText(t.Result)
	f.criterion = line()
	f.criterion.SetPlaceHolder("ví dụ 3.3; để trống nếu không gắn tiêu chí")
	f.criterion.SetText(t.Criterion)
	f.critYear = line()
	f.critYear.SetPlaceHolder("năm của bộ chỉ số")
	if t.CriterionYear != 0 {
		f.critYear.SetText(strconv.Itoa(t.CriterionYear))
	}
	f.msg = widget.NewLabel("")
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord

	form := widget.NewForm(
		widget.NewFormItem("Tên nhiệm vụ", f.title),
		widget.NewFormItem("Mô tả", f.desc),
		widget.NewFormItem("Năm kế hoạch", f.year),
		widget.NewFormItem("Loại kế hoạch", f.planKind),
		widget.NewFormItem("Tên kế hoạch", f.planName),
		widget.NewFormItem("Đơn vị chủ trì", f.unit),
		widget.NewFormItem("Cán bộ phụ trách", f.officer),
		widget.NewFormItem("Đơn vị phối hợp", coGrid),
		widget.NewFormItem("Ngày bắt đầu", f.start),
		widget.NewFormItem("Hạn hoàn thành", f.due),
		widget.NewFormItem("Tiến độ (%)", f.progress),
		widget.NewFormItem("", f.done),
		widget.NewFormItem("Ngày hoàn thành", f.doneDate),
		widget.NewFormItem("Kết quả thực hiện", f.result),
		widget.NewFormItem("Tiêu chí liên quan", container.NewGridWithColumns(2, f.criterion, f.critYear)),
	)
	f.save = widget.NewButtonWithIcon("Lưu", theme.DocumentSaveIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	f.cancel = widget.NewButton("Hủy", f.close)
	title := "Thêm nhiệm vụ"
	if t.ID != 0 {
		title = fmt.Sprintf("Sửa nhiệm vụ số %d", t.ID)
	}
	body := container.NewBorder(nil, f.msg, nil, nil, container.NewVScroll(form))
	f.dlg = dialog.NewCustomWithoutButtons(title, body, v.ui.win)
	f.dlg.SetButtons([]fyne.CanvasObject{f.cancel, f.save})
	f.dlg.Resize(fyne.NewSize(860, 720))
	f.dlg.SetOnClosed(func() {
		if v.form == f {
			v.form = nil
		}
	})
	v.form = f
	f.opened = f.fingerprint()
	f.dlg.Show()
	v.ui.win.Canvas().Focus(f.title)
}

// fingerprint is everything the form shows that the officer can change.
func (f *taskForm) fingerprint() string {
	parts := []string{f.planKind.Selected, f.unit.Selected, fmt.Sprint(f.done.Checked)}
	for _, e := range []*formEntry{f.title, f.year, f.planName, f.officer, f.start, f.due, f.progress, f.doneDate, f.criterion, f.critYear} {
		parts = append(parts, e.Text)
	}
	parts = append(parts, f.desc.Text, f.result.Text)
	for _, c := range f.coUnits {
		parts = append(parts, fmt.Sprint(c.Checked))
	}
	return strings.Join(parts, "\x00")
}

// close closes the form, asking first when it holds unsaved changes.
func (f *taskForm) close() {
	if f.fingerprint() == f.opened {
		f.dlg.Hide()
		return
	}
	what := "Nhiệm vụ mới đang nhập chưa được lưu."
	if f.task.ID != 0 {
		what = fmt.Sprintf("Nhiệm vụ số %d có thay đổi chưa lưu.", f.task.ID)
	}
	f.v.ui.askLeave(unsaved{msg: what + " Lưu lại trước khi đóng?", save: f.submitOK}, f.dlg.Hide)
}

// collect reads the form into a task. Each refusal names the field and
// what it accepts.
func (f *taskForm) collect() (data.Task, error) {
	t := f.task
	t.Title, t.Description, t.Officer, t.Result = f.title.Text, f.desc.Text, f.officer.Text, f.result.Text
	t.PlanName = f.planName.Text
	var err error
	if t.Year, err = strconv.Atoi(strings.TrimSpace(f.year.Text)); err != nil {
		return t, data.Errorf(data.EINVALID, "Năm kế hoạch: phải là số từ 2000 đến 2100, đang là «%s»", f.year.Text)
	}
	t.PlanKind = data.PlanKinds[max(f.planKind.SelectedIndex(), 0)]
	t.Unit = ""
	if i := f.unit.SelectedIndex(); i > 0 {
		t.Unit = f.v.units[i-1].Code
	}
	t.CoUnits = nil
	for i, u := range f.v.units {
		if f.coUnits[i].Checked {
			t.CoUnits = append(t.CoUnits, u.Code)
		}
	}
	date := func(field string, e *formEntry, required bool) (time.Time, error) {
		if strings.TrimSpace(e.Text) == "" {
			if required {
				return time.Time{}, data.Errorf(data.EINVALID, "%s: chưa nhập (dạng 30/06/%d)", field, t.Year)
			}
			return time.Time{}, nil
		}
		d, err := data.ParseDate(e.Text)
		if err != nil {
			return d, data.Errorf(data.EINVALID, "%s: %s", field, data.ErrorMessage(err))
		}
		return d, nil
	}
	if t.Start, err = date("Ngày bắt đầu", f.start, false); err != nil {
		return t, err
	}
	if t.Due, err = date("Hạn hoàn thành", f.due, true); err != nil {
		return t, err
	}
	t.Done = f.done.Checked
	if t.DoneDate, err = date("Ngày hoàn thành", f.doneDate, false); err != nil {
		return t, err
	}
	if t.Done && t.DoneDate.IsZero() {
		t.DoneDate = today()
	}
	p := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f.progress.Text), "%"))
	if p == "" {
		p = "0"
	}
	if t.Progress, err = strconv.Atoi(p); err != nil {
		return t, data.Errorf(data.EINVALID, "Tiến độ: phải là số nguyên từ 0 đến 100 %%, đang là «%s»", f.progress.Text)
	}
	if t.Done {
		t.Progress = 100
	}
	t.Criterion = strings.TrimSpace(f.criterion.Text)
	t.CriterionYear = 0
	if y := strings.TrimSpace(f.critYear.Text); y != "" && t.Criterion != "" {
		if t.CriterionYear, err = strconv.Atoi(y); err != nil {
			return t, data.Errorf(data.EINVALID, "Năm của bộ chỉ số (tiêu chí liên quan): phải là số từ 2000 đến 2100, đang là «%s»", y)
		}
	}
	return t, nil
}

// submit stores the task in one write; a refusal stays in the form.
func (f *taskForm) submit() { f.submitOK() }

// submitOK stores the task and reports whether the store took it.
func (f *taskForm) submitOK() bool {
	t, err := f.collect()
	if err == nil {
		err = f.v.ui.store.Update(func(tx *store.Tx) error { return tx.PutTask(&t) })
	}
	if err != nil {
		f.msg.SetText(data.ErrorMessage(err))
		return false
	}
	f.opened = f.fingerprint()
	f.dlg.Hide()
	f.v.ui.publish(Change{Kind: TasksChanged})
	f.v.showTask(t)
	return true
}
