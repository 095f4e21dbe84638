package app

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
	"github.com/pardesk/pardesk/reports"
)

// officer drives the window as a new user would and counts the actions:
// each tap, each typed field, each key is one.
type officer struct {
	t  *testing.T
	ui *UI
	w  fyne.Window
	n  int
}

// open clicks a section in the navigation.
func (o *officer) open(title string) {
	o.n++
	o.ui.nav.Select(slices.Index(o.ui.SectionTitles(), title))
}

// tap taps the shown button with that text (in the top dialog if any).
func (o *officer) tap(text string) {
	o.t.Helper()
	o.n++
	tapButton(o.t, o.w, text)
}

// fill types one field.
func (o *officer) fill(e *widget.Entry, text string) {
	o.n++
	test.Type(e, text)
}

// newEmptyUI opens a file made by pardesk new in a window the size of an
// office PC's screen.
func newEmptyUI(t *testing.T) (*UI, fyne.Window) {
	return newUIOver(t, ops.CreateEmpty, fyne.NewSize(1366, 768))
}

// A new office's first day on an empty file, from pardesk new to its first
// printed ranking: office details, a framework from the starter, a group,
// three units and their scores. Every screen opened on the way (the ranking
// and the reports before anything existed) shows what was entered without
// a restart, and the checklist of Tổng quan ticks each step.
func TestFirstDayOnEmptyFile(t *testing.T) {
	ui, w := newEmptyUI(t)
	year := today().Year()
	if ui.sections[ui.current].title != SectionDashboard || ui.dashboard == nil || !ui.dashboard.start.content.Visible() {
		t.Fatalf("an empty file opens on %s, not on the Bắt đầu checklist", ui.sections[ui.current].title)
	}
	ticked := func() (n int) {
		for _, st := range ui.dashboard.start.steps {
			if st.done {
				n++
			}
		}
		return n
	}
	if n := ticked(); n != 0 {
		t.Errorf("%d steps ticked on an empty file", n)
	}
	// The checklist fits an office screen of 1024×768 with the rest of
	// Tổng quan.
	if min := w.Content().MinSize(); min.Width > 1000 || min.Height > 700 {
		t.Errorf("Tổng quan with the checklist needs %v", min)
	}
	// Before anything exists, a look at the ranking, the grid and the
	// reports (not counted: the first day does not need it). These screens
	// are now built over an empty file and must follow what comes next.
	for _, s := range []string{SectionRanking, SectionScores, SectionReports, SectionDataFile, SectionLostPoints, SectionOneStop} {
		ui.Show(s)
	}
	if len(ui.ranking.group.Options) != 0 || ui.ranking.summary.Text == "" {
		t.Fatalf("ranking on an empty file: %q %v", ui.ranking.summary.Text, ui.ranking.group.Options)
	}
	ui.Show(SectionDashboard)

	o := &officer{t: t, ui: ui, w: w}

	// 1. The office's details, from the checklist's button.
	o.tap("Mở mục " + SectionReports)
	f := ui.reports.office
	o.fill(f.superior, "UBND HUYỆN HÒA AN")
	o.fill(f.name, "PHÒNG NỘI VỤ")
	o.fill(f.place, "Hòa An")
	o.tap("Lưu thông tin cơ quan")
	if !strings.Contains(f.status.Text, "Đã lưu") {
		t.Fatalf("office: %q", f.status.Text)
	}

	// 2. The year's framework from the district starter the dialog offers.
	o.open(SectionFramework)
	if !ui.framework.buttons[0].Disabled() {
		t.Error("framework editing enabled with no framework")
	}
	o.tap("Tạo bộ chỉ số mới…")
	o.tap("Tạo")
	if fw := storedFramework(t, ui, year); len(fw.Areas) != 7 {
		t.Fatalf("starter framework has %d areas", len(fw.Areas))
	}

	// 3. A group, created where the units screen says one is needed, and
	// three units.
	o.open(SectionUnits)
	u := ui.units
	if !u.needGroup.Visible() {
		t.Error("the units screen does not say that a group comes first")
	}
	o.tap("Tạo nhóm xếp hạng…")
	o.fill(dialogEntries(t, w)[1], "Các xã")
	o.tap("Lưu")
	if u.needGroup.Visible() || u.group.Selected != "Các xã" {
		t.Fatalf("group not created: %q %q", u.group.Selected, u.status.Text)
	}
	units := [][2]string{{"BINHLONG", "Xã Bình Long"}, {"DANCHU", "Xã Dân Chủ"}, {"DUCLONG", "Xã Đức Long"}}
	for i, un := range units {
		if i > 0 {
			o.tap("Thêm đơn vị")
		}
		o.fill(u.code, un[0])
		o.fill(u.name, un[1])
		o.tap("Lưu")
		if !strings.Contains(u.status.Text, "Đã lưu") {
			t.Fatalf("unit %s: %q", un[0], u.status.Text)
		}
	}

	// 4. Scores: each unit's column pasted from the appraisal council's
	// Excel sheet into the first appraised cell (copying in Excel is not
	// counted), then the next unit.
	o.open(SectionScores)
	g := ui.scores
	if g.unit.code() != "BINHLONG" || len(g.rows) != 31 {
		t.Fatalf("grid: unit %q, %d rows (%s)", g.unit.code(), len(g.rows), g.status.Text)
	}
	for i := range units {
		if i > 0 {
			o.n++ // the ▶ button: next unit
			g.unit.step(1)
		}
		o.n++ // click into the first appraised cell
		cell := g.rows[0].cells[colAppraised]
		w.Canvas().Focus(cell)
		var col []string
		for k, v := range exampleALeafValues {
			if k == 2*i { // the three units lose different points
				v = "0"
			}
			col = append(col, v)
		}
		clip := test.NewClipboard()
		clip.SetContent(strings.Join(col, "\r\n"))
		o.n++ // Ctrl+V
		cell.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
		if !strings.Contains(g.status.Text, "Đã dán 31") {
			t.Fatalf("paste for %s: %q", units[i][0], g.status.Text)
		}
	}

	// 5. The ranking, built before any of this, shows the three units.
	o.open(SectionRanking)
	r := ui.ranking
	if r.group.Selected != "Các xã" || len(r.input.Results) != 3 || r.save.Disabled() {
		t.Fatalf("ranking after the first day: group %q, %d rows, %q", r.group.Selected, len(r.input.Results), r.summary.Text)
	}
	shown := strings.Join(shownTexts(w), "\n")
	for _, un := range units {
		if !strings.Contains(shown, un[1]) {
			t.Errorf("ranking does not show %s", un[1])
		}
	}
	if r.input.Results[0].Unit.Code != "DANCHU" || r.input.Results[0].Total != data.P(79, 40) {
		t.Errorf("first: %s %s", r.input.Results[0].Unit.Code, r.input.Results[0].Total)
	}
	o.tap("Lưu báo cáo PDF…")
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no save dialog for the ranking PDF")
	}
	o.n++ // "Save" in the file dialog, under the name proposed
	w.Canvas().Overlays().Top().Hide()
	in := r.input
	in.Date = today()
	pdf, err := reports.Ranking(in)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("ranking PDF: %v", err)
	}
	t.Logf("first printed ranking of 3 units on a starter framework: %d actions", o.n)
	if o.n >= 40 {
		t.Errorf("the first day took %d actions, want under 40", o.n)
	}

	// The reports screen, built on the empty file, offers the group and
	// the units now.
	ui.Show(SectionReports)
	if ui.reports.group.Selected != "Các xã" || len(ui.reports.unit.Options) != 3 || ui.reports.year.Selected != fmt.Sprint(year) {
		t.Errorf("reports pickers: year %q, group %q, units %v", ui.reports.year.Selected, ui.reports.group.Selected, ui.reports.unit.Options)
	}
	ui.Show(SectionDataFile)
	if ui.dataFile.group.Selected != "Các xã" || len(ui.dataFile.unit.Options) != 3 || ui.dataFile.year.Selected != fmt.Sprint(year) {
		t.Errorf("Dữ liệu pickers: year %q, group %q, units %v", ui.dataFile.year.Selected, ui.dataFile.group.Selected, ui.dataFile.unit.Options)
	}
	ui.Show(SectionOneStop)
	if len(ui.oneStop.unit.Options) != 3 {
		t.Errorf("one-stop unit picker: %v", ui.oneStop.unit.Options)
	}
	ui.Show(SectionDashboard)
	if n := ticked(); n != 5 || !ui.dashboard.start.content.Visible() {
		t.Errorf("checklist after the first day: %d steps ticked, shown %v", n, ui.dashboard.start.content.Visible())
	}
	// The next start opens on the ranking, and Tổng quan has no checklist.
	again := New(ui.store, test.NewTempWindow(t, nil))
	if again.sections[again.current].title != SectionRanking {
		t.Errorf("the day after, the window opens on %s", again.sections[again.current].title)
	}
	again.Show(SectionDashboard)
	if again.dashboard.start.content.Visible() {
		t.Error("the checklist is still shown once the file holds a ranking")
	}
}

