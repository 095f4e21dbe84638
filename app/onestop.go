package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// oneStopView is the "Một cửa" section: a period's table of units with
// their rates (sortable, units below target in red), the office totals, a
// unit's trend over periods, the entry form of a unit's figures and the
// year's targets.
type oneStopView struct {
	ui      *UI
	content fyne.CanvasObject
	year    *widget.Select
	period  *widget.Select
	periods []data.Period // the options of period, for the chosen year
	save    *widget.Button
	tabs    *container.AppTabs
	units   []data.Unit

	// Per-period table.
	table   *sortTable
	totals  *widget.Label
	summary data.OneStopSummary

	// Entry form.
	unit       *widget.Select
	entries    map[string]*widget.Entry
	note       *widget.Entry
	status     *widget.Label
	saveButton *widget.Button
	delete     *widget.Button
	loading    bool

	// Trend.
	trendUnit  *widget.Select
	trend      *sortTable
	trendChart *trendChart

	// Targets.
	targetUnit    *widget.Select
	targetEntries map[data.RateKind]*widget.Entry
	targetStatus  *widget.Label
	targetSave    *widget.Button
}

func newOneStopView(ui *UI) *oneStopView {
	v := &oneStopView{ui: ui}
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		v.units, err = tx.Units()
		return err
	}); err != nil {
		ui.showError(err)
	}
	v.units = slices.DeleteFunc(v.units, func(u data.Unit) bool { return u.Inactive })

	v.year = newSelect(nil, nil)
	v.period = newSelect(nil, nil)
	v.fillYears()
	v.year.OnChanged = func(string) { v.fillPeriods(); v.load() }
	v.period.OnChanged = func(string) { v.load() }
	v.save = widget.NewButtonWithIcon("Lưu báo cáo PDF…", theme.DocumentSaveIcon(), v.savePDF)
	v.save.Importance = widget.HighImportance

	v.tabs = container.NewAppTabs(
		container.NewTabItem("Bảng theo kỳ", v.buildTable()),
		container.NewTabItem("Nhập số liệu", v.buildForm()),
		container.NewTabItem("Diễn biến của đơn vị", v.buildTrend()),
		container.NewTabItem("Chỉ tiêu năm", v.buildTargets()),
	)
	head := boldLabel("Kết quả giải quyết thủ tục hành chính (một cửa)")
	top := flow(head, field("Năm:", v.year), field("Kỳ:",
		container.NewGridWrap(fyne.NewSize(190, v.period.MinSize().Height), v.period)), v.save)
	v.content = container.NewBorder(top, nil, nil, nil, v.tabs)
	ui.watch(v, v.reloadUnits, UnitsChanged)
	ui.watch(v, v.keepYears, FrameworkChanged, OneStopChanged)
	ui.watch(v, v.load, OneStopChanged, UnitsChanged, FrameworkChanged)
	v.load()
	return v
}

// fillYears offers the years with a framework or with one-stop figures and
// the current year; the latest year with figures is chosen.
func (v *oneStopView) fillYears() {
	set := map[int]bool{today().Year(): true}
	latest := data.Period{}
	if err := v.ui.store.View(func(tx *store.Tx) error {
		ys, err := tx.Years()
		for _, y := range ys {
			set[y] = true
		}
		ps, perr := tx.OneStopPeriods()
		for _, p := range ps {
			set[p.Year] = true
			if p.Year > latest.Year {
				latest = p
			}
		}
		if err == nil {
			err = perr
		}
		return err
	}); err != nil {
		v.ui.showError(err)
	}
	var opts []string
	for y := range set {
		opts = append(opts, strconv.Itoa(y))
	}
	slices.Sort(opts)
	v.year.Options = opts
	if latest.Year == 0 {
		latest.Year = today().Year()
	}
	v.year.Selected = strconv.Itoa(latest.Year)
	v.fillPeriods()
}

// periodName is a period's name inside its year: "Cả năm", "6 tháng đầu
// năm", "Quý I", "Tháng 6".
func periodName(p data.Period) string {
	switch p.Kind {
	case data.PeriodYear:
		return "Cả năm"
	case data.PeriodHalf:
		return strings.TrimSuffix(p.Title(), " "+strconv.Itoa(p.Year))
	}
	return strings.TrimSuffix(p.Title(), " năm "+strconv.Itoa(p.Year))
}

