package app

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
)

// onDay fixes the program's today for the length of a test.
func onDay(t *testing.T, y int, m time.Month, d int) time.Time {
	t.Helper()
	old := today
	day := time.Date(y, m, d, 9, 30, 0, 0, time.Local)
	today = func() time.Time { return day }
	t.Cleanup(func() { today = old })
	return day
}

func storedTasks(t *testing.T, ui *UI, f data.TaskFilter) []data.Task {
	t.Helper()
	var ts []data.Task
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		ts, err = tx.Tasks(f)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return ts
}

// The officer opens the 2023 lost points, picks the criterion that lost
// most among those without a remedy yet, creates its remediation task in
// one action and finds it in the task list: linked to the criterion, with
// every unit that lost points on it, due 30/06/2024.
func TestRemedyFromLostPointsAppearsInTaskList(t *testing.T) {
	onDay(t, 2025, 1, 15)
	ui, w := newTestUI(t)
	ui.Show(SectionLostPoints)
	lv := ui.lostPoints
	lv.year.SetSelected("2023")

	// What the store says was lost, most first.
	var want []data.LostPoint
	ui.store.View(func(tx *store.Tx) error {
		f, _ := tx.Framework(2023)
		us, _ := tx.GroupUnits(demo.GroupID)
		sheets, _ := tx.Sheets(2023)
		want = data.LostPoints(f, us, sheets)
		return nil
	})
	shown := lv.table.Shown()
	if len(shown) != len(want) || shown[0][1] != want[0].Code || shown[0][4] != want[0].Lost.String() || shown[0][5] != itoaTest(len(want[0].Units)) {
		t.Fatalf("first row %q, want criterion %s with %s lost by %d units", shown[0], want[0].Code, want[0].Lost, len(want[0].Units))
	}
	// The demo has remedies for the four that lost most; pick the next.
	row := slices.IndexFunc(shown, func(r []string) bool { return r[6] == "" && r[4] != "0,00" })
	if row != 4 {
		t.Fatalf("first criterion without a remedy is row %d, want 5th (the demo remedies the top four): %q", row, shown[:6])
	}
	lp := want[row]
	before := len(storedTasks(t, ui, data.TaskFilter{}))
	lv.table.Select(widget.TableCellID{Row: row, Col: 2})
	texts := strings.Join(shownTexts(w), "\n")
	if !strings.Contains(texts, "Tiêu chí "+lp.Code+" «"+lp.Title+"»") || !strings.Contains(texts, lp.Units[0].Unit.Name) {
		t.Fatalf("drill-down of %s does not show the criterion and its units:\n%s", lp.Code, texts)
	}
	test.Tap(lv.create)
	tapButton(t, w, "Mở danh sách nhiệm vụ")

	created := storedTasks(t, ui, data.TaskFilter{Criterion: lp.Code})
	if len(created) != 1 || len(storedTasks(t, ui, data.TaskFilter{})) != before+1 {
		t.Fatalf("tasks for criterion %s: %v; want exactly one new task", lp.Code, created)
	}
	task := created[0]
	var codes []string
	for _, ul := range lp.Units {
		codes = append(codes, ul.Unit.Code)
	}
	if task.CriterionYear != 2023 || !slices.Equal(task.CoUnits, codes) || data.FormatDate(task.Due) != "30/06/2024" || task.Year != 2024 {
		t.Errorf("remedy: criterion %s of %d, units %v, due %s, plan year %d; want %s of 2023, units %v, due 30/06/2024, 2024",
			task.Criterion, task.CriterionYear, task.CoUnits, data.FormatDate(task.Due), task.Year, lp.Code, codes)
	}

	// The task list is shown with the new task selected; on 15/01/2025 it
	// is overdue.
	if ui.current != slices.Index(ui.SectionTitles(), SectionTasks) {
		t.Fatalf("not on the task list")
	}
	texts = strings.Join(shownTexts(w), "\n")
	if !strings.Contains(texts, task.Title) || !strings.Contains(texts, "Quá hạn 199 ngày") {
		t.Errorf("task list does not show %q overdue by 199 days:\n%s", task.Title, texts)
	}
	if tv := ui.tasks; tv.sel < 0 || tv.tasks[tv.sel].ID != task.ID {
		t.Errorf("new task not selected in the list")
	}
	// The lost-points list now counts the remedy.
	if got := lv.table.Shown()[row][6]; got != "1" {
		t.Errorf("remedies of %s shown %q, want 1", lp.Code, got)
	}

	// A second click on a criterion that has a remedy asks first, and
	// cancelling stores nothing.
	lv.table.Select(widget.TableCellID{Row: 0, Col: 2})
	test.Tap(lv.create)
	n := len(storedTasks(t, ui, data.TaskFilter{}))
	tapButton(t, w, "Không")
	if got := len(storedTasks(t, ui, data.TaskFilter{})); got != n {
		t.Errorf("cancelled duplicate stored a task: %d → %d", n, got)
	}
}

func itoaTest(n int) string { return data.FormatCount(int64(n)) }

