package pdfdoc_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/reports/pdfdoc"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// A chart of 45 wards runs over pages: each page repeats the title, the
// legend and the scale, and every ward's label and value is printed once.
func TestBarChartPages(t *testing.T) {
	c := pdfdoc.BarChart{Title: "Tỷ lệ đúng hạn theo phường", Max: 100, Step: 20, Unit: " %", TargetLegend: "Chỉ tiêu",
		Series: []pdfdoc.BarSeries{{Name: "Đúng hạn"}, {Name: "Trực tuyến"}}}
	for i := range 45 {
		c.Categories = append(c.Categories, fmt.Sprintf("Phường Số %d", i+1))
		c.Series[0].Bars = append(c.Series[0].Bars, pdfdoc.Bar{Value: float64(60 + i%40), Label: fmt.Sprintf("%d,00", 60+i%40), Target: 95, HasTarget: true})
		c.Series[1].Bars = append(c.Series[1].Bars, pdfdoc.Bar{Missing: i == 3, Label: map[bool]string{true: "—", false: fmt.Sprintf("%d,50", i)}[i == 3], Value: float64(i) + 0.5})
	}
	d := pdfdoc.New(pdfdoc.Options{Created: created})
	d.BarChart(c)
	pdf := output(t, d)
	pdftest.Debug(t, "chart.pdf", pdf)
	pages := pdftest.Pages(t, pdf)
	if len(pages) < 2 {
		t.Fatalf("%d pages, want the chart to run over two at least", len(pages))
	}
	all := strings.Join(pages, "\n")
	for i, p := range pages {
		for _, want := range []string{"Tỷ lệ đúng hạn theo phường", "Đúng hạn", "Trực tuyến", "Chỉ tiêu", "0 %", "100 %"} {
			if !strings.Contains(p, want) {
				t.Errorf("page %d lacks %q", i+1, want)
			}
		}
	}
	for i := range 45 {
		if n := strings.Count(all, fmt.Sprintf("Phường Số %d\n", i+1)) + strings.Count(all, fmt.Sprintf("Phường Số %d ", i+1)); n != 1 {
			t.Errorf("Phường Số %d printed %d times", i+1, n)
		}
	}
	if !strings.Contains(all, "—") || !strings.Contains(all, "99,00") {
		t.Error("labels missing")
	}
}

func TestBarChartErrors(t *testing.T) {
	d := pdfdoc.New(pdfdoc.Options{})
	d.BarChart(pdfdoc.BarChart{Categories: []string{"A", "B"}, Series: []pdfdoc.BarSeries{{Name: "x", Bars: []pdfdoc.Bar{{Value: 1}}}}})
	if _, err := d.Output(); err == nil || !strings.Contains(err.Error(), "1 bars for 2 categories") {
		t.Errorf("mismatched series: %v", err)
	}
}
