package data

import (
	"strings"
	"testing"
)

// exampleD is the domain guide's example D (Gia Thụy ward, first half of
// 2020): 7 447 dossiers received, all through the one-stop software, 100 %
// on time, none late, 98 % early, 100 % of the satisfaction forms satisfied
// or very satisfied. The split of the channels, the carried-over and pending
// dossiers are ours; they keep the published rates exact.
func exampleD() OneStopFigures {
	return OneStopFigures{
		Unit: "GTH", Period: Period{2020, PeriodHalf, 1},
		Carried: 38, Received: 7447,
		OnlinePartial: 1862, OnlineFull: 372, ByPost: 149, InPerson: 5064,
		Resolved: 7450, Early: 7301, OnTime: 149, Late: 0,
		Pending: 35, PendingInTime: 35, PendingOverdue: 0,
		Apologies: 0, PostReturned: 745, FeeDossiers: 2980, PaidOnline: 894, Digitised: 5958,
		OnlineServices: 120, OnlineServicesUsed: 96,
		VerySatisfied: 1020, Satisfied: 218, NotSatisfied: 0,
	}
}

func TestExampleDRates(t *testing.T) {
	f := exampleD()
	if err := f.Validate(); err != nil {
		t.Fatalf("example D refused: %v", err)
	}
	want := map[RateKind]string{
		RateOnTime:        "100,00", // (7 301 + 149) / 7 450
		RateEarly:         "98,00",  // 7 301 / 7 450
		RateLate:          "0,00",   // none late
		RateOnline:        "30,00",  // (1 862 + 372) / 7 447 = 29,998…
		RateOnlinePartial: "25,00",  // 1 862 / 7 447 = 25,003…
		RateOnlineFull:    "5,00",   // 372 / 7 447 = 4,995…
		RateServicesUsed:  "80,00",  // 96 / 120
		RatePayment:       "30,00",  // 894 / 2 980
		RatePost:          "10,00",  // 745 / 7 450
		RateDigitised:     "80,01",  // 5 958 / 7 447 = 80,005… half-up
		RateSatisfied:     "100,00", // 1 238 / 1 238
	}
	if len(want) != len(OneStopRates) {
		t.Fatalf("test covers %d rates, there are %d", len(want), len(OneStopRates))
	}
	for _, d := range OneStopRates {
		if got := f.Rate(d.Kind).String(); got != want[d.Kind] {
			t.Errorf("%s = %s, want %s (%s)", d.Name, got, want[d.Kind], d.Formula)
		}
	}
	if FormatCount(f.Received) != "7.447" {
		t.Errorf("received prints %s", FormatCount(f.Received))
	}
}

// A rate with nothing to divide by has no value: it prints "—", never
// "0,00" or "NaN", and is never judged met or not met.
func TestZeroDenominatorPrintsDash(t *testing.T) {
	f := OneStopFigures{Unit: "X", Period: YearPeriod(2023)}
	if err := f.Validate(); err != nil {
		t.Fatalf("all-zero figures refused: %v", err)
	}
	targets := map[RateKind]Percent{RateOnline: 5000, RateLate: 200}
	for _, d := range OneStopRates {
		r := f.Rate(d.Kind)
		if r.OK || r.String() != "—" {
			t.Errorf("%s on zero figures = %q (ok %v), want —", d.Name, r.String(), r.OK)
		}
	}
	v := Judge(&f, RateOnline, targets)
	if v.Status != NoValue || v.GapString() != "—" || v.Mark() == "Đạt" || v.Mark() == "Chưa đạt" {
		t.Errorf("online rate without dossiers judged %v %q %q", v.Status, v.Mark(), v.GapString())
	}
	// Only the satisfaction survey is empty: the other rates have values.
	d := exampleD()
	d.VerySatisfied, d.Satisfied = 0, 0
	if got := d.Rate(RateSatisfied).String(); got != "—" {
		t.Errorf("satisfaction without forms = %s", got)
	}
	if got := d.Rate(RateOnTime).String(); got != "100,00" {
		t.Errorf("on-time = %s", got)
	}
}

