package app

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// staleNote marks a section of an edited copy whose figures changed after
// the officer edited it.
const staleNote = "⚠ số liệu đã thay đổi sau khi sửa"

// Scopes of the conference report: the office's report on a group, or a
// unit's report on its own result.
const (
	scopeGroup = "Của cơ quan (theo nhóm)"
	scopeUnit  = "Của đơn vị"
)

// withConference adds the conference report to the Báo cáo section: the
// documents already there in one tab, the conference report in another,
// where its paragraphs have the whole width to be read and edited.
func withConference(ui *UI, v *reportsView, docs fyne.CanvasObject) fyne.CanvasObject {
	c := newConferenceView(ui)
	v.conference = c
	c.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Văn bản in", theme.DocumentPrintIcon(), docs),
		container.NewTabItemWithIcon("Báo cáo hội nghị tổng kết", theme.DocumentCreateIcon(), c.content),
	)
	return c.tabs
}

// conferenceView drafts the report read at the year's review conference
// (hội nghị tổng kết): every section's text in an entry the officer edits
// before printing. A saved edit is the copy that prints, per year and group
// or unit; edits not yet saved are kept in the window (per year and scope)
// and marked "chưa lưu" until saved or redrafted.
type conferenceView struct {
	ui      *UI
	content fyne.CanvasObject
	tabs    *container.AppTabs // of the Báo cáo section
	year    *widget.Select
	scope   *widget.RadioGroup
	group   *groupSelect
	unit    *unitSelect
	groupF  fyne.CanvasObject
	unitF   fyne.CanvasObject
	number  *widget.Entry
	date    *widget.Entry
	status  *widget.Label
	title   *widget.Entry
	list    *fyne.Container // the sections
	scroll  *container.Scroll
	save    *widget.Button
	redraft *widget.Button
	print   *widget.Button

	draft    *data.ConferenceDraft // the report as the file holds it
	shown    *data.ConferenceDraft // what the entries were filled with
	key      string                // year and scope of draft
	builtKey string                // the key the entries were last built for
	stored   bool                  // draft is the saved edited copy
	stale    map[string]bool       // section keys whose figures changed
	texts    map[string]*widget.Entry
	marks    map[string]*widget.Label
	unsaved  map[string]*data.ConferenceDraft // edits not yet saved, by key
	filling  bool                             // entries being set by the view

	picked    [4]string // year, scope, group and unit of the report shown
	restoring bool      // the pickers are being put back
}

func newConferenceView(ui *UI) *conferenceView {
	v := &conferenceView{ui: ui, unsaved: map[string]*data.ConferenceDraft{}}
	v.year = newYearSelect(ui, v.load)
	v.group = newGroupSelect(ui, v.load)
	v.unit = newUnitSelect(ui, v.load)
	v.groupF = field("Nhóm:", v.group.wide())
	v.unitF = field("Đơn vị:", v.unit.wide())
	v.scope = widget.NewRadioGroup([]string{scopeGroup, scopeUnit}, nil)
	v.scope.Horizontal = true
	v.scope.Required = true
	v.scope.SetSelected(scopeGroup)
	v.scope.OnChanged = func(string) { v.load() }
	v.number = widget.NewEntry()
	v.number.SetPlaceHolder("để trống để ghi tay")
	v.date = widget.NewEntry()
	v.date.SetText(data.FormatDate(today()))
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.title = widget.NewMultiLineEntry()
	v.title.Wrapping = fyne.TextWrapWord
	v.title.SetMinRowsVisible(2)
	v.title.OnChanged = func(s string) { v.edited() }
	v.save = widget.NewButtonWithIcon("Lưu bản sửa", theme.DocumentSaveIcon(), v.saveDraft)
	v.save.Importance = widget.HighImportance
	v.redraft = widget.NewButtonWithIcon("Soạn lại từ số liệu", theme.ViewRefreshIcon(), v.askRedraft)
	v.print = widget.NewButtonWithIcon("In báo cáo PDF…", theme.DocumentPrintIcon(), v.savePDF)
	v.list = container.NewVBox()
	v.scroll = container.NewVScroll(v.list)

	top := container.NewVBox(
		boldLabel("Báo cáo hội nghị tổng kết công tác cải cách hành chính"),
		flow(field("Năm:", v.year), field("Báo cáo:", v.scope), v.groupF, v.unitF),
		flow(v.save, v.redraft, v.print,
			field("Số văn bản:", container.NewGridWrap(fyne.NewSize(130, v.number.MinSize().Height), v.number)),
			field("Ngày văn bản:", container.NewGridWrap(fyne.NewSize(120, v.date.MinSize().Height), v.date))),
		v.status,
		widget.NewSeparator(),
	)
	v.content = container.NewBorder(top, nil, nil, nil, v.scroll)
	// A fresh draft follows the figures; an edited copy gets its stale
	// sections marked.
	ui.watch(v, v.reload, ScoresChanged, UnitsChanged, FrameworkChanged, OfficeChanged,
		TasksChanged, InspectionsChanged, OneStopChanged)
	v.load()
	return v
}

