package reports

import (
	"fmt"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdfdoc"
)

// ConferenceInput is what the conference report (báo cáo tại hội nghị
// tổng kết) prints: the drafted or edited text and, as appendices, the
// ranking and the lost points.
type ConferenceInput struct {
	// Issuer heads and signs the report: the office for its report on the
	// units, the unit itself for a unit's report.
	Issuer data.Office
	// Number and Date of the document; blank or zero leave room to write
	// them by hand.
	Number string
	Date   time.Time
	// Draft is the text: the officer's edited copy if saved, else a fresh
	// draft (data.Draft).
	Draft data.ConferenceDraft
	// GroupName names the ranked group ("Các huyện, thành phố").
	GroupName string
	Framework *data.Framework
	// Results is the group's ranking (Phụ lục I of the office's report).
	Results []data.Result
	// Lost are the lost points: the group's (office's report) or the
	// unit's own (unit's report), most lost first. Criteria nobody lost
	// points on are left out of the table.
	Lost []data.LostPoint
	// Created fixes the PDF's creation date (tests); zero means now.
	Created time.Time
}

// Conference prints the conference report in the layout of Decree 30/2020
// (symbol BC): heading, title, the "Căn cứ"/"Thực hiện" lines, the
// sections, "Trên đây là …./.", recipients and signature; then, each on a
// landscape page, the appendices: the group's ranking and the lost points
// (office's report), or the unit's lost points (unit's report).
func Conference(in ConferenceInput) ([]byte, error) {
	d, o := in.Draft, in.Issuer
	if len(d.Sections) == 0 {
		return nil, data.Errorf(data.EINVALID, "Báo cáo hội nghị năm %d chưa có nội dung", d.Year)
	}
	if in.Framework == nil {
		return nil, data.Errorf(data.EINVALID, "Chưa có bộ chỉ số năm %d để in báo cáo hội nghị", d.Year)
	}
	doc := pdfdoc.New(pdfdoc.Options{Title: "Báo cáo " + data.LowerFirst(d.Title), Author: o.Name, Created: in.Created})
	doc.Heading(heading(o, in.Number, "BC", in.Date))
	doc.Title("BÁO CÁO", d.Title)

	for _, s := range d.Sections {
		if s.Heading != "" {
			doc.Section(s.Heading)
		}
		if strings.TrimSpace(s.Text) != "" {
			doc.Paragraph(s.Text)
		}
	}

	recipients := o.Recipients
	if len(recipients) == 0 {
		recipients = DefaultRecipients
	}
	doc.Closing(recipients, pdfdoc.Signer{Title: o.SignerTitle, Name: o.Signer})

	ref := appendixRef(in)
	n := 0
	appendix := func(title string) {
		n++
		doc.AddPage(pdfdoc.Landscape)
		label := "Phụ lục"
		if d.Unit == "" {
			label += " " + data.Roman(n)
		}
		doc.Para(pdfdoc.Para{Text: label, Style: pdfdoc.Bold, Align: pdfdoc.Center, Size: pdfdoc.TitleSize, After: -1})
		doc.Para(pdfdoc.Para{Text: strings.ToUpper(title), Style: pdfdoc.Bold, Align: pdfdoc.Center, Size: pdfdoc.TitleSize, After: -1})
		doc.Para(pdfdoc.Para{Text: ref, Style: pdfdoc.Italic, Align: pdfdoc.Center})
	}
	group := data.LowerFirst(strings.TrimSpace(in.GroupName))
	if d.Unit == "" {
		appendix(fmt.Sprintf("Kết quả xếp hạng Chỉ số cải cách hành chính năm %d%s", d.Year, withGroup(group)))
		doc.Para(pdfdoc.Para{Text: rankingKey(in.Framework), Style: pdfdoc.Italic, Size: 11, KeepWithNext: tableLead})
		doc.Table(pdfdoc.Table{Columns: rankingColumns(in.Framework), Rows: rankingRows(in.Framework, in.Results)})
		doc.Para(pdfdoc.Para{Text: rankingNotes(in.Framework, d.Year, in.Results), Style: pdfdoc.Italic, Size: 11, KeepWithPrevious: true})
		appendix(fmt.Sprintf("Các tiêu chí bị trừ điểm năm %d%s", d.Year, withGroup(group)))
		doc.Table(pdfdoc.Table{Columns: groupLostColumns(), Rows: groupLostRows(in.Lost, len(in.Results))})
	} else {
		unit := d.Unit
		for _, r := range in.Results {
			if r.Unit.Code == d.Unit {
				unit = data.InText(r.Unit.Name)
			}
		}
		appendix(fmt.Sprintf("Các tiêu chí bị trừ điểm năm %d của %s", d.Year, unit))
		doc.Table(pdfdoc.Table{Columns: unitLostColumns(), Rows: unitLostRows(in.Lost)})
	}
	return doc.Output()
}

