package app

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// appraisalBar sits above the score grid: where the unit's sheet stands in
// the appraisal loop and the dates of its steps, the buttons that take it
// one step forward or, with a reason, one step back, the notice to print,
// and each criterion appraised below the unit's claim with the unit's
// explanation and the office's decision.
type appraisalBar struct {
	v       *scoresView
	content *fyne.Container
	status  *widget.Label
	forward *widget.Button
	back    *widget.Button
	notice  *widget.Button
	// list holds one line per criterion marked down, under its heading;
	// the lines scroll within a fixed height so the grid keeps the screen.
	listHead *widget.Label
	list     *fyne.Container
	listBox  *fyne.Container
	lines    []*loopLine
	// listRoom holds the lines under the heading; fold opens and folds it
	// (appraisalfold.go).
	listRoom *fyne.Container
	fold     *listFold

	year   int
	unit   string
	locked bool
	a      *data.Appraisal
}

// loopLine is one criterion marked down: what the unit explained, what
// the office decided, and the buttons to enter either.
type loopLine struct {
	code    string
	text    *widget.Label
	explain *widget.Button
	decide  *widget.Button
}

func newAppraisalBar(v *scoresView) *appraisalBar {
	b := &appraisalBar{v: v}
	b.status = boldLabel("")
	b.status.Wrapping = fyne.TextWrapWord
	b.forward = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), b.stepForward)
	b.forward.Importance = widget.HighImportance
	b.back = widget.NewButtonWithIcon("Trả lại bước trước…", theme.NavigateBackIcon(), b.stepBack)
	b.notice = widget.NewButtonWithIcon("In thông báo thẩm định…", theme.DocumentPrintIcon(), b.printNotice)
	b.listHead = boldLabel("")
	b.list = container.NewVBox()
	// The lines take at most this height; more scroll.
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, 110))
	b.fold = newListFold(b.toggleList)
	b.listRoom = container.NewStack(room, container.NewVScroll(b.list))
	b.listBox = container.NewVBox(listHeadRow(b.listHead, b.fold), b.listRoom)
	b.content = container.NewVBox(b.status, flow(b.forward, b.back, b.notice), b.listBox)
	return b
}

// load shows the unit's appraisal; an empty unit or year hides the bar.
func (b *appraisalBar) load(year int, unit string, locked bool) {
	b.year, b.unit, b.locked = year, unit, locked
	b.a = nil
	if unit != "" && b.v.sheet != nil {
		if err := b.v.ui.store.View(func(tx *store.Tx) (err error) {
			b.a, err = tx.Appraisal(year, unit)
			return err
		}); err != nil {
			b.v.ui.showError(err)
		}
	}
	if b.a == nil {
		b.content.Hide()
		b.relayout()
		return
	}
	shown := b.content.Visible()
	b.content.Show()
	b.refresh()
	if !shown {
		b.relayout()
	}
}

// relayout lays the score screen out again after the bar changed height:
// the grid under it moves down or up (a container does not lay out its
// parent when it grows).
func (b *appraisalBar) relayout() {
	if b.v.content != nil {
		b.v.content.Refresh()
	}
}

// refresh redraws the bar from the appraisal and the grid's sheet.
func (b *appraisalBar) refresh() {
	a := b.a
	if a == nil || b.v.fw == nil || b.v.sheet == nil {
		return
	}
	setLabel(b.status, statusLine(a))
	next, ok := a.Status.Next()
	label := next.StepLabel() + "…"
	if !ok {
		label = data.StatusFinal.StepLabel()
	}
	if b.forward.Text != label {
		b.forward.SetText(label)
	}
	enable(b.forward, ok && !b.locked)
	enable(b.back, a.Status != data.StatusDraft && !b.locked)
	enable(b.notice, a.Status.Index() >= data.StatusAppraised.Index())

	// Before the appraisal nothing is listed: an Enter in the grid of a
	// unit still assessing itself costs no list.
	if a.Status.Index() < data.StatusAppraised.Index() {
		if len(b.lines) > 0 || !b.listBox.Hidden {
			b.list.Objects, b.lines = nil, nil
			b.listBox.Hide()
			b.relayout()
		}
		return
	}
	kept, keptObjs := b.lines, b.list.Objects
	b.list.Objects, b.lines = nil, nil
	disputed := map[string]bool{}
	for _, c := range data.Disputed(b.v.fw, b.v.sheet) {
		disputed[c.Code] = true
	}
	// An explained criterion stays listed after its re-appraisal raised
	// it to the unit's claim.
	var crits []*data.Criterion
	b.v.fw.Leaves(func(_, l *data.Criterion) {
		if _, ok := a.Explanations[l.Code]; ok || disputed[l.Code] {
			crits = append(crits, l)
		}
	})
	for _, c := range crits {
		b.addLine(c)
	}
	// An Enter that changed nothing listed keeps the list as drawn: laying
	// the screen out again costs more than the save.
	if sameLines(kept, b.lines) && !b.listBox.Hidden {
		b.lines, b.list.Objects = kept, keptObjs
		return
	}
	b.listHead.SetText(fmt.Sprintf("Tiêu chí có điểm thẩm định thấp hơn tự đánh giá, giải trình và quyết định (%d)", len(crits)))
	if len(crits) == 0 {
		b.listBox.Hide()
	} else {
		b.listBox.Show()
	}
	b.showList()
	b.list.Refresh()
	b.relayout()
}

