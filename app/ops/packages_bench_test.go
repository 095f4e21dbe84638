package ops_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/pack"
	"github.com/pardesk/pardesk/data/store"
)

// framework120 is a year's framework of 8 areas × 15 criteria, one point
// each: the size of a real commune framework.
func framework120(year int) *data.Framework {
	f := &data.Framework{Year: year, Title: "Bộ chỉ số 120 tiêu chí", Bands: data.DefaultBands()}
	for a := 1; a <= 8; a++ {
		area := data.Criterion{Code: fmt.Sprint(a), Title: fmt.Sprintf("Lĩnh vực %d", a)}
		for c := 1; c <= 15; c++ {
			area.Children = append(area.Children, data.Criterion{Code: fmt.Sprintf("%d.%d", a, c), Title: fmt.Sprintf("Tiêu chí %d.%d", a, c), Max: data.P(1, 0)})
		}
		f.Areas = append(f.Areas, area)
	}
	return f
}

// BenchmarkSelfPackage40MB: a unit's self-assessment of 120 criteria with
// 40 scanned documents of 1 MB (40 MB, incompressible like real scans)
// made into a package, then imported by the office into its data file
// (check of every entry, plan, evidence copied into the office's store,
// backup, one transaction). It reports each half's wall and CPU time and
// peak heap, and the package's size.
func BenchmarkSelfPackage40MB(b *testing.B) {
	if testing.Short() {
		b.Skip("40 MB of evidence")
	}
	dir := b.TempDir()
	officePath := filepath.Join(dir, "van-phong.db")
	if err := ops.CreateEmpty(officePath); err != nil {
		b.Fatal(err)
	}
	office, err := store.Open(officePath)
	if err != nil {
		b.Fatal(err)
	}
	office.SetOfficer("Nguyễn Thị Lan")
	err = office.Update(func(tx *store.Tx) error {
		if err := tx.PutOffice(data.Office{Name: "PHÒNG NỘI VỤ", Place: "Nguyên Bình"}); err != nil {
			return err
		}
		if err := tx.PutGroup(data.Group{ID: "XA", Name: "Các xã"}); err != nil {
			return err
		}
		if err := tx.PutUnit(data.Unit{Code: "HDA", Name: "Xã Hưng Đạo", GroupID: "XA"}); err != nil {
			return err
		}
		return tx.PutFramework(framework120(2024))
	})
	if err != nil {
		b.Fatal(err)
	}
	officeKey, err := pack.LoadKey(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	fw := exportTo(b, office, officeKey, ops.PackageExport{Kind: pack.KindFramework, Year: 2024})
	office.Close()

	unit := newInstallation(b, "Lê Văn Bình", ops.CreateEmpty)
	if _, err := unit.importPackage(b, fw, true, false); err != nil {
		b.Fatal(data.ErrorMessage(err))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	doc := make([]byte, 1<<20)
	for i := 0; i < 40; i++ {
		for j := range doc {
			doc[j] = byte(rng.Uint32())
		}
		copy(doc, "%PDF-1.4\n")
		code := fmt.Sprintf("%d.%d", i%8+1, i/8+1)
		if _, err := unit.st.AttachEvidence(2024, "HDA", code, fmt.Sprintf("Tài liệu %02d.pdf", i+1), bytes.NewReader(doc)); err != nil {
			b.Fatal(data.ErrorMessage(err))
		}
	}
	err = unit.st.Update(func(tx *store.Tx) error {
		s, err := tx.Sheet(2024, "HDA")
		if err != nil {
			return err
		}
		for code, sc := range s.Scores {
			sc.Self = pts("0,75")
			s.Scores[code] = sc
		}
		framework120(2024).Leaves(func(_, l *data.Criterion) {
			if _, ok := s.Scores[l.Code]; !ok {
				s.Scores[l.Code] = data.Score{Self: pts("1"), Note: "Đạt theo kế hoạch"}
			}
		})
		return tx.PutSheet(s)
	})
	if err != nil {
		b.Fatal(err)
	}

	var makeWall, makeCPU, impWall, impCPU time.Duration
	var makePeak, impPeak uint64
	var size int64
	for i := 0; i < b.N; i++ {
		iter := filepath.Join(dir, fmt.Sprint(i))
		os.Mkdir(iter, 0o755)
		target := filepath.Join(iter, "van-phong.db")
		copyFile(b, officePath, target)
		out := filepath.Join(iter, "tu-danh-gia.pdk")

		w0, c0 := time.Now(), cpuTime()
		makePeak = max(makePeak, peakHeap(func() {
			f, err := os.Create(out)
			if err != nil {
				b.Fatal(err)
			}
			err = unit.st.View(func(tx *store.Tx) error {
				_, err := ops.ExportPackage(tx, unit.st.Evidence(), f, unit.key, ops.PackageExport{Kind: pack.KindSelf, Year: 2024})
				return err
			})
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				b.Fatal(data.ErrorMessage(err))
			}
		}))
		makeWall, makeCPU = makeWall+time.Since(w0), makeCPU+cpuTime()-c0
		fi, _ := os.Stat(out)
		size = fi.Size()

		st, err := store.Open(target)
		if err != nil {
			b.Fatal(err)
		}
		st.SetOfficer("Nguyễn Thị Lan")
		w0, c0 = time.Now(), cpuTime()
		impPeak = max(impPeak, peakHeap(func() {
			p, c, cl, err := ops.ReadPackageFile(out)
			if err != nil {
				b.Fatal(data.ErrorMessage(err))
			}
			defer cl.Close()
			var plan *pack.Plan
			if err := st.View(func(tx *store.Tx) (err error) { plan, err = ops.PlanPackage(tx, p, c); return err }); err != nil {
				b.Fatal(data.ErrorMessage(err))
			}
			sum, err := ops.ApplyPackage(st, p, plan, true)
			if err != nil || sum.Changed != 120 {
				b.Fatalf("import: %+v, %v", sum, err)
			}
		}))
		impWall, impCPU = impWall+time.Since(w0), impCPU+cpuTime()-c0
		st.Close()
		os.RemoveAll(iter)
	}
	n := float64(b.N)
	b.ReportMetric(makeWall.Seconds()/n, "make-s")
	b.ReportMetric(makeCPU.Seconds()/n, "make-cpu-s")
	b.ReportMetric(float64(makePeak)/(1<<20), "make-peak-MB")
	b.ReportMetric(impWall.Seconds()/n, "import-s")
	b.ReportMetric(impCPU.Seconds()/n, "import-cpu-s")
	b.ReportMetric(float64(impPeak)/(1<<20), "import-peak-MB")
	b.ReportMetric(float64(size)/(1<<20), "package-MB")
}

func exportTo(tb testing.TB, st *store.Store, k *pack.Key, o ops.PackageExport) []byte {
	tb.Helper()
	var buf bytes.Buffer
	err := st.View(func(tx *store.Tx) error {
		_, err := ops.ExportPackage(tx, st.Evidence(), &buf, k, o)
		return err
	})
	if err != nil {
		tb.Fatal(data.ErrorMessage(err))
	}
	return buf.Bytes()
}

func copyFile(tb testing.TB, from, to string) {
	tb.Helper()
	in, err := os.Open(from)
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		tb.Fatal(err)
	}
	out.Close()
}

// peakHeap samples the heap in use while fn runs and returns the highest
// value above what was live before it (as data/xlsx's benchmarks do).
func peakHeap(fn func()) uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	base := s[0].Value.Uint64()
	peak := base
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
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
	return peak - base
}
