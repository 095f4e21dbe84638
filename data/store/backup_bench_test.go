package store_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data/store"
)

// BenchmarkBackup measures a compressed backup (written, read back and
// checked whole) of the demo file and of a province (three groups of 170
// units, 120 criteria, two years scored, with the audit trail of every
// score; skipped under -short), and reports the CPU time, the size of
// the data file, of the backup, and their ratio.
func BenchmarkBackup(b *testing.B) {
	b.Run("demo", func(b *testing.B) {
		path := filepath.Join(b.TempDir(), "demo.db")
		if err := ops.CreateDemo(path); err != nil {
			b.Fatal(err)
		}
		s, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		benchBackup(b, s, path)
	})
	b.Run("province", func(b *testing.B) {
		if testing.Short() {
			b.Skip("a province file under -short")
		}
		s := benchProvince(b)
		benchBackup(b, s, s.Path())
	})
}

func benchBackup(b *testing.B, s *store.Store, path string) {
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	t := time.Date(2026, 1, 1, 8, 0, 0, 0, time.Local)
	defer store.SetClock(func() time.Time { return t })()
	var size int64
	start := store.CPUTime()
	for b.Loop() {
		t = t.Add(time.Second)
		bk, err := s.Backup(store.ReasonManual)
		if err != nil {
			b.Fatal(err)
		}
		size = bk.Size
	}
	b.ReportMetric(float64(store.CPUTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(fi.Size())/1e6, "data-MB")
	b.ReportMetric(float64(size)/1e6, "zst-MB")
	b.ReportMetric(float64(fi.Size())/float64(size), "ratio")
}
