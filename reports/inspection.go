package reports

import (
	"fmt"
	"strings"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdfdoc"
)

// Inspection prints the inspection record (biên bản kiểm tra, symbol BB)
// of a visit in the layout of Decree 30/2020: who took part, the result of
// every checklist item with its note, the findings (strengths, weaknesses),
// the recommendations with owner and deadline, and the signatures of the
// inspected unit's head and of the team leader.
func Inspection(in VisitInput) ([]byte, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	o, v, t := in.Office, in.Visit, in.Template
	unit := unitInText(in.Unit)
	// The body that answers for the unit: "UBND huyện Nguyên Bình".
	body := unitBody(in.Unit.Name)
	summary := fmt.Sprintf("Kiểm tra công tác cải cách hành chính năm %d tại %s", v.Year, unit)
	doc := pdfdoc.New(pdfdoc.Options{Title: "Biên bản " + data.LowerFirst(summary), Author: o.Name, Created: in.Created})
	doc.Heading(heading(o, v.Number, "BB", v.Date))
	doc.Title("BIÊN BẢN", summary)

	// The record cites the plan it carries out, then the time and the
	// place of the visit; the hour is written by hand.
	basis := fmt.Sprintf("Thực hiện kế hoạch kiểm tra công tác cải cách hành chính năm %d%s", v.Year, ofOffice(o))
	if ref := planRef(o, in.Plan); ref != "" {
		basis = "Thực hiện " + ref
	}
	when := "hôm nay, vào hồi " + handHour
	if !v.Date.IsZero() {
		when += " " + strings.TrimPrefix(data.DateLine("", v.Date), ", ")
	}
	doc.Paragraph(fmt.Sprintf("%s; %s, tại trụ sở %s, Đoàn kiểm tra đã tiến hành kiểm tra công tác cải cách hành chính tại %s.", basis, when, body, unit))

	doc.Section("I. THÀNH PHẦN")
	// The team is listed on one page, under its label.
	team := []string{"1. Đoàn kiểm tra:"}
	for i, m := range v.Team {
		end := ";"
		if i == len(v.Team)-1 {
			end = "."
		}
		team = append(team, "- "+teamMember(m)+end)
	}
	doc.Para(pdfdoc.Para{Text: strings.Join(team, "\n"), Indent: pdfdoc.ParagraphIndent, Align: pdfdoc.Left, After: -1, KeepTogether: len(team) <= 12})
	doc.Para(pdfdoc.Para{Text: "2. Đại diện " + body + ":", Indent: pdfdoc.ParagraphIndent, Align: pdfdoc.Left, After: -1})
	doc.Para(pdfdoc.Para{Text: "- " + teamMember(v.UnitHead) + ".", Indent: pdfdoc.ParagraphIndent})

	doc.Section("II. KẾT QUẢ KIỂM TRA")
	doc.Para(pdfdoc.Para{Text: tallyText(&v, &t), Indent: pdfdoc.ParagraphIndent, KeepWithNext: tableLead})
	doc.Table(pdfdoc.Table{
		Columns: []pdfdoc.Column{
			{Header: "Mã", Width: ckCodeWidth, Align: pdfdoc.Center},
			{Header: "Nội dung kiểm tra"},
			{Header: "Kết quả", Width: 24, Align: pdfdoc.Center},
			{Header: "Ghi chú", Width: 50},
		},
		Rows: recordRows(&v, &t),
	})

	doc.Section("III. NHẬN XÉT, ĐÁNH GIÁ")
	doc.Para(pdfdoc.Para{Text: "1. Ưu điểm", Style: pdfdoc.Italic, Indent: pdfdoc.ParagraphIndent, Align: pdfdoc.Left, KeepWithNext: 2 * pdfdoc.LineHeight(pdfdoc.BodySize)})
	doc.Paragraph(orNone(v.Strengths, "Không có nhận xét."))
	doc.Para(pdfdoc.Para{Text: "2. Tồn tại, hạn chế", Style: pdfdoc.Italic, Indent: pdfdoc.ParagraphIndent, Align: pdfdoc.Left, KeepWithNext: 2 * pdfdoc.LineHeight(pdfdoc.BodySize)})
	doc.Paragraph(dashed(orNone(v.Weaknesses, "Không có tồn tại, hạn chế.")))

	// The heading, the sentence that introduces the table and the table's
	// first row stay together (Section and KeepWithNext).
	doc.Section("IV. KIẾN NGHỊ")
	if len(v.Recommendations) == 0 {
		doc.Paragraph("Đoàn kiểm tra không có kiến nghị.")
	} else {
		doc.Para(pdfdoc.Para{Text: fmt.Sprintf("Đề nghị %s thực hiện các nội dung sau và báo cáo kết quả về Đoàn kiểm tra:", body),
			Indent: pdfdoc.ParagraphIndent, KeepWithNext: tableLead})
		var rows []pdfdoc.Row
		for i, r := range v.Recommendations {
			rows = append(rows, pdfdoc.Row{Cells: []string{fmt.Sprint(i + 1), r.Text, r.Owner, data.FormatDate(r.Deadline)}})
		}
		doc.Table(pdfdoc.Table{
			Columns: []pdfdoc.Column{
				{Header: "STT", Width: 11, Align: pdfdoc.Center},
				{Header: "Nội dung kiến nghị"},
				{Header: "Đơn vị, người thực hiện", Width: 45},
				{Header: "Thời hạn", Width: 22, Align: pdfdoc.Center},
			},
			Rows: rows,
		})
	}
	doc.Para(pdfdoc.Para{Text: "Buổi làm việc kết thúc vào hồi " + handHour + " cùng ngày. Biên bản được lập thành 02 bản có giá trị như nhau, Đoàn kiểm tra giữ 01 bản, " + body +
		" giữ 01 bản; đã được đọc lại cho các thành phần dự họp cùng nghe và nhất trí ký tên dưới đây./.", Indent: pdfdoc.ParagraphIndent, KeepWithPrevious: true})

	// One-line titles keep the two names on one level; the head's office
	// is in the list of those present above.
	doc.Signatures(
		pdfdoc.Signer{Title: "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA", Name: v.UnitHead.Name},
		pdfdoc.Signer{Title: "TRƯỞNG ĐOÀN KIỂM TRA", Name: v.Leader().Name},
	)
	return doc.Output()
}

