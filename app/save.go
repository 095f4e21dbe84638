package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// savePDF builds a document and writes it where the officer chooses. The
// PDF is built before the dialog opens, so a build error is shown at once
// and no empty file is left behind.
func (ui *UI) savePDF(name string, build func() ([]byte, error)) {
	pdf, err := build()
	if err != nil {
		ui.showError(err)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ui.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		_, werr := w.Write(pdf)
		if cerr := w.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			ui.showError(fmt.Errorf("không ghi được tệp %s: %w", w.URI().Name(), werr))
			return
		}
		dialog.ShowInformation("Đã lưu", "Đã lưu báo cáo: "+w.URI().Path(), ui.win)
	}, ui.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}
