package xlsx

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/progress"
	"github.com/pardesk/pardesk/data/store"
)

// Column headers of the import layouts. The exports write them and the
// imports check them, so the two cannot drift apart.
var (
	unitCols = []column{
		{"Mã đơn vị", 12}, {"Tên đơn vị", 34}, {"Loại đơn vị", 18}, {"Mã nhóm", 12},
		{"Tên nhóm xếp hạng", 30}, {"Thứ tự", 9}, {"Ngừng đánh giá", 12},
	}
	frameworkCols = []column{
		{"Cấp", 14}, {"Mã tiêu chí", 12}, {"Tên tiêu chí", 54}, {"Điểm tối đa", 11},
		{"Loại", 20}, {"Tài liệu kiểm chứng cần có", 40},
		{colInputKind, 16}, {colMayNotApply, 12}, {colTiers, 30},
	}
	bandCols  = []column{{"Mức xếp loại", 20}, {"Từ (%)", 10}}
	scoreCols = []column{
		{"Mã đơn vị", 12}, {"Tên đơn vị", 24}, {"Mã tiêu chí", 9}, {"Tên tiêu chí", 56}, {"Điểm tối đa", 10},
		{"Điểm tự đánh giá", 11}, {"Điểm thẩm định", 11}, {"Ghi chú", 30}, {"Tài liệu kiểm chứng", 30},
	}
	publishedCols = []column{{"Mã đơn vị", 12}, {"Tên đơn vị", 30}, {"Tổng điểm công bố", 14}}
)

// groupSumCols follow scoreCols in the scores export: the sums of an area
// or a criterion with sub-criteria, on its row. An import reads none of
// them.
var groupSumCols = []column{{"Cộng nhóm: điểm tối đa", 10}, {"Cộng nhóm: tự đánh giá", 10}, {"Cộng nhóm: thẩm định", 10}}

// scoresNote, above the scores table, says why the sums of the bold rows
// stand apart.
const scoresNote = "Dòng in đậm là lĩnh vực hoặc tiêu chí có tiêu chí con: tổng của nhóm ở ba cột cuối. Cột E, F, G chỉ ghi điểm tiêu chí thành phần, nên hàm SUM theo đơn vị cho đúng tổng điểm. Tiêu chí đạt/không đạt hiện Đạt, Không đạt; tiêu chí không áp dụng ghi KAD; tiêu chí tỷ lệ ghi điểm ở cột F, G và số liệu (ví dụ 45/50) ở hai cột cuối, điểm tính lại từ số liệu khi nhập."

// Rows where the tables of the import layouts start: the year and the
// title above, the header on row 4.
const (
	rowYear   = 1
	rowTitle  = 2
	rowHeader = 4
)

// Units exports the units with their groups, in the layout ImportUnits reads.
func Units(tx *store.Tx) ([]byte, error) {
	units, err := tx.Units()
	if err != nil {
		return nil, err
	}
	groups, err := tx.Groups()
	if err != nil {
		return nil, err
	}
	o, err := tx.Office()
	if err != nil {
		return nil, err
	}
	return unitsBook(o.Name, units, groups)
}

func unitsBook(office string, units []data.Unit, groups []data.Group) ([]byte, error) {
	names := map[string]string{}
	for _, g := range groups {
		names[g.ID] = g.Name
	}
	b, err := newBook()
	if err != nil {
		return nil, err
	}
	b.print.office = office
	p, _ := b.sheet(SheetUnits)
	p.titleRows("DANH SÁCH ĐƠN VỊ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH")
	p.headers(rowHeader, unitCols)
	for i, u := range units {
		r := rowHeader + 1 + i
		inactive := ""
		if u.Inactive {
			inactive = "x"
		}
		p.set(1, r, u.Code, b.text)
		p.set(2, r, u.Name, b.wrap)
		p.set(3, r, u.Kind.Label(), b.wrap)
		p.set(4, r, u.GroupID, b.text)
		p.set(5, r, names[u.GroupID], b.wrap)
		p.set(6, r, u.Order, b.intStyle)
		p.set(7, r, inactive, b.intStyle)
	}
	if p.error != nil {
		return nil, p.error
	}
	return b.bytes()
}

