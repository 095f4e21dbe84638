//go:build js || wasm || android || ios

package app

import "fyne.io/fyne/v2"

// sizeToScreen leaves the size to the platform, which gives the window
// the whole screen.
func sizeToScreen(a fyne.App, w fyne.Window) { w.Resize(fallbackSize) }
