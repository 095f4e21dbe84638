package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data/store"
)

// firstDay is the "Bắt đầu" checklist of Tổng quan: what a new office does
// before its first ranking, in order, each step a button to its screen and
// ticked once the file holds what it asks for. It is not shown on a file
// that already held a ranking when the window opened; shown, it stays for
// the session, every step ticked at the end.
type firstDay struct {
	ui      *UI
	content *fyne.Container
	steps   []*firstDayStep
}

// firstDayStep is one line of the checklist.
type firstDayStep struct {
	title   string
	section string
	icon    *widget.Icon
	label   *widget.Label
	detail  *widget.Label
	button  *widget.Button
	done    bool
}

// firstDayState is what the checklist reads from the file.
type firstDayState struct {
	office        bool
	year          int  // latest year with a framework, 0 for none
	groups, units int  // groups, active units
	scored        int  // active units with appraised scores in year
	earlier       bool // the year before year has appraised scores
}

// Step titles, also what the tests look for.
const (
	stepOffice    = "Nhập thông tin cơ quan"
	stepFramework = "Tạo bộ chỉ số của năm"
	stepUnits     = "Tạo nhóm xếp hạng và các đơn vị"
	stepScores    = "Chấm điểm các đơn vị"
	stepRanking   = "Xem và in bảng xếp hạng"
)

func newFirstDay(ui *UI) *firstDay {
	d := &firstDay{ui: ui}
	var s firstDayState
	ui.store.View(func(tx *store.Tx) (err error) { s, err = readFirstDay(tx); return err })
	for _, s := range []struct{ title, section string }{
		{stepOffice, SectionReports},
		{stepFramework, SectionFramework},
		{stepUnits, SectionUnits},
		{stepScores, SectionScores},
		{stepRanking, SectionRanking},
	} {
		st := &firstDayStep{title: s.title, section: s.section, icon: widget.NewIcon(theme.RadioButtonIcon())}
		st.label = boldLabel(s.title)
		st.detail = widget.NewLabel("")
		st.detail.Truncation = fyne.TextTruncateEllipsis
		section := s.section
		st.button = widget.NewButtonWithIcon("Mở mục "+section, theme.NavigateNextIcon(), func() { ui.Show(section) })
		d.steps = append(d.steps, st)
	}
	rows := container.NewVBox()
	for i, st := range d.steps {
		num := widget.NewLabel(fmt.Sprintf("%d.", i+1))
		rows.Add(container.NewBorder(nil, nil, container.NewHBox(st.icon, num, st.label), st.button, st.detail))
	}
	head := boldLabel("Bắt đầu: năm đầu tiên của cơ quan trên ParDesk")
	d.content = container.NewVBox(head, rows, widget.NewSeparator())
	if s.established() {
		d.content.Hide()
		return d
	}
	ui.watch(d, d.load, OfficeChanged, FrameworkChanged, UnitsChanged, ScoresChanged)
	d.load()
	return d
}

// readFirstDay reads what the checklist needs in one transaction.
func readFirstDay(tx *store.Tx) (firstDayState, error) {
	var s firstDayState
	o, err := tx.Office()
	if err != nil {
		return s, err
	}
	s.office = o.Name != ""
	years, err := tx.Years()
	if err != nil {
		return s, err
	}
	groups, err := tx.Groups()
	if err != nil {
		return s, err
	}
	s.groups = len(groups)
	units, err := tx.Units()
	if err != nil {
		return s, err
	}
	active := map[string]bool{}
	for _, u := range units {
		if !u.Inactive {
			active[u.Code] = true
		}
	}
	s.units = len(active)
	if len(years) == 0 {
		return s, nil
	}
	s.year = years[len(years)-1]
	// Asked at every start: the store answers without decoding the
	// year's sheets (a year of the whole country is 420 000 scores).
	scored, err := tx.AppraisedUnits(s.year)
	if err != nil {
		return s, err
	}
	for code := range scored {
		if active[code] {
			s.scored++
		}
	}
	if len(years) > 1 {
		if s.earlier, err = tx.HasAppraisedScores(years[len(years)-2]); err != nil {
			return s, err
		}
	}
	return s, nil
}

// complete says whether every step is done: the year's ranking has all
// its units.
func (s firstDayState) complete() bool {
	return s.office && s.year > 0 && s.groups > 0 && s.units > 0 && s.scored == s.units
}

// established says whether the file is past its first day: a ranking of
// the latest year, or scores of the year before (an office that has moved
// on to a new year, or added a unit since). The window then opens on the
// ranking, without the checklist.
func (s firstDayState) established() bool {
	return s.complete() || s.office && s.units > 0 && s.earlier
}

func (d *firstDay) load() {
	var s firstDayState
	if err := d.ui.store.View(func(tx *store.Tx) (err error) {
		s, err = readFirstDay(tx)
		return err
	}); err != nil {
		d.ui.showError(err)
		return
	}
	d.steps[0].set(s.office, "tên cơ quan, người ký, nơi nhận in trên mọi văn bản (mục Báo cáo)")
	fw := "bộ chỉ số mẫu cấp huyện 7 lĩnh vực, một bộ trống, hoặc chép từ năm khác"
	if s.year > 0 {
		fw = fmt.Sprintf("đã có bộ chỉ số năm %d", s.year)
	}
	d.steps[1].set(s.year > 0, fw)
	d.steps[2].set(s.groups > 0 && s.units > 0, fmt.Sprintf("%d nhóm, %d đơn vị", s.groups, s.units))
	scores := "cần bộ chỉ số và đơn vị trước"
	if s.year > 0 && s.units > 0 {
		scores = fmt.Sprintf("năm %d: %d / %d đơn vị đã có điểm thẩm định", s.year, s.scored, s.units)
	}
	d.steps[3].set(s.year > 0 && s.units > 0 && s.scored == s.units, scores)
	rank := "khi mọi đơn vị đã có điểm"
	if s.complete() {
		rank = fmt.Sprintf("bảng xếp hạng năm %d đủ %d đơn vị: «Lưu báo cáo PDF…» để in", s.year, s.units)
	}
	d.steps[4].set(s.complete(), rank)
	// The next step to do stands out.
	next := true
	for _, st := range d.steps {
		st.button.Importance = widget.MediumImportance
		if !st.done && next {
			st.button.Importance = widget.HighImportance
			next = false
		}
		st.button.Refresh()
	}
}

func (st *firstDayStep) set(done bool, detail string) {
	st.done = done
	if done {
		st.icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	} else {
		st.icon.SetResource(theme.RadioButtonIcon())
	}
	setLabel(st.detail, detail)
}

// startSection is the section the window opens on: the checklist of
// Tổng quan until the file holds a first ranking, then the ranking, which
// is what an officer opens the program for.
func (ui *UI) startSection() string {
	var s firstDayState
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		s, err = readFirstDay(tx)
		return err
	}); err != nil || !s.established() {
		return SectionDashboard
	}
	return SectionRanking
}