// Framework exports a year's framework and its rating bands, in the layout
// ImportFramework reads.
func Framework(tx *store.Tx, year int) ([]byte, error) {
	f, err := tx.Framework(year)
	if err != nil {
		return nil, err
	}
	o, err := tx.Office()
	if err != nil {
		return nil, err
	}
	return frameworkBook(o.Name, f)
}

func frameworkBook(office string, f *data.Framework) ([]byte, error) {
	b, err := newBook()
	if err != nil {
		return nil, err
	}
	b.print.office = office
	p, _ := b.sheet(SheetFramework)
	p.print.title = fmt.Sprintf("BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM %d", f.Year)
	p.metaRow(rowYear, "Năm", f.Year)
	p.metaRow(rowTitle, "Tên bộ chỉ số", f.Title)
	p.headers(rowHeader, frameworkCols)
	r := rowHeader + 1
	var walk func(cs []data.Criterion, level int)
	walk = func(cs []data.Criterion, level int) {
		for i := range cs {
			c := &cs[i]
			text, num := b.wrap, b.num
			if !c.IsLeaf() {
				text, num = b.bold, b.numBold
			}
			kind := ""
			if level == 1 && c.Kind != data.KindScored {
				kind = c.Kind.Label()
			}
			p.set(1, r, level, b.intStyle)
			p.set(2, r, c.Code, text)
			p.set(3, r, c.Title, text)
			p.set(4, r, c.LeafMax(), num)
			p.set(5, r, kind, b.text)
			p.set(6, r, c.Hint, b.wrap)
			if c.IsLeaf() {
				p.set(7, r, c.Input.Label(), b.text)
				if c.MayNotApply {
					p.set(8, r, "x", b.intStyle)
				}
				p.set(9, r, data.FormatTiers(c.Tiers), b.text)
			}
			r++
			walk(c.Children, level+1)
		}
	}
	walk(f.Areas, 1)

	bp, _ := b.sheet(SheetBands)
	bp.titleRows(fmt.Sprintf("CÁC MỨC XẾP LOẠI NĂM %d", f.Year))
	bp.headers(rowHeader, bandCols)
	bands := f.Bands
	if len(bands) == 0 {
		bands = data.DefaultBands()
	}
	for i, band := range bands {
		bp.set(1, rowHeader+1+i, band.Name, b.wrap)
		bp.set(2, rowHeader+1+i, band.Min, b.num)
	}
	if err := firstErr(p.error, bp.error); err != nil {
		return nil, err
	}
	return b.bytes()
}

// Scores exports every unit's scores for a year (unit = "") or one unit's
// scorecard, in the layout ImportScores reads: one row per criterion, the
// areas and criteria that group others in bold with their sums (an import
// skips them), and a sheet of totals as published.
func Scores(tx *store.Tx, year int, unit string) ([]byte, error) {
	return ScoresWith(tx, year, unit, nil)
}

// ScoresWith is Scores telling progress the rows written: a whole
// country's year takes seconds.
func ScoresWith(tx *store.Tx, year int, unit string, progress progress.Func) ([]byte, error) {
	f, err := tx.Framework(year)
	if err != nil {
		return nil, err
	}
	var units []data.Unit
	if unit != "" {
		u, err := tx.Unit(unit)
		if err != nil {
			return nil, err
		}
		units = []data.Unit{u}
	} else if units, err = tx.Units(); err != nil {
		return nil, err
	}
	sheets, err := tx.Sheets(year)
	if err != nil {
		return nil, err
	}
	if snap, ok, err := tx.RankingSnapshot(year); err != nil {
		return nil, err
	} else if ok {
		for i := range units { // a locked year: the names it was approved with
			if r, _ := snap.Find(units[i].Code); r != nil {
				units[i].Name = r.Unit.Name
			}
		}
	}
	var results map[string]data.Result
	if unit != "" {
		// The unit's result in its group of that year: for a locked year
		// as approved, with the unit's name of then.
		results = map[string]data.Result{}
		if res, _, _, _, found, err := tx.YearResult(year, units[0].Code); err != nil {
			return nil, err
		} else if found {
			results[res.Unit.Code] = res
			units[0].Name = res.Unit.Name
		}
	}
	o, err := tx.Office()
	if err != nil {
		return nil, err
	}
	return scoresBook(o.Name, f, units, sheets, unit != "", results, progress)
}

