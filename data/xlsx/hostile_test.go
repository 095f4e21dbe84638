package xlsx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

// rawBook writes a workbook by hand, the way another program might: each
// sheet is the inner XML of its sheetData, cells as given.
func rawBook(t testing.TB, sheets ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	add := func(name, body string) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	var list, rels strings.Builder
	for i, s := range sheets {
		fmt.Fprintf(&list, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, s[0], i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		add(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), `<?xml version="1.0" encoding="UTF-8"?><worksheet `+ns+`><sheetData>`+s[1]+`</sheetData></worksheet>`)
	}
	add("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook `+ns+`><sheets>`+list.String()+`</sheets></workbook>`)
	add("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Cells of a raw sheet row: text, number, boolean, a formula without its
// value, a formula with it.
func txt(ref, s string) string {
	return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, s)
}
func num(ref, v string) string     { return fmt.Sprintf(`<c r="%s"><v>%s</v></c>`, ref, v) }
func boolean(ref, v string) string { return fmt.Sprintf(`<c r="%s" t="b"><v>%s</v></c>`, ref, v) }
func formula(ref, f string) string { return fmt.Sprintf(`<c r="%s"><f>%s</f></c>`, ref, f) }
func computed(ref, f, v string) string {
	return fmt.Sprintf(`<c r="%s"><f>%s</f><v>%s</v></c>`, ref, f, v)
}
func row(n int, cells ...string) string {
	return fmt.Sprintf(`<row r="%d">%s</row>`, n, strings.Join(cells, ""))
}

// scoresHead is the year line and header of a raw scores sheet.
func scoresHead(year string) string {
	var h []string
	for i, title := range []string{"Mã đơn vị", "Tên đơn vị", "Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Ghi chú", "Tài liệu kiểm chứng"} {
		h = append(h, txt(fmt.Sprintf("%c4", 'A'+i), title))
	}
	return row(1, txt("A1", "Năm"), num("B1", year)) + row(4, h...)
}

// refused imports file and checks that it is refused with every one of
// want in its message, and that the data file and the backups folder are
// as they were.
func refused(t *testing.T, st *store.Store, imp func(*store.Store, *bytes.Reader) (xlsx.Summary, error), file []byte, want ...string) error {
	t.Helper()
	before, _ := os.ReadFile(st.Path())
	backups := backupFiles(t, st)
	_, err := imp(st, bytes.NewReader(file))
	if err == nil {
		t.Fatalf("the import was accepted, want a refusal saying %q", want)
	}
	msg := data.ErrorMessage(err)
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("refusal does not say %q:\n%s", w, msg)
		}
	}
	if after, _ := os.ReadFile(st.Path()); !bytes.Equal(before, after) {
		t.Error("the data file changed after a refused import")
	}
	if n := backupFiles(t, st); n != backups {
		t.Errorf("a refused import left a backup behind (%d files, %d before)", n, backups)
	}
	return err
}

