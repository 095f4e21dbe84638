package store_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

func TestLockedYearRefusesScoresAndFramework(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2022, 2023}, map[string]string{"DN": "Phường Đức Nghĩa"})
	update(t, s, func(tx *store.Tx) error {
		return tx.SetScore(2022, "DN", "1.1", data.Score{Appraised: pts("15")})
	})
	update(t, s, func(tx *store.Tx) error { return tx.LockYear(2022) })

	attempts := map[string]func(tx *store.Tx) error{
		"SetScore":        func(tx *store.Tx) error { return tx.SetScore(2022, "DN", "1.1", data.Score{Appraised: pts("18")}) },
		"PutSheet":        func(tx *store.Tx) error { return tx.PutSheet(data.NewSheet(2022, "DN")) },
		"PutFramework":    func(tx *store.Tx) error { return tx.PutFramework(framework(2022)) },
		"DeleteCriterion": func(tx *store.Tx) error { return tx.DeleteCriterion(2022, "1.2", "thử") },
	}
	for name, fn := range attempts {
		err := s.Update(fn)
		if data.ErrorCode(err) != data.ELOCKED || !strings.Contains(err.Error(), "Năm 2022 đã khóa") {
			t.Errorf("%s on a locked year: %v", name, err)
		}
	}
	// The other year is still open.
	update(t, s, func(tx *store.Tx) error {
		return tx.SetScore(2023, "DN", "1.1", data.Score{Appraised: pts("16")})
	})
	view(t, s, func(tx *store.Tx) error {
		sh, err := tx.Sheet(2022, "DN")
		if got := sh.Appraised("1.1"); got != data.P(15, 0) {
			t.Errorf("locked score changed to %s", got)
		}
		return err
	})

	// Unlocking needs a reason, and then edits work again.
	err := s.Update(func(tx *store.Tx) error { return tx.UnlockYear(2022, "  ") })
	wantError(t, err, data.EINVALID, "Lý do mở khóa")
	update(t, s, func(tx *store.Tx) error {
		return tx.UnlockYear(2022, "Sửa sai sót theo Quyết định 15/QĐ-UBND")
	})
	update(t, s, func(tx *store.Tx) error {
		return tx.SetScore(2022, "DN", "1.1", data.Score{Appraised: pts("18")})
	})
}