// Stages of a big export in its progress: the rows of the scores sheet,
// then the bytes of the zipped file.
const (
	stageScores = "Đang ghi bảng điểm (dòng)"
	stageZip    = "Đang nén tệp Excel (byte)"
)

func scoresBook(office string, f *data.Framework, units []data.Unit, sheets map[string]*data.Sheet, card bool, results map[string]data.Result, prog progress.Func) ([]byte, error) {
	b, err := newBook()
	if err != nil {
		return nil, err
	}
	b.print.office = office
	b.progress = prog
	p, _ := b.sheet(SheetScores)
	// One row per criterion of each unit written: the stream needs the
	// last row before the first.
	nodes := 0
	var count func(cs []data.Criterion)
	count = func(cs []data.Criterion) {
		for i := range cs {
			nodes++
			count(cs[i].Children)
		}
	}
	count(f.Areas)
	written := 0
	for _, u := range units {
		if card || sheets[u.Code] != nil {
			written++
		}
	}
	total := int64(written * nodes)
	p.streamed(rowHeader+int(total), func(row int) {
		if row > rowHeader && (row-rowHeader)%nodes == 0 { // a unit's last row
			prog.Report(stageScores, int64(row-rowHeader), total)
		}
	})
	p.metaRow(rowYear, "Năm", f.Year)
	if card {
		p.metaRow(rowTitle, "Phiếu điểm", units[0].Name)
		p.print.title = fmt.Sprintf("PHIẾU ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM %d — %s", f.Year, units[0].Name)
	} else {
		p.metaRow(rowTitle, "Bảng điểm", f.Title)
		p.print.title = fmt.Sprintf("BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM %d", f.Year)
	}
	p.set(1, rowHeader-1, scoresNote, b.headerCenter)
	p.headers(rowHeader, scoresLayout)
	r := rowHeader + 1
	for _, u := range units {
		s := sheets[u.Code]
		if s == nil {
			if !card {
				continue // not evaluated that year
			}
			s = data.NewSheet(f.Year, u.Code)
		}
		if r > rowHeader+1 {
			p.pageBreakBefore(r) // each unit starts a printed page
		}
		var walk func(cs []data.Criterion)
		walk = func(cs []data.Criterion) {
			for i := range cs {
				c := &cs[i]
				p.set(1, r, u.Code, b.text)
				p.set(2, r, u.Name, b.wrap)
				if c.IsLeaf() {
					sc := s.Scores[c.Code]
					p.set(3, r, c.Code, b.text)
					p.set(4, r, c.Title, b.wrap)
					p.set(5, r, c.Max, b.num)
					b.setScore(p, colSelf, r, c, sc.SelfValue())
					b.setScore(p, colAppraised, r, c, sc.AppraisedValue())
					p.set(8, r, sc.Note, b.wrap)
					p.set(9, r, sc.Evidence, b.wrap)
					for col := 10; col < len(scoresLayout); col++ {
						p.set(col, r, nil, b.num)
					}
					r++
					continue
				}
				// A row that groups criteria is a heading: its sums go to
				// the columns of their own, so that a SUM of E, F or G
				// over a unit's rows counts every point once.
				var self, appr data.Points
				var anySelf, anyAppr bool
				leavesOf(c, func(l *data.Criterion) {
					if v := s.Scores[l.Code].Self; v != nil {
						self, anySelf = self+*v, true
					}
					if v := s.Scores[l.Code].Appraised; v != nil {
						appr, anyAppr = appr+*v, true
					}
				})
				p.set(3, r, c.Code, b.bold)
				p.set(4, r, c.Title, b.bold)
				for col := 5; col <= 9; col++ {
					p.set(col, r, nil, b.bold)
				}
				p.set(10, r, c.LeafMax(), b.numBold)
				p.set(11, r, nil, b.numBold)
				p.set(12, r, nil, b.numBold)
				p.set(colSelfCounts, r, nil, b.bold)
				p.set(colAppraisedCounts, r, nil, b.bold)
				if anySelf {
					p.set(11, r, self, b.numBold)
				}
				if anyAppr {
					p.set(12, r, appr, b.numBold)
				}
				r++
				walk(c.Children)
			}
		}
		walk(f.Areas)
	}

	pp, _ := b.sheet(SheetPublished)
	pp.titleRows(fmt.Sprintf("TỔNG ĐIỂM DO CẤP TRÊN CÔNG BỐ NĂM %d", f.Year), "Chỉ điền khi tổng điểm được công bố khác tổng các thành phần; để trống nếu không có.")
	pp.headers(rowHeader, publishedCols)
	r = rowHeader + 1
	for _, u := range units {
		s := sheets[u.Code]
		if s == nil && !card {
			continue
		}
		pp.set(1, r, u.Code, b.text)
		pp.set(2, r, u.Name, b.wrap)
		pp.set(3, r, "", b.num)
		if s != nil {
			pp.set(3, r, s.Published, b.num)
		}
		r++
	}

	var errs []error
	errs = append(errs, p.error, pp.error)
	if card {
		res, ok := results[units[0].Code]
		if !ok {
			res = data.Evaluate(f, units[0], sheets[units[0].Code])
		}
		kp, _ := b.sheet("Kết quả")
		kp.titleRows(fmt.Sprintf("KẾT QUẢ CHỈ SỐ CCHC NĂM %d — %s", f.Year, strings.ToUpper(units[0].Name)))
		kp.headers(rowHeader, []column{{"Lĩnh vực", 50}, {"Điểm tối đa", 11}, {"Điểm đạt", 11}, {"Tỷ lệ (%)", 10}, {"Xếp loại", 14}})
		r := rowHeader + 1
		for _, a := range res.Areas {
			kp.set(1, r, a.Code+". "+a.Title, b.wrap)
			kp.set(2, r, a.Max, b.num)
			kp.set(3, r, a.Points, b.num)
			if a.Rating != "" {
				kp.set(4, r, a.Percent, b.num)
			}
			kp.set(5, r, a.Rating, b.wrap)
			r++
		}
		kp.set(1, r, "Tổng cộng", b.bold)
		kp.set(2, r, res.Max, b.numBold)
		if res.Unscored || !sheets[units[0].Code].HasAppraisal() {
			kp.set(5, r, data.NotScored, b.bold)
		} else {
			kp.set(3, r, res.Total, b.numBold)
			kp.set(4, r, res.Index, b.numBold)
			kp.set(5, r, res.Rating, b.bold)
		}
		if res.Rank > 0 {
			kp.set(1, r+2, "Thứ hạng trong nhóm", b.title)
			kp.set(2, r+2, res.Rank, b.title)
		}
		errs = append(errs, kp.error)
	}
	if err := firstErr(errs...); err != nil {
		return nil, err
	}
	return b.bytes()
}

