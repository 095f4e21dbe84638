package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// lostPointsView (Điểm bị trừ) lists, for a year and a group, every scored
// criterion with the points the group's units lost on it and how many
// units lost points, most lost first; a criterion opens the units that lost
// points and the appraisal council's notes, and becomes a remediation task
// in one action.
type lostPointsView struct {
	ui      *UI
	content fyne.CanvasObject
	year    *widget.Select
	group   *groupSelect
	table   *sortTable
	summary *widget.Label
	head    *widget.Label // the selected criterion
	units   *textTable
	create  *widget.Button
	fix     *fixFirstLine

	f       *data.Framework
	lost    []data.LostPoint
	remedy  map[string]int // criterion code → tasks linked to it for the year
	sel     int
	created data.Task // the last task created, for tests
}

func newLostPointsView(ui *UI) *lostPointsView {
	v := &lostPointsView{ui: ui, sel: -1}
	v.table = newSortTable([]column{
		{"TT", 40, fyne.TextAlignTrailing},
		{"Mã", 60, fyne.TextAlignLeading},
		{"Tiêu chí", 420, fyne.TextAlignLeading},
		{"Tối đa", 70, fyne.TextAlignTrailing},
		{"Điểm bị trừ", 100, fyne.TextAlignTrailing},
		{"Số đơn vị bị trừ", 130, fyne.TextAlignTrailing},
		{"Nhiệm vụ khắc phục", 150, fyne.TextAlignTrailing},
	})
	v.table.OnRowSelected = v.selectCriterion
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.head = boldLabel("Chọn một tiêu chí để xem đơn vị bị trừ điểm.")
	v.head.Wrapping = fyne.TextWrapWord
	v.units = newTextTable([]column{
		{"Đơn vị", 220, fyne.TextAlignLeading},
		{"Điểm đạt", 90, fyne.TextAlignTrailing},
		{"Điểm bị trừ", 100, fyne.TextAlignTrailing},
		{"Ghi chú thẩm định", 520, fyne.TextAlignLeading},
	})
	v.create = widget.NewButtonWithIcon("Tạo nhiệm vụ khắc phục", theme.ContentAddIcon(), v.createRemedy)
	v.create.Importance = widget.HighImportance
	v.create.Disable()
	v.year = newYearSelect(ui, v.load)
	v.group = newGroupSelect(ui, v.load)
	v.fix = newFixFirstLine(v)
	v.units.OnSelected = v.drillUnit

	title := boldLabel("Điểm bị trừ theo tiêu chí")
	top := container.NewVBox(
		container.NewHBox(title, widget.NewLabel("Năm:"), v.year, widget.NewLabel("Nhóm:"), v.group.wide()),
		v.summary,
		v.fix.content,
	)
	detail := container.NewBorder(container.NewBorder(nil, nil, nil, v.create, v.head), nil, nil, nil, v.units)
	split := container.NewVSplit(v.table, detail)
	split.Offset = 0.6
	v.content = container.NewBorder(top, nil, nil, nil, split)
	ui.watch(v, v.load, ScoresChanged, UnitsChanged, FrameworkChanged, TasksChanged)
	v.load()
	return v
}

func (v *lostPointsView) load() {
	year := selectedYear(v.year)
	v.remedy = map[string]int{}
	err := v.ui.store.View(func(tx *store.Tx) error {
		f, err := tx.Framework(year)
		if err != nil {
			return err
		}
		units, err := tx.YearUnits(year, v.group.ID()) // a locked year: as approved
		if err != nil {
			return err
		}
		sheets, err := tx.Sheets(year)
		if err != nil {
			return err
		}
		tasks, err := tx.Tasks(data.TaskFilter{})
		if err != nil {
			return err
		}
		for _, t := range tasks {
			if t.Criterion != "" && t.CriterionYear == year {
				v.remedy[t.Criterion]++
			}
		}
		v.f, v.lost = f, data.LostPoints(f, units, sheets)
		return nil
	})
	if err != nil {
		v.f, v.lost = nil, nil
		v.summary.SetText(data.ErrorMessage(err))
	}
	v.show()
	v.fix.load()
}

