package store

import "github.com/pardesk/pardesk/data"

// Ranking evaluates and ranks the units of a group that have a sheet for
// the year, and sets each one's rank of the year before when that year has
// a framework. It returns the framework too, for the area columns.
func (tx *Tx) Ranking(year int, groupID string) ([]data.Result, *data.Framework, error) {
	f, err := tx.Framework(year)
	if err != nil {
		return nil, nil, err
	}
	if _, err := tx.Group(groupID); err != nil {
		return nil, nil, err
	}
	units, err := tx.GroupUnits(groupID)
	if err != nil {
		return nil, nil, err
	}
	results, err := tx.rank(f, units)
	if err != nil {
		return nil, nil, err
	}
	// Last year is ranked over the group's units as they are now, against
	// last year's own framework.
	prevF, err := tx.Framework(year - 1)
	switch {
	case data.ErrorCode(err) == data.ENOTFOUND:
		return results, f, nil
	case err != nil:
		return nil, nil, err
	}
	prev, err := tx.rank(prevF, units)
	if err != nil {
		return nil, nil, err
	}
	data.SetPrevious(results, prev)
	return results, f, nil
}

func (tx *Tx) rank(f *data.Framework, units []data.Unit) ([]data.Result, error) {
	sheets, err := tx.Sheets(f.Year)
	if err != nil {
		return nil, err
	}
	return data.RankGroup(f, units, sheets), nil
}
