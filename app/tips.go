package app

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A table cell too narrow for its text ends in "…"; resting the mouse on
// it shows the whole text in a box beside the pointer. The box lives in a
// layer over the section (not in a canvas overlay, which would take the
// mouse away from the table and make the box flicker).

// tipLayer is the layer of one window.
type tipLayer struct {
	layer *fyne.Container
	box   *fyne.Container
	text  *widget.Label
}

// tipLayers maps a window's canvas to its layer.
var tipLayers sync.Map

const tipMaxWidth = 520

// withTips puts the tip layer of the window over content.
func withTips(c fyne.Canvas, content fyne.CanvasObject) fyne.CanvasObject {
	t := &tipLayer{text: widget.NewLabel("")}
	t.text.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	bg.CornerRadius = theme.InputRadiusSize()
	t.box = container.NewStack(bg, t.text)
	t.box.Hide()
	t.layer = container.NewWithoutLayout(t.box)
	tipLayers.Store(c, t)
	return container.NewStack(content, t.layer)
}

// showTip shows text near the pointer over obj's window.
func showTip(obj fyne.CanvasObject, at fyne.Position, text string) {
	t := tipFor(obj)
	if t == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	origin := d.AbsolutePositionForObject(t.layer)
	room := t.layer.Size()
	pad := theme.InnerPadding()
	w := min(fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width+2*pad+2, tipMaxWidth, room.Width)
	t.text.SetText(text)
	t.text.Resize(fyne.NewSize(w, t.text.MinSize().Height))
	size := fyne.NewSize(w, t.text.MinSize().Height)
	pos := at.Subtract(origin).Add(fyne.NewPos(12, 18))
	if pos.X+size.Width > room.Width {
		pos.X = max(0, room.Width-size.Width)
	}
	if pos.Y+size.Height > room.Height {
		pos.Y = max(0, pos.Y-size.Height-30)
	}
	t.box.Resize(size)
	t.box.Move(pos)
	t.box.Show()
	t.layer.Refresh()
}

// hideTip hides the tip of obj's window.
func hideTip(obj fyne.CanvasObject) {
	if t := tipFor(obj); t != nil && t.box.Visible() {
		t.box.Hide()
		t.layer.Refresh()
	}
}

func tipFor(obj fyne.CanvasObject) *tipLayer {
	c := fyne.CurrentApp().Driver().CanvasForObject(obj)
	if c == nil {
		return nil
	}
	t, _ := tipLayers.Load(c)
	tl, _ := t.(*tipLayer)
	return tl
}

// cellTips remembers a table's cell labels, to find the one under the
// pointer and tell whether its text is cut.
type cellTips struct {
	cells []*widget.Label
	shown *widget.Label // the cell whose tip is up
}

// create makes a cell and remembers it.
func (c *cellTips) create() fyne.CanvasObject {
	l := newCellLabel().(*widget.Label)
	c.cells = append(c.cells, l)
	return l
}

// moved shows or hides the tip for the pointer at ev over table.
func (c *cellTips) moved(table fyne.CanvasObject, ev *desktop.MouseEvent) {
	l := c.cellAt(table, ev.AbsolutePosition)
	if l == nil || !cut(l) {
		c.out(table)
		return
	}
	c.shown = l
	showTip(table, ev.AbsolutePosition, l.Text)
}

func (c *cellTips) out(table fyne.CanvasObject) {
	if c.shown != nil {
		c.shown = nil
		hideTip(table)
	}
}

// cellAt is the cell label shown at an absolute position inside table.
func (c *cellTips) cellAt(table fyne.CanvasObject, at fyne.Position) *widget.Label {
	d := fyne.CurrentApp().Driver()
	tp := d.AbsolutePositionForObject(table)
	if !inside(at, tp, table.Size()) {
		return nil
	}
	for _, l := range c.cells {
		if !l.Visible() || l.Text == "" {
			continue
		}
		p := d.AbsolutePositionForObject(l)
		if p.IsZero() || !inside(p, tp, table.Size()) {
			continue // a cell the table keeps for later, not on screen
		}
		if inside(at, p, l.Size()) {
			return l
		}
	}
	return nil
}

func inside(at, origin fyne.Position, size fyne.Size) bool {
	return at.X >= origin.X && at.Y >= origin.Y && at.X < origin.X+size.Width && at.Y < origin.Y+size.Height
}

// cut reports whether a label's text is wider than the label.
func cut(l *widget.Label) bool {
	w := fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
	return w > l.Size().Width+1
}
