package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
)

func openOneStop(t *testing.T) (*oneStopView, *UI) {
	t.Helper()
	ui, _ := newTestUI(t)
	ui.Show(SectionOneStop)
	if ui.oneStop == nil {
		t.Fatal("Một cửa section not built")
	}
	return ui.oneStop, ui
}

// rowOf returns the shown row whose first cell is name.
func rowOf(rows [][]string, name string) (int, []string) {
	for i, r := range rows {
		if r[0] == name {
			return i, r
		}
	}
	return -1, nil
}

// The period table shows example D's unit with its counts and rates, units
// below target marked, and the office totals from the sums.
func TestOneStopTableShowsDemoFigures(t *testing.T) {
	v, ui := openOneStop(t)
	v.SetPeriod(demo.ExampleDPeriod)
	rows := v.table.Shown()
	if len(rows) != 11 {
		t.Fatalf("%d rows, want 10 units and the totals", len(rows))
	}
	i, row := rowOf(rows, "Thành phố Cao Bằng")
	want := []string{"Thành phố Cao Bằng", "Trực tuyến ≥ 60; Trả qua BCCI ≥ 50",
		"7.447", "7.450", "100,00", "98,00", "0,00", "30,00", "25,00", "5,00", "80,00", "30,00", "10,00", "80,01", "100,00"}
	if !slices.Equal(row, want) {
		t.Fatalf("Cao Bằng row %q\nwant %q", row, want)
	}
	// Online 30 % misses the city's own 60 % target, post 10 % the
	// office's 50 %: those cells are red; on time is not.
	online, post, onTime := colFirstRate+3, colFirstRate+8, colFirstRate
	if !v.table.Danger(i, online) || !v.table.Danger(i, post) || v.table.Danger(i, onTime) {
		t.Errorf("red cells of Cao Bằng: online %v, post %v, on time %v", v.table.Danger(i, online), v.table.Danger(i, post), v.table.Danger(i, onTime))
	}
	// Totals: sums of the units' counts, rates from the sums.
	var sum data.OneStopFigures
	if err := ui.store.View(func(tx *store.Tx) error {
		figs, err := tx.OneStopPeriod(demo.ExampleDPeriod)
		for _, f := range figs {
			sum.Add(&f)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	total := rows[len(rows)-1]
	if total[0] != "Tổng cộng" || total[colReceived] != data.FormatCount(sum.Received) || total[onTime] != sum.Rate(data.RateOnTime).String() || total[online] != sum.Rate(data.RateOnline).String() {
		t.Errorf("totals row %q; sums: received %d, on time %s, online %s", total, sum.Received, sum.Rate(data.RateOnTime), sum.Rate(data.RateOnline))
	}
	// The officer reads the same figures on screen.
	texts := shownTexts(ui.win)
	if !slices.Contains(texts, "7.447") || !slices.Contains(texts, "98,00") {
		t.Errorf("screen does not show example D's figures: %q", texts)
	}
}

// Tapping a header sorts by that column; a second tap reverses; the totals
// stay last.
func TestOneStopTableSorts(t *testing.T) {
	v, _ := openOneStop(t)
	v.SetPeriod(demo.ExampleDPeriod)
	col := colFirstRate + 3 // Trực tuyến
	values := func() []string {
		var out []string
		rows := v.table.Shown()
		for _, r := range rows[:len(rows)-1] {
			out = append(out, r[col])
		}
		if rows[len(rows)-1][0] != "Tổng cộng" {
			t.Errorf("totals not last: %q", rows[len(rows)-1])
		}
		return out
	}
	parse := func(s string) int64 {
		p, err := data.ParsePercent(s)
		if err != nil {
			t.Fatalf("rate %q: %v", s, err)
		}
		return int64(p)
	}
	v.table.SortBy(col)
	asc := values()
	for i := 1; i < len(asc); i++ {
		if parse(asc[i-1]) > parse(asc[i]) {
			t.Fatalf("ascending online rates %q", asc)
		}
	}
	v.table.SortBy(col)
	desc := values()
	for i := 1; i < len(desc); i++ {
		if parse(desc[i-1]) < parse(desc[i]) {
			t.Fatalf("descending online rates %q", desc)
		}
	}
}

// Figures that do not add up are refused in place with the message, and
// nothing is stored; figures that add up are stored and shown.
func TestOneStopEntryRefusesInconsistentFigures(t *testing.T) {
	v, ui := openOneStop(t)
	q3 := data.Period{Year: 2023, Kind: data.PeriodQuarter, N: 3}
	v.SetPeriod(q3)
	v.tabs.SelectIndex(1)
	v.unit.SetSelected("Huyện Nguyên Bình")
	stored := func() (data.OneStopFigures, bool) {
		var f data.OneStopFigures
		var ok bool
		if err := ui.store.View(func(tx *store.Tx) (err error) {
			f, ok, err = tx.OneStop(q3, demo.ExampleAUnit)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return f, ok
	}
	before, ok := stored()
	if !ok || v.entries["received"].Text != data.FormatCount(before.Received) {
		t.Fatalf("form shows received %q, stored %d", v.entries["received"].Text, before.Received)
	}
	set := func(key, text string) {
		e := v.entries[key]
		e.SetText("")
		test.Type(e, text)
	}
	// One early dossier too many: resolved no longer adds up.
	early := before.Early + 1
	set("early", data.FormatCount(early))
	msg := v.status.Text
	if !strings.Contains(msg, "Đã giải quyết ("+data.FormatCount(before.Resolved)+") phải bằng trước hạn + đúng hạn + quá hạn") {
		t.Errorf("live check says %q", msg)
	}
	test.Tap(v.saveButton)
	if !strings.HasPrefix(v.status.Text, "Chưa lưu: Đã giải quyết") {
		t.Errorf("after save: %q", v.status.Text)
	}
	if after, _ := stored(); after != before {
		t.Errorf("refused figures were stored: %+v", after)
	}
	// A typing slip names the field.
	set("early", "12a")
	if !strings.Contains(v.status.Text, "Đã giải quyết trước hạn") || !strings.Contains(v.status.Text, "không phải là số nguyên") {
		t.Errorf("bad number: %q", v.status.Text)
	}
	// Fix it: one more on time becomes one less… the officer moves the
	// dossier from on time to early.
	set("early", data.FormatCount(early))
	set("on_time", data.FormatCount(before.OnTime-1))
	if !strings.HasPrefix(v.status.Text, "Số liệu khớp") {
		t.Fatalf("consistent figures: %q", v.status.Text)
	}
	test.Tap(v.saveButton)
	after, _ := stored()
	if after.Early != early || after.OnTime != before.OnTime-1 {
		t.Errorf("stored early %d on time %d", after.Early, after.OnTime)
	}
	if !strings.HasPrefix(v.status.Text, "Đã lưu") {
		t.Errorf("status %q", v.status.Text)
	}
	_, row := rowOf(v.table.Shown(), "Huyện Nguyên Bình")
	if want := data.FormatCount(after.Received); row == nil || row[colReceived] != want {
		t.Errorf("table row after save %q, want received %s", row, want)
	}
}

func TestOneStopTrendAndTargets(t *testing.T) {
	v, ui := openOneStop(t)
	v.SetPeriod(data.Period{Year: 2023, Kind: data.PeriodQuarter, N: 1})
	v.trendUnit.SetSelected("Thành phố Cao Bằng")
	rows := v.trend.Shown()
	var periods []string
	for _, r := range rows {
		periods = append(periods, r[0])
	}
	if want := []string{"Quý I năm 2022", "Quý II năm 2022", "Quý III năm 2022", "Quý IV năm 2022", "Quý I năm 2023", "Quý II năm 2023", "Quý III năm 2023", "Quý IV năm 2023"}; !slices.Equal(periods, want) {
		t.Errorf("trend periods %q", periods)
	}
	if rows[4][colReceived] != "3.512" || rows[5][colReceived] != "3.935" {
		t.Errorf("example D's quarters received %s and %s, want 3.512 and 3.935", rows[4][colReceived], rows[5][colReceived])
	}

	// A unit's own target: Nguyên Bình must have 70 % on its results by
	// post from now on.
	v.targetUnit.SetSelected("Huyện Nguyên Bình")
	test.Type(v.targetEntries[data.RatePost], "70")
	test.Tap(v.targetSave)
	if !strings.HasPrefix(v.targetStatus.Text, "Đã lưu 1 chỉ tiêu năm 2023") {
		t.Fatalf("target status %q", v.targetStatus.Text)
	}
	var own map[string]data.OneStopTargets
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		_, own, err = tx.OneStopTargets(2023)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if own[demo.ExampleAUnit].Targets[data.RatePost] != 7000 {
		t.Errorf("stored targets %+v", own)
	}
	// A target above 100 % is refused and nothing changes.
	v.targetEntries[data.RatePost].SetText("120")
	test.Tap(v.targetSave)
	if !strings.Contains(v.targetStatus.Text, "Chỉ tiêu tỷ lệ kết quả trả qua dịch vụ bưu chính công ích") || !strings.Contains(v.targetStatus.Text, "100") {
		t.Errorf("target 120: %q", v.targetStatus.Text)
	}
}

// "Xóa số liệu kỳ này" removes the unit's figures for the chosen period
// after a "Có", in one transaction; "Không" keeps them; other periods stay.
func TestOneStopDeleteFigures(t *testing.T) {
	v, ui := openOneStop(t)
	q2 := data.Period{Year: 2023, Kind: data.PeriodQuarter, N: 2}
	q3 := data.Period{Year: 2023, Kind: data.PeriodQuarter, N: 3}
	v.SetPeriod(q3)
	v.tabs.SelectIndex(1)
	v.unit.SetSelected("Huyện Nguyên Bình")
	stored := func(p data.Period) bool {
		var ok bool
		if err := ui.store.View(func(tx *store.Tx) (err error) {
			_, ok, err = tx.OneStop(p, demo.ExampleAUnit)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !stored(q3) || v.delete.Disabled() {
		t.Fatalf("demo figures of Nguyên Bình for Q3 2023: stored %v, delete disabled %v", stored(q3), v.delete.Disabled())
	}

	tapButton(t, ui.win, "Xóa số liệu kỳ này")
	if msg := strings.Join(textsIn(ui.win.Canvas().Overlays().Top()), " "); !strings.Contains(msg, "Xóa số liệu một cửa của Huyện Nguyên Bình, quý III năm 2023?") {
		t.Errorf("confirmation says %q", msg)
	}
	tapButton(t, ui.win, "Không")
	if !stored(q3) {
		t.Fatal("«Không» deleted the figures")
	}

	tapButton(t, ui.win, "Xóa số liệu kỳ này")
	tapButton(t, ui.win, "Có")
	if stored(q3) {
		t.Fatal("figures still stored after «Có»")
	}
	if !stored(q2) {
		t.Error("the delete took another period's figures with it")
	}
	if v.status.Text != "Đã xóa số liệu của Huyện Nguyên Bình, quý III năm 2023." {
		t.Errorf("status %q", v.status.Text)
	}
	if v.entries["received"].Text != "" || !v.delete.Disabled() {
		t.Errorf("form after delete: received %q, delete disabled %v", v.entries["received"].Text, v.delete.Disabled())
	}
	if _, row := rowOf(v.table.Shown(), "Huyện Nguyên Bình"); row == nil || row[colReceived] != "chưa báo cáo" {
		t.Errorf("table row after delete %q", row)
	}
}

// The trend chart has a pair of bars per period, in the table's order, each
// with its value printed above it in Vietnamese format, the year's target
// across it, and a missed target in red.
func TestOneStopTrendChart(t *testing.T) {
	v, ui := openOneStop(t)
	v.SetPeriod(data.Period{Year: 2023, Kind: data.PeriodQuarter, N: 1})
	v.tabs.SelectIndex(2)
	v.trendUnit.SetSelected("Thành phố Cao Bằng")
	var figs []data.OneStopFigures
	targets := map[int]map[data.RateKind]data.Percent{}
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		figs, err = tx.OneStopTrend(demo.ExampleDUnit, data.PeriodQuarter)
		for _, y := range []int{2022, 2023} {
			office, own, err := tx.OneStopTargets(y)
			if err != nil {
				return err
			}
			var mine *data.OneStopTargets
			if t, ok := own[demo.ExampleDUnit]; ok {
				mine = &t
			}
			targets[y] = data.EffectiveTargets(office, mine)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	r := test.WidgetRenderer(v.trendChart).(*trendChartRenderer)
	if len(figs) != 8 || len(r.bars) != len(figs) || len(r.labels) != len(figs) {
		t.Fatalf("%d periods stored, chart has %d groups of bars and %d labels", len(figs), len(r.bars), len(r.labels))
	}
	if r.labels[0].Text != "Quý I/2022" || r.labels[7].Text != "Quý IV/2023" {
		t.Errorf("period labels %q … %q", r.labels[0].Text, r.labels[7].Text)
	}
	bottom := r.grid[0].Position1.Y
	full := bottom - r.grid[len(r.grid)-1].Position1.Y // the height of 100 %
	missed := 0
	for i, f := range figs {
		for j, s := range trendSeries {
			b := r.bars[i][j]
			rate := f.Rate(s.kind)
			if b.value.Text != rate.String() {
				t.Errorf("%s, %s: label %q, want %q", f.Period.Title(), s.kind, b.value.Text, rate.String())
			}
			if !rate.OK {
				if b.rect != nil {
					t.Errorf("%s, %s: a bar without a value", f.Period.Title(), s.kind)
				}
				continue
			}
			// The bar stands on the axis, as high as its value; the label
			// is centred over it.
			h := float32(rate.Value) / 10000 * full
			if d := b.rect.Size().Height - h; d > 0.5 || d < -0.5 || b.rect.Position().Y+b.rect.Size().Height != bottom {
				t.Errorf("%s, %s: bar of height %v at %v, want %v standing on %v", f.Period.Title(), s.kind, b.rect.Size().Height, b.rect.Position().Y, h, bottom)
			}
			mid := b.rect.Position().X + b.rect.Size().Width/2
			if c := b.value.Position().X + b.value.Size().Width/2; c-mid > 0.5 || mid-c > 0.5 || b.value.Position().Y >= b.rect.Position().Y {
				t.Errorf("%s, %s: label not centred above its bar", f.Period.Title(), s.kind)
			}
			target, has := targets[f.Period.Year][s.kind]
			if has != (b.target != nil) {
				t.Errorf("%s, %s: target %v, line drawn %v", f.Period.Title(), s.kind, has, b.target != nil)
			}
			if has {
				if y := bottom - float32(target)/10000*full; b.target.Position1.Y-y > 0.5 || y-b.target.Position1.Y > 0.5 {
					t.Errorf("%s, %s: target line at %v, want %v", f.Period.Title(), s.kind, b.target.Position1.Y, y)
				}
			}
			if below := data.Judge(&f, s.kind, targets[f.Period.Year]).Status == data.NotMet; below != b.value.TextStyle.Bold {
				t.Errorf("%s, %s: below target %v, label red and bold %v", f.Period.Title(), s.kind, below, b.value.TextStyle.Bold)
			} else if below {
				missed++
			}
		}
	}
	if missed == 0 {
		t.Error("no period of Cao Bằng misses a target: the test does not see the red labels")
	}
	// The labels are on screen.
	var shown []string
	walkShown(v.trendChart, func(o fyne.CanvasObject) bool {
		if tx, ok := o.(*canvas.Text); ok {
			shown = append(shown, tx.Text)
		}
		return true
	})
	for _, want := range []string{"Quý II/2023", figs[5].Rate(data.RateOnline).String(), "Đúng hạn (%)", "Trực tuyến (%)", "Chỉ tiêu của năm"} {
		if !slices.Contains(shown, want) {
			t.Errorf("chart does not show %q: %q", want, shown)
		}
	}
	// A unit without figures of that kind: the chart says so.
	v.SetPeriod(data.Period{Year: 2023, Kind: data.PeriodMonth, N: 6})
	r = test.WidgetRenderer(v.trendChart).(*trendChartRenderer)
	if len(r.bars) != 0 || r.empty.Hidden {
		t.Errorf("months without figures: %d bars, empty message hidden %v", len(r.bars), r.empty.Hidden)
	}
}
