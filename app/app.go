// Package app is ParDesk's desktop window: a navigation list of sections,
// each built by a small constructor in its own file. Screens call into
// data and data/store; they hold no scoring or storage logic of their own.
package app

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/progress"
	"github.com/pardesk/pardesk/data/store"
)

//go:embed assets/icon.png
var iconPNG []byte

// Icon is the application icon.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)

// AppID identifies ParDesk's preferences and storage to Fyne.
const AppID = "vn.pardesk.desktop"

// Run opens the data file (writing the demo data first when there is no
// file yet, so a first-time officer sees a full program) and shows the
// window until it is closed.
func Run(dbPath string) error {
	translateFyne()
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(Icon)
	w := a.NewWindow("ParDesk")
	sizeToScreen(a, w)

	// The file is opened beside the window, which shows at once: after
	// an unclean close the whole file is checked first, a minute for ten
	// years of the whole country, and the window says how far it is.
	var st, first *store.Store // the store shown; the one opened at start
	var result error
	opened := make(chan struct{})
	stage := widget.NewLabel("Đang mở tệp dữ liệu " + dbPath + "…")
	stage.Wrapping = fyne.TextWrapWord
	busy, bar := widget.NewProgressBarInfinite(), widget.NewProgressBar()
	bar.Hide()
	w.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 120), container.NewVBox(stage, container.NewStack(busy, bar)))))
	report := progress.Every(100*time.Millisecond, func(s string, done, total int64) {
		fyne.Do(func() {
			if total > 0 {
				stage.SetText(fmt.Sprintf("%s: %d %%", s, progress.Percent(done, total)))
				bar.SetValue(float64(done) / float64(total))
				busy.Stop()
				busy.Hide()
				bar.Show()
			} else {
				stage.SetText(s + "…")
			}
		})
	})
	go func() {
		defer close(opened)
		s, err := openOrCreate(dbPath, report)
		first = s
		fyne.Do(func() {
			busy.Stop()
			switch {
			case data.ErrorCode(err) == data.EDAMAGED:
				result = err
				w.SetContent(damagedView(w, dbPath, err, func(s *store.Store) { // damaged.go
					st, result = s, nil
					showMain(s, w)
				}))
			case err != nil:
				// The officer started the program from a shortcut: say
				// what is wrong in a window, not only on a console
				// nobody sees.
				result = err
				w.SetContent(widget.NewLabel(data.ErrorMessage(err)))
				d := dialog.NewError(errors.New(data.ErrorMessage(err)), w)
				d.SetOnClosed(a.Quit)
				d.Show()
			default:
				st = s
				showMain(s, w)
			}
		})
	}()
	w.ShowAndRun()
	// Closed, even when the window was closed before the file was open
	// (closing twice is harmless).
	<-opened
	if first != nil {
		first.Close()
	}
	if st != nil {
		st.Close()
	}
	return result
}

// showMain fills the window with the sections over an open store.
func showMain(st *store.Store, w fyne.Window) {
	ui := New(st, w)
	w.SetContent(ui.Content())
	// The day's first start keeps a copy of the data as it was, so a bad
	// import or a wrong restore later that day can be undone. It runs
	// beside the window, which opens at once; only a failure is shown.
	go func() {
		if _, _, err := st.DailyBackup(); err != nil {
			fyne.Do(func() { ui.showError(err) })
		}
	}()
	ui.ensureOfficer()
}

func openOrCreate(path string, p progress.Func) (*store.Store, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := ops.CreateDemo(path); err != nil {
			return nil, err
		}
	}
	return store.OpenProgress(path, p)
}

