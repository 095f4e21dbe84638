package store

import (
	"strconv"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"go.etcd.io/bbolt"
)

func init() {
	migrations[2] = closeLockedSheets
}

// closeLockedSheets (schema 2 → 3): before the appraisal loop, locking a
// year was how the office closed its results, so every sheet of a locked
// year becomes chốt, dated at the lock, each with its audit entry. Sheets of
// open years stay at chưa nộp: nothing says how far their units got.
func closeLockedSheets(b *bbolt.Tx) error {
	tx := &Tx{bolt: b, officer: upgradeOfficer, now: time.Now}
	var locks []data.YearLock
	err := each[data.YearLock](b, bucketLocks, "", func(key string, l data.YearLock) error {
		if y, err := strconv.Atoi(key); err == nil && l.Locked {
			l.Year = y
			locks = append(locks, l)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, l := range locks {
		prefix := yearPrefix(l.Year)
		for _, k := range keys(b, bucketSheets, prefix) {
			unit := strings.TrimPrefix(k, prefix)
			a, err := tx.Appraisal(l.Year, unit)
			if err != nil {
				return err
			}
			if a.Status == data.StatusFinal {
				continue
			}
			from := a.Status
			a.Status = data.StatusFinal
			if a.Dates == nil {
				a.Dates = map[data.SheetStatus]time.Time{}
			}
			a.Dates[data.StatusFinal] = l.At
			if err := tx.putAppraisal(a); err != nil {
				return err
			}
			if err := tx.record(data.AuditEntry{Kind: data.AuditAppraisal, Year: l.Year, Unit: unit, Item: "Trạng thái phiếu điểm",
				Old: from.Label(), New: data.StatusFinal.Label() + " (năm đã khóa, khi nâng cấp tệp dữ liệu)"}); err != nil {
				return err
			}
		}
	}
	return nil
}
