package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"go.etcd.io/bbolt"
)

// loopFile is a file with 2023's framework and ward A self-assessed: 1.1
// claimed 20, 1.2 claimed 30, 2 claimed 45.
func loopFile(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2023}, map[string]string{"A": "Phường An", "B": "Phường Bình"})
	update(t, s, func(tx *store.Tx) error {
		return tx.PutSheet(&data.Sheet{Year: 2023, Unit: "A", Scores: map[string]data.Score{
			"1.1": {Self: pts("20")}, "1.2": {Self: pts("30")}, "2": {Self: pts("45")},
		}})
	})
	return s, path
}

func status(t *testing.T, s *store.Store, unit string) data.SheetStatus {
	t.Helper()
	var st data.SheetStatus
	view(t, s, func(tx *store.Tx) (err error) { st, err = tx.Status(2023, unit); return err })
	return st
}

// A unit walks the whole loop: submitted, appraised below its claim on two
// criteria, explains both, one explanation is accepted (final points
// raised), one refused (appraisal stands), closed. Every step and decision
// is in the audit trail with who and when; the final points are the
// appraised ones, never the higher of the two.
func TestAppraisalLoop(t *testing.T) {
	s, _ := loopFile(t)
	s.SetOfficer("Nguyễn Thị Lan")
	at := time.Date(2024, 3, 4, 9, 30, 0, 0, time.Local)
	store.SetAuditClock(s, func() time.Time { return at })
	deadline := time.Date(2024, 3, 11, 0, 0, 0, 0, time.Local)

	update(t, s, func(tx *store.Tx) error { return tx.Step(2023, "A", data.StatusSubmitted, "") })
	// Submitted: the self-assessment is frozen, the office appraises.
	err := s.Update(func(tx *store.Tx) error {
		return tx.SetScore(2023, "A", "1.1", data.Score{Self: pts("18")})
	})
	wantError(t, err, data.ECONFLICT, "Tiêu chí 1.1", "đã nộp", "Chưa nộp", "lý do")
	update(t, s, func(tx *store.Tx) error {
		sh, err := tx.Sheet(2023, "A")
		if err != nil {
			return err
		}
		for code, p := range map[string]string{"1.1": "15", "1.2": "24", "2": "45"} {
			sc := sh.Scores[code]
			sc.Appraised = pts(p)
			sh.Scores[code] = sc
		}
		return tx.PutSheet(sh)
	})
	err = s.Update(func(tx *store.Tx) error { return tx.Step(2023, "A", data.StatusAppraised, "") })
	wantError(t, err, data.EINVALID, "Hạn giải trình")
	update(t, s, func(tx *store.Tx) error {
		if err := tx.SetDeadline(2023, "A", deadline); err != nil {
			return err
		}
		return tx.Step(2023, "A", data.StatusAppraised, "")
	})
	// Explanations only where appraised < self.
	err = s.Update(func(tx *store.Tx) error {
		return tx.SetExplanation(2023, "A", "2", data.Explanation{Text: "Đúng như tự chấm"})
	})
	wantError(t, err, data.EINVALID, "tiêu chí 2")
	update(t, s, func(tx *store.Tx) error {
		if err := tx.SetExplanation(2023, "A", "1.1", data.Explanation{Text: "Kế hoạch ban hành ngày 05/01/2023", Evidence: "Kế hoạch 01/KH-UBND"}); err != nil {
			return err
		}
		return tx.SetExplanation(2023, "A", "1.2", data.Explanation{Text: "Đã thực hiện 100 % nhiệm vụ"})
	})
	update(t, s, func(tx *store.Tx) error { return tx.Step(2023, "A", data.StatusExplaining, "") })
	update(t, s, func(tx *store.Tx) error {
		return tx.Decide(2023, "A", "1.1", data.DecisionAccepted, "Tài liệu kiểm chứng hợp lệ", data.P(19, 0))
	})
	err = s.Update(func(tx *store.Tx) error { return tx.Step(2023, "A", data.StatusReappraised, "") })
	wantError(t, err, data.EINVALID, "1.2 chưa có quyết định")
	err = s.Update(func(tx *store.Tx) error { return tx.Decide(2023, "A", "1.2", data.DecisionRefused, "", data.P(24, 0)) })
	wantError(t, err, data.EINVALID, "Lý do không chấp nhận")
	update(t, s, func(tx *store.Tx) error {
		if err := tx.Decide(2023, "A", "1.2", data.DecisionRefused, "Không có báo cáo kết quả", data.P(24, 0)); err != nil {
			return err
		}
		if err := tx.Step(2023, "A", data.StatusReappraised, ""); err != nil {
			return err
		}
		return tx.Step(2023, "A", data.StatusFinal, "")
	})

	view(t, s, func(tx *store.Tx) error {
		sh, err := tx.Sheet(2023, "A")
		if err != nil {
			return err
		}
		for code, want := range map[string]string{"1.1": "19", "1.2": "24", "2": "45"} {
			if got := pointsOf(sh.Scores[code].Appraised); got != want {
				t.Errorf("final points of %s: %s, want %s", code, got, want)
			}
		}
		a, err := tx.Appraisal(2023, "A")
		if err != nil {
			return err
		}
		if a.Status != data.StatusFinal || !a.Deadline.Equal(deadline) || len(a.Dates) != 5 {
			t.Errorf("appraisal %+v", a)
		}
		if e := a.Explanations["1.1"]; e.Appraised != data.P(15, 0) || e.Decision != data.DecisionAccepted || e.Evidence != "Kế hoạch 01/KH-UBND" {
			t.Errorf("explanation of 1.1 %+v, want the first appraisal 15 kept and the acceptance", e)
		}
		entries, err := tx.Audit(data.AuditFilter{Kind: data.AuditAppraisal, Unit: "A"})
		var steps []string
		for _, e := range entries {
			if e.Officer != "Nguyễn Thị Lan" || !e.At.Equal(at) {
				t.Errorf("audit entry %+v: want the officer and the time", e)
			}
			if e.Item == "Trạng thái phiếu điểm" {
				steps = append([]string{e.Old + " → " + e.New}, steps...)
			}
		}
		want := "Chưa nộp → Đã nộp|Đã nộp → Đã thẩm định|Đã thẩm định → Giải trình|Giải trình → Thẩm định lại|Thẩm định lại → Chốt"
		if strings.Join(steps, "|") != want {
			t.Errorf("audited steps %q", strings.Join(steps, "|"))
		}
		return err
	})

	// Chốt: the appraisal cannot change until the step is undone, and the
	// undo needs a reason, which the audit trail keeps.
	err = s.Update(func(tx *store.Tx) error {
		return tx.SetScore(2023, "A", "2", data.Score{Self: pts("45"), Appraised: pts("40")})
	})
	wantError(t, err, data.ECONFLICT, "Tiêu chí 2", "đã chốt", "Thẩm định lại")
	err = s.Update(func(tx *store.Tx) error { return tx.Step(2023, "A", data.StatusReappraised, " ") })
	wantError(t, err, data.EINVALID, "Lý do trả lại bước «Chốt»")
	update(t, s, func(tx *store.Tx) error {
		if err := tx.Step(2023, "A", data.StatusReappraised, "Sửa điểm tiêu chí 2 theo kết luận thanh tra"); err != nil {
			return err
		}
		return tx.SetScore(2023, "A", "2", data.Score{Self: pts("45"), Appraised: pts("40")})
	})
	view(t, s, func(tx *store.Tx) error {
		entries, err := tx.Audit(data.AuditFilter{Kind: data.AuditAppraisal, Unit: "A"})
		if e := entries[0]; e.Old != "Chốt" || e.New != "Thẩm định lại" || e.Reason != "Sửa điểm tiêu chí 2 theo kết luận thanh tra" {
			t.Errorf("undo audited as %+v", e)
		}
		a, _ := tx.Appraisal(2023, "A")
		if _, ok := a.Dates[data.StatusFinal]; ok || a.Status != data.StatusReappraised {
			t.Errorf("after the undo %+v, want no date of chốt", a)
		}
		return err
	})
}

