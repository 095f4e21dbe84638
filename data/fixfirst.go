package data

import (
	"fmt"
	"strings"
)

// FixCriterion is one criterion a unit lost points on, as the fix-first
// plan weighs it.
type FixCriterion struct {
	Code  string
	Title string
	Max   Points
	Lost  Points
	Note  string // the appraisal council's note on the unit's score
}

// FixPlan says what a unit should fix first: its lost criteria in the order
// that gains most rank per point recovered, each step cumulative.
type FixPlan struct {
	Unit  Unit
	Total Points
	Index Percent
	Rank  int
	Of    int // units ranked in the group
	Steps []FixOutcome
}

// FixOutcome is where the unit stands once the criteria of this step and of
// every step before it are recovered in full.
type FixOutcome struct {
	Criterion FixCriterion
	Codes     []string // the criteria recovered so far, in plan order
	Recovered Points   // their lost points, added up
	Index     Percent
	Rating    string
	Rank      int
}

// FixFirst orders the criteria a unit lost points on by rank gained per
// point recovered, computed against the group's actual results: the other
// units keep their published index, the unit gets back the lost points in
// full. It picks greedily: at each step, among the criteria left, the one
// whose recovery (on top of the earlier steps) gains most ranks per point;
// equal ratios (none gaining a rank, for one) go to the criterion worth
// more points, then to the framework's order. results is the group's
// ranking (data.Rank applied, so Rank and Index are set); sheet is the
// unit's sheet. ok is false when the unit is not in results.
func FixFirst(f *Framework, results []Result, unit string, sheet *Sheet) (plan FixPlan, ok bool) {
	var others []Percent
	var fmax Points // the unit's max: criteria not applicable to it are out
	for i := range results {
		r := &results[i]
		if r.Unit.Code == unit {
			plan.Unit, plan.Total, plan.Index, plan.Rank, fmax, ok = r.Unit, r.Total, r.Index, r.Rank, r.Max, true
			continue
		}
		others = append(others, r.Index)
	}
	if !ok {
		return plan, false
	}
	plan.Of = len(results)
	rankAt := func(total Points) (Percent, int) {
		idx, _ := PercentOf(int64(min(total, fmax)), int64(fmax))
		rank := 1
		for _, o := range others {
			if o > idx {
				rank++
			}
		}
		return idx, rank
	}

	left := lostCriteria(f, sheet)

	var codes []string
	recovered := Points(0)
	_, rank := rankAt(plan.Total)
	for len(left) > 0 {
		best, bestGain := -1, 0
		for i, c := range left {
			_, r := rankAt(plan.Total + recovered + c.Lost)
			gain := rank - r
			if best < 0 {
				best, bestGain = i, gain
				continue
			}
			b := left[best]
			// gain/lost > bestGain/b.Lost, without division.
			lhs, rhs := int64(gain)*int64(b.Lost), int64(bestGain)*int64(c.Lost)
			if lhs > rhs || (lhs == rhs && c.Lost > b.Lost) {
				best, bestGain = i, gain
			}
		}
		c := left[best]
		left = append(left[:best:best], left[best+1:]...)
		recovered += c.Lost
		codes = append(codes, c.Code)
		idx, r := rankAt(plan.Total + recovered)
		rank = r
		plan.Steps = append(plan.Steps, FixOutcome{
			Criterion: c, Codes: append([]string(nil), codes...), Recovered: recovered,
			Index: idx, Rating: f.Rating(idx), Rank: r,
		})
	}
	return plan, true
}

// Sentences words the plan the way a report reads it: one sentence for each
// step that moves the unit up, at most limit of them (0: all), each naming
// the criteria recovered so far:
// "Nếu khắc phục tiêu chí 3.2 và 7.3 (3,50 điểm), Chỉ số đạt 84,90 %, xếp
// thứ 5/10." When no step moves the unit up, the one sentence says what
// recovering the largest loss would give.
func (p FixPlan) Sentences(limit int) []string {
	var out []string
	rank := p.Rank
	for _, s := range p.Steps {
		if s.Rank >= rank {
			continue
		}
		rank = s.Rank
		out = append(out, p.sentence(s))
		if limit > 0 && len(out) == limit {
			break
		}
	}
	if len(out) == 0 && len(p.Steps) > 0 {
		out = append(out, p.sentence(p.Steps[0])+" (giữ nguyên thứ hạng)")
	}
	for i := range out {
		out[i] += "."
	}
	return out
}

func (p FixPlan) sentence(s FixOutcome) string {
	return fmt.Sprintf("Nếu khắc phục tiêu chí %s (%s\u00a0điểm), Chỉ số đạt %s\u00a0%%, xếp thứ\u00a0%d/%d",
		JoinAnd(s.Codes), s.Recovered, s.Index, s.Rank, p.Of)
}

// JoinAnd joins words the Vietnamese way: "a", "a và b", "a, b và c".
func JoinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " và " + items[len(items)-1]
}

// lostCriteria lists the scored criteria where a unit's appraised points
// fall short of the max, in framework order, with the appraisal note.
func lostCriteria(f *Framework, s *Sheet) []FixCriterion {
	var out []FixCriterion
	f.Leaves(func(area, leaf *Criterion) {
		if area.Kind != KindScored {
			return
		}
		if s != nil && s.Scores[leaf.Code].AppraisedNA {
			return // not applicable to the unit: nothing to recover
		}
		if lost := leaf.Max - s.Appraised(leaf.Code); lost > 0 {
			note := ""
			if s != nil {
				note = s.Scores[leaf.Code].Note
			}
			out = append(out, FixCriterion{Code: leaf.Code, Title: leaf.Title, Max: leaf.Max, Lost: lost, Note: note})
		}
	})
	return out
}
