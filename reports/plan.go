package reports

import (
	"fmt"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdfdoc"
)

// PlanInput is what the year's inspection plan prints.
type PlanInput struct {
	Office data.Office
	Plan   data.InspectionPlan
	// Visits of the plan's year, in date order.
	Visits []data.Visit
	// Units names the units by code.
	Units map[string]string
	// Templates are the checklist versions the visits use, in the order
	// they are first used: the plan's content is their sections.
	Templates []data.Template
	// Created fixes the PDF's creation date (tests); zero means now.
	Created time.Time
}

// Plan prints the year's inspection plan (kế hoạch kiểm tra, symbol KH) in
// the layout of Decree 30/2020: the purpose and requirements, the content
// (the sections of the checklist the teams use), the units to inspect with
// date and team leader in a table, the team, how it is carried out, the
// recipients and the signature. Parts with nothing to say are left out and
// the others numbered on.
func Plan(in PlanInput) ([]byte, error) {
	p, o := in.Plan, in.Office
	if p.Year == 0 {
		return nil, data.Errorf(data.EINVALID, "Kế hoạch kiểm tra: chưa chọn năm")
	}
	title := p.Title
	if strings.TrimSpace(title) == "" {
		title = data.PlanTitle(p.Year)
	}
	doc := pdfdoc.New(pdfdoc.Options{Title: "Kế hoạch " + data.LowerFirst(title), Author: o.Name, Created: in.Created})
	doc.Heading(heading(o, p.Number, "KH", p.Date))
	doc.Title("KẾ HOẠCH", title)
	// The plan opens as the form does, saying who issues it and for what,
	// before its parts.
	who := data.OfficeShortName(o)
	if who == "" {
		who = "Cơ quan"
	}
	doc.Paragraph(fmt.Sprintf("Thực hiện nhiệm vụ cải cách hành chính năm %d, %s ban hành Kế hoạch %s như sau:", p.Year, who, data.LowerFirst(title)))

	part := 0
	section := func(s string) {
		part++
		doc.Section(data.Roman(part) + ". " + s)
	}
	if p.Purpose != "" {
		section("MỤC ĐÍCH, YÊU CẦU")
		doc.Paragraph(dashed(p.Purpose))
	}
	if len(in.Templates) > 0 {
		section("NỘI DUNG KIỂM TRA")
		for _, t := range in.Templates {
			doc.Paragraph(fmt.Sprintf("Kiểm tra theo %s (mẫu %s, phiên bản %d), gồm %s nội dung:", data.LowerFirst(t.Title), t.ID, t.Version, data.FormatCount(int64(t.ItemCount()))))
			var items []string
			for i, s := range t.Sections {
				end := ";"
				if i == len(t.Sections)-1 {
					end = "."
				}
				items = append(items, fmt.Sprintf("%d. %s (%s nội dung)%s", i+1, s.Title, data.FormatCount(int64(len(s.Items))), end))
			}
			// A short list stays on one page.
			doc.Para(pdfdoc.Para{Text: strings.Join(items, "\n"), Indent: pdfdoc.ParagraphIndent, After: -1, KeepTogether: len(items) <= 10})
			doc.Space(2)
		}
	}

	section("ĐƠN VỊ, THỜI GIAN KIỂM TRA")
	if len(in.Visits) == 0 {
		doc.Paragraph("Lịch kiểm tra các đơn vị sẽ được thông báo sau.")
	} else {
		doc.Para(pdfdoc.Para{Text: fmt.Sprintf("Đoàn kiểm tra làm việc tại %s đơn vị theo lịch sau:", data.FormatCount(int64(len(in.Visits)))),
			Indent: pdfdoc.ParagraphIndent, KeepWithNext: tableLead})
		var rows []pdfdoc.Row
		for i, v := range in.Visits {
			unit := in.Units[v.Unit]
			if unit == "" {
				unit = v.Unit
			}
			rows = append(rows, pdfdoc.Row{Cells: []string{fmt.Sprint(i + 1), unit, data.FormatDate(v.Date), v.Leader().Name}})
		}
		doc.Table(pdfdoc.Table{
			Columns: []pdfdoc.Column{
				{Header: "STT", Width: 11, Align: pdfdoc.Center},
				{Header: "Đơn vị được kiểm tra"},
				{Header: "Ngày kiểm tra", Width: 30, Align: pdfdoc.Center},
				{Header: "Trưởng đoàn", Width: 50},
			},
			Rows: rows,
		})
	}

	if team := planTeam(in.Visits); len(team) > 0 {
		section("THÀNH PHẦN ĐOÀN KIỂM TRA")
		var members []string
		for i, m := range team {
			end := ";"
			if i == len(team)-1 {
				end = "."
			}
			members = append(members, "- "+teamMember(m)+end)
		}
		// No member of the team is carried alone to the next page.
		doc.Para(pdfdoc.Para{Text: strings.Join(members, "\n"), Indent: pdfdoc.ParagraphIndent, After: -1, KeepTogether: len(members) <= 10})
		doc.Space(2)
	}
	if p.Organisation != "" {
		section("TỔ CHỨC THỰC HIỆN")
		doc.Paragraph(dashed(p.Organisation))
	}

	endSentence(doc, "Trên đây là Kế hoạch "+data.LowerFirst(title)+ofOffice(o)+"./.")

	recipients := o.Recipients
	if len(recipients) == 0 {
		recipients = DefaultRecipients
	}
	doc.Closing(recipients, pdfdoc.Signer{Title: o.SignerTitle, Name: o.Signer})
	return doc.Output()
}

// planTeam is everyone on the year's teams, in the order they first
// appear, each once (by name).
func planTeam(visits []data.Visit) []data.Member {
	var team []data.Member
	seen := map[string]bool{}
	for _, v := range visits {
		for _, m := range v.Team {
			if m.Name == "" || seen[m.Name] {
				continue
			}
			seen[m.Name] = true
			team = append(team, m)
		}
	}
	return team
}