// scopeArgs are the group and unit the report is about: a unit's report
// has no group, the office's report no unit.
func (v *conferenceView) scopeArgs() (year int, group, unit string) {
	year = selectedYear(v.year)
	if v.scope.Selected == scopeUnit {
		return year, "", v.unit.code()
	}
	return year, v.group.ID(), ""
}

func (v *conferenceView) scopeKey() string {
	y, g, u := v.scopeArgs()
	if u != "" {
		return fmt.Sprintf("%d/unit/%s", y, u)
	}
	return fmt.Sprintf("%d/group/%s", y, g)
}

// load shows the report of the chosen year and scope: the edits not yet
// saved if there are any, else the saved edited copy, else a fresh draft.
// Moving to another report with unsaved edits first asks to save them,
// discard them, or stay, as the framework form does.
func (v *conferenceView) load() {
	if v.restoring {
		return
	}
	if v.draft != nil && v.key != "" && v.key != v.scopeKey() && v.dirty() {
		v.leave()
		return
	}
	v.open()
}

func (v *conferenceView) open() {
	v.keep()
	if v.scope.Selected == scopeUnit {
		v.groupF.Hide()
		v.unitF.Show()
	} else {
		v.unitF.Hide()
		v.groupF.Show()
	}
	v.key = v.scopeKey()
	v.picked = [4]string{v.year.Selected, v.scope.Selected, v.group.Selected, v.unit.Selected}
	v.read(v.unsaved[v.key])
}

// leave asks what becomes of the unsaved edits of the report shown before
// the pickers moved: saved (then the chosen report opens), discarded (it
// opens), or kept on screen with the pickers put back.
func (v *conferenceView) leave() {
	v.ui.askLeave(unsaved{
		msg: "Báo cáo hội nghị đang sửa có thay đổi chưa lưu. Lưu lại trước khi chuyển sang báo cáo khác?",
		save: func() bool {
			if err := v.persist(v.fromEntries()); err != nil {
				v.ui.showError(err)
				return false
			}
			v.draft = nil
			return true
		},
		discard: func() {
			delete(v.unsaved, v.key)
			v.draft = nil
		},
		stay: func() {
			v.restoring = true
			defer func() { v.restoring = false }()
			v.year.SetSelected(v.picked[0])
			v.scope.SetSelected(v.picked[1])
			v.group.SetSelected(v.picked[2])
			v.unit.SetSelected(v.picked[3])
		},
	}, v.open)
}

// reload follows a change of the figures, keeping what the officer typed.
func (v *conferenceView) reload() {
	v.keep()
	v.read(v.unsaved[v.key])
}

// keep remembers the edits on screen, not yet saved, under their key.
func (v *conferenceView) keep() {
	if v.draft == nil || v.key == "" {
		return
	}
	if d := v.fromEntries(); v.changed(d) {
		v.unsaved[v.key] = d
	} else {
		delete(v.unsaved, v.key)
	}
}

// changed tells whether d differs from the report as the file holds it.
func (v *conferenceView) changed(d *data.ConferenceDraft) bool {
	if d.Title != v.draft.Title || len(d.Sections) != len(v.draft.Sections) {
		return true
	}
	for _, s := range d.Sections {
		if o := v.draft.Section(s.Key); o == nil || o.Text != s.Text {
			return true
		}
	}
	return false
}

