package app

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
)

// groupSelect picks a ranking group by name. Its options follow the
// window's list of groups: a group created anywhere shows up here the next
// time its screen is shown.
type groupSelect struct {
	*widget.Select
	groups []data.Group
}

func newGroupSelect(ui *UI, onChange func()) *groupSelect {
	g := &groupSelect{}
	g.Select = newSelect(nil, nil)
	g.reload(ui)
	g.OnChanged = func(string) { onChange() }
	ui.watch(g, func() {
		if g.reload(ui) {
			onChange()
		}
	}, UnitsChanged)
	return g
}

// reload takes the window's groups, keeping the chosen one when it still
// exists and otherwise choosing the first. It reports whether the choice
// changed.
func (g *groupSelect) reload(ui *UI) bool {
	g.groups = ui.lists.groups()
	names := make([]string, len(g.groups))
	for i, gr := range g.groups {
		names[i] = gr.Name
	}
	return setOptions(g.Select, names, 0)
}

// ID is the chosen group's ID ("" when there is none).
func (g *groupSelect) ID() string {
	if i := g.SelectedIndex(); i >= 0 && i < len(g.groups) {
		return g.groups[i].ID
	}
	return ""
}

// wide returns the select in a box wide enough for a group name such as
// "Các huyện, thành phố" (a bare select in a row shrinks to its arrow).
func (g *groupSelect) wide() fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(240, g.MinSize().Height), g.Select)
}

// newNeedGroup is the units screen's note while there is no ranking group:
// units are ranked within a group, so one comes first.
func newNeedGroup(create func()) *fyne.Container {
	msg := widget.NewLabel("Mỗi đơn vị được xếp hạng trong một nhóm (ví dụ: Các xã, Các phường, Các cơ quan chuyên môn). Tệp dữ liệu chưa có nhóm nào: hãy tạo nhóm trước khi thêm đơn vị.")
	msg.Wrapping = fyne.TextWrapWord
	btn := widget.NewButtonWithIcon("Tạo nhóm xếp hạng…", theme.ContentAddIcon(), create)
	btn.Importance = widget.HighImportance
	return container.NewVBox(msg, container.NewHBox(btn), widget.NewSeparator())
}

// groupID makes a group's code from its name when the officer leaves it
// empty: "Các xã" becomes CACXA, then CACXA2 if that is taken.
func groupID(name string, taken []data.Group) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(data.Fold(name)) {
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	base := b.String()
	if base == "" {
		base = "NHOM"
	}
	id := base
	for n := 2; slices.ContainsFunc(taken, func(g data.Group) bool { return g.ID == id }); n++ {
		id = base + strconv.Itoa(n)
	}
	return id
}
