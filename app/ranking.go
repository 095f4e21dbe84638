package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// rankingView shows a group's ranking for a year: the same figures the
// ranking PDF prints, from the same RankingInput.
type rankingView struct {
	ui      *UI
	content fyne.CanvasObject
	year    *widget.Select
	group   *groupSelect
	table   *textTable
	summary *widget.Label
	save    *widget.Button
	input   reports.RankingInput
}

func newRankingView(ui *UI) *rankingView {
	v := &rankingView{ui: ui}
	v.table = newTextTable(nil)
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.year = newYearSelect(ui, v.load)
	v.group = newGroupSelect(ui, v.load)
	v.save = widget.NewButtonWithIcon("Lưu báo cáo PDF…", theme.DocumentSaveIcon(), func() {
		ui.savePDF(fmt.Sprintf("xep-hang-%d.pdf", v.input.Year), func() ([]byte, error) {
			in := v.input
			in.Date = today()
			return reports.Ranking(in)
		})
	})
	v.save.Importance = widget.HighImportance
	head := boldLabel("Xếp hạng Chỉ số cải cách hành chính")
	top := flow(head, field("Năm:", v.year), field("Nhóm:", v.group.wide()), v.save)
	v.content = container.NewBorder(top, v.summary, nil, nil, v.table)
	ui.watch(v, v.load, ScoresChanged, UnitsChanged, FrameworkChanged)
	v.load()
	return v
}

func (v *rankingView) load() {
	year := selectedYear(v.year)
	err := v.ui.store.View(func(tx *store.Tx) (err error) {
		v.input, err = ops.RankingInput(tx, year, v.group.ID())
		return err
	})
	if err != nil {
		v.input = reports.RankingInput{Year: year}
		v.table.SetRows(nil, nil)
		v.summary.SetText(data.ErrorMessage(err))
		v.save.Disable()
		return
	}
	v.save.Enable()
	v.show()
}

func (v *rankingView) show() {
	f := v.input.Framework
	// Widths fit the whole row of a 7-area framework in a 1 280-pixel
	// window: officers compare areas across units without scrolling.
	cols := []column{{"Hạng", 56, fyne.TextAlignCenter}, {"Đơn vị", 175, fyne.TextAlignLeading}}
	for _, a := range f.Areas {
		cols = append(cols, column{"LV" + a.Code, 66, fyne.TextAlignTrailing})
	}
	cols = append(cols,
		column{"Tổng", 84, fyne.TextAlignTrailing},
		column{"Chỉ số %", 80, fyne.TextAlignTrailing},
		column{"Xếp loại", 90, fyne.TextAlignLeading},
		column{"Thay đổi", 100, fyne.TextAlignLeading},
	)
	v.table.SetColumns(cols)
	rows := make([][]string, 0, len(v.input.Results))
	count := map[string]int{}
	for _, r := range v.input.Results {
		if r.Unscored {
			// Not appraised: listed after the ranked units, without figures.
			row := []string{"", r.Unit.Name}
			for range r.Areas {
				row = append(row, "")
			}
			rows = append(rows, append(row, "", "", data.NotScored, "—"))
			count[data.NotScored]++
			continue
		}
		row := []string{fmt.Sprint(r.Rank), r.Unit.Name}
		for _, a := range r.Areas {
			row = append(row, a.Points.String())
		}
		change := r.RankChangeLabel()
		if change == "" {
			change = "—"
		}
		row = append(row, r.Total.String(), r.Index.String(), r.Rating, change)
		rows = append(rows, row)
		count[r.Rating]++
	}
	v.table.SetRows(rows, nil)
	var parts []string
	for _, b := range f.Bands {
		parts = append(parts, fmt.Sprintf("%s: %d", b.Name, count[b.Name]))
	}
	var legend []string
	for _, a := range f.Areas {
		legend = append(legend, fmt.Sprintf("LV%s: %s (%s điểm)", a.Code, a.Title, a.LeafMax().String()))
	}
	if n := count[data.NotScored]; n > 0 {
		parts = append(parts, fmt.Sprintf("%s (không xếp hạng): %d", data.NotScored, n))
	}
	v.summary.SetText(fmt.Sprintf("Năm %d, %s: %d đơn vị. %s.\n%s.",
		v.input.Year, v.input.GroupName, len(rows)-count[data.NotScored], strings.Join(parts, "; "), strings.Join(legend, "; ")))
}
