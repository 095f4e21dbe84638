package store_test

import (
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"golang.org/x/text/unicode/norm"
)

func TestOfficeRoundTrip(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	view(t, s, func(tx *store.Tx) error {
		o, err := tx.Office()
		if !reflect.DeepEqual(o, data.Office{}) {
			t.Errorf("office before the first save = %+v, want zero", o)
		}
		return err
	})
	update(t, s, func(tx *store.Tx) error {
		wantError(t, tx.PutOffice(data.Office{Place: "Nguyên Bình"}), data.EINVALID, "Tên cơ quan")
		return tx.PutOffice(data.Office{
			Superior: "UBND HUYỆN NGUYÊN BÌNH", Name: "  PHÒNG   NỘI VỤ ", Abbrev: "pnv", Place: "Nguyên Bình",
			SignerTitle: "TRƯỞNG PHÒNG", Signer: "Nông Văn A", Recipients: []string{"UBND huyện;", "Lưu: VT."},
		})
	})
	s.Close()

	s = open(t, path)
	view(t, s, func(tx *store.Tx) error {
		o, err := tx.Office()
		want := data.Office{
			Superior: "UBND HUYỆN NGUYÊN BÌNH", Name: "PHÒNG NỘI VỤ", Abbrev: "PNV", Place: "Nguyên Bình",
			SignerTitle: "TRƯỞNG PHÒNG", Signer: "Nông Văn A", Recipients: []string{"UBND huyện;", "Lưu: VT."},
		}
		if !reflect.DeepEqual(o, want) {
			t.Errorf("office after reopening = %+v, want %+v", o, want)
		}
		return err
	})
}

func TestGroupsAndUnitsInVietnameseOrder(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	update(t, s, func(tx *store.Tx) error {
		for _, g := range []data.Group{
			{ID: "xa", Name: "Các xã"},
			{ID: "coquan", Name: "Các cơ quan chuyên môn", Order: 1},
			{ID: "phuong", Name: "Các phường"},
			{ID: "dackhu", Name: "Đặc khu"},
		} {
			if err := tx.PutGroup(g); err != nil {
				return err
			}
		}
		for _, u := range []data.Unit{
			{Code: "GT", Name: "Gia Thụy", GroupID: "phuong"},
			{Code: "TT", Name: "Thị trấn Nguyên Bình", GroupID: "xa", Order: 1},
			// Typed with a keyboard that sends decomposed tone marks.
			{Code: "DN", Name: norm.NFD.String("Đức Nghĩa"), GroupID: "phuong"},
			{Code: "DG", Name: "Dương", GroupID: "xa"},
			{Code: "AK", Name: "An Khánh", GroupID: "phuong"},
			{Code: "EA", Name: "Ea Tu", GroupID: "xa"},
		} {
			if err := tx.PutUnit(u); err != nil {
				return err
			}
		}
		return nil
	})
	s.Close()

	s = open(t, path)
	view(t, s, func(tx *store.Tx) error {
		gs, err := tx.Groups()
		if err != nil {
			return err
		}
		var groups []string
		for _, g := range gs {
			groups = append(groups, g.Name)
		}
		// Đ after D and before E; Order 1 after all of Order 0.
		wantGroups := []string{"Các phường", "Các xã", "Đặc khu", "Các cơ quan chuyên môn"}
		if !slices.Equal(groups, wantGroups) {
			t.Errorf("groups %q, want %q", groups, wantGroups)
		}

		us, err := tx.Units()
		if err != nil {
			return err
		}
		var units []string
		for _, u := range us {
			units = append(units, u.Name)
		}
		wantUnits := []string{"An Khánh", "Dương", "Đức Nghĩa", "Ea Tu", "Gia Thụy", "Thị trấn Nguyên Bình"}
		if !slices.Equal(units, wantUnits) {
			t.Errorf("units %q, want %q", units, wantUnits)
		}
		// The order above is not byte order, which puts Đ after every
		// unaccented letter.
		bytewise := slices.Clone(wantUnits[:5])
		sort.Strings(bytewise)
		if slices.Equal(bytewise, wantUnits[:5]) {
			t.Fatal("test names sort the same in byte order; they prove nothing")
		}

		wards, err := tx.GroupUnits("phuong")
		if err != nil {
			return err
		}
		var names []string
		for _, u := range wards {
			names = append(names, u.Name)
		}
		if want := []string{"An Khánh", "Đức Nghĩa", "Gia Thụy"}; !slices.Equal(names, want) {
			t.Errorf("GroupUnits(phuong) = %q, want %q", names, want)
		}
		return nil
	})
}

