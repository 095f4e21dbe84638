package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data/store"
)

// checkEvidence reads every evidence file the data references again, as
// pardesk check does, and says which are missing or altered, by unit,
// year, criterion and name: what an office checks before an inspection.
func (v *dataFileView) checkEvidence() {
	v.background("Đang kiểm tra tài liệu kiểm chứng…", func() (func(), error) {
		c, err := v.ui.store.CheckEvidence(true)
		if err != nil {
			return nil, err
		}
		backups, err := v.ui.store.CheckBackupEvidence(true)
		return func() { v.showEvidenceCheck(c, backups) }, err
	})
}

// showEvidenceCheck shows what checkEvidence found: the data's files,
// then the backups that would not restore whole.
func (v *dataFileView) showEvidenceCheck(c store.EvidenceCheck, backups []string) {
	text := c.Summary()
	if !c.OK() {
		text += "\n\n" + strings.Join(c.Problems(), "\n") +
			"\n\nHãy khôi phục từ bản sao lưu (các tệp được đặt lại cùng dữ liệu), hoặc gỡ rồi đính kèm lại bản gốc ở mục Chấm điểm."
	}
	if len(backups) > 0 {
		text += "\n\n" + strings.Join(backups, "\n")
	} else {
		text += "\n\nCác bản sao lưu giữ đủ tài liệu kiểm chứng của mình."
	}
	v.status.SetText(c.Summary())
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Kiểm tra tài liệu kiểm chứng", "Đóng", container.NewVScroll(l), v.ui.win)
	d.Resize(fyne.NewSize(680, 360))
	d.Show()
}