// Every kind of change leaves an entry with the officer, the time, the old
// and new value and the reason.
func TestAuditTrailRecordsEveryKindOfChange(t *testing.T) {
	s := open(t, dataPath(t))
	at := time.Date(2023, 6, 9, 8, 30, 0, 0, time.UTC)
	store.SetAuditClock(s, func() time.Time { return at })
	s.SetOfficer("Nguyễn Thị Hoa")
	seed(t, s, []int{2022}, map[string]string{"DN": "Phường Đức Nghĩa", "PT": "Phường Phú Thủy"})

	update(t, s, func(tx *store.Tx) error {
		return tx.SetScore(2022, "DN", "1.1", data.Score{Self: pts("18"), Appraised: pts("15")})
	})
	update(t, s, func(tx *store.Tx) error {
		tx.SetReason("Giải trình của đơn vị được chấp nhận")
		return tx.SetScore(2022, "DN", "1.1", data.Score{Self: pts("18"), Appraised: pts("16,5"), Note: "Bổ sung kiểm chứng"})
	})
	update(t, s, func(tx *store.Tx) error {
		f, _ := tx.Framework(2022)
		f.Find("1.2").Max = data.P(35, 0)
		f.Find("2").Max = data.P(45, 0)
		return tx.PutFramework(f)
	})
	update(t, s, func(tx *store.Tx) error {
		u, _ := tx.Unit("PT")
		u.Name, u.Inactive = "Phường Phú Thủy (cũ)", true
		return tx.PutUnit(u)
	})
	update(t, s, func(tx *store.Tx) error { return tx.LockYear(2022) })
	update(t, s, func(tx *store.Tx) error { return tx.UnlockYear(2022, "Điều chỉnh theo kết luận thanh tra") })
	update(t, s, func(tx *store.Tx) error {
		return tx.DeleteCriterion(2022, "1.1", "Bỏ tiêu chí theo hướng dẫn mới")
	})

	var all []data.AuditEntry
	view(t, s, func(tx *store.Tx) (err error) {
		all, err = tx.Audit(data.AuditFilter{})
		return err
	})
	lines := map[string]bool{}
	for _, e := range all {
		if e.Officer != "Nguyễn Thị Hoa" || !e.At.Equal(at) {
			t.Errorf("entry %+v lacks the officer or time", e)
		}
		lines[fmt.Sprintf("%s|%s|%s|%s→%s|%s", e.Kind, e.Unit, e.Item, e.Old, e.New, e.Reason)] = true
	}
	for _, want := range []string{
		// One entry per criterion, naming the fields that changed.
		"score|DN|1.1 · Tự đánh giá, Thẩm định|→18 · 15|",
		"score|DN|1.1 · Thẩm định, Ghi chú|15 · –→16,5 · Bổ sung kiểm chứng|Giải trình của đơn vị được chấp nhận",
		"framework||Sửa tiêu chí 1.2|Thực hiện kế hoạch CCHC (tối đa 30)→Thực hiện kế hoạch CCHC (tối đa 35)|",
		"framework||Sửa tiêu chí 2|Cải cách thủ tục hành chính (tối đa 50)→Cải cách thủ tục hành chính (tối đa 45)|",
		"unit|PT|Tên đơn vị|Phường Phú Thủy→Phường Phú Thủy (cũ)|",
		"unit|PT|Trạng thái|Đang đánh giá→Ngừng đánh giá|",
		"unit|DN|Thêm đơn vị|→Phường Đức Nghĩa|",
		"lock||Khóa năm 2022|Mở→Đã khóa|",
		"lock||Khóa năm 2022|Đã khóa→Mở|Điều chỉnh theo kết luận thanh tra",
		"score|DN|1.1 · Tự đánh giá, Thẩm định, Ghi chú|18 · 16,5 · Bổ sung kiểm chứng→|Bỏ tiêu chí theo hướng dẫn mới",
		"framework||Xóa tiêu chí 1.1|Ban hành kế hoạch CCHC (tối đa 20)→|Bỏ tiêu chí theo hướng dẫn mới",
	} {
		if !lines[want] {
			t.Errorf("audit trail lacks %q", want)
		}
	}
	// A unit's history holds only its own entries, newest first.
	view(t, s, func(tx *store.Tx) error {
		h, err := tx.Audit(data.AuditFilter{Unit: "PT"})
		if len(h) != 3 || h[0].Seq < h[len(h)-1].Seq {
			t.Errorf("history of PT: %+v", h)
		}
		return err
	})
}

func TestUnitCodesUniqueAndScoredUnitsNotDeleted(t *testing.T) {
	s := open(t, dataPath(t))
	seed(t, s, []int{2022}, map[string]string{"DN": "Phường Đức Nghĩa", "PT": "Phường Phú Thủy"})
	err := s.Update(func(tx *store.Tx) error {
		return tx.AddUnit(data.Unit{Code: "dn", Name: "Phường Đức Long", GroupID: "phuong"})
	})
	wantError(t, err, data.ECONFLICT, "Mã đơn vị dn đã dùng cho Phường Đức Nghĩa")
	// PutUnit, which replaces a unit of the same code, does not take "dn"
	// for a new unit beside "DN" either; DN itself is replaced as before.
	err = s.Update(func(tx *store.Tx) error {
		return tx.PutUnit(data.Unit{Code: "dn", Name: "Phường Đức Long", GroupID: "phuong"})
	})
	wantError(t, err, data.ECONFLICT, "Mã đơn vị dn đã dùng cho Phường Đức Nghĩa (mã DN", "hãy dùng mã DN")
	update(t, s, func(tx *store.Tx) error {
		if got := tx.UnitCode("dN"); got != "DN" {
			t.Errorf("UnitCode(dN) = %q, want DN", got)
		}
		u, err := tx.Unit("DN")
		if err != nil {
			return err
		}
		u.Name = "Phường Đức Nghĩa mới"
		return tx.PutUnit(u)
	})

	update(t, s, func(tx *store.Tx) error {
		return tx.SetScore(2022, "DN", "2", data.Score{Appraised: pts("40")})
	})
	err = s.Update(func(tx *store.Tx) error { return tx.DeleteUnit("DN") })
	wantError(t, err, data.ECONFLICT, "Phường Đức Nghĩa", "Ngừng đánh giá")
	update(t, s, func(tx *store.Tx) error { return tx.DeleteUnit("PT") })
	view(t, s, func(tx *store.Tx) error {
		if _, err := tx.Unit("PT"); data.ErrorCode(err) != data.ENOTFOUND {
			t.Errorf("PT still there: %v", err)
		}
		_, err := tx.Unit("DN")
		return err
	})
}
