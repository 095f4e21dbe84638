package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// inspectionsView is the self-inspection section: the year's plan of
// visits with its progress and the recommendations still open per unit,
// the checklist templates, and the form that fills a visit in.
type inspectionsView struct {
	ui      *UI
	content fyne.CanvasObject
	body    *fyne.Container // the plan tabs, or a visit's form

	tabs      *container.AppTabs
	year      *widget.Select
	progress  *widget.Label
	visits    *textTable
	open      *textTable
	add       *widget.Button
	fill      *widget.Button
	checklist *widget.Button
	record    *widget.Button
	remove    *widget.Button

	list      []data.Visit
	selected  int // index in list, -1 for none
	unitNames map[string]string
	templates []data.Template

	// The template editor (templateedit.go): the template shown (by ID),
	// its table and the selected row (-1 for none), the buttons.
	tplSelect                          *widget.Select
	tplInfo                            *widget.Label
	tplItems                           *textTable
	tplID                              string
	tplRow                             int
	tplNew, tplAddSection, tplAddItem  *widget.Button
	tplEdit, tplDelete, tplUp, tplDown *widget.Button

	// The year's plan document (inspectionplan.go).
	planInfo            *widget.Label
	planEdit, planPrint *widget.Button
	plan                data.InspectionPlan
	planStored          bool

	// form is the visit being filled in, when one is open.
	form *visitForm
}

func newInspectionsView(ui *UI) *inspectionsView {
	v := &inspectionsView{ui: ui, selected: -1, tplRow: -1}
	v.year = newSelect(nil, func(string) { v.load() })
	v.year.PlaceHolder = "Chọn năm"
	v.progress = widget.NewLabel("")
	v.progress.TextStyle = fyne.TextStyle{Bold: true}
	v.visits = newTextTable([]column{
		{"Mã đợt", 80, fyne.TextAlignLeading},
		{"Ngày", 100, fyne.TextAlignCenter},
		{"Đơn vị được kiểm tra", 190, fyne.TextAlignLeading},
		{"Trưởng đoàn", 150, fyne.TextAlignLeading},
		{"Trạng thái", 110, fyne.TextAlignLeading},
		{"Kết quả", 300, fyne.TextAlignLeading},
		{"Kiến nghị", 150, fyne.TextAlignCenter},
	})
	v.visits.OnSelected = func(id widget.TableCellID) { v.selectVisit(id.Row) }
	v.open = newTextTable([]column{
		{"Đơn vị", 220, fyne.TextAlignLeading},
		{"Kiến nghị chưa xong", 180, fyne.TextAlignCenter},
		{"Trong đó quá hạn", 160, fyne.TextAlignCenter},
	})
	v.add = widget.NewButtonWithIcon("Thêm đợt kiểm tra…", theme.ContentAddIcon(), v.addVisit)
	v.fill = widget.NewButtonWithIcon("Nhập kết quả", theme.DocumentCreateIcon(), func() {
		if vis := v.current(); vis != nil {
			v.openVisit(vis.ID)
		}
	})
	v.fill.Importance = widget.HighImportance
	v.checklist = widget.NewButtonWithIcon("In phiếu kiểm tra trắng…", theme.DocumentPrintIcon(), func() {
		if vis := v.current(); vis != nil {
			v.ui.saveVisitPDF(vis.ID, false)
		}
	})
	v.record = widget.NewButtonWithIcon("In biên bản…", theme.DocumentPrintIcon(), func() {
		if vis := v.current(); vis != nil {
			v.ui.saveVisitPDF(vis.ID, true)
		}
	})
	v.remove = widget.NewButtonWithIcon("Xóa đợt", theme.DeleteIcon(), v.deleteVisit)
	v.planInfo = widget.NewLabel("")
	v.planEdit = widget.NewButtonWithIcon("Sửa văn bản…", theme.DocumentCreateIcon(), v.editPlan)
	v.planPrint = widget.NewButtonWithIcon("In kế hoạch…", theme.DocumentPrintIcon(), v.savePlanPDF)

	head := boldLabel("Kế hoạch kiểm tra cải cách hành chính")
	top := container.NewVBox(
		flow(head, field("Năm:", v.year), v.progress),
		flow(field("Văn bản:", v.planInfo), v.planEdit, v.planPrint),
		flow(v.add, v.fill, v.checklist, v.record, v.remove),
	)
	openBox := container.NewBorder(boldLabel("Kiến nghị chưa hoàn thành theo đơn vị"), nil, nil, nil, v.open)
	split := container.NewVSplit(v.visits, openBox)
	split.Offset = 0.62
	plan := container.NewBorder(top, nil, nil, nil, split)

	v.tabs = container.NewAppTabs(
		container.NewTabItem("Kế hoạch và đợt kiểm tra", plan),
		container.NewTabItem("Mẫu phiếu kiểm tra", v.templatesTab()),
	)
	v.body = container.NewStack(v.tabs)
	v.content = v.body
	v.fillYears()
	ui.watch(v, v.keepYears, FrameworkChanged)
	ui.watch(v, v.load, InspectionsChanged, TasksChanged, UnitsChanged, FrameworkChanged)
	ui.onLeave(leaveGuard(func(next func()) {
		if v.form == nil {
			next()
			return
		}
		v.form.leave(next)
	}, func() bool { return v.form != nil && v.form.dirty() }))
	v.load()
	return v
}

