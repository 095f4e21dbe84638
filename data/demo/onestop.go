package demo

import (
	"math/rand/v2"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// One-stop figures of the demo.
//
// Example D's figures (7 447 dossiers received, 100 % on time, 98 % early,
// 100 % satisfied) come from Gia Thụy ward in Hà Nội, first half of 2020.
// The demo office steers the ten district-level units of Cao Bằng for
// 2022-2023, so the figures are attached to Thành phố Cao Bằng's one-stop
// shop for the first half of 2023: a city of Cao Bằng's size handles about
// that many dossiers in six months. A separate group of wards was not added
// because every other screen (units, ranking) would then show ten more
// units without any score.
//
// Every unit reports each quarter of 2022 and 2023; the half-years and the
// years are built from the quarters the way a unit adds up its own
// quarterly reports (combine). Example E's targets (Nguyên Bình, 2023:
// ≥ 80 % of online services with dossiers, 50 % of dossiers online, 50 %
// of results by post) are the office's targets for 2023, with the
// satisfaction target of seed 004; 2022 sets only on-time and online
// targets, so the other rates show "no target".

// ExampleDUnit is the unit whose first half of 2023 carries example D's
// figures.
const ExampleDUnit = "TPCB"

// ExampleDPeriod is the period of example D's figures in the demo.
var ExampleDPeriod = data.Period{Year: 2023, Kind: data.PeriodHalf, N: 1}

// exampleD are example D's figures for the half-year: the published
// counts and rates, with the channels, pending dossiers and the other
// counts chosen to be plausible.
func exampleD() data.OneStopFigures {
	return data.OneStopFigures{
		Unit: ExampleDUnit, Period: ExampleDPeriod,
		Carried: 38, Received: 7447,
		OnlinePartial: 1862, OnlineFull: 372, ByPost: 149, InPerson: 5064,
		Resolved: 7450, Early: 7301, OnTime: 149, Late: 0,
		Pending: 35, PendingInTime: 35, PendingOverdue: 0,
		PostReturned: 745, FeeDossiers: 2980, PaidOnline: 894, Digitised: 5958,
		OnlineServices: 120, OnlineServicesUsed: 96,
		VerySatisfied: 1020, Satisfied: 218, NotSatisfied: 0,
	}
}

// exampleDQ1 is the first quarter of example D's half-year; the second
// quarter is the half-year minus it.
func exampleDQ1() data.OneStopFigures {
	return data.OneStopFigures{
		Unit: ExampleDUnit, Period: data.Period{Year: 2023, Kind: data.PeriodQuarter, N: 1},
		Carried: 38, Received: 3512,
		OnlinePartial: 880, OnlineFull: 170, ByPost: 70, InPerson: 2392,
		Resolved: 3480, Early: 3410, OnTime: 70, Late: 0,
		Pending: 70, PendingInTime: 70, PendingOverdue: 0,
		PostReturned: 350, FeeDossiers: 1400, PaidOnline: 420, Digitised: 2800,
		OnlineServices: 120, OnlineServicesUsed: 90,
		VerySatisfied: 500, Satisfied: 110, NotSatisfied: 0,
	}
}

// oneStopTargets are the office's targets and the units' own.
func oneStopTargets() []data.OneStopTargets {
	t := func(year int, unit string, kv ...any) data.OneStopTargets {
		m := map[data.RateKind]data.Percent{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(data.RateKind)] = data.Percent(kv[i+1].(int) * 100)
		}
		return data.OneStopTargets{Year: year, Unit: unit, Targets: m}
	}
	return []data.OneStopTargets{
		t(2022, "", data.RateOnTime, 95, data.RateOnline, 30),
		t(2023, "", data.RateServicesUsed, 80, data.RateOnline, 50, data.RatePost, 50, data.RateSatisfied, 80),
		// The city is asked for more online dossiers and no late ones.
		t(2023, ExampleDUnit, data.RateOnline, 60, data.RateLate, 0),
	}
}

// unitSize is each unit's dossiers per quarter, roughly: the city far
// ahead of the mountain districts.
var unitSize = map[string]int64{
	"TPCB": 3600, "BLA": 900, "BLM": 800, "HLA": 650, "HQU": 1100,
	ExampleBUnit: 1300, ExampleAUnit: 850, "QHO": 1200, "TAN": 700, "TKH": 1050,
}

