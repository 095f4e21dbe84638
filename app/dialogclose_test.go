package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/pardesk/pardesk/data/xlsx"
)

// Esc closes the evidence dialog of a grid row and the unit's change
// history, and the window's keys work again afterwards.
func TestEscClosesInformingDialogs(t *testing.T) {
	ui, w := newTestUI(t)
	c := w.Canvas()
	esc := func(what string) {
		t.Helper()
		if c.Overlays().Top() == nil {
			t.Fatalf("%s: no dialog open", what)
		}
		if c.OnTypedKey() == nil {
			t.Fatalf("%s: Esc reaches nothing", what)
		}
		c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if c.Overlays().Top() != nil {
			t.Errorf("%s: still open after Esc", what)
		}
		if c.OnTypedKey() != nil {
			t.Errorf("%s: its key handler outlived it", what)
		}
	}
	ui.Show(SectionScores)
	v := ui.scores
	v.year.SetSelected("2023")
	v.unit.choose("HLA")
	v.showEvidence(v.rows[0])
	esc("tài liệu kiểm chứng")
	if v.ev.open != nil {
		t.Error("the grid still holds the closed evidence dialog")
	}

	showHistory(ui, ui.lists.units()[0])
	esc("lịch sử thay đổi")

	ui.Show(SectionDataFile)
	ui.dataFile.showProblems("diem.xlsx", xlsx.Problems{{Sheet: "Điểm", Row: 7, Col: 6, Header: "Thẩm định", Msg: "điểm 12 lớn hơn tối đa 3"}})
	esc("không nhập tệp")
}

// A dialog opened over an informing one takes the Esc; the one below stays.
func TestEscLeavesTheDialogBelow(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	c := w.Canvas()
	below := dialog.NewCustom("Tài liệu kiểm chứng", "Đóng", widget.NewLabel("Chưa có tệp nào."), w)
	showClosable(below, w)
	over := dialog.NewCustom("Chọn tệp", "Hủy", widget.NewLabel(""), w)
	over.Show()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(c.Overlays().List()) != 2 {
		t.Fatalf("%d dialogs open, want both", len(c.Overlays().List()))
	}
	over.Hide()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil {
		t.Error("Esc did not close the dialog once it was on top")
	}
}