func (v *oneStopView) fillPeriods() {
	year, _ := strconv.Atoi(v.year.Selected)
	if year == 0 {
		year = today().Year()
	}
	keep := v.period.SelectedIndex()
	v.periods = data.PeriodsOfYear(year)
	opts := make([]string, len(v.periods))
	for i, p := range v.periods {
		opts[i] = periodName(p)
	}
	v.period.Options = opts
	if keep < 0 {
		keep = 0
	}
	v.period.Selected = opts[keep]
	v.period.Refresh()
}

// Period is the chosen period.
func (v *oneStopView) Period() data.Period {
	if i := v.period.SelectedIndex(); i >= 0 {
		return v.periods[i]
	}
	return v.periods[0]
}

// SetPeriod chooses a period (tests, and the officer's last choice).
func (v *oneStopView) SetPeriod(p data.Period) {
	v.year.SetSelected(strconv.Itoa(p.Year))
	for i, q := range v.periods {
		if q == p {
			v.period.SetSelectedIndex(i)
		}
	}
}

func (v *oneStopView) load() {
	v.loadTable()
	v.loadForm()
	v.loadTrend()
	v.loadTargets()
}

// ---- per-period table ----

// rateTableColumns are the columns of the period and trend tables: the
// unit (or period), the targets missed, the counts and the rates. The
// targets missed come second so that they are in sight without scrolling
// sideways, even on a 1 280-pixel window.
func rateTableColumns(first string) []column {
	cols := []column{{first, 190, fyne.TextAlignLeading}, {"Chưa đạt chỉ tiêu", 300, fyne.TextAlignLeading},
		{"Tiếp nhận", 82, fyne.TextAlignTrailing}, {"Đã giải quyết", 96, fyne.TextAlignTrailing}}
	for _, d := range data.OneStopRates {
		cols = append(cols, column{d.Short + " %", 92, fyne.TextAlignTrailing})
	}
	return cols
}

// shortPercent prints a target as typed: "50", "97,5", "97,55".
func shortPercent(p data.Percent) string {
	return strings.TrimSuffix(strings.TrimSuffix(p.String(), "0"), ",0")
}

// Columns of rateTableColumns.
const (
	colMissed    = 1
	colReceived  = 2
	colResolved  = 3
	colFirstRate = 4 // then one column per data.OneStopRates, in order
)

func (v *oneStopView) buildTable() fyne.CanvasObject {
	v.table = newSortTable(rateTableColumns("Đơn vị"))
	v.table.headerAlign = widget.ButtonAlignCenter
	v.totals = widget.NewLabel("")
	v.totals.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel("Bấm tiêu đề cột để sắp xếp. Tỷ lệ chữ đỏ: chưa đạt chỉ tiêu; — : không có số liệu để tính. Dòng tổng cộng tính lại tỷ lệ từ tổng các số liệu.")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	return container.NewBorder(nil, container.NewVBox(v.totals, hint), nil, nil, v.table)
}

// rateRow builds a table row for figures judged against targets: the name
// (sorted by its text), the targets missed (sorted by their number), the
// counts and the rates (sorted by value, a cell without a value last),
// rates below target marked.
func rateRow(name string, f *data.OneStopFigures, reported bool, targets map[data.RateKind]data.Percent) sortRow {
	r := sortRow{cells: []string{name, ""}, keys: []any{nil, nil}, danger: []bool{false, false}}
	add := func(text string, key int64, has, danger bool) {
		var k any = noKey{}
		if has {
			k = key
		}
		r.cells, r.keys, r.danger = append(r.cells, text), append(r.keys, k), append(r.danger, danger)
	}
	if !reported {
		add("chưa báo cáo", 0, false, false)
		add("", 0, false, false)
	} else {
		add(data.FormatCount(f.Received), f.Received, true, false)
		add(data.FormatCount(f.Resolved), f.Resolved, true, false)
	}
	var missed []string
	for _, d := range data.OneStopRates {
		vd := data.Judge(f, d.Kind, targets)
		notMet := vd.Status == data.NotMet
		if notMet {
			target := "≥ "
			if d.LowerIsBetter {
				target = "≤ "
			}
			missed = append(missed, d.Short+" "+target+shortPercent(vd.Target))
		}
		add(vd.Rate.String(), int64(vd.Rate.Value), vd.Rate.OK, notMet)
	}
	r.cells[colMissed] = strings.Join(missed, "; ")
	r.keys[colMissed] = any(noKey{})
	if reported {
		r.keys[colMissed] = int64(len(missed))
	}
	return r
}