// enable turns a button or field on or off, leaving it untouched (no
// redraw) when it already is.
func enable(w fyne.Disableable, on bool) {
	if on == !w.Disabled() {
		return
	}
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// statusLine: "Trạng thái: Giải trình · nộp 04/03/2024 · thẩm định
// 05/03/2024 (hạn giải trình 12/03/2024) · nhận giải trình 07/03/2024".
func statusLine(a *data.Appraisal) string {
	parts := []string{"Trạng thái: " + a.Status.Label()}
	for _, s := range data.Statuses[1:] {
		d, ok := a.Dates[s]
		if !ok {
			continue
		}
		p := strings.ToLower(s.StepLabel()) + " " + data.FormatDate(d)
		if s == data.StatusSubmitted {
			p = "nộp " + data.FormatDate(d)
		}
		if s == data.StatusAppraised && !a.Deadline.IsZero() {
			p += " (hạn giải trình " + data.FormatDate(a.Deadline) + ")"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " · ")
}

func (b *appraisalBar) addLine(c *data.Criterion) {
	a := b.a
	sc := b.v.sheet.Scores[c.Code]
	e, explained := a.Explanations[c.Code]
	var t strings.Builder
	fmt.Fprintf(&t, "%s %s: tự đánh giá %s, thẩm định %s", c.Code, c.Title, pointsText(sc.Self), pointsText(sc.Appraised))
	if explained && e.Decision != data.DecisionNone && (sc.Appraised == nil || *sc.Appraised != e.Appraised) {
		fmt.Fprintf(&t, " (trước giải trình %s)", e.Appraised.Short())
	}
	if explained {
		t.WriteString("\nGiải trình: " + e.Text)
		if e.Evidence != "" {
			t.WriteString(" (tài liệu: " + e.Evidence + ")")
		}
		t.WriteString("\nQuyết định: " + decisionLine(e))
	} else {
		t.WriteString("\nChưa giải trình")
	}
	l := &loopLine{code: c.Code, text: widget.NewLabel(t.String())}
	l.text.Wrapping = fyne.TextWrapWord
	code := c.Code
	l.explain = widget.NewButton("Giải trình…", func() { b.explain(code) })
	l.decide = widget.NewButton("Quyết định…", func() { b.decide(code) })
	enable(l.explain, !b.locked && data.ExplanationEditable(a.Status) && sc.Self != nil && sc.Appraised != nil && *sc.Appraised < *sc.Self)
	enable(l.decide, !b.locked && data.DecisionEditable(a.Status) && explained)
	b.lines = append(b.lines, l)
	b.list.Add(container.NewBorder(nil, nil, nil, container.NewVBox(container.NewHBox(l.explain, l.decide)), l.text))
}

func decisionLine(e data.Explanation) string {
	if e.Decision == data.DecisionNone {
		return "chưa có"
	}
	if e.Reason == "" {
		return e.Decision.Label()
	}
	return e.Decision.Label() + " – " + e.Reason
}

// changed reloads the grid and the bar after a change of the loop and
// tells the other screens (units, dashboard, ranking).
func (b *appraisalBar) changed(msg string) {
	v := b.v
	v.load()
	v.say(msg)
	v.ui.publish(Change{Kind: ScoresChanged, Year: b.year, Unit: b.unit, From: v})
}

func (b *appraisalBar) update(msg string, fn func(tx *store.Tx) error) {
	if err := b.v.ui.store.Update(fn); err != nil {
		b.v.ui.showError(err)
		return
	}
	b.changed(msg)
}

func (b *appraisalBar) unitName() string {
	for _, u := range b.v.ui.lists.units() {
		if u.Code == b.unit {
			return u.Name
		}
	}
	return b.unit
}

// stepForward takes the sheet one step on: the appraisal asks for the
// deadline to explain, every other step for a confirmation.
func (b *appraisalBar) stepForward() {
	if b.a == nil {
		return
	}
	next, ok := b.a.Status.Next()
	if !ok {
		return
	}
	year, unit := b.year, b.unit
	done := fmt.Sprintf("Phiếu điểm năm %d của %s: %s.", year, b.unitName(), next.Label())
	if next == data.StatusAppraised {
		deadline := newFormEntry()
		deadline.SetText(data.FormatDate(data.DefaultDeadline(today())))
		items := []*widget.FormItem{widget.NewFormItem("Hạn giải trình", deadline)}
		items[0].HintText = "Ngày cuối đơn vị gửi giải trình, in trên thông báo (dạng 09/06/2023)"
		d := dialog.NewForm(fmt.Sprintf("Thẩm định: %s, năm %d", b.unitName(), year), "Thẩm định", "Hủy", items, func(ok bool) {
			if !ok {
				return
			}
			day, err := data.ParseDate(deadline.Text)
			if err != nil {
				b.v.ui.showError(data.Errorf(data.EINVALID, "Hạn giải trình: %s", data.ErrorMessage(err)))
				return
			}
			b.update(done, func(tx *store.Tx) error {
				if err := tx.SetDeadline(year, unit, day); err != nil {
					return err
				}
				return tx.Step(year, unit, next, "")
			})
		}, b.v.ui.win)
		showForm(d, items, b.v.ui.win)
		return
	}
	question := fmt.Sprintf("Chuyển phiếu điểm năm %d của %s từ «%s» sang «%s»?", year, b.unitName(), b.a.Status.Label(), next.Label())
	switch next {
	case data.StatusSubmitted:
		question += " Sau khi nộp, điểm tự đánh giá không sửa được nữa."
	case data.StatusFinal:
		question += " Sau khi chốt, điểm thẩm định không sửa được nữa."
	}
	showConfirm(next.StepLabel(), question, func(ok bool) {
		if ok {
			b.update(done, func(tx *store.Tx) error { return tx.Step(year, unit, next, "") })
		}
	}, b.v.ui.win)
}

// stepBack returns the sheet one step, with a reason the audit trail
// keeps.
func (b *appraisalBar) stepBack() {
	if b.a == nil {
		return
	}
	prev, ok := b.a.Status.Prev()
	if !ok {
		return
	}
	year, unit, from := b.year, b.unit, b.a.Status
	reason := newFormTextArea()
	reason.SetPlaceHolder("Ví dụ: sửa điểm tiêu chí 3.2 theo kết luận của Hội đồng thẩm định")
	items := []*widget.FormItem{widget.NewFormItem("Lý do", reason)}
	d := dialog.NewForm(fmt.Sprintf("Trả %s từ «%s» về «%s»", b.unitName(), from.Label(), prev.Label()), "Trả lại", "Hủy", items, func(ok bool) {
		if ok {
			b.update(fmt.Sprintf("Phiếu điểm năm %d của %s trả về bước «%s».", year, b.unitName(), prev.Label()),
				func(tx *store.Tx) error { return tx.Step(year, unit, prev, reason.Text) })
		}
	}, b.v.ui.win)
	showForm(d, items, b.v.ui.win)
}

// explain enters the unit's explanation on a criterion; emptied, it is
// withdrawn.
func (b *appraisalBar) explain(code string) {
	year, unit := b.year, b.unit
	e := b.a.Explanations[code]
	text := newFormTextArea()
	text.SetText(e.Text)
	text.SetPlaceHolder("Nội dung giải trình của đơn vị")
	evidence := newFormEntry()
	evidence.SetText(e.Evidence)
	evidence.SetPlaceHolder("Ví dụ: Quyết định số 215/QĐ-UBND ngày 28/12/2023")
	items := []*widget.FormItem{widget.NewFormItem("Giải trình", text), widget.NewFormItem("Tài liệu kiểm chứng", evidence)}
	d := dialog.NewForm("Giải trình tiêu chí "+code+" của "+b.unitName(), "Lưu", "Hủy", items, func(ok bool) {
		if ok {
			b.update("Đã lưu giải trình tiêu chí "+code+".", func(tx *store.Tx) error {
				return tx.SetExplanation(year, unit, code, data.Explanation{Text: text.Text, Evidence: evidence.Text})
			})
		}
	}, b.v.ui.win)
	showForm(d, items, b.v.ui.win)
}

// decide takes the office's decision on an explanation and the final
// points: accepted starts from the unit's claim, refused from the
// appraisal; either can be changed before saving.
func (b *appraisalBar) decide(code string) {
	year, unit := b.year, b.unit
	leaf := b.v.fw.Find(code)
	if leaf == nil {
		return
	}
	e := b.a.Explanations[code]
	sc := b.v.sheet.Scores[code]
	claim, appraised := pointsText(sc.Self), e.Appraised.Short()
	final := newFormEntry()
	final.SetText(pointsText(sc.Appraised))
	choice := widget.NewRadioGroup([]string{data.DecisionAccepted.Label(), data.DecisionRefused.Label()}, func(s string) {
		switch s {
		case data.DecisionAccepted.Label():
			final.SetText(claim)
		case data.DecisionRefused.Label():
			final.SetText(appraised)
		}
	})
	choice.Horizontal = true
	if e.Decision != data.DecisionNone {
		choice.Selected = e.Decision.Label()
	}
	reason := newFormTextArea()
	reason.SetText(e.Reason)
	reason.SetPlaceHolder("Bắt buộc khi không chấp nhận")
	items := []*widget.FormItem{
		widget.NewFormItem("Giải trình", widget.NewLabel(strings.TrimSpace(e.Text))),
		widget.NewFormItem("Quyết định", choice),
		widget.NewFormItem("Điểm cuối cùng", final),
		widget.NewFormItem("Lý do", reason),
	}
	items[0].Widget.(*widget.Label).Wrapping = fyne.TextWrapWord
	items[2].HintText = fmt.Sprintf("Tối đa %s; tự đánh giá %s, thẩm định %s", leaf.Max.Short(), claim, appraised)
	d := dialog.NewForm(fmt.Sprintf("Thẩm định lại tiêu chí %s của %s", code, b.unitName()), "Lưu", "Hủy", items, func(ok bool) {
		if !ok {
			return
		}
		var d data.Decision
		switch choice.Selected {
		case data.DecisionAccepted.Label():
			d = data.DecisionAccepted
		case data.DecisionRefused.Label():
			d = data.DecisionRefused
		}
		p, err := data.ParseScore(leaf, final.Text)
		if err != nil {
			b.v.ui.showError(err)
			return
		}
		b.update(fmt.Sprintf("Đã lưu quyết định về giải trình tiêu chí %s: %s, %s điểm.", code, d.Label(), p.Short()), func(tx *store.Tx) error {
			return tx.Decide(year, unit, code, d, reason.Text, p)
		})
	}, b.v.ui.win)
	showForm(d, items, b.v.ui.win)
}

// printNotice saves the appraisal notice PDF, the same document as
// pardesk report notice.
func (b *appraisalBar) printNotice() {
	year, unit := b.year, b.unit
	b.v.ui.savePDF(ops.NoticeFileName(unit, year), func() ([]byte, error) {
		return noticePDF(b.v.ui, year, unit, "", today())
	})
}

func noticePDF(ui *UI, year int, unit, number string, date time.Time) ([]byte, error) {
	var in reports.NoticeInput
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		in, err = ops.NoticeInput(tx, year, unit)
		return err
	}); err != nil {
		return nil, err
	}
	in.Number, in.Date = number, date
	return reports.Notice(in)
}

// notFinalWarning is what the lock's question adds when some units of the
// year are not chốt: how many, and which.
func (v *scoresView) notFinalWarning(year int) string {
	var units []data.Unit
	if err := v.ui.store.View(func(tx *store.Tx) (err error) {
		units, err = tx.NotFinal(year)
		return err
	}); err != nil || len(units) == 0 {
		return ""
	}
	return fmt.Sprintf("\n\nCòn %d đơn vị chưa chốt kết quả thẩm định: %s. Khóa năm thì các đơn vị này không chuyển bước được nữa.", len(units), ops.NotFinalText(units))
}
