package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// The checklist template editor of the Kiểm tra section: the chosen
// template's sections and items in a table, and buttons that add, edit,
// delete and move the selected row, or start a new template. Every change
// is one SaveTemplate in one transaction; an edit of a version that a
// finished visit used (or whose answers a visit being filled in would
// lose) is stored as the next version, and the officer is told.

// Answer kinds as the editor offers them.
const (
	kindCheckLabel  = "Đạt / không đạt / không áp dụng"
	kindNumberLabel = "Số liệu (đơn vị tính, giá trị tối đa)"
)

// templatesTab lists the chosen template's latest version with the
// editor's buttons above it.
func (v *inspectionsView) templatesTab() fyne.CanvasObject {
	v.tplSelect = newSelect(nil, func(string) { v.showTemplate() })
	v.tplSelect.PlaceHolder = "Chưa có mẫu phiếu"
	v.tplInfo = widget.NewLabel("")
	v.tplInfo.Wrapping = fyne.TextWrapWord
	v.tplItems = newTextTable([]column{
		{"Mã", 60, fyne.TextAlignLeading},
		{"Câu hỏi", 420, fyne.TextAlignLeading},
		{"Nội dung, tài liệu kiểm tra", 300, fyne.TextAlignLeading},
		{"Tiêu chí", 80, fyne.TextAlignCenter},
		{"Cách trả lời", 200, fyne.TextAlignLeading},
	})
	v.tplItems.OnSelected = func(id widget.TableCellID) { v.tplRow = id.Row; v.tplButtons() }
	v.tplNew = widget.NewButtonWithIcon("Mẫu phiếu mới…", theme.ContentAddIcon(), v.newTemplate)
	v.tplAddSection = widget.NewButtonWithIcon("Thêm phần…", theme.ContentAddIcon(), v.addSection)
	v.tplAddItem = widget.NewButtonWithIcon("Thêm câu hỏi…", theme.ContentAddIcon(), v.addItem)
	v.tplEdit = widget.NewButtonWithIcon("Sửa…", theme.DocumentCreateIcon(), v.editRow)
	v.tplDelete = widget.NewButtonWithIcon("Xóa…", theme.DeleteIcon(), v.deleteRow)
	v.tplUp = widget.NewButtonWithIcon("Lên", theme.MoveUpIcon(), func() { v.moveRow(-1) })
	v.tplDown = widget.NewButtonWithIcon("Xuống", theme.MoveDownIcon(), func() { v.moveRow(1) })
	v.tplButtons()
	top := container.NewVBox(
		// The template's long name takes the width the screen has.
		container.NewBorder(nil, nil, widget.NewLabel("Mẫu phiếu:"), v.tplNew, v.tplSelect),
		flow(v.tplAddSection, v.tplAddItem, v.tplEdit, v.tplDelete, v.tplUp, v.tplDown),
		v.tplInfo,
	)
	return container.NewBorder(top, nil, nil, nil, v.tplItems)
}

// showTemplates fills the template choice, keeping the template shown
// (tplID: the one just saved, or the one chosen before the reload).
func (v *inspectionsView) showTemplates() {
	names := make([]string, len(v.templates))
	for i, t := range v.templates {
		names[i] = t.Label()
	}
	sel := slices.IndexFunc(v.templates, func(t data.Template) bool { return t.ID == v.tplID })
	if sel < 0 && len(names) > 0 {
		sel = 0
	}
	v.tplSelect.Options = names
	if sel >= 0 {
		v.tplSelect.SetSelectedIndex(sel)
	} else {
		v.tplSelect.ClearSelected()
	}
	v.showTemplate()
}

// chosenTemplate is the template chosen, or nil.
func (v *inspectionsView) chosenTemplate() *data.Template {
	i := v.tplSelect.SelectedIndex()
	if i < 0 || i >= len(v.templates) {
		return nil
	}
	return &v.templates[i]
}

