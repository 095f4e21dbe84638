package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
)

// areaKinds are the kinds an area can have, in the order the form offers.
var areaKinds = []data.CriterionKind{data.KindScored, data.KindSurvey, data.KindBonus, data.KindPenalty}

// frameworkView edits a year's framework (Bộ chỉ số): the tree of areas,
// criteria and sub-criteria with their maxima, and the rating bands. Every
// action is one transaction through the store, which keeps entered scores
// valid and records the change in the audit trail.
type frameworkView struct {
	ui      *UI
	content fyne.CanvasObject
	year    *widget.Select
	table   *textTable
	summary *widget.Label
	banner  *widget.Label
	status  *widget.Label

	fw     *data.Framework
	locked bool
	codes  []string // the table's rows
	scored map[string]int

	// the node form
	selected string
	code     *widget.Entry
	title    *widget.Entry
	max      *widget.Entry
	kind     *widget.Select
	hint     *widget.Entry
	kinds    *kindFields // how a leaf is answered
	form     *fyne.Container
	// fields show the form's values as text while the year is locked.
	fields  []*valueField
	buttons []*widget.Button
	// selecting is set while the view moves the list's selection itself.
	selecting bool
	// leaveDialog is the last unsaved-changes question, for tests.
	leaveDialog *dialog.CustomDialog
	copyNext    *widget.Button
	// newYearDialog is the last "new framework" dialog, for tests.
	newYearDialog *dialog.FormDialog
}

func newFrameworkView(ui *UI) *frameworkView {
	v := &frameworkView{ui: ui}
	v.table = newTextTable([]column{
		{"Mã", 70, fyne.TextAlignLeading},
		{"Lĩnh vực, tiêu chí", 380, fyne.TextAlignLeading},
		{"Điểm tối đa", 100, fyne.TextAlignTrailing},
		{"Số ĐV đã chấm", 120, fyne.TextAlignTrailing},
	})
	v.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.codes) && !v.selecting {
			code := v.codes[id.Row]
			if code != v.selected {
				v.leave(func() { v.pick(code) })
			}
		}
	}
	v.summary = boldLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.banner = boldLabel("")
	v.banner.Importance = widget.DangerImportance
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.year = newYearSelect(ui, v.load)

	v.code = widget.NewEntry()
	v.title = widget.NewMultiLineEntry()
	v.title.Wrapping = fyne.TextWrapWord
	v.title.SetMinRowsVisible(2)
	v.max = widget.NewEntry()
	v.max.OnChanged = func(string) { v.previewMax() }
	labels := make([]string, len(areaKinds))
	for i, k := range areaKinds {
		labels[i] = k.Label()
	}
	v.kind = newSelect(labels, nil)
	v.kinds = newKindFields(func() {})
	v.hint = widget.NewMultiLineEntry()
	v.hint.Wrapping = fyne.TextWrapWord
	v.hint.SetMinRowsVisible(3)

	save := widget.NewButtonWithIcon("Lưu tiêu chí", theme.DocumentSaveIcon(), v.saveNode)
	save.Importance = widget.HighImportance
	child := widget.NewButtonWithIcon("Thêm tiêu chí con", theme.ContentAddIcon(), func() { v.leave(func() { v.addNode(true) }) })
	sibling := widget.NewButtonWithIcon("Thêm tiêu chí cùng cấp", theme.ContentAddIcon(), func() { v.leave(func() { v.addNode(false) }) })
	area := widget.NewButtonWithIcon("Thêm lĩnh vực", theme.ContentAddIcon(), func() { v.leave(v.addArea) })
	del := widget.NewButtonWithIcon("Xóa…", theme.DeleteIcon(), v.confirmDelete)
	bands := widget.NewButtonWithIcon("Mức xếp loại…", theme.SettingsIcon(), v.editBands)
	copyNext := widget.NewButtonWithIcon("Tạo bộ chỉ số năm sau từ năm này", theme.ContentCopyIcon(), v.copyToNextYear)
	newYear := widget.NewButtonWithIcon("Tạo bộ chỉ số mới…", theme.ContentAddIcon(), v.askNewYear)
	v.buttons = []*widget.Button{save, child, sibling, area, del, bands}
	v.copyNext = copyNext

	valued := func(f *valueField) fyne.CanvasObject {
		v.fields = append(v.fields, f)
		return f.box
	}
	v.form = container.NewVBox(
		widget.NewForm(
			widget.NewFormItem("Mã", valued(entryField(v.code))),
			widget.NewFormItem("Nội dung", valued(entryField(v.title))),
			widget.NewFormItem("Điểm tối đa", valued(entryField(v.max))),
			widget.NewFormItem("Loại (lĩnh vực)", valued(newValueField(v.kind, func() string { return v.kind.Selected }))),
			// A tỷ lệ criterion's tiers open under its kind: a row of their
			// own would leave its label standing alone for every other kind.
			widget.NewFormItem("Kiểu nhập", container.NewVBox(valued(newValueField(v.kinds.input, v.kinds.text)), v.kinds.box)),
			widget.NewFormItem("", v.kinds.mayNA),
			widget.NewFormItem("Tài liệu kiểm chứng", valued(entryField(v.hint))),
		),
		flow(save, del, child, sibling, area, bands),
		v.status,
	)
	head := boldLabel("Bộ chỉ số")
	top := container.NewVBox(flow(head, field("Năm:", v.year), copyNext, newYear), v.banner)
	left := container.NewBorder(top, v.summary, nil, nil, v.table)
	split := container.NewHSplit(left, container.NewPadded(v.form))
	split.Offset = 0.6
	v.content = split
	ui.watch(v, v.load, FrameworkChanged, ScoresChanged)
	ui.onLeave(leaveGuard(v.leave, v.dirty))
	v.load()
	return v
}

