package app

import (
	"strconv"

	"fyne.io/fyne/v2/widget"
)

// newYearSelect offers the years that have a framework, latest selected.
// Its options follow the window's list of years: a new year's framework
// shows up in every year picker the next time its screen is shown.
func newYearSelect(ui *UI, onChange func()) *widget.Select {
	s := newSelect(ui.yearOptions(), nil)
	if n := len(s.Options); n > 0 {
		s.SetSelected(s.Options[n-1])
	}
	s.OnChanged = func(string) { onChange() }
	ui.watch(s, func() {
		if setOptions(s, ui.yearOptions(), -1) {
			onChange()
		}
	}, FrameworkChanged)
	return s
}

// yearOptions are the years that have a framework, as picker options.
func (ui *UI) yearOptions() []string {
	years := ui.lists.years()
	opts := make([]string, len(years))
	for i, y := range years {
		opts[i] = strconv.Itoa(y)
	}
	return opts
}

// selectedYear is the year chosen in a year select, 0 for none.
func selectedYear(s *widget.Select) int {
	y, _ := strconv.Atoi(s.Selected)
	return y
}
