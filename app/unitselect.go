package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
)

// unitSelect picks an active unit by "code – name". Its options follow the
// window's list of units: a unit added anywhere shows up here the next time
// its screen is shown.
type unitSelect struct {
	*widget.Select
	units []data.Unit
}

func newUnitSelect(ui *UI, onChange func()) *unitSelect {
	u := &unitSelect{}
	u.Select = newSelect(nil, nil)
	u.reload(ui)
	u.OnChanged = func(string) { onChange() }
	ui.watch(u, func() {
		if u.reload(ui) {
			onChange()
		}
	}, UnitsChanged)
	return u
}

// reload takes the window's active units, keeping the chosen one when it
// still exists and otherwise choosing the first. It reports whether the
// choice changed.
func (u *unitSelect) reload(ui *UI) bool {
	u.units = u.units[:0]
	var opts []string
	for _, un := range ui.lists.units() {
		if !un.Inactive {
			u.units = append(u.units, un)
			opts = append(opts, un.Code+" – "+un.Name)
		}
	}
	return setOptions(u.Select, opts, 0)
}

// code is the chosen unit's code ("" when none).
func (u *unitSelect) code() string {
	if i := u.SelectedIndex(); i >= 0 && i < len(u.units) {
		return u.units[i].Code
	}
	return ""
}

// choose selects the unit with the given code.
func (u *unitSelect) choose(code string) {
	for i, un := range u.units {
		if un.Code == code {
			u.SetSelectedIndex(i)
			return
		}
	}
}

// step moves to the previous (-1) or next (+1) unit.
func (u *unitSelect) step(d int) {
	if i := u.SelectedIndex() + d; i >= 0 && i < len(u.units) {
		u.SetSelectedIndex(i)
	}
}

func (u *unitSelect) wide() fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(300, u.MinSize().Height), u.Select)
}
