package data

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// AuditConference marks the audit entries of the conference report's
// edited text.
const AuditConference = "conference"

// DraftSection is one part of a conference report: a heading (may be
// empty: the opening "Căn cứ" lines, the closing "Trên đây là …") and its
// text. Line breaks in Text start new paragraphs.
type DraftSection struct {
	Key     string `json:"key"`
	Heading string `json:"heading,omitempty"`
	Text    string `json:"text,omitempty"`
	// Drafted is the text as it was drafted from the figures, kept beside
	// the officer's edit so that the window can mark what was changed.
	Drafted string `json:"drafted,omitempty"`
}

// Edited tells whether the officer changed the drafted text.
func (s DraftSection) Edited() bool { return s.Text != s.Drafted }

// ConferenceDraft is the text of the report read at the review conference
// (hội nghị tổng kết) for a year: the office's report on a group of units
// (Group set) or a unit's report on its own result (Unit set). Draft builds
// it from the figures; the store keeps an edited copy per year and group or
// unit, which the report prints instead of a fresh draft.
type ConferenceDraft struct {
	Year  int    `json:"year"`
	Group string `json:"group,omitempty"`
	Unit  string `json:"unit,omitempty"`
	// Title is the summary line under "BÁO CÁO" (trích yếu).
	Title    string         `json:"title"`
	Sections []DraftSection `json:"sections"`
}

// Section returns the section with the key, or nil.
func (d *ConferenceDraft) Section(key string) *DraftSection {
	for i := range d.Sections {
		if d.Sections[i].Key == key {
			return &d.Sections[i]
		}
	}
	return nil
}

// Text is the whole draft as plain text: the title, then each heading and
// its text, one paragraph a line.
func (d *ConferenceDraft) Text() string {
	var b strings.Builder
	b.WriteString(d.Title)
	for _, s := range d.Sections {
		for _, t := range []string{s.Heading, s.Text} {
			if t != "" {
				b.WriteString("\n" + t)
			}
		}
	}
	return b.String()
}

// Stale lists the headings (or keys) of the sections of an edited copy
// whose figures changed since it was drafted: the text drafted then is not
// the text a fresh draft gives now, or the section is gone from it. The
// officer is told before the edited copy prints.
func (d *ConferenceDraft) Stale(fresh *ConferenceDraft) []string {
	var out []string
	for _, s := range d.Sections {
		f := fresh.Section(s.Key)
		if f != nil && f.Text == s.Drafted {
			continue
		}
		name := s.Heading
		if name == "" {
			name = s.Key
		}
		out = append(out, name)
	}
	return out
}

// Validate cleans the text (NFC, no control characters) and checks the
// year, the scope and that section keys are given and distinct.
func (d *ConferenceDraft) Validate() error {
	d.Group, d.Unit = Clean(d.Group), Clean(d.Unit)
	d.Title = Clean(d.Title)
	switch {
	case d.Year < 2000 || d.Year > 2100:
		return errorf(EINVALID, "Năm của báo cáo hội nghị: phải từ 2000 đến 2100, đang là %d", d.Year)
	case (d.Group == "") == (d.Unit == ""):
		return errorf(EINVALID, "Báo cáo hội nghị năm %d: phải là báo cáo của một nhóm đơn vị hoặc của một đơn vị", d.Year)
	case len(d.Sections) == 0:
		return errorf(EINVALID, "Báo cáo hội nghị năm %d chưa có nội dung", d.Year)
	}
	seen := map[string]bool{}
	for i := range d.Sections {
		s := &d.Sections[i]
		s.Key, s.Heading = Clean(s.Key), keepNBSP(s.Heading)
		s.Text, s.Drafted = cleanText(s.Text), cleanText(s.Drafted)
		if s.Key == "" {
			return errorf(EINVALID, "Phần thứ %d của báo cáo hội nghị chưa có mã", i+1)
		}
		if seen[s.Key] {
			return errorf(EINVALID, "Mã phần %q của báo cáo hội nghị bị trùng", s.Key)
		}
		seen[s.Key] = true
	}
	return nil
}

// keepNBSP is Clean that keeps the no-break spaces binding a number to its
// unit ("81,40 %"), so that a line never starts with "%".
func keepNBSP(s string) string {
	parts := strings.Split(s, nbsp)
	for i := range parts {
		parts[i] = Clean(parts[i])
	}
	return strings.Join(parts, nbsp)
}