func TestInconsistentFiguresRefused(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(f *OneStopFigures)
		says   []string
	}{
		{"resolved is not early + on time + late", func(f *OneStopFigures) { f.Early-- },
			[]string{"Đã giải quyết (7.450) phải bằng trước hạn + đúng hạn + quá hạn (7.300 + 149 + 0 = 7.449)"}},
		{"carried + received is not resolved + pending", func(f *OneStopFigures) { f.Pending, f.PendingInTime = 36, 36 },
			[]string{"Kỳ trước chuyển sang + tiếp nhận mới (38 + 7.447 = 7.485) phải bằng đã giải quyết + đang giải quyết (7.450 + 36 = 7.486)"}},
		{"pending is not in time + overdue", func(f *OneStopFigures) { f.PendingOverdue = 2 },
			[]string{"Đang giải quyết (35) phải bằng trong hạn + quá hạn (35 + 2 = 37)"}},
		{"channels do not add up to received", func(f *OneStopFigures) { f.InPerson = 5000 },
			[]string{"Tiếp nhận mới (7.447)", "(1.862 + 372 + 149 + 5.000 = 7.383)"}},
		{"negative count", func(f *OneStopFigures) { f.ByPost = -1 },
			[]string{"Tiếp nhận qua bưu chính công ích", "-1", "phải từ 0 đến 100.000.000"}},
		{"more paid online than fee dossiers", func(f *OneStopFigures) { f.PaidOnline = 3000 },
			[]string{"Hồ sơ nộp phí trực tuyến (3.000)", "số hồ sơ có phí, lệ phí (2.980)", "phải từ 0 đến 2.980"}},
		{"more results by post than resolved", func(f *OneStopFigures) { f.PostReturned = 7451 },
			[]string{"Kết quả trả qua BCCI (7.451)", "đã giải quyết (7.450)"}},
		{"apology letters without late dossiers", func(f *OneStopFigures) { f.Apologies = 1 },
			[]string{"Thư xin lỗi đã gửi (1)", "số hồ sơ quá hạn"}},
		{"services used above services offered", func(f *OneStopFigures) { f.OnlineServicesUsed = 121 },
			[]string{"Số DVC trực tuyến có phát sinh hồ sơ (121)", "(120)"}},
		{"month 13", func(f *OneStopFigures) { f.Period = Period{2023, PeriodMonth, 13} },
			[]string{"tháng số 13", "từ 1 đến 12"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := exampleD()
			c.change(&f)
			before := f
			err := f.Validate()
			if ErrorCode(err) != EINVALID {
				t.Fatalf("error %v, want EINVALID", err)
			}
			for _, s := range c.says {
				if !strings.Contains(ErrorMessage(err), s) {
					t.Errorf("message %q does not say %q", ErrorMessage(err), s)
				}
			}
			// Never silently corrected.
			f.Note, before.Note = "", ""
			if f != before {
				t.Errorf("Validate changed the figures: %+v", f)
			}
		})
	}
}

// Office totals are sums of counts with the rates computed from the sums:
// a unit with 1 dossier on time and one with 99 late make 1 % on time,
// not the 50 % an average of the two rates would give.
func TestTotalsFromSums(t *testing.T) {
	p := Period{2023, PeriodQuarter, 1}
	small := OneStopFigures{Unit: "A", Period: p, Received: 1, InPerson: 1, Resolved: 1, OnTime: 1}
	big := OneStopFigures{Unit: "B", Period: p, Received: 99, OnlineFull: 99, Resolved: 99, Late: 99, Apologies: 99}
	for _, f := range []*OneStopFigures{&small, &big} {
		if err := f.Validate(); err != nil {
			t.Fatal(err)
		}
	}
	units := []Unit{{Code: "A", Name: "Xã A"}, {Code: "B", Name: "Xã B"}, {Code: "C", Name: "Xã C"}}
	office := &OneStopTargets{Year: 2023, Targets: map[RateKind]Percent{RateOnTime: 9500, RateOnline: 5000}}
	s := SummariseOneStop(p, units, map[string]OneStopFigures{"A": small, "B": big}, office, nil)
	if s.Reported != 2 || len(s.Rows) != 3 || s.Rows[2].Reported {
		t.Fatalf("reported %d of %d rows", s.Reported, len(s.Rows))
	}
	if s.Total.Received != 100 || s.Total.Resolved != 100 || s.Total.Late != 99 {
		t.Errorf("totals %+v", s.Total)
	}
	for k, want := range map[RateKind]string{RateOnTime: "1,00", RateLate: "99,00", RateOnline: "99,00", RateOnlineFull: "99,00", RatePost: "0,00", RateSatisfied: "—"} {
		if got := s.Total.Rate(k).String(); got != want {
			t.Errorf("office %s = %s, want %s", k, got, want)
		}
	}
	v := Judge(&s.Total, RateOnTime, s.TotalTargets)
	if v.Status != NotMet || v.GapString() != "−94,00" || v.Mark() != "Chưa đạt" {
		t.Errorf("office on-time verdict %v %s %s", v.Status, v.GapString(), v.Mark())
	}
	// The unit without figures is listed, with rates of "—" and no misses.
	if got := s.Rows[2].Figures.Rate(RateOnTime).String(); got != "—" || len(s.Rows[2].Missed()) != 0 {
		t.Errorf("unreported unit: %s, missed %d", got, len(s.Rows[2].Missed()))
	}
}