// showTemplate lists the chosen template's sections and items.
func (v *inspectionsView) showTemplate() {
	v.tplRow = -1
	v.tplItems.UnselectAll()
	t := v.chosenTemplate()
	if t == nil {
		v.tplItems.SetRows(nil, nil)
		v.tplInfo.SetText("Chưa có mẫu phiếu kiểm tra: bấm «Mẫu phiếu mới…» để tạo.")
		v.tplButtons()
		return
	}
	v.tplID = t.ID
	var rows [][]string
	bold := map[int]bool{}
	for _, s := range t.Sections {
		bold[len(rows)] = true
		rows = append(rows, []string{s.Code, s.Title, "", "", ""})
		for _, it := range s.Items {
			rows = append(rows, []string{it.Code, it.Question, strings.ReplaceAll(it.Check, "\n", "; "), it.Criterion, kindText(&it)})
		}
	}
	v.tplItems.SetRows(rows, bold)
	v.tplInfo.SetText(fmt.Sprintf("Mã %s, phiên bản %d, %d phần, %d câu hỏi. Chọn một dòng để sửa, xóa hay chuyển lên, xuống. "+
		"Phiên bản đã dùng cho đợt kiểm tra đã hoàn thành (hoặc đã có câu trả lời bị ảnh hưởng) được giữ nguyên: thay đổi được lưu thành phiên bản mới cho các đợt sau.",
		t.ID, t.Version, len(t.Sections), t.ItemCount()))
	v.tplButtons()
}

// kindText is the answer kind in the table: "Đạt/không đạt", "Số liệu
// (%, tối đa 100)".
func kindText(it *data.ChecklistItem) string {
	if it.Kind != data.AnswerNumber {
		return "Đạt/không đạt"
	}
	var parts []string
	if it.Unit != "" {
		parts = append(parts, it.Unit)
	}
	if it.Max > 0 {
		parts = append(parts, "tối đa "+it.Max.Short())
	}
	if len(parts) == 0 {
		return "Số liệu"
	}
	return "Số liệu (" + strings.Join(parts, ", ") + ")"
}

// tplButtons enables the buttons that apply to the selected row.
func (v *inspectionsView) tplButtons() {
	t := v.chosenTemplate()
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	enable(v.tplAddSection, t != nil)
	enable(v.tplAddItem, t != nil && len(t.Sections) > 0)
	si, ii := -1, -1
	if t != nil {
		si, ii, _ = itemAt(t, v.tplRow)
	}
	selected := si >= 0
	enable(v.tplEdit, selected)
	enable(v.tplDelete, selected)
	up, down := false, false
	if selected {
		c := t.Copy()
		if ii >= 0 {
			_, _, up = c.MoveItem(si, ii, -1)
			c = t.Copy()
			_, _, down = c.MoveItem(si, ii, 1)
		} else {
			up, down = si > 0, si < len(t.Sections)-1
		}
	}
	enable(v.tplUp, up)
	enable(v.tplDown, down)
}

// itemAt returns the section and item index of a row of the template
// table; ok is false for a section row (i is then -1) and for no row (s
// is then -1 too).
func itemAt(t *data.Template, row int) (s, i int, ok bool) {
	if row < 0 {
		return -1, -1, false
	}
	r := 0
	for si, sec := range t.Sections {
		if r == row {
			return si, -1, false
		}
		r++
		if row < r+len(sec.Items) {
			return si, row - r, true
		}
		r += len(sec.Items)
	}
	return -1, -1, false
}

// tplRowOf is the table row of item ii of section si (the section's own row
// when ii is -1).
func tplRowOf(t *data.Template, si, ii int) int {
	r := 0
	for i := 0; i < si && i < len(t.Sections); i++ {
		r += 1 + len(t.Sections[i].Items)
	}
	return r + 1 + ii
}

