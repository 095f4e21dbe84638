package data

// Maxima are a unit's maxima for a year: the framework's, less the maxima
// of the criteria not applicable to that unit.
type Maxima struct {
	// Total is the unit max: framework max − the maxima of the scored and
	// survey criteria marked "không áp dụng" for the unit. The index is
	// total / Total × 100 %.
	Total Points
	// Areas is each area's max for the unit, by area code, against which
	// the area's percentage is taken.
	Areas map[string]Points
}

// Area is the unit's max of one area (the area's own max when nothing in
// it is marked not applicable).
func (m Maxima) Area(code string) Points { return m.Areas[code] }

// Reduced reports whether something is not applicable to the unit, so that
// screens and reports say its max beside the framework's.
func (m Maxima) Reduced(f *Framework) bool { return m.Total != f.Max() }

// UnitMax is the one rule for a unit's maxima: the grid, the scorecard, the
// ranking, the exports, the conference report and a locked year's snapshot
// all take the unit's max from here. It follows the appraised answers, the
// official ones; a nil sheet has the framework's maxima.
func UnitMax(f *Framework, s *Sheet) Maxima {
	return unitMax(f, s, func(sc Score) bool { return sc.AppraisedNA })
}

// SelfUnitMax is UnitMax by the unit's own answers, for the self-assessed
// figures.
func SelfUnitMax(f *Framework, s *Sheet) Maxima {
	return unitMax(f, s, func(sc Score) bool { return sc.SelfNA })
}

func unitMax(f *Framework, s *Sheet, na func(Score) bool) Maxima {
	m := Maxima{Areas: make(map[string]Points, len(f.Areas))}
	for i := range f.Areas {
		a := &f.Areas[i]
		var am Points
		walkLeaves(a, func(l *Criterion) {
			if s == nil || !l.MayNotApply || !na(s.Scores[l.Code]) {
				am += l.Max
			}
		})
		m.Areas[a.Code] = am
		if a.Kind == KindScored || a.Kind == KindSurvey {
			m.Total += am
		}
	}
	return m
}