func (v *oneStopView) loadTable() {
	p := v.Period()
	err := v.ui.store.View(func(tx *store.Tx) (err error) {
		v.summary, err = tx.OneStopSummary(p, "")
		return err
	})
	if err != nil {
		v.ui.showError(err)
		return
	}
	var rows []sortRow
	below := 0
	for i := range v.summary.Rows {
		r := &v.summary.Rows[i]
		rows = append(rows, rateRow(r.Unit.Name, &r.Figures, r.Reported, r.Targets))
		if len(r.Missed()) > 0 {
			below++
		}
	}
	s := &v.summary
	total := rateRow("Tổng cộng", &s.Total, s.Reported > 0, s.TotalTargets)
	total.bold = true
	v.table.SetRows(rows, total)
	if s.Reported == 0 {
		v.totals.SetText(fmt.Sprintf("%s: chưa có đơn vị nào nhập số liệu. Nhập ở thẻ «Nhập số liệu».", p.Title()))
		v.save.Disable()
		return
	}
	v.save.Enable()
	t := &s.Total
	v.totals.SetText(fmt.Sprintf("%s: %d/%d đơn vị có số liệu, %d đơn vị chưa đạt ít nhất một chỉ tiêu. Tổng cộng: kỳ trước chuyển sang %s, tiếp nhận mới %s, đã giải quyết %s (đúng hạn %s %%), đang giải quyết %s (quá hạn %s).",
		p.Title(), s.Reported, len(s.Rows), below, data.FormatCount(t.Carried), data.FormatCount(t.Received),
		data.FormatCount(t.Resolved), t.Rate(data.RateOnTime), data.FormatCount(t.Pending), data.FormatCount(t.PendingOverdue)))
}

func (v *oneStopView) savePDF() {
	p := v.Period()
	v.ui.savePDF("mot-cua-"+p.String()+".pdf", func() ([]byte, error) {
		var in reports.OneStopInput
		if err := v.ui.store.View(func(tx *store.Tx) (err error) {
			in, err = ops.OneStopInput(tx, p, "")
			return err
		}); err != nil {
			return nil, err
		}
		in.Date = today()
		return reports.OneStop(in)
	})
}

// ---- entry form ----

func (v *oneStopView) unitNames() []string {
	names := make([]string, len(v.units))
	for i, u := range v.units {
		names[i] = u.Name
	}
	return names
}

func (v *oneStopView) buildForm() fyne.CanvasObject {
	v.unit = newSelect(v.unitNames(), func(string) { v.loadForm() })
	if len(v.units) > 0 {
		v.unit.Selected = v.units[0].Name
	}
	v.entries = map[string]*widget.Entry{}
	groups := map[string]*widget.Form{}
	var order []string
	for _, fd := range data.OneStopFields {
		e := widget.NewEntry()
		e.SetPlaceHolder("0")
		e.OnChanged = func(string) { v.check() }
		v.entries[fd.Key] = e
		f, ok := groups[fd.Group]
		if !ok {
			f = widget.NewForm()
			groups[fd.Group] = f
			order = append(order, fd.Group)
		}
		f.Append(fd.Label, e)
	}
	var cards []fyne.CanvasObject
	for _, g := range order {
		cards = append(cards, widget.NewCard("", g, groups[g]))
	}
	v.note = widget.NewMultiLineEntry()
	v.note.SetPlaceHolder("Ghi chú (nguồn số liệu, giải trình…)")
	v.note.SetMinRowsVisible(2)
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.saveButton = widget.NewButtonWithIcon("Lưu số liệu", theme.DocumentSaveIcon(), v.saveFigures)
	v.saveButton.Importance = widget.HighImportance
	v.delete = widget.NewButtonWithIcon("Xóa số liệu kỳ này", theme.DeleteIcon(), v.confirmDelete)
	v.delete.Importance = widget.DangerImportance
	top := flow(field("Đơn vị:", container.NewGridWrap(fyne.NewSize(260, v.unit.MinSize().Height), v.unit)),
		widget.NewLabel("Số liệu của kỳ đang chọn ở trên; ô để trống được tính là 0."))
	grid := container.NewGridWithColumns(2,
		container.NewVBox(cards[0], cards[2]),
		container.NewVBox(cards[1], cards[3]))
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(v.delete, v.saveButton), v.status)
	// The status and the save button stay in sight however far the form
	// scrolls: the officer sees what does not add up while typing.
	return container.NewBorder(top, bottom, nil, nil, container.NewVScroll(container.NewVBox(grid, v.note)))
}

