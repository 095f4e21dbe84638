package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// dialogEntries returns the entries of the top dialog in drawing order.
func dialogEntries(t *testing.T, w fyne.Window) []*widget.Entry {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	var out []*widget.Entry
	walkShown(top, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
			return false
		}
		return true
	})
	return out
}

// dialogText is the text of the top dialog's labels, or "" when none is
// open.
func dialogText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return strings.Join(textsIn(top), " ")
}

// dismiss closes the top dialog with its only button (an error or a
// notice), so that what runs on closing runs.
func dismiss(t *testing.T, w fyne.Window) {
	t.Helper()
	var buttons []*widget.Button
	walkShown(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok {
			buttons = append(buttons, b)
		}
		return true
	})
	if len(buttons) != 1 {
		t.Fatalf("dialog %q has %d buttons, want 1", dialogText(w), len(buttons))
	}
	test.Tap(buttons[0])
}

func storedTemplate(t *testing.T, ui *UI, id string, version int) data.Template {
	t.Helper()
	var tpl data.Template
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		tpl, err = tx.Template(id, version)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return tpl
}

func itemCodes(tpl data.Template) []string {
	var out []string
	tpl.Items(func(_ *data.ChecklistSection, it *data.ChecklistItem) { out = append(out, it.Code) })
	return out
}

// An officer adds a figure question to section II of the demo checklist
// (used by finished visits: the addition is version 2, version 1 stays as
// it was), moves it up, sees a max that is not a number refused with the
// field and its range and the form come back as typed, adds a section and
// deletes another.
func TestTemplateEditorAddsMovesAndDeletes(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionInspections)
	v := ui.inspections
	v.tabs.SelectIndex(1)
	for _, b := range []*widget.Button{v.tplEdit, v.tplDelete, v.tplUp, v.tplDown} {
		if !b.Disabled() {
			t.Errorf("%q is enabled with no row selected", b.Text)
		}
	}

	v.tplItems.Select(widget.TableCellID{Row: 8, Col: 1}) // item 2.4, the last of section II
	test.Tap(v.tplAddItem)
	if !strings.Contains(dialogText(w), "Thêm câu hỏi vào phần II") {
		t.Fatalf("add dialog: %q", dialogText(w))
	}
	es := dialogEntries(t, w) // code, question, check, criterion, unit, max
	if len(es) != 6 || es[0].Text != "2.5" {
		t.Fatalf("add dialog: %d entries, code %q; want 6 and 2.5 proposed", len(es), es[0].Text)
	}
	if !es[4].Disabled() || !es[5].Disabled() {
		t.Error("unit and max are open for a đạt/không đạt question")
	}
	es[1].SetText("Tỷ lệ hồ sơ trễ hẹn có phiếu xin lỗi")
	var kind *widget.RadioGroup
	walkShown(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if r, ok := o.(*widget.RadioGroup); ok {
			kind = r
		}
		return kind == nil
	})
	kind.SetSelected(kindNumberLabel)
	if es[4].Disabled() || es[5].Disabled() {
		t.Fatal("unit and max stay closed for a figure question")
	}
	es[4].SetText("%")
	es[5].SetText("100")
	tapButton(t, w, "Lưu")
	if !strings.Contains(dialogText(w), "phiên bản 2") {
		t.Fatalf("no word of the new version: %q", dialogText(w))
	}
	dismiss(t, w)
	v2 := storedTemplate(t, ui, "MC-CCHC", 0)
	it := v2.Item("2.5")
	if v2.Version != 2 || it == nil || it.Kind != data.AnswerNumber || it.Unit != "%" || it.Max != data.P(100, 0) {
		t.Fatalf("latest version %d, item 2.5 %+v", v2.Version, it)
	}
	if got := itemCodes(v2)[3:8]; !slices.Equal(got, []string{"2.1", "2.2", "2.3", "2.4", "2.5"}) {
		t.Errorf("section II of version 2: %q", got)
	}
	if v1 := storedTemplate(t, ui, "MC-CCHC", 1); v1.ItemCount() != 22 || v1.Item("2.5") != nil {
		t.Errorf("version 1, used by finished visits, changed: %d items", v1.ItemCount())
	}
	if texts := shownTexts(w); !slices.Contains(texts, "Số liệu (%, tối đa 100)") {
		t.Errorf("table does not show 2.5's answer kind: %q", texts)
	}

	// The new item stays selected: one tap moves it above 2.4, in place
	// (version 2 has no visit).
	if v.tplRow != 9 {
		t.Fatalf("selected row %d after adding, want 9 (item 2.5)", v.tplRow)
	}
	test.Tap(v.tplUp)
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("moving showed %q", dialogText(w))
	}
	v2 = storedTemplate(t, ui, "MC-CCHC", 0)
	if got := itemCodes(v2)[3:8]; v2.Version != 2 || !slices.Equal(got, []string{"2.1", "2.2", "2.3", "2.5", "2.4"}) {
		t.Errorf("after moving up: version %d, section II %q", v2.Version, got)
	}
	if v.tplRow != 8 {
		t.Errorf("selected row %d after moving up, want 8", v.tplRow)
	}

	// A max that is not a number: refused, nothing written, the form back.
	test.Tap(v.tplEdit)
	es = dialogEntries(t, w)
	es[5].SetText("một trăm")
	tapButton(t, w, "Lưu")
	if msg := dialogText(w); !strings.Contains(msg, "Giá trị tối đa của câu hỏi 2.5") || !strings.Contains(msg, "từ 0 đến 999.999.999") {
		t.Fatalf("refusal %q does not name the field and its range", msg)
	}
	dismiss(t, w)
	if es := dialogEntries(t, w); es[5].Text != "một trăm" || es[1].Text != "Tỷ lệ hồ sơ trễ hẹn có phiếu xin lỗi" {
		t.Errorf("the form did not come back as typed: max %q", es[5].Text)
	}
	tapButton(t, w, "Hủy")
	if latest := storedTemplate(t, ui, "MC-CCHC", 0); latest.Item("2.5").Max != data.P(100, 0) {
		t.Errorf("refused max written: %s", latest.Item("2.5").Max.Short())
	}

	// A new section after the last one; section VII deleted with its
	// three questions after confirmation.
	v.tplItems.Select(widget.TableCellID{Row: len(v.tplItems.rows) - 1, Col: 1})
	test.Tap(v.tplAddSection)
	es = dialogEntries(t, w)
	if es[0].Text != "VIII" {
		t.Errorf("proposed section number %q, want VIII", es[0].Text)
	}
	es[1].SetText("Công tác thông tin, tuyên truyền")
	tapButton(t, w, "Lưu")
	row := slices.IndexFunc(v.tplItems.rows, func(r []string) bool { return r[0] == "VII" })
	v.tplItems.Select(widget.TableCellID{Row: row, Col: 1})
	test.Tap(v.tplDelete)
	if msg := dialogText(w); !strings.Contains(msg, "Xóa phần VII") || !strings.Contains(msg, "3 câu hỏi") {
		t.Fatalf("delete confirmation %q", msg)
	}
	tapButton(t, w, "Có")
	v2 = storedTemplate(t, ui, "MC-CCHC", 0)
	var titles []string
	for _, s := range v2.Sections {
		titles = append(titles, s.Code)
	}
	if v2.Version != 2 || !slices.Equal(titles, []string{"I", "II", "III", "IV", "V", "VI", "VIII"}) || v2.Item("7.1") != nil {
		t.Errorf("after adding VIII and deleting VII: version %d, sections %q", v2.Version, titles)
	}
}

