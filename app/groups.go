package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// groupSelect picks a ranking group by name.
type groupSelect struct {
	*widget.Select
	groups []data.Group
}

func newGroupSelect(ui *UI, onChange func()) *groupSelect {
	g := &groupSelect{}
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		g.groups, err = tx.Groups()
		return err
	}); err != nil {
		ui.showError(err)
	}
	names := make([]string, len(g.groups))
	for i, gr := range g.groups {
		names[i] = gr.Name
	}
	g.Select = newSelect(names, nil)
	if len(names) > 0 {
		g.SetSelectedIndex(0)
	}
	g.OnChanged = func(string) { onChange() }
	return g
}

// ID is the chosen group's ID ("" when there is none).
func (g *groupSelect) ID() string {
	if i := g.SelectedIndex(); i >= 0 {
		return g.groups[i].ID
	}
	return ""
}

// wide returns the select in a box wide enough for a group name such as
// "Các huyện, thành phố" (a bare select in a row shrinks to its arrow).
func (g *groupSelect) wide() fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(240, g.MinSize().Height), g.Select)
}
