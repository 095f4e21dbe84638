package pdfdoc

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Bar is one bar of a bar chart.
type Bar struct {
	Value float64
	// Label is printed at the end of the bar, formatted by the caller the
	// Vietnamese way ("98,00"); a missing bar prints its label alone ("—").
	Label string
	// Missing draws no bar: the value does not exist (a rate with nothing
	// to divide by), which is not the same as zero.
	Missing bool
	// Target, when HasTarget, is drawn as a black tick across the bar's
	// slot, so a unit's own target shows where it differs from the others'.
	Target    float64
	HasTarget bool
}

// BarSeries is one series of a chart: one bar per category.
type BarSeries struct {
	Name string
	Bars []Bar
}

// BarChart is a horizontal grouped bar chart: one group of bars per
// category (a unit), one bar per series (a rate). Horizontal bars keep long
// Vietnamese unit names readable without rotating them.
type BarChart struct {
	// Title is printed in bold above the chart.
	Title      string
	Categories []string
	Series     []BarSeries
	// Max is the end of the scale; 0 means the largest value rounded up.
	Max float64
	// Step between the grid lines; 0 means a fifth of Max.
	Step float64
	// Unit follows the scale labels: "%".
	Unit string
	// TargetLegend names the target ticks in the legend ("Chỉ tiêu");
	// empty leaves it out.
	TargetLegend string
	// Note is printed in italics under the chart.
	Note string
}

// Chart geometry, mm, and type sizes, points.
const (
	chartBarH     = 4.2  // one bar
	chartBarGap   = 0.6  // between the bars of a group
	chartGroupPad = 2.4  // above and below a group
	chartValueW   = 16.0 // room for the value labels right of the plot
	chartLabelMax = 0.4  // the category labels take at most this share of the width
	chartTextSize = 10.0
	chartTitle    = 12.0
)

// fills are the series' colours: dark and light, told apart when printed
// in grey as well as in colour.
var fills = [][3]int{{31, 78, 121}, {158, 202, 225}, {230, 145, 56}, {120, 120, 120}}