// cleanText is CleanMultiline keeping no-break spaces.
func cleanText(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = keepNBSP(l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// ConferenceFacts are the figures a conference report is drafted from.
type ConferenceFacts struct {
	Year int
	// Office ranks the units and issues the office's report.
	Office Office
	// GroupID and GroupName name the ranked group: "Các huyện, thành phố".
	GroupID, GroupName string
	Framework          *Framework
	// Results is the year's ranking of the group, in rank order, with last
	// year's ranks where known (store.Tx.Ranking).
	Results []Result
	// Previous is last year's ranking of the group; nil when there was none.
	Previous []Result
	// Sheets are the year's score sheets (lost points and appraisal notes).
	Sheets map[string]*Sheet
	// OneStop is the year's one-stop summary of the group; nil when no
	// figures were entered.
	OneStop *OneStopSummary
	// NextTargets are next year's one-stop targets (for a unit's report,
	// the unit's own where set): "phấn đấu đến cuối năm …".
	NextTargets map[RateKind]Percent
	// Remedies are the tasks of plan year Year decided by last year's
	// conference; NextTasks are the tasks of plan year Year+1.
	Remedies, NextTasks []Task
	// Inspection is how the year's inspection plan stands; nil when no
	// visit was planned.
	Inspection *PlanProgress
	// UnitNames names units by code (tasks and inspections).
	UnitNames map[string]string
	// Today judges tasks overdue.
	Today time.Time
	// Unit is the unit whose own report is drafted; "" for the office's.
	Unit string
}

// Draft keys of the sections, for the window and the tests.
const (
	SecBasis      = "basis"
	SecResults    = "results" // part I heading
	SecOverall    = "overall"
	SecAreas      = "areas"
	SecLost       = "lost"
	SecFixFirst   = "fixfirst"
	SecRanks      = "ranks"
	SecOneStop    = "onestop"
	SecRemedies   = "remedies"
	SecInspection = "inspection"
	SecLimits     = "limits"
	SecTasks      = "tasks"
	SecClosing    = "closing"
)

// Draft drafts the conference report from the figures: the office's report
// on its units, or (facts.Unit set) the unit's report on its own result.
// Every paragraph is plain text the officer may edit.
func Draft(c ConferenceFacts) (ConferenceDraft, error) {
	if c.Framework == nil {
		return ConferenceDraft{}, errorf(EINVALID, "Chưa có bộ chỉ số năm %d để soạn báo cáo hội nghị", c.Year)
	}
	if len(c.Results) == 0 {
		return ConferenceDraft{}, errorf(EINVALID, "Năm %d chưa có đơn vị nào%s được chấm điểm để soạn báo cáo hội nghị", c.Year, ofGroup(c.GroupName))
	}
	var d ConferenceDraft
	if c.Unit != "" {
		r := c.result(c.Unit)
		if r == nil {
			return d, errorf(ENOTFOUND, "Đơn vị mã %s không có kết quả xếp hạng năm %d%s", c.Unit, c.Year, ofGroup(c.GroupName))
		}
		d = c.unitDraft(r)
	} else {
		d = c.officeDraft()
	}
	for i := range d.Sections {
		d.Sections[i].Drafted = d.Sections[i].Text
	}
	return d, d.Validate()
}

func ofGroup(name string) string {
	if name == "" {
		return ""
	}
	return " trong nhóm " + LowerFirst(name)
}

func (c *ConferenceFacts) result(code string) *Result {
	for i := range c.Results {
		if c.Results[i].Unit.Code == code {
			return &c.Results[i]
		}
	}
	return nil
}

// members is the group as counted in running text: "huyện, thành phố" in
// "thứ 8/10 huyện, thành phố"; "đơn vị" when the group has no name.
func (c *ConferenceFacts) members() string {
	n := strings.TrimSpace(c.GroupName)
	if n == "" {
		return "đơn vị"
	}
	n = LowerFirst(n)
	for _, p := range []string{"các ", "nhóm "} {
		n = strings.TrimPrefix(n, p)
	}
	return n
}

// groupText is the group in running text: "các huyện, thành phố".
func (c *ConferenceFacts) groupText() string {
	if strings.TrimSpace(c.GroupName) == "" {
		return "các đơn vị"
	}
	return "các " + c.members()
}

// adminNouns start the names of administrative units; in running text they
// are written in lower case ("huyện Hòa An", "UBND thành phố Cao Bằng").
var adminNouns = []string{"Thành phố", "Thị xã", "Thị trấn", "Đặc khu", "Huyện", "Quận", "Phường", "Xã", "Tỉnh"}

// InText writes a unit's name inside a sentence: "Huyện Hòa An" becomes
// "huyện Hòa An"; a name that does not start with an administrative noun
// ("Sở Tư pháp") is kept as typed.
func InText(name string) string {
	for _, n := range adminNouns {
		if strings.HasPrefix(name, n+" ") {
			return strings.ToLower(n) + name[len(n):]
		}
	}
	return name
}

// PlaceName is a unit's name without its administrative noun: "Nguyên
// Bình" for "Huyện Nguyên Bình" (the place in a date line).
func PlaceName(name string) string {
	for _, n := range adminNouns {
		if strings.HasPrefix(name, n+" ") {
			return strings.TrimSpace(name[len(n):])
		}
	}
	return name
}

// UnitIssuer is how a unit signs its own report: the people's committee
// of an administrative unit ("UBND huyện Nguyên Bình"), or the agency by
// its name.
func UnitIssuer(u Unit) string {
	if InText(u.Name) != u.Name {
		return "UBND " + InText(u.Name)
	}
	return u.Name
}

const nbsp = "\u00a0"

func pct(p Percent) string { return p.String() + nbsp + "%" }

// pointsOf prints points as published, without trailing zeros: 15, 4,9, 12,61.
func pointsOf(p Points) string { return p.Short() }

func (c *ConferenceFacts) average() Percent {
	return averageIndex(c.Results)
}

func averageIndex(rs []Result) Percent {
	if len(rs) == 0 {
		return 0
	}
	var sum int64
	for i := range rs {
		sum += int64(rs[i].Index)
	}
	n := int64(len(rs))
	return Percent((sum*2 + n) / (n * 2))
}

// change words a change of percentage points: "tăng 1,23 điểm phần trăm",
// "giảm 0,50 điểm phần trăm", "không thay đổi".
func change(delta Percent) string {
	switch {
	case delta > 0:
		return "tăng " + delta.String() + " điểm phần trăm"
	case delta < 0:
		return "giảm " + (-delta).String() + " điểm phần trăm"
	}
	return "không thay đổi"
}

// RatingCounts says how many units got each rating, in the framework's
// band order: "1 đơn vị loại Tốt, 9 đơn vị loại Khá, không có đơn vị loại Yếu".
func RatingCounts(f *Framework, results []Result) string {
	bands := f.Bands
	if len(bands) == 0 {
		bands = DefaultBands()
	}
	count := map[string]int{}
	var names []string
	for _, b := range bands {
		if _, ok := count[b.Name]; !ok {
			names = append(names, b.Name)
			count[b.Name] = 0
		}
	}
	for _, r := range results {
		if _, ok := count[r.Rating]; !ok {
			names = append(names, r.Rating)
		}
		count[r.Rating]++
	}
	parts := make([]string, 0, len(names))
	for _, name := range names {
		if n := count[name]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s đơn vị loại %s", FormatCount(int64(n)), name))
		} else {
			parts = append(parts, "không có đơn vị loại "+name)
		}
	}
	return strings.Join(parts, ", ")
}

// bullets joins lines as a list: "- a;\n- b;\n- c." (each line's own end
// punctuation is replaced).
func bullets(lines []string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		l = strings.TrimRight(strings.TrimSpace(l), ";.")
		end := ";"
		if i == len(lines)-1 {
			end = "."
		}
		out[i] = "- " + l + end
	}
	return strings.Join(out, "\n")
}

