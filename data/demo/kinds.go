package demo

import (
	"slices"

	"github.com/pardesk/pardesk/data"
)

// kindsFrom is the first demo year whose framework has criteria answered
// otherwise than in points.
const kindsFrom = 2023

// withKinds gives the framework a criterion of each input kind: an
// initiative recognised or not (đạt / không đạt), dossiers resolved on
// time as a rate with tiers (tỷ lệ), and public service units' autonomy,
// which a district without such units does not have (có thể không áp
// dụng).
func withKinds(f *data.Framework) {
	f.Find("1.5").Input = data.InputPassFail
	c := f.Find("3.3")
	c.Input = data.InputRatio
	c.Tiers = []data.Tier{{Min: 10000, Points: data.P(8, 0)}, {Min: 9000, Points: data.P(6, 50)}, {Min: 8000, Points: data.P(5, 0)}, {Min: 0, Points: 0}}
	f.Find("6.3").MayNotApply = true
}

// fitKinds turns the generated points of the đạt / không đạt and tỷ lệ
// criteria into answers of their kind (the nearest the rule allows, with
// counts for tỷ lệ) and moves the difference onto the other criteria of
// the same area, so that every area's points, and so every total, index,
// rank and rating of the demo, stay what they were.
func fitKinds(f *data.Framework, s *data.Sheet, u demoUnit) {
	den := int64(40 + 7*slices.IndexFunc(units, func(d demoUnit) bool { return d.code == u.code }))
	for i := range f.Areas {
		a := &f.Areas[i]
		for j := range a.Children {
			c := &a.Children[j]
			if c.Input == data.InputPoints {
				continue
			}
			var others []*data.Criterion
			for k := range a.Children {
				if o := &a.Children[k]; o.Input == data.InputPoints {
					others = append(others, o)
				}
			}
			sc := s.Scores[c.Code]
			for _, side := range []struct {
				get    func(data.Score) *data.Points
				set    func(*data.Score, data.Value)
				counts int64
			}{
				{func(sc data.Score) *data.Points { return sc.Self }, (*data.Score).SetSelf, den + 3},
				{func(sc data.Score) *data.Points { return sc.Appraised }, (*data.Score).SetAppraised, den},
			} {
				p := *side.get(sc)
				want := nearest(c, p, s, others, side.get)
				move(s, others, side.get, side.set, p-want)
				v := data.Value{Points: &want}
				if c.Input == data.InputRatio {
					v.Counts = countsFor(c, want, side.counts)
				}
				sc = s.Scores[c.Code]
				side.set(&sc, v)
				s.Scores[c.Code] = sc
			}
		}
	}
}

// nearest is the answer of the criterion's kind nearest below p (else
// above) whose difference the other criteria of the area can take.
func nearest(c *data.Criterion, p data.Points, s *data.Sheet, others []*data.Criterion, get func(data.Score) *data.Points) data.Points {
	var room, held data.Points
	for _, o := range others {
		v := *get(s.Scores[o.Code])
		room, held = room+o.Max-v, held+v
	}
	cands := []data.Points{c.Max, 0}
	if c.Input == data.InputRatio {
		cands = cands[:0]
		for _, t := range c.Tiers {
			cands = append(cands, t.Points)
		}
	}
	// A criterion the unit lost points on keeps a loss: the highest answer
	// not above p first, then the nearest.
	slices.SortStableFunc(cands, func(x, y data.Points) int {
		if (x <= p) != (y <= p) {
			if x <= p {
				return -1
			}
			return 1
		}
		return int(abs(p-x) - abs(p-y))
	})
	for _, w := range cands {
		if d := p - w; d <= room && -d <= held {
			return w
		}
	}
	return p
}

func abs(p data.Points) data.Points { return max(p, -p) }

// move adds d points (takes them when negative) over the other criteria,
// in framework order, within their ranges.
func move(s *data.Sheet, others []*data.Criterion, get func(data.Score) *data.Points, set func(*data.Score, data.Value), d data.Points) {
	for _, o := range others {
		if d == 0 {
			return
		}
		sc := s.Scores[o.Code]
		v := *get(sc)
		step := min(d, o.Max-v)
		if d < 0 {
			step = max(d, -v)
		}
		v += step
		d -= step
		set(&sc, data.Value{Points: &v})
		s.Scores[o.Code] = sc
	}
}

// countsFor are counts out of den that give the tier worth p points.
func countsFor(c *data.Criterion, p data.Points, den int64) *data.Counts {
	for _, t := range c.Tiers {
		if t.Points == p {
			n := (int64(t.Min)*den + 9999) / 10000
			if t.Min == 0 {
				n = den / 2
			}
			return &data.Counts{Num: n, Den: den}
		}
	}
	return &data.Counts{Num: den, Den: den}
}
