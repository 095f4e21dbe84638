package gen_test

import (
	"os"
	"path/filepath"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/pardesk/pardesk/data/gen"
	"github.com/pardesk/pardesk/data/store"
)

// build writes a file of sp under dir and returns its path, closed.
func build(tb testing.TB, path string, sp gen.Spec) string {
	tb.Helper()
	st, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := gen.Build(st, sp); err != nil {
		st.Close()
		tb.Fatal(err)
	}
	if err := st.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// usedBytes is the part of a closed data file bbolt uses: its pages up to
// the highest in use, free ones included (the file itself can be longer
// by the room bbolt keeps ahead).
func usedBytes(tb testing.TB, path string) int64 {
	tb.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var n int64
	db.View(func(tx *bbolt.Tx) error { n = tx.Size(); return nil })
	return n
}

// TestBytesPerScore: a province's commune group (170 units × 120
// criteria) scored for two years costs at most 250 bytes a score on
// disk, its audit entry, its place in the history index and the kept
// rankings included: the budget that lets a decade of the whole country
// fit on an office PC.
func TestBytesPerScore(t *testing.T) {
	sp := gen.Spec{Years: 2, Units: 170, Criteria: 120}
	path := build(t, filepath.Join(t.TempDir(), "tinh.db"), sp)
	per := float64(usedBytes(t, path)) / float64(sp.Scores())
	fi, _ := os.Stat(path)
	t.Logf("%d scores: %.0f B/score in use, file %d bytes; by bucket %v", sp.Scores(), per, fi.Size(), bucketBytes(t, path))
	if per > 250 {
		t.Errorf("%.0f bytes a score, want at most 250", per)
	}
}

// bucketBytes is what each top-level bucket takes in pages, by name.
func bucketBytes(tb testing.TB, path string) map[string]int64 {
	tb.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	out := map[string]int64{}
	db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
			s := b.Stats()
			out[string(name)] = int64(s.BranchAlloc + s.LeafAlloc + s.InlineBucketInuse)
			return nil
		})
	})
	return out
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o600)
}
