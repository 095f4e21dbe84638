package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// flowLayout puts objects in a row at their minimum sizes and starts a new
// row when the next one would pass the right edge, so a row of buttons or
// filters never makes the window wider than an office screen. Its minimum
// width is the widest object; its minimum height is that of the rows as
// last laid out (one row before the first layout), so a wrapped row
// pushes what is below it down instead of covering it.
//
// Fyne's RowWrapLayout remembers the width of its widest layout as its
// minimum: once the window was wide it could not be made narrow again.
type flowLayout struct {
	width float32 // the width of the last layout; 0 before the first
}

// flow is a row of objects that wraps at the container's width.
func flow(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&flowLayout{}, objs...)
}

// field is a label and its input kept together on one line of a flow.
func field(label string, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewHBox(widget.NewLabel(label), o)
}

// place positions the objects for a width and returns the height used;
// with move false it only measures.
func (l *flowLayout) place(objs []fyne.CanvasObject, width float32, move bool) float32 {
	pad := theme.Padding()
	x, y, rowH := float32(0), float32(0), float32(0)
	first := true
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		s := o.MinSize()
		if !first && x+s.Width > width {
			y += rowH + pad
			x, rowH = 0, 0
		}
		first = false
		if move {
			o.Resize(fyne.NewSize(min(s.Width, width), s.Height))
			o.Move(fyne.NewPos(x, y))
		}
		x += s.Width + pad
		rowH = max(rowH, s.Height)
	}
	return y + rowH
}

func (l *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.place(objs, size.Width, true)
}

func (l *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objs {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	width := max(l.width, w)
	if l.width == 0 {
		width = 1e6 // not laid out yet: one row
	}
	return fyne.NewSize(w, l.place(objs, width, false))
}
