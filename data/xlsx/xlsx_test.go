package xlsx_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

func openStore(t testing.TB, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// demoStore is the demo data file, with a published total and notes added
// so that every field of a score takes part.
func demoStore(t testing.TB) *store.Store {
	t.Helper()
	s := openStore(t, filepath.Join(t.TempDir(), "Dữ liệu", "pardesk.db"))
	if err := demo.Write(s); err != nil {
		t.Fatal(err)
	}
	err := s.Update(func(tx *store.Tx) error {
		sh, err := tx.Sheet(2023, demo.ExampleAUnit)
		if err != nil {
			return err
		}
		pub := data.P(86, 26)
		sh.Published = &pub
		sc := sh.Scores["1.1"]
		sc.Note = "Ban hành kế hoạch chậm 15 ngày"
		sc.Evidence = "KH số 12/KH-UBND\nngày 09/01/2023"
		sh.Scores["1.1"] = sc
		return tx.PutSheet(sh)
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func export(t testing.TB, s *store.Store, fn func(tx *store.Tx) ([]byte, error)) []byte {
	t.Helper()
	var b []byte
	if err := s.View(func(tx *store.Tx) (err error) { b, err = fn(tx); return err }); err != nil {
		t.Fatal(err)
	}
	return b
}

type snapshot struct {
	Groups    []data.Group
	Units     []data.Unit
	Framework *data.Framework
	Sheets    map[string]*data.Sheet
}

func snap(t *testing.T, s *store.Store, year int) snapshot {
	t.Helper()
	var sn snapshot
	err := s.View(func(tx *store.Tx) (err error) {
		if sn.Groups, err = tx.Groups(); err != nil {
			return err
		}
		for i := range sn.Groups {
			sn.Groups[i].Order = 0 // groups are named by the units file, not ordered by it
		}
		if sn.Units, err = tx.Units(); err != nil {
			return err
		}
		if sn.Framework, err = tx.Framework(year); err != nil {
			return err
		}
		sn.Sheets, err = tx.Sheets(year)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return sn
}

func TestRoundTripExportImportGivesIdenticalData(t *testing.T) {
	src := demoStore(t)
	units := export(t, src, xlsx.Units)
	framework := export(t, src, func(tx *store.Tx) ([]byte, error) { return xlsx.Framework(tx, 2023) })
	scores := export(t, src, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, 2023, "") })

	dst := openStore(t, filepath.Join(t.TempDir(), "moi.db"))
	for _, step := range []struct {
		name string
		imp  func(*store.Store, *bytes.Reader) (xlsx.Summary, error)
		file []byte
		says string
	}{
		{"units", func(s *store.Store, r *bytes.Reader) (xlsx.Summary, error) { return xlsx.ImportUnits(s, r) }, units, "Đã nhập 10 đơn vị và 1 nhóm xếp hạng."},
		{"framework", func(s *store.Store, r *bytes.Reader) (xlsx.Summary, error) { return xlsx.ImportFramework(s, r) }, framework, "Đã nhập bộ chỉ số năm 2023: " + itoa(nodes(demo.Framework(2023).Areas)) + " tiêu chí."},
		{"scores", func(s *store.Store, r *bytes.Reader) (xlsx.Summary, error) { return xlsx.ImportScores(s, r) }, scores, "Đã nhập điểm năm 2023 của 10 đơn vị"},
	} {
		sum, err := step.imp(dst, bytes.NewReader(step.file))
		if err != nil {
			t.Fatalf("import %s: %v", step.name, data.ErrorMessage(err))
		}
		if !strings.HasPrefix(sum.String(), step.says) {
			t.Errorf("import %s summary %q, want it to start %q", step.name, sum.String(), step.says)
		}
		if sum.Backup.Path == "" {
			t.Errorf("import %s took no backup first", step.name)
		}
		if step.name == "scores" && (sum.Changed != sum.Scores || !strings.Contains(sum.String(), "310 điểm, 310 điểm thay đổi")) {
			t.Errorf("first scores import into an empty file: %d of %d changed, %q", sum.Changed, sum.Scores, sum.String())
		}
	}
	want, got := snap(t, src, 2023), snap(t, dst, 2023)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after export → import:\n got %+v\nwant %+v", got, want)
	}
	if got.Sheets[demo.ExampleAUnit].Published == nil || *got.Sheets[demo.ExampleAUnit].Published != data.P(86, 26) {
		t.Error("the published total did not come back")
	}

	// Importing the same file again changes nothing, and says so.
	again, err := xlsx.ImportScores(dst, bytes.NewReader(scores))
	if err != nil {
		t.Fatal(err)
	}
	if again.Changed != 0 || !strings.Contains(again.String(), "không điểm nào thay đổi") {
		t.Errorf("second import of the same file: %d changed, %q", again.Changed, again.String())
	}
	if again := snap(t, dst, 2023); !reflect.DeepEqual(again, want) {
		t.Error("a second import of the same file changed the data")
	}

	// One unit's scorecard imports back into the file it came from.
	card := export(t, src, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, 2023, demo.ExampleAUnit) })
	sum, err := xlsx.ImportScores(dst, bytes.NewReader(card))
	if err != nil || sum.Units != 1 {
		t.Fatalf("scorecard import: %+v, %v", sum, err)
	}
	if again := snap(t, dst, 2023); !reflect.DeepEqual(again, want) {
		t.Error("importing an unchanged scorecard changed the data")
	}
}

// Numbers are written as numbers with two decimals, never as text.
func TestExportsWriteNumbersAsNumbers(t *testing.T) {
	src := demoStore(t)
	ranking := export(t, src, func(tx *store.Tx) ([]byte, error) { return xlsx.Ranking(tx, 2022, "") })
	f, err := excelize.OpenReader(bytes.NewReader(ranking))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Xếp hạng")
	var nb []string
	var row int
	for i, r := range rows {
		if len(r) > 2 && r[2] == "Huyện Nguyên Bình" {
			nb, row = r, i+1
		}
	}
	// Shown with the 0.00 format: the seven areas of example A, the total
	// 81,40 and the index; rank 8.
	want := []string{"8", demo.ExampleAUnit, "Huyện Nguyên Bình", "15.00", "12.00", "20.00", "5.00", "15.00", "4.90", "9.50", "81.40", "81.40", "Khá", "Hoàn thành nhiệm vụ"}
	if len(nb) < len(want) || !reflect.DeepEqual(nb[:len(want)], want) {
		t.Fatalf("Nguyên Bình row %q, want %q", nb, want)
	}
	for _, col := range []string{"A", "D", "I", "J", "K", "L"} {
		c := col + itoa(row)
		typ, _ := f.GetCellType("Xếp hạng", c)
		if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("cell %s is text, want a number", c)
		}
	}
	raw, _ := f.GetCellValue("Xếp hạng", "I"+itoa(row), excelize.Options{RawCellValue: true})
	if raw != "4.9" {
		t.Errorf("area 6 raw value %q, want the number 4.9", raw)
	}
}