// Score cells are read as the grid reads what is typed: text through
// data.ParseScore, numbers as stored when they have two decimals at most;
// exponent notation, booleans, "1.000", full-width digits and formulas
// never computed are refused with sheet, row, column and reason.
func TestScoreCellsReadAsTheGridReads(t *testing.T) {
	st := demoStore(t)
	const where = "Trang tính «Điểm», dòng %d, cột %s: Tiêu chí 1.1 «Kế hoạch cải cách hành chính năm» (tối đa 3 điểm): "
	sheet := scoresHead("2023") +
		row(5, txt("A5", "NBI"), txt("C5", "1.1"), txt("F5", "1e1"), txt("G5", "1e-2")) +
		row(6, txt("A6", "NBI"), txt("C6", "1.2"), boolean("F6", "1"), txt("G6", "1.000")) +
		row(7, txt("A7", "NBI"), txt("C7", "1.3"), txt("F7", "８１"), formula("G7", "SUM(F7:F7)")) +
		row(8, txt("A8", "NBI"), txt("C8", "1.4"), num("F8", "1.255"), num("G8", "1E-2"))
	err := refused(t, st, scoresImport, rawBook(t, [2]string{"Điểm", sheet}),
		fmt.Sprintf(where, 5, "F (Điểm tự đánh giá)")+`"1e1" không phải là số điểm hợp lệ`,
		fmt.Sprintf(where, 5, "G (Điểm thẩm định)")+`"1e-2" không phải là số điểm hợp lệ`,
		"dòng 6, cột F (Điểm tự đánh giá): Tiêu chí 1.2 «Báo cáo cải cách hành chính định kỳ» (tối đa 2 điểm): ô chứa giá trị đúng/sai (TRUE), không phải số điểm",
		`dòng 6, cột G (Điểm thẩm định): Tiêu chí 1.2 «Báo cáo cải cách hành chính định kỳ» (tối đa 2 điểm): "1.000" có quá hai chữ số thập phân (điểm không dùng dấu chấm ngăn cách hàng nghìn`,
		`dòng 7, cột F (Điểm tự đánh giá): Tiêu chí 1.3 «Kiểm tra công tác cải cách hành chính» (tối đa 3 điểm): "８１" có chữ số không phải 0-9 (chữ số toàn khổ`,
		"dòng 7, cột G (Điểm thẩm định): Tiêu chí 1.3 «Kiểm tra công tác cải cách hành chính» (tối đa 3 điểm): ô có công thức nhưng chưa có giá trị đã tính",
		"hãy mở tệp bằng Excel, lưu lại rồi nhập",
		`dòng 8, cột F (Điểm tự đánh giá): Tiêu chí 1.4 «Công tác tuyên truyền cải cách hành chính» (tối đa 2 điểm): "1.255" có quá hai chữ số thập phân`,
	)
	var ps xlsx.Problems
	// 1E-2 stored as a number (G8) is 0,01: a number is taken as stored.
	if !errors.As(err, &ps) || len(ps) != 7 {
		t.Errorf("%d problems, want 7:\n%s", len(ps), data.ErrorMessage(err))
	}

	// What the grid takes, the import takes: "2,5" and "2.5" typed, 2.5
	// and 1.7999999999999998 stored as numbers, a formula with its saved
	// value; 1E-2 stored as a number is 0,01.
	ok := scoresHead("2023") +
		row(5, txt("A5", "NBI"), txt("C5", "1.1"), txt("F5", "2,5"), txt("G5", " 2.5 ")) +
		row(6, txt("A6", "NBI"), txt("C6", "1.2"), num("F6", "1.7999999999999998"), computed("G6", "F6", "1.8")) +
		row(7, txt("A7", "NBI"), txt("C7", "1.3"), num("F7", "1E-2"), num("G7", "3"))
	if _, err := xlsx.ImportScoresWith(st, bytes.NewReader(rawBook(t, [2]string{"Điểm", ok})), xlsx.ImportOptions{AllowClear: true}); err != nil {
		t.Fatalf("import of well-formed cells: %v", data.ErrorMessage(err))
	}
	st.View(func(tx *store.Tx) error {
		sh, _ := tx.Sheet(2023, "NBI")
		for code, want := range map[string][2]data.Points{"1.1": {data.P(2, 50), data.P(2, 50)}, "1.2": {data.P(1, 80), data.P(1, 80)}, "1.3": {1, data.P(3, 0)}} {
			sc := sh.Scores[code]
			if sc.Self == nil || sc.Appraised == nil || *sc.Self != want[0] || *sc.Appraised != want[1] {
				t.Errorf("%s: %+v, want %v / %v", code, sc, want[0], want[1])
			}
		}
		return nil
	})
}

// A framework's max and a band threshold go through the same parser.
func TestFrameworkMaxReadAsTheGridReads(t *testing.T) {
	st := demoStore(t)
	framework := export(t, st, func(tx *store.Tx) ([]byte, error) { return xlsx.Framework(tx, 2023) })
	file := edit(t, framework, func(f *excelize.File) {
		f.SetCellStr(xlsx.SheetFramework, "D6", "1e3")
		f.SetCellBool(xlsx.SheetFramework, "D7", true)
	})
	refused(t, st, frameworkImport, file,
		`dòng 6, cột D (Điểm tối đa): điểm tối đa: "1e3" không phải là số điểm hợp lệ`,
		"dòng 7, cột D (Điểm tối đa): điểm tối đa: ô chứa giá trị đúng/sai (TRUE), không phải số điểm")
}

