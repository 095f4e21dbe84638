package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/pardesk/pardesk/app/ops"
)

// gridRowsShown is how many criterion rows the score grid's scroll shows
// at once.
func gridRowsShown(v *scoresView) float32 {
	row := v.rows[len(v.rows)-1].box.MinSize().Height + theme.Padding()
	return v.scroll.Size().Height / row
}

// On a 1024×768 office screen, Hạ Lang in giải trình (twelve criteria
// marked down, with explanations) still leaves the grid room to type in:
// the list starts folded under its heading and opens with one click, and
// no empty message line sits under the total.
func TestGridKeepsRowsWithAppraisalList(t *testing.T) {
	ui, w := newUIOver(t, ops.CreateDemo, fyne.NewSize(1000, 700))
	ui.Show(SectionScores)
	v := ui.scores
	v.year.SetSelected("2023")
	v.unit.choose("HLA")
	bar := v.loop
	if bar.listBox.Hidden || len(bar.lines) == 0 {
		t.Fatal("Hạ Lang's criteria marked down: no heading")
	}
	if !bar.listRoom.Hidden || bar.fold.button.Text != "Xem danh sách" {
		t.Errorf("at 1000×700 the list is open (%q)", bar.fold.button.Text)
	}
	if !v.status.Hidden {
		t.Errorf("an empty message line under the total: %q", v.status.Text)
	}
	if n := gridRowsShown(v); n < 8 {
		t.Errorf("the grid shows %.1f rows with the list folded, want 8 or more", n)
	}
	test.Tap(bar.fold.button)
	if bar.listRoom.Hidden || bar.fold.button.Text != "Thu gọn" {
		t.Fatalf("«Xem danh sách» did not open the list (%q)", bar.fold.button.Text)
	}
	if n := gridRowsShown(v); n < 5 {
		t.Errorf("the grid shows %.1f rows with the list open, want 5 or more", n)
	}
	if min := w.Content().MinSize(); min.Height > 700 || min.Width > 1000 {
		t.Errorf("the grid with the open list needs %v", min)
	}
	// The officer's choice holds for the next unit.
	v.unit.step(1)
	v.unit.choose("HLA")
	if bar.listRoom.Hidden {
		t.Error("the list folded again on coming back to Hạ Lang")
	}
	// A message shows its line; clearing it gives the room back.
	v.say("Đã lưu.")
	if v.status.Hidden {
		t.Error("a message is hidden")
	}
	v.say("")
	if !v.status.Hidden {
		t.Error("an empty message line stays")
	}
}

// On a tall screen the list is open from the start.
func TestAppraisalListOpenOnTallScreen(t *testing.T) {
	ui, _ := newTestUI(t)
	ui.Show(SectionScores)
	ui.scores.year.SetSelected("2023")
	ui.scores.unit.choose("HLA")
	if bar := ui.scores.loop; bar.listRoom.Hidden || bar.fold.button.Text != "Thu gọn" {
		t.Errorf("at 1900×1000 the list is folded (%q)", bar.fold.button.Text)
	}
}
