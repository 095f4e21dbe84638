package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// anyLoopStatus is the status filter's option that keeps every unit.
const anyLoopStatus = "Mọi trạng thái"

// statusFilter picks the units of a year by where their sheets stand in
// the appraisal loop, and says how many stand where ("7 đơn vị chưa nộp,
// 3 đang giải trình"). The units and dashboard screens use it; it reloads
// when a step, a score or the year's framework changes.
type statusFilter struct {
	ui       *UI
	content  fyne.CanvasObject
	year     *widget.Select
	status   *widget.Select
	counts   *widget.Label
	statuses map[string]data.SheetStatus // by unit code, the units with a sheet that year
	changed  func()
}

func newStatusFilter(ui *UI, changed func()) *statusFilter {
	f := &statusFilter{ui: ui, changed: changed}
	opts := []string{anyLoopStatus}
	for _, s := range data.Statuses {
		opts = append(opts, s.Label())
	}
	f.status = newSelect(opts, func(string) { f.changed() })
	f.status.Selected = anyLoopStatus
	f.year = newYearSelect(ui, func() { f.load(); f.changed() })
	f.counts = widget.NewLabel("")
	f.counts.Wrapping = fyne.TextWrapWord
	// Wide enough for "Thẩm định lại" and "Mọi trạng thái" in full.
	status := container.NewGridWrap(fyne.NewSize(150, f.status.MinSize().Height), f.status)
	f.content = flow(field("Thẩm định năm:", f.year), field("Trạng thái:", status))
	ui.watch(f, func() { f.load(); f.changed() }, ScoresChanged, UnitsChanged, FrameworkChanged)
	f.load()
	return f
}

// load reads the statuses of the chosen year's units.
func (f *statusFilter) load() {
	year := selectedYear(f.year)
	f.statuses = map[string]data.SheetStatus{}
	var units []data.Unit
	err := f.ui.store.View(func(tx *store.Tx) error {
		if year == 0 {
			return nil
		}
		sheets, err := tx.Sheets(year)
		if err != nil {
			return err
		}
		as, err := tx.Appraisals(year)
		if err != nil {
			return err
		}
		for code := range sheets {
			f.statuses[code] = data.StatusDraft
			if a, ok := as[code]; ok {
				f.statuses[code] = a.Status
			}
		}
		units, err = tx.Units()
		return err
	})
	if err != nil {
		f.ui.showError(err)
	}
	var list []data.SheetStatus
	for _, u := range units {
		if st, ok := f.statuses[u.Code]; ok {
			list = append(list, st)
		}
	}
	text := data.StatusCounts(list)
	switch {
	case year == 0:
		text = "Chưa có năm nào có bộ chỉ số."
	case text == "":
		text = "Năm " + f.year.Selected + ": chưa đơn vị nào có phiếu điểm."
	default:
		text = "Năm " + f.year.Selected + ": " + text + "."
	}
	f.counts.SetText(text)
}

// chosen is the status picked, ok false when every unit is shown.
func (f *statusFilter) chosen() (data.SheetStatus, bool) {
	if f.status.Selected == anyLoopStatus || f.status.Selected == "" {
		return "", false
	}
	s, err := data.ParseStatus(f.status.Selected)
	return s, err == nil
}

// match reports whether a unit passes the filter: with a status chosen,
// only the units with a sheet that year at that status.
func (f *statusFilter) match(code string) bool {
	want, ok := f.chosen()
	if !ok {
		return true
	}
	st, has := f.statuses[code]
	return has && st == want
}

// names lists the units that pass the filter, for the dashboard.
func (f *statusFilter) names(units []data.Unit) string {
	var out []string
	for _, u := range units {
		if _, has := f.statuses[u.Code]; has && f.match(u.Code) {
			out = append(out, u.Name)
		}
	}
	return strings.Join(out, ", ")
}