// writeOneStop stores the demo's one-stop figures and targets.
func writeOneStop(tx *store.Tx) error {
	for _, t := range oneStopTargets() {
		if err := tx.PutOneStopTargets(t); err != nil {
			return err
		}
	}
	for ui, u := range units {
		rng := rand.New(rand.NewPCG(uint64(ui+1), 7447))
		services := 150 + int64(rng.IntN(80))
		carried := int64(rng.IntN(40))
		for _, year := range Years {
			var qs []data.OneStopFigures
			for q := 1; q <= 4; q++ {
				p := data.Period{Year: year, Kind: data.PeriodQuarter, N: q}
				var f data.OneStopFigures
				switch {
				case u.code == ExampleDUnit && p == (data.Period{Year: 2023, Kind: data.PeriodQuarter, N: 1}):
					f = exampleDQ1()
				case u.code == ExampleDUnit && p == (data.Period{Year: 2023, Kind: data.PeriodQuarter, N: 2}):
					f = minus(exampleD(), qs[0], p)
				default:
					f = quarter(u.code, p, carried, services, rng)
				}
				carried = f.Pending
				qs = append(qs, f)
			}
			all := append(append([]data.OneStopFigures{}, qs...),
				combine(data.Period{Year: year, Kind: data.PeriodHalf, N: 1}, qs[:2]),
				combine(data.Period{Year: year, Kind: data.PeriodHalf, N: 2}, qs[2:]),
				combine(data.YearPeriod(year), qs))
			for _, f := range all {
				if err := tx.PutOneStop(f); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// quarter generates a plausible quarter: 2023 has more online dossiers and
// more results by post than 2022, as the seeds' offices report.
func quarter(unit string, p data.Period, carried, services int64, rng *rand.Rand) data.OneStopFigures {
	pct := func(n int64, lo, hi int) int64 { return n * int64(lo+rng.IntN(hi-lo+1)) / 100 }
	f := data.OneStopFigures{Unit: unit, Period: p, Carried: carried}
	size := unitSize[unit]
	f.Received = pct(size, 85, 115)
	onlineLo, onlineHi, postLo, postHi := 10, 35, 8, 30
	if p.Year >= 2023 {
		onlineLo, onlineHi, postLo, postHi = 30, 65, 25, 62
	}
	online := pct(f.Received, onlineLo, onlineHi)
	f.OnlineFull = pct(online, 20, 40)
	f.OnlinePartial = online - f.OnlineFull
	f.ByPost = pct(f.Received, 1, 4)
	f.InPerson = f.Received - online - f.ByPost

	total := f.Carried + f.Received
	f.Pending = pct(total, 1, 3)
	f.PendingOverdue = pct(f.Pending, 0, 12)
	f.PendingInTime = f.Pending - f.PendingOverdue
	f.Resolved = total - f.Pending
	f.Late = pct(f.Resolved, 0, 3) / 2 // 0 to 1,5 %
	f.Early = pct(f.Resolved-f.Late, 70, 96)
	f.OnTime = f.Resolved - f.Late - f.Early
	f.Apologies = pct(f.Late+f.PendingOverdue, 60, 100)

	f.PostReturned = pct(f.Resolved, postLo, postHi)
	f.FeeDossiers = pct(f.Received, 30, 45)
	f.PaidOnline = pct(f.FeeDossiers, 10, 55)
	f.Digitised = pct(f.Received, 40, 92)
	f.OnlineServices = services
	f.OnlineServicesUsed = pct(services, 55, 95)

	answers := pct(f.Resolved, 5, 15)
	f.NotSatisfied = pct(answers, 0, 4)
	f.VerySatisfied = pct(answers-f.NotSatisfied, 55, 85)
	f.Satisfied = answers - f.NotSatisfied - f.VerySatisfied
	return f
}

// combine adds quarters up into a longer period the way a unit adds up its
// reports: counts of the period are summed, the carried-over dossiers are
// the first quarter's, the pending ones the last quarter's; the online
// services offered are the last quarter's, and those with dossiers the
// most of any quarter (a service used in two quarters counts once).
func combine(p data.Period, qs []data.OneStopFigures) data.OneStopFigures {
	out := data.OneStopFigures{Unit: qs[0].Unit, Period: p}
	for i := range qs {
		out.Add(&qs[i])
	}
	first, last := qs[0], qs[len(qs)-1]
	out.Carried = first.Carried
	out.Pending, out.PendingInTime, out.PendingOverdue = last.Pending, last.PendingInTime, last.PendingOverdue
	out.OnlineServices = last.OnlineServices
	out.OnlineServicesUsed = 0
	for _, q := range qs {
		out.OnlineServicesUsed = max(out.OnlineServicesUsed, q.OnlineServicesUsed)
	}
	return out
}

// minus is the second quarter of a half-year whose first quarter is q1:
// the inverse of combine.
func minus(half, q1 data.OneStopFigures, p data.Period) data.OneStopFigures {
	out := half
	out.Period = p
	for _, fd := range data.OneStopFields {
		*fd.Of(&out) -= *fd.Of(&q1)
	}
	out.Carried = q1.Pending
	out.Pending, out.PendingInTime, out.PendingOverdue = half.Pending, half.PendingInTime, half.PendingOverdue
	out.OnlineServices, out.OnlineServicesUsed = half.OnlineServices, half.OnlineServicesUsed
	return out
}
