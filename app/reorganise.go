package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// Reorganisation of units ("Tổ chức lại"), as in 2025: several units
// merged into one, a unit renamed, a unit split into several. The units that
// end keep their code, sheets and years (old years list them), and a locked
// year keeps printing them as approved.

// Choices of the reorganisation dialog.
const (
	reorgMergeLabel  = "Hợp nhất nhiều đơn vị thành một"
	reorgRenameLabel = "Đổi tên đơn vị"
	reorgSplitLabel  = "Chia tách một đơn vị thành nhiều"
)

// reorgForm is the dialog's form; the units screen opens it for the
// selected unit.
type reorgForm struct {
	ui     *UI
	from   data.Unit   // the selected unit
	active []data.Unit // active units, the merge's choices
	groups []data.Group

	kind    *widget.RadioGroup
	merge   *widget.CheckGroup // units to merge, "CODE — Name"
	code    *formEntry         // the merged unit's code
	name    *formEntry         // the merged unit's or the new name
	group   *widget.Select     // the merged unit's group
	parts   *widget.Entry      // split: one "CODE Tên" per line
	date    *formEntry
	reason  *formEntry
	status  *widget.Label
	apply   *widget.Button
	content fyne.CanvasObject

	mergeBox, renameBox, splitBox fyne.CanvasObject
	dlg                           dialog.Dialog
	done                          func(code string) // called after a change, with the unit to select
}

// newReorganiseButton is the units screen's "Tổ chức lại" action.
func newReorganiseButton(v *unitsView) *widget.Button {
	return widget.NewButtonWithIcon("Tổ chức lại…", theme.ViewRefreshIcon(), func() {
		if v.selected == nil {
			v.status.SetText("Hãy chọn đơn vị cần tổ chức lại trong danh sách.")
			return
		}
		f, err := newReorgForm(v.ui, *v.selected, func(code string) {
			v.ui.publish(Change{Kind: UnitsChanged})
			v.selectCode(code)
		})
		if err != nil {
			v.status.SetText(data.ErrorMessage(err))
			return
		}
		f.show()
	})
}

func newReorgForm(ui *UI, from data.Unit, done func(string)) (*reorgForm, error) {
	f := &reorgForm{ui: ui, from: from, done: done}
	err := ui.store.View(func(tx *store.Tx) error {
		units, err := tx.Units()
		if err != nil {
			return err
		}
		for _, u := range units {
			if !u.Inactive {
				f.active = append(f.active, u)
			}
		}
		f.groups, err = tx.Groups()
		return err
	})
	if err != nil {
		return nil, err
	}
	if from.Inactive {
		return nil, data.Errorf(data.ECONFLICT, "%s đã ngừng đánh giá: không tổ chức lại được", from.Name)
	}

	var choices []string
	for _, u := range f.active {
		choices = append(choices, u.Code+" — "+u.Name)
	}
	f.merge = widget.NewCheckGroup(choices, nil)
	f.merge.SetSelected([]string{from.Code + " — " + from.Name})
	// Enter in a one-line field carries the reorganisation out, Esc
	// cancels the dialog.
	f.code = dialogEntry(f.submit, f.cancel)
	f.code.SetPlaceHolder("mã đơn vị mới, hoặc mã của đơn vị nhận sáp nhập")
	f.name = dialogEntry(f.submit, f.cancel)
	var groupNames []string
	for _, g := range f.groups {
		groupNames = append(groupNames, g.Name)
	}
	f.group = newSelect(groupNames, nil)
	for _, g := range f.groups {
		if g.ID == from.GroupID {
			f.group.SetSelected(g.Name)
		}
	}
	f.parts = widget.NewMultiLineEntry()
	f.parts.SetPlaceHolder("Mỗi dòng một đơn vị mới: mã, dấu cách, tên\nví dụ: BLB Xã Bảo Lạc Bắc")
	f.parts.SetMinRowsVisible(4)
	f.date = dialogEntry(f.submit, f.cancel)
	f.date.SetPlaceHolder("dd/mm/yyyy")
	f.date.SetText(data.FormatDate(today()))
	f.reason = dialogEntry(f.submit, f.cancel)
	f.reason.SetPlaceHolder("Căn cứ: Nghị quyết số …/NQ-UBTVQH15 …")
	f.status = widget.NewLabel("")
	f.status.Wrapping = fyne.TextWrapWord

	scroll := container.NewVScroll(f.merge)
	scroll.SetMinSize(fyne.NewSize(420, 180))
	f.mergeBox = widget.NewForm(
		widget.NewFormItem("Các đơn vị hợp nhất", scroll),
		widget.NewFormItem("Mã đơn vị sau hợp nhất", f.code),
		widget.NewFormItem("Nhóm xếp hạng", f.group),
	)
	f.renameBox = widget.NewLabel(fmt.Sprintf("Đơn vị %s (mã %s) giữ mã, nhóm và lịch sử; các năm đã khóa vẫn in tên cũ.", from.Name, from.Code))
	f.splitBox = widget.NewForm(widget.NewFormItem("Các đơn vị mới", f.parts))
	nameItem := widget.NewForm(widget.NewFormItem("Tên đơn vị mới", f.name))
	f.kind = widget.NewRadioGroup([]string{reorgMergeLabel, reorgRenameLabel, reorgSplitLabel}, func(string) { f.showKind(nameItem) })
	f.apply = widget.NewButtonWithIcon("Thực hiện", theme.ConfirmIcon(), f.submit)
	f.apply.Importance = widget.HighImportance
	common := widget.NewForm(
		widget.NewFormItem("Ngày", f.date),
		widget.NewFormItem("Lý do, căn cứ", f.reason),
	)
	f.content = container.NewVBox(
		widget.NewLabel(fmt.Sprintf("Đơn vị đang chọn: %s (mã %s)", from.Name, from.Code)),
		f.kind, f.mergeBox, nameItem, f.renameBox, f.splitBox, common, f.status,
	)
	f.kind.SetSelected(reorgMergeLabel)
	return f, nil
}