// load reads the year's framework, its lock and which criteria have scores.
func (v *frameworkView) load() {
	year := selectedYear(v.year)
	var lock data.YearLock
	var sheets map[string]*data.Sheet
	err := v.ui.store.View(func(tx *store.Tx) (err error) {
		if v.fw, err = tx.Framework(year); err != nil {
			return err
		}
		if lock, err = tx.YearLock(year); err != nil {
			return err
		}
		sheets, err = tx.Sheets(year)
		return err
	})
	if err != nil {
		v.fw = nil
		v.table.SetRows(nil, nil)
		v.summary.SetText(data.ErrorMessage(err))
		if len(v.year.Options) == 0 {
			v.summary.SetText(noFrameworkYet)
		}
		v.editable(false)
		return
	}
	v.copyNext.Enable()
	v.scored = map[string]int{}
	for _, s := range sheets {
		for code, sc := range s.Scores {
			if sc.Self != nil || sc.Appraised != nil {
				v.scored[code]++
			}
		}
	}
	v.locked = lock.Locked
	if v.locked {
		v.banner.SetText(fmt.Sprintf("Năm %d đã khóa: bộ chỉ số chỉ xem, không sửa được.", year))
		v.banner.Show()
	} else {
		v.banner.Hide()
	}
	v.editable(!v.locked)
	v.show()
	if v.fw.Find(v.selected) == nil {
		v.selected = ""
		if len(v.codes) > 0 {
			v.selected = v.codes[0]
		}
	}
	v.pick(v.selected)
}

func (v *frameworkView) show() {
	var rows [][]string
	bold := map[int]bool{}
	v.codes = v.codes[:0]
	var add func(cs []data.Criterion, depth int)
	add = func(cs []data.Criterion, depth int) {
		for _, c := range cs {
			if depth == 0 {
				bold[len(rows)] = true
			}
			title := strings.Repeat("    ", depth) + c.Title
			if depth == 0 && c.Kind != data.KindScored {
				title += " (" + c.Kind.Label() + ")"
			}
			if c.IsLeaf() {
				title += kindNote(&c)
			}
			n := ""
			if c.IsLeaf() && v.scored[c.Code] > 0 {
				n = strconv.Itoa(v.scored[c.Code])
			}
			rows = append(rows, []string{c.Code, title, c.LeafMax().String(), n})
			v.codes = append(v.codes, c.Code)
			add(c.Children, depth+1)
		}
	}
	add(v.fw.Areas, 0)
	v.table.SetRows(rows, bold)
	v.showSummary(v.fw.Max())
}

