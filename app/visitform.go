package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// visitForm fills in a visit from the paper checklist: date, team, the
// unit's head, each item's answer and note, the findings and the
// recommendations. "Lưu" keeps a draft; "Hoàn thành" closes the record
// and carries the recommendations into the task list. A finished visit
// opens read-only.
type visitForm struct {
	v       *inspectionsView
	content fyne.CanvasObject
	visit   data.Visit
	tpl     data.Template
	unit    string

	date, number         *widget.Entry
	team                 *widget.Entry
	headName, headTitle  *widget.Entry
	outcomes             map[string]*widget.RadioGroup // check items
	values               map[string]*widget.Entry      // number items
	notApplicable        map[string]*widget.Check      // number items
	notes                map[string]*widget.Entry
	strengths, weakness  *widget.Entry
	recBox               *fyne.Container
	recs                 []*recRow
	addRec, save, finish *widget.Button
	back                 *widget.Button
	// saved is the form's fingerprint as last read or saved.
	saved string
	// fields show a finished visit's values as text.
	fields []*valueField
}

// recRow is one recommendation's entries.
type recRow struct {
	text, owner, deadline *widget.Entry
	del                   *widget.Button
	box                   fyne.CanvasObject
}

var outcomeLabels = []string{data.Passed.Label(), data.Failed.Label(), data.NotApplicable.Label()}

func newVisitForm(v *inspectionsView, id string) (*visitForm, error) {
	f := &visitForm{v: v, outcomes: map[string]*widget.RadioGroup{}, values: map[string]*widget.Entry{},
		notApplicable: map[string]*widget.Check{}, notes: map[string]*widget.Entry{}}
	err := v.ui.store.View(func(tx *store.Tx) error {
		var err error
		if f.visit, err = tx.Visit(id); err != nil {
			return err
		}
		u, err := tx.Unit(f.visit.Unit)
		if err != nil {
			return err
		}
		f.unit = u.Name
		f.tpl, err = tx.Template(f.visit.Template, f.visit.TemplateVersion)
		return err
	})
	if err != nil {
		return nil, err
	}
	vis := &f.visit

	entry := func(text string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		return e
	}
	f.date = entry(data.FormatDate(vis.Date))
	f.date.SetPlaceHolder("09/06/2024")
	f.number = entry(vis.Number)
	f.number.SetPlaceHolder("để trống để ghi tay")
	f.team = widget.NewMultiLineEntry()
	var lines []string
	for _, m := range vis.Team {
		lines = append(lines, strings.TrimSuffix(m.Name+", "+m.Title, ", "))
	}
	f.team.SetText(strings.Join(lines, "\n"))
	f.team.SetPlaceHolder("Mỗi dòng một người: Họ tên, chức vụ. Dòng đầu là trưởng đoàn.")
	f.team.SetMinRowsVisible(4)
	f.headName = entry(vis.UnitHead.Name)
	f.headTitle = entry(vis.UnitHead.Title)
	info := widget.NewForm(
		widget.NewFormItem("Ngày kiểm tra", f.valued(f.date)),
		widget.NewFormItem("Số biên bản", f.valued(f.number)),
		widget.NewFormItem("Đoàn kiểm tra", f.valued(f.team)),
		widget.NewFormItem("Người ký cho đơn vị", f.valued(f.headName)),
		widget.NewFormItem("Chức vụ", f.valued(f.headTitle)),
	)

	items := container.NewVBox()
	for _, s := range f.tpl.Sections {
		items.Add(boldLabel(s.Code + ". " + s.Title))
		for _, it := range s.Items {
			items.Add(f.itemRow(it))
		}
	}

	f.strengths = widget.NewMultiLineEntry()
	f.strengths.Wrapping = fyne.TextWrapWord
	f.strengths.SetText(vis.Strengths)
	f.strengths.SetMinRowsVisible(3)
	f.weakness = widget.NewMultiLineEntry()
	f.weakness.Wrapping = fyne.TextWrapWord
	f.weakness.SetText(vis.Weaknesses)
	f.weakness.SetMinRowsVisible(3)
	findings := widget.NewForm(
		widget.NewFormItem("Ưu điểm", f.valued(f.strengths)),
		widget.NewFormItem("Tồn tại, hạn chế", f.valued(f.weakness)),
	)

	f.recBox = container.NewVBox()
	for _, r := range vis.Recommendations {
		f.addRecRow(r)
	}
	f.addRec = widget.NewButtonWithIcon("Thêm kiến nghị", theme.ContentAddIcon(), func() { f.addRecRow(data.Recommendation{}) })

	f.save = widget.NewButtonWithIcon("Lưu", theme.DocumentSaveIcon(), func() { f.store(false) })
	f.finish = widget.NewButtonWithIcon("Hoàn thành đợt kiểm tra…", theme.ConfirmIcon(), f.confirmFinish)
	f.finish.Importance = widget.HighImportance
	f.back = widget.NewButtonWithIcon("Về kế hoạch", theme.NavigateBackIcon(), func() { f.leave(v.closeVisit) })
	checklist := widget.NewButtonWithIcon("In phiếu trắng…", theme.DocumentPrintIcon(), func() { v.ui.saveVisitPDF(vis.ID, false) })
	record := widget.NewButtonWithIcon("In biên bản…", theme.DocumentPrintIcon(), func() { v.ui.saveVisitPDF(vis.ID, true) })

	title := boldLabel(fmt.Sprintf("Đợt kiểm tra %s: %s", vis.ID, f.unit))
	status := widget.NewLabel(fmt.Sprintf("Mẫu phiếu: %s", f.tpl.Label()))
	if vis.Finished {
		status.SetText(status.Text + ". Đợt kiểm tra đã hoàn thành, biên bản đã lập: chỉ xem, không sửa được; kiến nghị được theo dõi ở danh sách nhiệm vụ.")
	}
	status.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(flow(f.back, title, f.save, f.finish, checklist, record), status)
	recHead := boldLabel("Kiến nghị (nội dung; đơn vị, người thực hiện; thời hạn)")
	body := container.NewVBox(
		info,
		widget.NewSeparator(),
		boldLabel("Kết quả kiểm tra"),
		items,
		widget.NewSeparator(),
		boldLabel("Nhận xét, đánh giá"),
		findings,
		widget.NewSeparator(),
		recHead, f.recBox, container.NewHBox(f.addRec),
	)
	f.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(body))
	if vis.Finished {
		f.readOnly()
	}
	f.saved = f.fingerprint()
	return f, nil
}