// UI is the main window's content and the state the screens share.
type UI struct {
	store    *store.Store
	win      fyne.Window
	sections []section
	nav      *widget.List
	body     *fyne.Container
	current  int
	// watchers are the screens' and pickers' interests in changes of the
	// data (events.go): a write publishes what it changed, the screens
	// showing it reload when next shown; no screen reaches into another.
	watchers []*watcher
	// building is the section whose screen is being built, -1 for none.
	building int
	// lists are the groups, units and years every picker offers.
	lists lists
	// officer shows who is working; its button changes it (officer.go).
	// The name is a truncating label so a long name never widens the
	// navigation and pushes the screens' columns off the window.
	officer    *widget.Label
	officerBtn *widget.Button

	// The screens, once built; tests drive them through these.
	units     *unitsView
	framework *frameworkView
	ranking   *rankingView
	scores    *scoresView
	reports   *reportsView

	// Self-inspection: checklist templates, the year's plan and visits.
	inspections *inspectionsView

	// One-stop-shop figures and rates against the year's targets.
	oneStop *oneStopView

	// The year's tasks, the overdue list and the lost points they remedy.
	dashboard  *dashboardView
	tasks      *tasksView
	lostPoints *lostPointsView

	// Excel export and import, backups and restore.
	dataFile *dataFileView

	// leaveDialog is the last unsaved-changes question, for tests.
	leaveDialog *dialog.CustomDialog
	// lastProgress is the last progress dialog shown, for tests.
	lastProgress *progressDialog
}

// section is one entry of the navigation list.
type section struct {
	title string
	icon  fyne.Resource
	build func() fyne.CanvasObject
	view  fyne.CanvasObject // built on first visit
	// leave, when set, asks before the window shows another section
	// (unsaved changes in a form): ui.onLeave in leave.go.
	leave func(done func(ok bool))
}

// New builds the window content over an open store.
func New(st *store.Store, w fyne.Window) *UI {
	translateFyne()
	ui := &UI{store: st, win: w, current: -1, building: -1}
	ui.lists.ui = ui
	// The navigation, in the order of an officer's year. Each screen is one
	// file with one constructor; add a section here with one line.
	ui.sections = []section{
		{title: SectionDashboard, icon: theme.InfoIcon(), build: func() fyne.CanvasObject { ui.dashboard = newDashboardView(ui); return ui.dashboard.content }},
		{title: SectionUnits, icon: theme.HomeIcon(), build: func() fyne.CanvasObject { ui.units = newUnitsView(ui); return ui.units.content }},
		{title: SectionFramework, icon: theme.ListIcon(), build: func() fyne.CanvasObject { ui.framework = newFrameworkView(ui); return ui.framework.content }},
		{title: SectionScores, icon: theme.DocumentCreateIcon(), build: func() fyne.CanvasObject { ui.scores = newScoresView(ui); return ui.scores.content }},
		{title: SectionRanking, icon: theme.GridIcon(), build: func() fyne.CanvasObject { ui.ranking = newRankingView(ui); return ui.ranking.content }},
		{title: SectionLostPoints, icon: theme.WarningIcon(), build: func() fyne.CanvasObject { ui.lostPoints = newLostPointsView(ui); return ui.lostPoints.content }},
		{title: SectionTasks, icon: theme.ListIcon(), build: func() fyne.CanvasObject { ui.tasks = newTasksView(ui); return ui.tasks.content }},
		{title: SectionInspections, icon: theme.SearchIcon(), build: func() fyne.CanvasObject { ui.inspections = newInspectionsView(ui); return ui.inspections.content }},
		{title: SectionOneStop, icon: theme.StorageIcon(), build: func() fyne.CanvasObject { ui.oneStop = newOneStopView(ui); return ui.oneStop.content }},
		{title: SectionReports, icon: theme.DocumentPrintIcon(), build: func() fyne.CanvasObject { ui.reports = newReportsView(ui); return ui.reports.content }},
		{title: SectionDataFile, icon: theme.FolderIcon(), build: func() fyne.CanvasObject { ui.dataFile = newDataFileView(ui); return ui.dataFile.content }},
	}
	ui.body = container.NewStack()
	ui.officerBtn = widget.NewButtonWithIcon("", theme.AccountIcon(), ui.askOfficer)
	ui.officerBtn.Importance = widget.LowImportance
	ui.officer = widget.NewLabel("(chưa ghi tên)")
	ui.officer.Truncation = fyne.TextTruncateEllipsis
	ui.nav = widget.NewList(
		func() int { return len(ui.sections) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Chỉ số cải cách"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(ui.sections[id].icon)
			box.Objects[1].(*widget.Label).SetText(ui.sections[id].title)
		},
	)
	ui.nav.OnSelected = ui.show
	ui.addShortcuts()
	ui.Show(ui.startSection())
	return ui
}

