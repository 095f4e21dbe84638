package app

import (
	"slices"
	"strings"
	"testing"

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
	want := []string{"Thành phố Cao Bằng", "7.447", "7.450", "100,00", "98,00", "0,00", "30,00", "25,00", "5,00", "80,00", "30,00", "10,00", "80,01", "100,00",
		"Trực tuyến (≥ 60,00); Trả qua BCCI (≥ 50,00)"}
	if !slices.Equal(row, want) {
		t.Fatalf("Cao Bằng row %q\nwant %q", row, want)
	}
	// Online 30 % misses the city's own 60 % target, post 10 % the
	// office's 50 %: those cells are red; on time is not.
	if !v.table.Danger(i, 6) || !v.table.Danger(i, 11) || v.table.Danger(i, 3) {
		t.Errorf("red cells of Cao Bằng: online %v, post %v, on time %v", v.table.Danger(i, 6), v.table.Danger(i, 11), v.table.Danger(i, 3))
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
	if total[0] != "Tổng cộng" || total[1] != data.FormatCount(sum.Received) || total[3] != sum.Rate(data.RateOnTime).String() || total[6] != sum.Rate(data.RateOnline).String() {
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
	col := 6 // Trực tuyến
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
	if want := data.FormatCount(after.Received); row == nil || row[1] != want {
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
	if rows[4][1] != "3.512" || rows[5][1] != "3.935" {
		t.Errorf("example D's quarters received %s and %s, want 3.512 and 3.935", rows[4][1], rows[5][1])
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