func (v *oneStopView) unitCode(s *widget.Select) string {
	if i := s.SelectedIndex(); i >= 0 && i < len(v.units) {
		return v.units[i].Code
	}
	return ""
}

// loadForm shows the chosen unit's stored figures for the period (blank
// when it has none).
func (v *oneStopView) loadForm() {
	if v.entries == nil {
		return
	}
	p, code := v.Period(), v.unitCode(v.unit)
	var f data.OneStopFigures
	var ok bool
	if err := v.ui.store.View(func(tx *store.Tx) (err error) {
		f, ok, err = tx.OneStop(p, code)
		return err
	}); err != nil {
		v.ui.showError(err)
	}
	v.loading = true
	for _, fd := range data.OneStopFields {
		text := ""
		if ok {
			text = data.FormatCount(*fd.Of(&f))
		}
		v.entries[fd.Key].SetText(text)
	}
	v.note.SetText(f.Note)
	v.loading = false
	v.status.Importance = widget.MediumImportance
	if ok {
		v.delete.Enable()
		v.status.SetText(fmt.Sprintf("Số liệu đã lưu của %s, %s.", v.unit.Selected, p.Label()))
	} else {
		v.delete.Disable()
		v.status.SetText(fmt.Sprintf("%s chưa có số liệu %s.", v.unit.Selected, p.Label()))
	}
}

// figures reads the form. A field that is not a count is refused with its
// name.
func (v *oneStopView) figures() (data.OneStopFigures, error) {
	f := data.OneStopFigures{Unit: v.unitCode(v.unit), Period: v.Period(), Note: v.note.Text}
	for _, fd := range data.OneStopFields {
		n, err := data.ParseCount(v.entries[fd.Key].Text)
		if err != nil {
			return f, data.Errorf(data.EINVALID, "%s: %s (từ 0 đến %s)", data.FieldName(fd.Key), data.ErrorMessage(err), data.FormatCount(data.MaxCount))
		}
		*fd.Of(&f) = n
	}
	return f, nil
}

// check validates the form as the officer types and says, in place, what
// does not add up; nothing is written.
func (v *oneStopView) check() {
	if v.loading {
		return
	}
	f, err := v.figures()
	if err == nil {
		err = f.Validate()
	}
	if err != nil {
		tell(v.status, false, data.ErrorMessage(err))
		return
	}
	tell(v.status, true, fmt.Sprintf("Số liệu khớp. Đúng hạn %s %%, trực tuyến %s %%, trả qua BCCI %s %%, hài lòng %s %%.",
		f.Rate(data.RateOnTime), f.Rate(data.RateOnline), f.Rate(data.RatePost), f.Rate(data.RateSatisfied)))
}

func (v *oneStopView) saveFigures() {
	f, err := v.figures()
	if err == nil {
		err = v.ui.store.Update(func(tx *store.Tx) error { return tx.PutOneStop(f) })
	}
	if err != nil {
		tell(v.status, false, "Chưa lưu: "+data.ErrorMessage(err))
		return
	}
	v.ui.publish(Change{Kind: OneStopChanged})
	tell(v.status, true, fmt.Sprintf("Đã lưu số liệu của %s, %s.", v.unit.Selected, f.Period.Label()))
}

