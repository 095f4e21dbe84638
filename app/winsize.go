package app

import "fyne.io/fyne/v2"

// The window's preferred size, and the size it opens at when the screen
// cannot be measured: 1000×680 fits the work area of a 1024×768 screen
// once the taskbar and the title bar are taken off.
var (
	preferredSize = fyne.NewSize(1280, 800)
	fallbackSize  = fyne.NewSize(1000, 680)
)

// fitSize is the preferred size cut to a screen's work area (in Fyne
// units), keeping room for the window's title bar and frame.
func fitSize(area fyne.Size) fyne.Size {
	const frameW, frameH = 16, 40
	w := min(preferredSize.Width, area.Width-frameW)
	h := min(preferredSize.Height, area.Height-frameH)
	if w < 640 || h < 480 {
		return fallbackSize
	}
	return fyne.NewSize(w, h)
}