// saveTemplate stores t in one transaction, then shows it with the row of
// item ii of section si selected (si -1: none). It says so when the edit
// was stored as a new version. It returns the error refused, if any, after
// showing it.
func (v *inspectionsView) saveTemplate(t data.Template, si, ii int) error {
	before := t.Version
	if err := v.ui.store.Update(func(tx *store.Tx) error { return tx.SaveTemplate(&t) }); err != nil {
		return err
	}
	v.tplID = t.ID
	v.ui.publish(Change{Kind: InspectionsChanged})
	if si >= 0 {
		v.tplItems.Select(widget.TableCellID{Row: tplRowOf(&t, si, ii), Col: 1})
	}
	if before != 0 && t.Version != before {
		dialog.ShowInformation("Đã lưu phiên bản mới", fmt.Sprintf(
			"Phiên bản %d đã dùng cho đợt kiểm tra (đã hoàn thành, hoặc đang nhập có câu trả lời bị ảnh hưởng) nên được giữ nguyên; "+
				"thay đổi được lưu thành phiên bản %d, dùng cho các đợt kiểm tra thêm sau này.", before, t.Version), v.ui.win)
	}
	return nil
}

// refused shows a refusal; when the officer closes it, again reopens the
// form with what was typed.
func (v *inspectionsView) refused(err error, again func()) {
	d := dialog.NewError(errors.New(data.ErrorMessage(err)), v.ui.win)
	d.SetOnClosed(again)
	d.Show()
}

// newTemplate creates a template under a new ID and title, by default a
// copy of the chosen one's questions, else one section with one question
// to edit.
func (v *inspectionsView) newTemplate() {
	from := v.chosenTemplate()
	id, title := newFormEntry(), newFormEntry()
	id.SetPlaceHolder("ví dụ MC-2025 (tối đa 20 ký tự, không dấu cách, không dấu /)")
	title.SetPlaceHolder("Phiếu kiểm tra công tác cải cách hành chính năm …")
	copyQ := widget.NewCheck("Sao chép các phần và câu hỏi của mẫu đang chọn", nil)
	if from != nil {
		copyQ.SetChecked(true)
		title.SetText(from.Title)
	} else {
		copyQ.Disable()
	}
	v.newTemplateForm(from, id, title, copyQ)
}

func (v *inspectionsView) newTemplateForm(from *data.Template, id, title *formEntry, copyQ *widget.Check) {
	items := []*widget.FormItem{
		widget.NewFormItem("Mã mẫu phiếu", id),
		widget.NewFormItem("Tên mẫu phiếu", title),
		widget.NewFormItem("", copyQ),
	}
	d := dialog.NewForm("Mẫu phiếu kiểm tra mới", "Tạo", "Hủy", items, func(ok bool) {
		if !ok {
			return
		}
		var t data.Template
		if from != nil && copyQ.Checked {
			t = from.Copy()
		} else {
			t.Sections = []data.ChecklistSection{{Code: "I", Title: "Nội dung kiểm tra", Items: []data.ChecklistItem{
				{Code: "1.1", Question: "Câu hỏi thứ nhất (sửa lại nội dung)"}}}}
		}
		t.ID, t.Title, t.Version = id.Text, title.Text, 0
		if err := v.saveTemplate(t, -1, -1); err != nil {
			v.refused(err, func() { v.newTemplateForm(from, id, title, copyQ) })
		}
	}, v.ui.win)
	showForm(d, items, v.ui.win)
	d.Resize(fyne.NewSize(720, 260))
}

// selection is the chosen template's copy and the selected row's section
// and item (ii -1 for a section row, si -1 for none).
func (v *inspectionsView) selection() (t data.Template, si, ii int, ok bool) {
	cur := v.chosenTemplate()
	if cur == nil {
		return t, -1, -1, false
	}
	t = cur.Copy()
	si, ii, _ = itemAt(&t, v.tplRow)
	return t, si, ii, true
}

// addSection adds a section after the selected row's section, or at the
// end.
func (v *inspectionsView) addSection() {
	t, si, _, ok := v.selection()
	if !ok {
		return
	}
	at := len(t.Sections)
	if si >= 0 {
		at = si + 1
	}
	code, title := newFormEntry(), newFormEntry()
	code.SetText(t.NextSectionCode())
	v.sectionForm(t, at, true, code, title)
}