// read loads the report from the file (the saved copy or a fresh draft)
// and the fresh draft it is compared with; mine, when set, is shown
// instead of the saved text.
func (v *conferenceView) read(mine *data.ConferenceDraft) {
	year, group, unit := v.scopeArgs()
	var d, fresh data.ConferenceDraft
	var stored bool
	err := v.ui.store.View(func(tx *store.Tx) error {
		if year == 0 || (group == "" && unit == "") {
			return data.Errorf(data.ENOTFOUND, "Chọn năm và nhóm đơn vị hoặc đơn vị để soạn báo cáo hội nghị")
		}
		facts, err := tx.ConferenceFacts(year, group, unit, today())
		if err != nil {
			return err
		}
		if d, stored, err = tx.ConferenceDraft(facts); err != nil {
			return err
		}
		fresh, err = data.Draft(facts)
		return err
	})
	if err != nil {
		v.draft, v.stored = nil, false
		v.list.Objects = nil
		v.list.Refresh()
		v.status.SetText(data.ErrorMessage(err))
		v.setButtons()
		return
	}
	if d.Group == "" && d.Unit == "" {
		d.Group = group
	}
	v.draft, v.stored = &d, stored
	v.stale = map[string]bool{}
	if stored || mine != nil {
		base := &d
		if mine != nil {
			base = mine
		}
		for _, s := range base.Sections {
			if f := fresh.Section(s.Key); f == nil || f.Text != s.Drafted {
				v.stale[s.Key] = true
			}
		}
	}
	v.build(mine)
}

