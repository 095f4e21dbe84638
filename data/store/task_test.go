package store_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.Local) }

func TestTasksStoredFilteredAndDeleted(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2023}, map[string]string{"DN": "Phường Đức Nghĩa", "PT": "Phường Phú Thủy"})

	var first, second data.Task
	update(t, s, func(tx *store.Tx) error {
		first = data.Task{Title: "Giảm hồ sơ trễ hẹn", Year: 2024, PlanKind: data.PlanAnnual, Unit: "DN", Officer: "Trần Văn Bình",
			CoUnits: []string{"PT"}, Start: date(2024, 1, 2), Due: date(2024, 6, 30), Progress: 40}
		if err := tx.PutTask(&first); err != nil {
			return err
		}
		second = data.Task{Title: "Khắc phục tiêu chí 1.2", Year: 2024, PlanKind: data.PlanConference, Due: date(2024, 3, 31),
			Criterion: "1.2", CriterionYear: 2023, CoUnits: []string{"PT"}}
		return tx.PutTask(&second)
	})
	if first.ID != 1 || second.ID != 2 {
		t.Fatalf("IDs %d, %d; want 1, 2", first.ID, second.ID)
	}
	s.Close()

	s = open(t, path)
	view(t, s, func(tx *store.Tx) error {
		got, err := tx.Task(1)
		if err != nil {
			return err
		}
		if got.Officer != "Trần Văn Bình" || got.PlanName != "Kế hoạch CCHC năm 2024" || data.FormatDate(got.Due) != "30/06/2024" || got.Progress != 40 {
			t.Errorf("task 1 after reopening: %+v", got)
		}
		all, err := tx.Tasks(data.TaskFilter{Year: 2024})
		if err != nil {
			return err
		}
		if len(all) != 2 || all[0].ID != 2 || all[1].ID != 1 {
			t.Errorf("tasks of 2024 = %v, want 2 then 1 (by due date)", all)
		}
		overdue, _ := tx.Tasks(data.TaskFilter{Overdue: true, Today: date(2024, 4, 1)})
		if len(overdue) != 1 || overdue[0].ID != 2 {
			t.Errorf("overdue on 01/04/2024 = %v, want task 2", overdue)
		}
		byUnit, _ := tx.Tasks(data.TaskFilter{Unit: "DN"})
		if len(byUnit) != 1 || byUnit[0].ID != 1 {
			t.Errorf("tasks of DN = %v, want task 1", byUnit)
		}
		return nil
	})

	// Refused writes store nothing: the file is byte-for-byte as before.
	s.Close()
	before := fileBytes(t, path)
	s = open(t, path)
	refused := []struct {
		task data.Task
		says string
	}{
		{data.Task{Title: "X", Year: 2024, PlanKind: data.PlanAnnual, Due: date(2024, 6, 30), Unit: "ZZ"}, "không có đơn vị mã ZZ"},
		{data.Task{Title: "X", Year: 2024, PlanKind: data.PlanAnnual, Due: date(2024, 6, 30), CoUnits: []string{"QQ"}}, "không có đơn vị mã QQ"},
		{data.Task{Title: "X", Year: 2024, PlanKind: data.PlanAnnual, Due: date(2024, 6, 30), Criterion: "9.9", CriterionYear: 2023}, "không có mã 9.9 trong bộ chỉ số năm 2023"},
		{data.Task{Title: "X", Year: 2024, PlanKind: data.PlanAnnual, Due: date(2024, 6, 30), Criterion: "1.1"}, "chưa có bộ chỉ số năm 2024"},
		{data.Task{Title: "X", Year: 2024, PlanKind: data.PlanAnnual, Due: date(2024, 6, 30), Progress: 120}, "Tiến độ: phải từ 0 đến 100 %"},
		{data.Task{ID: 99, Title: "X", Year: 2024, PlanKind: data.PlanAnnual, Due: date(2024, 6, 30)}, "Không có nhiệm vụ số 99"},
	}
	for _, r := range refused {
		err := s.Update(func(tx *store.Tx) error { return tx.PutTask(&r.task) })
		var e *data.Error
		if !errors.As(err, &e) {
			t.Fatalf("PutTask(%+v) = %v, want a refusal", r.task, err)
		}
		wantError(t, err, e.Code, r.says)
	}
	wantError(t, s.Update(func(tx *store.Tx) error { return tx.DeleteTask(42) }), data.ENOTFOUND, "42")
	s.Close()
	sameFile(t, path, before)

	s = open(t, path)
	update(t, s, func(tx *store.Tx) error { return tx.DeleteTask(1) })
	update(t, s, func(tx *store.Tx) error {
		third := data.Task{Title: "Nhiệm vụ mới", Year: 2024, PlanKind: data.PlanAnnual, Due: date(2024, 12, 31)}
		if err := tx.PutTask(&third); err != nil {
			return err
		}
		if third.ID != 3 {
			t.Errorf("new task after a deletion got ID %d, want 3 (IDs are never reused)", third.ID)
		}
		return nil
	})
	view(t, s, func(tx *store.Tx) error {
		_, err := tx.Task(1)
		wantError(t, err, data.ENOTFOUND, "nhiệm vụ số 1")
		return nil
	})
}

// A province office with 170 units and ten tasks each: the task list reads
// and filters every task on each keystroke of the search box.
func BenchmarkTasksSearch(b *testing.B) {
	s, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.Update(func(tx *store.Tx) error {
		for i := range 1700 {
			t := data.Task{Title: fmt.Sprintf("Nhiệm vụ số %d: giảm hồ sơ trễ hẹn, tăng thanh toán trực tuyến", i), Year: 2024,
				PlanKind: data.PlanAnnual, Due: date(2024, time.Month(1+i%12), 1+i%28), Progress: i % 100,
				Description: "Tập trung khắc phục những tồn tại, hạn chế đã được chỉ ra trong năm 2023."}
			if err := tx.PutTask(&t); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	f := data.TaskFilter{Year: 2024, Query: "thanh toan truc tuyen", Overdue: true, Today: date(2024, 7, 1)}
	b.ResetTimer()
	for b.Loop() {
		if err := s.View(func(tx *store.Tx) error {
			ts, err := tx.Tasks(f)
			if len(ts) == 0 {
				b.Fatal("no task found")
			}
			return err
		}); err != nil {
			b.Fatal(err)
		}
	}
}
