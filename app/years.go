package app

import (
	"strconv"

	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data/store"
)

// newYearSelect offers the years that have a framework, latest selected.
func newYearSelect(ui *UI, onChange func()) *widget.Select {
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
	s := widget.NewSelect(opts, nil)
	if len(opts) > 0 {
		s.SetSelected(opts[len(opts)-1])
	}
	s.OnChanged = func(string) { onChange() }
	return s
}

// selectedYear is the year chosen in a year select, 0 for none.
func selectedYear(s *widget.Select) int {
	y, _ := strconv.Atoi(s.Selected)
	return y
}
