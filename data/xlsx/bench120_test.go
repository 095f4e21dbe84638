package xlsx_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/gen"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

// BenchmarkImportScores3500x120: a year of the whole country in one file,
// 3 500 units × 120 criteria (420 000 scores, 470 000 rows), into a data
// file that has the units and the framework; backup, transaction, audit
// entries and history index included. It reports the CPU time, the peak
// heap and the bytes a score adds. Skipped under -short and unless
// PARDESK_BIG=1, like the decade's benchmarks (building the workbook
// alone takes half a minute, each import ten seconds).
func BenchmarkImportScores3500x120(b *testing.B) {
	if testing.Short() || os.Getenv("PARDESK_BIG") == "" {
		b.Skip("a 470 000-row workbook: PARDESK_BIG=1 go test -run '^$' -bench ImportScores3500x120 -benchtime 2x ./data/xlsx/")
	}
	const n = 3500
	f := gen.Framework(2025, 120)
	file := scoresFileOf(b, f, n)
	var peak, live uint64
	var used int64
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		st := openStore(b, filepath.Join(b.TempDir(), "quoc-gia.db"))
		err := st.Update(func(tx *store.Tx) error {
			if err := tx.PutGroup(data.Group{ID: "XA", Name: "Các xã"}); err != nil {
				return err
			}
			for i := range n {
				if err := tx.PutUnit(data.Unit{Code: gen.UnitCode(i), Name: fmt.Sprintf("Xã Thứ %d", i+1), Kind: data.KindCommune, GroupID: "XA", Order: i}); err != nil {
					return err
				}
			}
			return tx.PutFramework(f)
		})
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
		before := dataSize(b, st.Path())
		st = openStore(b, st.Path())
		b.StartTimer()
		var sum xlsx.Summary
		c0 := cpuTime()
		p, l := peakHeap(func() {
			if sum, err = xlsx.ImportScores(st, bytes.NewReader(file)); err != nil {
				b.Fatal(data.ErrorMessage(err))
			}
		})
		cpu += cpuTime() - c0
		b.StopTimer()
		if sum.Scores != n*120 {
			b.Fatalf("%d scores imported", sum.Scores)
		}
		peak, live = max(peak, p), max(live, l)
		st.Close()
		used = (dataSize(b, st.Path()) - before) / int64(sum.Scores)
		os.RemoveAll(st.BackupFolder())
		b.StartTimer()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(live)/(1<<20), "live-MB")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(used), "data-B/score")
	b.ReportMetric(float64(len(file))/(1<<20), "xlsx-MB")
}

// scoresFileOf writes the scores sheet of n units on f as an Excel user
// would: area rows, then a row per leaf with both scores, a note where
// points are lost and evidence on every third row.
func scoresFileOf(tb testing.TB, f *data.Framework, n int) []byte {
	tb.Helper()
	x := excelize.NewFile()
	// The stream writer keeps a big sheet in a temporary file that only
	// Close removes.
	defer x.Close()
	if err := x.SetSheetName("Sheet1", xlsx.SheetScores); err != nil {
		tb.Fatal(err)
	}
	sw, err := x.NewStreamWriter(xlsx.SheetScores)
	if err != nil {
		tb.Fatal(err)
	}
	row := func(r int, vals ...any) {
		if err := sw.SetRow(fmt.Sprintf("A%d", r), vals); err != nil {
			tb.Fatal(err)
		}
	}
	row(1, "Năm", f.Year)
	row(2, "Bảng điểm", f.Title)
	row(4, "Mã đơn vị", "Tên đơn vị", "Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Ghi chú", "Tài liệu kiểm chứng")
	r := 5
	for i := range n {
		code, name := gen.UnitCode(i), fmt.Sprintf("Xã Thứ %d", i+1)
		for _, a := range f.Areas {
			row(r, code, name, a.Code, a.Title, float64(a.LeafMax())/100)
			r++
			for j, c := range a.Children {
				self := float64(c.Max) / 100
				vals := []any{code, name, c.Code, c.Title, self, self, self}
				if (i+j)%4 == 0 {
					vals[6] = float64(c.Max-25) / 100
					vals = append(vals, "Thiếu báo cáo quý")
				} else {
					vals = append(vals, "")
				}
				if (i+j)%3 == 0 {
					vals = append(vals, fmt.Sprintf("Báo cáo số %d/BC-UBND", i%200+10))
				}
				row(r, vals...)
				r++
			}
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
