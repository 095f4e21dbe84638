package app

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// BenchmarkScoreGridSwitchUnit measures moving the grid to the next unit on
// a 120-criterion framework (8 areas × 15), the largest seen in published
// frameworks: what an officer waits for between two units.
func BenchmarkScoreGridSwitchUnit(b *testing.B) {
	test.NewTempApp(b)
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	f := &data.Framework{Year: 2025, Title: "Bộ chỉ số 120 tiêu chí"}
	for a := 1; a <= 8; a++ {
		area := data.Criterion{Code: fmt.Sprint(a), Title: fmt.Sprintf("Lĩnh vực %d", a)}
		for c := 1; c <= 15; c++ {
			area.Children = append(area.Children, data.Criterion{Code: fmt.Sprintf("%d.%d", a, c), Title: "Tiêu chí thành phần", Max: data.P(1, 0)})
		}
		f.Areas = append(f.Areas, area)
	}
	if err := st.Update(func(tx *store.Tx) error {
		if err := tx.PutGroup(data.Group{ID: "G", Name: "Các xã"}); err != nil {
			return err
		}
		for i := 1; i <= 2; i++ {
			if err := tx.PutUnit(data.Unit{Code: fmt.Sprint("X", i), Name: fmt.Sprint("Xã ", i), GroupID: "G", Order: i}); err != nil {
				return err
			}
		}
		return tx.PutFramework(f)
	}); err != nil {
		b.Fatal(err)
	}
	w := test.NewTempWindow(b, nil)
	ui := New(st, w)
	w.SetContent(ui.Content())
	w.Resize(fyne.NewSize(1280, 780))
	ui.Show(SectionScores)
	v := ui.scores
	if len(v.rows) != 120 {
		b.Fatalf("%d rows", len(v.rows))
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		v.unit.step(1 - 2*(i%2)) // X1 → X2 → X1 …
	}
}