// Example E's targets (≥ 80 % of online services with dossiers, 50 % of
// dossiers online, 50 % of results by post), a unit's own target replacing
// the office's, and the late rate judged as a ceiling.
func TestTargets(t *testing.T) {
	office := &OneStopTargets{Year: 2023, Targets: map[RateKind]Percent{RateServicesUsed: 8000, RateOnline: 5000, RatePost: 5000, RateLate: 200}}
	unit := &OneStopTargets{Year: 2023, Unit: "GTH", Targets: map[RateKind]Percent{RateOnline: 2500}}
	for _, tg := range []*OneStopTargets{office, unit} {
		if err := tg.Validate(); err != nil {
			t.Fatal(err)
		}
	}
	f := exampleD()
	check := func(targets map[RateKind]Percent, k RateKind, mark, target, gap string) {
		t.Helper()
		v := Judge(&f, k, targets)
		if v.Mark() != mark || v.TargetString() != target || v.GapString() != gap {
			t.Errorf("%s: %q %q %q, want %q %q %q", k, v.Mark(), v.TargetString(), v.GapString(), mark, target, gap)
		}
	}
	officeOnly := EffectiveTargets(office, nil)
	check(officeOnly, RateServicesUsed, "Đạt", "≥ 80,00", "0,00")
	check(officeOnly, RateOnline, "Chưa đạt", "≥ 50,00", "−20,00")
	check(officeOnly, RatePost, "Chưa đạt", "≥ 50,00", "−40,00")
	check(officeOnly, RateLate, "Đạt", "≤ 2,00", "+2,00")
	check(officeOnly, RateDigitised, "", "—", "—")
	own := EffectiveTargets(office, unit)
	check(own, RateOnline, "Đạt", "≥ 25,00", "+5,00")
	check(own, RatePost, "Chưa đạt", "≥ 50,00", "−40,00")

	f.Late, f.OnTime = 300, f.OnTime-149
	f.Early -= 151
	check(officeOnly, RateLate, "Chưa đạt", "≤ 2,00", "−2,03") // 300 / 7 450 = 4,03 %

	bad := OneStopTargets{Year: 2023, Targets: map[RateKind]Percent{RateOnline: 10001}}
	if err := bad.Validate(); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "phải từ 0 đến 100%") {
		t.Errorf("target above 100 %%: %v", err)
	}
	if p, err := ParsePercent("97,5"); err != nil || p != 9750 {
		t.Errorf("ParsePercent 97,5 = %v %v", p, err)
	}
	if _, err := ParsePercent("120"); err == nil {
		t.Error("ParsePercent accepted 120")
	}
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]string{
		"2023": "năm 2023", "2023-h1": "6 tháng đầu năm 2023", "2023-H2": "6 tháng cuối năm 2023",
		"2023-Q1": "quý I năm 2023", "2023-Q4": "quý IV năm 2023", "2023-06": "tháng 6 năm 2023", "2023-M12": "tháng 12 năm 2023",
	} {
		p, err := ParsePeriod(in)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if p.Label() != want {
			t.Errorf("%s = %q, want %q", in, p.Label(), want)
		}
		if back, _ := ParsePeriod(p.String()); back != p {
			t.Errorf("%s does not read back from %s", in, p.String())
		}
	}
	for _, in := range []string{"", "23", "2023-Q5", "2023-H3", "2023-13", "2023-00", "1999", "2023-X1", "2023-Q"} {
		if _, err := ParsePeriod(in); ErrorCode(err) != EINVALID {
			t.Errorf("%q accepted (%v)", in, err)
		}
	}
	if p, err := ParsePeriodIn(2023, "q2"); err != nil || p.String() != "2023-Q2" {
		t.Errorf("ParsePeriodIn(2023, q2) = %v %v", p, err)
	}
	if _, err := ParsePeriodIn(2023, "2022-Q2"); err == nil {
		t.Error("2022-Q2 accepted for 2023")
	}
	// Chronological order: the year, then Q1 before H1's second quarter…
	y, h1, q1, q2, m4 := YearPeriod(2023), Period{2023, PeriodHalf, 1}, Period{2023, PeriodQuarter, 1}, Period{2023, PeriodQuarter, 2}, Period{2023, PeriodMonth, 4}
	if !y.Before(h1) || !h1.Before(q1) || !q1.Before(q2) || !q2.Before(m4) || YearPeriod(2024).Before(q2) {
		t.Error("period order")
	}
}

func TestParseCount(t *testing.T) {
	for in, want := range map[string]int64{"7447": 7447, "7.447": 7447, " 7 447 ": 7447, "": 0, "0": 0, "1.234.567": 1234567} {
		if got, err := ParseCount(in); err != nil || got != want {
			t.Errorf("ParseCount(%q) = %d %v", in, got, err)
		}
	}
	for _, in := range []string{"-3", "7,5", "abc", "1e3", "1234567890123", "12.8257", "7.44", "1234.567"} {
		if _, err := ParseCount(in); err == nil {
			t.Errorf("ParseCount(%q) accepted", in)
		}
	}
}