// numbered gives the sub-sections of a part their numbers in order: "1.
// Kết quả chung", "2. …"; parts with nothing to say were left out before.
func numbered(secs []DraftSection) []DraftSection {
	n := 0
	for i := range secs {
		if secs[i].Heading != "" {
			n++
			secs[i].Heading = fmt.Sprintf("%d. %s", n, secs[i].Heading)
		}
	}
	return secs
}

// ---- the office's report ----

func (c *ConferenceFacts) officeDraft() ConferenceDraft {
	y, office := c.Year, OfficeShortName(c.Office)
	if office == "" {
		office = "cơ quan"
	}
	d := ConferenceDraft{Year: y, Group: c.GroupID,
		Title: fmt.Sprintf("Kết quả Chỉ số cải cách hành chính năm %d của %s và nhiệm vụ trọng tâm năm %d", y, c.groupText(), y+1)}
	add := func(s ...DraftSection) { d.Sections = append(d.Sections, s...) }

	add(DraftSection{Key: SecBasis, Text: strings.Join([]string{
		fmt.Sprintf("Căn cứ Kế hoạch cải cách hành chính năm %d;", y),
		fmt.Sprintf("Căn cứ kết quả thẩm định, xác định Chỉ số cải cách hành chính năm %d của %s;", y, c.groupText()),
		fmt.Sprintf("Thực hiện chương trình Hội nghị tổng kết công tác cải cách hành chính năm %d, %s báo cáo kết quả Chỉ số cải cách hành chính năm %d của %s và nhiệm vụ trọng tâm năm %d như sau:", y, office, y, c.groupText(), y+1),
	}, "\n")})

	add(DraftSection{Key: SecResults, Heading: fmt.Sprintf("I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM %d", y)})
	var part []DraftSection
	part = append(part, DraftSection{Key: SecOverall, Heading: "Kết quả chung", Text: c.officeOverall()})
	part = append(part, DraftSection{Key: SecAreas, Heading: "Kết quả theo lĩnh vực", Text: c.officeAreas()})
	if t := c.officeLost(); t != "" {
		part = append(part, DraftSection{Key: SecLost, Heading: "Các tiêu chí bị trừ điểm nhiều", Text: t})
	}
	if t := c.officeRanks(); t != "" {
		part = append(part, DraftSection{Key: SecRanks, Heading: "Thay đổi thứ hạng", Text: t})
	}
	if t := c.officeOneStop(); t != "" {
		part = append(part, DraftSection{Key: SecOneStop, Heading: "Kết quả giải quyết thủ tục hành chính", Text: t})
	}
	if t := c.remedies(""); t != "" {
		part = append(part, DraftSection{Key: SecRemedies, Heading: fmt.Sprintf("Thực hiện nhiệm vụ khắc phục sau Hội nghị tổng kết năm %d", y-1), Text: t})
	}
	if t := c.inspection(); t != "" {
		part = append(part, DraftSection{Key: SecInspection, Heading: "Công tác kiểm tra cải cách hành chính", Text: t})
	}
	add(numbered(part)...)

	add(DraftSection{Key: SecLimits, Heading: "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", Text: c.limits(nil)})
	add(DraftSection{Key: SecTasks, Heading: fmt.Sprintf("III. NHIỆM VỤ TRỌNG TÂM NĂM %d", y+1), Text: c.tasks(nil, nil)})
	add(DraftSection{Key: SecClosing, Text: fmt.Sprintf("Trên đây là báo cáo kết quả Chỉ số cải cách hành chính năm %d của %s và nhiệm vụ trọng tâm năm %d của %s./.", y, c.groupText(), y+1, office)})
	return d
}

func (c *ConferenceFacts) scoredAreas() int {
	n := 0
	for _, a := range c.Framework.Areas {
		if a.Kind == KindScored {
			n++
		}
	}
	return n
}

func (c *ConferenceFacts) officeOverall() string {
	f, rs := c.Framework, c.Results
	avg := c.average()
	var b strings.Builder
	fmt.Fprintf(&b, "Năm %d, %s %s được thẩm định, xác định Chỉ số cải cách hành chính theo bộ chỉ số gồm %d lĩnh vực, thang điểm %s. ",
		c.Year, FormatCount(int64(len(rs))), c.members(), c.scoredAreas(), f.Max().Short())
	fmt.Fprintf(&b, "Chỉ số bình quân đạt %s", pct(avg))
	if len(c.Previous) > 0 {
		prev := averageIndex(c.Previous)
		fmt.Fprintf(&b, ", %s so với năm %d (%s)", change(avg-prev), c.Year-1, pct(prev))
	}
	b.WriteString(". ")
	best, worst := rs[0].Index, rs[0].Index
	for i := range rs {
		best, worst = max(best, rs[i].Index), min(worst, rs[i].Index)
	}
	if best != worst {
		fmt.Fprintf(&b, "Cao nhất là %s (%s), thấp nhất là %s (%s). ", namesAt(rs, best), pct(best), namesAt(rs, worst), pct(worst))
	}
	fmt.Fprintf(&b, "Về xếp loại: %s. Kết quả xếp hạng cụ thể tại Phụ lục I kèm theo.", RatingCounts(f, rs))
	return b.String()
}

