package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// saveFile asks where to save bytes already built (a PDF, a workbook, a
// package, a CSV) under a proposed name, writes them there, and tells
// saved the path. Building first means a build error is shown at once and
// no empty file is left behind; a write that fails names the file.
func (ui *UI) saveFile(name string, b []byte, saved func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ui.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		_, werr := w.Write(b)
		if cerr := w.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			ui.showError(fmt.Errorf("không ghi được tệp %s: %w", w.URI().Name(), werr))
			return
		}
		if saved != nil {
			saved(w.URI().Path())
		}
	}, ui.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{filepath.Ext(name)}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// savePDF builds a document and writes it where the officer chooses.
func (ui *UI) savePDF(name string, build func() ([]byte, error)) {
	pdf, err := build()
	if err != nil {
		ui.showError(err)
		return
	}
	ui.saveFile(name, pdf, func(path string) {
		dialog.ShowInformation("Đã lưu", "Đã lưu báo cáo: "+path, ui.win)
	})
}