// handHour leaves the hour and minutes of a visit to be written by hand.
const handHour = "…… giờ …… phút"

// planRef cites the year's inspection plan: "Kế hoạch số 15/KH-SNV ngày
// 15/01/2024 của Sở Nội vụ về kiểm tra công tác cải cách hành chính năm
// 2024"; empty when there is no plan or it has no number.
func planRef(o data.Office, p data.InspectionPlan) string {
	if strings.TrimSpace(p.Number) == "" {
		return ""
	}
	s := "Kế hoạch số " + pdfdoc.Symbol(p.Number, "KH", o.Abbrev)
	if !p.Date.IsZero() {
		s += " ngày " + data.FormatDate(p.Date)
	}
	s += ofOffice(o)
	title := strings.TrimSpace(p.Title)
	if title == "" {
		title = data.PlanTitle(p.Year)
	}
	return s + " về " + data.LowerFirst(title)
}

// unitInText is a unit's name inside a sentence: the kind of a local
// government unit is not capitalised there ("tại huyện Nguyên Bình"); an
// agency's name is a proper name and stays as it is ("tại Sở Tư pháp").
func unitInText(u data.Unit) string {
	switch u.Kind {
	case data.KindAgency:
		return u.Name
	}
	return data.LowerFirst(u.Name)
}

// tallyText sums up the answers before the table.
func tallyText(v *data.Visit, t *data.Template) string {
	c := v.Tally(t)
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s nội dung %s", data.FormatCount(int64(n)), what))
		}
	}
	add(c.Passed, "đạt")
	add(c.Failed, "không đạt")
	add(c.NotApplicable, "không áp dụng")
	add(c.Figures, "ghi nhận số liệu")
	if open := c.Items - c.Passed - c.Failed - c.NotApplicable - c.Figures; open > 0 {
		add(open, "chưa có kết quả")
	}
	s := fmt.Sprintf("Đoàn kiểm tra đã kiểm tra %s nội dung theo %s", data.FormatCount(int64(c.Items)), data.LowerFirst(t.Label()))
	if len(parts) > 0 {
		s += ", trong đó " + strings.Join(parts, ", ")
	}
	return s + ". Kết quả cụ thể như sau:"
}

func recordRows(v *data.Visit, t *data.Template) []pdfdoc.Row {
	var rows []pdfdoc.Row
	for _, s := range t.Sections {
		rows = append(rows, sectionRow(s))
		for _, it := range s.Items {
			a := v.Answers[it.Code]
			rows = append(rows, pdfdoc.Row{Cells: []string{it.Code, it.Question, a.Text(&it), a.Note}})
		}
	}
	return rows
}

func orNone(s, none string) string {
	if strings.TrimSpace(s) == "" {
		return none
	}
	return s
}

// dashed starts each line of a list of weaknesses with a dash when there
// are several.
func dashed(s string) string {
	lines := strings.Split(s, "\n")
	if len(lines) < 2 {
		return s
	}
	for i, l := range lines {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "-") {
			lines[i] = "- " + l
		}
	}
	return strings.Join(lines, "\n")
}
