package reports

import (
	"fmt"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdfdoc"
)

// OneStopInput is what the one-stop report prints.
type OneStopInput struct {
	Office data.Office
	// Number is the document number ("Số: 15/BC-SNV"); blank leaves room to
	// write it by hand.
	Number string
	// Date of the document; zero leaves it to be written by hand.
	Date time.Time
	// GroupName names the units reported on inside a sentence ("các huyện,
	// thành phố"); empty for all units.
	GroupName string
	Summary   data.OneStopSummary
	// Created fixes the PDF's creation date (tests); zero means now.
	Created time.Time
}

// belowMark follows a rate that misses its target in the tables.
const belowMark = "*"

// OneStop prints "Báo cáo kết quả giải quyết thủ tục hành chính" for a
// period: the office's totals with every rate against the year's targets,
// a bar chart of the on-time and online rates by unit, and on landscape
// pages the counts and the rates of every unit, rates below their target
// marked, with the formulas.
func OneStop(in OneStopInput) ([]byte, error) {
	s := in.Summary
	if err := s.Period.Validate(); err != nil {
		return nil, err
	}
	if len(s.Rows) == 0 {
		return nil, data.Errorf(data.ENOTFOUND, "Không có đơn vị nào để báo cáo số liệu một cửa %s", s.Period.Label())
	}
	o := in.Office
	group := data.LowerFirst(strings.TrimSpace(in.GroupName))
	title := "Kết quả giải quyết thủ tục hành chính " + s.Period.Label()
	doc := pdfdoc.New(pdfdoc.Options{Title: "Báo cáo " + data.LowerFirst(title), Author: o.Name, Created: in.Created})
	doc.Heading(heading(o, in.Number, "BC", in.Date))
	doc.Title("BÁO CÁO", title)

	who := ""
	if group != "" {
		who = " (" + group + ")"
	}
	intro := fmt.Sprintf("Tổng hợp số liệu do %s/%s đơn vị%s báo cáo",
		data.FormatCount(int64(s.Reported)), data.FormatCount(int64(len(s.Rows))), who)
	if missing := unreported(s.Rows); len(missing) > 0 {
		intro += " (chưa báo cáo: " + strings.Join(missing, ", ") + ")"
	}
	intro += ", kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính tại Bộ phận một cửa " + s.Period.Label()
	doc.Paragraph(intro + ", như sau:")

	t := &s.Total
	n := func(v int64) string { return data.FormatCount(v) }
	r := func(k data.RateKind) string { return pct(t.Rate(k)) }
	doc.Section("1. Tình hình tiếp nhận, giải quyết hồ sơ")
	doc.Paragraph(fmt.Sprintf("Tổng số hồ sơ phải giải quyết: %s hồ sơ, gồm %s hồ sơ kỳ trước chuyển sang và %s hồ sơ tiếp nhận mới; trong số hồ sơ tiếp nhận mới có %s hồ sơ trực tuyến một phần, %s hồ sơ trực tuyến toàn trình (tỷ lệ trực tuyến %s), %s hồ sơ qua dịch vụ bưu chính công ích và %s hồ sơ trực tiếp.",
		n(t.Carried+t.Received), n(t.Carried), n(t.Received), n(t.OnlinePartial), n(t.OnlineFull), r(data.RateOnline), n(t.ByPost), n(t.InPerson)))
	doc.Paragraph(fmt.Sprintf("Đã giải quyết %s hồ sơ: trước hạn %s, đúng hạn %s, quá hạn %s; tỷ lệ giải quyết đúng hạn %s, trước hạn %s, quá hạn %s. Đang giải quyết %s hồ sơ, trong đó %s hồ sơ quá hạn. Đã gửi %s thư xin lỗi vì hồ sơ quá hạn. Trả %s kết quả qua dịch vụ bưu chính công ích (%s). Tỷ lệ hài lòng: %s trên %s phiếu đánh giá.",
		n(t.Resolved), n(t.Early), n(t.OnTime), n(t.Late), r(data.RateOnTime), r(data.RateEarly), r(data.RateLate),
		n(t.Pending), n(t.PendingOverdue), n(t.Apologies), n(t.PostReturned), r(data.RatePost), r(data.RateSatisfied), n(t.VerySatisfied+t.Satisfied+t.NotSatisfied)))

	doc.Section(fmt.Sprintf("2. Kết quả thực hiện chỉ tiêu năm %d", s.Period.Year))
	if len(s.TotalTargets) == 0 {
		doc.Paragraph(fmt.Sprintf("Năm %d chưa giao chỉ tiêu chung; các tỷ lệ toàn đơn vị như sau:", s.Period.Year))
	}
	doc.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		{Header: "STT", Width: 10, Align: pdfdoc.Center},
		{Header: "Chỉ tiêu"},
		{Header: "Kế hoạch (%)", Width: 22, Align: pdfdoc.Center},
		{Header: "Thực hiện (%)", Width: 22, Align: pdfdoc.Right},
		{Header: "Đánh giá", Width: 22, Align: pdfdoc.Center},
		{Header: "Chênh lệch (điểm %)", Width: 22, Align: pdfdoc.Right},
	}, Rows: targetRows(t, s.TotalTargets)})
	if lines := missedByRate(s.Rows); len(lines) > 0 {
		doc.Para(pdfdoc.Para{Text: "Đơn vị chưa đạt chỉ tiêu (theo chỉ tiêu chung hoặc chỉ tiêu riêng của đơn vị):", Indent: pdfdoc.ParagraphIndent, KeepWithNext: 8})
		for i := range lines {
			lines[i] = "- " + lines[i]
		}
		doc.Para(pdfdoc.Para{Text: strings.Join(lines, "\n"), Indent: pdfdoc.ParagraphIndent, After: 1, KeepTogether: len(lines) <= 6})
	}

	doc.Section("3. Tỷ lệ giải quyết đúng hạn và tỷ lệ tiếp nhận trực tuyến theo đơn vị")
	doc.BarChart(oneStopChart(s))

	doc.AddPage(pdfdoc.Landscape)
	doc.Section("4. Số liệu tiếp nhận, giải quyết hồ sơ theo đơn vị")
	doc.Table(pdfdoc.Table{Columns: countColumns(), Rows: countRows(s), Size: 10})
	doc.Section("5. Các tỷ lệ theo đơn vị (%)")
	doc.Table(pdfdoc.Table{Columns: rateColumns(), Rows: rateRows(s), Size: 10})
	doc.Para(pdfdoc.Para{Text: rateLegend(), Style: pdfdoc.Italic, Size: 11, KeepWithPrevious: true})
	endSentence(doc, "Trên đây là báo cáo "+data.LowerFirst(title)+withGroup(group)+ofOffice(o)+"./.")

	recipients := o.Recipients
	if len(recipients) == 0 {
		recipients = DefaultRecipients
	}
	doc.Closing(recipients, pdfdoc.Signer{Title: o.SignerTitle, Name: o.Signer})
	return doc.Output()
}

