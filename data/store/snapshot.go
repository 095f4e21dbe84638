package store

import (
	"github.com/pardesk/pardesk/data"
)

// A locked year's ranking as approved, keyed by year (data.RankingSnapshot).
// Taken by LockYear in the same transaction as the lock, discarded by
// UnlockYear: a locked year without one was locked by an older ParDesk and
// is computed as before.
const bucketSnapshots = "rankings"

// RankingSnapshot returns the ranking a locked year was approved with; ok
// is false when the year is not locked (or was locked before snapshots
// existed).
func (tx *Tx) RankingSnapshot(year int) (snap data.RankingSnapshot, ok bool, err error) {
	return get[data.RankingSnapshot](tx.bolt, bucketSnapshots, yearKey(year))
}

// takeSnapshot ranks every group of the year as it stands and stores the
// result as the year's approved ranking.
func (tx *Tx) takeSnapshot(f *data.Framework) error {
	groups, err := tx.Groups()
	if err != nil {
		return err
	}
	// Every group ranks the same two years: read their sheets once.
	sheets := yearSheets{}
	for _, y := range []int{f.Year, f.Year - 1} {
		if sheets[y], err = tx.Sheets(y); err != nil {
			return err
		}
	}
	snap := data.RankingSnapshot{Year: f.Year, At: tx.now(), Officer: tx.officer, Groups: []data.SnapshotGroup{}}
	for _, g := range groups {
		results, err := tx.computeRanking(f, g.ID, sheets)
		if err != nil {
			return err
		}
		if results == nil {
			results = []data.Result{}
		}
		snap.Groups = append(snap.Groups, data.SnapshotGroup{ID: g.ID, Name: g.Name, Results: results})
	}
	return put(tx.bolt, bucketSnapshots, yearKey(f.Year), snap)
}

// dropSnapshot discards a year's approved ranking (the year is unlocked).
func (tx *Tx) dropSnapshot(year int) error {
	b := tx.bolt.Bucket([]byte(bucketSnapshots))
	if b == nil {
		return nil
	}
	return b.Delete([]byte(yearKey(year)))
}

// YearUnits lists the units of a group that count for a year: for a year
// locked with a snapshot, the units that were in the group then, as they
// were (code, name, group); otherwise the group's units now. The lost
// points of a locked year list them, like its ranking.
func (tx *Tx) YearUnits(year int, groupID string) ([]data.Unit, error) {
	snap, ok, err := tx.RankingSnapshot(year)
	if err != nil {
		return nil, err
	}
	if !ok {
		return tx.GroupUnits(groupID)
	}
	g := snap.Group(groupID)
	if g == nil {
		if _, err := tx.Group(groupID); err != nil {
			return nil, err
		}
		return nil, nil
	}
	units := make([]data.Unit, len(g.Results))
	for i, r := range g.Results {
		units[i] = r.Unit
	}
	return units, nil
}

// YearResult finds a unit's result for a year in the group it was ranked
// in that year (for a locked year, the group of the snapshot, wherever the
// unit is now), with the group's whole ranking and the framework. found is
// false when the unit has no sheet that year.
func (tx *Tx) YearResult(year int, code string) (res data.Result, group data.Group, results []data.Result, f *data.Framework, found bool, err error) {
	snap, ok, err := tx.RankingSnapshot(year)
	if err != nil {
		return res, group, nil, nil, false, err
	}
	groupID := ""
	if ok {
		if _, g := snap.Find(code); g != nil {
			groupID, group = g.ID, data.Group{ID: g.ID, Name: g.Name}
		}
	}
	if groupID == "" {
		u, err := tx.Unit(code)
		if err != nil {
			return res, group, nil, nil, false, err
		}
		if group, err = tx.Group(u.GroupID); err != nil {
			return res, group, nil, nil, false, err
		}
		groupID = u.GroupID
	}
	results, f, err = tx.Ranking(year, groupID)
	if err != nil {
		return res, group, nil, nil, false, err
	}
	for _, r := range results {
		if r.Unit.Code == code {
			return r, group, results, f, true, nil
		}
	}
	return res, group, results, f, false, nil
}