func TestUnitRoundTripAndRules(t *testing.T) {
	s := open(t, dataPath(t))
	seed(t, s, nil, nil)
	update(t, s, func(tx *store.Tx) error {
		wantError(t, tx.PutUnit(data.Unit{Code: "DN", Name: "Đức Nghĩa", GroupID: "phuongg"}), data.EINVALID, "Đức Nghĩa", "phuongg")
		wantError(t, tx.PutUnit(data.Unit{Code: "DN", GroupID: "phuong"}), data.EINVALID, "Tên đơn vị")
		if err := tx.PutUnit(data.Unit{Code: "DN", Name: "Phường Đức Nghĩa", GroupID: "phuong"}); err != nil {
			return err
		}
		// Saving the same code again edits the unit.
		return tx.PutUnit(data.Unit{Code: "DN", Name: norm.NFD.String("Đức Nghĩa"), Kind: data.KindWard, GroupID: "phuong", Order: 2, Inactive: true})
	})
	view(t, s, func(tx *store.Tx) error {
		u, err := tx.Unit("DN")
		want := data.Unit{Code: "DN", Name: "Đức Nghĩa", Kind: data.KindWard, GroupID: "phuong", Order: 2, Inactive: true}
		if !reflect.DeepEqual(u, want) {
			t.Errorf("Unit(DN) = %+v, want %+v", u, want)
		}
		if us, _ := tx.Units(); len(us) != 1 {
			t.Errorf("%d units after saving one code twice, want 1", len(us))
		}
		_, missing := tx.Unit("GT")
		wantError(t, missing, data.ENOTFOUND, "GT")
		return err
	})
}

func TestFrameworkRoundTrip(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	saved := framework(2023)
	update(t, s, func(tx *store.Tx) error {
		for _, y := range []int{2024, 2022} {
			if err := tx.PutFramework(framework(y)); err != nil {
				return err
			}
		}
		return tx.PutFramework(saved)
	})
	if got := saved.Find("1").Max; got != data.P(50, 0) {
		t.Errorf("area 1 max after saving = %s, want the sum of its criteria, 50", got.Short())
	}
	s.Close()

	s = open(t, path)
	view(t, s, func(tx *store.Tx) error {
		years, err := tx.Years()
		if err != nil {
			return err
		}
		if want := []int{2022, 2023, 2024}; !slices.Equal(years, want) {
			t.Errorf("Years() = %v, want %v", years, want)
		}
		f, err := tx.Framework(2023)
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(f, saved) {
			t.Errorf("Framework(2023) = %+v, want %+v", f, saved)
		}
		_, err = tx.Framework(2025)
		wantError(t, err, data.ENOTFOUND)
		if err.Error() != "Chưa có bộ chỉ số năm 2025" {
			t.Errorf("message %q, want %q", err, "Chưa có bộ chỉ số năm 2025")
		}
		return nil
	})
	update(t, s, func(tx *store.Tx) error {
		bad := framework(2025)
		bad.Areas[1].Code = "1.1"
		wantError(t, tx.PutFramework(bad), data.EINVALID, "1.1", "trùng")
		return nil
	})
}

func TestSheetRoundTrip(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2022, 2023}, map[string]string{"DN": "Đức Nghĩa", "DN2": "Đức Nghĩa 2", "GT": "Gia Thụy"})
	view(t, s, func(tx *store.Tx) error {
		sh, err := tx.Sheet(2023, "DN")
		if err != nil || sh.Year != 2023 || sh.Unit != "DN" || sh.Scores == nil || len(sh.Scores) != 0 {
			t.Errorf("Sheet of a unit not scored yet = %+v, %v; want an empty sheet for it", sh, err)
		}
		return nil
	})
	update(t, s, func(tx *store.Tx) error {
		sh := data.NewSheet(2023, "DN")
		sh.Scores["1.1"] = data.Score{Self: pts("20"), Appraised: pts("18,5"), Note: "Ban hành  kế hoạch chậm", Evidence: "KH số 12/KH-UBND\nngày 09/01/2023"}
		sh.Published = pts("81,4")
		if err := tx.PutSheet(sh); err != nil {
			return err
		}
		if err := tx.SetScore(2023, "DN", "2", data.Score{Appraised: pts("4,9")}); err != nil {
			return err
		}
		if err := tx.SetScore(2023, "DN2", "2", data.Score{Self: pts("50")}); err != nil {
			return err
		}
		return tx.SetScore(2022, "GT", "1.2", data.Score{Appraised: pts("30")})
	})
	s.Close()

	s = open(t, path)
	view(t, s, func(tx *store.Tx) error {
		sh, err := tx.Sheet(2023, "DN")
		if err != nil {
			return err
		}
		want := &data.Sheet{Year: 2023, Unit: "DN", Published: pts("81,40"), Scores: map[string]data.Score{
			"1.1": {Self: pts("20"), Appraised: pts("18,50"), Note: "Ban hành kế hoạch chậm", Evidence: "KH số 12/KH-UBND\nngày 09/01/2023"},
			"2":   {Appraised: pts("4,90")},
		}}
		if !reflect.DeepEqual(sh, want) {
			t.Errorf("Sheet(2023, DN) = %+v, want %+v", sh, want)
		}
		sheets, err := tx.Sheets(2023)
		if err != nil {
			return err
		}
		if len(sheets) != 2 || sheets["DN"] == nil || sheets["DN2"] == nil || sheets["GT"] != nil {
			t.Errorf("Sheets(2023) = %v, want the sheets of DN and DN2 only", sheets)
		}
		if sheets, _ := tx.Sheets(2022); len(sheets) != 1 || sheets["GT"].Appraised("1.2") != data.P(30, 0) {
			t.Errorf("Sheets(2022) = %v, want GT's sheet with 30 points on 1.2", sheets)
		}
		return nil
	})
}

