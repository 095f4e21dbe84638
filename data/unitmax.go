package data

// Maxima are a unit's maxima for a year: the framework's, less the maxima
// of the criteria not applicable to that unit.
type Maxima struct {
	// Total is the unit max: framework max − the maxima of the scored and
	// survey criteria marked "không áp dụng" for the unit. The index is
	// total / Total × 100 %.
	Total Points
	// Areas is each area's max for the unit, in the framework's order of
	// areas, against which the area's percentage is taken.
	Areas []Points
}

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
	m := Maxima{Areas: make([]Points, len(f.Areas))}
	// Most units answer everything: then the maxima are the framework's,
	// found without looking a criterion up in the sheet (ranking 3 500
	// units does this 3 500 times).
	some := false
	if s != nil {
		for _, sc := range s.Scores {
			if na(sc) {
				some = true
				break
			}
		}
	}
	for i := range f.Areas {
		a := &f.Areas[i]
		if !some {
			m.Areas[i] = a.LeafMax()
		} else {
			walkLeaves(a, func(l *Criterion) {
				if !l.MayNotApply || !na(s.Scores[l.Code]) {
					m.Areas[i] += l.Max
				}
			})
		}
		if a.Kind == KindScored || a.Kind == KindSurvey {
			m.Total += m.Areas[i]
		}
	}
	return m
}
