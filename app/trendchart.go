package app

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
)

// trendSeries are the rates the trend chart draws, in the PDF chart's
// colours (reports/pdfdoc): dark and light blue, told apart in grey too.
var trendSeries = []struct {
	kind  data.RateKind
	color color.NRGBA
}{
	{data.RateOnTime, color.NRGBA{31, 78, 121, 255}},
	{data.RateOnline, color.NRGBA{158, 202, 225, 255}},
}

// trendTargetColor draws the targets, visible on a light and a dark theme.
var trendTargetColor = color.NRGBA{230, 120, 30, 255}

// trendPoint is one period of the trend: its short name and its rates
// judged against that year's targets, in the order of trendSeries.
type trendPoint struct {
	label    string
	verdicts []data.Verdict
}

// trendChart draws a unit's on-time and online rates over periods: a pair
// of bars per period, oldest left, each bar with its value printed above it
// ("99,55", or "—" without a value) and that year's target drawn across it
// as a short orange line; a value below its target is printed in red.
// Drawn with canvas primitives only.
type trendChart struct {
	widget.BaseWidget
	points []trendPoint
}

func newTrendChart() *trendChart {
	c := &trendChart{}
	c.ExtendBaseWidget(c)
	return c
}

// SetPoints replaces the periods shown.
func (c *trendChart) SetPoints(ps []trendPoint) {
	c.points = ps
	c.Refresh()
}

// periodShort is a period's name under its bars: "Năm 2023", "6T đầu
// 2023", "Quý I/2023", "T6/2023".
func periodShort(p data.Period) string {
	y := strconv.Itoa(p.Year)
	switch p.Kind {
	case data.PeriodHalf:
		if p.N == 1 {
			return "6T đầu " + y
		}
		return "6T cuối " + y
	case data.PeriodQuarter:
		if p.N >= 1 && p.N <= 4 {
			return "Quý " + []string{"", "I", "II", "III", "IV"}[p.N] + "/" + y
		}
	case data.PeriodMonth:
		return "T" + strconv.Itoa(p.N) + "/" + y
	}
	return "Năm " + y
}

// Chart geometry, in Fyne units.
const (
	chartPad     = 8
	chartAxisW   = 34 // the scale's labels, left of the plot
	chartLegendH = 22
	chartValueH  = 18 // room for the value labels above a full bar
	chartLabelH  = 20 // the periods' names under the plot
	chartBarMax  = 34
	chartBarGap  = 4
	chartHeight  = 240
)

func chartTextSize() float32 { return theme.CaptionTextSize() + 1 }

func (c *trendChart) CreateRenderer() fyne.WidgetRenderer {
	r := &trendChartRenderer{chart: c}
	r.rebuild()
	return r
}

// chartBar is one drawn bar with what goes with it.
type chartBar struct {
	series int
	rect   *canvas.Rectangle // nil when the rate has no value
	value  *canvas.Text
	target *canvas.Line // nil without a target
	rate   data.Verdict
}

type trendChartRenderer struct {
	chart   *trendChart
	objects []fyne.CanvasObject
	grid    []*canvas.Line
	scale   []*canvas.Text
	legend  []fyne.CanvasObject // swatch, text, swatch, text, line, text
	labels  []*canvas.Text      // one per period
	bars    [][]chartBar        // per period, per series
	empty   *canvas.Text
}

// rebuild makes the objects for the chart's points; Layout places them.
func (r *trendChartRenderer) rebuild() {
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNameDisabled)
	size := chartTextSize()
	text := func(s string, c color.Color) *canvas.Text {
		t := canvas.NewText(s, c)
		t.TextSize = size
		return t
	}
	r.objects, r.grid, r.scale, r.legend, r.labels, r.bars = nil, nil, nil, nil, nil, nil
	for v := 0; v <= 100; v += 25 {
		l := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
		if v == 0 {
			l.StrokeColor = muted
		}
		r.grid = append(r.grid, l)
		s := text(strconv.Itoa(v), muted)
		s.Alignment = fyne.TextAlignTrailing
		r.scale = append(r.scale, s)
	}
	for _, s := range trendSeries {
		d, _ := data.RateDefOf(s.kind)
		sw := canvas.NewRectangle(s.color)
		sw.StrokeColor, sw.StrokeWidth = fg, 0.5
		r.legend = append(r.legend, sw, text(d.Short+" (%)", fg))
	}
	tl := canvas.NewLine(trendTargetColor)
	tl.StrokeWidth = 2
	r.legend = append(r.legend, tl, text("Chỉ tiêu của năm", fg))

	for _, p := range r.chart.points {
		r.labels = append(r.labels, text(p.label, fg))
		var group []chartBar
		for i, v := range p.verdicts {
			b := chartBar{series: i, rate: v, value: text(v.Rate.String(), fg)}
			if v.Rate.OK {
				b.rect = canvas.NewRectangle(trendSeries[i].color)
				b.rect.StrokeColor, b.rect.StrokeWidth = fg, 0.5
			}
			if v.Status == data.NotMet {
				b.value.Color = theme.Color(theme.ColorNameError)
				b.value.TextStyle.Bold = true
			}
			if v.Status != data.NoTarget {
				b.target = canvas.NewLine(trendTargetColor)
				b.target.StrokeWidth = 2
			}
			group = append(group, b)
		}
		r.bars = append(r.bars, group)
	}
	r.empty = text("Đơn vị chưa có số liệu của kỳ nào cùng loại với kỳ đang chọn.", muted)
	r.empty.Hidden = len(r.chart.points) > 0

	for _, l := range r.grid {
		r.objects = append(r.objects, l)
	}
	for _, s := range r.scale {
		r.objects = append(r.objects, s)
	}
	r.objects = append(r.objects, r.legend...)
	for i, g := range r.bars {
		for _, b := range g {
			if b.rect != nil {
				r.objects = append(r.objects, b.rect)
			}
		}
		for _, b := range g {
			if b.target != nil {
				r.objects = append(r.objects, b.target)
			}
		}
		for _, b := range g {
			r.objects = append(r.objects, b.value)
		}
		r.objects = append(r.objects, r.labels[i])
	}
	r.objects = append(r.objects, r.empty)
}

