package app

import (
	"slices"

	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// ChangeKind names what a write changed, so that each screen reloads only
// for the data it shows.
type ChangeKind int

const (
	// ScoresChanged: the scores of a year (Change.Year), of one unit when
	// Change.Unit is set.
	ScoresChanged ChangeKind = iota
	// UnitsChanged: the units or the ranking groups.
	UnitsChanged
	// FrameworkChanged: a year's framework, its rating bands or its lock;
	// a new year's framework adds a year to every year picker.
	FrameworkChanged
	// TasksChanged: the tasks of the plan.
	TasksChanged
	// InspectionsChanged: inspection visits, templates and plans.
	InspectionsChanged
	// OneStopChanged: one-stop-shop figures and targets.
	OneStopChanged
	// OfficeChanged: the office's details printed on every document.
	OfficeChanged
	// FileReplaced: the whole file changed under the window (a restore or
	// an Excel import); every screen and picker reloads.
	FileReplaced
)

// Change is one published change of the data file.
type Change struct {
	Kind ChangeKind
	Year int    // the year concerned, 0 for all or none
	Unit string // the unit concerned, "" for all or none
	// From is the screen that made the change and already shows it: its
	// own watchers are not reloaded for it.
	From any
}

// watcher is a screen's (or a picker's) interest in kinds of change: a
// change marks it stale, and it reloads when its section is next shown,
// at once when its section is the one showing.
type watcher struct {
	owner   any
	section int // the section it belongs to, -1 for none
	kinds   []ChangeKind
	stale   bool
	reload  func()
}

// watch registers reload to run after a change of one of the kinds (and of
// every FileReplaced). It belongs to the section being built, or to none
// (then it reloads at once). owner is what publishes with Change.From.
func (ui *UI) watch(owner any, reload func(), kinds ...ChangeKind) {
	ui.watchers = append(ui.watchers, &watcher{owner: owner, section: ui.building, kinds: kinds, reload: reload})
}

// publish tells the screens that the data changed. It costs marking flags:
// only the watchers of the section on screen reload now, the others when
// they are shown.
func (ui *UI) publish(c Change) {
	ui.lists.changed(c.Kind)
	for _, w := range ui.watchers {
		if c.From != nil && w.owner == c.From {
			continue
		}
		if c.Kind == FileReplaced || slices.Contains(w.kinds, c.Kind) {
			w.stale = true
		}
	}
	ui.refreshSection(ui.current)
	for _, w := range ui.watchers {
		if w.section < 0 && w.stale {
			w.stale = false
			w.reload()
		}
	}
}

// refreshSection reloads the stale watchers of section i, in the order they
// were registered (a screen's pickers before the screen).
func (ui *UI) refreshSection(i int) {
	if i < 0 {
		return
	}
	for _, w := range ui.watchers {
		if w.section == i && w.stale {
			w.stale = false
			w.reload()
		}
	}
}

// lists are the window's one copy of what the pickers offer: groups,
// units and framework years, read again only after a change of them.
type lists struct {
	ui *UI
	// version counts the reloads, so a picker knows whether its options
	// are out of date.
	version                    int
	groupsOK, unitsOK, yearsOK bool
	groupList                  []data.Group
	unitList                   []data.Unit
	yearList                   []int
}

func (l *lists) changed(k ChangeKind) {
	switch k {
	case UnitsChanged:
		l.groupsOK, l.unitsOK = false, false
	case FrameworkChanged:
		l.yearsOK = false
	case FileReplaced:
		l.groupsOK, l.unitsOK, l.yearsOK = false, false, false
	default:
		return
	}
	l.version++
}

// groups are the ranking groups, in order.
func (l *lists) groups() []data.Group {
	if !l.groupsOK {
		l.groupsOK = true
		l.read(func(tx *store.Tx) (err error) { l.groupList, err = tx.Groups(); return err })
	}
	return l.groupList
}

// units are every unit, in order, the inactive included.
func (l *lists) units() []data.Unit {
	if !l.unitsOK {
		l.unitsOK = true
		l.read(func(tx *store.Tx) (err error) { l.unitList, err = tx.Units(); return err })
	}
	return l.unitList
}

// years are the years that have a framework, in order.
func (l *lists) years() []int {
	if !l.yearsOK {
		l.yearsOK = true
		l.read(func(tx *store.Tx) (err error) { l.yearList, err = tx.Years(); return err })
	}
	return l.yearList
}

func (l *lists) read(fn func(tx *store.Tx) error) {
	if err := l.ui.store.View(fn); err != nil {
		l.ui.showError(err)
	}
}

// setOptions gives a select new options, keeping its selection when it is
// still offered and otherwise choosing the one at index pick (-1: none,
// len-1 for the last), without calling its OnChanged: the caller reloads
// what depends on it. It reports whether the selection changed.
func setOptions(s *widget.Select, opts []string, pick int) bool {
	old := s.Selected
	if slices.Equal(s.Options, opts) && (old != "" || len(opts) == 0) {
		return false
	}
	s.Options = opts
	if !slices.Contains(opts, old) {
		s.Selected = ""
		if pick < 0 {
			pick += len(opts)
		}
		if pick >= 0 && pick < len(opts) {
			s.Selected = opts[pick]
		}
	}
	s.Refresh()
	return s.Selected != old
}