// build fills the entries, one a section, with the draft's text or mine.
func (v *conferenceView) build(mine *data.ConferenceDraft) {
	show := v.draft
	if mine != nil {
		show = mine
	}
	v.shown = show
	v.filling = true
	defer func() { v.filling = false }()
	v.title.SetText(show.Title)
	v.texts, v.marks = map[string]*widget.Entry{}, map[string]*widget.Label{}
	objs := []fyne.CanvasObject{boldLabel("Trích yếu"), v.title}
	for _, s := range show.Sections {
		heading := s.Heading
		switch {
		case heading != "":
		case s.Key == data.SecClosing:
			heading = "(Đoạn kết)"
		default:
			heading = "(Mở đầu)"
		}
		h := boldLabel(heading)
		h.Wrapping = fyne.TextWrapWord
		mark := widget.NewLabelWithStyle(staleNote, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		mark.Importance = widget.WarningImportance
		if !v.stale[s.Key] {
			mark.Hide()
		}
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetText(s.Text)
		e.SetMinRowsVisible(textRows(s.Text))
		e.OnChanged = func(string) { v.edited() }
		v.texts[s.Key], v.marks[s.Key] = e, mark
		if s.Text == "" && s.Drafted == "" && s.Heading != "" {
			e.Hide() // a part's heading, its sections below
		}
		objs = append(objs, widget.NewSeparator(), h, mark, e)
	}
	v.list.Objects = objs
	v.list.Refresh()
	if v.builtKey != v.key {
		v.builtKey = v.key // another report: from its start
		v.scroll.ScrollToTop()
	}
	v.showStatus()
}

// textRows is how many lines an entry shows for a text: its paragraphs
// wrapped at about 100 characters, between 2 and 14 lines (longer texts
// scroll inside the entry).
func textRows(text string) int {
	n := 0
	for _, p := range strings.Split(text, "\n") {
		n += 1 + utf8.RuneCountInString(p)/100
	}
	return min(max(n, 2), 14)
}

// fromEntries is the draft with the text typed in the entries.
func (v *conferenceView) fromEntries() *data.ConferenceDraft {
	d := *v.shown
	d.Sections = append([]data.DraftSection(nil), v.shown.Sections...)
	d.Title = strings.TrimSpace(v.title.Text)
	for i := range d.Sections {
		if e := v.texts[d.Sections[i].Key]; e != nil {
			d.Sections[i].Text = e.Text
		}
	}
	return &d
}

// dirty tells whether the entries hold edits not yet saved.
func (v *conferenceView) dirty() bool {
	return v.draft != nil && v.changed(v.fromEntries())
}

func (v *conferenceView) edited() {
	if !v.filling {
		v.showStatus()
	}
}

func (v *conferenceView) showStatus() {
	if v.draft == nil {
		return
	}
	var parts []string
	if v.stored {
		parts = append(parts, "Bản đã sửa, đã lưu trong tệp dữ liệu: báo cáo in bản này.")
	} else {
		parts = append(parts, "Bản soạn tự động từ số liệu.")
	}
	if v.dirty() {
		parts = append(parts, "Có thay đổi chưa lưu (giữ trong cửa sổ đến khi bấm «Lưu bản sửa»).")
	}
	if n := len(v.stale); n > 0 {
		parts = append(parts, fmt.Sprintf("%d phần có số liệu đã thay đổi sau khi sửa: xem lại, hoặc «Soạn lại từ số liệu».", n))
	}
	others := 0
	for k := range v.unsaved {
		if k != v.key {
			others++
		}
	}
	if others > 0 {
		parts = append(parts, fmt.Sprintf("Còn %d báo cáo khác có thay đổi chưa lưu.", others))
	}
	v.status.SetText(strings.Join(parts, " "))
	v.setButtons()
}

func (v *conferenceView) setButtons() {
	for _, b := range []*widget.Button{v.save, v.redraft, v.print} {
		if v.draft == nil {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// saveDraft keeps the text on screen as the report's edited copy, in one
// transaction.
func (v *conferenceView) saveDraft() {
	if v.draft == nil {
		return
	}
	if err := v.store(); err != nil {
		v.ui.showError(err)
		return
	}
	v.status.SetText("Đã lưu bản sửa. " + v.status.Text)
}

func (v *conferenceView) store() error {
	if err := v.persist(v.fromEntries()); err != nil {
		return err
	}
	v.draft = nil
	v.read(nil)
	return nil
}

// persist saves an edited copy in one transaction.
func (v *conferenceView) persist(d *data.ConferenceDraft) error {
	if err := v.ui.store.Update(func(tx *store.Tx) error { return tx.PutConferenceDraft(d) }); err != nil {
		return err
	}
	delete(v.unsaved, v.key)
	return nil
}

// askRedraft discards the edits, saved or not, after asking.
func (v *conferenceView) askRedraft() {
	if v.draft == nil {
		return
	}
	showConfirm("Soạn lại từ số liệu",
		"Bỏ mọi chỉnh sửa của báo cáo này và soạn lại toàn bộ từ số liệu hiện có?\nVăn bản đã sửa được ghi vào nhật ký thay đổi.",
		func(ok bool) {
			if ok {
				v.redraftNow()
			}
		}, v.ui.win)
}

func (v *conferenceView) redraftNow() {
	year, group, unit := v.scopeArgs()
	if err := v.ui.store.Update(func(tx *store.Tx) error { return tx.RedraftConference(year, group, unit) }); err != nil {
		v.ui.showError(err)
		return
	}
	delete(v.unsaved, v.key)
	v.draft = nil
	v.read(nil)
	v.status.SetText("Đã soạn lại từ số liệu. " + v.status.Text)
}

// input is what the report prints, as the command line gathers it
// (pardesk report conference): the saved copy, or a fresh draft.
func (v *conferenceView) input() (in reports.ConferenceInput, err error) {
	when, err := data.ParseDate(v.date.Text)
	if err != nil {
		return in, data.Errorf(data.EINVALID, "Ngày văn bản: %s", data.ErrorMessage(err))
	}
	year, group, unit := v.scopeArgs()
	if err := v.ui.store.View(func(tx *store.Tx) (err error) {
		in, _, err = ops.ConferenceInput(tx, year, group, unit, when)
		return err
	}); err != nil {
		return in, err
	}
	in.Number, in.Date = v.number.Text, when
	return in, nil
}

func (v *conferenceView) pdf() ([]byte, error) {
	in, err := v.input()
	if err != nil {
		return nil, err
	}
	return reports.Conference(in)
}

// savePDF prints the report; edits not yet saved are saved first, after
// asking, so the paper and the file say the same.
func (v *conferenceView) savePDF() {
	if v.draft == nil {
		return
	}
	year, _, unit := v.scopeArgs()
	name := fmt.Sprintf("bao-cao-hoi-nghi-%d.pdf", year)
	if unit != "" {
		name = fmt.Sprintf("bao-cao-hoi-nghi-%d-%s.pdf", year, unit)
	}
	if !v.dirty() {
		v.ui.savePDF(name, v.pdf)
		return
	}
	showConfirm("Có thay đổi chưa lưu",
		"Báo cáo có thay đổi chưa lưu. Lưu bản sửa rồi in?\n(Không: chưa in, thay đổi vẫn giữ trong cửa sổ.)",
		func(ok bool) {
			if !ok {
				return
			}
			if err := v.store(); err != nil {
				v.ui.showError(err)
				return
			}
			v.ui.savePDF(name, v.pdf)
		}, v.ui.win)
}

// fixFirstLine is the lost-points screen's line on what a unit should fix
// first, worded as the unit's conference report words it: "Khắc phục
// trước: Nếu khắc phục tiêu chí 4.2 (2,25 điểm), Chỉ số đạt 83,65 %, xếp
// thứ 6/10." The unit is picked beside it, or by selecting it among the
// units that lost points on a criterion.
type fixFirstLine struct {
	v       *lostPointsView
	content fyne.CanvasObject
	unit    *widget.Select
	text    *widget.Label
	units   []data.Unit // the group's ranked units, in rank order
	year    int
	group   string
}

func newFixFirstLine(v *lostPointsView) *fixFirstLine {
	l := &fixFirstLine{v: v}
	l.unit = newSelect(nil, func(string) { l.show() })
	l.unit.PlaceHolder = "(chọn đơn vị)"
	l.text = widget.NewLabel("")
	l.text.Wrapping = fyne.TextWrapWord
	pick := container.NewGridWrap(fyne.NewSize(260, l.unit.MinSize().Height), l.unit)
	l.content = container.NewBorder(nil, nil, container.NewHBox(boldLabel("Khắc phục trước:"), pick), nil, l.text)
	return l
}

// load follows the screen's year and group, keeping the chosen unit when
// it is still ranked there.
func (l *fixFirstLine) load() {
	l.year, l.group = selectedYear(l.v.year), l.v.group.ID()
	l.units = nil
	err := l.v.ui.store.View(func(tx *store.Tx) error {
		results, _, err := tx.Ranking(l.year, l.group)
		for _, r := range results {
			l.units = append(l.units, r.Unit)
		}
		return err
	})
	opts := make([]string, len(l.units))
	for i, u := range l.units {
		opts[i] = u.Code + " – " + u.Name
	}
	l.unit.OnChanged = nil
	setOptions(l.unit, opts, len(opts)) // no unit chosen unless kept
	l.unit.OnChanged = func(string) { l.show() }
	if err != nil && data.ErrorCode(err) != data.ENOTFOUND {
		l.text.SetText(data.ErrorMessage(err))
		return
	}
	l.show()
}

// choose picks the unit with the code.
func (l *fixFirstLine) choose(code string) {
	for i, u := range l.units {
		if u.Code == code {
			l.unit.SetSelectedIndex(i)
			return
		}
	}
}

func (l *fixFirstLine) code() string {
	if i := l.unit.SelectedIndex(); i >= 0 && i < len(l.units) {
		return l.units[i].Code
	}
	return ""
}

// show words the chosen unit's first step.
func (l *fixFirstLine) show() {
	code := l.code()
	if code == "" {
		l.text.SetText("Chọn một đơn vị, hoặc bấm vào một đơn vị trong bảng bên dưới, để xem tiêu chí nên khắc phục trước.")
		return
	}
	var text string
	err := l.v.ui.store.View(func(tx *store.Tx) error {
		results, f, err := tx.Ranking(l.year, l.group)
		if err != nil {
			return err
		}
		sheet, err := tx.Sheet(l.year, code)
		if err != nil && data.ErrorCode(err) != data.ENOTFOUND {
			return err
		}
		plan, ok := data.FixFirst(f, results, code, sheet)
		if ss := plan.Sentences(1); ok && len(ss) > 0 {
			text = ss[0]
		} else {
			text = "đơn vị không bị trừ điểm ở tiêu chí nào."
		}
		return nil
	})
	if err != nil {
		text = data.ErrorMessage(err)
	}
	l.text.SetText(text)
}

// drillUnit shows the fix-first line of the unit selected among those
// that lost points on the selected criterion.
func (v *lostPointsView) drillUnit(id widget.TableCellID) {
	if v.sel < 0 || v.sel >= len(v.lost) || id.Row < 0 || id.Row >= len(v.lost[v.sel].Units) {
		return
	}
	v.fix.choose(v.lost[v.sel].Units[id.Row].Unit.Code)
}