// namesAt names the units whose index is pc, in running text.
func namesAt(rs []Result, pc Percent) string {
	var names []string
	others := 0
	for i := range rs {
		if rs[i].Index != pc {
			continue
		}
		if len(names) < 3 {
			names = append(names, InText(rs[i].Unit.Name))
		} else {
			others++
		}
	}
	s := JoinAnd(names)
	if others > 0 {
		s = strings.Join(names, ", ") + fmt.Sprintf(" và %s đơn vị khác", FormatCount(int64(others)))
	}
	return s
}

// areaAverage is an area's average over the group: the units' points added
// up against the units' maxima.
type areaAverage struct {
	code, title string
	percent     Percent
	rating      string
}

func (c *ConferenceFacts) areaAverages() []areaAverage {
	var out []areaAverage
	for i, a := range c.Framework.Areas {
		if a.Kind != KindScored {
			continue
		}
		var pts, maxs int64
		for _, r := range c.Results {
			if i < len(r.Areas) {
				pts += int64(r.Areas[i].Points)
				maxs += int64(r.Areas[i].Max)
			}
		}
		p, _ := PercentOf(pts, maxs)
		out = append(out, areaAverage{a.Code, a.Title, p, c.Framework.Rating(p)})
	}
	return out
}

func (c *ConferenceFacts) officeAreas() string {
	avgs := c.areaAverages()
	if len(avgs) == 0 {
		return ""
	}
	lines := make([]string, len(avgs))
	hi, lo := avgs[0], avgs[0]
	for i, a := range avgs {
		lines[i] = fmt.Sprintf("%s: bình quân đạt %s, xếp loại %s", a.title, pct(a.percent), a.rating)
		if a.percent > hi.percent {
			hi = a
		}
		if a.percent < lo.percent {
			lo = a
		}
	}
	text := "Tỷ lệ điểm đạt bình quân của " + c.groupText() + " theo từng lĩnh vực:\n" + bullets(lines)
	if hi.percent != lo.percent {
		text += fmt.Sprintf("\nLĩnh vực đạt cao nhất là %s (%s); lĩnh vực đạt thấp nhất là %s (%s).",
			hi.title, pct(hi.percent), lo.title, pct(lo.percent))
	}
	return text
}

// lostPoints are the group's lost points, most lost first, only criteria
// some unit lost points on.
func (c *ConferenceFacts) lostPoints() []LostPoint {
	units := make([]Unit, len(c.Results))
	for i := range c.Results {
		units[i] = c.Results[i].Unit
	}
	var out []LostPoint
	for _, lp := range LostPoints(c.Framework, units, c.Sheets) {
		if lp.Lost > 0 {
			out = append(out, lp)
		}
	}
	return out
}

// topLost is how many criteria the running text names.
const topLost = 5

func (c *ConferenceFacts) officeLost() string {
	lps := c.lostPoints()
	if len(lps) == 0 {
		return ""
	}
	var lines []string
	for _, lp := range lps[:min(topLost, len(lps))] {
		lines = append(lines, fmt.Sprintf("Tiêu chí %s «%s» (tối đa %s điểm): %s/%s đơn vị bị trừ, tổng cộng %s điểm",
			lp.Code, lp.Title, pointsOf(lp.Max), FormatCount(int64(len(lp.Units))), FormatCount(int64(len(c.Results))), pointsOf(lp.Lost)))
	}
	return fmt.Sprintf("Các tiêu chí bị trừ nhiều điểm nhất trong %s:\n", c.groupText()) + bullets(lines) +
		"\nDanh mục đầy đủ các tiêu chí bị trừ điểm tại Phụ lục II kèm theo."
}

// rankMove is "huyện Hòa An tăng 4 bậc (từ thứ 7 lên thứ 3)".
func rankMove(r *Result) string {
	d, _ := r.RankChange()
	dir := "lên"
	if d < 0 {
		dir = "xuống"
	}
	return fmt.Sprintf("%s %s (từ thứ %d %s thứ %d)", InText(r.Unit.Name), r.RankChangeLabel(), r.PrevRank, dir, r.Rank)
}

// topMoves is how many rises and falls the running text names.
const topMoves = 3

func (c *ConferenceFacts) officeRanks() string {
	var up, down []*Result
	same, known := 0, 0
	for i := range c.Results {
		r := &c.Results[i]
		d, ok := r.RankChange()
		if !ok {
			continue
		}
		known++
		switch {
		case d > 0:
			up = append(up, r)
		case d < 0:
			down = append(down, r)
		default:
			same++
		}
	}
	if known == 0 {
		return ""
	}
	delta := func(r *Result) int { d, _ := r.RankChange(); return d }
	sort.SliceStable(up, func(i, j int) bool { return delta(up[i]) > delta(up[j]) })
	sort.SliceStable(down, func(i, j int) bool { return delta(down[i]) < delta(down[j]) })
	var lines []string
	moves := func(rs []*Result) string {
		parts := make([]string, 0, topMoves)
		for _, r := range rs[:min(topMoves, len(rs))] {
			parts = append(parts, rankMove(r))
		}
		return strings.Join(parts, "; ")
	}
	if len(up) > 0 {
		lines = append(lines, fmt.Sprintf("%s đơn vị tăng bậc so với năm %d, tăng nhiều nhất: %s", FormatCount(int64(len(up))), c.Year-1, moves(up)))
	}
	if len(down) > 0 {
		lines = append(lines, fmt.Sprintf("%s đơn vị giảm bậc, giảm nhiều nhất: %s", FormatCount(int64(len(down))), moves(down)))
	}
	if same > 0 {
		lines = append(lines, fmt.Sprintf("%s đơn vị giữ nguyên thứ hạng", FormatCount(int64(same))))
	}
	if n := len(c.Results) - known; n > 0 {
		lines = append(lines, fmt.Sprintf("%s đơn vị chưa có thứ hạng năm %d để so sánh", FormatCount(int64(n)), c.Year-1))
	}
	return bullets(lines)
}

