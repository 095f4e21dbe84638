package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// reportsView gathers the printable documents with the fields every
// document needs: its number and date.
type reportsView struct {
	ui      *UI
	content fyne.CanvasObject
	number  *widget.Entry
	date    *widget.Entry
	year    *widget.Select
	group   *groupSelect
	unit    *unitSelect
	office  *officeForm

	conference *conferenceView // the conference report's tab
}

func newReportsView(ui *UI) *reportsView {
	v := &reportsView{ui: ui}
	v.number = widget.NewEntry()
	v.number.SetPlaceHolder("để trống để ghi tay")
	v.date = widget.NewEntry()
	v.date.SetText(data.FormatDate(today()))
	v.year = newYearSelect(ui, func() {})
	v.group = newGroupSelect(ui, func() {})
	form := widget.NewForm(
		widget.NewFormItem("Số văn bản", v.number),
		widget.NewFormItem("Ngày văn bản", v.date),
		widget.NewFormItem("Năm đánh giá", v.year),
		widget.NewFormItem("Nhóm đơn vị", v.group.Select),
	)
	ranking := widget.NewButtonWithIcon("Báo cáo xếp hạng Chỉ số CCHC", theme.DocumentPrintIcon(), v.saveRanking)
	v.unit = newUnitSelect(ui, func() {})
	scorecard := widget.NewButtonWithIcon("Phiếu chấm điểm của đơn vị", theme.DocumentPrintIcon(), v.saveScorecard)
	notice := widget.NewButtonWithIcon("Thông báo kết quả thẩm định", theme.DocumentPrintIcon(), v.saveNotice)
	head := boldLabel("Báo cáo in theo thể thức Nghị định 30/2020/NĐ-CP")
	// The other documents are printed from the screen that holds their
	// data, with the filters chosen there; say where, so nobody hunts.
	elsewhere := widget.NewLabel("Các báo cáo khác in ngay tại mục của chúng:\n" +
		"• Báo cáo nhiệm vụ cải cách hành chính — mục Nhiệm vụ («Lưu báo cáo PDF…»)\n" +
		"• Kế hoạch kiểm tra, phiếu kiểm tra trắng, biên bản kiểm tra — mục Kiểm tra\n" +
		"• Báo cáo kết quả giải quyết thủ tục hành chính — mục Một cửa\n" +
		"• Phiếu chấm điểm của đơn vị đang chấm — mục Chấm điểm («In phiếu chấm điểm…»)\n" +
		"• Thông báo kết quả thẩm định của đơn vị đang chấm — mục Chấm điểm («In thông báo thẩm định…»)")
	elsewhere.Wrapping = fyne.TextWrapWord
	v.office = newOfficeForm(ui)
	left := container.NewVBox(head, form, widget.NewSeparator(), ranking,
		flow(scorecard, notice, field("Đơn vị:", v.unit.wide())),
		widget.NewSeparator(), elsewhere)
	split := container.NewHSplit(container.NewVScroll(left), container.NewVScroll(container.NewPadded(v.office.content)))
	split.Offset = 0.55
	v.content = withConference(ui, v, split)
	return v
}

// documentDate reads the date field, naming it when it is wrong.
func (v *reportsView) documentDate() (time.Time, error) {
	when, err := data.ParseDate(v.date.Text)
	if err != nil {
		return when, data.Errorf(data.EINVALID, "Ngày văn bản: %s", data.ErrorMessage(err))
	}
	return when, nil
}

func (v *reportsView) saveScorecard() {
	year, code := selectedYear(v.year), v.unit.code()
	v.ui.savePDF(ops.ScorecardFileName(code, year), func() ([]byte, error) {
		when, err := v.documentDate()
		if err != nil {
			return nil, err
		}
		return scorecardPDF(v.ui, year, code, v.number.Text, when)
	})
}

// saveNotice saves the appraisal notice of the unit picked, with the
// document number and date typed here.
func (v *reportsView) saveNotice() {
	year, code := selectedYear(v.year), v.unit.code()
	v.ui.savePDF(ops.NoticeFileName(code, year), func() ([]byte, error) {
		when, err := v.documentDate()
		if err != nil {
			return nil, err
		}
		return noticePDF(v.ui, year, code, v.number.Text, when)
	})
}

func (v *reportsView) saveRanking() {
	year := selectedYear(v.year)
	v.ui.savePDF(fmt.Sprintf("xep-hang-%d.pdf", year), func() ([]byte, error) {
		when, err := v.documentDate()
		if err != nil {
			return nil, err
		}
		var in reports.RankingInput
		if err := v.ui.store.View(func(tx *store.Tx) (err error) {
			in, err = ops.RankingInput(tx, year, v.group.ID())
			return err
		}); err != nil {
			return nil, err
		}
		in.Number, in.Date = v.number.Text, when
		return reports.Ranking(in)
	})
}
