package reports

import (
	"fmt"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdfdoc"
)

// VisitInput is what the blank checklist and the inspection record print
// for one visit.
type VisitInput struct {
	Office   data.Office
	Unit     data.Unit
	Visit    data.Visit
	Template data.Template // the version the visit was made with
	// Plan is the year's inspection plan the visit carries out; the
	// record cites its number and date. Zero when there is none.
	Plan data.InspectionPlan
	// Created fixes the PDF's creation date (reproducible files in tests);
	// zero means now.
	Created time.Time
}

func (in *VisitInput) check() error {
	if in.Template.ItemCount() == 0 {
		return data.Errorf(data.EINVALID, "Đợt kiểm tra %s: mẫu phiếu kiểm tra chưa có câu hỏi nào", in.Visit.ID)
	}
	if in.Visit.Template != in.Template.ID || in.Visit.TemplateVersion != in.Template.Version {
		return data.Errorf(data.EINVALID, "Đợt kiểm tra %s dùng mẫu phiếu %s phiên bản %d, không phải %s phiên bản %d",
			in.Visit.ID, in.Visit.Template, in.Visit.TemplateVersion, in.Template.ID, in.Template.Version)
	}
	return nil
}

// Checklist geometry, mm.
const (
	ckTickWidth  = 14.0 // one answer box: Đạt, Không đạt, Không áp dụng
	ckCodeWidth  = 11.0
	ckNoteWidth  = 44.0
	ckWriteLines = 3 // a row leaves at least this many lines to write in
)

// Checklist prints the blank checklist a team takes to a visit: the unit,
// date and team filled in; each item with what to check, three boxes to
// tick by hand (đạt, không đạt, không áp dụng) and room for notes or the
// figure asked; lines for general remarks and recommendations; the two
// signatures.
func Checklist(in VisitInput) ([]byte, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	o, v, t := in.Office, in.Visit, in.Template
	doc := pdfdoc.New(pdfdoc.Options{
		Title:   fmt.Sprintf("%s - %s - %s", t.Title, in.Unit.Name, data.FormatDate(v.Date)),
		Author:  o.Name,
		Created: in.Created,
	})
	doc.Heading(pdfdoc.Heading{Superior: o.Superior, Office: o.Name, DateLine: dateLine(o.Place, v.Date)})
	doc.Title(t.Title, fmt.Sprintf("Năm %d", v.Year))

	field := func(label, value string) {
		doc.Para(pdfdoc.Para{Text: label + ": " + value, Align: pdfdoc.Left, After: -1})
	}
	field("Đơn vị được kiểm tra", in.Unit.Name)
	field("Thời gian kiểm tra", "ngày "+data.FormatDate(v.Date))
	if ref := planRef(o, in.Plan); ref != "" {
		field("Căn cứ", ref)
	}
	doc.Para(pdfdoc.Para{Text: "Đoàn kiểm tra:", Align: pdfdoc.Left, After: -1, KeepWithNext: 1})
	team := make([]string, len(v.Team))
	for i, m := range v.Team {
		team[i] = fmt.Sprintf("%d. %s", i+1, teamMember(m))
	}
	if len(team) > 0 {
		doc.Para(pdfdoc.Para{Text: strings.Join(team, "\n"), Align: pdfdoc.Left, Indent: pdfdoc.ParagraphIndent, After: -1, KeepTogether: len(team) <= 12})
	}
	head := handDots(doc, 60)
	if v.UnitHead.Name != "" || v.UnitHead.Title != "" {
		head = teamMember(v.UnitHead)
	}
	field("Đại diện đơn vị được kiểm tra", head)
	doc.Para(pdfdoc.Para{
		Text: fmt.Sprintf("Cách ghi: đánh dấu (x) vào một trong ba ô Đạt, Không đạt, Không áp dụng; ghi số liệu và nhận xét vào cột Ghi chú. "+
			"Mẫu phiếu %s, phiên bản %d; đợt kiểm tra số %s.", t.ID, t.Version, v.ID),
		Style: pdfdoc.Italic, Size: 11, Align: pdfdoc.Justify,
	})

	doc.Table(pdfdoc.Table{
		Columns: []pdfdoc.Column{
			{Header: "Mã", Width: ckCodeWidth, Align: pdfdoc.Center},
			{Header: "Nội dung kiểm tra"},
			{Header: "Đạt", Width: ckTickWidth, Align: pdfdoc.Center},
			{Header: "Không đạt", Width: ckTickWidth, Align: pdfdoc.Center},
			{Header: "Không áp dụng", Width: ckTickWidth, Align: pdfdoc.Center},
			{Header: "Ghi chú, số liệu", Width: ckNoteWidth},
		},
		Rows: checklistRows(&t),
	})

	// The remarks stay with the table's last rows: the page the team signs
	// holds questions, not only lines to write on.
	doc.Space(2)
	doc.Para(pdfdoc.Para{Text: "Nhận xét chung:", Style: pdfdoc.Bold, Align: pdfdoc.Left, Indent: pdfdoc.ParagraphIndent, KeepWithNext: 1, KeepWithPrevious: true})
	handLines(doc, 4)
	doc.Section("Kiến nghị (nội dung, đơn vị thực hiện, thời hạn):")
	handLines(doc, 4)
	doc.Signatures(
		pdfdoc.Signer{Title: "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA", Hint: "(Ký, ghi rõ họ tên)", Name: v.UnitHead.Name},
		pdfdoc.Signer{Title: "TRƯỞNG ĐOÀN KIỂM TRA", Hint: "(Ký, ghi rõ họ tên)", Name: v.Leader().Name},
	)
	return doc.Output()
}

