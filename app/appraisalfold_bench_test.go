package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data/store"
)

// BenchmarkGridEnterUnderAppraisalList is an Enter in the grid of a unit
// in giải trình (Hạ Lang in the demo, twelve criteria listed above the
// grid): the list is rebuilt with the figures on every saved value.
func BenchmarkGridEnterUnderAppraisalList(b *testing.B) {
	test.NewTempApp(b)
	path := filepath.Join(b.TempDir(), "demo.db")
	if err := ops.CreateDemo(path); err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	w := test.NewTempWindow(b, nil)
	ui := New(st, w)
	w.SetContent(ui.Content())
	w.Resize(fyne.NewSize(1000, 700))
	ui.Show(SectionScores)
	v := ui.scores
	v.year.SetSelected("2023")
	v.unit.choose("HLA")
	if len(v.loop.lines) == 0 {
		b.Fatal("no criteria listed for Hạ Lang")
	}
	e := v.rows[3].cells[colNote]
	values := []string{"Đã đối chiếu hồ sơ", "Đã đối chiếu hồ sơ gốc"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		e.SetText(values[i%2])
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if e.stored != values[i%2] {
			b.Fatalf("not stored: %q (%s)", e.stored, v.status.Text)
		}
	}
}