// fillYears offers the years with a plan, the years with a framework and
// the current year; the latest year with a plan is selected.
func (v *inspectionsView) fillYears() {
	var years, planned []int
	err := v.ui.store.View(func(tx *store.Tx) (err error) {
		if planned, err = tx.VisitYears(); err != nil {
			return err
		}
		years, err = tx.Years()
		return err
	})
	if err != nil {
		v.ui.showError(err)
	}
	years = append(years, planned...)
	years = append(years, today().Year())
	slices.Sort(years)
	years = slices.Compact(years)
	opts := make([]string, len(years))
	for i, y := range years {
		opts[i] = strconv.Itoa(y)
	}
	v.year.Options = opts
	pick := today().Year()
	if len(planned) > 0 {
		pick = planned[len(planned)-1]
	}
	v.year.SetSelected(strconv.Itoa(pick))
}

// load reads the year's visits, progress and templates.
func (v *inspectionsView) load() {
	year := selectedYear(v.year)
	var p data.PlanProgress
	var plan data.InspectionPlan
	var planStored bool
	var office data.Office
	v.unitNames = map[string]string{}
	tallies := map[string]data.Tally{}
	err := v.ui.store.View(func(tx *store.Tx) error {
		units, err := tx.Units()
		if err != nil {
			return err
		}
		for _, u := range units {
			v.unitNames[u.Code] = u.Name
		}
		if v.list, err = tx.Visits(year); err != nil {
			return err
		}
		for _, vis := range v.list {
			if t, err := tx.Template(vis.Template, vis.TemplateVersion); err == nil {
				tallies[vis.ID] = vis.Tally(&t)
			}
		}
		if p, err = tx.InspectionProgress(year, today()); err != nil {
			return err
		}
		if plan, planStored, err = tx.InspectionPlan(year); err != nil {
			return err
		}
		if office, err = tx.Office(); err != nil {
			return err
		}
		v.templates, err = tx.Templates()
		return err
	})
	if err != nil {
		v.ui.showError(err)
	}
	var rows [][]string
	late := map[int]bool{}
	for _, vis := range v.list {
		status, result, open := "Kế hoạch", "", ""
		if !vis.Finished && data.Day(vis.Date).Before(data.Day(today())) {
			// A planned visit whose day has passed without its record.
			late[len(rows)] = true
			status = "Quá ngày, chưa có kết quả"
			if len(vis.Answers) > 0 {
				status = "Quá ngày, đang nhập"
			}
		} else if vis.Finished {
			status = "Đã kiểm tra"
			c := tallies[vis.ID]
			result = fmt.Sprintf("%d đạt, %d không đạt, %d không áp dụng", c.Passed, c.Failed, c.NotApplicable)
			open = fmt.Sprintf("%d/%d chưa xong", vis.OpenRecommendations(), len(vis.Recommendations))
		} else if len(vis.Answers) > 0 {
			status = "Đang nhập"
		}
		rows = append(rows, []string{vis.ID, data.FormatDate(vis.Date), v.unitNames[vis.Unit], vis.Leader().Name, status, result, open})
	}
	v.visits.SetRows(rows, nil)
	v.visits.SetDanger(late)
	v.progress.SetText(fmt.Sprintf("Đã kiểm tra %d/%d đợt", p.Done, p.Planned))
	v.showPlanRecord(plan, planStored, office.Abbrev)
	var open [][]string
	for _, u := range p.Open {
		open = append(open, []string{v.unitNames[u.Unit], strconv.Itoa(u.Open), strconv.Itoa(u.Overdue)})
	}
	if len(open) == 0 {
		open = append(open, []string{"Không có kiến nghị nào chưa hoàn thành", "", ""})
	}
	v.open.SetRows(open, nil)
	if v.selected >= len(v.list) {
		v.selected = -1
	}
	v.selectVisit(v.selected)
	v.showTemplates()
}

// selectVisit makes row i the visit the buttons act on.
func (v *inspectionsView) selectVisit(i int) {
	if i < 0 || i >= len(v.list) {
		v.selected = -1
		for _, b := range []*widget.Button{v.fill, v.checklist, v.record, v.remove} {
			b.Disable()
		}
		return
	}
	v.selected = i
	vis := v.list[i]
	v.fill.Enable()
	v.checklist.Enable()
	v.record.Enable()
	v.fill.SetText("Nhập kết quả")
	if vis.Finished {
		v.fill.SetText("Xem kết quả")
		v.remove.Disable()
	} else {
		v.remove.Enable()
	}
}

func (v *inspectionsView) current() *data.Visit {
	if v.selected < 0 || v.selected >= len(v.list) {
		return nil
	}
	return &v.list[v.selected]
}