func (v *frameworkView) showSummary(max data.Points) {
	var bands []string
	for _, b := range v.fw.Bands {
		bands = append(bands, fmt.Sprintf("%s từ %s %%", b.Name, b.Min.String()))
	}
	v.summary.SetText(fmt.Sprintf("Tổng điểm tối đa: %s. Xếp loại: %s.", max.String(), strings.Join(bands, "; ")))
}

// pick fills the form with a criterion.
func (v *frameworkView) pick(code string) {
	v.selected = code
	c := v.fw.Find(code)
	if c == nil {
		return
	}
	v.code.SetText(c.Code)
	v.title.SetText(c.Title)
	v.max.SetText(c.LeafMax().Short())
	v.hint.SetText(c.Hint)
	v.kind.SetSelected(c.Kind.Label())
	v.kinds.show(c, !v.locked)
	// A parent's max is the sum of its leaves; only areas have a kind.
	if c.IsLeaf() && !v.locked {
		v.max.Enable()
	} else {
		v.max.Disable()
	}
	if v.isArea(code) && !v.locked {
		v.kind.Enable()
	} else {
		v.kind.Disable()
	}
	// A locked year's values read as text in the normal colour.
	for _, f := range v.fields {
		f.setReadOnly(v.locked)
	}
	v.refreshFormLabels()
	v.status.SetText("")
}

func (v *frameworkView) isArea(code string) bool {
	for _, a := range v.fw.Areas {
		if a.Code == code {
			return true
		}
	}
	return false
}

// previewMax shows the framework max as it would be with the typed max.
func (v *frameworkView) previewMax() {
	if v.fw == nil || v.selected == "" {
		return
	}
	c := v.fw.Find(v.selected)
	p, err := data.ParsePoints(v.max.Text)
	if c == nil || err != nil || !c.IsLeaf() {
		return
	}
	cp := v.fw.Copy(v.fw.Year)
	cp.Find(v.selected).Max = p
	v.showSummary(cp.Max())
}

// apply saves a changed copy of the framework in one transaction and shows
// the result; the store refuses changes that break entered scores.
func (v *frameworkView) apply(change func(f *data.Framework) error, done string) bool {
	f := v.fw.Copy(v.fw.Year)
	if err := change(&f); err != nil {
		v.status.SetText(data.ErrorMessage(err))
		return false
	}
	if err := v.ui.store.Update(func(tx *store.Tx) error { return tx.PutFramework(&f) }); err != nil {
		v.status.SetText(data.ErrorMessage(err))
		return false
	}
	v.ui.publish(Change{Kind: FrameworkChanged, Year: f.Year})
	v.status.SetText(done)
	return true
}

func (v *frameworkView) saveNode() { v.saveNodeOK() }

// saveNodeOK saves the form into the selected criterion and reports
// whether the store took it.
func (v *frameworkView) saveNodeOK() bool {
	old := v.selected
	code := data.Clean(v.code.Text)
	ok := v.apply(func(f *data.Framework) error {
		c := f.Find(old)
		if c == nil {
			return data.Errorf(data.ENOTFOUND, "Chưa chọn tiêu chí để lưu")
		}
		if code != old && f.Find(code) != nil {
			return data.Errorf(data.EINVALID, "Mã tiêu chí %s đã có trong bộ chỉ số", code)
		}
		if code != old && v.scored[old] > 0 {
			return data.Errorf(data.ECONFLICT, "Tiêu chí %s đã có điểm của %d đơn vị nên không đổi mã được", old, v.scored[old])
		}
		c.Code, c.Title, c.Hint = code, v.title.Text, v.hint.Text
		if c.IsLeaf() {
			p, err := data.ParsePoints(v.max.Text)
			if err != nil {
				return data.Errorf(data.EINVALID, "Điểm tối đa của tiêu chí %s: %s", code, data.ErrorMessage(err))
			}
			c.Max = p
		}
		if i := v.kind.SelectedIndex(); i >= 0 && v.isArea(old) {
			c.Kind = areaKinds[i]
		}
		return v.kinds.apply(c)
	}, "Đã lưu tiêu chí "+code+".")
	if ok {
		v.pick(code)
		v.selectRow(code)
	}
	return ok
}

