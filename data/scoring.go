package data

import "sort"

// AreaResult is a unit's result in one area of the framework.
type AreaResult struct {
	Code    string        `json:"code"`
	Title   string        `json:"title"`
	Kind    CriterionKind `json:"kind,omitempty"`
	Max     Points        `json:"max"`
	Points  Points        `json:"points"`
	Percent Percent       `json:"percent"`
	Rating  string        `json:"rating,omitempty"` // "" for bonus and penalty items, which are not rated
}

// Result is a unit's evaluation for a year: totals, index, rating and,
// once ranked, its rank in its group and the change against last year.
// A locked year keeps its results as approved (JSON, in the store's
// snapshot of the year), so every field has a JSON name.
type Result struct {
	Unit      Unit         `json:"unit"` // the unit as it was that year
	Areas     []AreaResult `json:"areas"`
	Total     Points       `json:"total"`
	Max       Points       `json:"max"`
	Index     Percent      `json:"index"`
	Rating    string       `json:"rating,omitempty"`
	Published bool         `json:"published,omitempty"` // Total is the published figure, not the sum of parts
	Rank      int          `json:"rank,omitempty"`      // 1-based rank in the group; 0 until ranked
	PrevRank  int          `json:"prevRank,omitempty"`  // last year's rank; 0 when the unit was not ranked then
	// Unscored: the unit has a sheet for the year but not one appraised
	// score on it. It is not ranked (Rank 0), has no rating, and lists
	// after the ranked units as "chưa chấm".
	Unscored bool `json:"unscored,omitempty"`
	// FormedFrom names the units this one was formed from, for a unit
	// formed by a merge or a split (Unit.Predecessors, as names).
	FormedFrom []string `json:"formedFrom,omitempty"`
}

// NotScored is what lists print for a unit whose sheet holds no appraised
// score: it is not ranked.
const NotScored = "chưa chấm"

// RatingLabel is the rating, or "chưa chấm" for a unit not appraised.
func (r *Result) RatingLabel() string {
	if r.Unscored {
		return NotScored
	}
	return r.Rating
}

// Evaluate scores one unit: unit total = appraised leaf points + survey
// components + bonus − penalty, held within [0, unit max]; index =
// total / unit max × 100 %, half-up to two places, the unit max being the
// framework's less the criteria not applicable to the unit (UnitMax); each
// scored area, against its own max for the unit, and the index rated by
// the framework's bands.
func Evaluate(f *Framework, u Unit, s *Sheet) Result {
	return evaluate(f, areasOfLeaves(f), u, s)
}

// areasOfLeaves gives each leaf's area, by position: the one lookup a
// score needs when a sheet is summed.
func areasOfLeaves(f *Framework) map[string]int {
	m := map[string]int{}
	for i := range f.Areas {
		walkLeaves(&f.Areas[i], func(l *Criterion) { m[l.Code] = i })
	}
	return m
}

func evaluate(f *Framework, areaOf map[string]int, u Unit, s *Sheet) Result {
	m := UnitMax(f, s)
	r := Result{Unit: u, Max: m.Total, Areas: make([]AreaResult, 0, len(f.Areas))}
	// The sheet's scores are summed as they lie, not looked up leaf by
	// leaf: a year of the whole country is 420 000 scores, and walking
	// each sheet's own map is the cheaper way through them. A score of a
	// code the framework does not have counts for nothing.
	points := make([]Points, len(f.Areas))
	if s != nil {
		for code, sc := range s.Scores {
			if sc.Appraised != nil {
				if i, ok := areaOf[code]; ok {
					points[i] += *sc.Appraised
				}
			}
		}
	}
	var total Points
	for i := range f.Areas {
		a := &f.Areas[i]
		ar := AreaResult{Code: a.Code, Title: a.Title, Kind: a.Kind, Max: m.Areas[i], Points: points[i]}
		switch a.Kind {
		case KindBonus:
			total += ar.Points
		case KindPenalty:
			total -= ar.Points
		default:
			total += ar.Points
			// An area whose every criterion is not applicable to the unit
			// has no percentage and is not rated.
			var ok bool
			if ar.Percent, ok = PercentOf(int64(ar.Points), int64(ar.Max)); ok {
				ar.Rating = f.Rating(ar.Percent)
			}
		}
		r.Areas = append(r.Areas, ar)
	}
	r.Total = min(max(total, 0), r.Max)
	if s != nil && s.Published != nil {
		r.Total, r.Published = *s.Published, true
	}
	r.Index, _ = PercentOf(int64(r.Total), int64(r.Max))
	r.Rating = f.Rating(r.Index)
	return r
}