// headline rates are worded in the one-stop paragraph even without a target.
var headlineRates = []RateKind{RateOnTime, RateOnline, RatePayment, RatePost, RateDigitised, RateSatisfied}

// rateLines words the rates of f: those with a target first ("tỷ lệ … đạt
// 98,20 % (chỉ tiêu ≥ 95,00 %, đạt)"), then the headline rates without one.
func rateLines(f *OneStopFigures, targets map[RateKind]Percent) []string {
	var lines []string
	seen := map[RateKind]bool{}
	for _, d := range OneStopRates {
		v := Judge(f, d.Kind, targets)
		if v.Status == NoTarget {
			continue
		}
		seen[d.Kind] = true
		if !v.Rate.OK {
			lines = append(lines, fmt.Sprintf("%s: chưa có số liệu (chỉ tiêu %s%s%%)", LowerFirst(d.Name), v.TargetString(), nbsp))
			continue
		}
		lines = append(lines, fmt.Sprintf("%s đạt %s (chỉ tiêu %s%s%%, %s)", LowerFirst(d.Name), pct(v.Rate.Value), v.TargetString(), nbsp, strings.ToLower(v.Mark())))
	}
	for _, k := range headlineRates {
		if seen[k] {
			continue
		}
		d, _ := RateDefOf(k)
		if r := d.Rate(f); r.OK {
			lines = append(lines, fmt.Sprintf("%s đạt %s", LowerFirst(d.Name), pct(r.Value)))
		}
	}
	return lines
}

func (c *ConferenceFacts) officeOneStop() string {
	s := c.OneStop
	if s == nil || s.Reported == 0 {
		return ""
	}
	t := &s.Total
	var b strings.Builder
	fmt.Fprintf(&b, "Năm %d, theo số liệu của %s/%s đơn vị, Bộ phận một cửa đã tiếp nhận %s hồ sơ (kỳ trước chuyển sang %s), giải quyết %s hồ sơ (trước hạn %s, đúng hạn %s, quá hạn %s); ",
		c.Year, FormatCount(int64(s.Reported)), FormatCount(int64(len(s.Rows))), FormatCount(t.Received), FormatCount(t.Carried),
		FormatCount(t.Resolved), FormatCount(t.Early), FormatCount(t.OnTime), FormatCount(t.Late))
	b.WriteString(strings.Join(rateLines(t, s.TotalTargets), "; ") + ".")
	var missed []string
	for _, d := range OneStopRates {
		var names []string
		for i := range s.Rows {
			if r := &s.Rows[i]; r.Reported && r.Verdict(d.Kind).Status == NotMet {
				names = append(names, InText(r.Unit.Name))
			}
		}
		if len(names) > 0 {
			missed = append(missed, fmt.Sprintf("%s: %s/%s đơn vị chưa đạt chỉ tiêu (%s)",
				d.Name, FormatCount(int64(len(names))), FormatCount(int64(s.Reported)), strings.Join(names, ", ")))
		}
	}
	if len(missed) > 0 {
		b.WriteString("\n" + bullets(missed))
	}
	return b.String()
}

// taskCounts words how tasks stand: "đã hoàn thành 3, đang thực hiện 1,
// chưa thực hiện 1, quá hạn 2".
func taskCounts(ts []Task, today time.Time) (string, []Task) {
	count := map[TaskStatus]int{}
	var overdue []Task
	for i := range ts {
		st := ts[i].Status(today)
		count[st]++
		if st == StatusOverdue {
			overdue = append(overdue, ts[i])
		}
	}
	var parts []string
	for _, st := range []TaskStatus{StatusDone, StatusInProgress, StatusNotStarted, StatusOverdue} {
		if count[st] > 0 {
			parts = append(parts, fmt.Sprintf("%s %s", LowerFirst(st.Label()), FormatCount(int64(count[st]))))
		}
	}
	return strings.Join(parts, ", "), overdue
}

// remedies words how last year's remedies stand: the office's all, or the
// ones a unit carries out.
func (c *ConferenceFacts) remedies(unit string) string {
	var ts []Task
	for _, t := range c.Remedies {
		if unit == "" || t.HasUnit(unit) {
			ts = append(ts, t)
		}
	}
	if len(ts) == 0 {
		return ""
	}
	counts, overdue := taskCounts(ts, c.Today)
	whose := ""
	if unit != "" {
		whose = " có sự tham gia của đơn vị"
	}
	text := fmt.Sprintf("Hội nghị tổng kết năm %d đề ra %s nhiệm vụ khắc phục%s; đến ngày %s: %s.",
		c.Year-1, FormatCount(int64(len(ts))), whose, FormatDate(c.Today), counts)
	if len(overdue) > 0 {
		var lines []string
		for _, t := range overdue {
			lines = append(lines, fmt.Sprintf("%s (hạn %s, đạt %d%s%%)", t.Title, FormatDate(t.Due), t.Progress, nbsp))
		}
		text += "\nCác nhiệm vụ quá hạn:\n" + bullets(lines)
	}
	return text
}