// fingerprint is everything the form shows that the officer can change.
func (f *visitForm) fingerprint() string {
	var b strings.Builder
	for _, e := range []*widget.Entry{f.date, f.number, f.team, f.headName, f.headTitle, f.strengths, f.weakness} {
		b.WriteString(e.Text + "\x00")
	}
	f.tpl.Items(func(_ *data.ChecklistSection, it *data.ChecklistItem) {
		if r := f.outcomes[it.Code]; r != nil {
			b.WriteString(r.Selected + "\x00")
		}
		if e := f.values[it.Code]; e != nil {
			fmt.Fprintf(&b, "%s\x00%v\x00", e.Text, f.notApplicable[it.Code].Checked)
		}
		if e := f.notes[it.Code]; e != nil {
			b.WriteString(e.Text + "\x00")
		}
	})
	for _, r := range f.recs {
		b.WriteString(r.text.Text + "\x00" + r.owner.Text + "\x00" + r.deadline.Text + "\x01")
	}
	return b.String()
}

// dirty reports whether the form holds changes not saved.
func (f *visitForm) dirty() bool {
	return !f.visit.Finished && f.fingerprint() != f.saved
}

// leave runs next at once when the form holds no unsaved change; else it
// asks whether to save the draft first, discard the change, or stay.
func (f *visitForm) leave(next func()) {
	if !f.dirty() {
		next()
		return
	}
	id := f.visit.ID
	f.v.ui.askLeave(unsaved{
		msg:     fmt.Sprintf("Đợt kiểm tra %s (%s) có kết quả nhập chưa lưu. Lưu lại trước khi chuyển sang việc khác?", id, f.unit),
		save:    func() bool { return f.store(false) },
		discard: func() { f.v.openVisit(id) },
	}, next)
}

