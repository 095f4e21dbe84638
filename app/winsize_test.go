package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestFitSizeKeepsFrameOnWorkArea centres the fitted window as Fyne does
// (its content on the whole screen) and checks that the title bar and
// borders lie inside the work area, whatever side the taskbar is on.
func TestFitSizeKeepsFrameOnWorkArea(t *testing.T) {
	for _, c := range []struct {
		name         string
		screen       fyne.Size
		workPos      fyne.Position
		work         fyne.Size
		wantW, wantH float32
	}{
		{"1366x768 taskbar at the bottom", fyne.NewSize(1366, 768), fyne.NewPos(0, 0), fyne.NewSize(1366, 728), 1280, 672},
		{"1366x768 no taskbar (hidden; Wine)", fyne.NewSize(1366, 768), fyne.NewPos(0, 0), fyne.NewSize(1366, 768), 1280, 704},
		{"1366x768 taskbar at the top", fyne.NewSize(1366, 768), fyne.NewPos(0, 40), fyne.NewSize(1366, 728), 1280, 624},
		{"1366x768 taskbar on the left", fyne.NewSize(1366, 768), fyne.NewPos(62, 0), fyne.NewSize(1304, 768), 1226, 704},
		{"1024x768 taskbar at the bottom", fyne.NewSize(1024, 768), fyne.NewPos(0, 0), fyne.NewSize(1024, 728), 1008, 672},
		{"1920x1080 taskbar at the bottom", fyne.NewSize(1920, 1080), fyne.NewPos(0, 0), fyne.NewSize(1920, 1040), 1280, 800},
	} {
		got := fitSize(c.screen, c.workPos, c.work)
		if got.Width != c.wantW || got.Height != c.wantH {
			t.Errorf("%s: %v, want %vx%v", c.name, got, c.wantW, c.wantH)
		}
		x := (c.screen.Width - got.Width) / 2
		y := (c.screen.Height - got.Height) / 2
		if y-frameTop < c.workPos.Y || y+got.Height+frameSide > c.workPos.Y+c.work.Height ||
			x-frameSide < c.workPos.X || x+got.Width+frameSide > c.workPos.X+c.work.Width {
			t.Errorf("%s: the %v window centred at %v,%v has its frame outside the work area", c.name, got, x, y)
		}
	}
	if got := fitSize(fyne.NewSize(800, 560), fyne.NewPos(0, 0), fyne.NewSize(800, 520)); got != fallbackSize {
		t.Errorf("800x560: %v, want the fallback size %v", got, fallbackSize)
	}
}