// Content is the window content: navigation at the left, the section at
// the right.
func (ui *UI) Content() fyne.CanvasObject {
	nav := container.NewBorder(nil, container.NewBorder(nil, nil, ui.officerBtn, nil, ui.officer), nil, nil, ui.nav)
	split := container.NewHSplit(nav, withTips(ui.win.Canvas(), ui.body))
	split.Offset = 0.125
	return split
}

// Section titles, which are also the names screens and tests switch by.
const (
	SectionUnits     = "Đơn vị"
	SectionFramework = "Bộ chỉ số"
	SectionScores    = "Chấm điểm"
	SectionRanking   = "Xếp hạng"
	SectionReports   = "Báo cáo"

	SectionInspections = "Kiểm tra"

	SectionOneStop = "Một cửa"

	SectionDashboard  = "Tổng quan"
	SectionTasks      = "Nhiệm vụ"
	SectionLostPoints = "Điểm bị trừ"

	SectionDataFile = "Dữ liệu"
)

// Show switches to the section with the given title.
func (ui *UI) Show(title string) {
	for i, s := range ui.sections {
		if s.title == title {
			ui.show(i)
			return
		}
	}
	panic("app: no section " + title)
}

// openTask shows a task in Nhiệm vụ: the window switches screens, so no
// screen reaches into another.
func (ui *UI) openTask(t data.Task) {
	ui.Show(SectionTasks)
	if ui.tasks != nil && ui.sections[ui.current].title == SectionTasks {
		ui.tasks.showTask(t)
	}
}

// show switches to section i, building it on first visit.
func (ui *UI) show(i int) {
	if i < 0 || i >= len(ui.sections) || i == ui.current {
		return
	}
	if ui.current >= 0 && ui.sections[ui.current].leave != nil {
		ui.sections[ui.current].leave(func(ok bool) {
			if ok {
				ui.switchTo(i)
			} else {
				ui.nav.Select(ui.current)
			}
		})
		return
	}
	ui.switchTo(i)
}

func (ui *UI) switchTo(i int) {
	s := &ui.sections[i]
	if s.view == nil {
		ui.building = i
		s.view = s.build()
		ui.building = -1
	}
	ui.current = i
	// A screen built earlier catches up with what changed since.
	ui.refreshSection(i)
	ui.body.Objects = []fyne.CanvasObject{s.view}
	ui.body.Refresh()
	ui.nav.Select(i)
}

// SectionTitles lists the navigation entries.
func (ui *UI) SectionTitles() []string {
	out := make([]string, len(ui.sections))
	for i, s := range ui.sections {
		out[i] = s.title
	}
	return out
}

// addShortcuts binds Ctrl+1…Ctrl+9 to the sections, as officers switch
// between scoring and ranking all day.
func (ui *UI) addShortcuts() {
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
	for i := range ui.sections {
		if i >= len(keys) {
			break
		}
		i := i
		ui.win.Canvas().AddShortcut(&desktopShortcut{key: keys[i]}, func(fyne.Shortcut) { ui.show(i) })
	}
}

// showError shows an error the officer can act on.
func (ui *UI) showError(err error) {
	dialog.ShowError(errors.New(data.ErrorMessage(err)), ui.win)
}
