package xlsx_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

// BenchmarkExportScoresDecadeYear: the scores workbook of the open year of
// the decade file (3 500 units × 120 criteria, some 450 000 rows), read
// from the file and written whole. It reports the peak heap above what was
// live before, the CPU time and the size of the workbook. It needs the
// decade file (PARDESK_BIG=1; data/gen's benchmarks or `pardesk gen` build
// it) and only reads it.
func BenchmarkExportScoresDecadeYear(b *testing.B) {
	path := filepath.Join(os.TempDir(), "pardesk-decade", "decade.db")
	if testing.Short() || os.Getenv("PARDESK_BIG") == "" {
		b.Skip("needs the decade file: PARDESK_BIG=1 go test -run '^$' -bench ExportScoresDecadeYear -benchtime 1x ./data/xlsx/")
	}
	if _, err := os.Stat(path); err != nil {
		b.Skip("no decade file at " + path + ": build it with PARDESK_BIG=1 go test -run '^$' -bench DecadeStorage -benchtime 1x ./data/gen/")
	}
	st, err := store.OpenReading(path)
	if err != nil {
		b.Fatal(data.ErrorMessage(err))
	}
	defer st.Close()
	var peak uint64
	var cpu time.Duration
	var size int
	// The rows wait in a temporary file while the sheet is written: the
	// export must remove it. A folder of its own tells its files apart.
	tmp := b.TempDir()
	b.Setenv("TMPDIR", tmp)
	for b.Loop() {
		c0 := cpuTime()
		p, _ := peakHeap(func() {
			err := st.View(func(tx *store.Tx) error {
				file, err := xlsx.Scores(tx, 2025, "")
				size = len(file)
				return err
			})
			if err != nil {
				b.Fatal(data.ErrorMessage(err))
			}
		})
		cpu += cpuTime() - c0
		peak = max(peak, p)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		b.Errorf("%d temporary files left by the export, %s first", len(left), left[0].Name())
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(size)/(1<<20), "xlsx-MB")
}
