package store

import "github.com/pardesk/pardesk/data"

// Ranking returns a group's ranking for a year, with the year's framework
// for the area columns. It is the one entry point of every report, export
// and screen that shows ranks.
//
// A locked year reads the ranking it was approved with (its snapshot): the
// units that were in the group then, with their names, figures, ranks and
// rank changes as published, whatever happened to the units since. An open
// year is computed: the group's units that have a sheet, ranked, each with
// its rank of the year before (see computeRanking).
func (tx *Tx) Ranking(year int, groupID string) ([]data.Result, *data.Framework, error) {
	f, err := tx.Framework(year)
	if err != nil {
		return nil, nil, err
	}
	snap, locked, err := tx.RankingSnapshot(year)
	if err != nil {
		return nil, nil, err
	}
	if locked {
		if g := snap.Group(groupID); g != nil {
			return g.Results, f, nil
		}
	}
	if _, err := tx.Group(groupID); err != nil {
		return nil, nil, err
	}
	if locked {
		return nil, f, nil // a group made after the year was locked: nobody in it then
	}
	results, err := tx.computeRanking(f, groupID, nil)
	return results, f, err
}

// yearSheets are sheets by year and unit code, read once for all the
// groups of a snapshot; nil reads each unit's sheet as needed.
type yearSheets map[int]map[string]*data.Sheet

// computeRanking ranks the group's units that have a sheet for the
// framework's year, names the predecessors of units formed by a
// reorganisation, and sets each unit's rank of the year before, by unit
// code in the same group: the published one when that year is locked,
// otherwise last year ranked over the group's units as they are now,
// against last year's own framework.
func (tx *Tx) computeRanking(f *data.Framework, groupID string, sheets yearSheets) ([]data.Result, error) {
	units, err := tx.GroupUnits(groupID)
	if err != nil {
		return nil, err
	}
	results, err := tx.rank(f, units, sheets)
	if err != nil {
		return nil, err
	}
	if err := tx.nameOrigins(results); err != nil {
		return nil, err
	}
	prev, err := tx.previousRanks(f.Year-1, groupID, units, sheets)
	if err != nil {
		return nil, err
	}
	for i := range results {
		if !results[i].Unscored {
			results[i].PrevRank = prev[results[i].Unit.Code]
		}
	}
	return results, nil
}

// previousRanks are the ranks of a year by unit code, in one group.
func (tx *Tx) previousRanks(year int, groupID string, units []data.Unit, sheets yearSheets) (map[string]int, error) {
	ranks := map[string]int{}
	snap, locked, err := tx.RankingSnapshot(year)
	if err != nil {
		return nil, err
	}
	if locked {
		if g := snap.Group(groupID); g != nil {
			for _, r := range g.Results {
				ranks[r.Unit.Code] = r.Rank
			}
		}
		return ranks, nil
	}
	f, err := tx.Framework(year)
	switch {
	case data.ErrorCode(err) == data.ENOTFOUND:
		return ranks, nil
	case err != nil:
		return nil, err
	}
	prev, err := tx.rank(f, units, sheets)
	if err != nil {
		return nil, err
	}
	for _, r := range prev {
		ranks[r.Unit.Code] = r.Rank
	}
	return ranks, nil
}

// nameOrigins names the predecessors of the units formed by a merge or a
// split, for the rank change column.
func (tx *Tx) nameOrigins(results []data.Result) error {
	for i := range results {
		preds := results[i].Unit.Predecessors
		if len(preds) == 0 {
			continue
		}
		names := make([]string, len(preds))
		for j, code := range preds {
			u, ok, err := get[data.Unit](tx.bolt, bucketUnits, code)
			if err != nil {
				return err
			}
			names[j] = code
			if ok {
				names[j] = u.Name
			}
		}
		results[i].FormedFrom = names
	}
	return nil
}

// rank ranks the units that have a sheet for the framework's year. Only
// their sheets are read (a province's year holds several groups' sheets).
func (tx *Tx) rank(f *data.Framework, units []data.Unit, cache yearSheets) ([]data.Result, error) {
	sheets := cache[f.Year]
	if sheets == nil {
		sheets = make(map[string]*data.Sheet, len(units))
		for _, u := range units {
			s, ok, err := get[data.Sheet](tx.bolt, bucketSheets, yearPrefix(f.Year)+u.Code)
			if err != nil {
				return nil, err
			}
			if ok {
				sheets[u.Code] = loaded(&s)
			}
		}
	}
	return data.RankGroup(f, units, sheets), nil
}
