package reports

import (
	"fmt"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdfdoc"
)

// ScorecardInput is what a unit's scorecard prints.
type ScorecardInput struct {
	Office data.Office
	// Number is the document number, "12": printed "Số: 12/BC-<Abbrev>";
	// blank leaves room to write it by hand.
	Number string
	// Date of the document; zero leaves day, month and year to be written
	// by hand.
	Date time.Time
	// Created fixes the PDF's creation date (reproducible files in tests);
	// zero means now.
	Created   time.Time
	Framework *data.Framework
	// Sheet is the unit's sheet for the framework's year: the self and
	// appraised score and the note of every leaf criterion.
	Sheet *data.Sheet
	// Result is the unit's evaluation (data.Evaluate), ranked in its group
	// when Rank > 0, with last year's rank when PrevRank > 0.
	Result data.Result
	// GroupName names the ranking group: "Các huyện, thành phố".
	GroupName string
	// GroupSize is the number of units ranked in the group that year.
	GroupSize int
	// Appraisal is the unit's appraisal loop for the year: its status and
	// its explanations with the office's decisions, printed after the
	// table; nil prints none.
	Appraisal *data.Appraisal
}

// Scorecard prints a unit's scorecard (phiếu tổng hợp kết quả chấm điểm)
// for a year: heading, title, one table row per criterion of the framework
// with its max, self score, appraised score, lost points and note, area
// rows in bold with their subtotals and ratings, a total row, then the
// result (total, index, rating, rank in the group and rank change) and the
// closing. A score not entered prints as a blank cell, never as 0.
func Scorecard(in ScorecardInput) ([]byte, error) {
	f := in.Framework
	if f == nil || len(f.Areas) == 0 {
		return nil, data.Errorf(data.EINVALID, "Chưa có bộ chỉ số để in phiếu chấm điểm")
	}
	s := in.Sheet
	if s == nil {
		s = data.NewSheet(f.Year, in.Result.Unit.Code)
	}
	r := &in.Result
	if len(r.Areas) != len(f.Areas) {
		return nil, data.Errorf(data.EINVALID, "Kết quả của đơn vị %s không khớp bộ chỉ số năm %d", r.Unit.Name, f.Year)
	}
	o := in.Office
	unit := unitName(r.Unit)
	unitInText := unitInSentence(unit)

	summary := fmt.Sprintf("Chỉ số cải cách hành chính năm %d của %s", f.Year, unitInText)
	doc := pdfdoc.New(pdfdoc.Options{
		Title:   "Phiếu tổng hợp kết quả chấm điểm " + data.LowerFirst(summary),
		Subject: "Phiếu chấm điểm Chỉ số cải cách hành chính",
		Author:  o.Name,
		Created: in.Created,
	})
	// A phiếu has no symbol of its own among those of Decree 30: it goes
	// with the office's report, whose number it cites when one is given.
	doc.Heading(pdfdoc.Heading{Superior: o.Superior, Office: o.Name, DateLine: dateLine(o.Place, in.Date)})
	var attached []string
	if n := strings.TrimSpace(in.Number); n != "" {
		attached = append(attached, "(Kèm theo Báo cáo số "+pdfdoc.Symbol(n, "BC", o.Abbrev)+")")
	}
	doc.Title("PHIẾU TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM", append([]string{summary}, attached...)...)

	intro := fmt.Sprintf("Kết quả chấm điểm, xác định Chỉ số cải cách hành chính năm %d của %s", f.Year, unitInText)
	if t := strings.TrimSpace(f.Title); t != "" {
		intro += " theo " + t
	}
	intro += fmt.Sprintf(" (thang điểm %s) như sau:", f.Max().Short())
	doc.Para(pdfdoc.Para{Text: intro, Indent: pdfdoc.ParagraphIndent, KeepWithNext: tableLead})

	sc := newScorecard(doc, f, s, r)
	doc.Table(pdfdoc.Table{Columns: scorecardColumns(), Rows: sc.rows(), Size: scorecardSize})
	// The note under the table stays with its last rows and with the
	// result, which the closing keeps with it: the signature never stands
	// on a page without the scores it signs for.
	doc.Para(pdfdoc.Para{Text: sc.legend(), Style: pdfdoc.Italic, Size: 11, KeepWithPrevious: true, KeepWithNext: 1})
	evidenceSection(doc, f, s) // scorecard_evidence.go

	explanationsTable(doc, f, s, in.Appraisal)

	lines := sc.summary(in.GroupName, in.GroupSize)
	lines[len(lines)-1] = strings.TrimSuffix(lines[len(lines)-1], ".") + "./."
	doc.Section("Kết quả")
	doc.Para(pdfdoc.Para{Text: strings.Join(lines, "\n"), Indent: pdfdoc.ParagraphIndent, After: -1, KeepTogether: true})

	doc.Closing(scorecardRecipients(o, unit), pdfdoc.Signer{Title: o.SignerTitle, Name: o.Signer})
	return doc.Output()
}

