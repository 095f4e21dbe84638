package app

import "fyne.io/fyne/v2"

// The window's preferred size, and the size it opens at when the screen
// cannot be measured: 1000×680 fits the work area of a 1024×768 screen
// once the taskbar and the title bar are taken off.
var (
	preferredSize = fyne.NewSize(1280, 800)
	fallbackSize  = fyne.NewSize(1000, 680)
)

// The room a window's title bar and borders take around its content, in
// Fyne units at scale 1: Windows 10 and 11 draw a 31-pixel title bar
// (caption and padded frame) and up to 8-pixel borders at 100 %; Linux
// window managers draw no more.
const frameTop, frameSide = 32, 8

// fitSize is the preferred size cut so that the window, once Fyne has
// centred it, lies with its title bar and borders inside the screen's work
// area. Fyne centres the content (not the frame) on the whole screen,
// taskbar included, and on Windows the title bar is drawn above the
// content: cut only to the work area, a window on a screen whose taskbar
// is at the side, hidden or absent began 20 units below the top and its
// title bar went above the screen, out of reach. screen is the screen's
// size, workPos and work the work area's place from the screen's corner
// and its size, all in Fyne units.
func fitSize(screen fyne.Size, workPos fyne.Position, work fyne.Size) fyne.Size {
	top, bottom := workPos.Y, screen.Height-workPos.Y-work.Height
	left, right := workPos.X, screen.Width-workPos.X-work.Width
	w := min(preferredSize.Width, screen.Width-2*(max(left, right)+frameSide))
	h := min(preferredSize.Height, screen.Height-2*max(top+frameTop, bottom+frameSide))
	if w < 640 || h < 480 {
		return fallbackSize
	}
	return fyne.NewSize(w, h)
}
