package app

import "fyne.io/fyne/v2"

// columnsLayout lays objects out in one row at fixed widths; the column
// whose width is 0 takes what the others leave. Rows built with the same
// widths line up like a table, while each cell stays a real widget (the
// score grid's cells are entries).
type columnsLayout struct{ widths []float32 }

func (l columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	const gap = 4
	fixed := float32(0)
	for _, w := range l.widths {
		fixed += w
	}
	flex := size.Width - fixed - gap*float32(len(l.widths)-1)
	x := float32(0)
	for i, o := range objs {
		w := l.widths[i]
		if w == 0 {
			w = max(flex, 40)
		}
		h := o.MinSize().Height
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		x += w + gap
	}
}

func (l columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for i, o := range objs {
		w += l.widths[i]
		if l.widths[i] == 0 {
			w += 120
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w+4*float32(len(objs)-1), h)
}