// Table geometry: type size in points, note column width in mm.
const (
	scorecardSize       = 10.5
	scorecardNoteWidth  = 32.0
	scorecardNoteHeader = "Ghi chú, xếp loại"
)

// scorecardColumns: code, criterion, the four point columns under one
// group header, note. They fit a portrait page.
func scorecardColumns() []pdfdoc.Column {
	const g = "Điểm"
	return []pdfdoc.Column{
		{Header: "Mã", Width: 11, Align: pdfdoc.Center},
		{Header: "Lĩnh vực, tiêu chí", Align: pdfdoc.Left},
		{Header: "Tối đa", Group: g, Width: 13, Align: pdfdoc.Right},
		{Header: "Tự đánh giá", Group: g, Width: 17, Align: pdfdoc.Right},
		{Header: "Thẩm định", Group: g, Width: 15, Align: pdfdoc.Right},
		{Header: "Bị trừ", Group: g, Width: 13, Align: pdfdoc.Right},
		{Header: scorecardNoteHeader, Width: scorecardNoteWidth, Align: pdfdoc.Left},
	}
}

// scorecard holds what the table and the summary print.
type scorecard struct {
	doc *pdfdoc.Doc // measures the rating notes
	f   *data.Framework
	s   *data.Sheet
	r   *data.Result
	// missing counts the leaves without an appraised score.
	missing int
	// special is set when the framework has bonus or penalty items.
	special bool
	// notApplicable is set when a criterion does not apply to the unit.
	notApplicable bool
}

func newScorecard(doc *pdfdoc.Doc, f *data.Framework, s *data.Sheet, r *data.Result) *scorecard {
	sc := &scorecard{doc: doc, f: f, s: s, r: r}
	f.Leaves(func(area, leaf *data.Criterion) {
		if v := s.Scores[leaf.Code].AppraisedValue(); v.Points == nil && !v.NA {
			sc.missing++
		}
		if v := s.Scores[leaf.Code]; v.AppraisedNA || v.SelfNA {
			sc.notApplicable = true
		}
	})
	for i := range f.Areas {
		if k := f.Areas[i].Kind; k == data.KindBonus || k == data.KindPenalty {
			sc.special = true
		}
	}
	return sc
}

// sum adds the self or appraised points of the leaves under c; n is how
// many of them have one entered.
func (sc *scorecard) sum(c *data.Criterion, self bool) (p data.Points, n int) {
	if c.IsLeaf() {
		v := sc.s.Scores[c.Code].AppraisedValue()
		if self {
			v = sc.s.Scores[c.Code].SelfValue()
		}
		if v.NA {
			return 0, 1 // answered: not applicable, nothing to add
		}
		if v.Points == nil {
			return 0, 0
		}
		return *v.Points, 1
	}
	for i := range c.Children {
		cp, cn := sc.sum(&c.Children[i], self)
		p += cp
		n += cn
	}
	return p, n
}

// points prints a sum of n entered scores: blank when none was entered; a
// penalty with a minus sign.
func points(p data.Points, n int, kind data.CriterionKind) string {
	if n == 0 {
		return ""
	}
	if kind == data.KindPenalty && p > 0 {
		return data.Minus + p.String()
	}
	return p.String()
}

// lost is what a criterion lost: its max for the unit − appraised for scored and survey
// items; for a penalty item the points it takes off the total; nothing for
// a bonus item, which only adds.
func lost(max, appraised data.Points, n int, kind data.CriterionKind) string {
	switch {
	case n == 0 || kind == data.KindBonus:
		return ""
	case kind == data.KindPenalty:
		return appraised.String()
	}
	return (max - appraised).String()
}