// Ranking exports a group's ranking for a year: ranks, points per area,
// total, index, rating, the rating of the unit's head (the same band in
// the wording of the officials' evaluation) and the change against last
// year.
func Ranking(tx *store.Tx, year int, groupID string) ([]byte, error) {
	g, err := groupOrFirst(tx, groupID)
	if err != nil {
		return nil, err
	}
	results, f, err := tx.Ranking(year, g.ID)
	if err != nil {
		return nil, err
	}
	if g, err = tx.YearGroup(year, g.ID); err != nil { // a locked year: the group's name then
		return nil, err
	}
	b, err := newBook()
	if err != nil {
		return nil, err
	}
	b.forOffice(tx)
	p, _ := b.sheet("Xếp hạng")
	p.titleRows(fmt.Sprintf("KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM %d", year), g.Name+" — điểm tối đa "+f.Max().Short())
	cols := []column{{"Hạng", 7}, {"Mã đơn vị", 11}, {"Đơn vị", 28}}
	for _, a := range f.Areas {
		cols = append(cols, column{fmt.Sprintf("%s. %s (%s)", a.Code, a.Title, a.LeafMax().Short()), 14})
	}
	cols = append(cols, column{"Tổng điểm", 10}, column{"Chỉ số (%)", 10}, column{"Xếp loại", 12}, column{"Người đứng đầu: mức độ hoàn thành nhiệm vụ", 20}, column{"Hạng năm trước", 10}, column{"Thay đổi", 14})
	// A unit to which some criteria do not apply has its own max, which
	// its index is taken against: a last column says it, when any has one.
	ownMax := slices.ContainsFunc(results, func(r data.Result) bool { return !r.Unscored && r.Max != f.Max() })
	if ownMax {
		cols = append(cols, column{"Điểm tối đa của đơn vị", 12})
	}
	p.headers(rowHeader, cols)
	for i, res := range results {
		r := rowHeader + 1 + i
		p.set(2, r, res.Unit.Code, b.text)
		p.set(3, r, res.Unit.Name, b.wrap)
		c := 4 + len(res.Areas)
		if res.Unscored {
			// Not appraised: listed, not ranked, no figures.
			p.set(c+2, r, data.NotScored, b.text)
			p.set(c+5, r, "", b.text)
			continue
		}
		p.set(1, r, res.Rank, b.intStyle)
		for j, a := range res.Areas {
			p.set(4+j, r, a.Points, b.num)
		}
		p.set(c, r, res.Total, b.num)
		p.set(c+1, r, res.Index, b.num)
		p.set(c+2, r, res.Rating, b.wrap)
		p.set(c+3, r, data.HeadRating(res.Rating), b.wrap)
		if res.PrevRank > 0 {
			p.set(c+4, r, res.PrevRank, b.intStyle)
		} else {
			p.set(c+4, r, "", b.intStyle)
		}
		p.set(c+5, r, res.RankChangeLabel(), b.wrap)
		if ownMax {
			p.set(c+6, r, res.Max, b.num)
		}
	}
	if p.error != nil {
		return nil, p.error
	}
	return b.bytes()
}