// itemRow is one item: code and question, what to check, the answer and
// the note.
func (f *visitForm) itemRow(it data.ChecklistItem) fyne.CanvasObject {
	a := f.visit.Answers[it.Code]
	q := widget.NewLabel(it.Code + ". " + it.Question)
	q.Wrapping = fyne.TextWrapWord
	var answer fyne.CanvasObject
	if f.visit.Finished {
		// The signed record reads as text, not as greyed-out inputs.
		result := boldLabel("Kết quả: " + a.Text(&it))
		note := widget.NewLabel(a.Note)
		note.Wrapping = fyne.TextWrapWord
		return container.NewVBox(q, container.NewGridWithColumns(2, result, note))
	}
	if it.Kind == data.AnswerNumber {
		e := widget.NewEntry()
		if a.Value != nil {
			e.SetText(a.Value.Short())
		}
		hint := "số liệu"
		if it.Unit != "" {
			hint += " (" + it.Unit + ")"
		}
		e.SetPlaceHolder(hint)
		na := widget.NewCheck(data.NotApplicable.Label(), func(on bool) {
			if on {
				e.SetText("")
				e.Disable()
			} else {
				e.Enable()
			}
		})
		na.SetChecked(a.Outcome == data.NotApplicable)
		f.values[it.Code], f.notApplicable[it.Code] = e, na
		answer = container.NewGridWithColumns(2, e, na)
	} else {
		r := widget.NewRadioGroup(outcomeLabels, nil)
		r.Horizontal = true
		r.SetSelected(a.Outcome.Label())
		f.outcomes[it.Code] = r
		answer = r
	}
	note := widget.NewEntry()
	note.SetText(a.Note)
	note.SetPlaceHolder("ghi chú")
	f.notes[it.Code] = note
	parts := []fyne.CanvasObject{q}
	if c := it.Check; c != "" {
		check := widget.NewLabel("Kiểm tra: " + strings.ReplaceAll(c, "\n", "; "))
		check.Wrapping = fyne.TextWrapWord
		check.TextStyle = fyne.TextStyle{Italic: true}
		parts = append(parts, check)
	}
	parts = append(parts, container.NewGridWithColumns(2, answer, note))
	return container.NewVBox(parts...)
}

func (f *visitForm) addRecRow(r data.Recommendation) {
	row := &recRow{text: widget.NewEntry(), owner: widget.NewEntry(), deadline: widget.NewEntry()}
	row.text.SetText(r.Text)
	row.text.SetPlaceHolder("nội dung kiến nghị")
	row.owner.SetText(r.Owner)
	row.owner.SetPlaceHolder("đơn vị, người thực hiện")
	row.deadline.SetText(data.FormatDate(r.Deadline))
	row.deadline.SetPlaceHolder("thời hạn 30/06/2024")
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		for i, x := range f.recs {
			if x == row {
				f.recs = append(f.recs[:i], f.recs[i+1:]...)
				break
			}
		}
		f.recBox.Remove(row.box)
	})
	row.del = del
	right := container.NewHBox(container.NewGridWrap(fyne.NewSize(150, row.deadline.MinSize().Height), f.valued(row.deadline)), del)
	row.box = container.NewBorder(nil, nil, nil, right, container.NewGridWithColumns(2, f.valued(row.text), f.valued(row.owner)))
	f.recs = append(f.recs, row)
	f.recBox.Add(row.box)
}