func checklistRows(t *data.Template) []pdfdoc.Row {
	var rows []pdfdoc.Row
	for _, s := range t.Sections {
		rows = append(rows, sectionRow(s))
		for _, it := range s.Items {
			q := it.Question
			if c := checklistCheck(&it); c != "" {
				q += "\n" + c
			}
			// No-break spaces keep the empty lines: the row stays tall
			// enough to write in.
			note := make([]string, ckWriteLines)
			for i := range note {
				note[i] = nbsp
			}
			if it.Kind == data.AnswerNumber {
				unit := it.Unit
				if unit == "" {
					unit = "số"
				}
				note[0] = "Số liệu (" + unit + "):"
			}
			tick := ""
			if it.Kind == data.AnswerNumber {
				tick = "—" // a figure, not a box to tick
			}
			rows = append(rows, pdfdoc.Row{Cells: []string{it.Code, q, tick, tick, "", strings.Join(note, "\n")}})
		}
	}
	return rows
}

// sectionRow is a section's title across the table, kept on the page of
// its first item: a title never ends a page alone.
func sectionRow(s data.ChecklistSection) pdfdoc.Row {
	return pdfdoc.Row{Cells: []string{checklistSection(s)}, Span: true, Bold: true, KeepWithNext: len(s.Items) > 0}
}

// checklistSection is "I. Công khai thủ tục hành chính".
func checklistSection(s data.ChecklistSection) string {
	if s.Code == "" {
		return s.Title
	}
	return s.Code + ". " + s.Title
}

// checklistCheck says what to check and the criterion at stake.
func checklistCheck(it *data.ChecklistItem) string {
	var parts []string
	if it.Check != "" {
		parts = append(parts, "Kiểm tra: "+strings.ReplaceAll(it.Check, "\n", "; "))
	}
	if it.Criterion != "" {
		parts = append(parts, "tiêu chí "+it.Criterion)
	}
	s := strings.Join(parts, "; ")
	if s != "" && it.Check == "" {
		s = "Liên quan " + s
	}
	return s
}

// teamMember is "Hoàng Thị Lan, Phó Giám đốc Sở Nội vụ, Trưởng đoàn".
func teamMember(m data.Member) string {
	switch {
	case m.Name == "":
		return handDotsText(40) + ", " + m.Title
	case m.Title == "":
		return m.Name
	}
	return m.Name + ", " + m.Title
}

// handDots is a dotted line about mm millimetres long, to write on by hand.
func handDots(doc *pdfdoc.Doc, mm float64) string {
	w := doc.MeasureText(".", pdfdoc.Regular, 0)
	if w <= 0 {
		return handDotsText(40)
	}
	return strings.Repeat(".", int(mm/w))
}

func handDotsText(n int) string { return strings.Repeat(".", n) }

// handLines draws n dotted lines across the page for handwriting.
func handLines(doc *pdfdoc.Doc, n int) {
	line := handDots(doc, doc.TextWidth()-1)
	lines := make([]string, n)
	for i := range lines {
		lines[i] = line
	}
	doc.Para(pdfdoc.Para{Text: strings.Join(lines, "\n"), Align: pdfdoc.Left, After: 2, KeepTogether: true})
}
