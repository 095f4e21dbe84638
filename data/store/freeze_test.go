package store_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
)

// rankingText is what an officer reads of a ranking: rank, code, name,
// index, rating and the change column.
func rankingText(t *testing.T, s *store.Store, year int, group string) string {
	t.Helper()
	var b strings.Builder
	view(t, s, func(tx *store.Tx) error {
		results, _, err := tx.Ranking(year, group)
		for _, r := range results {
			fmt.Fprintf(&b, "%d %s %s %s %s %s|", r.Rank, r.Unit.Code, r.Unit.Name, r.Index, r.RatingLabel(), r.RankChangeLabel())
		}
		return err
	})
	return b.String()
}

func TestLockedYearIsFrozen(t *testing.T) {
	s := open(t, dataPath(t))
	s.SetOfficer("Nguyễn Thị Lan")
	seed(t, s, []int{2022, 2023, 2024}, map[string]string{"A": "Phường An", "B": "Phường Bình", "C": "Phường Chánh"})
	totals := map[int]map[string]string{
		2022: {"A": "70", "B": "90", "C": "80"},
		2023: {"A": "90", "B": "80", "C": "70"},
		2024: {"A": "60", "B": "80", "C": "70"},
	}
	update(t, s, func(tx *store.Tx) error {
		for year, units := range totals {
			for code, total := range units {
				if err := score(tx, year, code, *pts(total)); err != nil {
					return err
				}
			}
		}
		return tx.LockYear(2023)
	})
	const published = "1 A Phường An 90,00 Tốt tăng 2 bậc|2 B Phường Bình 80,00 Khá giảm 1 bậc|3 C Phường Chánh 70,00 Khá giảm 1 bậc|"
	if got := rankingText(t, s, 2023, "phuong"); got != published {
		t.Fatalf("2023 as locked:\n%s\nwant\n%s", got, published)
	}
	var before []data.Result
	view(t, s, func(tx *store.Tx) (err error) {
		before, _, err = tx.Ranking(2023, "phuong")
		return err
	})

	// The units change after the lock: A moves to the communes, B is
	// renamed, C stops being evaluated.
	update(t, s, func(tx *store.Tx) error {
		a, _ := tx.Unit("A")
		a.GroupID = "xa"
		if err := tx.PutUnit(a); err != nil {
			return err
		}
		if err := tx.RenameUnit("B", "Phường Bình Minh", time.Date(2025, 7, 1, 0, 0, 0, 0, time.Local)); err != nil {
			return err
		}
		c, _ := tx.Unit("C")
		c.Inactive = true
		return tx.PutUnit(c)
	})
	view(t, s, func(tx *store.Tx) error {
		after, _, err := tx.Ranking(2023, "phuong")
		if !reflect.DeepEqual(after, before) {
			t.Errorf("2023 changed with the units:\n%+v\nwant\n%+v", after, before)
		}
		// The communes had nobody in 2023, and A's unit list of 2023 is
		// still the wards'.
		if xa, _, _ := tx.Ranking(2023, "xa"); len(xa) != 0 {
			t.Errorf("2023 communes: %+v, want none (A moved after the lock)", xa)
		}
		us, _ := tx.YearUnits(2023, "phuong")
		if len(us) != 3 || us[0].Name != "Phường An" || us[0].GroupID != "phuong" {
			t.Errorf("YearUnits(2023) = %+v, want the three wards as they were", us)
		}
		return err
	})
	// 2024 is open: it is computed from today's groups; its rank change
	// comes from 2023 as published, by unit code in the same group.
	if got, want := rankingText(t, s, 2024, "phuong"), "1 B Phường Bình Minh 80,00 Khá tăng 1 bậc|2 C Phường Chánh 70,00 Khá tăng 1 bậc|"; got != want {
		t.Errorf("2024 wards:\n%s\nwant\n%s", got, want)
	}
	if got, want := rankingText(t, s, 2024, "xa"), "1 A Phường An 60,00 Trung bình |"; got != want {
		t.Errorf("2024 communes: %q, want %q (its 2023 rank was among the wards)", got, want)
	}

	// Unlocking discards the snapshot: 2023 is computed from today's units
	// (and its rank change from 2022, open, over today's wards).
	update(t, s, func(tx *store.Tx) error {
		return tx.UnlockYear(2023, "Hội đồng thẩm định chấm lại tiêu chí 2")
	})
	if got, want := rankingText(t, s, 2023, "phuong"), "1 B Phường Bình Minh 80,00 Khá giữ nguyên|2 C Phường Chánh 70,00 Khá giữ nguyên|"; got != want {
		t.Errorf("2023 unlocked:\n%s\nwant\n%s", got, want)
	}
	// Relocking takes a new snapshot, which shows the change.
	update(t, s, func(tx *store.Tx) error { return tx.LockYear(2023) })
	view(t, s, func(tx *store.Tx) error {
		snap, ok, err := tx.RankingSnapshot(2023)
		if !ok || err != nil {
			t.Fatalf("no snapshot after relocking: %v", err)
		}
		if g := snap.Group("phuong"); g == nil || len(g.Results) != 2 || g.Results[0].Unit.Name != "Phường Bình Minh" || snap.Officer != "Nguyễn Thị Lan" {
			t.Errorf("new snapshot %+v", snap)
		}
		entries, _ := tx.Audit(data.AuditFilter{Kind: data.AuditLock, Year: 2023})
		if len(entries) != 3 || entries[1].New != "Mở" || entries[1].Reason != "Hội đồng thẩm định chấm lại tiêu chí 2" || entries[1].Officer != "Nguyễn Thị Lan" {
			t.Errorf("lock audit %+v", entries)
		}
		reorg, _ := tx.Audit(data.AuditFilter{Kind: data.AuditReorg, Unit: "B"})
		if len(reorg) != 1 || reorg[0].Old != "Phường Bình (B)" || reorg[0].New != "Phường Bình Minh (B)" || !strings.Contains(reorg[0].Item, "01/07/2025") {
			t.Errorf("rename audit %+v", reorg)
		}
		return err
	})
}

