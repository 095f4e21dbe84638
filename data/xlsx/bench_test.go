package xlsx_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"go.etcd.io/bbolt"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

// bigStore is a data file with n units in one group and the demo framework
// of 2023 (31 scored criteria), without scores.
func bigStore(tb testing.TB, n int) *store.Store {
	tb.Helper()
	st := openStore(tb, filepath.Join(tb.TempDir(), "lon.db"))
	err := st.Update(func(tx *store.Tx) error {
		if err := tx.PutGroup(data.Group{ID: "XA", Name: "Các xã"}); err != nil {
			return err
		}
		for i := range n {
			u := data.Unit{Code: fmt.Sprintf("X%04d", i+1), Name: fmt.Sprintf("Xã Thứ %d", i+1), Kind: data.KindCommune, GroupID: "XA", Order: i}
			if err := tx.PutUnit(u); err != nil {
				return err
			}
		}
		return tx.PutFramework(demo.Framework(2023))
	})
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// bigScoresFile writes, as an Excel user would, the scores sheet of n
// units on the demo framework of 2023: the area rows with their sums and
// one row per leaf with both scores and a note on every third row.
func bigScoresFile(tb testing.TB, n int) []byte {
	tb.Helper()
	fw := demo.Framework(2023)
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", xlsx.SheetScores); err != nil {
		tb.Fatal(err)
	}
	sw, err := f.NewStreamWriter(xlsx.SheetScores)
	if err != nil {
		tb.Fatal(err)
	}
	row := func(r int, vals ...any) {
		if err := sw.SetRow(fmt.Sprintf("A%d", r), vals); err != nil {
			tb.Fatal(err)
		}
	}
	row(1, "Năm", 2023)
	row(2, "Bảng điểm", fw.Title)
	row(4, "Mã đơn vị", "Tên đơn vị", "Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Ghi chú", "Tài liệu kiểm chứng")
	r := 5
	for i := range n {
		code, name := fmt.Sprintf("X%04d", i+1), fmt.Sprintf("Xã Thứ %d", i+1)
		for _, a := range fw.Areas {
			row(r, code, name, a.Code, a.Title, float64(a.LeafMax())/100)
			r++
			for j, c := range a.Children {
				p := float64(c.Max-data.Points((i+j)%3*25)) / 100
				vals := []any{code, name, c.Code, c.Title, float64(c.Max) / 100, p, p}
				if (i+j)%3 == 0 {
					vals = append(vals, "Thiếu báo cáo quý "+fmt.Sprint(j+1), "BC số "+fmt.Sprint(i)+"/BC-UBND")
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
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

var bigFiles sync.Map

func cachedScoresFile(tb testing.TB, n int) []byte {
	if b, ok := bigFiles.Load(n); ok {
		return b.([]byte)
	}
	b := bigScoresFile(tb, n)
	bigFiles.Store(n, b)
	return b
}

// peakHeap samples the heap while fn runs and returns the highest values
// seen above what was live before it: the heap in use (live objects and
// garbage not yet collected, what the process holds) and the live heap
// as the garbage collector last marked it.
func peakHeap(fn func()) (inUse, live uint64) {
	runtime.GC()
	names := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(names)
	base, baseLive := names[0].Value.Uint64(), names[1].Value.Uint64()
	peak, peakLive := base, baseLive
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			peak, peakLive = max(peak, s[0].Value.Uint64()), max(peakLive, s[1].Value.Uint64())
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(stop)
	<-done
	runtime.GC()
	metrics.Read(names)
	peak, peakLive = max(peak, names[0].Value.Uint64()), max(peakLive, names[1].Value.Uint64())
	return peak - base, peakLive - baseLive
}

// BenchmarkImportScores3500: 3 500 units × 31 scores into a data file that
// has the units and the framework, backup and transaction included. It
// reports the peak heap above what was live before, the CPU time, and per
// score the bytes the data file grew by and the bytes of it in use.
func BenchmarkImportScores3500(b *testing.B) {
	const n = 3500
	file := cachedScoresFile(b, n)
	var peak, live uint64
	var grown, used int64
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		st := bigStore(b, n)
		fi, _ := os.Stat(st.Path())
		st.Close()
		usedBefore := dataSize(b, st.Path())
		st = openStore(b, st.Path())
		b.StartTimer()
		var sum xlsx.Summary
		c0 := cpuTime()
		p, l := peakHeap(func() {
			var err error
			sum, err = xlsx.ImportScores(st, bytes.NewReader(file))
			if err != nil {
				b.Fatal(data.ErrorMessage(err))
			}
		})
		cpu += cpuTime() - c0
		b.StopTimer()
		peak, live = max(peak, p), max(live, l)
		after, _ := os.Stat(st.Path())
		grown = (after.Size() - fi.Size()) / int64(sum.Scores)
		st.Close()
		used = (dataSize(b, st.Path()) - usedBefore) / int64(sum.Scores)
		b.StartTimer()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(live)/(1<<20), "live-MB")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(grown), "file-B/score")
	b.ReportMetric(float64(used), "data-B/score")
	b.ReportMetric(float64(len(file))/1024, "xlsx-KB")
}

// dataSize is the part of a closed data file that bbolt uses: its pages up
// to the highest in use, free ones included. The file itself can be
// longer, by the room bbolt or an import made ahead.
func dataSize(tb testing.TB, path string) int64 {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var n int64
	db.View(func(tx *bbolt.Tx) error { n = tx.Size(); return nil })
	return n
}

// xfdFile is a units file whose every row, down to row n, has one cell in
// column XFD: with GetRows each row became 16 384 strings.
func xfdFile(tb testing.TB, n int) []byte {
	var b bytes.Buffer
	b.WriteString(row(4, txt("A4", "Mã đơn vị"), txt("B4", "Tên đơn vị"), txt("C4", "Loại đơn vị"), txt("D4", "Mã nhóm"), txt("E4", "Tên nhóm xếp hạng"), txt("F4", "Thứ tự"), txt("G4", "Ngừng đánh giá")))
	for r := 5; r <= n; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
	}
	return rawBook(tb, [2]string{xlsx.SheetUnits, b.String()})
}

// BenchmarkImportHostile: a units file with one cell in column XFD on each
// of its rows (refused: no unit under the header), and a scores file of
// 10 000 rows (263 units × 38 rows). Both report the peak heap.
func BenchmarkImportHostile(b *testing.B) {
	for _, c := range []struct {
		name string
		file func() []byte
		imp  func(*store.Store, *bytes.Reader) (xlsx.Summary, error)
		st   func() *store.Store
	}{
		{"xfd-60000-rows", func() []byte { return xfdFile(b, 60000) }, unitsImport, func() *store.Store { return demoStore(b) }},
		{"xfd-200000-rows", func() []byte { return xfdFile(b, 200000) }, unitsImport, func() *store.Store { return demoStore(b) }},
		{"scores-10000-rows", func() []byte { return cachedScoresFile(b, 263) }, scoresImport, func() *store.Store { return bigStore(b, 263) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			file := c.file()
			var peak, live uint64
			for b.Loop() {
				b.StopTimer()
				st := c.st()
				b.StartTimer()
				p, l := peakHeap(func() { c.imp(st, bytes.NewReader(file)) })
				peak, live = max(peak, p), max(live, l)
				b.StopTimer()
				st.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
			b.ReportMetric(float64(live)/(1<<20), "live-MB")
			b.ReportMetric(float64(len(file))/1024, "xlsx-KB")
		})
	}
}