func TestSheetRules(t *testing.T) {
	s := open(t, dataPath(t))
	seed(t, s, []int{2023}, map[string]string{"DN": "Đức Nghĩa"})
	// Each refused save returns its error and stores nothing, even when the
	// caller ignores the error and commits.
	update(t, s, func(tx *store.Tx) error {
		sh := data.NewSheet(2023, "DN")
		sh.Scores["1.1"] = data.Score{Appraised: pts("20,01")}
		wantError(t, tx.PutSheet(sh), data.EINVALID, "1.1", "Ban hành kế hoạch CCHC", "0 – 20")

		wantError(t, tx.SetScore(2023, "DN", "1.2", data.Score{Self: pts("45")}), data.EINVALID, "1.2", "0 – 30")
		wantError(t, tx.SetScore(2023, "DN", "1", data.Score{Appraised: pts("1")}), data.EINVALID, "Mã tiêu chí 1 ", "2023")
		wantError(t, tx.SetScore(2023, "DN", "9.9", data.Score{Appraised: pts("1")}), data.EINVALID, "9.9", "2023")
		wantError(t, tx.SetScore(2023, "XX", "1.1", data.Score{Appraised: pts("1")}), data.EINVALID, "XX")
		wantError(t, tx.SetScore(2024, "DN", "1.1", data.Score{Appraised: pts("1")}), data.ENOTFOUND, "Chưa có bộ chỉ số năm 2024")
		return nil
	})
	view(t, s, func(tx *store.Tx) error {
		for _, y := range []int{2023, 2024} {
			if sheets, _ := tx.Sheets(y); len(sheets) != 0 {
				t.Errorf("Sheets(%d) = %v after refused saves, want none", y, sheets)
			}
		}
		return nil
	})
}

func TestFrameworkEditMustFitEnteredScores(t *testing.T) {
	s := open(t, dataPath(t))
	seed(t, s, []int{2023}, map[string]string{"DN": "Đức Nghĩa"})
	update(t, s, func(tx *store.Tx) error {
		return tx.SetScore(2023, "DN", "1.2", data.Score{Appraised: pts("25")})
	})
	withoutCriterion12 := func() *data.Framework {
		f := framework(2023)
		f.Areas[0].Children = f.Areas[0].Children[:1]
		return f
	}
	update(t, s, func(tx *store.Tx) error {
		lower := framework(2023)
		lower.Areas[0].Children[1].Max = data.P(20, 0)
		wantError(t, tx.PutFramework(lower), data.ECONFLICT, "2023", "Đức Nghĩa", "1.2", "0 – 20")
		wantError(t, tx.PutFramework(withoutCriterion12()), data.ECONFLICT, "Đức Nghĩa", "1.2")
		f, err := tx.Framework(2023)
		if err != nil {
			return err
		}
		if c := f.Find("1.2"); c == nil || c.Max != data.P(30, 0) {
			t.Errorf("criterion 1.2 after refused edits = %+v, want it unchanged (max 30)", c)
		}
		return nil
	})

	// Clearing the score lets the criterion go.
	update(t, s, func(tx *store.Tx) error {
		if err := tx.SetScore(2023, "DN", "1.2", data.Score{}); err != nil {
			return err
		}
		return tx.PutFramework(withoutCriterion12())
	})
	view(t, s, func(tx *store.Tx) error {
		sh, err := tx.Sheet(2023, "DN")
		if _, ok := sh.Scores["1.2"]; ok || err != nil {
			t.Errorf("sheet after clearing 1.2 = %+v, %v; want no entry for 1.2", sh, err)
		}
		return nil
	})
}