// slotWidth is the room one period needs: its two bars with their value
// labels side by side, or its name, whichever is wider.
func (r *trendChartRenderer) slotWidth() float32 {
	size := chartTextSize()
	w := 2*max(chartBarMax, fyne.MeasureText("100,00", size, fyne.TextStyle{Bold: true}).Width) + 3*chartBarGap
	for _, l := range r.labels {
		w = max(w, l.MinSize().Width+2*chartBarGap)
	}
	return w
}

func (r *trendChartRenderer) MinSize() fyne.Size {
	n := float32(max(len(r.chart.points), 1))
	return fyne.NewSize(chartPad*2+chartAxisW+n*r.slotWidth(), chartHeight)
}

func (r *trendChartRenderer) Layout(size fyne.Size) {
	// The legend, on one line at the top.
	x := float32(chartAxisW + chartPad)
	for i := 0; i < len(r.legend); i += 2 {
		mark, label := r.legend[i], r.legend[i+1].(*canvas.Text)
		if l, ok := mark.(*canvas.Line); ok {
			l.Position1 = fyne.NewPos(x, chartPad+chartLegendH/2)
			l.Position2 = fyne.NewPos(x+18, chartPad+chartLegendH/2)
		} else {
			mark.Move(fyne.NewPos(x, chartPad+4))
			mark.Resize(fyne.NewSize(18, chartLegendH-8))
		}
		ls := label.MinSize()
		label.Move(fyne.NewPos(x+24, chartPad+(chartLegendH-ls.Height)/2))
		label.Resize(ls)
		x += 24 + ls.Width + 20
	}

	// The plot, 0 to 100 %.
	left := float32(chartPad + chartAxisW)
	right := size.Width - chartPad
	top := float32(chartPad + chartLegendH + chartValueH)
	bottom := size.Height - chartPad - chartLabelH
	h := bottom - top
	yOf := func(p data.Percent) float32 { return bottom - float32(p)/10000*h }
	for i, l := range r.grid {
		y := yOf(data.Percent(i * 2500))
		l.Position1, l.Position2 = fyne.NewPos(left, y), fyne.NewPos(right, y)
		s := r.scale[i]
		ss := s.MinSize()
		s.Move(fyne.NewPos(left-6-ss.Width, y-ss.Height/2))
		s.Resize(ss)
	}
	if n := len(r.bars); n > 0 {
		slot := (right - left) / float32(n)
		barW := min(chartBarMax, (slot-3*chartBarGap)/2)
		for i, g := range r.bars {
			mid := left + slot*(float32(i)+0.5)
			for j, b := range g {
				bx := mid - chartBarGap/2 - barW + float32(j)*(barW+chartBarGap)
				top := bottom
				if b.rect != nil {
					top = yOf(b.rate.Rate.Value)
					b.rect.Move(fyne.NewPos(bx, top))
					b.rect.Resize(fyne.NewSize(barW, bottom-top))
				}
				vs := b.value.MinSize()
				if b.target != nil {
					ty := yOf(b.rate.Target)
					b.target.Position1, b.target.Position2 = fyne.NewPos(bx-3, ty), fyne.NewPos(bx+barW+3, ty)
					// A target just above the bar would cross its
					// value: the value goes above the target.
					if ty < top && ty > top-vs.Height {
						top = ty - 1
					}
				}
				b.value.Move(fyne.NewPos(bx+barW/2-vs.Width/2, top-vs.Height))
				b.value.Resize(vs)
			}
			l := r.labels[i]
			ls := l.MinSize()
			l.Move(fyne.NewPos(mid-ls.Width/2, bottom+4))
			l.Resize(ls)
		}
	}
	es := r.empty.MinSize()
	r.empty.Move(fyne.NewPos(left+(right-left-es.Width)/2, top+(h-es.Height)/2))
	r.empty.Resize(es)
}

func (r *trendChartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

func (r *trendChartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *trendChartRenderer) Destroy()                     {}
