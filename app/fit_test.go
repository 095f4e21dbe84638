package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestSectionsFitSmallScreen builds every section in a 1000×700 window, the
// room left on a 1024×768 office screen, and checks that the window's
// content asks for no more: a wider minimum would widen the window and push
// the screen's buttons off the right edge.
func TestSectionsFitSmallScreen(t *testing.T) {
	ui, w := newTestUI(t)
	room := fyne.NewSize(1000, 700)
	w.Resize(room)
	for _, title := range ui.SectionTitles() {
		ui.Show(title)
		min := w.Content().MinSize()
		if min.Width > room.Width || min.Height > room.Height {
			t.Errorf("%s: content minimum %v exceeds %v", title, min, room)
		}
	}
}