func (v *lostPointsView) show() {
	rows := make([]sortRow, len(v.lost))
	var total data.Points
	losing := 0
	for i, lp := range v.lost {
		total += lp.Lost
		if lp.Lost > 0 {
			losing++
		}
		tasks := ""
		if n := v.remedy[lp.Code]; n > 0 {
			tasks = fmt.Sprint(n)
		}
		rows[i] = sortRow{
			cells: []string{fmt.Sprint(i + 1), lp.Code, lp.Title, lp.Max.String(), lp.Lost.String(), fmt.Sprint(len(lp.Units)), tasks},
			keys:  []any{int64(i), codeKey(lp.Code), nil, int64(lp.Max), int64(lp.Lost), int64(len(lp.Units)), int64(v.remedy[lp.Code])},
		}
	}
	v.table.SetRows(rows)
	v.sel = -1
	v.create.Disable()
	v.head.SetText("Chọn một tiêu chí để xem đơn vị bị trừ điểm.")
	v.units.SetRows(nil, nil)
	if v.f != nil {
		v.summary.SetText(fmt.Sprintf("Năm %d, %s: %s tiêu chí, %s tiêu chí có đơn vị bị trừ điểm, tổng cộng %s điểm bị trừ. Bấm vào tên cột để sắp xếp.",
			v.f.Year, v.group.Selected, data.FormatCount(int64(len(v.lost))), data.FormatCount(int64(losing)), total.String()))
	}
}

// codeKey sorts criterion codes as numbers part by part: 1.2 before 1.10.
func codeKey(code string) string {
	var out []byte
	part := []byte{}
	flush := func() {
		for len(part) < 4 {
			part = append([]byte{'0'}, part...)
		}
		out = append(out, part...)
		out = append(out, '.')
		part = part[:0]
	}
	for i := 0; i < len(code); i++ {
		if code[i] == '.' {
			flush()
			continue
		}
		part = append(part, code[i])
	}
	flush()
	return string(out)
}

func (v *lostPointsView) selectCriterion(i int) {
	v.sel = i
	lp := v.lost[i]
	v.head.SetText(fmt.Sprintf("Tiêu chí %s «%s» (tối đa %s điểm): %d đơn vị bị trừ, tổng cộng %s điểm.",
		lp.Code, lp.Title, lp.Max.String(), len(lp.Units), lp.Lost.String()))
	rows := make([][]string, len(lp.Units))
	for j, ul := range lp.Units {
		rows[j] = []string{ul.Unit.Name, (lp.Max - ul.Lost).String(), ul.Lost.String(), ul.Note}
	}
	v.units.SetRows(rows, nil)
	if lp.Lost > 0 {
		v.create.Enable()
	} else {
		v.create.Disable()
	}
}

// createRemedy creates the remediation task of the selected criterion: the
// criterion, the units that lost points, due 30/06 of the next year. When
// one exists already, the officer confirms a second one.
func (v *lostPointsView) createRemedy() {
	if v.sel < 0 || v.f == nil {
		return
	}
	lp := v.lost[v.sel]
	if n := v.remedy[lp.Code]; n > 0 {
		showConfirm("Đã có nhiệm vụ khắc phục",
			fmt.Sprintf("Tiêu chí %s năm %d đã có %d nhiệm vụ khắc phục. Tạo thêm một nhiệm vụ nữa?", lp.Code, v.f.Year, n),
			func(ok bool) {
				if ok {
					v.store(lp)
				}
			}, v.ui.win)
		return
	}
	v.store(lp)
}

func (v *lostPointsView) store(lp data.LostPoint) {
	t := data.RemediationTask(v.f.Year, lp)
	if err := v.ui.store.Update(func(tx *store.Tx) error { return tx.PutTask(&t) }); err != nil {
		v.ui.showError(err)
		return
	}
	v.created = t
	v.ui.publish(Change{Kind: TasksChanged})
	text := fmt.Sprintf("Đã tạo nhiệm vụ số %d: «%s»\nĐơn vị thực hiện: %d đơn vị bị trừ điểm. Hạn hoàn thành: %s.",
		t.ID, t.Title, len(t.CoUnits), data.FormatDate(t.Due))
	if t.Status(today()) == data.StatusOverdue {
		text += "\nLưu ý: hạn này đã qua (ngày hôm nay là " + data.FormatDate(today()) + "); hãy sửa hạn trong danh sách nhiệm vụ nếu cần."
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Đã tạo nhiệm vụ khắc phục", "Mở danh sách nhiệm vụ", "Đóng", msg, func(open bool) {
		if open {
			v.ui.openTask(t)
		}
	}, v.ui.win)
	d.Resize(fyne.NewSize(560, 220))
	d.Show()
}