func (c *ConferenceFacts) inspection() string {
	p := c.Inspection
	if p == nil || p.Planned == 0 {
		return ""
	}
	text := fmt.Sprintf("Năm %d, đã kiểm tra %s/%s đơn vị theo kế hoạch kiểm tra.", c.Year, FormatCount(int64(p.Done)), FormatCount(int64(p.Planned)))
	open, overdue := 0, 0
	var where []string
	for _, u := range p.Open {
		open += u.Open
		overdue += u.Overdue
		name := c.UnitNames[u.Unit]
		if name == "" {
			name = u.Unit
		}
		where = append(where, fmt.Sprintf("%s (%s)", InText(name), FormatCount(int64(u.Open))))
	}
	if open == 0 {
		if p.Done > 0 {
			text += " Các kiến nghị sau kiểm tra đã được thực hiện xong."
		}
		return text
	}
	text += fmt.Sprintf(" Còn %s kiến nghị sau kiểm tra chưa thực hiện xong", FormatCount(int64(open)))
	if overdue > 0 {
		text += fmt.Sprintf(" (%s kiến nghị đã quá hạn)", FormatCount(int64(overdue)))
	}
	return text + ", tại: " + strings.Join(where, ", ") + "."
}

// noteCounts gathers the appraisal notes on lost points, most frequent
// first: "chưa cung cấp đầy đủ tài liệu kiểm chứng (5 lượt)".
func (c *ConferenceFacts) noteCounts(unit string) []string {
	count := map[string]int{}
	var order []string
	c.Framework.Leaves(func(area, leaf *Criterion) {
		if area.Kind != KindScored {
			return
		}
		for _, r := range c.Results {
			if unit != "" && r.Unit.Code != unit {
				continue
			}
			s := c.Sheets[r.Unit.Code]
			if s == nil || s.Scores[leaf.Code].AppraisedNA || leaf.Max-s.Appraised(leaf.Code) <= 0 {
				continue // nothing lost, or not applicable to the unit
			}
			n := strings.TrimRight(Clean(s.Scores[leaf.Code].Note), ".;")
			if n == "" {
				continue
			}
			n = LowerFirst(n)
			if count[n] == 0 {
				order = append(order, n)
			}
			count[n]++
		}
	})
	sort.SliceStable(order, func(i, j int) bool { return count[order[i]] > count[order[j]] })
	out := make([]string, 0, len(order))
	for _, n := range order[:min(topLost, len(order))] {
		if unit == "" {
			n += fmt.Sprintf(" (%s lượt)", FormatCount(int64(count[n])))
		}
		out = append(out, n)
	}
	return out
}

// limits drafts the limitations and causes from the lost points, the
// areas below the top band, the one-stop targets missed and the appraisal
// notes: a starting point the officer completes.
func (c *ConferenceFacts) limits(unit *Result) string {
	var lines []string
	top := c.Framework.Rating(10000)
	if unit == nil {
		var weak []string
		for _, a := range c.areaAverages() {
			if a.rating != top {
				weak = append(weak, fmt.Sprintf("%s (%s, loại %s)", a.title, pct(a.percent), a.rating))
			}
		}
		if len(weak) > 0 {
			lines = append(lines, "Các lĩnh vực có tỷ lệ điểm đạt bình quân chưa đạt loại "+top+": "+strings.Join(weak, "; "))
		}
		lps := c.lostPoints()
		var crit []string
		for _, lp := range lps[:min(topLost, len(lps))] {
			crit = append(crit, fmt.Sprintf("%s «%s» (%s đơn vị)", lp.Code, lp.Title, FormatCount(int64(len(lp.Units)))))
		}
		if len(crit) > 0 {
			lines = append(lines, "Nhiều đơn vị còn bị trừ điểm ở các tiêu chí: "+strings.Join(crit, "; "))
		}
		if s := c.OneStop; s != nil && s.Reported > 0 {
			row := OneStopRow{Figures: s.Total, Reported: true, Targets: s.TotalTargets}
			if m := missedText(&row); m != "" {
				lines = append(lines, "Chưa đạt chỉ tiêu về giải quyết thủ tục hành chính: "+m)
			}
		}
	} else {
		var weak []string
		for _, a := range unit.Areas {
			if a.Kind == KindScored && a.Rating != top {
				weak = append(weak, fmt.Sprintf("%s (loại %s, %s/%s điểm)", a.Title, a.Rating, pointsOf(a.Points), pointsOf(a.Max)))
			}
		}
		if len(weak) > 0 {
			lines = append(lines, "Các lĩnh vực chưa đạt loại "+top+": "+strings.Join(weak, "; "))
		}
		lost := c.unitLost(unit.Unit.Code)
		var crit []string
		for _, l := range lost[:min(topLost, len(lost))] {
			crit = append(crit, fmt.Sprintf("%s «%s» (bị trừ %s điểm)", l.Code, l.Title, pointsOf(l.Lost)))
		}
		if len(crit) > 0 {
			lines = append(lines, "Còn bị trừ nhiều điểm ở các tiêu chí: "+strings.Join(crit, "; "))
		}
		if row := c.oneStopRow(unit.Unit.Code); row != nil {
			if m := missedText(row); m != "" {
				lines = append(lines, "Chưa đạt chỉ tiêu về giải quyết thủ tục hành chính: "+m)
			}
		}
	}
	code := ""
	if unit != nil {
		code = unit.Unit.Code
	}
	if notes := c.noteCounts(code); len(notes) > 0 {
		lines = append(lines, "Nguyên nhân bị trừ điểm (theo ý kiến thẩm định): "+strings.Join(notes, "; "))
	}
	if len(lines) == 0 {
		return "Không có tồn tại, hạn chế nào được ghi nhận qua kết quả chấm điểm."
	}
	return bullets(lines)
}

// missedText words the rates of a row that miss their targets.
func missedText(r *OneStopRow) string {
	var parts []string
	for _, d := range r.Missed() {
		v := r.Verdict(d.Kind)
		parts = append(parts, fmt.Sprintf("%s đạt %s (chỉ tiêu %s%s%%)", LowerFirst(d.Name), pct(v.Rate.Value), v.TargetString(), nbsp))
	}
	return strings.Join(parts, "; ")
}