func nodes(cs []data.Criterion) int {
	n := len(cs)
	for _, c := range cs {
		n += nodes(c.Children)
	}
	return n
}

func itoa(n int) string { return data.FormatCount(int64(n)) }

func TestOtherExports(t *testing.T) {
	src := demoStore(t)
	lost := export(t, src, func(tx *store.Tx) ([]byte, error) { return xlsx.LostPoints(tx, 2022, "") })
	f, err := excelize.OpenReader(bytes.NewReader(lost))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Điểm bị trừ", excelize.Options{RawCellValue: true})
	var lp []data.LostPoint
	src.View(func(tx *store.Tx) error {
		fw, _ := tx.Framework(2022)
		us, _ := tx.GroupUnits(demo.GroupID)
		sh, _ := tx.Sheets(2022)
		lp = data.LostPoints(fw, us, sh)
		return nil
	})
	// The first criterion listed is the most lost, with the same sum.
	first := rows[4]
	if first[1] != lp[0].Code || first[5] != strings.TrimSuffix(strings.TrimSuffix(strings.ReplaceAll(lp[0].Lost.String(), ",", "."), "0"), ".0") {
		t.Errorf("first lost-points row %q, want %s losing %s", first, lp[0].Code, lp[0].Lost)
	}
	detail, _ := f.GetRows("Chi tiết theo đơn vị")
	n := 0
	for _, l := range lp {
		n += len(l.Units)
	}
	if len(detail)-4 != n {
		t.Errorf("%d detail rows, want %d (one per unit and criterion lost)", len(detail)-4, n)
	}

	tasks := export(t, src, func(tx *store.Tx) ([]byte, error) {
		return xlsx.Tasks(tx, 2024, time.Date(2024, 12, 31, 0, 0, 0, 0, time.Local))
	})
	f, err = excelize.OpenReader(bytes.NewReader(tasks))
	if err != nil {
		t.Fatal(err)
	}
	trows, _ := f.GetRows("Nhiệm vụ")
	var want []data.Task
	src.View(func(tx *store.Tx) (err error) { want, err = tx.Tasks(data.TaskFilter{Year: 2024}); return err })
	if len(want) == 0 || len(trows)-4 != len(want) {
		t.Fatalf("%d task rows, want %d", len(trows)-4, len(want))
	}
	if trows[4][1] != want[0].Title || trows[4][7] != data.FormatDate(want[0].Due) {
		t.Errorf("first task row %q, want %q due %s", trows[4], want[0].Title, data.FormatDate(want[0].Due))
	}
}