// confirmDelete removes the chosen unit's figures for the chosen period
// (entered for the wrong unit or period), after the officer says yes.
func (v *oneStopView) confirmDelete() {
	p, code, name := v.Period(), v.unitCode(v.unit), v.unit.Selected
	showConfirm("Xóa số liệu một cửa",
		fmt.Sprintf("Xóa số liệu một cửa của %s, %s?\nCác kỳ khác không thay đổi. Không khôi phục lại được (trừ từ bản sao lưu).", name, p.Label()),
		func(yes bool) {
			if !yes {
				return
			}
			err := v.ui.store.Update(func(tx *store.Tx) error { return tx.DeleteOneStop(p, code) })
			if err != nil {
				tell(v.status, false, "Chưa xóa: "+data.ErrorMessage(err))
				return
			}
			v.ui.publish(Change{Kind: OneStopChanged})
			tell(v.status, true, fmt.Sprintf("Đã xóa số liệu của %s, %s.", name, p.Label()))
		}, v.ui.win)
}

// ---- trend ----

func (v *oneStopView) buildTrend() fyne.CanvasObject {
	v.trendUnit = newSelect(v.unitNames(), func(string) { v.loadTrend() })
	if len(v.units) > 0 {
		v.trendUnit.Selected = v.units[0].Name
	}
	v.trend = newSortTable(rateTableColumns("Kỳ"))
	v.trend.headerAlign = widget.ButtonAlignCenter
	v.trend.fixed = true // old periods first, always
	v.trendChart = newTrendChart()
	hint := widget.NewLabel("Các kỳ cùng loại với kỳ đang chọn (năm, 6 tháng, quý hoặc tháng), cũ trước mới sau; tỷ lệ chữ đỏ chưa đạt chỉ tiêu của năm đó, vạch cam trên cột là chỉ tiêu.")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	top := container.NewHBox(widget.NewLabel("Đơn vị:"), container.NewGridWrap(fyne.NewSize(260, v.trendUnit.MinSize().Height), v.trendUnit))
	// Many months scroll sideways rather than squeeze the labels.
	return container.NewBorder(container.NewVBox(top, container.NewHScroll(v.trendChart)), hint, nil, nil, v.trend)
}

func (v *oneStopView) loadTrend() {
	if v.trend == nil {
		return
	}
	code := v.unitCode(v.trendUnit)
	var rows []sortRow
	var points []trendPoint
	err := v.ui.store.View(func(tx *store.Tx) error {
		figs, err := tx.OneStopTrend(code, v.Period().Kind)
		if err != nil {
			return err
		}
		for i := range figs {
			office, own, err := tx.OneStopTargets(figs[i].Period.Year)
			if err != nil {
				return err
			}
			var mine *data.OneStopTargets
			if t, ok := own[code]; ok {
				mine = &t
			}
			targets := data.EffectiveTargets(office, mine)
			rows = append(rows, rateRow(figs[i].Period.Title(), &figs[i], true, targets))
			p := trendPoint{label: periodShort(figs[i].Period)}
			for _, s := range trendSeries {
				p.verdicts = append(p.verdicts, data.Judge(&figs[i], s.kind, targets))
			}
			points = append(points, p)
		}
		return nil
	})
	if err != nil {
		v.ui.showError(err)
	}
	v.trend.SetRows(rows)
	v.trendChart.SetPoints(points)
}

// ---- targets ----

const officeTargets = "Chỉ tiêu chung của cơ quan"

func (v *oneStopView) buildTargets() fyne.CanvasObject {
	v.targetUnit = newSelect(append([]string{officeTargets}, v.unitNames()...), func(string) { v.loadTargets() })
	v.targetUnit.Selected = officeTargets
	v.targetEntries = map[data.RateKind]*widget.Entry{}
	form := widget.NewForm()
	for _, d := range data.OneStopRates {
		e := widget.NewEntry()
		e.SetPlaceHolder("không giao")
		v.targetEntries[d.Kind] = e
		label := d.Name + " (%) ≥"
		if d.LowerIsBetter {
			label = d.Name + " (%) ≤"
		}
		form.Append(label, e)
	}
	v.targetStatus = widget.NewLabel("")
	v.targetStatus.Wrapping = fyne.TextWrapWord
	v.targetSave = widget.NewButtonWithIcon("Lưu chỉ tiêu", theme.DocumentSaveIcon(), v.saveTargets)
	v.targetSave.Importance = widget.HighImportance
	hint := widget.NewLabel("Chỉ tiêu của năm đang chọn. Chỉ tiêu riêng của một đơn vị thay chỉ tiêu chung ở những tỷ lệ được nhập; ô để trống là không giao (với chỉ tiêu riêng: theo chỉ tiêu chung).")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	top := container.NewHBox(widget.NewLabel("Áp dụng cho:"), container.NewGridWrap(fyne.NewSize(300, v.targetUnit.MinSize().Height), v.targetUnit))
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewVBox(hint, form, container.NewBorder(nil, nil, nil, v.targetSave, v.targetStatus))))
}

