package store

import (
	"github.com/pardesk/pardesk/data"
)

// Year locks are keyed by year.
const bucketLocks = "locks"

// YearLock returns the lock state of a year (unlocked when never locked).
func (tx *Tx) YearLock(year int) (data.YearLock, error) {
	l, _, err := get[data.YearLock](tx.bolt, bucketLocks, yearKey(year))
	l.Year = year
	return l, err
}

// LockYear locks a year once the appraisal council has approved its
// results: from then on its framework and scores cannot change. In the
// same transaction it keeps the year's ranking of every group as approved
// (RankingSnapshot), which the year's reports read from then on. A year
// locked before snapshots existed gets one when it is locked again.
func (tx *Tx) LockYear(year int) error {
	l, err := tx.YearLock(year)
	if err != nil {
		return err
	}
	f, err := tx.Framework(year)
	if err != nil {
		return err
	}
	if l.Locked {
		// A year locked by a ParDesk older than the snapshots has none:
		// locking it again keeps its ranking as it stands now.
		if _, ok, err := tx.RankingSnapshot(year); err != nil || ok {
			if err == nil {
				err = data.Errorf(data.ECONFLICT, "Năm %d đã khóa từ trước", year)
			}
			return err
		}
		if err := tx.takeSnapshot(f); err != nil {
			return err
		}
		return tx.record(data.AuditEntry{Kind: data.AuditLock, Year: year, Item: "Khóa năm " + yearKey(year),
			Old: "Đã khóa", New: "Đã khóa, lưu kết quả xếp hạng"})
	}
	if err := tx.takeSnapshot(f); err != nil {
		return err
	}
	return tx.setLock(year, true, tx.reason)
}

// UnlockYear reopens a locked year. A reason is required: it goes into the
// audit trail, since it changes figures the council approved. The ranking
// kept at the lock is discarded: the year is computed again until it is
// locked anew.
func (tx *Tx) UnlockYear(year int, reason string) error {
	reason = data.Clean(reason)
	if reason == "" {
		return data.Errorf(data.EINVALID, "Lý do mở khóa năm %d: chưa nhập", year)
	}
	l, err := tx.YearLock(year)
	if err != nil {
		return err
	}
	if !l.Locked {
		return data.Errorf(data.ECONFLICT, "Năm %d chưa khóa", year)
	}
	if err := tx.dropSnapshot(year); err != nil {
		return err
	}
	return tx.setLock(year, false, reason)
}

func (tx *Tx) setLock(year int, locked bool, reason string) error {
	l := data.YearLock{Year: year, Locked: locked, At: tx.now(), Officer: tx.officer, Reason: reason}
	if err := put(tx.bolt, bucketLocks, yearKey(year), l); err != nil {
		return err
	}
	state := map[bool]string{true: "Đã khóa", false: "Mở"}
	return tx.record(data.AuditEntry{Kind: data.AuditLock, Year: year, Item: "Khóa năm " + yearKey(year),
		Old: state[!locked], New: state[locked], Reason: reason})
}

// CheckUnlocked refuses a change to a locked year's framework or scores.
// Every write path (window, command line, import) goes through the Put
// methods that call it, so a locked year is read-only everywhere. Callers
// that do work before writing (an import backs up the file first) call it
// in a read transaction beforehand, to refuse early with the same message.
func (tx *Tx) CheckUnlocked(year int) error {
	l, err := tx.YearLock(year)
	if err != nil {
		return err
	}
	if l.Locked {
		return data.Errorf(data.ELOCKED, "Năm %d đã khóa sau khi Hội đồng thẩm định phê duyệt: không sửa được điểm và bộ chỉ số. Muốn sửa, hãy mở khóa năm và ghi rõ lý do.", year)
	}
	return nil
}
