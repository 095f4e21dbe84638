package xlsx_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

// kindsStore holds two wards scored in 2024 on a framework with one
// criterion of each input kind: 1.1 điểm (13), 1.2 đạt / không đạt (3,
// may not apply), 2.1 tỷ lệ (4: 100 % → 4, ≥ 80 % → 2), 2.2 điểm (80).
func kindsStore(t *testing.T) *store.Store {
	t.Helper()
	s := openStore(t, filepath.Join(t.TempDir(), "kinds.db"))
	f := &data.Framework{Year: 2024, Title: "Bộ chỉ số có tiêu chí đạt/không đạt và tỷ lệ", Areas: []data.Criterion{
		{Code: "1", Title: "Công tác chỉ đạo, điều hành", Children: []data.Criterion{
			{Code: "1.1", Title: "Ban hành kế hoạch CCHC", Max: data.P(13, 0)},
			{Code: "1.2", Title: "Đối thoại với doanh nghiệp", Max: data.P(3, 0), Input: data.InputPassFail, MayNotApply: true},
		}},
		{Code: "2", Title: "Cải cách thủ tục hành chính", Children: []data.Criterion{
			{Code: "2.1", Title: "Hồ sơ giải quyết đúng hạn", Max: data.P(4, 0), Input: data.InputRatio,
				Tiers: []data.Tier{{Min: 10000, Points: data.P(4, 0)}, {Min: 8000, Points: data.P(2, 0)}}},
			{Code: "2.2", Title: "Các nội dung khác", Max: data.P(80, 0)},
		}},
	}}
	err := s.Update(func(tx *store.Tx) error {
		if err := tx.PutFramework(f); err != nil {
			return err
		}
		if err := tx.PutGroup(data.Group{ID: "phuong", Name: "Các phường"}); err != nil {
			return err
		}
		for code, typed := range map[string][4][2]string{
			"AN":   {{"12", "12"}, {"Đạt", "KAD"}, {"45/50", "45/50"}, {"65", "65"}},
			"BINH": {{"13", "13"}, {"Đạt", "Không đạt"}, {"50/50", "39/50"}, {"70", "70"}},
		} {
			if err := tx.PutUnit(data.Unit{Code: code, Name: "Phường " + code, Kind: data.KindWard, GroupID: "phuong"}); err != nil {
				return err
			}
			for i, leaf := range []string{"1.1", "1.2", "2.1", "2.2"} {
				var sc data.Score
				for side, set := range []func(data.Value){sc.SetSelf, sc.SetAppraised} {
					v, err := data.ParseValue(f.Find(leaf), typed[i][side])
					if err != nil {
						return err
					}
					set(v)
				}
				if err := tx.SetScore(2024, code, leaf, sc); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The kinds go out to Excel and come back: the framework's kind, "có thể
// không áp dụng" and tiers columns, and the score cells "Đạt", "KAD",
// "45/50".
func TestKindsRoundTrip(t *testing.T) {
	src := kindsStore(t)
	units := export(t, src, xlsx.Units)
	framework := export(t, src, func(tx *store.Tx) ([]byte, error) { return xlsx.Framework(tx, 2024) })
	scores := export(t, src, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, 2024, "") })

	fb, _ := excelize.OpenReader(bytes.NewReader(framework))
	rows, _ := fb.GetRows(xlsx.SheetFramework)
	var leaf12, leaf21 []string
	for _, r := range rows {
		if len(r) > 1 && r[1] == "1.2" {
			leaf12 = r
		}
		if len(r) > 1 && r[1] == "2.1" {
			leaf21 = r
		}
	}
	if len(leaf12) < 8 || leaf12[6] != "Đạt/Không đạt" || leaf12[7] != "x" {
		t.Errorf("row of 1.2 in the framework workbook: %q", leaf12)
	}
	if len(leaf21) < 9 || leaf21[6] != "Tỷ lệ" || leaf21[8] != "100%=4; 80%=2" {
		t.Errorf("row of 2.1 in the framework workbook: %q", leaf21)
	}
	sb, _ := excelize.OpenReader(bytes.NewReader(scores))
	for cell, want := range map[string]string{"F": "Đạt", "G": "KAD"} {
		if got, _ := sb.GetCellValue(xlsx.SheetScores, cell+rowOf(t, sb, "AN", "1.2")); got != want {
			t.Errorf("AN 1.2 column %s holds %q, want %q", cell, got, want)
		}
	}
	// A tỷ lệ criterion: the points in G, as a number a SUM counts, the
	// counts in N.
	r21 := rowOf(t, sb, "BINH", "2.1")
	if g, _ := sb.GetCellValue(xlsx.SheetScores, "G"+r21, excelize.Options{RawCellValue: true}); g != "0" {
		t.Errorf("BINH 2.1 appraised points %q, want 0", g)
	}
	if m, _ := sb.GetCellValue(xlsx.SheetScores, "M"+r21); m != "50/50" {
		t.Errorf("BINH 2.1 self counts %q, want 50/50", m)
	}
	if n, _ := sb.GetCellValue(xlsx.SheetScores, "N"+r21); n != "39/50" {
		t.Errorf("BINH 2.1 appraised counts %q, want 39/50", n)
	}

	dst := openStore(t, filepath.Join(t.TempDir(), "moi.db"))
	for _, step := range []struct {
		imp  func(*store.Store, *bytes.Reader) (xlsx.Summary, error)
		file []byte
	}{{unitsImport, units}, {frameworkImport, framework}, {scoresImport, scores}} {
		if _, err := step.imp(dst, bytes.NewReader(step.file)); err != nil {
			t.Fatal(data.ErrorMessage(err))
		}
	}
	want, got := snap(t, src, 2024), snap(t, dst, 2024)
	if !reflect.DeepEqual(got.Framework, want.Framework) || !reflect.DeepEqual(got.Sheets, want.Sheets) {
		t.Errorf("after export → import:\n got %+v\n%+v\nwant %+v\n%+v", got.Framework, got.Sheets, want.Framework, want.Sheets)
	}
	view := func(s *store.Store) []data.Result {
		var rs []data.Result
		if err := s.View(func(tx *store.Tx) (err error) { rs, _, err = tx.Ranking(2024, "phuong"); return err }); err != nil {
			t.Fatal(err)
		}
		return rs
	}
	// AN: 12 + 2 + 65 = 79 of 97 = 81,44 %; BINH: 13 + 0 + 0 + 70 = 83 of 100.
	rb, _ := excelize.OpenReader(bytes.NewReader(export(t, dst, func(tx *store.Tx) ([]byte, error) { return xlsx.Ranking(tx, 2024, "phuong") })))
	rrows, _ := rb.GetRows("Xếp hạng")
	if h := rrows[3]; h[len(h)-1] != "Điểm tối đa của đơn vị" || rrows[5][len(h)-1] != "97.00" || rrows[5][slices.Index(h, "Chỉ số (%)")] != "81.44" {
		t.Errorf("ranking workbook: header %q, AN %q; want AN's max 97 in the last column", h, rrows[5])
	}
	rs := view(dst)
	if rs[0].Unit.Code != "BINH" || rs[0].Index.String() != "83,00" || rs[1].Max != data.P(97, 0) || rs[1].Index.String() != "81,44" {
		t.Errorf("ranking after the import: %+v", rs)
	}
}

// A framework workbook of the layout before the kinds (no columns G to I)
// imports with every criterion as điểm.
func TestOldFrameworkWorkbookImportsAsPoints(t *testing.T) {
	src := demoStore(t)
	framework := export(t, src, func(tx *store.Tx) ([]byte, error) { return xlsx.Framework(tx, 2023) })
	old := edit(t, framework, func(f *excelize.File) {
		for range 3 {
			if err := f.RemoveCol(xlsx.SheetFramework, "G"); err != nil {
				t.Fatal(err)
			}
		}
	})
	dst := openStore(t, filepath.Join(t.TempDir(), "moi.db"))
	if _, err := xlsx.ImportFramework(dst, bytes.NewReader(old)); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	got := snap(t, dst, 2023).Framework
	want := snap(t, src, 2023).Framework
	var plain func(cs []data.Criterion)
	plain = func(cs []data.Criterion) {
		for i := range cs {
			cs[i].Input, cs[i].MayNotApply, cs[i].Tiers = data.InputPoints, false, nil
			plain(cs[i].Children)
		}
	}
	plain(want.Areas) // the demo's 2023 has kinds, which the old layout has no column for
	if !reflect.DeepEqual(got, want) {
		t.Errorf("old workbook imported as\n%+v\nwant\n%+v", got, want)
	}
}

// Every refusal of a kind names the cell and says what the kind accepts;
// nothing is written.
func TestKindsRefusalsNameTheCell(t *testing.T) {
	st := kindsStore(t)
	framework := export(t, st, func(tx *store.Tx) ([]byte, error) { return xlsx.Framework(tx, 2024) })
	scores := export(t, st, func(tx *store.Tx) ([]byte, error) { return xlsx.Scores(tx, 2024, "") })
	frameworkRow := func(f *excelize.File, code string) string {
		rows, _ := f.GetRows(xlsx.SheetFramework)
		for i, r := range rows {
			if len(r) > 1 && r[1] == code {
				return itoa(i + 1)
			}
		}
		t.Fatalf("no row for %s", code)
		return ""
	}
	var r11, r12, r21 string
	for _, c := range []struct {
		name string
		imp  func(*store.Store, *bytes.Reader) (xlsx.Summary, error)
		file func() []byte
		want []string
	}{
		{"score cells of each kind", scoresImport, func() []byte {
			return edit(t, scores, func(f *excelize.File) {
				r11, r12, r21 = rowOf(t, f, "AN", "1.1"), rowOf(t, f, "AN", "1.2"), rowOf(t, f, "AN", "2.1")
				f.SetCellValue(xlsx.SheetScores, "G"+r11, "KAD")
				f.SetCellValue(xlsx.SheetScores, "F"+r12, "2")
				f.SetCellValue(xlsx.SheetScores, "M"+r21, "51/50")
				f.SetCellValue(xlsx.SheetScores, "N"+r21, "0/0")
			})
		}, []string{
			"dòng %11, cột G (Điểm thẩm định): Tiêu chí 1.1 «Ban hành kế hoạch CCHC» (Điểm, tối đa 13 điểm): tiêu chí này không được đánh dấu «có thể không áp dụng»; ô này nhận số điểm từ 0 đến 13",
			"dòng %12, cột F (Điểm tự đánh giá): Tiêu chí 1.2 «Đối thoại với doanh nghiệp» (Đạt/Không đạt, tối đa 3 điểm): «2» không phải Đạt hay Không đạt; ô này nhận «Đạt» (3 điểm) hoặc «Không đạt» (0 điểm), hoặc «Không áp dụng» (KAD)",
			"dòng %21, cột M (Số liệu tỷ lệ: tự đánh giá): Tiêu chí 2.1 «Hồ sơ giải quyết đúng hạn» (Tỷ lệ, tối đa 4 điểm): «51/50»: số đạt (51) lớn hơn tổng số (50); ô này nhận hai số đếm dạng «đạt/tổng số», ví dụ «45/50»",
			"dòng %21, cột N (Số liệu tỷ lệ: thẩm định): Tiêu chí 2.1 «Hồ sơ giải quyết đúng hạn» (Tỷ lệ, tối đa 4 điểm): «0/0»: tổng số (số sau dấu /) phải lớn hơn 0",
		}},
		{"framework kinds", frameworkImport, func() []byte {
			return edit(t, framework, func(f *excelize.File) {
				r11, r12, r21 = frameworkRow(f, "1.1"), frameworkRow(f, "1.2"), frameworkRow(f, "2.1")
				f.SetCellValue(xlsx.SheetFramework, "I"+r11, "100%=13")
				f.SetCellValue(xlsx.SheetFramework, "G"+r12, "Có/Không")
				f.SetCellValue(xlsx.SheetFramework, "I"+r21, "80%=5")
			})
		}, []string{
			"dòng %11, cột G (Kiểu nhập): Tiêu chí 1.1 (kiểu Điểm): chỉ tiêu chí kiểu Tỷ lệ mới có bậc điểm theo tỷ lệ",
			"dòng %12, cột G (Kiểu nhập): kiểu nhập «Có/Không» không có; để trống hoặc ghi: Điểm, Đạt/Không đạt, Tỷ lệ",
			"dòng %21, cột I (Bậc điểm theo tỷ lệ): Tiêu chí 2.1 (tối đa 4 điểm): bậc 80,00 % cho 5 điểm, phải từ 0 đến 4",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			before, _ := os.ReadFile(st.Path())
			_, err := c.imp(st, bytes.NewReader(c.file()))
			var ps xlsx.Problems
			if !asProblems(err, &ps) {
				t.Fatalf("import gave %v, want a list of problems", err)
			}
			msg := data.ErrorMessage(err)
			for _, w := range c.want {
				w = strings.NewReplacer("%11", r11, "%12", r12, "%21", r21).Replace(w)
				if !strings.Contains(msg, w) {
					t.Errorf("problems do not say %q:\n%s", w, msg)
				}
			}
			if len(ps) != len(c.want) {
				t.Errorf("%d problems, want %d:\n%s", len(ps), len(c.want), msg)
			}
			if after, _ := os.ReadFile(st.Path()); !bytes.Equal(before, after) {
				t.Error("the data file changed after a refused import")
			}
		})
	}
}