// An empty sheet and a note-only sheet are "chưa chấm", not ranked, and do
// not move the others' ranks; a locked year keeps them so.
func TestUnscoredSheetsInRanking(t *testing.T) {
	s := open(t, dataPath(t))
	seed(t, s, []int{2023}, map[string]string{"A": "Phường An", "B": "Phường Bình", "C": "Phường Chánh", "D": "Phường Đông", "E": "Phường Mới", "F": "Phường Ghi Chú"})
	update(t, s, func(tx *store.Tx) error {
		for code, total := range map[string]string{"A": "90", "B": "80", "C": "80", "D": "70"} {
			if err := score(tx, 2023, code, *pts(total)); err != nil {
				return err
			}
		}
		if err := tx.PutSheet(data.NewSheet(2023, "E")); err != nil {
			return err
		}
		return tx.SetScore(2023, "F", "1.1", data.Score{Self: pts("15"), Note: "Chưa có tài liệu kiểm chứng"})
	})
	want := "1 A Phường An 90,00 Tốt |2 B Phường Bình 80,00 Khá |2 C Phường Chánh 80,00 Khá |4 D Phường Đông 70,00 Khá |0 F Phường Ghi Chú 0,00 chưa chấm |0 E Phường Mới 0,00 chưa chấm |"
	if got := rankingText(t, s, 2023, "phuong"); got != want {
		t.Errorf("ranking:\n%s\nwant\n%s", got, want)
	}
	update(t, s, func(tx *store.Tx) error { return tx.LockYear(2023) })
	if got := rankingText(t, s, 2023, "phuong"); got != want {
		t.Errorf("locked ranking:\n%s\nwant\n%s", got, want)
	}
}

