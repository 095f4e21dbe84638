package app

import (
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// restoreLabel is the text of the restore button: "Khôi phục từ bản sao
// lưu ngày 09/06/2023 14:30".
func restoreLabel(b store.Backup) string {
	return fmt.Sprintf("Khôi phục từ bản sao lưu ngày %s %s", data.FormatDate(b.Time), b.Time.Format("15:04"))
}

// damagedView says why the data file cannot be opened and offers the
// newest sound backup; opened gets the store once the backup is in place.
func damagedView(w fyne.Window, path string, openErr error, opened func(*store.Store)) fyne.CanvasObject {
	head := widget.NewLabelWithStyle("Không mở được tệp dữ liệu", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(data.ErrorMessage(openErr))
	msg.Wrapping = fyne.TextWrapWord
	quit := widget.NewButtonWithIcon("Đóng ParDesk", theme.CancelIcon(), func() { w.Close() })
	b, ok, err := store.NewestSoundBackup(path)
	if err != nil || !ok {
		none := fmt.Sprintf("Không có bản sao lưu nào còn tốt trong thư mục %s.", filepath.Join(filepath.Dir(path), store.BackupDir))
		if err != nil {
			none = data.ErrorMessage(err)
		}
		note := widget.NewLabel(none)
		note.Wrapping = fyne.TextWrapWord
		return container.NewPadded(container.NewVBox(head, msg, note, container.NewHBox(quit)))
	}
	note := widget.NewLabel(fmt.Sprintf("Bản sao lưu gần nhất còn tốt: %s.\nTệp hỏng được giữ lại bên cạnh, đổi tên thành %s.hong-…; không có gì bị xóa. Những thay đổi sau thời điểm sao lưu sẽ không có trong dữ liệu khôi phục.", b, filepath.Base(path)))
	note.Wrapping = fyne.TextWrapWord
	restore := widget.NewButtonWithIcon(restoreLabel(b), theme.HistoryIcon(), nil)
	restore.Importance = widget.HighImportance
	restore.OnTapped = func() {
		aside, err := store.RecoverFrom(path, b.Path)
		if err == nil {
			var st *store.Store
			if st, err = store.Open(path); err == nil {
				opened(st)
				text := fmt.Sprintf("Đã khôi phục dữ liệu từ bản sao lưu ngày %s %s.", data.FormatDate(b.Time), b.Time.Format("15:04"))
				if aside != "" {
					text += "\nTệp hỏng được giữ ở " + aside
				}
				dialog.ShowInformation("Đã khôi phục", text, w)
				return
			}
		}
		dialog.ShowError(errors.New(data.ErrorMessage(err)), w)
	}
	return container.NewPadded(container.NewVBox(head, msg, note, container.NewHBox(restore, quit)))
}
