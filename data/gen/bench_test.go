package gen_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/gen"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// The decade of the whole country: ten years (2016-2025, the last one
// open) of 3 500 units × 120 criteria, 42 million scores with their
// audit entries. It is built once, through the store, where the
// benchmarks find it and never in CI.
var decade = gen.Spec{FirstYear: 2016, Years: 10, Units: 3500, Criteria: 120, Open: true}

const decadeHow = "the decade file (10 years × 3 500 units × 120 criteria, about 1 GB in /tmp/pardesk-decade, a few minutes to build once): PARDESK_BIG=1 go test -run '^$' -bench Decade -benchtime 5x ./data/gen/"

// decadePath is the decade file, built when missing; the benchmark is
// skipped under -short and unless PARDESK_BIG=1.
func decadePath(b *testing.B) string {
	b.Helper()
	if testing.Short() || os.Getenv("PARDESK_BIG") == "" {
		b.Skip("needs " + decadeHow)
	}
	path := filepath.Join(os.TempDir(), "pardesk-decade", "decade.db")
	if _, err := os.Stat(path); err != nil {
		b.Logf("building %s", path)
		tmp := path + ".dang-tao"
		os.Remove(tmp)
		build(b, tmp, decade)
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	return path
}

func openReading(b *testing.B, path string) *store.Store {
	b.Helper()
	st, err := store.OpenReading(path)
	if err != nil {
		b.Fatal(data.ErrorMessage(err))
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// BenchmarkDecadeStorage reports what the decade file takes: bytes a
// score (its audit entry, history index key and the kept rankings
// included), the file's size, and each bucket's share a score.
func BenchmarkDecadeStorage(b *testing.B) {
	path := decadePath(b)
	var used int64
	for b.Loop() {
		used = usedBytes(b, path)
	}
	fi, _ := os.Stat(path)
	n := float64(decade.Scores())
	b.ReportMetric(float64(used)/n, "B/score")
	b.ReportMetric(float64(fi.Size())/1e6, "file-MB")
	for name, size := range bucketBytes(b, path) {
		if float64(size)/n >= 1 {
			b.ReportMetric(float64(size)/n, name+"-B/score")
		}
	}
}

// BenchmarkDecadeHistory reads one unit's change history over the ten
// years (every score entry of it) and one criterion's of that unit.
func BenchmarkDecadeHistory(b *testing.B) {
	st := openReading(b, decadePath(b))
	for _, f := range []struct {
		name string
		f    data.AuditFilter
	}{{"unit", data.AuditFilter{Unit: gen.UnitCode(1749)}}, {"criterion", data.AuditFilter{Unit: gen.UnitCode(1749), Criterion: "3.7"}}} {
		b.Run(f.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				err := st.View(func(tx *store.Tx) error {
					es, err := tx.Audit(f.f)
					n = len(es)
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			if want := decade.Years*decade.Criteria + 1; f.name == "unit" && n != want || f.name == "criterion" && n != decade.Years {
				b.Fatalf("%d entries", n)
			}
			b.ReportMetric(float64(n), "entries")
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
		})
	}
}

// BenchmarkDecadeScoreYear reads the open year's 3 500 sheets from the
// decade file and ranks every group: what the window and every report
// of a year start from.
func BenchmarkDecadeScoreYear(b *testing.B) {
	st := openReading(b, decadePath(b))
	year := decade.FirstYear + decade.Years - 1
	var read, score time.Duration
	for b.Loop() {
		err := st.View(func(tx *store.Tx) error {
			c0 := cpuTime()
			f, err := tx.Framework(year)
			if err != nil {
				return err
			}
			sheets, err := tx.Sheets(year)
			if err != nil {
				return err
			}
			units, err := tx.Units()
			if err != nil {
				return err
			}
			c1 := cpuTime()
			if rs := data.RankGroup(f, units, sheets); len(rs) != decade.Units || rs[0].Rank != 1 {
				b.Fatalf("%d results", len(rs))
			}
			c2 := cpuTime()
			read, score = read+c1-c0, score+c2-c1
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
	b.ReportMetric(float64(read.Milliseconds())/float64(b.N), "read-cpu-ms/op")
	b.ReportMetric(float64(score.Milliseconds())/float64(b.N), "score-cpu-ms/op")
}

// BenchmarkDecadeRankingPDF prints the ranking of one group (170 units)
// of the open year of the decade file, as `pardesk report ranking` does
// once the file is open: computed from the sheets, last year's ranks
// from its kept ranking.
func BenchmarkDecadeRankingPDF(b *testing.B) {
	st := openReading(b, decadePath(b))
	year := decade.FirstYear + decade.Years - 1
	var size int
	for b.Loop() {
		err := st.View(func(tx *store.Tx) error {
			in, err := ops.RankingInput(tx, year, gen.GroupID(10))
			if err != nil {
				return err
			}
			in.Date = time.Date(2026, 1, 9, 0, 0, 0, 0, time.Local)
			pdf, err := reports.Ranking(in)
			size = len(pdf)
			return err
		})
		if err != nil {
			b.Fatal(data.ErrorMessage(err))
		}
	}
	b.ReportMetric(float64(size)/1024, "pdf-KB")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
}

// BenchmarkDecadeBackup takes a compressed backup of a copy of the decade
// file (written, read back and checked whole) and restores it, reporting
// the sizes and what the set of 25 would take.
func BenchmarkDecadeBackup(b *testing.B) {
	src := decadePath(b)
	dir := b.TempDir()
	path := filepath.Join(dir, "decade.db")
	if err := copyFile(src, path); err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(data.ErrorMessage(err))
	}
	defer st.Close()
	fi, _ := os.Stat(path)
	var bk store.Backup
	var backupCPU, restoreCPU time.Duration
	for b.Loop() {
		c0 := cpuTime()
		if bk, err = st.Backup(store.ReasonManual); err != nil {
			b.Fatal(data.ErrorMessage(err))
		}
		c1 := cpuTime()
		if _, err := st.Restore(bk.Path); err != nil {
			b.Fatal(data.ErrorMessage(err))
		}
		backupCPU += c1 - c0
		restoreCPU += cpuTime() - c1
	}
	b.ReportMetric(float64(fi.Size())/1e6, "data-MB")
	b.ReportMetric(float64(bk.Size)/1e6, "zst-MB")
	b.ReportMetric(float64(fi.Size())/float64(bk.Size), "ratio")
	b.ReportMetric(25*float64(bk.Size)/1e9, "set-of-25-GB")
	b.ReportMetric(backupCPU.Seconds()/float64(b.N), "backup-cpu-s")
	b.ReportMetric(restoreCPU.Seconds()/float64(b.N), "restore-cpu-s")
}