// unitMax is the max of c for the unit: its leaves' maxima but those not
// applicable to the unit (data.UnitMax for an area).
func (sc *scorecard) unitMax(c *data.Criterion) data.Points {
	if c.IsLeaf() {
		if c.MayNotApply && sc.s.Scores[c.Code].AppraisedNA {
			return 0
		}
		return c.Max
	}
	var m data.Points
	for i := range c.Children {
		m += sc.unitMax(&c.Children[i])
	}
	return m
}

func (sc *scorecard) rows() []pdfdoc.Row {
	var rows []pdfdoc.Row
	for i := range sc.f.Areas {
		a := &sc.f.Areas[i]
		rows = append(rows, sc.areaRow(a, &sc.r.Areas[i]))
		for j := range a.Children {
			rows = sc.criterionRows(rows, &a.Children[j], a.Kind)
		}
	}
	return append(rows, sc.totalRow())
}

// areaRow is an area's bold row: subtotals and, for scored areas and
// survey components, the rating of the area's percentage.
func (sc *scorecard) areaRow(a *data.Criterion, ar *data.AreaResult) pdfdoc.Row {
	self, ns := sc.sum(a, true)
	appr, na := sc.sum(a, false)
	note := ""
	switch a.Kind {
	case data.KindBonus:
		note = "Cộng vào tổng điểm"
	case data.KindPenalty:
		note = "Trừ vào tổng điểm"
	default:
		if na > 0 {
			note = sc.rating(ar.Rating, ar.Percent)
		}
	}
	if a.IsLeaf() {
		// An area scored as a whole (a survey component entered as a
		// total) keeps its note too, under the rating.
		if n := strings.TrimSpace(sc.s.Scores[a.Code].Note); n != "" {
			note = joinNote(note, n)
		}
	}
	title := a.Title
	if kind := a.Kind.Label(); a.Kind != data.KindScored && !strings.Contains(data.Fold(title), data.Fold(kind)) {
		title += " (" + strings.ToLower(kind) + ")"
	}
	return pdfdoc.Row{Bold: true, KeepWithNext: !a.IsLeaf(), Cells: []string{
		a.Code, title, ar.Max.String(), // the area's max for the unit
		points(self, ns, a.Kind), points(appr, na, a.Kind), lost(ar.Max, appr, na, a.Kind), note,
	}}
}

// criterionRows appends the rows of c and of the criteria under it.
func (sc *scorecard) criterionRows(rows []pdfdoc.Row, c *data.Criterion, kind data.CriterionKind) []pdfdoc.Row {
	self, ns := sc.sum(c, true)
	appr, na := sc.sum(c, false)
	note := ""
	selfCell, apprCell, lostCell := points(self, ns, kind), points(appr, na, kind), lost(sc.unitMax(c), appr, na, kind)
	if c.IsLeaf() {
		s := sc.s.Scores[c.Code]
		note = joinNote(answerNote(c, s), strings.TrimSpace(s.Note))
		if s.SelfNA {
			selfCell = "KAD"
		}
		if s.AppraisedNA {
			apprCell, lostCell = "KAD", ""
		}
	}
	rows = append(rows, pdfdoc.Row{Cells: []string{
		c.Code, c.Title, c.LeafMax().String(),
		selfCell, apprCell, lostCell, note,
	}})
	for i := range c.Children {
		rows = sc.criterionRows(rows, &c.Children[i], kind)
	}
	return rows
}

// rating prints a rating with its percentage, "Khá (88,24 %)", on one line
// of the note column when it fits, else on two: "Trung bình" over
// "(62,50 %)" (the library would otherwise break inside the brackets).
func (sc *scorecard) rating(name string, pc data.Percent) string {
	p := fmt.Sprintf("(%s%s%%)", pc, nbsp)
	if one := name + " " + p; sc.doc.MeasureText(one, pdfdoc.Bold, scorecardSize) <= scorecardNoteWidth-3 {
		return one
	}
	return name + "\n" + p
}

