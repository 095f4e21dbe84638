package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// officeForm edits what every printed document carries about the office:
// the agency block, the document symbol, the place in the date line, the
// signer and the "Nơi nhận" list.
type officeForm struct {
	ui                              *UI
	content                         fyne.CanvasObject
	superior, name, abbrev, place   *widget.Entry
	signerTitle, signer, recipients *widget.Entry
	status                          *widget.Label
	saveBtn                         *widget.Button
	stored                          data.Office // as last read or saved
}

func newOfficeForm(ui *UI) *officeForm {
	f := &officeForm{ui: ui}
	f.superior = widget.NewEntry()
	f.superior.SetPlaceHolder("chưa nhập — ví dụ: UBND TỈNH CAO BẰNG")
	f.name = widget.NewEntry()
	f.name.SetPlaceHolder("chưa nhập — ví dụ: SỞ NỘI VỤ")
	f.abbrev = widget.NewEntry()
	f.abbrev.SetPlaceHolder("chưa nhập — ví dụ: SNV (Số: 12/BC-SNV)")
	f.place = widget.NewEntry()
	f.place.SetPlaceHolder("chưa nhập — ví dụ: Cao Bằng (dòng ngày tháng)")
	f.signerTitle = widget.NewEntry()
	f.signerTitle.SetPlaceHolder("chưa nhập — ví dụ: GIÁM ĐỐC")
	f.signer = widget.NewEntry()
	f.recipients = widget.NewMultiLineEntry()
	f.recipients.SetPlaceHolder("Mỗi dòng một nơi nhận")
	f.recipients.SetMinRowsVisible(4)
	f.status = widget.NewLabel("")
	f.status.Wrapping = fyne.TextWrapWord
	f.saveBtn = widget.NewButtonWithIcon("Lưu thông tin cơ quan", theme.DocumentSaveIcon(), f.save)
	form := widget.NewForm(
		widget.NewFormItem("Cơ quan chủ quản", f.superior),
		widget.NewFormItem("Cơ quan ban hành", f.name),
		widget.NewFormItem("Viết tắt", f.abbrev),
		widget.NewFormItem("Địa danh", f.place),
		widget.NewFormItem("Chức danh người ký", f.signerTitle),
		widget.NewFormItem("Người ký", f.signer),
		widget.NewFormItem("Nơi nhận", f.recipients),
	)
	f.content = container.NewVBox(boldLabel("Thông tin cơ quan in trên văn bản"), form, f.saveBtn, f.status)
	ui.watch(f, f.load, OfficeChanged)
	ui.onLeave(leaveGuard(f.leave, f.dirty))
	f.load()
	return f
}

func (f *officeForm) load() {
	var o data.Office
	if err := f.ui.store.View(func(tx *store.Tx) (err error) {
		o, err = tx.Office()
		return err
	}); err != nil {
		f.status.SetText(data.ErrorMessage(err))
		return
	}
	f.stored = o
	f.superior.SetText(o.Superior)
	f.name.SetText(o.Name)
	f.abbrev.SetText(o.Abbrev)
	f.place.SetText(o.Place)
	f.signerTitle.SetText(o.SignerTitle)
	f.signer.SetText(o.Signer)
	f.recipients.SetText(strings.Join(o.Recipients, "\n"))
}

func (f *officeForm) save() { f.saveOK() }

// typed is the office as the form shows it.
func (f *officeForm) typed() data.Office {
	o := data.Office{
		Superior:    f.superior.Text,
		Name:        f.name.Text,
		Abbrev:      f.abbrev.Text,
		Place:       f.place.Text,
		SignerTitle: f.signerTitle.Text,
		Signer:      f.signer.Text,
	}
	for _, line := range strings.Split(f.recipients.Text, "\n") {
		// The layout draws the dash; one typed by habit is not doubled.
		if line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "-")); line != "" {
			o.Recipients = append(o.Recipients, line)
		}
	}
	return o
}

// saveOK stores the form and reports whether the store took it.
func (f *officeForm) saveOK() bool {
	o := f.typed()
	if err := f.ui.store.Update(func(tx *store.Tx) error { return tx.PutOffice(o) }); err != nil {
		f.status.SetText("Chưa lưu: " + data.ErrorMessage(err))
		return false
	}
	f.stored = o
	f.ui.publish(Change{Kind: OfficeChanged, From: f})
	f.status.SetText("Đã lưu thông tin cơ quan; các văn bản in từ nay dùng thông tin này.")
	return true
}

// dirty reports whether the form differs from the details as stored.
func (f *officeForm) dirty() bool {
	o, s := f.typed(), f.stored
	if data.Clean(o.Superior) != data.Clean(s.Superior) || data.Clean(o.Name) != data.Clean(s.Name) ||
		data.Clean(o.Abbrev) != data.Clean(s.Abbrev) || data.Clean(o.Place) != data.Clean(s.Place) ||
		data.Clean(o.SignerTitle) != data.Clean(s.SignerTitle) || data.Clean(o.Signer) != data.Clean(s.Signer) {
		return true
	}
	return data.Clean(strings.Join(o.Recipients, " ")) != data.Clean(strings.Join(s.Recipients, " "))
}

// leave runs next at once when the form holds no unsaved change; else it
// asks whether to save first, discard the change, or stay.
func (f *officeForm) leave(next func()) {
	if !f.dirty() {
		next()
		return
	}
	f.ui.askLeave(unsaved{
		msg:     "Thông tin cơ quan có thay đổi chưa lưu. Lưu lại trước khi chuyển sang việc khác?",
		save:    f.saveOK,
		discard: f.load,
	}, next)
}