func (c *ConferenceFacts) oneStopRow(unit string) *OneStopRow {
	if c.OneStop == nil {
		return nil
	}
	for i := range c.OneStop.Rows {
		if r := &c.OneStop.Rows[i]; r.Unit.Code == unit && r.Reported {
			return r
		}
	}
	return nil
}

// targetsText words next year's targets: "tỷ lệ DVC trực tuyến có phát
// sinh hồ sơ đạt ít nhất 80 %".
func (c *ConferenceFacts) targetsText() string {
	var parts []string
	for _, d := range OneStopRates {
		t, ok := c.NextTargets[d.Kind]
		if !ok {
			continue
		}
		if d.LowerIsBetter {
			parts = append(parts, fmt.Sprintf("%s không quá %s%s%%", LowerFirst(d.Name), t.Short(), nbsp))
		} else {
			parts = append(parts, fmt.Sprintf("%s đạt ít nhất %s%s%%", LowerFirst(d.Name), t.Short(), nbsp))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("Phấn đấu đến cuối năm %d: %s", c.Year+1, strings.Join(parts, "; "))
}

// Short prints a percentage without trailing zeros: 80, 97,5.
func (p Percent) Short() string { return formatHundredths(int64(p), 0) }

// tasks drafts next year's tasks: the tasks already planned for it (of the
// office, or those the unit takes part in), else remedies of the criteria
// lost most; then next year's one-stop targets.
func (c *ConferenceFacts) tasks(unit *Result, plan *FixPlan) string {
	var lines []string
	for _, t := range c.NextTasks {
		if unit != nil && !t.HasUnit(unit.Unit.Code) {
			continue
		}
		var who []string
		if name := c.UnitNames[t.Unit]; name != "" && unit == nil {
			who = append(who, InText(name)+" chủ trì")
		}
		if !t.Due.IsZero() {
			who = append(who, "hạn "+FormatDate(t.Due))
		}
		line := t.Title
		if len(who) > 0 {
			line += " (" + strings.Join(who, "; ") + ")"
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		var codes []string
		if plan != nil {
			for _, s := range plan.Steps[:min(topLost, len(plan.Steps))] {
				codes = append(codes, fmt.Sprintf("%s «%s»", s.Criterion.Code, s.Criterion.Title))
			}
		} else {
			lps := c.lostPoints()
			for _, lp := range lps[:min(topLost, len(lps))] {
				codes = append(codes, fmt.Sprintf("%s «%s»", lp.Code, lp.Title))
			}
		}
		if len(codes) > 0 {
			lines = append(lines, fmt.Sprintf("Tập trung khắc phục các tồn tại, hạn chế năm %d, trước hết ở các tiêu chí: %s", c.Year, strings.Join(codes, "; ")))
		}
		if unit == nil {
			lines = append(lines, fmt.Sprintf("Các đơn vị tổ chức kiểm điểm, làm rõ nguyên nhân các tiêu chí bị trừ điểm, xây dựng kế hoạch khắc phục và báo cáo kết quả trước ngày %s", FormatDate(RemediationDue(c.Year))))
		}
	}
	if t := c.targetsText(); t != "" {
		lines = append(lines, t)
	}
	if len(lines) == 0 {
		return fmt.Sprintf("Tiếp tục triển khai đồng bộ các nhiệm vụ cải cách hành chính năm %d.", c.Year+1)
	}
	return bullets(lines)
}

// ---- a unit's report on its own result ----

// unitLost is the unit's lost criteria, most lost first (then framework
// order).
func (c *ConferenceFacts) unitLost(unit string) []FixCriterion {
	out := lostCriteria(c.Framework, c.Sheets[unit])
	slices.SortStableFunc(out, func(a, b FixCriterion) int { return int(b.Lost - a.Lost) })
	return out
}

func (c *ConferenceFacts) unitDraft(r *Result) ConferenceDraft {
	y, issuer := c.Year, UnitIssuer(r.Unit)
	office := OfficeShortName(c.Office)
	d := ConferenceDraft{Year: y, Unit: r.Unit.Code,
		Title: fmt.Sprintf("Kết quả Chỉ số cải cách hành chính năm %d và giải pháp khắc phục hạn chế năm %d", y, y+1)}
	add := func(s ...DraftSection) { d.Sections = append(d.Sections, s...) }

	announced := ""
	if office != "" {
		announced = " do " + office + " công bố"
	}
	add(DraftSection{Key: SecBasis, Text: strings.Join([]string{
		fmt.Sprintf("Căn cứ kết quả xác định Chỉ số cải cách hành chính năm %d của %s%s;", y, c.groupText(), announced),
		fmt.Sprintf("Thực hiện chương trình Hội nghị tổng kết công tác cải cách hành chính năm %d, %s báo cáo kết quả Chỉ số cải cách hành chính năm %d và giải pháp khắc phục hạn chế như sau:", y, issuer, y),
	}, "\n")})

	add(DraftSection{Key: SecResults, Heading: fmt.Sprintf("I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM %d", y)})
	var part []DraftSection
	part = append(part, DraftSection{Key: SecOverall, Heading: "Kết quả chung", Text: c.unitOverall(r)})
	part = append(part, DraftSection{Key: SecAreas, Heading: "Kết quả theo lĩnh vực", Text: c.unitAreas(r)})
	lost := c.unitLost(r.Unit.Code)
	if len(lost) > 0 {
		part = append(part, DraftSection{Key: SecLost, Heading: "Các tiêu chí bị trừ điểm", Text: c.unitLostText(lost)})
	}
	plan, _ := FixFirst(c.Framework, c.Results, r.Unit.Code, c.Sheets[r.Unit.Code])
	if t := c.fixFirstText(plan); t != "" {
		part = append(part, DraftSection{Key: SecFixFirst, Heading: "Các tiêu chí cần ưu tiên khắc phục", Text: t})
	}
	if t := c.unitOneStop(r); t != "" {
		part = append(part, DraftSection{Key: SecOneStop, Heading: "Kết quả giải quyết thủ tục hành chính", Text: t})
	}
	if t := c.remedies(r.Unit.Code); t != "" {
		part = append(part, DraftSection{Key: SecRemedies, Heading: fmt.Sprintf("Thực hiện nhiệm vụ khắc phục sau Hội nghị tổng kết năm %d", y-1), Text: t})
	}
	add(numbered(part)...)

	add(DraftSection{Key: SecLimits, Heading: "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", Text: c.limits(r)})
	add(DraftSection{Key: SecTasks, Heading: fmt.Sprintf("III. NHIỆM VỤ, GIẢI PHÁP NĂM %d", y+1), Text: c.tasks(r, &plan)})
	add(DraftSection{Key: SecClosing, Text: fmt.Sprintf("Trên đây là báo cáo kết quả Chỉ số cải cách hành chính năm %d và giải pháp khắc phục hạn chế năm %d của %s./.", y, y+1, issuer)})
	return d
}

func (c *ConferenceFacts) unitOverall(r *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Năm %d, Chỉ số cải cách hành chính (PAR INDEX) của %s đạt %s, xếp loại %s, xếp hạng thứ %d/%d %s",
		c.Year, InText(r.Unit.Name), pct(r.Index), r.Rating, r.Rank, len(c.Results), c.members())
	if _, ok := r.RankChange(); ok {
		fmt.Fprintf(&b, "; so với năm %d %s", c.Year-1, rankChangeText(r))
	}
	b.WriteString(".")
	for i := range c.Previous {
		if p := &c.Previous[i]; p.Unit.Code == r.Unit.Code {
			fmt.Fprintf(&b, " Chỉ số %s so với năm %d (%s, xếp loại %s).", change(r.Index-p.Index), c.Year-1, pct(p.Index), p.Rating)
		}
	}
	fmt.Fprintf(&b, " Chỉ số bình quân của %s là %s.", c.groupText(), pct(c.average()))
	return b.String()
}

// rankChangeText: "tăng 4 bậc (từ thứ 7 lên thứ 3)", "giữ nguyên thứ hạng".
func rankChangeText(r *Result) string {
	d, _ := r.RankChange()
	switch {
	case d > 0:
		return fmt.Sprintf("%s (từ thứ %d lên thứ %d)", r.RankChangeLabel(), r.PrevRank, r.Rank)
	case d < 0:
		return fmt.Sprintf("%s (từ thứ %d xuống thứ %d)", r.RankChangeLabel(), r.PrevRank, r.Rank)
	}
	return "giữ nguyên thứ hạng"
}

func (c *ConferenceFacts) unitAreas(r *Result) string {
	var lines []string
	for _, a := range r.Areas {
		switch a.Kind {
		case KindScored:
			lines = append(lines, fmt.Sprintf("%s xếp loại %s, đạt %s/%s điểm", a.Title, a.Rating, pointsOf(a.Points), pointsOf(a.Max)))
		case KindSurvey:
			lines = append(lines, fmt.Sprintf("%s đạt %s/%s điểm", a.Title, pointsOf(a.Points), pointsOf(a.Max)))
		case KindBonus, KindPenalty:
			if a.Points > 0 {
				lines = append(lines, fmt.Sprintf("%s: %s điểm", a.Title, pointsOf(a.Points)))
			}
		}
	}
	return bullets(lines)
}

func (c *ConferenceFacts) unitLostText(lost []FixCriterion) string {
	var total Points
	for _, l := range lost {
		total += l.Lost
	}
	var lines []string
	for _, l := range lost[:min(topLost, len(lost))] {
		line := fmt.Sprintf("Tiêu chí %s «%s»: đạt %s/%s điểm, bị trừ %s điểm", l.Code, l.Title, pointsOf(l.Max-l.Lost), pointsOf(l.Max), pointsOf(l.Lost))
		if n := strings.TrimRight(Clean(l.Note), ".;"); n != "" {
			line += " (" + LowerFirst(n) + ")"
		}
		lines = append(lines, line)
	}
	return fmt.Sprintf("Tổng cộng bị trừ %s điểm ở %s tiêu chí; bị trừ nhiều điểm nhất:\n", pointsOf(total), FormatCount(int64(len(lost)))) + bullets(lines)
}

// fixSentences is how many steps of the fix-first plan the report words.
const fixSentences = 3

func (c *ConferenceFacts) fixFirstText(p FixPlan) string {
	ss := p.Sentences(fixSentences)
	if len(ss) == 0 {
		return ""
	}
	return fmt.Sprintf("Tính theo kết quả thực tế của %s năm %d, các tiêu chí cần ưu tiên khắc phục (thứ hạng tăng nhiều nhất trên mỗi điểm khắc phục):\n", c.groupText(), c.Year) +
		bullets(ss)
}

func (c *ConferenceFacts) unitOneStop(r *Result) string {
	row := c.oneStopRow(r.Unit.Code)
	if row == nil {
		return ""
	}
	f := &row.Figures
	return fmt.Sprintf("Năm %d, Bộ phận một cửa đã tiếp nhận %s hồ sơ (kỳ trước chuyển sang %s), giải quyết %s hồ sơ (trước hạn %s, đúng hạn %s, quá hạn %s); ",
		c.Year, FormatCount(f.Received), FormatCount(f.Carried), FormatCount(f.Resolved), FormatCount(f.Early), FormatCount(f.OnTime), FormatCount(f.Late)) +
		strings.Join(rateLines(f, row.Targets), "; ") + "."
}