// collect builds the visit from the form. Every refusal names the field.
func (f *visitForm) collect() (data.Visit, error) {
	v := f.visit
	v.Answers = map[string]data.Answer{}
	v.Recommendations = nil
	v.Team = nil
	d, err := data.ParseDate(f.date.Text)
	if err != nil {
		return v, data.Errorf(data.EINVALID, "Ngày kiểm tra: %s", data.ErrorMessage(err))
	}
	v.Date = d
	v.Number = f.number.Text
	for _, l := range strings.Split(f.team.Text, "\n") {
		name, title, _ := strings.Cut(l, ",")
		if m := (data.Member{Name: data.Clean(name), Title: data.Clean(title)}); m != (data.Member{}) {
			v.Team = append(v.Team, m)
		}
	}
	v.UnitHead = data.Member{Name: f.headName.Text, Title: f.headTitle.Text}
	var ferr error
	f.tpl.Items(func(_ *data.ChecklistSection, it *data.ChecklistItem) {
		if ferr != nil {
			return
		}
		a := data.Answer{Note: f.notes[it.Code].Text}
		if it.Kind == data.AnswerNumber {
			if f.notApplicable[it.Code].Checked {
				a.Outcome = data.NotApplicable
			} else if s := strings.TrimSpace(f.values[it.Code].Text); s != "" {
				p, err := data.ParsePoints(s)
				if err != nil {
					ferr = data.Errorf(data.EINVALID, "Câu hỏi %s (số liệu%s): %s", it.Code, rangeHint(it), data.ErrorMessage(err))
					return
				}
				a.Value = &p
			}
		} else {
			a.Outcome = data.OutcomeOf(f.outcomes[it.Code].Selected)
		}
		if a != (data.Answer{}) {
			v.Answers[it.Code] = a
		}
	})
	if ferr != nil {
		return v, ferr
	}
	v.Strengths, v.Weaknesses = f.strengths.Text, f.weakness.Text
	for i, r := range f.recs {
		if strings.TrimSpace(r.text.Text+r.owner.Text+r.deadline.Text) == "" {
			continue // an empty row added by mistake
		}
		rec := data.Recommendation{Text: r.text.Text, Owner: r.owner.Text}
		if strings.TrimSpace(r.deadline.Text) != "" {
			d, err := data.ParseDate(r.deadline.Text)
			if err != nil {
				return v, data.Errorf(data.EINVALID, "Kiến nghị thứ %d, thời hạn: %s", i+1, data.ErrorMessage(err))
			}
			rec.Deadline = d
		}
		v.Recommendations = append(v.Recommendations, rec)
	}
	return v, nil
}

func rangeHint(it *data.ChecklistItem) string {
	if it.Max > 0 {
		return fmt.Sprintf(", từ 0 đến %s", it.Max.Short())
	}
	return ", không âm"
}

// store saves the form in one transaction; finish also closes the visit
// and carries its recommendations into tasks. On a refusal nothing is
// written and the form stays as typed.
func (f *visitForm) store(finish bool) bool {
	v, err := f.collect()
	if err != nil {
		f.v.ui.showError(err)
		return false
	}
	v.Finished = finish
	if err := f.v.ui.store.Update(func(tx *store.Tx) error { return tx.PutVisit(&v) }); err != nil {
		f.v.ui.showError(err)
		return false
	}
	f.visit = v
	f.saved = f.fingerprint()
	f.v.ui.publish(Change{Kind: InspectionsChanged})
	if finish {
		f.v.openVisit(v.ID) // the finished record, read-only
		dialog.ShowInformation("Đã hoàn thành", fmt.Sprintf("Đợt kiểm tra %s đã hoàn thành; %d kiến nghị đã được chuyển thành nhiệm vụ để theo dõi.", v.ID, len(v.Recommendations)), f.v.ui.win)
	}
	return true
}

func (f *visitForm) confirmFinish() {
	if _, err := f.collect(); err != nil {
		f.v.ui.showError(err)
		return
	}
	msg := fmt.Sprintf("Hoàn thành đợt kiểm tra %s tại %s?\nSau khi hoàn thành, biên bản không sửa được nữa và %d kiến nghị được chuyển thành nhiệm vụ.", f.visit.ID, f.unit, len(f.recs))
	showCustomConfirm("Hoàn thành đợt kiểm tra", "Hoàn thành", "Chưa", widget.NewLabel(msg), func(ok bool) {
		if ok {
			f.store(true)
		}
	}, f.v.ui.win)
}

// valued puts an entry in a value field, shown as text once the visit is
// finished.
func (f *visitForm) valued(e *widget.Entry) fyne.CanvasObject {
	v := entryField(e)
	f.fields = append(f.fields, v)
	return v.box
}

// readOnly shows a finished visit's values as text in the normal colour,
// its inputs switched off behind them.
func (f *visitForm) readOnly() {
	for _, v := range f.fields {
		v.setReadOnly(true)
	}
	for _, e := range []*widget.Entry{f.date, f.number, f.team, f.headName, f.headTitle, f.strengths, f.weakness} {
		e.Disable()
	}
	for _, r := range f.outcomes {
		r.Disable()
	}
	for code, e := range f.values {
		e.Disable()
		f.notApplicable[code].Disable()
	}
	for _, e := range f.notes {
		e.Disable()
	}
	for _, r := range f.recs {
		r.text.Disable()
		r.owner.Disable()
		r.deadline.Disable()
		r.del.Hide()
	}
	f.addRec.Hide()
	f.save.Hide()
	f.finish.Hide()
}
