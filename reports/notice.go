package reports

import (
	"fmt"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdfdoc"
)

// NoticeInput is what the appraisal notice to a unit prints.
type NoticeInput struct {
	Office data.Office
	// Number is the document number, "12": printed "Số: 12/TB-<Abbrev>";
	// blank leaves room to write it by hand.
	Number string
	// Date of the document; zero leaves it to be written by hand.
	Date time.Time
	// Created fixes the PDF's creation date (tests); zero means now.
	Created   time.Time
	Framework *data.Framework
	Unit      data.Unit
	Sheet     *data.Sheet
	// Appraisal holds the deadline to explain, the submission date and the
	// explanations: a criterion explained prints the appraisal the unit
	// answered, even after a re-appraisal changed it.
	Appraisal *data.Appraisal
}

// noticeLine is one criterion the notice lists.
type noticeLine struct {
	c               *data.Criterion
	self, appraised data.Points
	reason          string
}

// Notice prints the appraisal notice (thông báo kết quả thẩm định) to a
// unit: its self-assessed total, the appraised total, index and rating,
// each criterion appraised below the unit's claim with the office's reason
// (the note of the appraisal), and the date by which the unit explains.
func Notice(in NoticeInput) ([]byte, error) {
	f := in.Framework
	if f == nil || len(f.Areas) == 0 {
		return nil, data.Errorf(data.EINVALID, "Chưa có bộ chỉ số để in thông báo kết quả thẩm định")
	}
	a := in.Appraisal
	if a == nil || a.Deadline.IsZero() {
		return nil, data.Errorf(data.EINVALID, "Thông báo kết quả thẩm định của %s: chưa có hạn giải trình", in.Unit.Name)
	}
	notified, lines := noticeLines(f, in.Sheet, a)
	res := data.Evaluate(f, in.Unit, notified)
	o := in.Office
	unit := unitName(in.Unit)
	unitInText := unitInSentence(unit)

	summary := fmt.Sprintf("Kết quả thẩm định Chỉ số cải cách hành chính năm %d của %s", f.Year, unitInText)
	doc := pdfdoc.New(pdfdoc.Options{
		Title:   "Thông báo " + data.LowerFirst(summary),
		Subject: "Thông báo kết quả thẩm định Chỉ số cải cách hành chính",
		Author:  o.Name,
		Created: in.Created,
	})
	doc.Heading(heading(o, in.Number, "TB", in.Date))
	doc.Title("THÔNG BÁO", summary)

	intro := "Căn cứ"
	if t := strings.TrimSpace(f.Title); t != "" {
		intro += " " + t + " và"
	}
	intro += " hồ sơ tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm " + fmt.Sprint(f.Year) + " của " + unitInText
	if d := a.Dates[data.StatusSubmitted]; !d.IsZero() {
		intro += " (nộp ngày " + data.FormatDate(d) + ")"
	}
	by := data.OfficeShortName(o)
	if by == "" {
		by = "Hội đồng thẩm định"
	}
	intro += ", " + by + " thông báo kết quả thẩm định như sau:"
	doc.Para(pdfdoc.Para{Text: intro, Indent: pdfdoc.ParagraphIndent})

	selfTotal := selfTotal(f, in.Sheet)
	doc.Section("1. Kết quả thẩm định")
	doc.Para(pdfdoc.Para{Text: strings.Join([]string{
		fmt.Sprintf("- Tổng điểm tự đánh giá: %s/%s điểm.", selfTotal, f.Max().Short()),
		fmt.Sprintf("- Tổng điểm thẩm định: %s/%s điểm; Chỉ số cải cách hành chính: %s%s%%; xếp loại: %s.", res.Total, f.Max().Short(), res.Index, nbsp, res.Rating),
	}, "\n"), Indent: pdfdoc.ParagraphIndent, KeepTogether: true})

	doc.Section(fmt.Sprintf("2. Các tiêu chí có điểm thẩm định thấp hơn điểm tự đánh giá (%s tiêu chí)", data.FormatCount(int64(len(lines)))))
	deadline := data.FormatDate(a.Deadline)
	if len(lines) == 0 {
		doc.Para(pdfdoc.Para{Text: "Không có tiêu chí nào có điểm thẩm định thấp hơn điểm tự đánh giá của đơn vị.", Indent: pdfdoc.ParagraphIndent})
	} else {
		rows := make([]pdfdoc.Row, 0, len(lines)+1)
		var lost data.Points
		for _, l := range lines {
			rows = append(rows, pdfdoc.Row{Cells: []string{l.c.Code, l.c.Title, l.c.Max.String(), l.self.String(), l.appraised.String(), (l.self - l.appraised).String(), l.reason}})
			lost += l.self - l.appraised
		}
		rows = append(rows, pdfdoc.Row{Bold: true, Cells: []string{"", "Cộng", "", "", "", lost.String(), ""}})
		doc.Table(pdfdoc.Table{Columns: noticeColumns(), Rows: rows, Size: 10.5})
	}

	doc.Section("3. Giải trình")
	var ask string
	if len(lines) > 0 {
		ask = fmt.Sprintf("Trường hợp không thống nhất với kết quả thẩm định các tiêu chí nêu trên, đề nghị %s giải trình bằng văn bản, kèm tài liệu kiểm chứng, gửi về %s trước ngày %s. Quá thời hạn trên, đơn vị không giải trình thì kết quả thẩm định được giữ nguyên.",
			unitInText, orOffice(by), deadline)
	} else {
		ask = fmt.Sprintf("Ý kiến của %s về kết quả thẩm định (nếu có) gửi về %s trước ngày %s.", unitInText, orOffice(by), deadline)
	}
	doc.Para(pdfdoc.Para{Text: ask, Indent: pdfdoc.ParagraphIndent})
	endSentence(doc, by+" thông báo để "+unitInText+" biết, thực hiện./.")

	doc.Closing([]string{"- " + unitBody(unit) + ";", noticeKeep(o)}, pdfdoc.Signer{Title: o.SignerTitle, Name: o.Signer})
	return doc.Output()
}

