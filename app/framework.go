package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// frameworkView shows a year's framework: areas, criteria and maxima, and
// the rating bands.
type frameworkView struct {
	ui      *UI
	content fyne.CanvasObject
	year    *widget.Select
	table   *textTable
	summary *widget.Label
}

func newFrameworkView(ui *UI) *frameworkView {
	v := &frameworkView{ui: ui}
	v.table = newTextTable([]column{
		{"Mã", 70, fyne.TextAlignLeading},
		{"Lĩnh vực, tiêu chí", 520, fyne.TextAlignLeading},
		{"Điểm tối đa", 110, fyne.TextAlignTrailing},
		{"Tài liệu kiểm chứng", 380, fyne.TextAlignLeading},
	})
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.year = newYearSelect(ui, v.show)
	head := widget.NewLabelWithStyle("Bộ chỉ số", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewHBox(head, widget.NewLabel("Năm:"), v.year)
	v.content = container.NewBorder(top, v.summary, nil, nil, v.table)
	v.show()
	return v
}

func (v *frameworkView) show() {
	year := selectedYear(v.year)
	var f *data.Framework
	err := v.ui.store.View(func(tx *store.Tx) (err error) {
		f, err = tx.Framework(year)
		return err
	})
	if err != nil {
		v.table.SetRows(nil, nil)
		v.summary.SetText(data.ErrorMessage(err))
		return
	}
	var rows [][]string
	bold := map[int]bool{}
	var add func(cs []data.Criterion, depth int)
	add = func(cs []data.Criterion, depth int) {
		for _, c := range cs {
			if depth == 0 {
				bold[len(rows)] = true
			}
			title := strings.Repeat("    ", depth) + c.Title
			if c.Kind != data.KindScored && depth == 0 {
				title += " (" + c.Kind.Label() + ")"
			}
			rows = append(rows, []string{c.Code, title, c.LeafMax().Short(), c.Hint})
			add(c.Children, depth+1)
		}
	}
	add(f.Areas, 0)
	v.table.SetRows(rows, bold)
	var bands []string
	for _, b := range f.Bands {
		bands = append(bands, fmt.Sprintf("%s từ %s %%", b.Name, data.Percent(b.Min).String()))
	}
	v.summary.SetText(fmt.Sprintf("Tổng điểm tối đa: %s. Xếp loại: %s.", f.Max().Short(), strings.Join(bands, "; ")))
}
