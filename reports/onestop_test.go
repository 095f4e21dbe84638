package reports

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// oneStopFixture is the first half of 2020 for five wards: Gia Thụy with
// example D's figures (7 447 received, 100 % on time, 98 % early), three
// others, a ward with no dossiers at all (its rates have no value) and one
// that has not reported; example E's targets for the office, and Gia
// Thụy's own lower online target.
func oneStopFixture() OneStopInput {
	p := data.Period{Year: 2020, Kind: data.PeriodHalf, N: 1}
	units := []data.Unit{
		{Code: "GTH", Name: "Phường Gia Thụy"},
		{Code: "NTH", Name: "Phường Ngọc Thụy"},
		{Code: "VHU", Name: "Phường Việt Hưng"},
		{Code: "PDO", Name: "Phường Phúc Đồng"},
		{Code: "BDA", Name: "Phường Bồ Đề"},
		{Code: "LBI", Name: "Phường Long Biên"},
	}
	figs := map[string]data.OneStopFigures{
		"GTH": {Unit: "GTH", Period: p, Carried: 38, Received: 7447,
			OnlinePartial: 1862, OnlineFull: 372, ByPost: 149, InPerson: 5064,
			Resolved: 7450, Early: 7301, OnTime: 149, Pending: 35, PendingInTime: 35,
			PostReturned: 745, FeeDossiers: 2980, PaidOnline: 894, Digitised: 5958,
			OnlineServices: 120, OnlineServicesUsed: 96, VerySatisfied: 1020, Satisfied: 218},
		"NTH": {Unit: "NTH", Period: p, Carried: 20, Received: 3000,
			OnlinePartial: 1200, OnlineFull: 450, ByPost: 50, InPerson: 1300,
			Resolved: 2990, Early: 2500, OnTime: 430, Late: 60, Pending: 30, PendingInTime: 28, PendingOverdue: 2,
			Apologies: 62, PostReturned: 1600, FeeDossiers: 900, PaidOnline: 500, Digitised: 2700,
			OnlineServices: 110, OnlineServicesUsed: 70, VerySatisfied: 300, Satisfied: 150, NotSatisfied: 20},
		"VHU": {Unit: "VHU", Period: p, Carried: 0, Received: 2400,
			OnlinePartial: 800, OnlineFull: 500, InPerson: 1100,
			Resolved: 2400, Early: 2000, OnTime: 400, PostReturned: 1300, FeeDossiers: 600, PaidOnline: 200,
			Digitised: 2100, OnlineServices: 100, OnlineServicesUsed: 85, VerySatisfied: 200, Satisfied: 40, NotSatisfied: 2},
		"PDO": {Unit: "PDO", Period: p, Carried: 5, Received: 1500,
			OnlinePartial: 300, OnlineFull: 100, ByPost: 10, InPerson: 1090,
			Resolved: 1495, Early: 1400, OnTime: 80, Late: 15, Pending: 10, PendingInTime: 10,
			Apologies: 15, PostReturned: 200, FeeDossiers: 500, PaidOnline: 50, Digitised: 1000,
			OnlineServices: 95, OnlineServicesUsed: 50, VerySatisfied: 80, Satisfied: 60, NotSatisfied: 10},
		"BDA": {Unit: "BDA", Period: p}, // no dossiers this period
	}
	office := &data.OneStopTargets{Year: 2020, Targets: map[data.RateKind]data.Percent{
		data.RateServicesUsed: 8000, data.RateOnline: 5000, data.RatePost: 5000, data.RateOnTime: 9800,
	}}
	own := map[string]data.OneStopTargets{"GTH": {Year: 2020, Unit: "GTH", Targets: map[data.RateKind]data.Percent{data.RateOnline: 2500}}}
	return OneStopInput{
		Office: data.Office{
			Superior: "UBND quận Long Biên", Name: "Phòng Nội vụ", Abbrev: "PNV", Place: "Long Biên",
			SignerTitle: "TRƯỞNG PHÒNG", Signer: "Nguyễn Thị Hoa", Recipients: []string{"UBND quận (b/c);", "Lưu: VT, NV."},
		},
		Number: "15", Date: time.Date(2020, 7, 6, 0, 0, 0, 0, time.UTC), GroupName: "Các phường",
		Summary: data.SummariseOneStop(p, units, figs, office, own),
		Created: time.Date(2020, 7, 6, 0, 0, 0, 0, time.UTC),
	}
}