// sheetOf edits an exported workbook.
func edit(t *testing.T, file []byte, fn func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	fn(f)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// rowOf finds the row of a unit and criterion in the scores sheet.
func rowOf(t *testing.T, f *excelize.File, unit, code string) string {
	rows, _ := f.GetRows(xlsx.SheetScores)
	for i, r := range rows {
		if len(r) > 2 && r[0] == unit && r[2] == code {
			return itoa(i + 1)
		}
	}
	t.Fatalf("no row for %s %s", unit, code)
	return ""
}

func TestMalformedFilesListProblemsAndChangeNothing(t *testing.T) {
	st := demoStore(t)
	scores := export(t, st, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, 2023, "") })
	units := export(t, st, xlsx.Units)
	framework := export(t, st, func(tx *store.Tx) ([]byte, error) { return xlsx.Framework(tx, 2023) })
	var r11, r12 string
	for _, c := range []struct {
		name string
		imp  func(*store.Store, *bytes.Reader) (xlsx.Summary, error)
		file func() []byte
		want []string // each a problem's text, or part of it
	}{
		{"wrong headers", scoresImport, func() []byte {
			return edit(t, scores, func(f *excelize.File) {
				f.SetCellValue(xlsx.SheetScores, "G4", "Điểm TĐ")
				f.SetCellValue(xlsx.SheetScores, "A4", "Mã ĐV")
			})
		}, []string{"Trang tính «Điểm»: không tìm thấy dòng tiêu đề của bảng (ô đầu dòng «Mã đơn vị» trong 10 dòng đầu)"}},
		{"one wrong header", scoresImport, func() []byte {
			return edit(t, scores, func(f *excelize.File) { f.SetCellValue(xlsx.SheetScores, "G4", "Điểm TĐ") })
		}, []string{"Trang tính «Điểm», dòng 4, cột G: tiêu đề cột là «Điểm TĐ», cần «Điểm thẩm định» (hãy dùng tệp mẫu)"}},
		{"score above max and text in a number cell", scoresImport, func() []byte {
			return edit(t, scores, func(f *excelize.File) {
				r11, r12 = rowOf(t, f, "NBI", "1.1"), rowOf(t, f, "NBI", "1.2")
				f.SetCellValue(xlsx.SheetScores, "G"+r11, 3.5)
				f.SetCellValue(xlsx.SheetScores, "F"+r12, "hai điểm")
				f.SetCellValue(xlsx.SheetScores, "G"+r12, "1,255")
			})
		}, []string{
			"Trang tính «Điểm», dòng %11, cột G (Điểm thẩm định): Tiêu chí 1.1 «Kế hoạch cải cách hành chính năm» (tối đa 3 điểm): điểm 3,5 nằm ngoài khoảng cho phép 0 – 3",
			"Trang tính «Điểm», dòng %12, cột F (Điểm tự đánh giá): Tiêu chí 1.2 «Báo cáo cải cách hành chính định kỳ» (tối đa 2 điểm): \"hai điểm\" không phải là số điểm hợp lệ",
			"Trang tính «Điểm», dòng %12, cột G (Điểm thẩm định): Tiêu chí 1.2 «Báo cáo cải cách hành chính định kỳ» (tối đa 2 điểm): \"1,255\" có quá hai chữ số thập phân",
		}},
		{"unknown unit and criterion", scoresImport, func() []byte {
			return edit(t, scores, func(f *excelize.File) {
				r := rowOf(t, f, "NBI", "1.1")
				f.SetCellValue(xlsx.SheetScores, "A"+r, "XYZ")
				f.SetCellValue(xlsx.SheetScores, "C"+rowOf(t, f, "NBI", "1.2"), "1.9")
			})
		}, []string{"cột A (Mã đơn vị): không có đơn vị mã XYZ", "cột C (Mã tiêu chí): mã tiêu chí 1.9 không có trong bộ chỉ số năm 2023"}},
		{"truncated file", scoresImport, func() []byte { return scores[:len(scores)/2] },
			[]string{"Tệp không phải tệp Excel .xlsx đọc được (có thể bị hỏng, chưa tải xong hoặc là tệp .xls cũ)"}},
		{"not a workbook", scoresImport, func() []byte { return []byte("Mã đơn vị;Điểm\nNBI;15\n") },
			[]string{"Tệp không phải tệp Excel .xlsx"}},
		{"a units file given as scores", scoresImport, func() []byte { return units },
			[]string{"Tệp không có trang tính «Điểm» (các trang tính có: Đơn vị)"}},
		{"unit group unknown and no name", unitsImport, func() []byte {
			return edit(t, units, func(f *excelize.File) {
				f.SetCellValue(xlsx.SheetUnits, "D5", "XA")
				f.SetCellValue(xlsx.SheetUnits, "E5", "")
				f.SetCellValue(xlsx.SheetUnits, "C6", "Tỉnh")
				f.SetCellValue(xlsx.SheetUnits, "A7", "TPCB")
			})
		}, []string{"dòng 5, cột E (Tên nhóm xếp hạng): nhóm mã XA chưa có", "dòng 6, cột C (Loại đơn vị): loại đơn vị «Tỉnh» không có", "dòng 7, cột A (Mã đơn vị): mã đơn vị TPCB trùng với dòng 5"}},
		{"framework area max is not the sum of its criteria", frameworkImport, func() []byte {
			return edit(t, framework, func(f *excelize.File) { f.SetCellValue(xlsx.SheetFramework, "D5", 17) })
		}, []string{"Trang tính «Bộ chỉ số», dòng 5, cột D (Điểm tối đa): điểm tối đa của 1 là 17 nhưng tổng các tiêu chí con là 16"}},
		{"framework level gap, leaf without max, bad year", frameworkImport, func() []byte {
			return edit(t, framework, func(f *excelize.File) {
				f.SetCellValue(xlsx.SheetFramework, "B1", "năm nay")
				f.SetCellValue(xlsx.SheetFramework, "A13", 3)
				f.SetCellValue(xlsx.SheetFramework, "D8", "")
			})
		}, []string{
			"Trang tính «Bộ chỉ số», dòng 1, cột B: ô năm đánh giá (dòng «Năm») phải là số từ 2000 đến 2100, đang là «năm nay»",
			"dòng 13, cột A (Cấp): cấp 3 đứng sau cấp 1: thiếu tiêu chí cấp 2 ở trên",
			"dòng 8, cột D (Điểm tối đa): tiêu chí 1.3 chưa có điểm tối đa",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, _ := os.ReadFile(st.Path())
			backups, _ := st.Backups()
			file := c.file()
			_, err := c.imp(st, bytes.NewReader(file))
			var ps xlsx.Problems
			if !asProblems(err, &ps) {
				t.Fatalf("import gave %v, want a list of problems", err)
			}
			msg := data.ErrorMessage(err)
			for _, w := range c.want {
				w = strings.ReplaceAll(strings.ReplaceAll(w, "%11", r11), "%12", r12)
				if !strings.Contains(msg, w) {
					t.Errorf("problems do not say %q:\n%s", w, msg)
				}
			}
			if len(ps) != len(c.want) {
				t.Errorf("%d problems, want %d:\n%s", len(ps), len(c.want), msg)
			}
			after, _ := os.ReadFile(st.Path())
			if !bytes.Equal(before, after) {
				t.Error("the data file changed after a refused import")
			}
			if now, _ := st.Backups(); len(now) != len(backups) {
				t.Error("a refused import took a backup")
			}
		})
	}
}