func (v *inspectionsView) sectionForm(t data.Template, at int, adding bool, code, title *formEntry) {
	name := "Thêm phần"
	if !adding {
		name = "Sửa phần " + t.Sections[at].Code
	}
	title.SetPlaceHolder("ví dụ: Công khai thủ tục hành chính")
	items := []*widget.FormItem{
		widget.NewFormItem("Số thứ tự", code),
		widget.NewFormItem("Tên phần", title),
	}
	d := dialog.NewForm(name, "Lưu", "Hủy", items, func(ok bool) {
		if !ok {
			return
		}
		edit := t.Copy()
		s := data.ChecklistSection{Code: code.Text, Title: title.Text}
		if adding {
			edit.Sections = slices.Insert(edit.Sections, at, s)
		} else {
			edit.Sections[at].Code, edit.Sections[at].Title = s.Code, s.Title
		}
		if err := v.saveTemplate(edit, at, -1); err != nil {
			v.refused(err, func() { v.sectionForm(t, at, adding, code, title) })
		}
	}, v.ui.win)
	showForm(d, items, v.ui.win)
	d.Resize(fyne.NewSize(640, 220))
}

// addItem adds a question after the selected item, at the end of the
// selected section, or at the end of the last section.
func (v *inspectionsView) addItem() {
	t, si, ii, ok := v.selection()
	if !ok || len(t.Sections) == 0 {
		return
	}
	at := 0
	switch {
	case si < 0:
		si = len(t.Sections) - 1
		at = len(t.Sections[si].Items)
	case ii < 0:
		at = len(t.Sections[si].Items)
	default:
		at = ii + 1
	}
	it := data.ChecklistItem{Code: t.NextItemCode(si)}
	v.itemForm(t, si, at, true, newItemFields(it))
}

// itemFields are the entries of the question form, kept across a refusal.
type itemFields struct {
	code, question, check, criterion, unit, max *formEntry
	kind                                        *widget.RadioGroup
}

func newItemFields(it data.ChecklistItem) *itemFields {
	f := &itemFields{code: newFormEntry(), question: newFormTextArea(), check: newFormTextArea(),
		criterion: newFormEntry(), unit: newFormEntry(), max: newFormEntry()}
	f.question.Wrapping, f.check.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	f.code.SetText(it.Code)
	f.question.SetText(it.Question)
	f.check.SetText(it.Check)
	f.criterion.SetText(it.Criterion)
	f.criterion.SetPlaceHolder("mã tiêu chí của Bộ chỉ số, ví dụ 3.1 (có thể bỏ trống)")
	f.unit.SetText(it.Unit)
	f.unit.SetPlaceHolder("%, hồ sơ, lượt …")
	if it.Max > 0 {
		f.max.SetText(it.Max.Short())
	}
	f.max.SetPlaceHolder(fmt.Sprintf("từ 0 đến %s; để trống là không giới hạn", data.FormatCount(int64(data.MaxFigure/data.PointsScale))))
	f.kind = widget.NewRadioGroup([]string{kindCheckLabel, kindNumberLabel}, func(s string) {
		if s == kindNumberLabel {
			f.unit.Enable()
			f.max.Enable()
		} else {
			f.unit.Disable()
			f.max.Disable()
		}
	})
	f.kind.Required = true
	if it.Kind == data.AnswerNumber {
		f.kind.SetSelected(kindNumberLabel)
	} else {
		f.kind.SetSelected(kindCheckLabel)
	}
	return f
}

// item reads the form back; a max that is not a number is refused with
// the field and its range.
func (f *itemFields) item() (data.ChecklistItem, error) {
	it := data.ChecklistItem{Code: f.code.Text, Question: f.question.Text, Check: f.check.Text, Criterion: f.criterion.Text}
	if f.kind.Selected != kindNumberLabel {
		return it, nil
	}
	it.Kind, it.Unit = data.AnswerNumber, f.unit.Text
	if s := strings.TrimSpace(f.max.Text); s != "" {
		m, err := data.ParsePoints(s)
		if err != nil {
			return it, data.Errorf(data.EINVALID, "Giá trị tối đa của câu hỏi %s: %q không phải là số từ 0 đến %s (để trống là không giới hạn)",
				strings.TrimSpace(it.Code), s, data.FormatCount(int64(data.MaxFigure/data.PointsScale)))
		}
		it.Max = m
	}
	return it, nil
}