// BarChart draws a chart from the current position across the text width.
// The title, legend and scale are drawn again at the top of every page the
// chart continues on; a category's bars never split across pages.
func (d *Doc) BarChart(c BarChart) {
	defer d.guard()
	if !d.ok() {
		return
	}
	if len(c.Series) == 0 || len(c.Series) > len(fills) {
		d.fail(fmt.Errorf("pdfdoc: bar chart with %d series (1 to %d)", len(c.Series), len(fills)))
		return
	}
	for _, s := range c.Series {
		if len(s.Bars) != len(c.Categories) {
			d.fail(fmt.Errorf("pdfdoc: bar chart series %q has %d bars for %d categories", s.Name, len(s.Bars), len(c.Categories)))
			return
		}
	}
	top := c.Max
	if top <= 0 {
		for _, s := range c.Series {
			for _, b := range s.Bars {
				if !b.Missing {
					top = max(top, b.Value, b.Target)
				}
			}
		}
		top = niceCeil(top)
	}
	step := c.Step
	if step <= 0 {
		step = top / 5
	}

	w := d.TextWidth()
	d.setFont(Regular, chartTextSize)
	labelW := 0.0
	for _, cat := range c.Categories {
		labelW = max(labelW, d.pdf.GetStringWidth(Clean(cat))+2*cellPadX)
	}
	labelW = min(labelW, w*chartLabelMax)
	x0 := MarginLeft + labelW
	plotW := w - labelW - chartValueW
	xOf := func(v float64) float64 { return x0 + plotW*math.Max(0, math.Min(v, top))/top }
	lh := LineHeight(chartTextSize)

	header := func() {
		y := d.pdf.GetY()
		if c.Title != "" {
			d.setFont(Bold, chartTitle)
			th := LineHeight(chartTitle)
			for _, l := range d.split(Clean(c.Title), w) {
				d.textAligned(MarginLeft, y, w, th, l, Center)
				y += th
			}
			y += 1
		}
		// Legend: swatch and name of each series, then the target tick.
		d.setFont(Regular, chartTextSize)
		var items []string
		for _, s := range c.Series {
			items = append(items, Clean(s.Name))
		}
		if c.TargetLegend != "" {
			items = append(items, Clean(c.TargetLegend))
		}
		total := 0.0
		for _, it := range items {
			total += 6 + d.pdf.GetStringWidth(it) + 6
		}
		x := MarginLeft + max(0, (w-total)/2)
		for i, it := range items {
			if i < len(c.Series) {
				d.fillColor(i)
				d.pdf.Rect(x, y+lh/2-1.6, 4.5, 3.2, "FD")
			} else {
				d.pdf.SetLineWidth(0.6)
				d.pdf.Line(x+2.2, y+lh/2-2.2, x+2.2, y+lh/2+2.2)
			}
			d.resetColors()
			d.text(x+6, y, lh, it)
			x += 6 + d.pdf.GetStringWidth(it) + 6
		}
		y += lh + 1
		// Scale labels over the grid lines.
		for v := 0.0; v <= top+step/1000; v += step {
			s := formatScale(v) + c.Unit
			d.textAligned(xOf(v)-10, y, 20, lh, s, Center)
		}
		y += lh
		d.pdf.SetXY(MarginLeft, y)
	}
	headerH := func() float64 {
		h := lh + 1 + lh
		if c.Title != "" {
			d.setFont(Bold, chartTitle)
			h += float64(len(d.split(Clean(c.Title), w)))*LineHeight(chartTitle) + 1
		}
		return h
	}()

	n := len(c.Series)
	barsH := float64(n)*chartBarH + float64(n-1)*chartBarGap
	rowH := func(i int) (float64, []string) {
		d.setFont(Regular, chartTextSize)
		lines := d.split(Clean(c.Categories[i]), labelW-2*cellPadX)
		return max(barsH, float64(len(lines))*lh) + 2*chartGroupPad, lines
	}
	grid := func(y, h float64) {
		d.pdf.SetLineWidth(0.1)
		d.pdf.SetDrawColor(170, 170, 170)
		for v := step; v <= top+step/1000; v += step {
			d.pdf.Line(xOf(v), y, xOf(v), y+h)
		}
		d.resetColors()
	}
	axis := func(yTop, yBottom float64) {
		d.pdf.SetLineWidth(0.3)
		d.pdf.Line(x0, yTop, x0, yBottom)
		d.pdf.Line(x0, yBottom, xOf(top), yBottom)
	}

	// What the flow holds is placed first; a heading glued to the chart
	// stays with its title and first category.
	if len(c.Categories) > 0 {
		h, _ := rowH(0)
		d.flushWith(headerH + h)
	} else {
		d.flushWith(headerH)
	}
	first := true
	var pageTop float64
	for i := range c.Categories {
		h, lines := rowH(i)
		switch {
		case first:
			d.ensure(headerH + h)
			header()
			pageTop = d.pdf.GetY()
			first = false
		case h > d.remaining():
			axis(pageTop, d.pdf.GetY())
			d.breakPage()
			header()
			pageTop = d.pdf.GetY()
		}
		y := d.pdf.GetY()
		grid(y, h)
		// Category label, right-aligned against the axis, centred on its bars.
		d.setFont(Regular, chartTextSize)
		ly := y + (h-float64(len(lines))*lh)/2
		for _, l := range lines {
			d.textAligned(MarginLeft, ly, labelW-2*cellPadX, lh, l, Right)
			ly += lh
		}
		by := y + (h-barsH)/2
		for si, s := range c.Series {
			b := s.Bars[i]
			end := x0
			if !b.Missing && b.Value > 0 {
				d.fillColor(si)
				end = xOf(b.Value)
				d.pdf.Rect(x0, by, end-x0, chartBarH, "FD")
				d.resetColors()
			}
			if lbl := Clean(b.Label); lbl != "" {
				d.setFont(Regular, chartTextSize-1)
				lx := end + 1
				// The label never sits on the target tick: it goes after
				// the tick when the bar ends just before it.
				if tx := xOf(b.Target); b.HasTarget && !b.Missing && tx >= end-0.5 && tx < end+1+d.pdf.GetStringWidth(lbl)+0.5 {
					lx = tx + 1
				}
				d.text(lx, by, chartBarH, lbl)
			}
			if b.HasTarget && !b.Missing {
				d.pdf.SetLineWidth(0.7)
				tx := xOf(b.Target)
				d.pdf.Line(tx, by-1.2, tx, by+chartBarH+1.2)
			}
			by += chartBarH + chartBarGap
		}
		d.pdf.SetXY(MarginLeft, y+h)
	}
	if first {
		d.ensure(headerH)
		header()
		pageTop = d.pdf.GetY()
	}
	axis(pageTop, d.pdf.GetY())
	d.pdf.SetXY(MarginLeft, d.pdf.GetY()+1)
	if c.Note != "" {
		d.Space(1)
		d.Para(Para{Text: c.Note, Style: Italic, Size: chartTextSize, Align: Left})
	} else {
		d.Space(paraSpacing)
	}
}

func (d *Doc) fillColor(i int) {
	f := fills[i%len(fills)]
	d.pdf.SetFillColor(f[0], f[1], f[2])
	d.pdf.SetDrawColor(40, 40, 40)
	d.pdf.SetLineWidth(0.15)
}

func (d *Doc) resetColors() {
	d.pdf.SetDrawColor(0, 0, 0)
	d.pdf.SetFillColor(255, 255, 255)
	d.pdf.SetLineWidth(0.2)
}

// niceCeil rounds v up to 1, 2 or 5 times a power of ten (at least 1).
func niceCeil(v float64) float64 {
	if v <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// formatScale prints a scale value the Vietnamese way: "20", "2,5".
func formatScale(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	return strings.Replace(s, ".", ",", 1)
}