func pointsOf(p *data.Points) string {
	if p == nil {
		return ""
	}
	return p.Short()
}

// Refused steps leave the file as it was: skipping a step, submitting an
// incomplete self-assessment, any step in a locked year.
func TestRefusedStepsChangeNothing(t *testing.T) {
	s, path := loopFile(t)
	update(t, s, func(tx *store.Tx) error { return tx.SetScore(2023, "B", "1.1", data.Score{Self: pts("10")}) })
	s.Close()
	before := fileBytes(t, path)
	s = open(t, path)
	err := s.Update(func(tx *store.Tx) error { return tx.Step(2023, "B", data.StatusSubmitted, "") })
	wantError(t, err, data.EINVALID, "đơn vị B", "chưa tự đánh giá tiêu chí 1.2, 2")
	err = s.Update(func(tx *store.Tx) error { return tx.Step(2023, "A", data.StatusAppraised, "") })
	wantError(t, err, data.ECONFLICT, "«Chưa nộp»", "«Đã thẩm định»")
	err = s.Update(func(tx *store.Tx) error { return tx.Step(2023, "A", data.StatusDraft, "lý do") })
	wantError(t, err, data.ECONFLICT)
	s.Close()
	sameFile(t, path, before)

	s = open(t, path)
	update(t, s, func(tx *store.Tx) error { return tx.LockYear(2023) })
	err = s.Update(func(tx *store.Tx) error { return tx.Step(2023, "A", data.StatusSubmitted, "") })
	wantError(t, err, data.ELOCKED, "Năm 2023 đã khóa")
}

