package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// unitSelect picks an active unit by "code – name".
type unitSelect struct {
	*widget.Select
	units []data.Unit
}

func newUnitSelect(ui *UI, onChange func()) *unitSelect {
	u := &unitSelect{}
	u.Select = newSelect(nil, nil)
	u.reload(ui)
	if len(u.units) > 0 {
		u.SetSelectedIndex(0)
	}
	u.OnChanged = func(string) { onChange() }
	return u
}

// reload refreshes the options, keeping the selection when it still exists.
func (u *unitSelect) reload(ui *UI) {
	var all []data.Unit
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		all, err = tx.Units()
		return err
	}); err != nil {
		ui.showError(err)
	}
	u.units = u.units[:0]
	var opts []string
	for _, un := range all {
		if !un.Inactive {
			u.units = append(u.units, un)
			opts = append(opts, un.Code+" – "+un.Name)
		}
	}
	u.Options = opts
	u.Refresh()
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
