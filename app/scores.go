package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// scoreWidths are the grid's columns: code, criterion (the rest), max,
// self, appraised, lost, the area's rating, note. Together they leave the
// grid within a 1024-pixel screen.
var scoreWidths = []float32{56, 0, 64, 96, 96, 70, 84, 200}

// scoresView is the score grid (Chấm điểm): one row per leaf criterion of
// the year's framework, grouped under its area, where an officer types a
// unit's self and appraised scores with the keyboard only.
type scoresView struct {
	ui      *UI
	content fyne.CanvasObject
	year    *widget.Select
	unit    *unitSelect
	rowsBox *fyne.Container
	scroll  *container.Scroll
	total   *widget.Label
	status  *widget.Label
	banner  *widget.Label
	copyBtn *widget.Button
	lockBtn *widget.Button
	// loop is the unit's appraisal status, steps and explanations
	// (appraisal.go).
	loop *appraisalBar

	building bool   // set while rows are made: no preview of half a grid
	shape    string // gridShape of the rows built (refill when unchanged)

	fw     *data.Framework
	sheet  *data.Sheet
	locked bool
	rows   []*scoreRow
	areas  map[string]*areaRow

	ev evidenceState // evidence.go
}

// scoreRow is the grid row of one leaf criterion.
type scoreRow struct {
	leaf  data.Criterion
	area  string
	box   *fyne.Container
	cells [numEditCols]*gridEntry
	lost  *widget.Label
	// refusal says, under the row in the error colour, why a typed value
	// was refused.
	refusal *widget.Label
	files   *widget.Button // the criterion's evidence files (evidence.go)
}

// areaRow heads an area with its live subtotals.
type areaRow struct {
	self, appraised, lost, rating *widget.Label
	max                           *widget.Label // the area's max for the unit
}

