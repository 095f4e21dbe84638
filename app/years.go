package app

import (
	"strconv"

	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data/store"
)

// newYearSelect offers the years that have a framework, latest selected.
// The UI keeps every year select so that a new year shows up everywhere.
func newYearSelect(ui *UI, onChange func()) *widget.Select {
	s := newSelect(ui.yearOptions(), nil)
	if n := len(s.Options); n > 0 {
		s.SetSelected(s.Options[n-1])
	}
	s.OnChanged = func(string) { onChange() }
	ui.yearSelects = append(ui.yearSelects, s)
	return s
}

func (ui *UI) yearOptions() []string {
	var years []int
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		years, err = tx.Years()
		return err
	}); err != nil {
		ui.showError(err)
	}
	opts := make([]string, len(years))
	for i, y := range years {
		opts[i] = strconv.Itoa(y)
	}
	return opts
}

// refreshYears reloads the options of every year select after a year is
// added, keeping each one's selection.
func (ui *UI) refreshYears() {
	opts := ui.yearOptions()
	for _, s := range ui.yearSelects {
		s.Options = opts
		s.Refresh()
	}
}

// selectedYear is the year chosen in a year select, 0 for none.
func selectedYear(s *widget.Select) int {
	y, _ := strconv.Atoi(s.Selected)
	return y
}