// totalRow: the framework max, the self-assessed total (computed as the
// unit total is), the unit total, the points lost against the max and the
// rating of the index.
func (sc *scorecard) totalRow() pdfdoc.Row {
	r := sc.r
	var self data.Points
	nself := 0
	for i := range sc.f.Areas {
		a := &sc.f.Areas[i]
		p, n := sc.sum(a, true)
		nself += n
		if a.Kind == data.KindPenalty {
			self -= p
		} else {
			self += p
		}
	}
	selfCell := ""
	if nself > 0 {
		selfCell = min(max(self, 0), data.SelfUnitMax(sc.f, sc.s).Total).String()
	}
	total, lostCell, note := "", "", ""
	if sc.missing < countLeaves(sc.f) || r.Published {
		total = r.Total.String()
		if r.Published {
			total += "*"
		}
		lostCell = (r.Max - r.Total).String()
		note = sc.rating(r.Rating, r.Index)
	} else {
		note = data.NotScored
	}
	return pdfdoc.Row{Bold: true, Cells: []string{"", "Tổng cộng", r.Max.String(), selfCell, total, lostCell, note}}
}

func countLeaves(f *data.Framework) int {
	n := 0
	f.Leaves(func(_, _ *data.Criterion) { n++ })
	return n
}

// legend explains the table under it.
func (sc *scorecard) legend() string {
	var b strings.Builder
	b.WriteString("Ghi chú: điểm bị trừ = điểm tối đa − điểm thẩm định")
	if sc.special {
		b.WriteString(" (với điểm trừ: số điểm bị trừ vào tổng điểm)")
	}
	b.WriteString("; ô để trống là tiêu chí chưa có điểm; lĩnh vực và Chỉ số được xếp loại theo tỷ lệ điểm đạt được so với điểm tối đa: ")
	bands := sc.f.Bands
	if len(bands) == 0 {
		bands = data.DefaultBands()
	}
	for i, band := range bands {
		if i > 0 {
			b.WriteString(", ")
		}
		if band.Min > 0 {
			fmt.Fprintf(&b, "%s từ %s%s%%", band.Name, pcShort(band.Min), nbsp)
		} else if i > 0 {
			fmt.Fprintf(&b, "%s dưới %s%s%%", band.Name, pcShort(bands[i-1].Min), nbsp)
		} else {
			b.WriteString(band.Name)
		}
	}
	b.WriteString(".")
	if sc.special {
		fmt.Fprintf(&b, " Điểm thưởng và điểm trừ không tính vào điểm tối đa %s; tổng điểm không vượt quá %s và không dưới 0.", sc.r.Max.Short(), sc.r.Max.Short())
	}
	if sc.notApplicable {
		b.WriteString(" KAD: tiêu chí không áp dụng đối với đơn vị, không tính vào điểm tối đa của đơn vị; điểm tối đa của lĩnh vực và tổng cộng là của đơn vị.")
	}
	if sc.r.Published {
		b.WriteString(" (*) Tổng điểm theo số liệu được công bố, không phải tổng các thành phần.")
	}
	return b.String()
}

// summary is the result under the table, one line each.
func (sc *scorecard) summary(groupName string, groupSize int) []string {
	r := sc.r
	f := sc.f
	if sc.missing == countLeaves(f) && !r.Published {
		return []string{"- Đơn vị chưa có điểm thẩm định nào: chưa xác định được Chỉ số cải cách hành chính (" + data.NotScored + "), không xếp hạng."}
	}
	total := fmt.Sprintf("- Tổng điểm đạt được: %s/%s điểm.", r.Total, r.Max.Short())
	if r.Max != f.Max() {
		total = fmt.Sprintf("- Tổng điểm đạt được: %s/%s điểm (điểm tối đa của đơn vị: %s điểm của bộ chỉ số trừ %s điểm của các tiêu chí không áp dụng).",
			r.Total, r.Max.Short(), f.Max().Short(), (f.Max() - r.Max).Short())
	}
	out := []string{
		total,
		fmt.Sprintf("- Chỉ số cải cách hành chính: %s%s%%; xếp loại: %s.", r.Index, nbsp, r.Rating),
	}
	if head := data.HeadRating(r.Rating); head != "" {
		out = append(out, "- Mức độ hoàn thành nhiệm vụ của người đứng đầu về công tác cải cách hành chính: "+data.LowerFirst(head)+".")
	}
	group := data.LowerFirst(strings.TrimSpace(groupName))
	switch {
	case r.Rank > 0 && groupSize > 0:
		l := fmt.Sprintf("- Xếp hạng: %d/%d", r.Rank, groupSize)
		if group != "" {
			l += " (trong nhóm " + group + ")"
		}
		out = append(out, l+".")
	default:
		out = append(out, "- Xếp hạng: chưa xếp hạng.")
	}
	if label := r.RankChangeLabel(); label != "" {
		d, known := r.RankChange()
		l := fmt.Sprintf("- So với năm %d: %s", f.Year-1, label)
		switch {
		case !known: // a unit formed by a merge or a split
		case d != 0:
			dir := "lên"
			if d < 0 {
				dir = "xuống"
			}
			l += fmt.Sprintf(" (từ bậc %d %s bậc %d)", r.PrevRank, dir, r.Rank)
		default:
			l += fmt.Sprintf(" (bậc %d)", r.Rank)
		}
		out = append(out, l+".")
	}
	if sc.missing > 0 {
		out = append(out, fmt.Sprintf("- Còn %s tiêu chí chưa có điểm thẩm định (để trống trong bảng); kết quả trên là kết quả tạm tính.", data.FormatCount(int64(sc.missing))))
	}
	return out
}