// A row left blank where scores are stored clears them only once the
// officer confirms; the refusal lists them and writes nothing.
func TestImportThatClearsScoresAsksFirst(t *testing.T) {
	st := demoStore(t)
	scores := export(t, st, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, 2023, "") })
	var r11 string
	blank := edit(t, scores, func(f *excelize.File) {
		r11 = rowOf(t, f, "NBI", "1.1")
		f.SetCellValue(xlsx.SheetScores, "G"+r11, nil)
	})
	var old data.Points
	st.View(func(tx *store.Tx) error {
		sh, _ := tx.Sheet(2023, "NBI")
		old = *sh.Scores["1.1"].Appraised
		return nil
	})
	err := refused(t, st, scoresImport, blank,
		"Tệp để trống 1 điểm năm 2023 đã lưu",
		"Trang tính «Điểm», dòng "+r11+", cột G (Điểm thẩm định): đơn vị NBI, tiêu chí 1.1, thẩm định "+old.Short()+" → để trống",
		"--clear")
	var ce *xlsx.ClearError
	if !errors.As(err, &ce) || len(ce.Cells) != 1 || data.ErrorCode(err) != data.ECONFLICT {
		t.Fatalf("refusal %T %v, want a ClearError with one cell", err, err)
	}

	// The preview lists the same, and writes nothing either.
	before, _ := os.ReadFile(st.Path())
	sum, err := xlsx.PreviewScores(st, bytes.NewReader(blank))
	if err != nil || sum.Cleared != 1 || len(sum.Clears) != 1 || sum.Clears[0].Code != "1.1" || sum.Backup.Path != "" {
		t.Errorf("preview: %+v, %v", sum, err)
	}
	if after, _ := os.ReadFile(st.Path()); !bytes.Equal(before, after) {
		t.Error("a preview changed the data file")
	}

	// Confirmed, the score is cleared and the summary says so.
	sum, err = xlsx.ImportScoresWith(st, bytes.NewReader(blank), xlsx.ImportOptions{AllowClear: true})
	if err != nil || !strings.Contains(sum.String(), "xóa 1 điểm đã lưu") {
		t.Fatalf("confirmed import: %q, %v", sum.String(), err)
	}
	st.View(func(tx *store.Tx) error {
		sh, _ := tx.Sheet(2023, "NBI")
		if sh.Scores["1.1"].Appraised != nil {
			t.Error("the appraised score of 1.1 is still stored")
		}
		h, _ := tx.Audit(data.AuditFilter{Unit: "NBI"})
		if len(h) == 0 || h[0].Item != "1.1 · Thẩm định" || h[0].Old != old.Short() || h[0].New != "" {
			t.Errorf("audit of the clear: %+v", h[:1])
		}
		return nil
	})
}

// Unit codes match stored units without regard to case and keep the
// stored code.
func TestImportMatchesUnitCodesWithoutCase(t *testing.T) {
	st := demoStore(t)
	units := export(t, st, xlsx.Units)
	lower := edit(t, units, func(f *excelize.File) {
		rows, _ := f.GetRows(xlsx.SheetUnits)
		for i, r := range rows {
			if len(r) > 0 && r[0] == "NBI" {
				f.SetCellStr(xlsx.SheetUnits, fmt.Sprintf("A%d", i+1), "nbi")
				f.SetCellStr(xlsx.SheetUnits, fmt.Sprintf("B%d", i+1), "Huyện Nguyên Bình mới")
			}
		}
	})
	if _, err := xlsx.ImportUnits(st, bytes.NewReader(lower)); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	st.View(func(tx *store.Tx) error {
		us, _ := tx.Units()
		u, err := tx.Unit("NBI")
		if len(us) != 10 || err != nil || u.Name != "Huyện Nguyên Bình mới" {
			t.Errorf("after importing nbi: %d units, NBI %+v %v", len(us), u, err)
		}
		return nil
	})
	// Two rows whose codes differ in case are one unit twice.
	twice := edit(t, units, func(f *excelize.File) {
		f.SetCellStr(xlsx.SheetUnits, "A6", strings.ToLower(mustCell(t, f, xlsx.SheetUnits, "A5")))
	})
	refused(t, st, unitsImport, twice, "dòng 6, cột A (Mã đơn vị): mã đơn vị", "trùng với dòng 5")

	scores := export(t, st, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, 2023, "NBI") })
	lowerScores := edit(t, scores, func(f *excelize.File) {
		rows, _ := f.GetRows(xlsx.SheetScores)
		for i, r := range rows {
			if len(r) > 0 && r[0] == "NBI" {
				f.SetCellStr(xlsx.SheetScores, fmt.Sprintf("A%d", i+1), "nbi")
			}
		}
	})
	if sum, err := xlsx.ImportScores(st, bytes.NewReader(lowerScores)); err != nil || sum.Units != 1 {
		t.Fatalf("scores for nbi: %+v %v", sum, data.ErrorMessage(err))
	}
}

