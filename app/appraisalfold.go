package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// roomyHeight is the window height from which the list of criteria marked
// down opens by itself: below it (a 1024×768 office screen) the open list
// would leave the score grid only four or five rows, so it starts folded
// under its heading and the officer opens it with one click.
const roomyHeight = 900

// listFold is the show/hide button of the appraisal bar's list. Once the
// officer used it, the choice holds for every unit until the window closes.
type listFold struct {
	button *widget.Button
	chosen bool // the officer chose; otherwise the window's height decides
	open   bool
}

func newListFold(toggle func()) *listFold {
	f := &listFold{}
	f.button = widget.NewButtonWithIcon("", theme.MenuExpandIcon(), toggle)
	f.button.Importance = widget.LowImportance
	return f
}

// shown says whether the list is open in a window of this height.
func (f *listFold) shown(height float32) bool {
	if f.chosen {
		return f.open
	}
	return height >= roomyHeight
}

// toggle opens or folds the list at the officer's request.
func (b *appraisalBar) toggleList() {
	f := b.fold
	f.open, f.chosen = !b.listOpen(), true
	b.showList()
	b.relayout()
}

// listOpen says whether the lines are on screen now.
func (b *appraisalBar) listOpen() bool {
	return b.fold.shown(b.v.ui.win.Canvas().Size().Height)
}

// showList opens or folds the lines under the heading and names what the
// button will do.
func (b *appraisalBar) showList() {
	if b.listOpen() {
		b.listRoom.Show()
		b.fold.button.SetText("Thu gọn")
		b.fold.button.SetIcon(theme.MenuDropUpIcon())
	} else {
		b.listRoom.Hide()
		b.fold.button.SetText("Xem danh sách")
		b.fold.button.SetIcon(theme.MenuDropDownIcon())
	}
}

// listHeadRow is the heading with its show/hide button at the right.
func listHeadRow(head *widget.Label, fold *listFold) fyne.CanvasObject {
	head.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, nil, fold.button, head)
}

// sameLines says whether two lists of criteria marked down read and act
// the same: the same criteria, texts and buttons enabled.
func sameLines(a, b []*loopLine) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.code != y.code || x.text.Text != y.text.Text || x.explain.Disabled() != y.explain.Disabled() || x.decide.Disabled() != y.decide.Disabled() {
			return false
		}
	}
	return true
}