// scorecardRecipients: the unit scored (its people's committee for a
// local government unit: "UBND huyện Nguyên Bình"), then the office's
// filing line ("Lưu: VT, CCHC.") or the default one.
func scorecardRecipients(o data.Office, unit string) []string {
	rec := []string{"- " + unitBody(unit) + ";"}
	keep := "- Lưu: VT."
	for _, r := range o.Recipients {
		t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(r), "-"))
		if strings.HasPrefix(t, "Lưu") {
			keep = "- " + t
		}
	}
	return append(rec, keep)
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}

// adminWords are the names of administrative units, written in lower case
// inside a sentence ("của huyện Nguyên Bình"); agencies keep their capital
// ("của Sở Tư pháp").
var adminWords = []string{"Thành phố ", "Thị trấn ", "Thị xã ", "Huyện ", "Quận ", "Xã ", "Phường ", "Đặc khu ", "Tỉnh "}

// unitName is the name a document gives a unit: its name, or its code
// when it has none.
func unitName(u data.Unit) string {
	if name := strings.TrimSpace(u.Name); name != "" {
		return name
	}
	return u.Code
}

// unitInSentence writes a unit's name as it stands inside a sentence.
func unitInSentence(name string) string {
	for _, w := range adminWords {
		if strings.HasPrefix(name, w) {
			return data.LowerFirst(name)
		}
	}
	return name
}

// unitBody names the body a document goes to for a unit: the people's
// committee of a local government unit ("UBND huyện Nguyên Bình"), an
// agency by its own name ("Sở Tư pháp").
func unitBody(name string) string {
	if in := unitInSentence(name); in != name {
		return "UBND " + in
	}
	return name
}

// pcShort prints a band threshold without trailing zeros: "90", "65,5".
// Percent and Points are both hundredths.
func pcShort(p data.Percent) string { return data.Points(p).Short() }

// answerNote says, in the note column, what a unit answered on a criterion
// not scored in points: "Không áp dụng", "Đạt" / "Không đạt", or a rate's
// counts and percentage beside the points they gave ("Thẩm định: 45/50 =
// 90 %"); the self answer too when it differs from the appraised one.
func answerNote(c *data.Criterion, s data.Score) string {
	self, appr := s.SelfValue(), s.AppraisedValue()
	say := func(v data.Value) string {
		switch {
		case v.NA:
			return "Không áp dụng"
		case v.Counts != nil:
			return fmt.Sprintf("%s%s=%s%s%s%%", v.Counts, nbsp, nbsp, v.Counts.Rate(), nbsp)
		case c.Input == data.InputPassFail && v.Points != nil:
			return data.FormatValue(c, v, false)
		}
		return ""
	}
	a, o := say(appr), say(self)
	switch {
	case a == "" && o == "":
		return ""
	case a == o || o == "":
		return a
	case a == "":
		return "Tự đánh giá: " + o
	}
	return "Tự đánh giá: " + o + "\nThẩm định: " + a
}