// addNode adds a criterion under the selected one (child) or after it
// (sibling), numbered after the last of its level.
func (v *frameworkView) addNode(child bool) {
	var code string
	ok := v.apply(func(f *data.Framework) error {
		parent, list := parentOf(f, v.selected)
		if child {
			c := f.Find(v.selected)
			if c == nil {
				return data.Errorf(data.ENOTFOUND, "Chưa chọn tiêu chí")
			}
			parent, list = c, &c.Children
		}
		prefix := ""
		if parent != nil {
			prefix = parent.Code + "."
		}
		code = nextCode(f, prefix, len(*list)+1)
		*list = append(*list, data.Criterion{Code: code, Title: "Tiêu chí mới", Max: data.P(1, 0)})
		return nil
	}, "")
	if ok {
		v.pick(code)
		v.selectRow(code)
		v.status.SetText("Đã thêm tiêu chí " + code + ": sửa nội dung và điểm tối đa rồi bấm «Lưu tiêu chí».")
	}
}

func (v *frameworkView) addArea() {
	var code string
	ok := v.apply(func(f *data.Framework) error {
		code = nextCode(f, "", len(f.Areas)+1)
		f.Areas = append(f.Areas, data.Criterion{Code: code, Title: "Lĩnh vực mới", Max: data.P(1, 0)})
		return nil
	}, "")
	if ok {
		v.pick(code)
		v.selectRow(code)
		v.status.SetText("Đã thêm lĩnh vực " + code + ".")
	}
}

// nextCode is prefix+n, or the next free number when that code is taken.
func nextCode(f *data.Framework, prefix string, n int) string {
	for f.Find(prefix+strconv.Itoa(n)) != nil {
		n++
	}
	return prefix + strconv.Itoa(n)
}

// parentOf returns the parent of a criterion (nil for an area) and the
// list the criterion is in.
func parentOf(f *data.Framework, code string) (*data.Criterion, *[]data.Criterion) {
	var find func(parent *data.Criterion, list *[]data.Criterion) (*data.Criterion, *[]data.Criterion, bool)
	find = func(parent *data.Criterion, list *[]data.Criterion) (*data.Criterion, *[]data.Criterion, bool) {
		for i := range *list {
			if (*list)[i].Code == code {
				return parent, list, true
			}
			if p, l, ok := find(&(*list)[i], &(*list)[i].Children); ok {
				return p, l, true
			}
		}
		return nil, nil, false
	}
	if p, l, ok := find(nil, &f.Areas); ok {
		return p, l
	}
	return nil, &f.Areas
}

// scoredUnder counts the scores entered on a criterion and its leaves.
func (v *frameworkView) scoredUnder(code string) int {
	c := v.fw.Find(code)
	if c == nil {
		return 0
	}
	n := 0
	walkLeaves(c, func(l *data.Criterion) { n += v.scored[l.Code] })
	return n
}

// confirmDelete asks before deleting; a criterion with scores needs a
// reason, since its scores go with it (kept in the audit trail).
func (v *frameworkView) confirmDelete() {
	code := v.selected
	c := v.fw.Find(code)
	if c == nil {
		return
	}
	n := v.scoredUnder(code)
	reason := widget.NewEntry()
	msg := fmt.Sprintf("Xóa tiêu chí %s «%s»", code, c.Title)
	if n > 0 {
		msg += fmt.Sprintf(" cùng %d điểm đã nhập của các đơn vị", n)
	}
	msg += "? Việc xóa được ghi vào lịch sử thay đổi."
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm("Xóa tiêu chí", "Xóa", "Hủy", []*widget.FormItem{
		widget.NewFormItem("", label), widget.NewFormItem("Lý do", reason),
	}, func(ok bool) {
		if !ok {
			return
		}
		if n > 0 && strings.TrimSpace(reason.Text) == "" {
			v.status.SetText(fmt.Sprintf("Xóa tiêu chí %s: cần ghi lý do vì đã có %d điểm", code, n))
			return
		}
		year := v.fw.Year
		if err := v.ui.store.Update(func(tx *store.Tx) error { return tx.DeleteCriterion(year, code, reason.Text) }); err != nil {
			v.status.SetText(data.ErrorMessage(err))
			return
		}
		v.ui.publish(Change{Kind: FrameworkChanged, Year: year})
		v.status.SetText("Đã xóa tiêu chí " + code + ".")
	}, v.ui.win)
	d.Resize(fyne.NewSize(560, 260))
	d.Show()
}

