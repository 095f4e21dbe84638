package store_test

import (
	"fmt"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// benchProvince fills a store with a province after 2025: three groups of
// 170 units each on an 8 × 15-criteria framework, scored for two years.
func benchProvince(b *testing.B) *store.Store {
	b.Helper()
	s, err := store.Open(b.TempDir() + "/bench.db")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	fw := func(year int) *data.Framework {
		f := &data.Framework{Year: year, Title: "Bộ chỉ số"}
		for a := 1; a <= 8; a++ {
			area := data.Criterion{Code: fmt.Sprint(a), Title: "Lĩnh vực"}
			for c := 1; c <= 15; c++ {
				area.Children = append(area.Children, data.Criterion{Code: fmt.Sprintf("%d.%d", a, c), Title: "Tiêu chí", Max: data.P(1, 0)})
			}
			f.Areas = append(f.Areas, area)
		}
		return f
	}
	err = s.Update(func(tx *store.Tx) error {
		for _, y := range []int{2024, 2025} {
			f := fw(y)
			if err := tx.PutFramework(f); err != nil {
				return err
			}
			for g := 0; g < 3; g++ {
				if y == 2024 {
					if err := tx.PutGroup(data.Group{ID: fmt.Sprint("G", g), Name: fmt.Sprint("Nhóm ", g)}); err != nil {
						return err
					}
				}
				for u := 0; u < 170; u++ {
					code := fmt.Sprintf("G%dU%d", g, u)
					if y == 2024 {
						if err := tx.PutUnit(data.Unit{Code: code, Name: "Xã " + code, GroupID: fmt.Sprint("G", g)}); err != nil {
							return err
						}
					}
					sh := data.NewSheet(y, code)
					f.Leaves(func(_, l *data.Criterion) {
						p := data.Points((u*7 + y + len(l.Code)*13) % 101)
						sh.Scores[l.Code] = data.Score{Appraised: &p}
					})
					if err := tx.PutSheet(sh); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// Locking takes the snapshot of every group in the lock's transaction.
func BenchmarkLockYear510Units(b *testing.B) {
	s := benchProvince(b)
	for b.Loop() {
		if err := s.Update(func(tx *store.Tx) error {
			if err := tx.LockYear(2025); err != nil {
				return err
			}
			return tx.UnlockYear(2025, "đo thời gian")
		}); err != nil {
			b.Fatal(err)
		}
	}
}

func benchRanking(b *testing.B, lock bool) {
	s := benchProvince(b)
	if lock {
		if err := s.Update(func(tx *store.Tx) error { return tx.LockYear(2025) }); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if err := s.View(func(tx *store.Tx) error {
			rs, _, err := tx.Ranking(2025, "G1")
			if len(rs) != 170 {
				b.Fatalf("%d results", len(rs))
			}
			return err
		}); err != nil {
			b.Fatal(err)
		}
	}
}

// A group of 170 units of an open year, computed with last year's ranks,
// and of a locked year, read from its snapshot.
func BenchmarkRanking170Open(b *testing.B)   { benchRanking(b, false) }
func BenchmarkRanking170Locked(b *testing.B) { benchRanking(b, true) }
