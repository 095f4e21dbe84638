package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// unitsView keeps the evaluated units: a list filtered by a search box that
// ignores case and tone marks, and a form to add, edit, reorder,
// deactivate or (when it has no scores) delete a unit.
type unitsView struct {
	ui      *UI
	content fyne.CanvasObject
	search  *widget.Entry
	table   *textTable
	count   *widget.Label
	units   []data.Unit // all, in order
	shown   []data.Unit // after the search
	groups  []data.Group
	// loop filters the list by where each unit stands in a year's
	// appraisal, with the count per status.
	loop *statusFilter

	// the form
	selected *data.Unit // nil: a new unit
	code     *widget.Entry
	codeText *valueField // the code as text once the unit exists
	name     *widget.Entry
	kind     *widget.Select
	group    *widget.Select
	inactive *widget.Check
	formHead *widget.Label
	status   *widget.Label
	saveBtn  *widget.Button
	delBtn   *widget.Button
	// needGroup says, while there is no group, that a unit needs one and
	// offers to create it here.
	needGroup *fyne.Container
	// selecting is set while the view moves the list's selection itself.
	selecting bool
}

func newUnitsView(ui *UI) *unitsView {
	v := &unitsView{ui: ui}
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder("Tìm đơn vị (gõ không dấu cũng được)")
	v.search.OnChanged = func(string) { v.show() }
	v.table = newTextTable([]column{
		{"STT", 50, fyne.TextAlignTrailing},
		{"Mã", 80, fyne.TextAlignLeading},
		{"Tên đơn vị", 230, fyne.TextAlignLeading},
		{"Loại", 110, fyne.TextAlignLeading},
		{"Nhóm xếp hạng", 180, fyne.TextAlignLeading},
		{"Trạng thái", 130, fyne.TextAlignLeading},
	})
	v.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.shown) && !v.selecting {
			u := v.shown[id.Row]
			if v.selected == nil || u.Code != v.selected.Code {
				v.leave(func() { v.edit(&u) })
			}
		}
	}
	v.count = widget.NewLabel("")

	v.code = widget.NewEntry()
	v.name = widget.NewEntry()
	kinds := make([]string, len(data.UnitKinds))
	for i, k := range data.UnitKinds {
		kinds[i] = k.Label()
	}
	v.kind = newSelect(kinds, nil)
	v.group = newSelect(nil, nil)
	v.inactive = widget.NewCheck("Ngừng đánh giá (giữ lịch sử điểm)", nil)
	v.formHead = boldLabel("")
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.saveBtn = widget.NewButtonWithIcon("Lưu", theme.DocumentSaveIcon(), v.save)
	v.saveBtn.Importance = widget.HighImportance
	v.delBtn = widget.NewButtonWithIcon("Xóa", theme.DeleteIcon(), v.confirmDelete)
	newBtn := widget.NewButtonWithIcon("Thêm đơn vị", theme.ContentAddIcon(), func() { v.leave(func() { v.edit(nil) }) })
	up := widget.NewButtonWithIcon("Lên", theme.MoveUpIcon(), func() { v.move(-1) })
	down := widget.NewButtonWithIcon("Xuống", theme.MoveDownIcon(), func() { v.move(1) })
	history := widget.NewButtonWithIcon("Lịch sử thay đổi", theme.HistoryIcon(), func() {
		if v.selected != nil {
			showHistory(ui, *v.selected)
		}
	})
	addGroup := widget.NewButtonWithIcon("Thêm nhóm", theme.ContentAddIcon(), v.addGroup)

	v.codeText = entryField(v.code)
	form := widget.NewForm(
		widget.NewFormItem("Mã đơn vị", v.codeText.box),
		widget.NewFormItem("Tên đơn vị", v.name),
		widget.NewFormItem("Loại", v.kind),
		widget.NewFormItem("Nhóm xếp hạng", container.NewBorder(nil, nil, nil, addGroup, v.group)),
		widget.NewFormItem("", v.inactive),
	)
	v.needGroup = newNeedGroup(v.addGroup)
	side := container.NewVBox(v.needGroup, v.formHead, form,
		container.NewHBox(v.saveBtn, v.delBtn),
		container.NewHBox(up, down, history, newReorganiseButton(v)),
		v.status)
	head := boldLabel("Đơn vị được đánh giá")
	v.loop = newStatusFilter(ui, v.show)
	left := container.NewBorder(container.NewVBox(container.NewHBox(head, newBtn), v.search, v.loop.content, v.loop.counts), v.count, nil, nil, v.table)
	split := container.NewHSplit(left, container.NewPadded(side))
	split.Offset = 0.62
	v.content = split
	ui.watch(v, v.load, UnitsChanged)
	ui.onLeave(leaveGuard(v.leave, v.dirty))
	v.load()
	v.edit(nil)
	return v
}

