//go:build !js && !wasm && !android && !ios

package app

import (
	"os"
	"strconv"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// sizeToScreen opens the window at the fallback size and, once the
// driver has started (glfw is initialised on the main thread, before the
// window is first drawn), at the preferred size cut to the primary
// screen's work area: a 1280×800 window on a 1366×768 laptop put the
// score grid's error line under the taskbar.
func sizeToScreen(a fyne.App, w fyne.Window) {
	w.Resize(fallbackSize)
	a.Lifecycle().SetOnStarted(func() {
		mon := glfw.GetPrimaryMonitor()
		if mon == nil {
			return
		}
		mode := mon.GetVideoMode()
		mx, my := mon.GetPos()
		wx, wy, wpx, hpx := mon.GetWorkarea()
		if mode == nil || mode.Width <= 0 || mode.Height <= 0 || wpx <= 0 || hpx <= 0 {
			return
		}
		s := screenScale(a, mon)
		u := func(px int) float32 { return float32(px) / s }
		w.Resize(fitSize(fyne.NewSize(u(mode.Width), u(mode.Height)),
			fyne.NewPos(u(wx-mx), u(wy-my)), fyne.NewSize(u(wpx), u(hpx))))
		w.CenterOnScreen()
	})
}

// screenScale estimates the pixels per Fyne unit the way the driver does
// (the screen's density against 120 dpi, or the system's content scale,
// times the officer's own scale), erring on the large side so the window
// comes out smaller rather than larger than the screen.
func screenScale(a fyne.App, mon *glfw.Monitor) float32 {
	s := float32(1)
	if mm, _ := mon.GetPhysicalSize(); mm > 0 {
		if mode := mon.GetVideoMode(); mode != nil {
			if dpi := float32(mode.Width) / (float32(mm) / 25.4); dpi >= 10 && dpi <= 1000 {
				s = max(s, dpi/120)
			}
		}
	}
	if cs, _ := mon.GetContentScale(); cs > s {
		s = cs
	}
	user := float32(1)
	if env, err := strconv.ParseFloat(os.Getenv("FYNE_SCALE"), 32); err == nil && env > 0 {
		user = float32(env)
	} else if set := a.Settings().Scale(); set > 0 {
		user = set
	}
	return s * user
}