// A new template copies the chosen one's questions under a new ID and
// title and is shown; an ID already taken is refused and the form comes
// back.
func TestNewTemplateCopiesTheChosenOne(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionInspections)
	v := ui.inspections
	v.tabs.SelectIndex(1)
	test.Tap(v.tplNew)
	es := dialogEntries(t, w) // ID, title
	es[0].SetText("MC-CCHC")
	es[1].SetText("Phiếu kiểm tra cải cách hành chính năm 2025")
	tapButton(t, w, "Tạo")
	if msg := dialogText(w); !strings.Contains(msg, "Mã mẫu phiếu MC-CCHC đã có") {
		t.Fatalf("taken ID: %q", msg)
	}
	dismiss(t, w)
	es = dialogEntries(t, w)
	es[0].SetText("mc-2025")
	tapButton(t, w, "Tạo")
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("creating showed %q", dialogText(w))
	}
	c := storedTemplate(t, ui, "MC-2025", 0)
	if c.Version != 1 || c.ItemCount() != 22 || c.Title != "Phiếu kiểm tra cải cách hành chính năm 2025" {
		t.Errorf("copy: version %d, %d items, %q", c.Version, c.ItemCount(), c.Title)
	}
	if cur := v.chosenTemplate(); cur == nil || cur.ID != "MC-2025" {
		t.Errorf("the new template is not the one shown")
	}
}

// The 2024 plan shows its document; the officer changes its number, sees a
// date outside the allowed range refused with the range, corrects it, and
// prints.
func TestInspectionPlanDocument(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionInspections)
	v := ui.inspections
	if texts := shownTexts(w); !slices.Contains(texts, "Kế hoạch số 15/KH-SNV ngày 15/01/2024") {
		t.Fatalf("plan document not shown: %q", texts)
	}
	test.Tap(v.planEdit)
	es := dialogEntries(t, w) // number, title, date, purpose, organisation
	if len(es) != 5 || es[0].Text != "15" || es[2].Text != "15/01/2024" || !strings.HasPrefix(es[3].Text, "Đánh giá tình hình") {
		t.Fatalf("plan form: %d entries", len(es))
	}
	es[0].SetText("16")
	es[2].SetText("02/01/2025")
	tapButton(t, w, "Lưu")
	if msg := dialogText(w); !strings.Contains(msg, "từ 01/01/2023 đến 31/12/2024") {
		t.Fatalf("refused date: %q", msg)
	}
	dismiss(t, w)
	var stored data.InspectionPlan
	read := func() {
		if err := ui.store.View(func(tx *store.Tx) (err error) {
			stored, _, err = tx.InspectionPlan(2024)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	read()
	if stored.Number != "15" {
		t.Errorf("refused plan written: number %q", stored.Number)
	}
	es = dialogEntries(t, w)
	if es[0].Text != "16" {
		t.Fatalf("the form did not come back as typed: %q", es[0].Text)
	}
	es[2].SetText("05/01/2024")
	tapButton(t, w, "Lưu")
	read()
	if stored.Number != "16" || data.FormatDate(stored.Date) != "05/01/2024" {
		t.Errorf("stored plan %+v", stored)
	}
	if texts := shownTexts(w); !slices.Contains(texts, "Kế hoạch số 16/KH-SNV ngày 05/01/2024") {
		t.Errorf("plan document after saving: %q", texts)
	}
	test.Tap(v.planPrint)
	if top := w.Canvas().Overlays().Top(); top == nil || !slices.ContainsFunc(textsIn(top), func(s string) bool { return strings.HasPrefix(s, "ke-hoach-kiem-tra-2024") }) {
		t.Error("print does not propose ke-hoach-kiem-tra-2024.pdf")
	}
}
