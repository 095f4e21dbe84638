package demo

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// demoStore opens a fresh data file holding the demo; it is closed when
// the test ends.
func demoStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := Write(st); err != nil {
		t.Fatal(err)
	}
	return st
}

func ranking(t *testing.T, st *store.Store, year int) map[string]data.Result {
	t.Helper()
	out := map[string]data.Result{}
	err := st.View(func(tx *store.Tx) error {
		rs, _, err := tx.Ranking(year, GroupID)
		for _, r := range rs {
			out[r.Unit.Code] = r
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The demo reproduces examples A and B of the domain guide.
func TestDemoReproducesWorkedExamples(t *testing.T) {
	st := demoStore(t)
	r22, r23 := ranking(t, st, 2022), ranking(t, st, 2023)
	if len(r22) != 10 || len(r23) != 10 {
		t.Fatalf("ranked %d and %d units, want 10 each year", len(r22), len(r23))
	}
	a := r22[ExampleAUnit]
	if a.Total.String() != "81,40" || a.Index.String() != "81,40" || a.Rank != 8 {
		t.Errorf("example A: total %s index %s rank %d", a.Total, a.Index, a.Rank)
	}
	var pts, ratings []string
	for _, ar := range a.Areas {
		pts = append(pts, ar.Points.Short())
		ratings = append(ratings, ar.Rating)
	}
	if want := []string{"15", "12", "20", "5", "15", "4,9", "9,5"}; !slices.Equal(pts, want) {
		t.Errorf("example A area points %q, want %q", pts, want)
	}
	if want := []string{"Tốt", "Tốt", "Khá", "Trung bình", "Khá", "Khá", "Khá"}; !slices.Equal(ratings, want) {
		t.Errorf("example A ratings %q, want %q", ratings, want)
	}
	b22, b23 := r22[ExampleBUnit], r23[ExampleBUnit]
	if b22.Rank != 7 || b22.Rating != "Khá" || b23.Rank != 3 || b23.Rating != "Tốt" || b23.RankChangeLabel() != "tăng 4 bậc" {
		t.Errorf("example B: %d %s → %d %s (%q)", b22.Rank, b22.Rating, b23.Rank, b23.Rating, b23.RankChangeLabel())
	}
}
