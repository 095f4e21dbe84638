package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
	"github.com/pardesk/pardesk/reports/pdfdoc"
)

// The year's inspection plan as a document (Kế hoạch kiểm tra, symbol KH):
// its number, title, date, purpose and organisation are entered in a form
// of the Kiểm tra section and printed with the year's visits.

// showPlanRecord says which plan document the year has: "Kế hoạch số
// 15/KH-SNV ngày 15/01/2024", or that none was entered.
func (v *inspectionsView) showPlanRecord(p data.InspectionPlan, stored bool, abbrev string) {
	v.plan, v.planStored = p, stored
	if !stored {
		v.planInfo.SetText("Chưa nhập văn bản kế hoạch")
		return
	}
	s := "Kế hoạch số " + pdfdoc.Symbol(p.Number, "KH", abbrev)
	if p.Number == "" {
		s = "Kế hoạch (chưa có số)"
	}
	if !p.Date.IsZero() {
		s += " ngày " + data.FormatDate(p.Date)
	}
	v.planInfo.SetText(s)
}

// planFields are the entries of the plan form, kept across a refusal.
type planFields struct {
	number, title, date, purpose, organisation *formEntry
}

// editPlan opens the form of the year's plan document.
func (v *inspectionsView) editPlan() {
	p := v.plan
	f := &planFields{number: newFormEntry(), title: newFormEntry(), date: newFormEntry(),
		purpose: newFormTextArea(), organisation: newFormTextArea()}
	f.number.SetText(p.Number)
	f.number.SetPlaceHolder("ví dụ 15 (in thành 15/KH-…)")
	f.title.SetText(p.Title)
	if p.Title == "" {
		f.title.SetText(data.PlanTitle(p.Year))
	}
	if !p.Date.IsZero() {
		f.date.SetText(data.FormatDate(p.Date))
	}
	f.date.SetPlaceHolder(fmt.Sprintf("từ 01/01/%d đến 31/12/%d; để trống nếu chưa ban hành", p.Year-1, p.Year))
	f.purpose.SetText(p.Purpose)
	f.purpose.SetPlaceHolder("mỗi dòng một ý")
	f.organisation.SetText(p.Organisation)
	f.organisation.SetPlaceHolder("mỗi dòng một ý")
	for _, e := range []*formEntry{f.purpose, f.organisation} {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(7)
	}
	v.planForm(p.Year, f)
}

func (v *inspectionsView) planForm(year int, f *planFields) {
	items := []*widget.FormItem{
		widget.NewFormItem("Số", f.number),
		widget.NewFormItem("Trích yếu", f.title),
		widget.NewFormItem("Ngày ban hành", f.date),
		widget.NewFormItem("Mục đích, yêu cầu", f.purpose),
		widget.NewFormItem("Tổ chức thực hiện", f.organisation),
	}
	d := dialog.NewForm(fmt.Sprintf("Văn bản kế hoạch kiểm tra năm %d", year), "Lưu", "Hủy", items, func(ok bool) {
		if !ok {
			return
		}
		again := func() { v.planForm(year, f) }
		p := data.InspectionPlan{Year: year, Number: f.number.Text, Title: f.title.Text, Purpose: f.purpose.Text, Organisation: f.organisation.Text}
		if s := strings.TrimSpace(f.date.Text); s != "" {
			t, err := data.ParseDate(s)
			if err != nil {
				v.refused(data.Errorf(data.EINVALID, "Ngày ban hành kế hoạch kiểm tra năm %d: %s (từ 01/01/%d đến 31/12/%d)", year, data.ErrorMessage(err), year-1, year), again)
				return
			}
			p.Date = t
		}
		if err := v.ui.store.Update(func(tx *store.Tx) error { return tx.PutInspectionPlan(&p) }); err != nil {
			v.refused(err, again)
			return
		}
		v.ui.publish(Change{Kind: InspectionsChanged, Year: year})
	}, v.ui.win)
	showForm(d, items, v.ui.win)
	d.Resize(fyne.NewSize(820, 620))
}

// savePlanPDF prints the year's plan with its visits.
func (v *inspectionsView) savePlanPDF() {
	year := selectedYear(v.year)
	v.ui.savePDF(fmt.Sprintf("ke-hoach-kiem-tra-%d.pdf", year), func() ([]byte, error) {
		var in reports.PlanInput
		if err := v.ui.store.View(func(tx *store.Tx) (err error) {
			in, err = ops.PlanInput(tx, year)
			return err
		}); err != nil {
			return nil, err
		}
		return reports.Plan(in)
	})
}