func newScoresView(ui *UI) *scoresView {
	v := &scoresView{ui: ui}
	v.total = boldLabel("")
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.status.Hide() // shown with a message (setStatus)
	v.banner = boldLabel("")
	v.banner.Importance = widget.DangerImportance
	v.year = newYearSelect(ui, v.load)
	v.unit = newUnitSelect(ui, v.load)
	v.copyBtn = widget.NewButtonWithIcon("Chép điểm tự đánh giá sang thẩm định", theme.ContentCopyIcon(), v.confirmCopy)
	v.lockBtn = widget.NewButtonWithIcon("Khóa năm", theme.VisibilityOffIcon(), v.toggleLock)
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { v.unit.step(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { v.unit.step(1) })
	v.rowsBox = container.NewVBox()
	v.scroll = container.NewVScroll(v.rowsBox)

	head := boldLabel("Chấm điểm")
	pick := flow(head, field("Năm:", v.year), container.NewHBox(widget.NewLabel("Đơn vị:"), prev, v.unit.wide(), next))
	print := widget.NewButtonWithIcon("In phiếu chấm điểm…", theme.DocumentPrintIcon(), v.printScorecard)
	actions := flow(v.copyBtn, v.lockBtn, print)
	header := container.New(columnsLayout{scoreWidths},
		boldLabel("Mã"), boldLabel("Tiêu chí"), boldRight("Tối đa"), boldRight("Tự đánh giá"),
		boldRight("Thẩm định"), boldRight("Bị trừ"), boldLabel("Xếp loại"), boldLabel("Ghi chú"))
	v.loop = newAppraisalBar(v)
	top := container.NewVBox(pick, actions, v.loop.content, v.banner, header, widget.NewSeparator())
	help := widget.NewLabel("Gõ số điểm (4,9 hoặc 4.9), «Đạt»/«KĐ» cho tiêu chí đạt/không đạt, «45/50» cho tiêu chí tỷ lệ, «KAD» cho tiêu chí không áp dụng, rồi Enter để lưu và xuống dòng; Tab sang cột bên; Esc hủy sửa; dán một cột từ Excel vào ô đầu tiên.")
	help.Wrapping = fyne.TextWrapWord
	bottom := container.NewVBox(widget.NewSeparator(), v.total, v.status, help)
	v.content = container.NewBorder(top, bottom, nil, nil, v.scroll)
	ui.watch(v, v.load, ScoresChanged, UnitsChanged, FrameworkChanged)
	v.load()
	return v
}

// load reads the chosen year's framework, lock and the chosen unit's sheet,
// and rebuilds the rows.
func (v *scoresView) load() {
	year, unit := selectedYear(v.year), v.unit.code()
	var lock data.YearLock
	err := v.ui.store.View(func(tx *store.Tx) (err error) {
		if v.fw, err = tx.Framework(year); err != nil {
			return err
		}
		if lock, err = tx.YearLock(year); err != nil {
			return err
		}
		if unit == "" {
			return data.Errorf(data.ENOTFOUND, "Chưa có đơn vị nào để chấm điểm")
		}
		v.sheet, err = tx.Sheet(year, unit)
		return err
	})
	if err != nil {
		v.fw, v.sheet, v.shape = nil, nil, ""
		v.rows, v.areas = nil, map[string]*areaRow{}
		v.rowsBox.Objects = nil
		v.rowsBox.Refresh()
		v.total.SetText("")
		v.loop.load(year, "", false)
		v.say(data.ErrorMessage(err))
		return
	}
	v.locked = lock.Locked
	// Moving to the next unit keeps the rows and only refills them: on a
	// 120-criterion framework rebuilding 360 cells is what the officer would
	// wait for between units.
	if shape := gridShape(v.fw, v.locked); shape != v.shape {
		v.shape = shape
		v.rows, v.areas = nil, map[string]*areaRow{}
		v.rowsBox.Objects = nil
		v.build()
		v.scroll.Content = readOnlyIf(v.locked, v.rowsBox)
		v.scroll.Refresh()
	} else {
		v.refill()
	}
	v.showLock(lock)
	v.loop.load(year, unit, lock.Locked)
	v.preview()
	v.say("")
}

// gridShape identifies what the rows are made of: the framework's items
// and whether the cells take typing.
func gridShape(f *data.Framework, locked bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d|%v|", f.Year, locked)
	var walk func(cs []data.Criterion)
	walk = func(cs []data.Criterion) {
		for _, c := range cs {
			fmt.Fprintf(&b, "%s\x00%s\x00%d\x00%s\x00%s\x00%v\x00%s|", c.Code, c.Title, c.Max, c.Kind, c.Input, c.MayNotApply, data.FormatTiers(c.Tiers))
			walk(c.Children)
		}
	}
	walk(f.Areas)
	return b.String()
}

// refill shows the current sheet in the rows already built.
func (v *scoresView) refill() {
	v.building = true
	defer func() { v.building = false }()
	for _, r := range v.rows {
		sc := v.sheet.Scores[r.leaf.Code]
		r.cells[colSelf].set(data.FormatValue(&r.leaf, sc.SelfValue(), true))
		r.cells[colAppraised].set(data.FormatValue(&r.leaf, sc.AppraisedValue(), true))
		r.cells[colNote].set(sc.Note)
		v.showFileCount(r)
	}
	v.scroll.ScrollToTop()
}

// build makes the rows of the framework: an area header, then its leaves.
func (v *scoresView) build() {
	v.building = true
	defer func() { v.building = false }()
	for i := range v.fw.Areas {
		a := &v.fw.Areas[i]
		ar := &areaRow{self: rightLabel(""), appraised: rightLabel(""), lost: rightLabel(""), rating: widget.NewLabel("")}
		for _, l := range []*widget.Label{ar.self, ar.appraised, ar.lost, ar.rating} {
			l.TextStyle.Bold = true
		}
		title := a.Title
		if a.Kind != data.KindScored {
			title += " (" + a.Kind.Label() + ")"
		}
		titleLabel := boldLabel(title)
		titleLabel.Truncation = fyne.TextTruncateEllipsis
		v.areas[a.Code] = ar
		ar.max = boldRight(a.LeafMax().String())
		v.rowsBox.Add(container.New(columnsLayout{scoreWidths},
			boldLabel(a.Code), titleLabel, ar.max, ar.self, ar.appraised, ar.lost, ar.rating, widget.NewLabel("")))
		walkLeaves(a, func(l *data.Criterion) { v.addRow(a.Code, *l) })
		v.rowsBox.Add(widget.NewSeparator())
	}
	v.rowsBox.Refresh()
}

// walkLeaves calls fn for each leaf under c.
func walkLeaves(c *data.Criterion, fn func(*data.Criterion)) {
	if c.IsLeaf() {
		fn(c)
		return
	}
	for i := range c.Children {
		walkLeaves(&c.Children[i], fn)
	}
}

func (v *scoresView) addRow(area string, leaf data.Criterion) {
	r := &scoreRow{leaf: leaf, area: area, lost: rightLabel("")}
	idx := len(v.rows)
	for col := range r.cells {
		e := newGridEntry(v, idx, col)
		if col != colNote {
			e.SetPlaceHolder(placeholder(&leaf))
		}
		r.cells[col] = e
	}
	sc := v.sheet.Scores[leaf.Code]
	r.cells[colSelf].set(data.FormatValue(&leaf, sc.SelfValue(), true))
	r.cells[colAppraised].set(data.FormatValue(&leaf, sc.AppraisedValue(), true))
	r.cells[colNote].set(sc.Note)
	title := widget.NewLabel(leaf.Title + kindNote(&leaf))
	title.Truncation = fyne.TextTruncateEllipsis
	r.box = container.New(columnsLayout{scoreWidths},
		widget.NewLabel(leaf.Code), title, rightLabel(leaf.Max.String()),
		r.cells[colSelf], r.cells[colAppraised], r.lost, widget.NewLabel(""),
		container.NewBorder(nil, nil, nil, v.evidenceButton(r), r.cells[colNote]))
	r.refusal = widget.NewLabel("")
	r.refusal.Importance = widget.DangerImportance
	r.refusal.Wrapping = fyne.TextWrapWord
	r.refusal.Hide()
	v.rows = append(v.rows, r)
	v.rowsBox.Add(r.box)
	v.rowsBox.Add(r.refusal)
}

func pointsText(p *data.Points) string {
	if p == nil {
		return ""
	}
	return p.Short()
}

// commit saves the cell's text if it changed. A refused value leaves the
// stored one untouched and says why, naming the criterion and its max.
func (v *scoresView) commit(e *gridEntry) bool {
	if v.sheet == nil || e.row >= len(v.rows) {
		return false
	}
	if e.Text == e.stored {
		return true
	}
	r := v.rows[e.row]
	sc := v.sheet.Scores[r.leaf.Code]
	text := strings.TrimSpace(e.Text)
	switch e.col {
	case colNote:
		sc.Note = text
	default:
		val, err := data.ParseValue(&r.leaf, text)
		if err != nil {
			v.refuse(e.row, data.ErrorMessage(err))
			return false
		}
		if e.col == colSelf {
			sc.SetSelf(val)
		} else {
			sc.SetAppraised(val)
		}
	}
	year, unit := v.sheet.Year, v.sheet.Unit
	if err := v.ui.store.Update(func(tx *store.Tx) error { return tx.SetScore(year, unit, r.leaf.Code, sc) }); err != nil {
		v.refuse(e.row, data.ErrorMessage(err))
		return false
	}
	if sc.IsZero() {
		delete(v.sheet.Scores, r.leaf.Code)
	} else {
		v.sheet.Scores[r.leaf.Code] = sc
	}
	shown := text
	switch e.col {
	case colSelf:
		shown = data.FormatValue(&r.leaf, sc.SelfValue(), true)
	case colAppraised:
		shown = data.FormatValue(&r.leaf, sc.AppraisedValue(), true)
	}
	e.set(shown)
	v.say(fmt.Sprintf("Đã lưu tiêu chí %s: %s", r.leaf.Code, orDash(shown)))
	v.preview()
	v.loop.refresh()
	v.notify()
	return true
}

func orDash(s string) string {
	if s == "" {
		return "(để trống)"
	}
	return s
}

// preview recomputes subtotals, lost points, total, index and rating from
// the stored scores overlaid with every valid value being typed, so the
// figures move as the officer types.
func (v *scoresView) preview() {
	if v.fw == nil || v.sheet == nil || v.building {
		return
	}
	tmp := data.NewSheet(v.sheet.Year, v.sheet.Unit)
	selfSum := map[string]data.Points{}
	appraisedN := map[string]int{} // appraised leaves per area
	for _, r := range v.rows {
		sc := v.sheet.Scores[r.leaf.Code]
		for col, set := range map[int]func(data.Value){colSelf: sc.SetSelf, colAppraised: sc.SetAppraised} {
			if val, err := data.ParseValue(&r.leaf, r.cells[col].Text); err == nil {
				set(val)
			}
		}
		tmp.Scores[r.leaf.Code] = sc
		if sc.Self != nil {
			selfSum[r.area] += *sc.Self
		}
		if sc.AppraisedNA {
			// Not applicable to the unit: nothing to lose, and the area
			// counts as appraised.
			appraisedN[r.area]++
			setLabel(r.lost, "—")
			continue
		}
		if sc.Appraised == nil {
			setLabel(r.lost, "—") // nothing appraised yet: nothing lost yet
			continue
		}
		appraisedN[r.area]++
		lost := r.leaf.Max - tmp.Appraised(r.leaf.Code)
		setLabel(r.lost, lost.String())
	}
	tmp.Published = v.sheet.Published
	res := data.Evaluate(v.fw, data.Unit{Code: v.sheet.Unit}, tmp)
	for _, a := range res.Areas {
		ar := v.areas[a.Code]
		setLabel(ar.max, a.Max.String()) // less the criteria not applicable to the unit
		setLabel(ar.self, selfSum[a.Code].String())
		if appraisedN[a.Code] == 0 && a.Points == 0 {
			// An area nobody appraised yet is not rated Yếu.
			setLabel(ar.appraised, "—")
			setLabel(ar.lost, "—")
			setLabel(ar.rating, notScored)
			continue
		}
		setLabel(ar.appraised, a.Points.String())
		setLabel(ar.lost, (a.Max - a.Points).String())
		setLabel(ar.rating, a.Rating)
	}
	scored := len(appraisedN) > 0 || res.Published
	text := fmt.Sprintf("Tổng điểm thẩm định: %s / %s   ·   Chỉ số: %s %%   ·   Xếp loại: %s",
		res.Total.String(), res.Max.String(), res.Index.String(), res.Rating)
	if fmax := v.fw.Max(); res.Max != fmax {
		text = fmt.Sprintf("Tổng điểm thẩm định: %s / %s (điểm tối đa của đơn vị: %s của bộ chỉ số trừ %s không áp dụng)   ·   Chỉ số: %s %%   ·   Xếp loại: %s",
			res.Total.String(), res.Max.String(), fmax.String(), (fmax - res.Max).String(), res.Index.String(), res.Rating)
	}
	if !scored {
		text = fmt.Sprintf("Tổng điểm thẩm định: %s (chưa có điểm thẩm định nào; tối đa %s điểm)", notScored, res.Max.String())
	}
	if res.Published {
		text += "   (tổng điểm theo công bố)"
	}
	setLabel(v.total, text)
}

// setLabel changes a label's text only when it differs: a keystroke in the
// grid then redraws the few figures that moved, not all 120 rows.
func setLabel(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// focusCell moves the keyboard to a cell and scrolls it into view.
func (v *scoresView) focusCell(row, col int) {
	if row < 0 || row >= len(v.rows) {
		return
	}
	r := v.rows[row]
	v.ui.win.Canvas().Focus(r.cells[col])
	y := r.box.Position().Y
	h := v.scroll.Size().Height
	switch off := v.scroll.Offset.Y; {
	case y < off:
		v.scroll.ScrollToOffset(fyne.NewPos(0, y))
	case y+r.box.Size().Height > off+h:
		v.scroll.ScrollToOffset(fyne.NewPos(0, y+r.box.Size().Height-h))
	}
}

// pasteColumn fills the rows from the cell down with the lines of the
// clipboard (the first column of each when Excel copied several). Every
// value is checked first; one bad value refuses the whole paste.
func (v *scoresView) pasteColumn(e *gridEntry, content string) bool {
	lines := strings.Split(strings.TrimRight(strings.ReplaceAll(content, "\r\n", "\n"), "\n"), "\n")
	if len(lines) < 2 || v.sheet == nil {
		return false
	}
	if e.row+len(lines) > len(v.rows) {
		v.refuse(e.row, fmt.Sprintf("Dán %d giá trị từ tiêu chí %s vượt quá số tiêu chí còn lại (%d); không dán gì.", len(lines), v.rows[e.row].leaf.Code, len(v.rows)-e.row))
		return true
	}
	sheet := *v.sheet
	sheet.Scores = make(map[string]data.Score, len(v.sheet.Scores))
	for k, s := range v.sheet.Scores {
		sheet.Scores[k] = s
	}
	for i, line := range lines {
		cell, _, _ := strings.Cut(line, "\t")
		cell = strings.TrimSpace(cell)
		r := v.rows[e.row+i]
		sc := sheet.Scores[r.leaf.Code]
		if e.col == colNote {
			sc.Note = cell
		} else {
			val, err := data.ParseValue(&r.leaf, cell)
			if err != nil {
				v.refuse(e.row+i, fmt.Sprintf("Dòng %d của dữ liệu dán: %s. Không dán gì.", i+1, data.ErrorMessage(err)))
				return true
			}
			if e.col == colSelf {
				sc.SetSelf(val)
			} else {
				sc.SetAppraised(val)
			}
		}
		if sc.IsZero() {
			delete(sheet.Scores, r.leaf.Code)
		} else {
			sheet.Scores[r.leaf.Code] = sc
		}
	}
	if err := v.ui.store.Update(func(tx *store.Tx) error { return tx.PutSheet(&sheet) }); err != nil {
		v.refuse(e.row, data.ErrorMessage(err))
		return true
	}
	v.load()
	v.say(fmt.Sprintf("Đã dán %d giá trị từ tiêu chí %s.", len(lines), v.rows[e.row].leaf.Code))
	v.notify()
	return true
}

func (v *scoresView) confirmCopy() {
	if v.sheet == nil {
		return
	}
	showConfirm("Chép điểm tự đánh giá",
		"Điểm thẩm định của mọi tiêu chí sẽ được thay bằng điểm tự đánh giá của đơn vị. Tiếp tục?",
		func(ok bool) {
			if ok {
				v.copySelfToAppraised()
			}
		}, v.ui.win)
}

// copySelfToAppraised starts the appraisal from the unit's own claims, in
// one transaction; the council then changes what it does not accept.
func (v *scoresView) copySelfToAppraised() {
	year, unit := v.sheet.Year, v.sheet.Unit
	n := 0
	err := v.ui.store.Update(func(tx *store.Tx) error {
		s, err := tx.Sheet(year, unit)
		if err != nil {
			return err
		}
		for code, sc := range s.Scores {
			if self := sc.SelfValue(); !self.Empty() {
				sc.SetAppraised(self) // points, "không áp dụng" or counts alike
				s.Scores[code] = sc
				n++
			}
		}
		return tx.PutSheet(s)
	})
	if err != nil {
		v.say(data.ErrorMessage(err))
		return
	}
	v.load()
	v.say(fmt.Sprintf("Đã chép điểm tự đánh giá sang điểm thẩm định cho %d tiêu chí.", n))
	v.notify()
}

func (v *scoresView) showLock(l data.YearLock) {
	if l.Locked {
		v.banner.SetText(fmt.Sprintf("Năm %d đã khóa ngày %s (%s): chỉ xem, không sửa được điểm.", l.Year, data.FormatDate(l.At), l.Officer))
		v.banner.Show()
		v.lockBtn.SetText("Mở khóa năm…")
		v.copyBtn.Disable()
	} else {
		v.banner.Hide()
		v.lockBtn.SetText("Khóa năm")
		v.copyBtn.Enable()
	}
}

// toggleLock locks the year after confirmation, or unlocks it with a
// reason, which the audit trail keeps.
func (v *scoresView) toggleLock() {
	year := selectedYear(v.year)
	if !v.locked {
		showConfirm("Khóa năm", fmt.Sprintf("Khóa năm %d sau khi Hội đồng thẩm định phê duyệt? Điểm và bộ chỉ số năm %d sẽ không sửa được nữa; kết quả xếp hạng được lưu như đã phê duyệt, không đổi khi đơn vị được sắp xếp lại.", year, year)+v.notFinalWarning(year),
			func(ok bool) {
				if ok {
					v.setLock(func(tx *store.Tx) error { return tx.LockYear(year) })
				}
			}, v.ui.win)
		return
	}
	reason := newFormEntry()
	reason.SetPlaceHolder("Ví dụ: điều chỉnh theo Quyết định số …")
	items := []*widget.FormItem{widget.NewFormItem("Lý do", reason)}
	d := dialog.NewForm(fmt.Sprintf("Mở khóa năm %d", year), "Mở khóa", "Hủy", items,
		func(ok bool) {
			if ok {
				v.setLock(func(tx *store.Tx) error { return tx.UnlockYear(year, reason.Text) })
			}
		}, v.ui.win)
	showForm(d, items, v.ui.win)
}

func (v *scoresView) setLock(fn func(tx *store.Tx) error) {
	if err := v.ui.store.Update(fn); err != nil {
		v.ui.showError(err)
		return
	}
	v.ui.publish(Change{Kind: FrameworkChanged, Year: selectedYear(v.year)})
}

// notify tells the other screens (ranking, lost points…) that the unit's
// scores changed; they reload when next shown. The grid already shows the
// change, so it is not rebuilt under the officer's cursor.
func (v *scoresView) notify() {
	v.ui.publish(Change{Kind: ScoresChanged, Year: v.sheet.Year, Unit: v.sheet.Unit, From: v})
}

// printScorecard saves the unit's scorecard PDF, the same document as
// pardesk report scorecard.
func (v *scoresView) printScorecard() {
	year, code := selectedYear(v.year), v.unit.code()
	v.ui.savePDF(ops.ScorecardFileName(code, year), func() ([]byte, error) {
		return scorecardPDF(v.ui, year, code, "", today())
	})
}

// scorecardPDF builds a unit's scorecard for a year.
func scorecardPDF(ui *UI, year int, code, number string, date time.Time) ([]byte, error) {
	var in reports.ScorecardInput
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		in, err = ops.ScorecardInput(tx, year, code)
		return err
	}); err != nil {
		return nil, err
	}
	in.Number, in.Date = number, date
	return reports.Scorecard(in)
}

