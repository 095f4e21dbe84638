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

// BenchmarkScoreGridEnter measures one committed Enter in the grid on the
// largest office seen (170 units of one group, a 120-criterion framework,
// two years of scores) once every screen has been built: what the officer
// waits for between two typed scores.
func BenchmarkScoreGridEnter(b *testing.B) {
	test.NewTempApp(b)
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := st.Update(func(tx *store.Tx) error {
		if err := tx.PutGroup(data.Group{ID: "G", Name: "Các xã"}); err != nil {
			return err
		}
		for i := 1; i <= 170; i++ {
			if err := tx.PutUnit(data.Unit{Code: fmt.Sprintf("X%03d", i), Name: fmt.Sprint("Xã ", i), GroupID: "G", Order: i}); err != nil {
				return err
			}
		}
		for _, year := range []int{2024, 2025} {
			f := &data.Framework{Year: year, Title: "Bộ chỉ số 120 tiêu chí"}
			for a := 1; a <= 8; a++ {
				area := data.Criterion{Code: fmt.Sprint(a), Title: fmt.Sprintf("Lĩnh vực %d", a)}
				for c := 1; c <= 15; c++ {
					area.Children = append(area.Children, data.Criterion{Code: fmt.Sprintf("%d.%d", a, c), Title: "Tiêu chí thành phần", Max: data.P(1, 0)})
				}
				f.Areas = append(f.Areas, area)
			}
			if err := tx.PutFramework(f); err != nil {
				return err
			}
			for i := 1; i <= 170; i++ {
				s := data.NewSheet(year, fmt.Sprintf("X%03d", i))
				walkLeaves(&data.Criterion{Children: f.Areas}, func(l *data.Criterion) {
					p := data.P(0, int64(50+(i*7+len(l.Code))%50))
					s.Scores[l.Code] = data.Score{Self: &p, Appraised: &p}
				})
				if err := tx.PutSheet(s); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	w := test.NewTempWindow(b, nil)
	ui := New(st, w)
	w.SetContent(ui.Content())
	w.Resize(fyne.NewSize(1280, 780))
	for _, title := range ui.SectionTitles() {
		ui.Show(title)
	}
	ui.Show(SectionScores)
	v := ui.scores
	if len(v.rows) != 120 {
		b.Fatalf("%d rows", len(v.rows))
	}
	e := v.rows[10].cells[colAppraised]
	values := []string{"0,25", "0,75"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		e.SetText(values[i%2])
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if e.stored != values[i%2] {
			b.Fatalf("not stored: %q (%s)", e.stored, v.status.Text)
		}
	}
}

// BenchmarkScoreWrite is the durable part of BenchmarkScoreGridEnter alone:
// the one bbolt transaction that stores a typed score (with its audit
// entry), synced to disk. The difference is what the window adds.
func BenchmarkScoreWrite(b *testing.B) {
	st, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	f := &data.Framework{Year: 2025, Title: "Bộ chỉ số"}
	f.Areas = []data.Criterion{{Code: "1", Title: "Lĩnh vực 1", Children: []data.Criterion{{Code: "1.1", Title: "Tiêu chí", Max: data.P(1, 0)}}}}
	if err := st.Update(func(tx *store.Tx) error {
		if err := tx.PutGroup(data.Group{ID: "G", Name: "Các xã"}); err != nil {
			return err
		}
		if err := tx.PutUnit(data.Unit{Code: "X1", Name: "Xã 1", GroupID: "G", Order: 1}); err != nil {
			return err
		}
		return tx.PutFramework(f)
	}); err != nil {
		b.Fatal(err)
	}
	values := []data.Points{data.P(0, 25), data.P(0, 75)}
	for i := 0; b.Loop(); i++ {
		p := values[i%2]
		if err := st.Update(func(tx *store.Tx) error { return tx.SetScore(2025, "X1", "1.1", data.Score{Appraised: &p}) }); err != nil {
			b.Fatal(err)
		}
	}
}