// appendixRef is the line under an appendix's title: "(Kèm theo Báo cáo
// số 12/BC-SNV ngày 09/06/2023 của Sở Nội vụ)".
func appendixRef(in ConferenceInput) string {
	o := in.Issuer
	s := "(Kèm theo Báo cáo số " + strings.TrimSpace(pdfdoc.Symbol(in.Number, "BC", o.Abbrev))
	if in.Number == "" {
		s = "(Kèm theo Báo cáo số " + pdfdoc.Symbol("", "BC", o.Abbrev)
	}
	if in.Date.IsZero() {
		s += " ngày      /      /"
	} else {
		s += " ngày " + data.FormatDate(in.Date)
	}
	if name := data.OfficeShortName(o); name != "" {
		s += " của " + name
	}
	return s + ")"
}

func groupLostColumns() []pdfdoc.Column {
	return []pdfdoc.Column{
		{Header: "STT", Width: 11, Align: pdfdoc.Center},
		{Header: "Mã", Width: 13, Align: pdfdoc.Center},
		{Header: "Tiêu chí", Width: 62},
		{Header: "Điểm tối đa", Width: 18, Align: pdfdoc.Right},
		{Header: "Số đơn vị bị trừ", Width: 20, Align: pdfdoc.Center},
		{Header: "Tổng điểm bị trừ", Width: 20, Align: pdfdoc.Right},
		{Header: "Đơn vị bị trừ (điểm bị trừ)"},
	}
}

func groupLostRows(lost []data.LostPoint, units int) []pdfdoc.Row {
	var rows []pdfdoc.Row
	for _, lp := range lost {
		if lp.Lost <= 0 {
			continue
		}
		who := make([]string, len(lp.Units))
		for i, ul := range lp.Units {
			who[i] = fmt.Sprintf("%s (%s)", ul.Unit.Name, ul.Lost)
		}
		rows = append(rows, pdfdoc.Row{Cells: []string{
			fmt.Sprint(len(rows) + 1), lp.Code, lp.Title, lp.Max.Short(),
			fmt.Sprintf("%d/%d", len(lp.Units), units), lp.Lost.String(), strings.Join(who, "; "),
		}})
	}
	if len(rows) == 0 {
		rows = append(rows, pdfdoc.Row{Span: true, Cells: []string{"Không có tiêu chí nào bị trừ điểm."}})
	}
	return rows
}

func unitLostColumns() []pdfdoc.Column {
	return []pdfdoc.Column{
		{Header: "STT", Width: 11, Align: pdfdoc.Center},
		{Header: "Mã", Width: 13, Align: pdfdoc.Center},
		{Header: "Tiêu chí", Width: 90},
		{Header: "Điểm tối đa", Width: 18, Align: pdfdoc.Right},
		{Header: "Điểm đạt", Width: 18, Align: pdfdoc.Right},
		{Header: "Điểm bị trừ", Width: 18, Align: pdfdoc.Right},
		{Header: "Ý kiến thẩm định"},
	}
}

func unitLostRows(lost []data.LostPoint) []pdfdoc.Row {
	var rows []pdfdoc.Row
	var total data.Points
	for _, lp := range lost {
		if lp.Lost <= 0 {
			continue
		}
		note := ""
		if len(lp.Units) > 0 {
			note = lp.Units[0].Note
		}
		total += lp.Lost
		rows = append(rows, pdfdoc.Row{Cells: []string{
			fmt.Sprint(len(rows) + 1), lp.Code, lp.Title, lp.Max.Short(), (lp.Max - lp.Lost).String(), lp.Lost.String(), note,
		}})
	}
	if len(rows) == 0 {
		return []pdfdoc.Row{{Span: true, Cells: []string{"Không có tiêu chí nào bị trừ điểm."}}}
	}
	return append(rows, pdfdoc.Row{Bold: true, Cells: []string{"", "", "Tổng cộng", "", "", total.String(), ""}})
}
