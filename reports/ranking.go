// Package reports builds ParDesk's printed documents from domain values:
// each builder takes data types and returns the bytes of a PDF file laid
// out by package pdfdoc in the national layout of Decree 30/2020.
package reports

import (
	"fmt"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdfdoc"
)

// nbsp keeps a number with its unit ("81,40 %") on one line.
const nbsp = "\u00a0"

// DefaultRecipients is the "Nơi nhận:" list used when the office has none.
var DefaultRecipients = []string{"- Như trên;", "- Lưu: VT."}

// RankingInput is what the ranking summary prints.
type RankingInput struct {
	Office data.Office
	// Number is the document number, "12": printed "Số: 12/BC-<Abbrev>";
	// blank leaves room to write it by hand.
	Number string
	// Date of the document; zero leaves day, month and year to be written
	// by hand.
	Date time.Time
	// Year evaluated; 0 means the framework's year.
	Year int
	// GroupName names the ranked group: "các xã, thị trấn".
	GroupName string
	Framework *data.Framework
	// Results are ranked already, in rank order.
	Results []data.Result
	// Created fixes the PDF's creation date (reproducible files in tests);
	// zero means now.
	Created time.Time
}

// Ranking prints the ranking summary: heading, title, a short account of
// the results (units, average, best and worst, how many in each rating),
// the ranking table (one column per area, total, index, rating, rank
// change) with a legend of the area columns, and the closing.
func Ranking(in RankingInput) ([]byte, error) {
	f := in.Framework
	if f == nil || len(f.Areas) == 0 {
		return nil, data.Errorf(data.EINVALID, "Chưa có bộ chỉ số để in báo cáo xếp hạng")
	}
	year := in.Year
	if year == 0 {
		year = f.Year
	}
	o := in.Office
	// Group names are kept as the officer typed them ("Các huyện, thành phố");
	// here they stand inside a sentence.
	group := data.LowerFirst(strings.TrimSpace(in.GroupName))

	cols := rankingColumns(f)
	orientation := pdfdoc.Portrait
	fixed := 0.0
	for _, c := range cols {
		fixed += c.Width
	}
	if fixed+minNameWidth > portraitTextWidth {
		orientation = pdfdoc.Landscape
	}

	title := fmt.Sprintf("Kết quả xếp hạng Chỉ số cải cách hành chính năm %d", year)
	doc := pdfdoc.New(pdfdoc.Options{
		Orientation: orientation,
		Title:       "Báo cáo " + data.LowerFirst(title) + withGroup(group),
		Author:      o.Name,
		Created:     in.Created,
	})
	doc.Heading(heading(o, in.Number, "BC", in.Date))
	var summary []string
	summary = append(summary, title)
	if group != "" {
		summary = append(summary, "của "+group)
	}
	doc.Title("BÁO CÁO", summary...)

	intro := rankingIntro(f, year, group, in.Results)
	for _, p := range intro[:len(intro)-1] {
		doc.Para(pdfdoc.Para{Text: p, Indent: pdfdoc.ParagraphIndent})
	}
	// The key of the area columns stands above the table, on the page the
	// table starts on; it, "... như sau:" and the table's header and first
	// row stay together.
	doc.Para(pdfdoc.Para{Text: intro[len(intro)-1], Indent: pdfdoc.ParagraphIndent, KeepWithNext: tableLead})
	doc.Para(pdfdoc.Para{Text: rankingKey(f), Style: pdfdoc.Italic, Size: 11, KeepWithNext: tableLead})
	doc.Table(pdfdoc.Table{Columns: cols, Rows: rankingRows(f, in.Results)})
	doc.Para(pdfdoc.Para{Text: rankingNotes(f, year, in.Results), Style: pdfdoc.Italic, Size: 11, KeepWithPrevious: true})
	endSentence(doc, fmt.Sprintf("Trên đây là báo cáo kết quả xếp hạng Chỉ số cải cách hành chính năm %d%s%s./.", year, withGroup(group), ofOffice(o)))

	recipients := o.Recipients
	if len(recipients) == 0 {
		recipients = DefaultRecipients
	}
	doc.Closing(recipients, pdfdoc.Signer{Title: o.SignerTitle, Name: o.Signer})
	return doc.Output()
}

// Table geometry, mm.
const (
	portraitTextWidth = 210 - pdfdoc.MarginLeft - pdfdoc.MarginRight
	minNameWidth      = 45.0
	tableLead         = 22.0 // header and one row of the ranking table
)

