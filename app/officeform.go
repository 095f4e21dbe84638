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
	f.superior.SetText(o.Superior)
	f.name.SetText(o.Name)
	f.abbrev.SetText(o.Abbrev)
	f.place.SetText(o.Place)
	f.signerTitle.SetText(o.SignerTitle)
	f.signer.SetText(o.Signer)
	f.recipients.SetText(strings.Join(o.Recipients, "\n"))
}

func (f *officeForm) save() {
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
	if err := f.ui.store.Update(func(tx *store.Tx) error { return tx.PutOffice(o) }); err != nil {
		f.status.SetText("Chưa lưu: " + data.ErrorMessage(err))
		return
	}
	f.ui.publish(Change{Kind: OfficeChanged, From: f})
	f.status.SetText("Đã lưu thông tin cơ quan; các văn bản in từ nay dùng thông tin này.")
}
