package store

import (
	"strconv"
	"time"

	"github.com/pardesk/pardesk/data"
	"go.etcd.io/bbolt"
)

// The upgrades of the file's layout, one per schema version (open.go runs
// them in the transaction that records the new version).
func init() {
	migrations[1] = keepLockedRankings
}

// upgradeOfficer is who the audit trail names for what an upgrade wrote.
const upgradeOfficer = "ParDesk (nâng cấp tệp dữ liệu)"

// keepLockedRankings (schema 1 → 2): a year locked by a ParDesk that did
// not yet keep the approved ranking with the lock gets it now, computed
// from the file as it stands at the upgrade, before any later change of
// units can move it. The backup taken before every upgrade keeps the file
// as it was.
func keepLockedRankings(b *bbolt.Tx) error {
	tx := &Tx{bolt: b, officer: upgradeOfficer, now: time.Now}
	var years []int
	err := each[data.YearLock](b, bucketLocks, "", func(key string, l data.YearLock) error {
		if y, err := strconv.Atoi(key); err == nil && l.Locked {
			years = append(years, y)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, year := range years {
		if _, ok, err := tx.RankingSnapshot(year); err != nil || ok {
			if err != nil {
				return err
			}
			continue
		}
		f, err := tx.Framework(year)
		if err != nil {
			return err
		}
		if err := tx.takeSnapshot(f); err != nil {
			return err
		}
		if err := tx.record(data.AuditEntry{Kind: data.AuditLock, Year: year, Item: "Khóa năm " + yearKey(year),
			Old: "Đã khóa", New: "Đã khóa, lưu kết quả xếp hạng khi nâng cấp tệp dữ liệu"}); err != nil {
			return err
		}
	}
	return nil
}