func orOffice(name string) string {
	if name == "Hội đồng thẩm định" {
		return "cơ quan thẩm định"
	}
	return name
}

// noticeKeep is the office's filing line, "- Lưu: VT." by default.
func noticeKeep(o data.Office) string {
	for _, r := range o.Recipients {
		t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(r), "-"))
		if strings.HasPrefix(t, "Lưu") {
			return "- " + t
		}
	}
	return "- Lưu: VT."
}

// noticeColumns fit a portrait page.
func noticeColumns() []pdfdoc.Column {
	const g = "Điểm"
	return []pdfdoc.Column{
		{Header: "Mã", Width: 11, Align: pdfdoc.Center},
		{Header: "Tiêu chí"},
		{Header: "Tối đa", Group: g, Width: 13, Align: pdfdoc.Right},
		{Header: "Tự đánh giá", Group: g, Width: 17, Align: pdfdoc.Right},
		{Header: "Thẩm định", Group: g, Width: 16, Align: pdfdoc.Right},
		{Header: "Chênh lệch", Group: g, Width: 16, Align: pdfdoc.Right},
		{Header: "Lý do", Width: 42},
	}
}

// noticeLines returns the sheet as notified (a criterion explained with
// the appraisal the unit answered) and the criteria appraised below the
// unit's claim, in framework order.
func noticeLines(f *data.Framework, s *data.Sheet, a *data.Appraisal) (*data.Sheet, []noticeLine) {
	if s == nil {
		s = data.NewSheet(f.Year, a.Unit)
	}
	notified := &data.Sheet{Year: s.Year, Unit: s.Unit, Published: s.Published, Scores: make(map[string]data.Score, len(s.Scores))}
	for code, sc := range s.Scores {
		if e, ok := a.Explanations[code]; ok {
			p := e.Appraised
			sc.Appraised = &p
		}
		notified.Scores[code] = sc
	}
	var lines []noticeLine
	for _, c := range data.Disputed(f, notified) {
		sc := notified.Scores[c.Code]
		lines = append(lines, noticeLine{c: c, self: *sc.Self, appraised: *sc.Appraised, reason: strings.TrimSpace(sc.Note)})
	}
	return notified, lines
}

// selfTotal is the self-assessed total, computed as the unit total is.
func selfTotal(f *data.Framework, s *data.Sheet) data.Points {
	self := data.NewSheet(f.Year, "")
	if s != nil {
		for code, sc := range s.Scores {
			self.Scores[code] = data.Score{Appraised: sc.Self}
		}
	}
	return data.Evaluate(f, data.Unit{}, self).Total
}