// Two demo districts merge in 2024: the new unit's rank change says where
// it comes from, 2023 still lists the old districts, and their history
// names the new unit.
func TestMergeDemoDistricts(t *testing.T) {
	s := open(t, dataPath(t))
	s.SetOfficer("Nông Văn Thành")
	if err := demo.Write(s); err != nil {
		t.Fatal(err)
	}
	on := time.Date(2024, 1, 1, 0, 0, 0, 0, time.Local)
	update(t, s, func(tx *store.Tx) error {
		if err := tx.LockYear(2023); err != nil {
			return err
		}
		return demo.MergeDistricts(tx, "Nghị quyết của HĐND tỉnh về sắp xếp đơn vị hành chính")
	})
	// Saving the units from their own fields (the units form, an Excel
	// import) keeps their reorganisation.
	update(t, s, func(tx *store.Tx) error {
		if err := tx.PutUnit(data.Unit{Code: "HNB", Name: "Huyện Hòa An Nguyên Bình", Kind: data.KindDistrict, GroupID: demo.GroupID, Order: 11}); err != nil {
			return err
		}
		return tx.PutUnit(data.Unit{Code: "HAN", Name: "Huyện Hòa An", Kind: data.KindDistrict, GroupID: demo.GroupID, Order: 6, Inactive: true})
	})
	view(t, s, func(tx *store.Tx) error {
		r24, _, err := tx.Ranking(2024, demo.GroupID)
		if err != nil {
			return err
		}
		if len(r24) != 9 {
			t.Errorf("2024: %d units, want 9", len(r24))
		}
		for _, r := range r24 {
			switch r.Unit.Code {
			case "HNB":
				if got, want := r.RankChangeLabel(), "đơn vị mới (hợp nhất từ Huyện Hòa An, Huyện Nguyên Bình)"; got != want || r.Rank != 3 {
					t.Errorf("merged unit: rank %d %q, want 3 %q", r.Rank, got, want)
				}
			case "HAN", "NBI":
				t.Errorf("%s ranked in 2024 after the merge", r.Unit.Code)
			default:
				if r.PrevRank == 0 {
					t.Errorf("%s: no 2023 rank", r.Unit.Code)
				}
			}
		}
		r23, _, _ := tx.Ranking(2023, demo.GroupID)
		names := ""
		for _, r := range r23 {
			if r.Unit.Code == "HAN" || r.Unit.Code == "NBI" || r.Unit.Code == "HNB" {
				names += fmt.Sprintf("%d %s|", r.Rank, r.Unit.Name)
			}
		}
		if names != "3 Huyện Hòa An|5 Huyện Nguyên Bình|" {
			t.Errorf("2023 keeps the old districts: %q", names)
		}
		han, _ := tx.Unit("HAN")
		hnb, _ := tx.Unit("HNB")
		if !han.Inactive || !reflect.DeepEqual(han.Successors, []string{"HNB"}) || !han.Ended.Equal(on) ||
			!reflect.DeepEqual(hnb.Predecessors, []string{"HAN", "NBI"}) || hnb.GroupID != demo.GroupID {
			t.Errorf("units after the merge: %+v %+v", han, hnb)
		}
		entries, _ := tx.Audit(data.AuditFilter{Kind: data.AuditReorg, Unit: "HNB"})
		if len(entries) != 1 || !strings.Contains(entries[0].Old, "Huyện Nguyên Bình (NBI)") || entries[0].Reason == "" || entries[0].Officer != "Nông Văn Thành" {
			t.Errorf("merge audit %+v", entries)
		}
		return nil
	})
	// A unit that ended cannot be merged again; a split needs two parts.
	err := s.Update(func(tx *store.Tx) error {
		return tx.MergeUnits([]string{"HAN", "BLA"}, data.Unit{Code: "X", Name: "X"}, on)
	})
	wantError(t, err, data.ECONFLICT, "Huyện Hòa An", "ngừng đánh giá")
	err = s.Update(func(tx *store.Tx) error {
		return tx.SplitUnit("BLA", []data.Unit{{Code: "BLA1", Name: "Huyện Bảo Lạc 1"}}, on)
	})
	wantError(t, err, data.EINVALID, "hai đơn vị")
	update(t, s, func(tx *store.Tx) error {
		return tx.SplitUnit("BLA", []data.Unit{{Code: "BLA1", Name: "Huyện Bảo Lạc Bắc"}, {Code: "BLA2", Name: "Huyện Bảo Lạc Nam"}}, on)
	})
	view(t, s, func(tx *store.Tx) error {
		p, _ := tx.Unit("BLA2")
		r := data.Result{Unit: p, Rank: 1, FormedFrom: []string{"Huyện Bảo Lạc"}}
		if p.Formed != data.ReorgSplit || r.RankChangeLabel() != "đơn vị mới (tách từ Huyện Bảo Lạc)" {
			t.Errorf("split part %+v: %q", p, r.RankChangeLabel())
		}
		return nil
	})
}

// A year locked by an older ParDesk has no snapshot: it is computed as
// before, and locking it again keeps its ranking from then on.
func TestRelockOldLockedYearTakesSnapshot(t *testing.T) {
	s := open(t, dataPath(t))
	seed(t, s, []int{2023}, map[string]string{"A": "Phường An", "B": "Phường Bình"})
	update(t, s, func(tx *store.Tx) error {
		if err := score(tx, 2023, "A", *pts("90")); err != nil {
			return err
		}
		if err := score(tx, 2023, "B", *pts("80")); err != nil {
			return err
		}
		if err := tx.LockYear(2023); err != nil {
			return err
		}
		return tx.DropSnapshot(2023)
	})
	update(t, s, func(tx *store.Tx) error { return tx.LockYear(2023) })
	update(t, s, func(tx *store.Tx) error {
		a, _ := tx.Unit("A")
		a.Name = "Phường An Mới"
		return tx.PutUnit(a)
	})
	if got, want := rankingText(t, s, 2023, "phuong"), "1 A Phường An 90,00 Tốt |2 B Phường Bình 80,00 Khá |"; got != want {
		t.Errorf("relocked 2023: %q, want %q", got, want)
	}
	err := s.Update(func(tx *store.Tx) error { return tx.LockYear(2023) })
	wantError(t, err, data.ECONFLICT, "Năm 2023 đã khóa từ trước")
	view(t, s, func(tx *store.Tx) error {
		entries, err := tx.Audit(data.AuditFilter{Kind: data.AuditLock, Year: 2023})
		if len(entries) != 2 || entries[0].New != "Đã khóa, lưu kết quả xếp hạng" {
			t.Errorf("audit %+v", entries)
		}
		return err
	})
}
