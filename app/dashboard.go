package app

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// dashboardView (Tổng quan) is what needs attention today: how many tasks
// stand in each status, the overdue tasks first (longest late at the top),
// the tasks falling due within DueSoonDays, and the same counts per unit.
type dashboardView struct {
	ui      *UI
	content fyne.CanvasObject
	year    *widget.Select
	counts  map[data.TaskStatus]*widget.Label
	overdue *textTable
	soon    *textTable
	perUnit *textTable
	info    *widget.Label
	// soonHead titles the due-soon list and says when it is empty.
	soonHead *widget.Label
	// start is the first-day checklist (firstday.go).
	start *firstDay
	// lower holds the due-soon list beside the per-unit counts, or, when
	// nothing falls due soon, one line saying so above the counts: an
	// empty list took a quarter of the screen.
	lower             *fyne.Container
	soonSplit         *container.Split
	soonBox, unitsBox *fyne.Container
	soonEmpty         bool
	// loop counts the units of a year by where they stand in the
	// appraisal; loopUnits names those of the status picked.
	loop      *statusFilter
	loopUnits *widget.Label
	loopBox   *fyne.Container
}

func newDashboardView(ui *UI) *dashboardView {
	v := &dashboardView{ui: ui, counts: map[data.TaskStatus]*widget.Label{}}
	v.year = newSelect(nil, func(string) { v.show() })
	cards := container.NewGridWithColumns(len(data.TaskStatuses))
	for _, st := range data.TaskStatuses {
		n := widget.NewLabelWithStyle("0", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		n.SizeName = "headingText"
		if st == data.StatusOverdue {
			n.Importance = widget.DangerImportance
		}
		v.counts[st] = n
		cards.Add(widget.NewCard("", "", container.NewVBox(n, widget.NewLabelWithStyle(st.Label(), fyne.TextAlignCenter, fyne.TextStyle{}))))
	}
	taskCols := func(last string) []column {
		return []column{
			{"Nhiệm vụ", 340, fyne.TextAlignLeading},
			{"Chủ trì", 210, fyne.TextAlignLeading},
			{"Hạn", 100, fyne.TextAlignLeading},
			{last, 90, fyne.TextAlignTrailing},
			{"Tiến độ", 75, fyne.TextAlignTrailing},
		}
	}
	v.overdue = newTextTable(taskCols("Quá hạn"))
	v.soon = newTextTable(taskCols("Còn lại"))
	v.perUnit = newTextTable([]column{
		{"Đơn vị", 185, fyne.TextAlignLeading},
		{"Tổng", 55, fyne.TextAlignTrailing},
		{"Quá hạn", 78, fyne.TextAlignTrailing},
		{"Đang thực hiện", 132, fyne.TextAlignTrailing},
		{"Chưa thực hiện", 132, fyne.TextAlignTrailing},
		{"Hoàn thành", 108, fyne.TextAlignTrailing},
	})
	v.info = widget.NewLabel("")
	head := boldLabel("Tổng quan nhiệm vụ cải cách hành chính")
	v.start = newFirstDay(ui)
	v.loopUnits = widget.NewLabel("")
	v.loopUnits.Wrapping = fyne.TextWrapWord
	v.loop = newStatusFilter(ui, v.showLoop)
	v.loopBox = container.NewVBox(container.NewBorder(nil, nil, boldLabel("Thẩm định Chỉ số CCHC"), nil, v.loop.content), v.loop.counts, v.loopUnits)
	v.showLoop()
	top := container.NewVBox(v.start.content, container.NewHBox(head, widget.NewLabel("Năm kế hoạch:"),
		container.NewGridWrap(fyne.NewSize(170, v.year.MinSize().Height), v.year)), cards, v.info,
		v.loopBox)
	overdue := container.NewBorder(boldLabel("Nhiệm vụ quá hạn"), nil, nil, nil, v.overdue)
	v.soonHead = boldLabel("")
	soon := container.NewBorder(v.soonHead, nil, nil, nil, v.soon)
	units := container.NewBorder(boldLabel("Theo đơn vị (chủ trì hoặc phối hợp)"), nil, nil, nil, v.perUnit)
	v.soonSplit = container.NewHSplit(soon, units)
	v.soonSplit.Offset = 0.33
	v.lower = container.NewStack(v.soonSplit)
	v.soonBox, v.unitsBox = soon, units
	split := container.NewVSplit(overdue, v.lower)
	split.Offset = 0.5
	v.content = container.NewBorder(top, nil, nil, nil, split)
	ui.watch(v, v.load, TasksChanged, UnitsChanged, OfficeChanged, InspectionsChanged, FrameworkChanged, ScoresChanged)
	v.load()
	return v
}

func (v *dashboardView) load() {
	var years []int
	if err := v.ui.store.View(func(tx *store.Tx) (err error) {
		years, err = tx.TaskYears()
		return err
	}); err != nil {
		v.ui.showError(err)
	}
	opts := []string{allYears}
	for _, y := range years {
		opts = append(opts, strconv.Itoa(y))
	}
	cur := v.year.Selected
	if !slices.Contains(opts, cur) {
		cur = allYears
	}
	v.year.Options = opts
	v.year.Selected = cur
	v.year.Refresh()
	v.show()
}

func (v *dashboardView) show() {
	now := today()
	f := data.TaskFilter{}
	f.Year, _ = strconv.Atoi(v.year.Selected)
	var tasks []data.Task
	var units []data.Unit
	var office data.Office
	err := v.ui.store.View(func(tx *store.Tx) (err error) {
		if tasks, err = tx.Tasks(f); err != nil {
			return err
		}
		if units, err = tx.Units(); err != nil {
			return err
		}
		office, err = tx.Office()
		return err
	})
	if err != nil {
		v.ui.showError(err)
		return
	}
	names := map[string]string{"": data.OfficeShortName(office) + " (cơ quan)"}
	for _, u := range units {
		names[u.Code] = u.Name
	}
	owner := func(t *data.Task) string {
		s := names[t.Unit]
		if t.Unit == "" {
			s = data.OfficeShortName(office)
		}
		if t.Officer != "" {
			s += " (" + t.Officer + ")"
		}
		return s
	}

	count := map[data.TaskStatus]int{}
	byUnit := map[string]map[data.TaskStatus]int{}
	var late, soon []data.Task
	for i := range tasks {
		t := &tasks[i]
		st := t.Status(now)
		count[st]++
		switch {
		case st == data.StatusOverdue:
			late = append(late, *t)
		case t.DueSoon(now):
			soon = append(soon, *t)
		}
		for _, code := range append([]string{t.Unit}, t.CoUnits...) {
			if byUnit[code] == nil {
				byUnit[code] = map[data.TaskStatus]int{}
			}
			byUnit[code][st]++
		}
	}
	for _, st := range data.TaskStatuses {
		v.counts[st].SetText(data.FormatCount(int64(count[st])))
	}
	scope := "tất cả các năm"
	if f.Year != 0 {
		scope = "năm " + strconv.Itoa(f.Year)
	}
	v.info.SetText(fmt.Sprintf("%s nhiệm vụ (%s), tính đến ngày %s.", data.FormatCount(int64(len(tasks))), scope, data.FormatDate(now)))

	// Longest late first; due soonest first.
	slices.SortStableFunc(late, func(a, b data.Task) int { return cmp.Compare(b.DaysLate(now), a.DaysLate(now)) })
	rows := make([][]string, len(late))
	for i := range late {
		t := &late[i]
		rows[i] = []string{t.Title, owner(t), data.FormatDate(t.Due), fmt.Sprintf("%s ngày", data.FormatCount(int64(t.DaysLate(now)))), fmt.Sprintf("%d %%", t.Progress)}
	}
	v.overdue.SetRows(rows, nil)
	danger := map[int]bool{}
	for i := range rows {
		danger[i] = true
	}
	v.overdue.SetDanger(danger)
	rows = make([][]string, len(soon))
	for i := range soon {
		t := &soon[i]
		left := int(data.Day(t.Due).Sub(data.Day(now)).Hours() / 24)
		rest := fmt.Sprintf("%d ngày", left)
		if left == 0 {
			rest = "hôm nay"
		}
		rows[i] = []string{t.Title, owner(t), data.FormatDate(t.Due), rest, fmt.Sprintf("%d %%", t.Progress)}
	}
	v.soon.SetRows(rows, nil)
	if len(soon) == 0 {
		v.soonHead.SetText(fmt.Sprintf("Sắp đến hạn (trong %d ngày tới): không có nhiệm vụ nào", data.DueSoonDays))
	} else {
		v.soonHead.SetText(fmt.Sprintf("Sắp đến hạn (trong %d ngày tới): %d nhiệm vụ", data.DueSoonDays, len(soon)))
	}
	v.showSoon(len(soon) == 0)

	// Units with the most overdue tasks first, then in the units' order;
	// the office's own tasks come first.
	codes := []string{""}
	for _, u := range units {
		codes = append(codes, u.Code)
	}
	slices.SortStableFunc(codes, func(a, b string) int {
		return cmp.Compare(byUnit[b][data.StatusOverdue], byUnit[a][data.StatusOverdue])
	})
	rows = rows[:0:0]
	for _, c := range codes {
		m := byUnit[c]
		if m == nil {
			continue
		}
		total := 0
		for _, n := range m {
			total += n
		}
		rows = append(rows, []string{names[c], strconv.Itoa(total), strconv.Itoa(m[data.StatusOverdue]), strconv.Itoa(m[data.StatusInProgress]),
			strconv.Itoa(m[data.StatusNotStarted]), strconv.Itoa(m[data.StatusDone])})
	}
	v.perUnit.SetRows(rows, nil)
}

// showSoon lays out the lower half for an empty or a filled due-soon list.
func (v *dashboardView) showSoon(empty bool) {
	if v.lower == nil || empty == v.soonEmpty {
		return
	}
	v.soonEmpty = empty
	if empty {
		v.soonBox.Remove(v.soonHead)
		v.soonBox.Hide()
		v.lower.Objects = []fyne.CanvasObject{container.NewBorder(v.soonHead, nil, nil, nil, v.unitsBox)}
	} else {
		if !slices.Contains(v.soonBox.Objects, fyne.CanvasObject(v.soonHead)) {
			v.soonBox.Add(v.soonHead)
		}
		v.soonBox.Show()
		v.soonSplit.Leading, v.soonSplit.Trailing = v.soonBox, v.unitsBox
		v.lower.Objects = []fyne.CanvasObject{v.soonSplit}
		v.soonSplit.Refresh()
	}
	v.lower.Refresh()
}

// showLoop names the units at the appraisal status picked.
func (v *dashboardView) showLoop() {
	// Before any unit has a sheet (the first day) there is nothing to
	// count.
	if v.loopBox != nil {
		v.loopBox.Hidden = len(v.loop.statuses) == 0
	}
	st, ok := v.loop.chosen()
	names := v.loop.names(v.ui.lists.units())
	switch {
	case !ok:
		v.loopUnits.SetText("")
		v.loopUnits.Hide()
		v.relayout()
		return
	case names == "":
		names = "không có đơn vị nào"
	}
	v.loopUnits.SetText(st.Label() + ": " + names + ".")
	v.loopUnits.Show()
	v.relayout()
}

// relayout lays the screen out again after the appraisal lines changed
// height: a container does not lay out its parent when it grows.
func (v *dashboardView) relayout() {
	if v.content != nil {
		v.content.Refresh()
	}
}