// LostPoints exports the criteria by points lost across a group's units,
// with a second sheet of the units that lost them and their notes.
func LostPoints(tx *store.Tx, year int, groupID string) ([]byte, error) {
	g, err := groupOrFirst(tx, groupID)
	if err != nil {
		return nil, err
	}
	f, err := tx.Framework(year)
	if err != nil {
		return nil, err
	}
	units, err := tx.YearUnits(year, g.ID) // a locked year: the units as they were
	if err != nil {
		return nil, err
	}
	if g, err = tx.YearGroup(year, g.ID); err != nil {
		return nil, err
	}
	sheets, err := tx.Sheets(year)
	if err != nil {
		return nil, err
	}
	lost := data.LostPoints(f, units, sheets)
	b, err := newBook()
	if err != nil {
		return nil, err
	}
	b.forOffice(tx)
	p, _ := b.sheet("Điểm bị trừ")
	p.titleRows(fmt.Sprintf("TIÊU CHÍ BỊ TRỪ ĐIỂM NĂM %d", year), g.Name)
	p.headers(rowHeader, []column{{"STT", 6}, {"Mã tiêu chí", 11}, {"Tiêu chí", 48}, {"Lĩnh vực", 9}, {"Điểm tối đa", 10},
		{"Tổng điểm bị trừ", 11}, {"Số đơn vị bị trừ", 10}, {"Đơn vị bị trừ nhiều nhất", 48}})
	d, _ := b.sheet("Chi tiết theo đơn vị")
	d.titleRows(fmt.Sprintf("ĐIỂM BỊ TRỪ THEO ĐƠN VỊ NĂM %d", year), g.Name)
	d.headers(rowHeader, []column{{"Mã tiêu chí", 11}, {"Tiêu chí", 50}, {"Mã đơn vị", 11}, {"Đơn vị", 28}, {"Điểm bị trừ", 10}, {"Ghi chú", 40}})
	dr := rowHeader + 1
	for i, lp := range lost {
		r := rowHeader + 1 + i
		var most []string
		for j, ul := range lp.Units {
			if j == 3 {
				break
			}
			most = append(most, ul.Unit.Name+" ("+ul.Lost.String()+")")
		}
		p.set(1, r, i+1, b.intStyle)
		p.set(2, r, lp.Code, b.text)
		p.set(3, r, lp.Title, b.wrap)
		p.set(4, r, lp.AreaCode, b.intStyle)
		p.set(5, r, lp.Max, b.num)
		p.set(6, r, lp.Lost, b.num)
		p.set(7, r, len(lp.Units), b.intStyle)
		p.set(8, r, strings.Join(most, "; "), b.wrap)
		for _, ul := range lp.Units {
			d.set(1, dr, lp.Code, b.text)
			d.set(2, dr, lp.Title, b.wrap)
			d.set(3, dr, ul.Unit.Code, b.text)
			d.set(4, dr, ul.Unit.Name, b.wrap)
			d.set(5, dr, ul.Lost, b.num)
			d.set(6, dr, ul.Note, b.wrap)
			dr++
		}
	}
	if err := firstErr(p.error, d.error); err != nil {
		return nil, err
	}
	return b.bytes()
}