// addVisit asks for the unit, the date and the template of a new visit;
// the team is the one of the year's last visit, to be changed in the form.
func (v *inspectionsView) addVisit() {
	year := selectedYear(v.year)
	var units []data.Unit
	if err := v.ui.store.View(func(tx *store.Tx) (err error) {
		units, err = tx.Units()
		return err
	}); err != nil {
		v.ui.showError(err)
		return
	}
	var names []string
	var active []data.Unit
	for _, u := range units {
		if !u.Inactive {
			names = append(names, u.Name)
			active = append(active, u)
		}
	}
	unit := newSelect(names, nil)
	unit.PlaceHolder = "Chọn đơn vị"
	date := newFormEntry()
	date.SetPlaceHolder(fmt.Sprintf("dạng 15/09/%d", year))
	var tplNames []string
	for _, t := range v.templates {
		tplNames = append(tplNames, t.Label())
	}
	tpl := newSelect(tplNames, nil)
	tpl.PlaceHolder = "Chọn mẫu phiếu"
	if len(tplNames) > 0 {
		tpl.SetSelectedIndex(0)
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Đơn vị", unit),
		widget.NewFormItem("Ngày kiểm tra", date),
		widget.NewFormItem("Mẫu phiếu", tpl),
	}
	d := dialog.NewForm(fmt.Sprintf("Thêm đợt kiểm tra năm %d", year), "Thêm", "Hủy", items, func(ok bool) {
		if !ok {
			return
		}
		vis := data.Visit{Year: year}
		if i := unit.SelectedIndex(); i >= 0 {
			vis.Unit = active[i].Code
			vis.UnitHead.Title = headTitle(active[i])
		}
		if i := tpl.SelectedIndex(); i >= 0 {
			vis.Template, vis.TemplateVersion = v.templates[i].ID, v.templates[i].Version
		}
		if strings.TrimSpace(date.Text) != "" {
			t, err := data.ParseDate(date.Text)
			if err != nil {
				v.ui.showError(data.Errorf(data.EINVALID, "Ngày kiểm tra: %s", data.ErrorMessage(err)))
				return
			}
			vis.Date = t
		}
		if n := len(v.list); n > 0 {
			vis.Team = append([]data.Member(nil), v.list[n-1].Team...)
		}
		if err := v.ui.store.Update(func(tx *store.Tx) error { return tx.PutVisit(&vis) }); err != nil {
			v.ui.showError(err)
			return
		}
		v.ui.publish(Change{Kind: InspectionsChanged})
		v.selectVisit(slices.IndexFunc(v.list, func(x data.Visit) bool { return x.ID == vis.ID }))
	}, v.ui.win)
	showForm(d, items, v.ui.win)
	d.Resize(fyne.NewSize(560, 300))
}

// headTitle guesses the title of the unit's head for a new visit: "Chủ
// tịch UBND huyện Nguyên Bình"; the officer corrects it in the form.
func headTitle(u data.Unit) string {
	if u.Kind == data.KindAgency {
		return ""
	}
	return "Chủ tịch UBND " + data.LowerFirst(u.Name)
}

func (v *inspectionsView) deleteVisit() {
	vis := v.current()
	if vis == nil {
		return
	}
	id := vis.ID
	msg := fmt.Sprintf("Xóa đợt kiểm tra %s tại %s ngày %s khỏi kế hoạch?", id, v.unitNames[vis.Unit], data.FormatDate(vis.Date))
	showConfirm("Xóa đợt kiểm tra", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := v.ui.store.Update(func(tx *store.Tx) error { return tx.DeleteVisit(id) }); err != nil {
			v.ui.showError(err)
			return
		}
		v.selected = -1
		v.ui.publish(Change{Kind: InspectionsChanged})
	}, v.ui.win)
}

// openVisit shows the form of a visit in place of the plan.
func (v *inspectionsView) openVisit(id string) {
	f, err := newVisitForm(v, id)
	if err != nil {
		v.ui.showError(err)
		return
	}
	v.form = f
	v.body.Objects = []fyne.CanvasObject{f.content}
	v.body.Refresh()
}

// closeVisit goes back to the plan.
func (v *inspectionsView) closeVisit() {
	v.form = nil
	v.body.Objects = []fyne.CanvasObject{v.tabs}
	v.body.Refresh()
}

// saveVisitPDF prints a visit's blank checklist or its record.
func (ui *UI) saveVisitPDF(id string, record bool) {
	name, build := "phieu-kiem-tra-"+id+".pdf", reports.Checklist
	if record {
		name, build = "bien-ban-kiem-tra-"+id+".pdf", reports.Inspection
	}
	ui.savePDF(name, func() ([]byte, error) {
		var in reports.VisitInput
		if err := ui.store.View(func(tx *store.Tx) (err error) {
			in, err = ops.VisitInput(tx, id)
			return err
		}); err != nil {
			return nil, err
		}
		return build(in)
	})
}

// keepYears offers the years anew after a change of frameworks (or of the
// whole file), keeping the officer's year while it is still offered.
func (v *inspectionsView) keepYears() {
	cur := v.year.Selected
	v.fillYears()
	if cur != v.year.Selected && slices.Contains(v.year.Options, cur) {
		v.year.SetSelected(cur)
	}
}
