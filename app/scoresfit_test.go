package app

import (
	"strings"
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

// An Enter that changes nothing in the list of criteria marked down
// leaves the list as drawn (relaying the screen out on every Enter made
// typing under the list several times slower), and a change the list
// shows is drawn.
func TestEnterUnderAppraisalListKeepsList(t *testing.T) {
	ui, w := newUIOver(t, ops.CreateDemo, fyne.NewSize(1000, 700))
	ui.Show(SectionScores)
	v := ui.scores
	v.year.SetSelected("2023")
	v.unit.choose("HLA")
	bar := v.loop
	first := bar.lines[0]
	e := v.rows[3].cells[colNote]
	w.Canvas().Focus(e)
	e.SetText("Đã đối chiếu hồ sơ gốc")
	press(w.Canvas(), fyne.KeyReturn)
	if e.stored != "Đã đối chiếu hồ sơ gốc" {
		t.Fatalf("note not stored: %q", v.status.Text)
	}
	if bar.lines[0] != first || bar.list.Objects[0] == nil {
		t.Error("the list was rebuilt for a note")
	}
	// The saved note's message takes a line under the total.
	if n := gridRowsShown(v); n < 7 {
		t.Errorf("the grid shows %.1f rows after the Enter (%q)", n, v.status.Text)
	}
	// The unit's explanation of 1.1 changes: the line says so.
	test.Tap(first.explain)
	fillField(t, w, "Giải trình", "Văn bản ban hành ngày 28/12/2023")
	tapButton(t, w, "Lưu")
	if got := bar.line(t, "1.1").text.Text; !strings.Contains(got, "Văn bản ban hành ngày 28/12/2023") {
		t.Errorf("line of 1.1 after explaining: %q", got)
	}
}