// itemForm adds (at index at of section si) or edits (item at of section
// si) a question.
func (v *inspectionsView) itemForm(t data.Template, si, at int, adding bool, f *itemFields) {
	name := fmt.Sprintf("Thêm câu hỏi vào phần %s", t.Sections[si].Code)
	if !adding {
		name = "Sửa câu hỏi " + t.Sections[si].Items[at].Code
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Mã câu hỏi", f.code),
		widget.NewFormItem("Câu hỏi", f.question),
		widget.NewFormItem("Nội dung kiểm tra", f.check),
		widget.NewFormItem("Tiêu chí liên quan", f.criterion),
		widget.NewFormItem("Cách trả lời", f.kind),
		widget.NewFormItem("Đơn vị tính", f.unit),
		widget.NewFormItem("Giá trị tối đa", f.max),
	}
	d := dialog.NewForm(name, "Lưu", "Hủy", items, func(ok bool) {
		if !ok {
			return
		}
		again := func() { v.itemForm(t, si, at, adding, f) }
		it, err := f.item()
		if err != nil {
			v.refused(err, again)
			return
		}
		edit := t.Copy()
		if adding {
			edit.Sections[si].Items = slices.Insert(edit.Sections[si].Items, at, it)
		} else {
			edit.Sections[si].Items[at] = it
		}
		if err := v.saveTemplate(edit, si, at); err != nil {
			v.refused(err, again)
		}
	}, v.ui.win)
	showForm(d, items, v.ui.win)
	d.Resize(fyne.NewSize(760, 560))
}

// editRow edits the selected section or question.
func (v *inspectionsView) editRow() {
	t, si, ii, ok := v.selection()
	if !ok || si < 0 {
		return
	}
	if ii < 0 {
		code, title := newFormEntry(), newFormEntry()
		code.SetText(t.Sections[si].Code)
		title.SetText(t.Sections[si].Title)
		v.sectionForm(t, si, false, code, title)
		return
	}
	v.itemForm(t, si, ii, false, newItemFields(t.Sections[si].Items[ii]))
}

// deleteRow deletes the selected question, or the selected section with
// its questions, after confirmation.
func (v *inspectionsView) deleteRow() {
	t, si, ii, ok := v.selection()
	if !ok || si < 0 {
		return
	}
	var msg string
	if ii >= 0 {
		it := t.Sections[si].Items[ii]
		msg = fmt.Sprintf("Xóa câu hỏi %s «%s» khỏi mẫu phiếu %s?", it.Code, it.Question, t.ID)
		t.DeleteItem(si, ii)
	} else {
		s := t.Sections[si]
		msg = fmt.Sprintf("Xóa phần %s «%s» cùng %d câu hỏi của phần khỏi mẫu phiếu %s?", s.Code, s.Title, len(s.Items), t.ID)
		t.DeleteSection(si)
	}
	msg += "\nCác đợt kiểm tra đã hoàn thành vẫn giữ nguyên câu hỏi của phiên bản chúng đã dùng."
	showConfirm("Xóa khỏi mẫu phiếu", msg, func(yes bool) {
		if !yes {
			return
		}
		if err := v.saveTemplate(t, -1, -1); err != nil {
			v.ui.showError(err)
		}
	}, v.ui.win)
}

// moveRow moves the selected question (into the next or previous section
// past the ends of its own) or section one place up (-1) or down (+1).
func (v *inspectionsView) moveRow(delta int) {
	t, si, ii, ok := v.selection()
	if !ok || si < 0 {
		return
	}
	if ii >= 0 {
		si, ii, ok = t.MoveItem(si, ii, delta)
	} else {
		si, ok = t.MoveSection(si, delta)
	}
	if !ok {
		return
	}
	if err := v.saveTemplate(t, si, ii); err != nil {
		v.ui.showError(err)
	}
}
