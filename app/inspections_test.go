package app

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// overlayButton finds a button by its text in the top overlay (a dialog).
func overlayButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open; want one with a %q button", text)
	}
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() || found != nil {
			return
		}
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text {
				found = x
			}
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
			return
		}
		if wid, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(wid).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	if found == nil {
		t.Fatalf("dialog has no %q button: %q", text, textsIn(top))
	}
	return found
}

func storedVisit(t *testing.T, ui *UI, id string) data.Visit {
	t.Helper()
	var v data.Visit
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		v, err = tx.Visit(id)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return v
}

// An officer opens a planned visit of the demo plan, types in the paper
// checklist's results, saves, sees a wrong figure refused without losing
// what was saved, then finishes the visit: the recommendation becomes a
// task and the plan's progress moves from 4/8 to 5/8.
func TestInspectionVisitFilledAndSaved(t *testing.T) {
	ui, w := newTestUI(t)
	saved := today
	today = func() time.Time { return time.Date(2024, 8, 20, 10, 0, 0, 0, time.Local) }
	t.Cleanup(func() { today = saved })

	ui.Show(SectionInspections)
	v := ui.inspections
	if texts := shownTexts(w); !slices.Contains(texts, "Đã kiểm tra 4/8 đợt") || !slices.Contains(texts, "Huyện Thạch An") {
		t.Fatalf("plan for 2024 not shown: %q", texts)
	}
	row := slices.IndexFunc(v.list, func(x data.Visit) bool { return x.ID == "2024-05" })
	if row < 0 || v.list[row].Finished {
		t.Fatalf("demo visit 2024-05 missing or already finished")
	}
	v.visits.Select(widget.TableCellID{Row: row, Col: 0})
	test.Tap(v.fill)
	f := v.form
	if f == nil || f.visit.ID != "2024-05" {
		t.Fatal("tapping «Nhập kết quả» did not open visit 2024-05")
	}
	if texts := shownTexts(w); !slices.Contains(texts, "Đợt kiểm tra 2024-05: Huyện Thạch An") || !slices.Contains(texts, "17/08/2024") {
		t.Fatalf("form heading: %q", texts)
	}

	for _, r := range f.outcomes {
		r.SetSelected("Đạt")
	}
	f.outcomes["1.1"].SetSelected("Không đạt")
	test.Type(f.notes["1.1"], "Chưa niêm yết 6 thủ tục mới công bố")
	f.outcomes["4.4"].SetSelected("Không áp dụng")
	for code, val := range map[string]string{"2.1": "1.275", "2.2": "97,5", "3.2": "68", "4.2": "44,3", "6.2": "99,1"} {
		test.Type(f.values[code], strings.ReplaceAll(val, ".", ""))
	}
	f.notApplicable["7.3"].SetChecked(true)
	test.Type(f.headName, "Nông Văn Quân")
	test.Type(f.strengths, "Bộ phận Một cửa bố trí đủ công chức")
	test.Type(f.weakness, "Bảng niêm yết chưa cập nhật")
	test.Tap(f.addRec)
	test.Type(f.recs[0].text, "Niêm yết đủ thủ tục mới công bố")
	test.Type(f.recs[0].owner, "Văn phòng HĐND và UBND huyện")
	test.Type(f.recs[0].deadline, "30/09/2024")
	test.Tap(f.save)
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("saving showed %q", textsIn(top))
	}

	got := storedVisit(t, ui, "2024-05")
	if got.Finished || len(got.Answers) != 22 || got.UnitHead.Name != "Nông Văn Quân" {
		t.Fatalf("stored visit: finished %v, %d answers, head %q; want a draft with 22 answers", got.Finished, len(got.Answers), got.UnitHead.Name)
	}
	tpl := f.tpl
	if a := got.Answers["1.1"]; a.Outcome != data.Failed || a.Note != "Chưa niêm yết 6 thủ tục mới công bố" {
		t.Errorf("answer 1.1 stored as %+v", a)
	}
	if a := got.Answers["2.1"]; a.Text(tpl.Item("2.1")) != "1.275\u00a0hồ sơ" {
		t.Errorf("answer 2.1 stored as %q", a.Text(tpl.Item("2.1")))
	}
	if a := got.Answers["2.2"]; a.Value == nil || *a.Value != data.P(97, 50) {
		t.Errorf("answer 2.2 stored as %+v", a)
	}
	if a := got.Answers["7.3"]; a.Outcome != data.NotApplicable || a.Value != nil {
		t.Errorf("answer 7.3 stored as %+v", a)
	}
	if len(got.Recommendations) != 1 || data.FormatDate(got.Recommendations[0].Deadline) != "30/09/2024" || got.Recommendations[0].TaskID != 0 {
		t.Errorf("recommendations stored as %+v (no task before finishing)", got.Recommendations)
	}

	// A rate above 100 % is refused with the item and its range; the
	// stored visit keeps 97,5.
	f.values["2.2"].SetText("")
	test.Type(f.values["2.2"], "105")
	test.Tap(f.save)
	top := w.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(strings.Join(textsIn(top), " "), "2.2") || !strings.Contains(strings.Join(textsIn(top), " "), "0 – 100") {
		t.Fatalf("refused figure: dialog %v", top)
	}
	w.Canvas().Overlays().Remove(top)
	if a := storedVisit(t, ui, "2024-05").Answers["2.2"]; *a.Value != data.P(97, 50) {
		t.Errorf("after a refused save 2.2 is %s", a.Value.Short())
	}
	f.values["2.2"].SetText("97,5")

	test.Tap(f.finish)
	test.Tap(overlayButton(t, w, "Hoàn thành"))
	got = storedVisit(t, ui, "2024-05")
	if !got.Finished || got.Recommendations[0].TaskID == 0 {
		t.Fatalf("after finishing: finished %v, task %d", got.Finished, got.Recommendations[0].TaskID)
	}
	var task data.Task
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		task, err = tx.Task(got.Recommendations[0].TaskID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if task.Title != "Niêm yết đủ thủ tục mới công bố" || task.Unit != "TAN" || task.Source != "inspection:2024-05:1" || data.FormatDate(task.Due) != "30/09/2024" {
		t.Errorf("task from the recommendation: %+v", task)
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	done := v.form
	if done == f || !done.save.Hidden || !done.finish.Hidden || !done.team.Disabled() || len(done.notes) != 0 {
		t.Error("the finished visit did not reopen read-only")
	}
	texts := shownTexts(w)
	if i := slices.Index(texts, "Kết quả: Không đạt"); i < 0 || texts[i+1] != "Chưa niêm yết 6 thủ tục mới công bố" {
		t.Errorf("finished visit does not show 1.1's result and note: %q", texts)
	}

	test.Tap(done.back)
	texts = shownTexts(w)
	if !slices.Contains(texts, "Đã kiểm tra 5/8 đợt") {
		t.Errorf("progress after finishing: %q", texts)
	}
	if r := rowWith(texts, "2024-05", 7); len(r) < 7 || r[4] != "Đã kiểm tra" || r[5] != "14 đạt, 1 không đạt, 2 không áp dụng" || r[6] != "1/1 chưa xong" {
		t.Errorf("plan row of 2024-05: %q", r)
	}
}

// Editing a question of the demo checklist, which finished visits used,
// saves a new version; the finished visits keep version 1.
func TestInspectionTemplateEditMakesNewVersion(t *testing.T) {
	ui, w := newTestUI(t)
	ui.Show(SectionInspections)
	v := ui.inspections
	v.tabs.SelectIndex(1)
	v.tplItems.Select(widget.TableCellID{Row: 1, Col: 1}) // item 1.1
	test.Tap(v.tplEdit)
	top := w.Canvas().Overlays().Top()
	var q *widget.Entry
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *formEntry:
			if q == nil && strings.HasPrefix(x.Text, "Niêm yết công khai") {
				q = &x.Entry
			}
		case *widget.Entry:
			if q == nil && strings.HasPrefix(x.Text, "Niêm yết công khai") {
				q = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		default:
			if wid, ok := o.(fyne.Widget); ok {
				for _, c := range test.WidgetRenderer(wid).Objects() {
					walk(c)
				}
			}
		}
	}
	walk(top)
	if q == nil {
		t.Fatalf("edit dialog has no question entry: %q", textsIn(top))
	}
	q.SetText("Niêm yết công khai thủ tục hành chính theo quyết định công bố mới nhất")
	test.Tap(overlayButton(t, w, "Lưu"))
	if texts := textsIn(w.Canvas().Overlays().Top()); !strings.Contains(strings.Join(texts, " "), "phiên bản 2") {
		t.Errorf("no word of the new version: %q", texts)
	}
	var old, latest data.Template
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		if old, err = tx.Template("MC-CCHC", 1); err != nil {
			return err
		}
		latest, err = tx.Template("MC-CCHC", 0)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if latest.Version != 2 || !strings.HasSuffix(latest.Item("1.1").Question, "mới nhất") || strings.HasSuffix(old.Item("1.1").Question, "mới nhất") {
		t.Errorf("versions: 1 asks %q, latest %d asks %q", old.Item("1.1").Question, latest.Version, latest.Item("1.1").Question)
	}
}