// editBands edits the rating bands: one line per band, "name: min %".
func (v *frameworkView) editBands() {
	var lines []string
	for _, b := range v.fw.Bands {
		lines = append(lines, b.Name+": "+b.Min.String())
	}
	e := widget.NewMultiLineEntry()
	e.SetText(strings.Join(lines, "\n"))
	e.SetMinRowsVisible(5)
	help := widget.NewLabel("Mỗi dòng một mức: tên mức, dấu hai chấm, ngưỡng % (từ cao xuống thấp; mức cuối từ 0).")
	help.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Mức xếp loại năm "+strconv.Itoa(v.fw.Year), "Lưu", "Hủy", container.NewVBox(help, e), func(ok bool) {
		if !ok {
			return
		}
		v.apply(func(f *data.Framework) error {
			bands, err := parseBands(e.Text)
			f.Bands = bands
			return err
		}, "Đã lưu mức xếp loại.")
	}, v.ui.win)
	d.Resize(fyne.NewSize(520, 320))
	d.Show()
}

// parseBands reads "Tốt: 90" lines.
func parseBands(text string) ([]data.Band, error) {
	var bands []data.Band
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		name, min, ok := strings.Cut(line, ":")
		if !ok {
			return nil, data.Errorf(data.EINVALID, "Dòng %d «%s»: cần dạng «Tên mức: ngưỡng %%»", i+1, strings.TrimSpace(line))
		}
		p, err := data.ParsePoints(strings.TrimSuffix(strings.TrimSpace(min), "%"))
		if err != nil || p > data.P(100, 0) {
			return nil, data.Errorf(data.EINVALID, "Ngưỡng của mức %s: phải là số từ 0 đến 100", strings.TrimSpace(name))
		}
		bands = append(bands, data.Band{Name: name, Min: data.Percent(p)})
	}
	return bands, nil
}

// copyToNextYear creates next year's framework from this one in one action.
func (v *frameworkView) copyToNextYear() {
	if v.fw == nil {
		return
	}
	next := v.fw.Copy(v.fw.Year + 1)
	err := v.ui.store.Update(func(tx *store.Tx) error {
		if _, err := tx.Framework(next.Year); err == nil {
			return data.Errorf(data.ECONFLICT, "Đã có bộ chỉ số năm %d; không ghi đè", next.Year)
		}
		return tx.PutFramework(&next)
	})
	if err != nil {
		v.status.SetText(data.ErrorMessage(err))
		return
	}
	v.ui.publish(Change{Kind: FrameworkChanged, Year: next.Year})
	v.year.SetSelected(strconv.Itoa(next.Year))
	v.status.SetText(fmt.Sprintf("Đã tạo bộ chỉ số năm %d từ năm %d.", next.Year, next.Year-1))
}

// noFrameworkYet is what the framework screen says on a file without any.
const noFrameworkYet = "Tệp dữ liệu chưa có bộ chỉ số nào. Bấm «Tạo bộ chỉ số mới…» để bắt đầu từ bộ chỉ số mẫu cấp huyện (7 lĩnh vực), từ một bộ trống, hoặc chép từ một năm đã có."

