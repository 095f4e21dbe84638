package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"go.etcd.io/bbolt"
)

// bigFile writes a ParDesk file of about mb megabytes (schema version and
// buckets of 1 KB values, as score sheets with notes are) into dir.
func bigFile(b *testing.B, dir string, mb int) string {
	b.Helper()
	path := filepath.Join(dir, fmt.Sprintf("big-%d.db", mb))
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	value := make([]byte, 1000) // a JSON string, as ParDesk stores JSON
	for i := range value {
		value[i] = 'a' + byte(i%26)
	}
	value[0], value[len(value)-1] = '"', '"'
	n := mb * 1000
	for start := 0; start < n; start += 20000 {
		err := db.Update(func(tx *bbolt.Tx) error {
			if err := put(tx, bucketMeta, keySchema, SchemaVersion); err != nil {
				return err
			}
			bk, err := tx.CreateBucketIfNotExists(fmt.Appendf(nil, "sheets-%d", start/100000))
			if err != nil {
				return err
			}
			for i := start; i < min(start+20000, n); i++ {
				if err := bk.Put(fmt.Appendf(nil, "2023/K%07d", i), value); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return path
}

func demoLikeFile(b *testing.B, dir string) string { return bigFile(b, dir, 1) }

// BenchmarkCheck measures the checks of a data file: the cheap ones of
// every open, the full walk of check.go, bbolt's Tx.Check, and Check (all
// of them, with the file's lock), on a 1 MB file (the demo's size) and a
// 100 MB one (skipped under -short). Besides the wall clock it reports the
// CPU time per check (cpu-ms/op), which a busy machine inflates less.
func BenchmarkCheck(b *testing.B) {
	dir := b.TempDir()
	files := []struct {
		name string
		path func() string
	}{
		{"1MB", func() string { return demoLikeFile(b, dir) }},
		{"100MB", func() string {
			if testing.Short() {
				b.Skip("the 100 MB file takes a while to write")
			}
			return bigFile(b, dir, 100)
		}},
	}
	for _, f := range files {
		b.Run(f.name, func(b *testing.B) {
			path := f.path()
			fi, _ := os.Stat(path)
			b.Logf("%s: %d bytes", f.name, fi.Size())
			b.Run("cheap", func(b *testing.B) {
				defer reportCPU(b)()
				for b.Loop() {
					if _, _, err := checkPages(path, false, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("walk", func(b *testing.B) {
				defer reportCPU(b)()
				for b.Loop() {
					if _, _, err := checkPages(path, true, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("TxCheck", func(b *testing.B) {
				db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
				if err != nil {
					b.Fatal(err)
				}
				defer db.Close()
				defer reportCPU(b)()
				for b.Loop() {
					if err := boltCheck(db); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("Check", func(b *testing.B) {
				defer reportCPU(b)()
				for b.Loop() {
					if err := Check(path); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// reportCPU, deferred with its result, reports the CPU time per iteration.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
		}
	}
}
