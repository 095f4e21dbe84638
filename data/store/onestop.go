package store

import (
	"slices"
	"strconv"
	"strings"

	"github.com/pardesk/pardesk/data"
)

// One-stop figures are keyed "2023/Q1/CODE" (year, period code, unit code),
// so that one period's figures are one range of keys and one year's too.
// Targets are keyed "2023/" for the office's and "2023/CODE" for a unit's.
const (
	bucketOneStop        = "onestop"
	bucketOneStopTargets = "onestop_targets"
)

func oneStopPrefix(p data.Period) string { return yearPrefix(p.Year) + p.Code() + "/" }

// OneStop returns a unit's figures for a period; ok is false when the unit
// has reported none.
func (tx *Tx) OneStop(p data.Period, unit string) (f data.OneStopFigures, ok bool, err error) {
	return get[data.OneStopFigures](tx.bolt, bucketOneStop, oneStopPrefix(p)+unit)
}

// OneStopPeriod returns the figures of every unit that reported for the
// period, by unit code.
func (tx *Tx) OneStopPeriod(p data.Period) (map[string]data.OneStopFigures, error) {
	out := map[string]data.OneStopFigures{}
	err := each(tx.bolt, bucketOneStop, oneStopPrefix(p), func(_ string, f data.OneStopFigures) error {
		out[f.Unit] = f
		return nil
	})
	return out, err
}

// OneStopPeriods lists the periods that have figures, in chronological
// order (Period.Before).
func (tx *Tx) OneStopPeriods() ([]data.Period, error) {
	seen := map[string]bool{}
	var out []data.Period
	for _, k := range keys(tx.bolt, bucketOneStop, "") {
		// A unit code may hold a slash: the period is the first two parts.
		parts := strings.SplitN(k, "/", 3)
		if len(parts) < 3 || seen[parts[0]+parts[1]] {
			continue
		}
		seen[parts[0]+parts[1]] = true
		y, err := strconv.Atoi(parts[0])
		var p data.Period
		if err == nil {
			p, err = data.ParsePeriodIn(y, strings.TrimPrefix(parts[1], "Y"))
		}
		if err != nil {
			return nil, data.Errorf(data.EINTERNAL, "Khóa số liệu một cửa %q không hợp lệ", k)
		}
		out = append(out, p)
	}
	slices.SortFunc(out, comparePeriods)
	return out, nil
}

func comparePeriods(a, b data.Period) int {
	switch {
	case a.Before(b):
		return -1
	case b.Before(a):
		return 1
	}
	return 0
}

// OneStopTrend returns a unit's figures for every period of the given kind
// it reported, oldest first: the unit's trend over quarters, or years.
func (tx *Tx) OneStopTrend(unit string, kind data.PeriodKind) ([]data.OneStopFigures, error) {
	var out []data.OneStopFigures
	err := each(tx.bolt, bucketOneStop, "", func(k string, f data.OneStopFigures) error {
		if f.Unit == unit && f.Period.Kind == kind {
			out = append(out, f)
		}
		return nil
	})
	slices.SortFunc(out, func(a, b data.OneStopFigures) int { return comparePeriods(a.Period, b.Period) })
	return out, err
}

// PutOneStop validates and saves a unit's figures for a period, replacing
// what the unit reported before for it. Figures that do not add up are
// refused and nothing is written. The unit must exist.
func (tx *Tx) PutOneStop(f data.OneStopFigures) error {
	if err := f.Validate(); err != nil {
		return err
	}
	if _, ok, err := get[data.Unit](tx.bolt, bucketUnits, f.Unit); err != nil {
		return err
	} else if !ok {
		return data.Errorf(data.EINVALID, "Số liệu một cửa %s: không có đơn vị mã %s", f.Period.Label(), f.Unit)
	}
	return put(tx.bolt, bucketOneStop, oneStopPrefix(f.Period)+f.Unit, f)
}

// DeleteOneStop removes a unit's figures for a period (entered for the
// wrong unit or period). Removing figures that do not exist is not an
// error.
func (tx *Tx) DeleteOneStop(p data.Period, unit string) error {
	b := tx.bolt.Bucket([]byte(bucketOneStop))
	if b == nil {
		return nil
	}
	return b.Delete([]byte(oneStopPrefix(p) + unit))
}

// OneStopTargets returns a year's targets: the office's (nil when it has
// none) and the units' own, by unit code.
func (tx *Tx) OneStopTargets(year int) (office *data.OneStopTargets, units map[string]data.OneStopTargets, err error) {
	units = map[string]data.OneStopTargets{}
	err = each(tx.bolt, bucketOneStopTargets, yearPrefix(year), func(_ string, t data.OneStopTargets) error {
		if t.Unit == "" {
			office = &t
		} else {
			units[t.Unit] = t
		}
		return nil
	})
	return office, units, err
}

// PutOneStopTargets validates and saves the office's targets for a year
// (Unit empty) or a unit's own. Targets with no rate set are removed.
func (tx *Tx) PutOneStopTargets(t data.OneStopTargets) error {
	if err := t.Validate(); err != nil {
		return err
	}
	if t.Unit != "" {
		if _, ok, err := get[data.Unit](tx.bolt, bucketUnits, t.Unit); err != nil {
			return err
		} else if !ok {
			return data.Errorf(data.EINVALID, "Chỉ tiêu một cửa năm %d: không có đơn vị mã %s", t.Year, t.Unit)
		}
	}
	key := yearPrefix(t.Year) + t.Unit
	if len(t.Targets) == 0 {
		if b := tx.bolt.Bucket([]byte(bucketOneStopTargets)); b != nil {
			return b.Delete([]byte(key))
		}
		return nil
	}
	return put(tx.bolt, bucketOneStopTargets, key, t)
}

// OneStopSummary gathers a period's summary for the units of a group (all
// active units when groupID is empty), with the year's targets.
func (tx *Tx) OneStopSummary(p data.Period, groupID string) (data.OneStopSummary, error) {
	var units []data.Unit
	var err error
	if groupID == "" {
		units, err = tx.Units()
	} else {
		units, err = tx.GroupUnits(groupID)
	}
	if err != nil {
		return data.OneStopSummary{}, err
	}
	figs, err := tx.OneStopPeriod(p)
	if err != nil {
		return data.OneStopSummary{}, err
	}
	// An inactive unit is listed only for a period it reported.
	units = slices.DeleteFunc(units, func(u data.Unit) bool {
		_, reported := figs[u.Code]
		return u.Inactive && !reported
	})
	office, own, err := tx.OneStopTargets(p.Year)
	if err != nil {
		return data.OneStopSummary{}, err
	}
	return data.SummariseOneStop(p, units, figs, office, own), nil
}