// editable enables the editing buttons and fields only when there is a
// framework the officer may change.
func (v *frameworkView) editable(on bool) {
	for _, b := range v.buttons {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if v.fw == nil {
		v.copyNext.Disable()
		for _, e := range []*widget.Entry{v.code, v.title, v.max, v.hint} {
			e.SetText("")
			e.Disable()
		}
		v.kind.Disable()
		v.kinds.input.Disable()
		v.kinds.mayNA.Disable()
		v.kinds.tiers.Disable()
		for _, f := range v.fields {
			f.setReadOnly(false)
		}
		v.refreshFormLabels()
		return
	}
	for _, e := range []*widget.Entry{v.code, v.title, v.hint} {
		if on {
			e.Enable()
		} else {
			e.Disable()
		}
	}
}

// refreshFormLabels redraws the node form, whose labels are greyed for the
// fields disabled when it was last drawn.
func (v *frameworkView) refreshFormLabels() {
	if f, ok := v.form.Objects[0].(*widget.Form); ok {
		f.Refresh()
	}
}

// frameworkStart is what a new year's framework starts from.
type frameworkStart struct {
	name string
	make func(tx *store.Tx, year int) (*data.Framework, error)
}

// frameworkStarts are the starts offered: a copy of each year that has a
// framework (latest first), the demo's 7-area district framework, and an
// empty one of one area and one criterion to edit.
func (v *frameworkView) frameworkStarts() []frameworkStart {
	var out []frameworkStart
	years := v.ui.lists.years()
	for i := len(years) - 1; i >= 0; i-- {
		from := years[i]
		out = append(out, frameworkStart{fmt.Sprintf("Chép bộ chỉ số năm %d", from), func(tx *store.Tx, year int) (*data.Framework, error) {
			src, err := tx.Framework(from)
			if err != nil {
				return nil, err
			}
			cp := src.Copy(year)
			return &cp, nil
		}})
	}
	return append(out, districtStart, emptyStart)
}

var districtStart = frameworkStart{"Bộ chỉ số mẫu cấp huyện (7 lĩnh vực, 31 tiêu chí, 100 điểm)", func(_ *store.Tx, year int) (*data.Framework, error) {
	return demo.Framework(year), nil
}}

var emptyStart = frameworkStart{"Bộ chỉ số trống (một lĩnh vực, một tiêu chí để sửa)", func(_ *store.Tx, year int) (*data.Framework, error) {
	return &data.Framework{Year: year, Title: "Bộ Chỉ số cải cách hành chính", Bands: data.DefaultBands(),
		Areas: []data.Criterion{{Code: "1", Title: "Lĩnh vực 1", Children: []data.Criterion{{Code: "1.1", Title: "Tiêu chí 1", Max: data.P(1, 0)}}}}}, nil
}}

// askNewYear creates the framework of any year from one of the starts: a
// copy of the latest year when there is one, else the district framework.
func (v *frameworkView) askNewYear() {
	starts := v.frameworkStarts()
	names := make([]string, len(starts))
	for i, s := range starts {
		names[i] = s.name
	}
	from := newSelect(names, nil)
	from.SetSelectedIndex(0)
	year := newFormEntry()
	next := today().Year()
	if ys := v.ui.lists.years(); len(ys) > 0 {
		next = ys[len(ys)-1] + 1
	}
	year.SetText(strconv.Itoa(next))
	items := []*widget.FormItem{widget.NewFormItem("Năm", year), widget.NewFormItem("Bắt đầu từ", from)}
	v.newYearDialog = dialog.NewForm("Tạo bộ chỉ số", "Tạo", "Hủy", items, func(ok bool) {
		if ok {
			y, _ := strconv.Atoi(strings.TrimSpace(year.Text))
			v.createYear(y, starts[max(from.SelectedIndex(), 0)])
		}
	}, v.ui.win)
	showForm(v.newYearDialog, items, v.ui.win)
	// Wider than a plain form: the starts' names are read whole.
	sizeDialog(v.newYearDialog, 640)
}

// createYear stores a new year's framework made by a start.
func (v *frameworkView) createYear(year int, start frameworkStart) {
	err := v.ui.store.Update(func(tx *store.Tx) error {
		if year < 2000 || year > 2100 {
			return data.Errorf(data.EINVALID, "Năm của bộ chỉ số: phải từ 2000 đến 2100")
		}
		if _, err := tx.Framework(year); err == nil {
			return data.Errorf(data.ECONFLICT, "Đã có bộ chỉ số năm %d; không ghi đè", year)
		}
		f, err := start.make(tx, year)
		if err != nil {
			return err
		}
		return tx.PutFramework(f)
	})
	if err != nil {
		v.status.SetText(data.ErrorMessage(err))
		return
	}
	v.ui.publish(Change{Kind: FrameworkChanged, Year: year})
	v.year.SetSelected(strconv.Itoa(year))
	v.status.SetText(fmt.Sprintf("Đã tạo bộ chỉ số năm %d (%s).", year, data.LowerFirst(start.name)))
}