func (v *oneStopView) targetCode() string {
	if i := v.targetUnit.SelectedIndex(); i > 0 {
		return v.units[i-1].Code
	}
	return ""
}

func (v *oneStopView) loadTargets() {
	if v.targetEntries == nil {
		return
	}
	year := v.Period().Year
	code := v.targetCode()
	var t *data.OneStopTargets
	if err := v.ui.store.View(func(tx *store.Tx) error {
		office, own, err := tx.OneStopTargets(year)
		if code == "" {
			t = office
		} else if u, ok := own[code]; ok {
			t = &u
		}
		return err
	}); err != nil {
		v.ui.showError(err)
	}
	for k, e := range v.targetEntries {
		text := ""
		if t != nil {
			if p, ok := t.Targets[k]; ok {
				text = shortPercent(p)
			}
		}
		e.SetText(text)
	}
	v.targetStatus.Importance = widget.MediumImportance
	v.targetStatus.SetText(fmt.Sprintf("%s, năm %d.", v.targetUnit.Selected, year))
}

func (v *oneStopView) saveTargets() {
	t := data.OneStopTargets{Year: v.Period().Year, Unit: v.targetCode(), Targets: map[data.RateKind]data.Percent{}}
	var err error
	for _, d := range data.OneStopRates {
		s := strings.TrimSpace(v.targetEntries[d.Kind].Text)
		if s == "" {
			continue
		}
		p, perr := data.ParsePercent(s)
		if perr != nil {
			err = data.Errorf(data.EINVALID, "Chỉ tiêu %s: %s (từ 0 đến 100, tối đa hai chữ số thập phân)", data.LowerFirst(d.Name), data.ErrorMessage(perr))
			break
		}
		t.Targets[d.Kind] = p
	}
	if err == nil {
		err = v.ui.store.Update(func(tx *store.Tx) error { return tx.PutOneStopTargets(t) })
	}
	if err != nil {
		tell(v.targetStatus, false, "Chưa lưu: "+data.ErrorMessage(err))
		return
	}
	v.ui.publish(Change{Kind: OneStopChanged})
	tell(v.targetStatus, true, fmt.Sprintf("Đã lưu %d chỉ tiêu năm %d (%s).", len(t.Targets), t.Year, v.targetUnit.Selected))
}

// tell shows an outcome on a status line: red for a refusal, green when
// done, so the officer sees at a glance whether the figures were kept.
func tell(l *widget.Label, ok bool, text string) {
	l.Importance = widget.SuccessImportance
	if !ok {
		l.Importance = widget.DangerImportance
	}
	l.SetText(text)
}

// reloadUnits takes the window's active units into the unit pickers,
// keeping each one's choice while its unit is still there.
func (v *oneStopView) reloadUnits() {
	v.units = slices.DeleteFunc(slices.Clone(v.ui.lists.units()), func(u data.Unit) bool { return u.Inactive })
	names := v.unitNames()
	setOptions(v.unit, names, 0)
	setOptions(v.trendUnit, names, 0)
	setOptions(v.targetUnit, append([]string{officeTargets}, names...), 0)
}

// keepYears offers the years anew after a change of frameworks or figures
// (or of the whole file), keeping the officer's year and period while the
// year is still offered.
func (v *oneStopView) keepYears() {
	cur := v.year.Selected
	v.fillYears()
	if cur != v.year.Selected && slices.Contains(v.year.Options, cur) {
		v.year.Selected = cur
		v.fillPeriods()
	}
	v.year.Refresh()
}