// pct prints a rate with its percent sign, "98,00 %", or "—".
func pct(r data.Rate) string {
	if !r.OK {
		return data.NoRate
	}
	return r.String() + nbsp + "%"
}

func unreported(rows []data.OneStopRow) []string {
	var out []string
	for _, r := range rows {
		if !r.Reported {
			out = append(out, unitInSentence(r.Unit.Name))
		}
	}
	return out
}

// targetRows lists every rate of the totals with the office's target.
func targetRows(t *data.OneStopFigures, targets map[data.RateKind]data.Percent) []pdfdoc.Row {
	var rows []pdfdoc.Row
	for i, d := range data.OneStopRates {
		v := data.Judge(t, d.Kind, targets)
		target, mark := v.TargetString(), v.Mark()
		if v.Status == data.NoTarget {
			mark = "Không giao"
		}
		rows = append(rows, pdfdoc.Row{Cells: []string{fmt.Sprint(i + 1), d.Name, target, v.Rate.String(), mark, v.GapString()}})
	}
	return rows
}

// missedByRate says, for each rate some unit misses, which units miss it:
// "Tỷ lệ hồ sơ tiếp nhận trực tuyến: 3/10 đơn vị (Huyện A, Huyện B, Huyện C)".
func missedByRate(rows []data.OneStopRow) []string {
	var out []string
	for _, d := range data.OneStopRates {
		var names []string
		judged := 0
		for i := range rows {
			switch rows[i].Verdict(d.Kind).Status {
			case data.NotMet:
				names = append(names, unitInSentence(rows[i].Unit.Name))
				judged++
			case data.Met:
				judged++
			}
		}
		if len(names) > 0 {
			out = append(out, fmt.Sprintf("%s: %s/%s đơn vị (%s).", d.Name, data.FormatCount(int64(len(names))), data.FormatCount(int64(judged)), strings.Join(names, ", ")))
		}
	}
	return out
}