// The form refuses a bad due date and an impossible progress, naming the
// field, and stores nothing; a good entry is stored and listed; filters and
// search find it.
func TestTaskFormAndFilters(t *testing.T) {
	onDay(t, 2024, 6, 30)
	ui, w := newTestUI(t)
	ui.Show(SectionTasks)
	tv := ui.tasks
	before := len(storedTasks(t, ui, data.TaskFilter{}))

	test.Tap(tv.add)
	f := tv.form
	if f == nil {
		t.Fatal("no form after «Thêm nhiệm vụ»")
	}
	test.Type(f.title, "Tăng tỷ lệ thanh toán trực tuyến tại Bộ phận một cửa huyện")
	f.unit.SetSelected("Huyện Hòa An")
	f.officer.SetText("Nông Thị Thu")
	f.due.SetText("31/02/2024")
	test.Tap(f.save)
	if !strings.Contains(f.msg.Text, "Hạn hoàn thành") || !strings.Contains(f.msg.Text, "09/06/2023") {
		t.Errorf("bad due date: message %q", f.msg.Text)
	}
	f.due.SetText("30/06/2024")
	f.progress.SetText("150")
	test.Tap(f.save)
	if f.msg.Text != "Tiến độ: phải từ 0 đến 100 %, đang là 150 %" {
		t.Errorf("progress 150: message %q", f.msg.Text)
	}
	if got := len(storedTasks(t, ui, data.TaskFilter{})); got != before {
		t.Fatalf("refused entries stored tasks: %d → %d", before, got)
	}
	f.progress.SetText("40")
	test.Tap(f.save)
	if tv.form != nil {
		t.Fatalf("form still open: %q", f.msg.Text)
	}
	saved := storedTasks(t, ui, data.TaskFilter{Unit: "HAN", Query: "tang ty le thanh toan"})
	if len(saved) != 1 || saved[0].Officer != "Nông Thị Thu" || saved[0].Progress != 40 || saved[0].Year != 2024 {
		t.Fatalf("stored: %+v", saved)
	}
	// Due today: in progress, not overdue.
	texts := strings.Join(shownTexts(w), "\n")
	if !strings.Contains(texts, "Tăng tỷ lệ thanh toán trực tuyến tại Bộ phận một cửa huyện") || !strings.Contains(texts, "Đang thực hiện") {
		t.Errorf("list after saving:\n%s", texts)
	}

	// Filters: the overdue ones on 30/06/2024 exclude the new task.
	tv.overdue.SetChecked(true)
	for _, r := range tv.table.Shown() {
		if !strings.HasPrefix(r[6], "Quá hạn") {
			t.Errorf("overdue filter shows %q", r)
		}
		if strings.HasPrefix(r[1], "Tăng tỷ lệ thanh toán") {
			t.Errorf("task due today listed as overdue")
		}
	}
	tv.overdue.SetChecked(false)
	test.Type(tv.search, "thanh toan")
	for _, r := range tv.table.Shown() {
		if !data.Matches(strings.Join(r, " ")+" "+taskText(tv, r), "thanh toan") {
			t.Errorf("search «thanh toan» shows %q", r)
		}
	}
	// Sorting by due date, then reversed.
	tv.search.SetText("")
	tv.table.SortBy(5)
	dues := column5(tv)
	if !slices.IsSortedFunc(dues, func(a, b time.Time) int { return a.Compare(b) }) {
		t.Errorf("not sorted by due date: %v", dues)
	}
	tv.table.SortBy(5)
	dues = column5(tv)
	slices.Reverse(dues)
	if !slices.IsSortedFunc(dues, func(a, b time.Time) int { return a.Compare(b) }) {
		t.Errorf("second tap does not reverse the order")
	}
}

// taskText is the stored text of a shown row's task (description and
// result are searched too, but not shown in the list).
func taskText(tv *tasksView, row []string) string {
	for _, t := range tv.tasks {
		if t.Title == row[1] {
			return t.Description + " " + t.Result + " " + t.PlanName + " " + t.Officer
		}
	}
	return ""
}

func column5(tv *tasksView) []time.Time {
	var out []time.Time
	for _, r := range tv.table.Shown() {
		d, _ := data.ParseDate(r[5])
		out = append(out, d)
	}
	return out
}

// The dashboard counts tasks by status on the day, lists the overdue ones
// longest late first, and counts per unit.
func TestDashboard(t *testing.T) {
	day := onDay(t, 2024, 7, 1)
	ui, w := newTestUI(t)
	ui.Show(SectionDashboard)
	dv := ui.dashboard
	all := storedTasks(t, ui, data.TaskFilter{})
	count := map[data.TaskStatus]int{}
	for _, tk := range all {
		count[tk.Status(day)]++
	}
	for _, st := range data.TaskStatuses {
		if got, want := dv.counts[st].Text, itoaTest(count[st]); got != want {
			t.Errorf("%s: shown %s, want %s", st.Label(), got, want)
		}
	}
	if count[data.StatusOverdue] == 0 {
		t.Fatal("demo has no overdue task on 01/07/2024")
	}
	// On 01/07/2024 the 2023 remedies due 30/06/2024 are one day late; the
	// Nguyên Bình plan task due 31/03/2024 is the longest late (92 days).
	texts := shownTexts(w)
	i := slices.Index(texts, "Xây dựng kế hoạch giảm hồ sơ trễ hẹn tại Bộ phận một cửa huyện")
	if i < 0 || texts[i+3] != "92 ngày" {
		t.Fatalf("overdue list: %q", texts)
	}
	first := slices.IndexFunc(texts, func(s string) bool { return strings.HasSuffix(s, " ngày") })
	if texts[first] != "92 ngày" {
		t.Errorf("longest late not first: %q", texts[first])
	}
	// Per unit: Nguyên Bình leads one task and takes part in the others it
	// is listed on.
	nb := storedTasks(t, ui, data.TaskFilter{Unit: demo.ExampleAUnit})
	row := rowWith(texts, "Huyện Nguyên Bình", 2)
	if row == nil || row[1] != itoaTest(len(nb)) {
		t.Errorf("Nguyên Bình row %q, want %d tasks", row, len(nb))
	}
}