// showKind shows the fields the chosen reorganisation needs.
func (f *reorgForm) showKind(nameItem fyne.CanvasObject) {
	vis := func(o fyne.CanvasObject, on bool) {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
	k := f.kind.Selected
	vis(f.mergeBox, k == reorgMergeLabel)
	vis(nameItem, k != reorgSplitLabel)
	vis(f.renameBox, k == reorgRenameLabel)
	vis(f.splitBox, k == reorgSplitLabel)
	f.status.SetText("")
}

func (f *reorgForm) show() {
	cancel := widget.NewButton("Hủy", nil)
	body := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, f.apply), nil, nil, container.NewVScroll(f.content))
	f.dlg = dialog.NewCustomWithoutButtons("Tổ chức lại đơn vị", body, f.ui.win)
	cancel.OnTapped = f.cancel
	f.dlg.Resize(fyne.NewSize(640, 620))
	f.dlg.Show()
	f.ui.win.Canvas().Focus(f.reason)
}

// cancel closes the dialog without writing anything.
func (f *reorgForm) cancel() {
	if f.dlg != nil {
		f.dlg.Hide()
	}
}

// submit checks the form and writes the reorganisation in one transaction;
// a refusal stays in the dialog with the store's message.
func (f *reorgForm) submit() {
	code, err := f.write()
	if err != nil {
		f.status.SetText(data.ErrorMessage(err))
		return
	}
	if f.dlg != nil {
		f.dlg.Hide()
	}
	if f.done != nil {
		f.done(code)
	}
}

// write performs the chosen reorganisation and returns the code of the unit
// to select afterwards.
func (f *reorgForm) write() (string, error) {
	on, err := data.ParseDate(f.date.Text)
	if err != nil {
		return "", err
	}
	if data.Clean(f.reason.Text) == "" {
		return "", data.Errorf(data.EINVALID, "Lý do, căn cứ tổ chức lại: chưa nhập")
	}
	var apply func(tx *store.Tx) error
	selectCode := f.from.Code
	switch f.kind.Selected {
	case reorgMergeLabel:
		var codes []string
		for _, c := range f.merge.Selected {
			code, _, _ := strings.Cut(c, " — ")
			codes = append(codes, code)
		}
		into := data.Unit{Code: f.code.Text, Name: f.name.Text, Kind: f.from.Kind, Order: f.from.Order}
		if i := f.group.SelectedIndex(); i >= 0 {
			into.GroupID = f.groups[i].ID
		}
		selectCode = data.Clean(into.Code)
		apply = func(tx *store.Tx) error { return tx.MergeUnits(codes, into, on) }
	case reorgRenameLabel:
		apply = func(tx *store.Tx) error { return tx.RenameUnit(f.from.Code, f.name.Text, on) }
	case reorgSplitLabel:
		parts, err := f.splitParts()
		if err != nil {
			return "", err
		}
		selectCode = parts[0].Code
		apply = func(tx *store.Tx) error { return tx.SplitUnit(f.from.Code, parts, on) }
	default:
		return "", data.Errorf(data.EINVALID, "Hãy chọn cách tổ chức lại")
	}
	err = f.ui.store.Update(func(tx *store.Tx) error {
		tx.SetReason(f.reason.Text)
		return apply(tx)
	})
	return selectCode, err
}

// splitParts reads the new units of a split, one "CODE Tên" per line.
func (f *reorgForm) splitParts() ([]data.Unit, error) {
	var parts []data.Unit
	for i, line := range strings.Split(f.parts.Text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		code, name, ok := strings.Cut(line, " ")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, data.Errorf(data.EINVALID, "Dòng %d «%s»: cần mã, dấu cách rồi tên đơn vị", i+1, line)
		}
		parts = append(parts, data.Unit{Code: code, Name: name, Kind: f.from.Kind, GroupID: f.from.GroupID, Order: f.from.Order})
	}
	return parts, nil
}