// Tasks exports a year's reform tasks (all years when year is 0) with their
// status on today.
func Tasks(tx *store.Tx, year int, today time.Time) ([]byte, error) {
	tasks, err := tx.Tasks(data.TaskFilter{Year: year})
	if err != nil {
		return nil, err
	}
	units, err := tx.Units()
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, u := range units {
		names[u.Code] = u.Name
	}
	unitName := func(code string) string {
		if n, ok := names[code]; ok {
			return n
		}
		return code
	}
	b, err := newBook()
	if err != nil {
		return nil, err
	}
	b.forOffice(tx)
	p, _ := b.sheet("Nhiệm vụ")
	title := "DANH SÁCH NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"
	if year > 0 {
		title += fmt.Sprintf(" NĂM %d", year)
	}
	p.titleRows(title, "Trạng thái tính đến ngày "+data.FormatDate(today))
	p.headers(rowHeader, []column{{"STT", 6}, {"Nhiệm vụ", 48}, {"Kế hoạch", 30}, {"Đơn vị chủ trì", 22}, {"Cán bộ phụ trách", 18},
		{"Đơn vị phối hợp", 24}, {"Ngày bắt đầu", 12}, {"Hạn hoàn thành", 12}, {"Tiến độ (%)", 9}, {"Trạng thái", 14},
		{"Số ngày quá hạn", 9}, {"Ngày hoàn thành", 12}, {"Kết quả thực hiện", 36}, {"Tiêu chí liên quan", 10}})
	for i, t := range tasks {
		r := rowHeader + 1 + i
		var co []string
		for _, c := range t.CoUnits {
			co = append(co, unitName(c))
		}
		in := ""
		if t.Unit != "" {
			in = unitName(t.Unit)
		}
		p.set(1, r, i+1, b.intStyle)
		p.set(2, r, t.Title, b.wrap)
		p.set(3, r, t.PlanName, b.wrap)
		p.set(4, r, in, b.wrap)
		p.set(5, r, t.Officer, b.wrap)
		p.set(6, r, strings.Join(co, "; "), b.wrap)
		p.set(7, r, t.Start, b.date)
		p.set(8, r, t.Due, b.date)
		p.set(9, r, t.Progress, b.intStyle)
		p.set(10, r, t.Status(today).Label(), b.wrap)
		if late := t.DaysLate(today); late > 0 {
			p.set(11, r, late, b.intStyle)
		} else {
			p.set(11, r, "", b.intStyle)
		}
		if t.Done {
			p.set(12, r, t.DoneDate, b.date)
		} else {
			p.set(12, r, "", b.date)
		}
		p.set(13, r, t.Result, b.wrap)
		p.set(14, r, t.Criterion, b.text)
	}
	if p.error != nil {
		return nil, p.error
	}
	return b.bytes()
}

func groupOrFirst(tx *store.Tx, id string) (data.Group, error) {
	if id != "" {
		return tx.Group(id)
	}
	gs, err := tx.Groups()
	if err != nil {
		return data.Group{}, err
	}
	if len(gs) == 0 {
		return data.Group{}, data.Errorf(data.ENOTFOUND, "Chưa có nhóm đơn vị nào")
	}
	return gs[0], nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return data.Errorf(data.EINTERNAL, "Không tạo được tệp Excel: %v", e)
		}
	}
	return nil
}

// leavesOf calls fn for every leaf under c (c itself when it is a leaf).
func leavesOf(c *data.Criterion, fn func(*data.Criterion)) {
	if c.IsLeaf() {
		fn(c)
		return
	}
	for i := range c.Children {
		leavesOf(&c.Children[i], fn)
	}
}