// oneStopChart draws each unit's on-time and online rates, the office's
// total last, with each unit's targets as ticks.
func oneStopChart(s data.OneStopSummary) pdfdoc.BarChart {
	kinds := []data.RateKind{data.RateOnTime, data.RateOnline}
	c := pdfdoc.BarChart{Max: 100, Step: 20, Unit: nbsp + "%", TargetLegend: "Chỉ tiêu"}
	for _, k := range kinds {
		d, _ := data.RateDefOf(k)
		c.Series = append(c.Series, pdfdoc.BarSeries{Name: d.Name})
	}
	add := func(name string, f *data.OneStopFigures, targets map[data.RateKind]data.Percent) {
		c.Categories = append(c.Categories, name)
		for i, k := range kinds {
			v := data.Judge(f, k, targets)
			b := pdfdoc.Bar{Value: float64(v.Rate.Value) / 100, Label: v.Rate.String(), Missing: !v.Rate.OK}
			if v.Status == data.NotMet {
				b.Label += belowMark
			}
			if v.Status != data.NoTarget {
				b.Target, b.HasTarget = float64(v.Target)/100, true
			}
			c.Series[i].Bars = append(c.Series[i].Bars, b)
		}
	}
	for i := range s.Rows {
		add(s.Rows[i].Unit.Name, &s.Rows[i].Figures, s.Rows[i].Targets)
	}
	add("Tổng cộng", &s.Total, s.TotalTargets)
	c.Note = "Ghi chú: số ghi cuối mỗi thanh là tỷ lệ (%); dấu (*) là chưa đạt chỉ tiêu; vạch đứng là chỉ tiêu của đơn vị; — là không có số liệu để tính (không có hồ sơ)."
	return c
}

func countColumns() []pdfdoc.Column {
	c := func(h, g string) pdfdoc.Column {
		return pdfdoc.Column{Header: h, Group: g, Width: 15, Align: pdfdoc.Right}
	}
	return []pdfdoc.Column{
		{Header: "STT", Width: 11, Align: pdfdoc.Center},
		{Header: "Đơn vị"},
		c("Kỳ trước chuyển sang", ""),
		c("Tổng", "Tiếp nhận mới"), c("Trực tuyến một phần", "Tiếp nhận mới"), c("Trực tuyến toàn trình", "Tiếp nhận mới"),
		c("Qua BCCI", "Tiếp nhận mới"), c("Trực tiếp", "Tiếp nhận mới"),
		c("Tổng", "Đã giải quyết"), c("Trước hạn", "Đã giải quyết"), c("Đúng hạn", "Đã giải quyết"), c("Quá hạn", "Đã giải quyết"),
		c("Trong hạn", "Đang giải quyết"), c("Quá hạn", "Đang giải quyết"),
		c("Thư xin lỗi", ""),
	}
}