// After an Excel import and after a restore every picker lists what the
// file holds, though each screen was built before.
func TestPickersFollowImportAndRestore(t *testing.T) {
	ui, w := newEmptyUI(t)
	_ = w
	for _, s := range ui.SectionTitles() {
		ui.Show(s)
	}
	// A backup of the empty file, to restore later.
	empty, err := ui.store.Backup(store.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	// The units of the demo, imported from Excel in Dữ liệu.
	demoPath := filepath.Join(t.TempDir(), "demo.db")
	if err := ops.CreateDemo(demoPath); err != nil {
		t.Fatal(err)
	}
	demo, err := store.Open(demoPath)
	if err != nil {
		t.Fatal(err)
	}
	var unitsFile, fwFile []byte
	if err := demo.View(func(tx *store.Tx) (err error) {
		if unitsFile, err = ops.Export(tx, "units", 0, "", "", today()); err != nil {
			return err
		}
		fwFile, err = ops.Export(tx, "framework", 2023, "", "", today())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	demo.Close()
	d := ui.dataFile
	ui.Show(SectionDataFile)
	d.importFile(xlsx.KindUnits, "don-vi.xlsx", unitsFile)
	d.work.Wait()
	d.importFile(xlsx.KindFramework, "bo-chi-so.xlsx", fwFile)
	d.work.Wait()
	waitFor(t, func() bool { return len(d.unit.Options) == 10 })
	if len(d.year.Options) != 1 || d.group.Selected == "" {
		t.Errorf("Dữ liệu after import: years %v, group %q", d.year.Options, d.group.Selected)
	}
	check := func(when string, units, groups, years int) {
		t.Helper()
		for _, s := range ui.SectionTitles() {
			ui.Show(s)
		}
		for name, n := range map[string][2]int{
			"Xếp hạng nhóm":   {len(ui.ranking.group.Options), groups},
			"Xếp hạng năm":    {len(ui.ranking.year.Options), years},
			"Chấm điểm":       {len(ui.scores.unit.Options), units},
			"Chấm điểm năm":   {len(ui.scores.year.Options), years},
			"Báo cáo nhóm":    {len(ui.reports.group.Options), groups},
			"Báo cáo đơn vị":  {len(ui.reports.unit.Options), units},
			"Điểm bị trừ":     {len(ui.lostPoints.group.Options), groups},
			"Bộ chỉ số năm":   {len(ui.framework.year.Options), years},
			"Đơn vị nhóm":     {len(ui.units.group.Options), groups},
			"Một cửa đơn vị":  {len(ui.oneStop.unit.Options), units},
			"Dữ liệu đơn vị":  {len(d.unit.Options), units},
			"Dữ liệu nhóm":    {len(d.group.Options), groups},
			"Nhiệm vụ đơn vị": {len(ui.tasks.unit.Options) - 1, units}, // and "all"
		} {
			if n[0] != n[1] {
				t.Errorf("%s: %s picker has %d options, want %d", when, name, n[0], n[1])
			}
		}
	}
	check("after import", 10, 1, 1)
	for name, opts := range map[string][]string{"Kiểm tra": ui.inspections.year.Options, "Một cửa": ui.oneStop.year.Options} {
		if !slices.Contains(opts, "2023") {
			t.Errorf("after import: %s does not offer the imported framework's year: %v", name, opts)
		}
	}

	d.restoreFrom(empty.Path)
	d.work.Wait()
	waitFor(t, func() bool { return len(d.unit.Options) == 0 })
	check("after restore", 0, 0, 0)
	if slices.Contains(ui.inspections.year.Options, "2023") || slices.Contains(ui.oneStop.year.Options, "2023") {
		t.Error("after restore: a year of the replaced file is still offered")
	}
}

// waitFor waits for what a background job hands back to the UI.
func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !ok(); {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