// Rank orders results by index, highest first, and numbers them: equal
// indexes share a rank and the next rank skips (1, 2, 2, 4). Units with the
// same index keep the order they came in (the group's unit order). Units
// not appraised (Unscored) go last, unranked, and take no rank from the
// others.
func Rank(results []Result) {
	sort.SliceStable(results, func(i, j int) bool {
		if results[i].Unscored != results[j].Unscored {
			return !results[i].Unscored
		}
		return results[i].Index > results[j].Index
	})
	for i := range results {
		switch {
		case results[i].Unscored:
			results[i].Rank = 0
		case i > 0 && results[i].Index == results[i-1].Index:
			results[i].Rank = results[i-1].Rank
		default:
			results[i].Rank = i + 1
		}
	}
}

// RankGroup evaluates and ranks the units of a group that have a sheet for
// the framework's year. Units without a sheet were not evaluated that year
// and are left out. A unit whose sheet holds no appraised score (an empty
// or a notes-only sheet) is not ranked: it comes last, Unscored, with no
// rating, and the ranks of the others are as if it were not there.
func RankGroup(f *Framework, units []Unit, sheets map[string]*Sheet) []Result {
	results := make([]Result, 0, len(units))
	areaOf := areasOfLeaves(f)
	for _, u := range units {
		if s, ok := sheets[u.Code]; ok {
			r := evaluate(f, areaOf, u, s)
			if !s.HasAppraisal() {
				r.Unscored, r.Rating = true, ""
			}
			results = append(results, r)
		}
	}
	Rank(results)
	return results
}

// Ranked counts the ranked results (those appraised).
func Ranked(results []Result) int {
	n := 0
	for i := range results {
		if !results[i].Unscored {
			n++
		}
	}
	return n
}

// SetPrevious copies last year's ranks onto this year's results by unit
// code, for the rank change column.
func SetPrevious(cur, prev []Result) {
	ranks := make(map[string]int, len(prev))
	for _, p := range prev {
		ranks[p.Unit.Code] = p.Rank
	}
	for i := range cur {
		if !cur[i].Unscored {
			cur[i].PrevRank = ranks[cur[i].Unit.Code]
		}
	}
}

// RankChange is last year's rank minus this year's: positive means the unit
// moved up.
func (r *Result) RankChange() (delta int, known bool) {
	if r.PrevRank == 0 || r.Rank == 0 {
		return 0, false
	}
	return r.PrevRank - r.Rank, true
}

// RankChangeLabel says the change the way reports, exports and screens do:
// "tăng 4 bậc", "giảm 2 bậc", "giữ nguyên". A unit formed by a merge or a
// split that has no rank of its own last year (same code) prints where it
// comes from: "đơn vị mới (hợp nhất từ Xã A, Xã B)", "đơn vị mới (tách từ
// Xã A)"; its predecessors' ranks are not comparable. "" otherwise when
// the unit was not ranked last year, or is not ranked this year.
func (r *Result) RankChangeLabel() string {
	d, ok := r.RankChange()
	switch {
	case r.Unscored:
		return ""
	case !ok:
		return NewUnitLabel(r.Unit, r.FormedFrom)
	case d > 0:
		return "tăng " + itoa(d) + " bậc"
	case d < 0:
		return "giảm " + itoa(-d) + " bậc"
	}
	return "giữ nguyên"
}

func itoa(n int) string { return FormatCount(int64(n)) }

// UnitLoss is what one unit lost on one criterion.
type UnitLoss struct {
	Unit Unit
	Lost Points
	Note string
}

// LostPoint is one scored leaf criterion with the points the group lost on
// it: the seeds' offices look for "the cause of every lost point".
type LostPoint struct {
	Code     string
	Title    string
	AreaCode string
	Max      Points
	Lost     Points     // sum over units
	Units    []UnitLoss // units that lost points, most lost first
}

// LostPoints lists every scored leaf with the points lost on it (max −
// appraised; a leaf not yet appraised counts as all lost, one not
// applicable to the unit loses nothing) across the units
// that have a sheet with at least one appraised score, most lost first.
// Survey, bonus and penalty items are not criteria a unit can remedy and
// are left out.
func LostPoints(f *Framework, units []Unit, sheets map[string]*Sheet) []LostPoint {
	var out []LostPoint
	f.Leaves(func(area, leaf *Criterion) {
		if area.Kind != KindScored {
			return
		}
		lp := LostPoint{Code: leaf.Code, Title: leaf.Title, AreaCode: area.Code, Max: leaf.Max}
		for _, u := range units {
			s, ok := sheets[u.Code]
			if !ok || !s.HasAppraisal() {
				continue // not evaluated, or not appraised yet ("chưa chấm")
			}
			if s.Scores[leaf.Code].AppraisedNA {
				continue // not applicable to the unit: nothing to lose
			}
			if lost := leaf.Max - s.Appraised(leaf.Code); lost > 0 {
				lp.Lost += lost
				lp.Units = append(lp.Units, UnitLoss{Unit: u, Lost: lost, Note: s.Scores[leaf.Code].Note})
			}
		}
		sort.SliceStable(lp.Units, func(i, j int) bool { return lp.Units[i].Lost > lp.Units[j].Lost })
		out = append(out, lp)
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Lost > out[j].Lost })
	return out
}
