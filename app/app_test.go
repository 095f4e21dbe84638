package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data/store"
)

// newTestUI opens a fresh demo data file in a headless window large enough
// to show a whole ten-unit ranking.
func newTestUI(t *testing.T) (*UI, fyne.Window) {
	return newUIOver(t, ops.CreateDemo, fyne.NewSize(1900, 1000))
}

// newUIOver makes a data file with create (ops.CreateDemo, ops.CreateEmpty)
// and opens the window over it at the given size; the store closes when
// the test ends.
func newUIOver(t *testing.T, create func(path string) error, size fyne.Size) (*UI, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "pardesk.db")
	if err := create(path); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := test.NewTempWindow(t, nil)
	ui := New(st, w)
	w.SetContent(ui.Content())
	w.Resize(size)
	return ui, w
}

// shownTexts returns the text of every visible label and entry in the
// window, in drawing order: what the officer can read. It walks the
// renderers the canvas really uses (test.LaidOutObjects builds fresh ones,
// whose table cells were never filled).
func shownTexts(w fyne.Window) []string {
	return textsIn(w.Content())
}

func textsIn(o fyne.CanvasObject) []string {
	var out []string
	walkShown(o, func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
			return false
		case *widget.Entry:
			out = append(out, x.Text)
			return false
		}
		return true
	})
	return out
}

// walkShown calls fn for every visible object under o, in drawing order,
// through the renderers the canvas really uses; fn returns whether to go
// into the object's children.
func walkShown(o fyne.CanvasObject, fn func(fyne.CanvasObject) bool) {
	if o == nil || !o.Visible() {
		return
	}
	// A dialog's entry is seen as the entry it is.
	if fe, ok := o.(*formEntry); ok {
		fn(&fe.Entry)
		return
	}
	if !fn(o) {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkShown(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkShown(c, fn)
		}
	}
}

// tapButton taps the button with the given text in the top dialog, or in
// the window when no dialog is open.
func tapButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	root := w.Canvas().Overlays().Top()
	if root == nil {
		root = w.Content()
	}
	var found *widget.Button
	walkShown(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(found)
}

// rowWith returns the shown texts from the first cell equal to start.
func rowWith(texts []string, start string, n int) []string {
	i := slices.Index(texts, start)
	if i < 0 || i+n > len(texts) {
		return nil
	}
	return texts[i : i+n]
}

func TestNavigationListsTheSections(t *testing.T) {
	ui, _ := newTestUI(t)
	// The sections of the slice, in this order, among the others.
	want := []string{"Đơn vị", "Bộ chỉ số", "Chấm điểm", "Xếp hạng", "Báo cáo"}
	got := ui.SectionTitles()
	last := -1
	for _, w := range want {
		i := slices.Index(got, w)
		if i <= last {
			t.Fatalf("sections %q: %q missing or out of order", got, w)
		}
		last = i
	}
}

// The ranking view shows the demo's 2022 ranking with example A's unit 8th
// at 81,40 and its seven area points, as the PDF prints them.
func TestRankingViewShowsDemoFigures(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionRanking)
	rv := ui.ranking
	rv.year.SetSelected("2022")
	texts := shownTexts(w)
	row := rowWith(texts, "Huyện Nguyên Bình", 12)
	want := []string{"Huyện Nguyên Bình", "15,00", "12,00", "20,00", "5,00", "15,00", "4,90", "9,50", "81,40", "81,40", "Khá", "—"}
	if !slices.Equal(row, want) {
		t.Fatalf("Nguyên Bình row %q, want %q\nall: %q", row, want, texts)
	}
	i := slices.Index(texts, "Huyện Nguyên Bình")
	if texts[i-1] != "8" {
		t.Errorf("rank before Nguyên Bình %q, want 8", texts[i-1])
	}

	// 2023: Hòa An moved from 7th to 3rd and is now rated Tốt.
	rv.year.SetSelected("2023")
	texts = shownTexts(w)
	i = slices.Index(texts, "Huyện Hòa An")
	if i < 1 || texts[i-1] != "3" {
		t.Fatalf("Hòa An 2023 rank: %q", texts)
	}
	if row := rowWith(texts, "Huyện Hòa An", 12); row[10] != "Tốt" || row[11] != "tăng 4 bậc" {
		t.Errorf("Hòa An 2023 row %q: want rating Tốt and tăng 4 bậc", row)
	}
}

func TestUnitsViewSearchIgnoresToneMarks(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionUnits)
	texts := shownTexts(w)
	if !slices.Contains(texts, "Huyện Nguyên Bình") || !slices.Contains(texts, "10 / 10 đơn vị") {
		t.Fatalf("units view: %q", texts)
	}
	search := ui.units.search
	test.Type(search, "hoa an")
	texts = shownTexts(w)
	if !slices.Contains(texts, "Huyện Hòa An") || slices.Contains(texts, "Huyện Nguyên Bình") || !slices.Contains(texts, "1 / 10 đơn vị") {
		t.Errorf("search 'hoa an': %q", texts)
	}
}

func TestSaveButtonOpensSaveDialog(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionRanking)
	test.Tap(ui.ranking.save)
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no save dialog after tapping the save button")
	}
	if !slices.ContainsFunc(textsIn(overlay), func(s string) bool { return strings.HasPrefix(s, "xep-hang-2023") }) {
		t.Error("save dialog does not propose xep-hang-2023.pdf")
	}
}