func rankingColumns(f *data.Framework) []pdfdoc.Column {
	cols := []pdfdoc.Column{
		{Header: "Hạng", Width: 12, Align: pdfdoc.Center},
		{Header: "Đơn vị", Align: pdfdoc.Left},
	}
	for _, a := range f.Areas {
		cols = append(cols, pdfdoc.Column{Header: a.Code, Group: "Điểm theo lĩnh vực", Width: 13, Align: pdfdoc.Right})
	}
	return append(cols,
		pdfdoc.Column{Header: "Tổng điểm", Width: 17, Align: pdfdoc.Right},
		pdfdoc.Column{Header: "Chỉ số (%)", Width: 17, Align: pdfdoc.Right},
		pdfdoc.Column{Header: "Xếp loại", Width: 21, Align: pdfdoc.Center},
		pdfdoc.Column{Header: "Thay đổi thứ hạng", Width: 22, Align: pdfdoc.Center},
	)
}

func rankingRows(f *data.Framework, results []data.Result) []pdfdoc.Row {
	rows := make([]pdfdoc.Row, 0, len(results))
	for i := range results {
		r := &results[i]
		cells := make([]string, 0, len(f.Areas)+6)
		rank := ""
		if r.Rank > 0 {
			rank = fmt.Sprint(r.Rank)
		}
		cells = append(cells, rank, r.Unit.Name)
		for _, a := range f.Areas {
			cells = append(cells, areaPoints(r, a.Code))
		}
		total, index := r.Total.String(), r.Index.String()
		if r.Published {
			total += "*"
		}
		if r.Unscored {
			total, index = "", ""
			for j := 2; j < len(cells); j++ {
				cells[j] = ""
			}
		}
		change := r.RankChangeLabel()
		if change == "" {
			change = "—"
		}
		cells = append(cells, total, index, r.RatingLabel(), change)
		rows = append(rows, pdfdoc.Row{Cells: cells})
	}
	return rows
}

// areaPoints prints a unit's points in an area; a penalty prints with a
// minus sign.
func areaPoints(r *data.Result, code string) string {
	for _, a := range r.Areas {
		if a.Code != code {
			continue
		}
		if a.Kind == data.KindPenalty && a.Points > 0 {
			return data.Minus + a.Points.String()
		}
		return a.Points.String()
	}
	return ""
}

// rankingIntro is the account above the table. Units not appraised
// ("chưa chấm") are not counted among those evaluated, and said apart.
func rankingIntro(f *data.Framework, year int, group string, all []data.Result) []string {
	results := make([]data.Result, 0, len(all))
	for _, r := range all {
		if !r.Unscored {
			results = append(results, r)
		}
	}
	unscored := len(all) - len(results)
	n := len(results)
	scored := 0
	for _, a := range f.Areas {
		if a.Kind == data.KindScored {
			scored++
		}
	}
	who := "đơn vị"
	if group != "" {
		who = "đơn vị (" + group + ")"
	}
	p1 := fmt.Sprintf("Năm %d, có %s %s được đánh giá, xác định Chỉ số cải cách hành chính theo bộ chỉ số gồm %d lĩnh vực, thang điểm %s.",
		year, data.FormatCount(int64(n)), who, scored, f.Max().Short())
	if unscored > 0 {
		p1 += fmt.Sprintf(" Còn %s đơn vị chưa có điểm thẩm định (%s), không xếp hạng.", data.FormatCount(int64(unscored)), data.NotScored)
	}
	if n == 0 {
		none := fmt.Sprintf("Năm %d chưa có đơn vị nào%s được xác định Chỉ số cải cách hành chính.", year, withGroup(group))
		if unscored > 0 {
			none += fmt.Sprintf(" %s đơn vị có phiếu điểm nhưng %s.", data.UpperFirst(data.FormatCount(int64(unscored))), data.NotScored)
		}
		return []string{none}
	}

	var sum int64
	best, worst := results[0].Index, results[0].Index
	for i := range results {
		sum += int64(results[i].Index)
		best = max(best, results[i].Index)
		worst = min(worst, results[i].Index)
	}
	avg := data.Percent((sum*2 + int64(n)) / (int64(n) * 2)) // half-up
	p2 := fmt.Sprintf("Chỉ số bình quân đạt %s%s%%", avg, nbsp)
	if best != worst {
		p2 += fmt.Sprintf("; cao nhất là %s (%s%s%%), thấp nhất là %s (%s%s%%)",
			unitsAt(results, best), best, nbsp, unitsAt(results, worst), worst, nbsp)
	}
	p2 += ". Về xếp loại: " + data.RatingCounts(f, results) + "."
	return []string{p1, p2, "Kết quả xếp hạng cụ thể như sau:"}
}

// unitsAt names the units whose index is pc: "Xã A", "Xã A, Xã B" or, for
// many ties, "Xã A, Xã B, Xã C và 4 đơn vị khác".
func unitsAt(results []data.Result, pc data.Percent) string {
	var names []string
	others := 0
	for i := range results {
		if results[i].Index != pc {
			continue
		}
		if len(names) < 3 {
			names = append(names, unitInSentence(results[i].Unit.Name))
		} else {
			others++
		}
	}
	s := strings.Join(names, ", ")
	if others > 0 {
		s += fmt.Sprintf(" và %s đơn vị khác", data.FormatCount(int64(others)))
	}
	return s
}