func countCells(f *data.OneStopFigures) []string {
	out := make([]string, 0, 13)
	for _, v := range []int64{f.Carried, f.Received, f.OnlinePartial, f.OnlineFull, f.ByPost, f.InPerson,
		f.Resolved, f.Early, f.OnTime, f.Late, f.PendingInTime, f.PendingOverdue, f.Apologies} {
		out = append(out, data.FormatCount(v))
	}
	return out
}

func countRows(s data.OneStopSummary) []pdfdoc.Row {
	var rows []pdfdoc.Row
	for i := range s.Rows {
		r := &s.Rows[i]
		cells := []string{fmt.Sprint(i + 1), r.Unit.Name}
		if r.Reported {
			cells = append(cells, countCells(&r.Figures)...)
		} else {
			cells[1] += " (chưa báo cáo)"
		}
		rows = append(rows, pdfdoc.Row{Cells: cells})
	}
	return append(rows, pdfdoc.Row{Cells: append([]string{"", "Tổng cộng"}, countCells(&s.Total)...), Bold: true})
}

func rateColumns() []pdfdoc.Column {
	cols := []pdfdoc.Column{{Header: "STT", Width: 11, Align: pdfdoc.Center}, {Header: "Đơn vị"}}
	for _, d := range data.OneStopRates {
		cols = append(cols, pdfdoc.Column{Header: d.Short, Width: 15.5, Align: pdfdoc.Right})
	}
	return append(cols, pdfdoc.Column{Header: "Chỉ tiêu đạt", Width: 16, Align: pdfdoc.Center})
}

// rateCells prints every rate, followed by "*" when it misses its target,
// and how many of the judged targets are met: "2/3".
func rateCells(f *data.OneStopFigures, targets map[data.RateKind]data.Percent) []string {
	var out []string
	met, judged := 0, 0
	for _, d := range data.OneStopRates {
		v := data.Judge(f, d.Kind, targets)
		s := v.Rate.String()
		switch v.Status {
		case data.NotMet:
			s += belowMark
			judged++
		case data.Met:
			met++
			judged++
		}
		out = append(out, s)
	}
	if judged == 0 {
		return append(out, data.NoRate)
	}
	return append(out, fmt.Sprintf("%d/%d", met, judged))
}

func rateRows(s data.OneStopSummary) []pdfdoc.Row {
	var rows []pdfdoc.Row
	for i := range s.Rows {
		r := &s.Rows[i]
		name := r.Unit.Name
		if !r.Reported {
			name += " (chưa báo cáo)"
		}
		rows = append(rows, pdfdoc.Row{Cells: append([]string{fmt.Sprint(i + 1), name}, rateCells(&r.Figures, r.Targets)...)})
	}
	return append(rows, pdfdoc.Row{Cells: append([]string{"", "Tổng cộng"}, rateCells(&s.Total, s.TotalTargets)...), Bold: true})
}

// rateLegend gives every rate's formula, the marks and the rule for the
// totals.
func rateLegend() string {
	var parts []string
	for _, d := range data.OneStopRates {
		parts = append(parts, fmt.Sprintf("%s = %s", d.Short, d.Formula))
	}
	return "Ghi chú: mỗi tỷ lệ = tử số / mẫu số × 100" + nbsp + "%, làm tròn hai chữ số thập phân: " + strings.Join(parts, "; ") +
		". Dấu (*): chưa đạt chỉ tiêu (chỉ tiêu riêng của đơn vị nếu có, không thì chỉ tiêu chung); tỷ lệ quá hạn đạt khi không vượt chỉ tiêu. " +
		"Dấu —: không có số liệu để tính (mẫu số bằng 0). Dòng tổng cộng cộng các số liệu của đơn vị rồi tính lại tỷ lệ, không lấy bình quân các tỷ lệ."
}