func TestImportRespectsTheStoreRules(t *testing.T) {
	st := demoStore(t)
	scores := export(t, st, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, 2023, "") })
	if err := st.Update(func(tx *store.Tx) error { return tx.LockYear(2023) }); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(st.Path())
	backups := backupFiles(t, st)
	changed := edit(t, scores, func(f *excelize.File) { f.SetCellValue(xlsx.SheetScores, "G"+rowOf(t, f, "NBI", "1.1"), 1) })
	_, err := xlsx.ImportScores(st, bytes.NewReader(changed))
	if data.ErrorCode(err) != data.EINVALID || !strings.Contains(data.ErrorMessage(err), "Năm 2023 đã khóa") {
		t.Fatalf("import into a locked year: %v", err)
	}
	if after, _ := os.ReadFile(st.Path()); !bytes.Equal(before, after) {
		t.Error("the data file changed after an import into a locked year")
	}
	// The lock is checked before the backup: a refused import leaves no
	// copy behind in the backups folder.
	if n := backupFiles(t, st); n != backups {
		t.Errorf("backups folder: %d files after a refused import into a locked year, %d before", n, backups)
	}

	// The same for a framework import into the locked year …
	fw := export(t, st, func(tx *store.Tx) ([]byte, error) { return xlsx.Framework(tx, 2023) })
	if _, err := xlsx.ImportFramework(st, bytes.NewReader(fw)); !strings.Contains(data.ErrorMessage(err), "Năm 2023 đã khóa") {
		t.Errorf("framework import into a locked year: %v", err)
	}
	// … and for scores of a year without a framework.
	orphan := edit(t, scores, func(f *excelize.File) { f.SetCellValue(xlsx.SheetScores, "B1", 2031) })
	if _, err := xlsx.ImportScores(st, bytes.NewReader(orphan)); !strings.Contains(data.ErrorMessage(err), "hãy nhập bộ chỉ số trước") {
		t.Errorf("scores of a year without framework: %v", err)
	}
	if n := backupFiles(t, st); n != backups {
		t.Errorf("backups folder: %d files after refused imports, %d before", n, backups)
	}
	if after, _ := os.ReadFile(st.Path()); !bytes.Equal(before, after) {
		t.Error("the data file changed after refused imports")
	}

	// Once unlocked, the same file imports, after one backup.
	if err := st.Update(func(tx *store.Tx) error {
		return tx.UnlockYear(2023, "sửa điểm theo kết luận thanh tra")
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := xlsx.ImportScores(st, bytes.NewReader(changed)); err != nil {
		t.Fatalf("import into the unlocked year: %v", err)
	}
	if n := backupFiles(t, st); n != backups+1 {
		t.Errorf("backups folder: %d files after an import, want %d", n, backups+1)
	}
}

// backupFiles counts the files in the data file's backups folder (every
// file, not only those Backups recognises).
func backupFiles(t *testing.T, st *store.Store) int {
	t.Helper()
	entries, err := os.ReadDir(st.BackupFolder())
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return len(entries)
}

func scoresImport(s *store.Store, r *bytes.Reader) (xlsx.Summary, error) {
	return xlsx.ImportScores(s, r)
}
func unitsImport(s *store.Store, r *bytes.Reader) (xlsx.Summary, error) {
	return xlsx.ImportUnits(s, r)
}
func frameworkImport(s *store.Store, r *bytes.Reader) (xlsx.Summary, error) {
	return xlsx.ImportFramework(s, r)
}

func asProblems(err error, ps *xlsx.Problems) bool {
	p, ok := err.(xlsx.Problems)
	*ps = p
	return ok
}

// BenchmarkScoresRoundTrip: export a year's scores (10 units × 31
// criteria) and import them back, backup and transaction included.
func BenchmarkScoresRoundTrip(b *testing.B) {
	st := demoStore(b)
	for b.Loop() {
		file := export(b, st, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, 2023, "") })
		if _, err := xlsx.ImportScores(st, bytes.NewReader(file)); err != nil {
			b.Fatal(err)
		}
	}
}