// rankingKey explains the area columns; it is printed above the table.
func rankingKey(f *data.Framework) string {
	var b strings.Builder
	first, last := f.Areas[0].Code, f.Areas[len(f.Areas)-1].Code
	if len(f.Areas) == 1 {
		fmt.Fprintf(&b, "Cột %s là điểm lĩnh vực ", first)
	} else {
		fmt.Fprintf(&b, "Các cột từ %s đến %s là điểm theo lĩnh vực: ", first, last)
	}
	for i, a := range f.Areas {
		if i > 0 {
			b.WriteString("; ")
		}
		kind := ""
		switch a.Kind {
		case data.KindSurvey, data.KindBonus, data.KindPenalty:
			kind = strings.ToLower(a.Kind.Label()) + ", "
		}
		fmt.Fprintf(&b, "%s.%s%s (%stối đa %s%sđiểm)", a.Code, nbsp, a.Title, kind, a.LeafMax().Short(), nbsp)
	}
	b.WriteString(".")
	return b.String()
}

// rankingNotes, under the table: how the index is computed, why a rank
// change is blank, and the totals entered as published.
func rankingNotes(f *data.Framework, year int, results []data.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Ghi chú: Chỉ số = tổng điểm / %s × 100%s%%.", f.Max().Short(), nbsp)
	var own []string // units some criteria do not apply to: their own max
	for _, r := range results {
		if !r.Unscored && r.Max != f.Max() {
			own = append(own, fmt.Sprintf("%s%s%s", r.Unit.Name, ":"+nbsp, r.Max.Short()))
		}
	}
	if len(own) > 0 {
		b.Reset()
		fmt.Fprintf(&b, "Ghi chú: Chỉ số = tổng điểm / điểm tối đa của đơn vị × 100%s%%; điểm tối đa %s, trừ các tiêu chí không áp dụng đối với đơn vị: %s.", nbsp, f.Max().Short(), strings.Join(own, "; "))
	}
	noPrev, ranked := 0, 0 // among the ranked units: "chưa chấm" has no change to show
	for _, r := range results {
		if r.Unscored {
			continue
		}
		ranked++
		if r.RankChangeLabel() == "" {
			noPrev++
		}
	}
	switch {
	case noPrev == 0:
	case noPrev == ranked:
		fmt.Fprintf(&b, " Cột Thay đổi thứ hạng để trống (—) vì chưa có kết quả xếp hạng năm %d để so sánh.", year-1)
	default:
		fmt.Fprintf(&b, " Dấu — ở cột Thay đổi thứ hạng: đơn vị chưa có thứ hạng năm %d (đơn vị mới) để so sánh.", year-1)
	}
	for _, r := range results {
		if r.Published {
			b.WriteString(" (*) Tổng điểm theo số liệu được công bố, không phải tổng các thành phần.")
			break
		}
	}
	return b.String()
}

// endSentence prints the sentence that ends a document's body ("Trên đây
// là báo cáo ...", ending "./." as Decree 30 asks). It stays on the page
// of what precedes it, so that the closing, which keeps it, never stands
// with it alone on the last page.
func endSentence(doc *pdfdoc.Doc, s string) {
	// The last two words go together: "vụ./." is never alone on a line.
	if i := strings.LastIndex(s, " "); i > 0 {
		s = s[:i] + nbsp + s[i+1:]
	}
	doc.Para(pdfdoc.Para{Text: s, Indent: pdfdoc.ParagraphIndent, KeepWithPrevious: true})
}

// ofOffice is " của " and the office's short name, for the closing
// sentence; empty when the office has no name.
func ofOffice(o data.Office) string {
	if name := data.OfficeShortName(o); name != "" {
		return " của " + name
	}
	return ""
}

// heading is the national layout's heading of the office's document: the
// superior body and the office, the document's number and kind (BC a
// report, BB a record) and the place and date.
func heading(o data.Office, number, kind string, date time.Time) pdfdoc.Heading {
	return pdfdoc.Heading{
		Superior: o.Superior,
		Office:   o.Name,
		Number:   pdfdoc.Symbol(number, kind, o.Abbrev),
		DateLine: dateLine(o.Place, date),
	}
}

// dateLine is data.DateLine, or the line with blanks to fill by hand when
// the date is not known.
func dateLine(place string, t time.Time) string {
	if t.IsZero() {
		return place + ", ngày      tháng      năm      "
	}
	return data.DateLine(place, t)
}

func withGroup(group string) string {
	if group == "" {
		return ""
	}
	return " của " + group
}
