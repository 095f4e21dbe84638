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
	check := func(what string) {
		t.Helper()
		if min := w.Content().MinSize(); min.Width > room.Width || min.Height > room.Height {
			t.Errorf("%s: content minimum %v exceeds %v", what, min, room)
		}
	}
	for _, title := range ui.SectionTitles() {
		ui.Show(title)
		check(title)
	}
	// The tabs and the forms that open inside a section.
	ui.Show(SectionOneStop)
	for i := range ui.oneStop.tabs.Items {
		ui.oneStop.tabs.SelectIndex(i)
		check(SectionOneStop + " / " + ui.oneStop.tabs.Items[i].Text)
	}
	ui.Show(SectionInspections)
	ui.inspections.tabs.SelectIndex(1)
	check(SectionInspections + " / mẫu phiếu")
	ui.inspections.tabs.SelectIndex(0)
	ui.inspections.openVisit("2024-01")
	check(SectionInspections + " / đợt 2024-01")
}
