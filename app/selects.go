package app

import "fyne.io/fyne/v2/widget"

// newSelect is widget.NewSelect with a Vietnamese placeholder: Fyne's
// "(Select one)" is a constant that its translations do not reach.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = "(chọn)"
	return s
}