// say puts a message on the status line.
func (v *scoresView) say(msg string) {
	v.clearRefusal()
	v.setStatus(msg)
}

// notScored stands for the figures of a unit or area not appraised yet.
const notScored = "chưa chấm"

// refuse shows why a value was refused under its row, in the error
// colour, where the officer is looking, and clears the status line.
func (v *scoresView) refuse(row int, msg string) {
	v.say("")
	if row < 0 || row >= len(v.rows) {
		v.setStatus(msg)
		return
	}
	r := v.rows[row].refusal
	r.SetText(msg)
	r.Show()
	v.rowsBox.Refresh()
}

// clearRefusal hides the refusal shown under a row, if any.
func (v *scoresView) clearRefusal() {
	for _, r := range v.rows {
		if r.refusal != nil && r.refusal.Visible() {
			r.refusal.Hide()
			v.rowsBox.Refresh()
		}
	}
}

// shownRefusal is the refusal shown under a row ("" when none).
func (v *scoresView) shownRefusal() string {
	for _, r := range v.rows {
		if r.refusal != nil && r.refusal.Visible() {
			return r.refusal.Text
		}
	}
	return ""
}

// placeholder hints in an empty cell what the criterion's kind takes.
func placeholder(c *data.Criterion) string {
	switch c.Input {
	case data.InputPassFail:
		return "Đạt/KĐ"
	case data.InputRatio:
		return "45/50"
	}
	return "—"
}

// kindNote follows a criterion's title in the grid when it is not answered
// in points, so the officer knows what the cells take.
func kindNote(c *data.Criterion) string {
	var parts []string
	switch c.Input {
	case data.InputPassFail:
		parts = append(parts, "đạt/không đạt")
	case data.InputRatio:
		parts = append(parts, "tỷ lệ "+data.FormatTiers(c.Tiers))
	}
	if c.MayNotApply {
		parts = append(parts, "có thể KAD")
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}