// Locking asks first about the units not chốt: NotFinal names them.
func TestNotFinal(t *testing.T) {
	s, _ := loopFile(t)
	update(t, s, func(tx *store.Tx) error { return tx.SetScore(2023, "B", "1.1", data.Score{Self: pts("10")}) })
	var names []string
	view(t, s, func(tx *store.Tx) error {
		us, err := tx.NotFinal(2023)
		for _, u := range us {
			names = append(names, u.Name)
		}
		return err
	})
	if strings.Join(names, ", ") != "Phường An, Phường Bình" {
		t.Errorf("not chốt: %v", names)
	}
}

// A file of schema 2 with 2022 locked and 2023 open upgrades with every
// sheet of 2022 chốt, dated at the lock and audited, and 2023's sheets
// still at chưa nộp.
func TestUpgradeClosesLockedYearsSheets(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2022, 2023}, map[string]string{"A": "Phường An", "B": "Phường Bình"})
	lockedAt := time.Date(2023, 2, 10, 15, 0, 0, 0, time.Local)
	store.SetAuditClock(s, func() time.Time { return lockedAt })
	update(t, s, func(tx *store.Tx) error {
		for _, y := range []int{2022, 2023} {
			for _, u := range []string{"A", "B"} {
				if err := tx.SetScore(y, u, "1.1", data.Score{Self: pts("18"), Appraised: pts("15")}); err != nil {
					return err
				}
			}
		}
		return tx.LockYear(2022)
	})
	s.Close()

	// As the previous ParDesk left it: schema 2, no appraisals.
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		if tx.Bucket([]byte("appraisals")) != nil {
			t.Error("a file with no step taken has appraisals")
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("2"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	s = open(t, path)
	view(t, s, func(tx *store.Tx) error {
		for _, u := range []string{"A", "B"} {
			a, err := tx.Appraisal(2022, u)
			if err != nil {
				return err
			}
			if a.Status != data.StatusFinal || !a.Dates[data.StatusFinal].Equal(lockedAt) {
				t.Errorf("2022 %s after the upgrade: %+v, want chốt at the lock", u, a)
			}
			if st, _ := tx.Status(2023, u); st != data.StatusDraft {
				t.Errorf("2023 %s after the upgrade: %s, want chưa nộp", u, st.Label())
			}
		}
		entries, err := tx.Audit(data.AuditFilter{Kind: data.AuditAppraisal, Year: 2022})
		if len(entries) != 2 || !strings.Contains(entries[0].New, "Chốt") || !strings.Contains(entries[0].Officer, "nâng cấp") {
			t.Errorf("audit of the upgrade %+v", entries)
		}
		return err
	})
	s.Close()
	if got := schemaOf(t, path); got != store.SchemaVersion {
		t.Errorf("schema %d after the upgrade", got)
	}
}

// Taking a criterion out of the framework takes its scores from every
// sheet, a submitted one included: the framework's change has its own
// reason. Clearing a submitted self score by hand stays refused.
func TestDeleteCriterionOfSubmittedSheet(t *testing.T) {
	s, _ := loopFile(t)
	update(t, s, func(tx *store.Tx) error { return tx.Step(2023, "A", data.StatusSubmitted, "") })
	err := s.Update(func(tx *store.Tx) error { return tx.SetScore(2023, "A", "1.2", data.Score{}) })
	wantError(t, err, data.ECONFLICT, "Tiêu chí 1.2")
	update(t, s, func(tx *store.Tx) error {
		return tx.DeleteCriterion(2023, "1.2", "Bộ chỉ số mới bỏ tiêu chí 1.2")
	})
	view(t, s, func(tx *store.Tx) error {
		sh, err := tx.Sheet(2023, "A")
		if _, ok := sh.Scores["1.2"]; ok {
			t.Error("1.2 kept its score after leaving the framework")
		}
		return err
	})
}

// Stepped back to giải trình after a decision, a changed explanation keeps
// the appraisal it first answered and waits for a new decision.
func TestChangedExplanationIsDecidedAnew(t *testing.T) {
	s, _ := loopFile(t)
	update(t, s, func(tx *store.Tx) error {
		if err := tx.Step(2023, "A", data.StatusSubmitted, ""); err != nil {
			return err
		}
		if err := tx.SetScore(2023, "A", "1.1", data.Score{Self: pts("20"), Appraised: pts("15")}); err != nil {
			return err
		}
		if err := tx.SetScore(2023, "A", "1.2", data.Score{Self: pts("30"), Appraised: pts("30")}); err != nil {
			return err
		}
		if err := tx.SetScore(2023, "A", "2", data.Score{Self: pts("45"), Appraised: pts("45")}); err != nil {
			return err
		}
		if err := tx.SetDeadline(2023, "A", time.Date(2024, 3, 11, 0, 0, 0, 0, time.Local)); err != nil {
			return err
		}
		if err := tx.Step(2023, "A", data.StatusAppraised, ""); err != nil {
			return err
		}
		if err := tx.SetExplanation(2023, "A", "1.1", data.Explanation{Text: "Đã ban hành"}); err != nil {
			return err
		}
		if err := tx.Step(2023, "A", data.StatusExplaining, ""); err != nil {
			return err
		}
		if err := tx.Decide(2023, "A", "1.1", data.DecisionAccepted, "", data.P(18, 0)); err != nil {
			return err
		}
		return tx.SetExplanation(2023, "A", "1.1", data.Explanation{Text: "Đã ban hành, kèm quyết định"})
	})
	view(t, s, func(tx *store.Tx) error {
		a, err := tx.Appraisal(2023, "A")
		if e := a.Explanations["1.1"]; e.Appraised != data.P(15, 0) || e.Decision != data.DecisionNone {
			t.Errorf("changed explanation %+v, want the first appraisal 15 and no decision", e)
		}
		return err
	})
}
