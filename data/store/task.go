package store

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/pardesk/pardesk/data"
)

// Tasks are keyed by ID as ten digits, so key order is creation order. The
// ID comes from the bucket's sequence and is never reused, so a link to a
// deleted task (from an inspection, a report) cannot point to another one.
const bucketTasks = "tasks"

func taskKey(id int64) string { return fmt.Sprintf("%010d", id) }

// PutTask validates and saves a task. A new task (ID 0) gets the next ID,
// which is set on t; an existing one is replaced. The unit in charge, the
// co-operating units and the linked criterion must exist. Validate
// normalises t in place, so the caller sees what was stored.
func (tx *Tx) PutTask(t *data.Task) error {
	if err := t.Validate(); err != nil {
		return err
	}
	for _, code := range append([]string{t.Unit}, t.CoUnits...) {
		if code == "" {
			continue
		}
		if _, ok, err := get[data.Unit](tx.bolt, bucketUnits, code); err != nil {
			return err
		} else if !ok {
			return data.Errorf(data.EINVALID, "Nhiệm vụ «%s»: không có đơn vị mã %s", t.Title, code)
		}
	}
	if t.Criterion != "" {
		f, err := tx.Framework(t.CriterionYear)
		if data.ErrorCode(err) == data.ENOTFOUND {
			return data.Errorf(data.EINVALID, "Tiêu chí liên quan %s: chưa có bộ chỉ số năm %d", t.Criterion, t.CriterionYear)
		} else if err != nil {
			return err
		}
		if f.Find(t.Criterion) == nil {
			return data.Errorf(data.EINVALID, "Tiêu chí liên quan: không có mã %s trong bộ chỉ số năm %d", t.Criterion, t.CriterionYear)
		}
	}
	if t.ID < 0 {
		return data.Errorf(data.EINVALID, "Mã nhiệm vụ %d không hợp lệ", t.ID)
	}
	if t.ID == 0 {
		b, err := tx.bolt.CreateBucketIfNotExists([]byte(bucketTasks))
		if err != nil {
			return fmt.Errorf("store: bucket %s: %w", bucketTasks, err)
		}
		seq, err := b.NextSequence()
		if err != nil {
			return fmt.Errorf("store: %s sequence: %w", bucketTasks, err)
		}
		t.ID = int64(seq)
	} else if _, ok, err := get[data.Task](tx.bolt, bucketTasks, taskKey(t.ID)); err != nil {
		return err
	} else if !ok {
		return data.Errorf(data.ENOTFOUND, "Không có nhiệm vụ số %d (có thể đã bị xóa)", t.ID)
	}
	return put(tx.bolt, bucketTasks, taskKey(t.ID), t)
}

// Task returns the task with the given ID.
func (tx *Tx) Task(id int64) (data.Task, error) {
	t, ok, err := get[data.Task](tx.bolt, bucketTasks, taskKey(id))
	if err == nil && !ok {
		err = data.Errorf(data.ENOTFOUND, "Không có nhiệm vụ số %d", id)
	}
	return t, err
}

// Tasks lists the tasks the filter selects, by due date, then by ID (the
// order they were created).
func (tx *Tx) Tasks(f data.TaskFilter) ([]data.Task, error) {
	var ts []data.Task
	err := each(tx.bolt, bucketTasks, "", func(_ string, t data.Task) error {
		if f.Match(&t) {
			ts = append(ts, t)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(ts, func(a, b data.Task) int {
		return cmp.Or(data.Day(a.Due).Compare(data.Day(b.Due)), cmp.Compare(a.ID, b.ID))
	})
	return ts, nil
}

// TaskYears lists the plan years that have tasks, oldest first.
func (tx *Tx) TaskYears() ([]int, error) {
	seen := map[int]bool{}
	err := each(tx.bolt, bucketTasks, "", func(_ string, t data.Task) error {
		seen[t.Year] = true
		return nil
	})
	years := make([]int, 0, len(seen))
	for y := range seen {
		years = append(years, y)
	}
	slices.Sort(years)
	return years, err
}

// DeleteTask removes a task. Deleting a task that does not exist is an
// error, so that a second click on a stale list is told so.
func (tx *Tx) DeleteTask(id int64) error {
	b := tx.bolt.Bucket([]byte(bucketTasks))
	if b == nil || b.Get([]byte(taskKey(id))) == nil {
		return data.Errorf(data.ENOTFOUND, "Không có nhiệm vụ số %s", strconv.FormatInt(id, 10))
	}
	return b.Delete([]byte(taskKey(id)))
}