func TestOneStopReport(t *testing.T) {
	pdf, err := OneStop(oneStopFixture())
	if err != nil {
		t.Fatal(err)
	}
	pdftest.Debug(t, "onestop.pdf", pdf)
	pages := pdftest.Pages(t, pdf)
	text := strings.Join(pages, "\n")
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"UBND QUẬN LONG BIÊN", "PHÒNG NỘI VỤ", "Số: 15/BC-PNV", "Long Biên, ngày 06 tháng 7 năm 2020",
		"BÁO CÁO", "Kết quả giải quyết thủ tục hành chính 6 tháng đầu năm 2020",
		"Tổng hợp số liệu do 5/6 đơn vị (các phường) báo cáo (chưa báo cáo: phường Long Biên), kết quả tiếp nhận",
		// Totals: sums of counts, rates from the sums.
		"14.347 hồ sơ tiếp nhận mới", "Đã giải quyết 14.335 hồ sơ", "tỷ lệ giải quyết đúng hạn 99,48 %",
		// Targets table: example E's targets, met / not met and the gap.
		"Tỷ lệ DVC trực tuyến có phát sinh hồ sơ ≥ 80,00 70,82 Chưa đạt −9,18",
		"Tỷ lệ hồ sơ tiếp nhận trực tuyến ≥ 50,00 38,92 Chưa đạt −11,08",
		"Tỷ lệ hồ sơ được số hóa — 81,95 Không giao —", "Tỷ lệ hồ sơ giải quyết đúng hạn ≥ 98,00 99,48 Đạt +1,48",
		"Tỷ lệ hồ sơ tiếp nhận trực tuyến: 1/4 đơn vị (phường Phúc Đồng).",
		// The chart's legend.
		"Chỉ tiêu", "Tỷ lệ hồ sơ giải quyết đúng hạn",
		"Tổng cộng", "Nơi nhận:", "TRƯỞNG PHÒNG", "Nguyễn Thị Hoa",
		"Phường Long Biên (chưa báo cáo)",
		"mẫu số bằng 0", "không lấy bình quân các tỷ lệ",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("missing %q", want)
		}
	}
	// Example D's row of counts and of rates: 7.447 received, 100 % on
	// time, 98 % early, none late, 100 % satisfied; its online rate meets
	// its own 25 % target, its post rate misses the office's 50 %.
	for _, re := range []string{
		`(?m)^\s*1\s+Phường Gia Thụy\s+38\s+7\.447\s+1\.862\s+372\s+149\s+5\.064\s+7\.450\s+7\.301\s+149\s+0\s+35\s+0\s+0\s*$`,
		`(?m)^\s*1\s+Phường Gia Thụy\s+100,00\s+98,00\s+0,00\s+30,00\s+25,00\s+5,00\s+80,00\s+30,00\s+10,00\*\s+80,01\s+100,00\s+3/4\s*$`,
		// A ward without dossiers: every rate "—", nothing judged.
		`(?m)^\s*5\s+Phường Bồ Đề(\s+—){12}\s*$`,
		// Totals row of rates: judged against the office's targets.
		`(?m)^\s*Tổng cộng\s+99,48\s+92,09\s+0,52\s+38,92\*\s+29,01\s+9,91\s+70,82\*\s+33,01\s+26,82\*\s+81,95\s+98,48\s+1/4\s*$`,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("no line matching %s in\n%s", re, text)
		}
	}
	if strings.Contains(text, "NaN") || strings.Contains(text, "Inf") {
		t.Error("NaN or Inf printed")
	}
	if len(pages) < 3 {
		t.Errorf("%d pages, want the portrait summary and landscape tables", len(pages))
	}
}

func TestOneStopReportRefusesEmpty(t *testing.T) {
	in := oneStopFixture()
	in.Summary.Rows = nil
	if _, err := OneStop(in); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("empty summary: %v", err)
	}
}

// BenchmarkOneStopReport prints a 170-unit period (a province's wards
// after 2025), whose chart and tables span several pages.
func BenchmarkOneStopReport(b *testing.B) {
	in := oneStopFixture()
	base := in.Summary.Rows[0]
	var rows []data.OneStopRow
	for i := range 170 {
		r := base
		r.Unit.Name = "Phường " + strings.Repeat("Gia Thụy ", 1+i%2) + string(rune('A'+i%26))
		rows = append(rows, r)
	}
	in.Summary.Rows = rows
	for b.Loop() {
		if _, err := OneStop(in); err != nil {
			b.Fatal(err)
		}
	}
}