func (v *unitsView) load() {
	err := v.ui.store.View(func(tx *store.Tx) (err error) {
		if v.units, err = tx.Units(); err != nil {
			return err
		}
		v.groups, err = tx.Groups()
		return err
	})
	if err != nil {
		v.ui.showError(err)
	}
	names := make([]string, len(v.groups))
	for i, g := range v.groups {
		names[i] = g.Name
	}
	v.group.Options = names
	v.group.Refresh()
	v.needGroup.Hidden = len(v.groups) > 0
	v.show()
}

func (v *unitsView) groupName(id string) string {
	for _, g := range v.groups {
		if g.ID == id {
			return g.Name
		}
	}
	return id
}

func (v *unitsView) show() {
	var rows [][]string
	v.shown = v.shown[:0]
	for _, u := range v.units {
		if !data.Matches(u.Name, v.search.Text) && !data.Matches(u.Code, v.search.Text) {
			continue
		}
		if v.loop != nil && !v.loop.match(u.Code) {
			continue
		}
		status := "Đang đánh giá"
		if u.Inactive {
			status = "Ngừng đánh giá"
		}
		v.shown = append(v.shown, u)
		rows = append(rows, []string{fmt.Sprint(len(rows) + 1), u.Code, u.Name, u.Kind.Label(), v.groupName(u.GroupID), status})
	}
	v.table.UnselectAll()
	v.table.SetRows(rows, nil)
	v.count.SetText(fmt.Sprintf("%d / %d đơn vị", len(rows), len(v.units)))
}

// edit fills the form with a unit, or empties it for a new one.
func (v *unitsView) edit(u *data.Unit) {
	v.selected = u
	v.status.SetText("")
	if u == nil {
		v.selectRow(nil) // no row stays highlighted over a new unit
		v.formHead.SetText("Thêm đơn vị mới")
		v.code.Enable()
		v.code.SetText("")
		v.codeText.setReadOnly(false)
		v.name.SetText("")
		v.kind.SetSelectedIndex(0)
		if len(v.groups) > 0 {
			v.group.SetSelectedIndex(0)
		}
		v.inactive.SetChecked(false)
		v.delBtn.Disable()
		return
	}
	v.formHead.SetText("Sửa đơn vị " + u.Name)
	v.code.SetText(u.Code)
	v.code.Disable() // the code keys the unit's scores and history
	v.codeText.setReadOnly(true)
	v.name.SetText(u.Name)
	v.kind.SetSelected(u.Kind.Label())
	v.group.SetSelected(v.groupName(u.GroupID))
	v.inactive.SetChecked(u.Inactive)
	v.delBtn.Enable()
}

// formUnit reads the form.
func (v *unitsView) formUnit() data.Unit {
	u := data.Unit{Code: v.code.Text, Name: v.name.Text, Inactive: v.inactive.Checked}
	if i := v.kind.SelectedIndex(); i >= 0 {
		u.Kind = data.UnitKinds[i]
	}
	if i := v.group.SelectedIndex(); i >= 0 {
		u.GroupID = v.groups[i].ID
	}
	if v.selected != nil {
		u.Order = v.selected.Order
	} else {
		u.Order = len(v.units) + 1
	}
	return u
}

func (v *unitsView) save() { v.saveOK() }

// saveOK stores the form and reports whether the store took it.
func (v *unitsView) saveOK() bool {
	u := v.formUnit()
	err := v.ui.store.Update(func(tx *store.Tx) error {
		if v.selected == nil {
			return tx.AddUnit(u)
		}
		return tx.PutUnit(u)
	})
	if err != nil {
		v.status.SetText(data.ErrorMessage(err))
		return false
	}
	v.ui.publish(Change{Kind: UnitsChanged})
	v.selectCode(u.Code)
	v.status.SetText("Đã lưu đơn vị " + strings.TrimSpace(u.Name) + ".")
	return true
}

// dirty reports whether the form differs from the unit as stored (for a
// new unit: whether a code or a name was typed).
func (v *unitsView) dirty() bool {
	u := v.formUnit()
	if v.selected == nil {
		return data.Clean(u.Code) != "" || data.Clean(u.Name) != ""
	}
	s := v.selected
	return data.Clean(u.Name) != data.Clean(s.Name) || u.Kind != s.Kind || u.GroupID != s.GroupID || u.Inactive != s.Inactive
}