func mustCell(t *testing.T, f *excelize.File, sheet, ref string) string {
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// Hostile workbooks are refused (or read) without using memory beyond the
// layout's needs, and a refusal leaves the data file as it was.
func TestHostileWorkbooks(t *testing.T) {
	st := demoStore(t)
	scores := export(t, st, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, 2023, "") })

	t.Run("empty file", func(t *testing.T) {
		refused(t, st, scoresImport, nil, "Tệp rỗng (0 byte)")
	})
	t.Run("not a zip", func(t *testing.T) {
		refused(t, st, unitsImport, []byte("<html>Mã đơn vị</html>"), "Tệp không phải tệp Excel .xlsx đọc được")
	})
	t.Run("old xls", func(t *testing.T) {
		refused(t, st, unitsImport, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), "Excel cũ (.xls)")
	})
	t.Run("truncated", func(t *testing.T) {
		for _, n := range []int{len(scores) / 3, len(scores) - 30} {
			refused(t, st, scoresImport, scores[:n], "Tệp không phải tệp Excel .xlsx đọc được")
		}
	})
	t.Run("damaged sheet data", func(t *testing.T) {
		bad := rawBook(t, [2]string{"Điểm", scoresHead("2023") + `<row r="5"><c r="A5" t="inlineStr"><is><t>NBI</t></is></row>`})
		refused(t, st, scoresImport, bad, "Trang tính «Điểm»: nội dung trang tính bị hỏng")
	})
	t.Run("sheet above the unzip limit", func(t *testing.T) {
		defer xlsx.SetLimits(64<<10, 200_000, 4_000_000)()
		refused(t, st, scoresImport, scores, "Trang tính «Điểm»: Trang tính giải nén ra", "quá giới hạn 0,06 MB")
	})
	t.Run("too many rows", func(t *testing.T) {
		defer xlsx.SetLimits(160<<20, 100, 4_000_000)()
		refused(t, st, scoresImport, scores, "Trang tính «Điểm»: trang tính có hơn 100 dòng, quá giới hạn một lần nhập")
	})
	t.Run("too many cells", func(t *testing.T) {
		defer xlsx.SetLimits(160<<20, 200_000, 1_000)()
		refused(t, st, scoresImport, scores, "trang tính có hơn 1.000 ô")
	})
	t.Run("rows in the wrong order", func(t *testing.T) {
		bad := rawBook(t, [2]string{"Điểm", scoresHead("2023") + row(7, txt("A7", "NBI")) + row(6, txt("A6", "NBI"))})
		refused(t, st, scoresImport, bad, "dòng 6 đứng sau dòng 7")
	})
	t.Run("a formula in the year", func(t *testing.T) {
		sheet := strings.Replace(scoresHead("2023"), num("B1", "2023"), formula("B1", "YEAR(TODAY())"), 1)
		refused(t, st, scoresImport, rawBook(t, [2]string{"Điểm", sheet}), "dòng 1, cột B: ô năm đánh giá: ô có công thức nhưng chưa có giá trị")
	})

	// A cell in column XFD on every row is skipped unread: the file imports
	// as if it were not there.
	t.Run("a cell in column XFD on every row", func(t *testing.T) {
		var b strings.Builder
		b.WriteString(scoresHead("2023"))
		r := 5
		for _, a := range demo.Framework(2023).Areas {
			for _, c := range a.Children {
				ref := func(col string) string { return fmt.Sprintf("%s%d", col, r) }
				self, appraised := num(ref("F"), "1"), num(ref("G"), "1")
				switch c.Input { // an answer of the criterion's kind
				case data.InputPassFail:
					self, appraised = num(ref("F"), "0"), num(ref("G"), "0")
				case data.InputRatio:
					self, appraised = txt(ref("F"), "1/2"), txt(ref("G"), "1/2")
				}
				b.WriteString(row(r, txt(ref("A"), "NBI"), txt(ref("C"), c.Code), self, appraised, txt(ref("XFD"), "x")))
				r++
			}
		}
		for ; r < 20000; r++ {
			b.WriteString(row(r, txt(fmt.Sprintf("XFD%d", r), "x")))
		}
		wide := rawBook(t, [2]string{"Điểm", b.String()})
		sum, err := xlsx.ImportScoresWith(st, bytes.NewReader(wide), xlsx.ImportOptions{AllowClear: true})
		if err != nil || sum.Units != 1 || sum.Scores != 31 {
			t.Fatalf("%+v %v", sum, data.ErrorMessage(err))
		}
	})
}

// Names typed in NFD (decomposed tone marks, as some keyboards and PDFs
// give them) are stored in NFC.
func TestImportNormalisesNFDNames(t *testing.T) {
	st := demoStore(t)
	nfd := norm.NFD.String("Xã Đức Nghĩa")
	head := row(4, txt("A4", "Mã đơn vị"), txt("B4", "Tên đơn vị"), txt("C4", "Loại đơn vị"), txt("D4", "Mã nhóm"), txt("E4", "Tên nhóm xếp hạng"), txt("F4", "Thứ tự"), txt("G4", "Ngừng đánh giá"))
	file := rawBook(t, [2]string{norm.NFD.String("Đơn vị"), head + row(5, txt("A5", "DNG"), txt("B5", nfd), txt("C5", norm.NFD.String("Xã")), txt("D5", demo.GroupID))})
	if _, err := xlsx.ImportUnits(st, bytes.NewReader(file)); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	st.View(func(tx *store.Tx) error {
		u, err := tx.Unit("DNG")
		if err != nil || u.Name != "Xã Đức Nghĩa" || !norm.NFC.IsNormalString(u.Name) || u.Kind != data.KindCommune {
			t.Errorf("unit %+v %v, want the name in NFC", u, err)
		}
		return nil
	})
}
