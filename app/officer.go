package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
)

// prefOfficer keeps the officer's name between runs: it is asked once and
// written into the audit trail with every change.
const prefOfficer = "officer"

// ensureOfficer takes the officer's name from the settings, or asks for it
// when there is none yet.
func (ui *UI) ensureOfficer() {
	name := fyne.CurrentApp().Preferences().String(prefOfficer)
	if strings.TrimSpace(name) != "" {
		ui.store.SetOfficer(name)
		ui.officer.SetText(name)
		return
	}
	ui.askOfficer()
}

// askOfficer asks for the name of the officer working at this PC.
func (ui *UI) askOfficer() {
	entry := newFormEntry()
	entry.SetText(ui.store.Officer())
	entry.SetPlaceHolder("Họ và tên")
	entry.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return data.Errorf(data.EINVALID, "Họ tên cán bộ: chưa nhập")
		}
		return nil
	}
	help := widget.NewLabel("Họ tên được ghi vào lịch sử thay đổi cùng mỗi lần sửa điểm, bộ chỉ số, đơn vị hay khóa năm.")
	help.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", help), widget.NewFormItem("Họ tên cán bộ", entry)}
	d := dialog.NewForm("Cán bộ nhập liệu", "Lưu", "Để sau", items, func(ok bool) {
		if ok {
			ui.setOfficer(entry.Text)
		}
	}, ui.win)
	showForm(d, items, ui.win)
}

func (ui *UI) setOfficer(name string) {
	name = data.Clean(name)
	if name == "" {
		return
	}
	fyne.CurrentApp().Preferences().SetString(prefOfficer, name)
	ui.store.SetOfficer(name)
	ui.officer.SetText(name)
}