// leave runs next at once when the form holds no unsaved change; else it
// asks whether to save first, discard the change, or stay on the unit.
func (v *unitsView) leave(next func()) {
	if !v.dirty() {
		next()
		return
	}
	sel := v.selected
	what := "Đơn vị mới đang nhập chưa được lưu."
	if sel != nil {
		what = fmt.Sprintf("Đơn vị %s có thay đổi chưa lưu.", sel.Name)
	}
	v.ui.askLeave(unsaved{
		msg:     what + " Lưu lại trước khi chuyển sang việc khác?",
		save:    v.saveOK,
		discard: func() { v.edit(sel) },
		stay:    func() { v.selectRow(sel) },
	}, next)
}

// selectRow selects a unit's row (none for a new unit) without going
// through the leave check: the form already shows that unit.
func (v *unitsView) selectRow(u *data.Unit) {
	v.selecting = true
	defer func() { v.selecting = false }()
	v.table.UnselectAll()
	if u == nil {
		return
	}
	for i := range v.shown {
		if v.shown[i].Code == u.Code {
			v.table.Select(widget.TableCellID{Row: i, Col: 2})
			return
		}
	}
}

// selectCode shows the unit with that code in the form.
func (v *unitsView) selectCode(code string) {
	for i := range v.units {
		if v.units[i].Code == code {
			u := v.units[i]
			v.edit(&u)
			return
		}
	}
}

func (v *unitsView) confirmDelete() {
	if v.selected == nil {
		return
	}
	u := *v.selected
	showConfirm("Xóa đơn vị", fmt.Sprintf("Xóa đơn vị %s (%s)? Chỉ xóa được đơn vị nhập nhầm, chưa có điểm.", u.Name, u.Code), func(ok bool) {
		if !ok {
			return
		}
		if err := v.ui.store.Update(func(tx *store.Tx) error { return tx.DeleteUnit(u.Code) }); err != nil {
			v.status.SetText(data.ErrorMessage(err))
			return
		}
		v.ui.publish(Change{Kind: UnitsChanged})
		v.edit(nil)
		v.status.SetText("Đã xóa đơn vị " + u.Name + ".")
	}, v.ui.win)
}

// move swaps the selected unit with its neighbour in the order, renumbering
// the whole list 1..N in the same transaction so orders never collide.
func (v *unitsView) move(d int) {
	if v.selected == nil {
		return
	}
	i := -1
	for k := range v.units {
		if v.units[k].Code == v.selected.Code {
			i = k
		}
	}
	j := i + d
	if i < 0 || j < 0 || j >= len(v.units) {
		return
	}
	order := append([]data.Unit(nil), v.units...)
	order[i], order[j] = order[j], order[i]
	err := v.ui.store.Update(func(tx *store.Tx) error {
		for k, u := range order {
			if u.Order != k+1 {
				u.Order = k + 1
				if err := tx.PutUnit(u); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		v.status.SetText(data.ErrorMessage(err))
		return
	}
	code := v.selected.Code
	v.ui.publish(Change{Kind: UnitsChanged})
	v.selectCode(code)
}

func (v *unitsView) addGroup() {
	id, name := newFormEntry(), newFormEntry()
	id.SetPlaceHolder("để trống: đặt theo tên (CACPHUONG)")
	name.SetPlaceHolder("ví dụ: Các phường")
	items := []*widget.FormItem{widget.NewFormItem("Mã nhóm", id), widget.NewFormItem("Tên nhóm", name)}
	d := dialog.NewForm("Thêm nhóm xếp hạng", "Lưu", "Hủy", items, func(ok bool) {
		if !ok {
			return
		}
		g := data.Group{ID: id.Text, Name: name.Text, Order: len(v.groups) + 1}
		if data.Clean(g.ID) == "" {
			g.ID = groupID(g.Name, v.groups)
		}
		err := v.ui.store.Update(func(tx *store.Tx) error {
			if _, err := tx.Group(data.Clean(g.ID)); err == nil {
				return data.Errorf(data.ECONFLICT, "Mã nhóm %s đã có", g.ID)
			}
			return tx.PutGroup(g)
		})
		if err != nil {
			v.status.SetText(data.ErrorMessage(err))
			return
		}
		v.ui.publish(Change{Kind: UnitsChanged})
		v.group.SetSelected(data.Clean(g.Name))
	}, v.ui.win)
	showForm(d, items, v.ui.win)
}
