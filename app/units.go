package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// unitsView lists the evaluated units with their group, filtered by a
// search box that ignores case and tone marks.
type unitsView struct {
	ui      *UI
	content fyne.CanvasObject
	search  *widget.Entry
	table   *textTable
	count   *widget.Label
	units   []data.Unit
	groups  map[string]string
}

func newUnitsView(ui *UI) *unitsView {
	v := &unitsView{ui: ui}
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder("Tìm đơn vị (gõ không dấu cũng được)")
	v.search.OnChanged = func(string) { v.show() }
	v.table = newTextTable([]column{
		{"STT", 50, fyne.TextAlignTrailing},
		{"Mã", 90, fyne.TextAlignLeading},
		{"Tên đơn vị", 260, fyne.TextAlignLeading},
		{"Loại", 130, fyne.TextAlignLeading},
		{"Nhóm xếp hạng", 220, fyne.TextAlignLeading},
		{"Trạng thái", 130, fyne.TextAlignLeading},
	})
	v.count = widget.NewLabel("")
	head := widget.NewLabelWithStyle("Đơn vị được đánh giá", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.content = container.NewBorder(container.NewVBox(head, v.search), v.count, nil, nil, v.table)
	ui.onChange = append(ui.onChange, v.load)
	v.load()
	return v
}

func (v *unitsView) load() {
	v.groups = map[string]string{}
	err := v.ui.store.View(func(tx *store.Tx) error {
		var err error
		if v.units, err = tx.Units(); err != nil {
			return err
		}
		groups, err := tx.Groups()
		for _, g := range groups {
			v.groups[g.ID] = g.Name
		}
		return err
	})
	if err != nil {
		v.ui.showError(err)
	}
	v.show()
}

func (v *unitsView) show() {
	var rows [][]string
	for _, u := range v.units {
		if !data.Matches(u.Name, v.search.Text) && !data.Matches(u.Code, v.search.Text) {
			continue
		}
		status := "Đang đánh giá"
		if u.Inactive {
			status = "Ngừng đánh giá"
		}
		rows = append(rows, []string{fmt.Sprint(len(rows) + 1), u.Code, u.Name, u.Kind.Label(), v.groups[u.GroupID], status})
	}
	v.table.SetRows(rows, nil)
	v.count.SetText(fmt.Sprintf("%d / %d đơn vị", len(rows), len(v.units)))
}
