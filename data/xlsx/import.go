package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// Summary says what an import wrote.
type Summary struct {
	Kind     string // "đơn vị", "bộ chỉ số", "điểm"
	Year     int
	Units    int // units added or changed; units scored
	Groups   int // groups created or renamed
	Criteria int // criteria of the framework
	Scores   int // scores entered
	Cleared  int // scores cleared (rows left blank)
	Backup   store.Backup
}

func (s Summary) String() string {
	var b strings.Builder
	switch s.Kind {
	case kindUnits:
		fmt.Fprintf(&b, "Đã nhập %s đơn vị", data.FormatCount(int64(s.Units)))
		if s.Groups > 0 {
			fmt.Fprintf(&b, " và %s nhóm xếp hạng", data.FormatCount(int64(s.Groups)))
		}
		b.WriteString(".")
	case kindFramework:
		fmt.Fprintf(&b, "Đã nhập bộ chỉ số năm %d: %s tiêu chí.", s.Year, data.FormatCount(int64(s.Criteria)))
	case kindScores:
		fmt.Fprintf(&b, "Đã nhập điểm năm %d của %s đơn vị: %s điểm", s.Year, data.FormatCount(int64(s.Units)), data.FormatCount(int64(s.Scores)))
		if s.Cleared > 0 {
			fmt.Fprintf(&b, ", xóa %s điểm để trống", data.FormatCount(int64(s.Cleared)))
		}
		b.WriteString(".")
	}
	if s.Backup.Path != "" {
		b.WriteString(" Bản sao lưu trước khi nhập: " + s.Backup.Path)
	}
	return b.String()
}

const (
	kindUnits     = "đơn vị"
	kindFramework = "bộ chỉ số"
	kindScores    = "điểm"
)

// As lets errors.As see refused imports as application errors, so every
// caller that shows data.ErrorMessage shows the list.
func (ps Problems) As(target any) bool {
	if t, ok := target.(**data.Error); ok {
		*t = &data.Error{Code: data.EINVALID, Message: ps.Error()}
		return true
	}
	return false
}

// table is the part of a sheet under its header row.
type table struct {
	sheet  string
	header int // 1-based row of the header
	cols   []column
	rows   [][]string
	meta   map[string]string // "nam" → "2023": label/value lines above the header
}

// get returns the cleaned value at 1-based row and column, "" when empty.
func (t *table) get(row, col int) string {
	if row-1 >= len(t.rows) || col-1 >= len(t.rows[row-1]) {
		return ""
	}
	return strings.TrimSpace(t.rows[row-1][col-1])
}

// each calls fn for each data row that is not blank.
func (t *table) each(fn func(row int)) {
	for r := t.header + 1; r <= len(t.rows); r++ {
		if !slices.ContainsFunc(t.rows[r-1], func(s string) bool { return strings.TrimSpace(s) != "" }) {
			continue
		}
		fn(r)
	}
}

func (t *table) problem(row, col int, format string, args ...any) Problem {
	p := Problem{Sheet: t.sheet, Row: row, Col: col, Msg: fmt.Sprintf(format, args...)}
	if col > 0 && col <= len(t.cols) {
		p.Header = t.cols[col-1].title
	}
	return p
}

// maxFile bounds what an import reads: an office's workbook is a few
// hundred kilobytes; a larger one is a mistake, or a zip bomb.
const (
	maxFile     = 32 << 20
	maxUnzipped = 256 << 20
)

// openBook reads a workbook; a file that is not one is a problem, never a
// panic.
func openBook(r io.Reader) (f *excelize.File, ps Problems) {
	raw, err := io.ReadAll(io.LimitReader(r, maxFile+1))
	if err != nil {
		return nil, Problems{{Msg: "Không đọc được tệp: " + err.Error()}}
	}
	if len(raw) > maxFile {
		return nil, Problems{{Msg: "Tệp lớn hơn 32 MB, không phải bảng dữ liệu ParDesk"}}
	}
	defer func() {
		if recover() != nil {
			f, ps = nil, Problems{{Msg: "Tệp Excel bị hỏng, không đọc được"}}
		}
	}()
	f, err = excelize.OpenReader(bytes.NewReader(raw), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		return nil, Problems{{Msg: "Tệp không phải tệp Excel .xlsx đọc được (có thể bị hỏng, chưa tải xong hoặc là tệp .xls cũ): " + err.Error()}}
	}
	return f, nil
}

// readTable finds the sheet and checks its header row against cols. The
// header is the first of the first ten rows that starts with cols[0].
func readTable(f *excelize.File, sheet string, cols []column, optional bool) (t *table, ps Problems) {
	defer func() {
		if recover() != nil {
			t, ps = nil, Problems{{Sheet: sheet, Msg: "trang tính bị hỏng, không đọc được"}}
		}
	}()
	name := ""
	for _, s := range f.GetSheetList() {
		if data.Fold(data.Clean(s)) == data.Fold(sheet) {
			name = s
			break
		}
	}
	if name == "" {
		if optional {
			return nil, nil
		}
		return nil, Problems{{Msg: fmt.Sprintf("Tệp không có trang tính «%s» (các trang tính có: %s)", sheet, strings.Join(f.GetSheetList(), ", "))}}
	}
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, Problems{{Sheet: sheet, Msg: "không đọc được: " + err.Error()}}
	}
	t = &table{sheet: name, cols: cols, rows: rows, meta: map[string]string{}}
	want := data.Fold(cols[0].title)
	for r := 1; r <= min(10, len(rows)); r++ {
		if data.Fold(data.Clean(t.get(r, 1))) == want {
			t.header = r
			break
		}
		if label := data.Fold(data.Clean(t.get(r, 1))); label != "" {
			t.meta[label] = t.get(r, 2)
		}
	}
	if t.header == 0 {
		return nil, Problems{{Sheet: name, Msg: fmt.Sprintf("không tìm thấy dòng tiêu đề của bảng (ô đầu dòng «%s» trong 10 dòng đầu)", cols[0].title)}}
	}
	for i, c := range cols {
		if got := data.Clean(t.get(t.header, i+1)); data.Fold(got) != data.Fold(c.title) {
			ps = append(ps, t.problem(t.header, i+1, "tiêu đề cột là «%s», cần «%s» (hãy dùng tệp mẫu)", got, c.title))
			ps[len(ps)-1].Header = ""
		}
	}
	if ps != nil {
		return nil, ps
	}
	return t, nil
}

// metaYear reads the "Năm" line above the table.
func (t *table) metaYear() (int, Problems) {
	raw, ok := t.meta[data.Fold("Năm")]
	y, okInt := cellInt(raw)
	if !ok || !okInt || y < 2000 || y > 2100 {
		return 0, Problems{{Sheet: t.sheet, Row: rowYear, Col: 2, Msg: fmt.Sprintf("ô năm đánh giá (dòng «Năm») phải là số từ 2000 đến 2100, đang là «%s»", raw)}}
	}
	return y, nil
}

// apply backs up the data file, then writes in one transaction. A refusal
// by the store (scores that no longer fit; a year locked since the
// importer's own check) becomes a problem, and nothing is written. What
// can be refused without writing (a locked year, a year without
// framework) the importers refuse before calling apply, so such a file
// leaves no backup behind.
func apply(st *store.Store, sum *Summary, fn func(tx *store.Tx) error) error {
	b, err := st.Backup(store.ReasonImport)
	if err != nil {
		return err
	}
	sum.Backup = b
	err = st.Update(fn)
	if err != nil && data.ErrorCode(err) != data.EINTERNAL {
		return Problems{{Msg: data.ErrorMessage(err)}}
	}
	return err
}

// ImportUnits reads units (and the groups they name) from a workbook laid
// out as Units exports them, and saves them all, or none when any row is
// wrong. A unit already stored under the same code is replaced; a group
// code not stored yet is created with the name given in the row.
func ImportUnits(st *store.Store, r io.Reader) (Summary, error) {
	sum := Summary{Kind: kindUnits}
	f, ps := openBook(r)
	if ps != nil {
		return sum, ps
	}
	defer f.Close()
	t, ps := readTable(f, SheetUnits, unitCols, false)
	if ps != nil {
		return sum, ps
	}
	var stored map[string]data.Group
	if err := st.View(func(tx *store.Tx) error {
		gs, err := tx.Groups()
		stored = map[string]data.Group{}
		for _, g := range gs {
			stored[g.ID] = g
		}
		return err
	}); err != nil {
		return sum, err
	}
	var units []data.Unit
	groups := map[string]data.Group{} // to create or rename
	rowOf := map[string]int{}
	t.each(func(r int) {
		u := data.Unit{Code: data.Clean(t.get(r, 1)), Name: data.Clean(t.get(r, 2)), GroupID: data.Clean(t.get(r, 4))}
		bad := false
		fail := func(col int, format string, args ...any) {
			ps = append(ps, t.problem(r, col, format, args...))
			bad = true
		}
		if u.Code == "" {
			fail(1, "chưa có mã đơn vị")
		} else if first, dup := rowOf[u.Code]; dup {
			fail(1, "mã đơn vị %s trùng với dòng %d", u.Code, first)
		} else {
			rowOf[u.Code] = r
		}
		kind := data.Fold(data.Clean(t.get(r, 3)))
		for _, k := range data.UnitKinds {
			if kind == data.Fold(k.Label()) || kind == string(k) {
				u.Kind = k
			}
		}
		if u.Kind == "" && kind != "" {
			var labels []string
			for _, k := range data.UnitKinds {
				labels = append(labels, k.Label())
			}
			fail(3, "loại đơn vị «%s» không có; chọn một trong: %s", t.get(r, 3), strings.Join(labels, ", "))
		}
		gname := data.Clean(t.get(r, 5))
		if g, ok := stored[u.GroupID]; u.GroupID != "" && (!ok || (gname != "" && gname != g.Name)) {
			switch {
			case gname == "":
				fail(5, "nhóm mã %s chưa có; ghi tên nhóm để tạo nhóm mới", u.GroupID)
			case groups[u.GroupID].Name != "" && groups[u.GroupID].Name != gname:
				fail(5, "nhóm mã %s mang hai tên khác nhau: «%s» và «%s»", u.GroupID, groups[u.GroupID].Name, gname)
			default:
				g.ID, g.Name = u.GroupID, gname
				groups[u.GroupID] = g
			}
		}
		if s := t.get(r, 6); s != "" {
			n, ok := cellInt(s)
			if !ok || n < 0 || n > 100000 {
				fail(6, "thứ tự phải là số nguyên từ 0 đến 100.000, đang là «%s»", s)
			}
			u.Order = n
		}
		switch v := data.Fold(data.Clean(t.get(r, 7))); v {
		case "", "0", "khong", "false":
		case "x", "1", "co", "true":
			u.Inactive = true
		default:
			fail(7, "ghi «x» nếu đơn vị ngừng đánh giá, để trống nếu không; đang là «%s»", t.get(r, 7))
		}
		if bad {
			return
		}
		if err := u.Validate(); err != nil {
			ps = append(ps, t.problem(r, 0, "%s", data.ErrorMessage(err)))
			return
		}
		units = append(units, u)
	})
	if ps != nil {
		return sum, ps
	}
	if len(units) == 0 {
		return sum, Problems{{Sheet: t.sheet, Msg: "không có dòng đơn vị nào dưới dòng tiêu đề"}}
	}
	sum.Units, sum.Groups = len(units), len(groups)
	return sum, apply(st, &sum, func(tx *store.Tx) error {
		for _, id := range slicesSorted(groups) {
			if err := tx.PutGroup(groups[id]); err != nil {
				return err
			}
		}
		for _, u := range units {
			if err := tx.PutUnit(u); err != nil {
				return err
			}
		}
		return nil
	})
}

// ImportFramework reads a year's framework from a workbook laid out as
// Framework exports it: one row per area, criterion and sub-criterion with
// its level ("Cấp" 1, 2, 3…), code, title and max; the rating bands from
// the sheet "Xếp loại" (the default bands when the sheet is absent). It
// replaces the year's framework, as long as the scores already entered still
// fit it.
func ImportFramework(st *store.Store, r io.Reader) (Summary, error) {
	sum := Summary{Kind: kindFramework}
	f, ps := openBook(r)
	if ps != nil {
		return sum, ps
	}
	defer f.Close()
	t, ps := readTable(f, SheetFramework, frameworkCols, false)
	bt, bps := readTable(f, SheetBands, bandCols, true)
	ps = append(ps, bps...)
	if ps != nil {
		return sum, ps
	}
	year, ps := t.metaYear()
	fw := &data.Framework{Year: year, Title: data.Clean(t.meta[data.Fold("Tên bộ chỉ số")])}
	// stack[i] is the path to the last criterion of level i+1.
	var stack []*data.Criterion
	type given struct {
		row int
		max data.Points
	}
	parentMax := map[string]given{}
	count := 0
	t.each(func(r int) {
		level, ok := cellInt(t.get(r, 1))
		if !ok || level < 1 || level > 6 {
			ps = append(ps, t.problem(r, 1, "cấp phải là số từ 1 (lĩnh vực) đến 6, đang là «%s»", t.get(r, 1)))
			return
		}
		if level > len(stack)+1 {
			ps = append(ps, t.problem(r, 1, "cấp %d đứng sau cấp %d: thiếu tiêu chí cấp %d ở trên", level, len(stack), level-1))
			return
		}
		c := data.Criterion{Code: data.Clean(t.get(r, 2)), Title: data.Clean(t.get(r, 3)), Hint: data.CleanMultiline(t.get(r, 6))}
		if c.Code == "" {
			ps = append(ps, t.problem(r, 2, "chưa có mã tiêu chí"))
		}
		if c.Title == "" {
			ps = append(ps, t.problem(r, 3, "chưa có tên tiêu chí"))
		}
		var max data.Points
		if s := t.get(r, 4); s != "" {
			p, err := cellPoints(s)
			if err != nil || p <= 0 || p > data.P(1000, 0) {
				ps = append(ps, t.problem(r, 4, "điểm tối đa phải lớn hơn 0 và không quá 1.000, tối đa hai chữ số thập phân; đang là «%s»", s))
			}
			max = p
		}
		c.Max = max
		if k := data.Fold(data.Clean(t.get(r, 5))); k != "" {
			found := false
			for _, kind := range []data.CriterionKind{data.KindScored, data.KindSurvey, data.KindBonus, data.KindPenalty} {
				if k == data.Fold(kind.Label()) {
					c.Kind, found = kind, true
				}
			}
			switch {
			case !found:
				ps = append(ps, t.problem(r, 5, "loại «%s» không có; để trống hoặc ghi: Điều tra xã hội học, Điểm thưởng, Điểm trừ", t.get(r, 5)))
			case level > 1 && c.Kind != data.KindScored:
				ps = append(ps, t.problem(r, 5, "chỉ lĩnh vực (cấp 1) mới ghi loại; tiêu chí con theo loại của lĩnh vực"))
			}
		}
		count++
		stack = stack[:level-1]
		if level == 1 {
			fw.Areas = append(fw.Areas, c)
		} else {
			parent := stack[level-2]
			parent.Children = append(parent.Children, c)
		}
		// Appending may move the slices the stack points into: rebuild
		// the path from the root.
		stack = lastPath(fw, level)
		if _, dup := parentMax[c.Code]; !dup {
			parentMax[c.Code] = given{r, max}
		}
	})
	if len(fw.Areas) == 0 && ps == nil {
		ps = append(ps, Problem{Sheet: t.sheet, Msg: "không có dòng tiêu chí nào dưới dòng tiêu đề"})
	}
	// A leaf must have its max; a parent's max, when written, must be the
	// sum of its leaves (a typo there is a typo somewhere below). A broken
	// tree would make the sums meaningless, so they wait until it is right.
	structural := ps != nil
	var check func(cs []data.Criterion)
	check = func(cs []data.Criterion) {
		for i := range cs {
			c := &cs[i]
			g := parentMax[c.Code]
			switch {
			case c.IsLeaf() && g.max == 0:
				ps = append(ps, t.problem(g.row, 4, "tiêu chí %s chưa có điểm tối đa", c.Code))
			case !structural && !c.IsLeaf() && g.max != 0 && g.max != c.LeafMax():
				ps = append(ps, t.problem(g.row, 4, "điểm tối đa của %s là %s nhưng tổng các tiêu chí con là %s", c.Code, g.max.Short(), c.LeafMax().Short()))
			}
			check(c.Children)
		}
	}
	check(fw.Areas)
	if bt != nil {
		bt.each(func(r int) {
			b := data.Band{Name: data.Clean(bt.get(r, 1))}
			p, err := cellPoints(bt.get(r, 2))
			if err != nil || p > data.P(100, 0) {
				ps = append(ps, bt.problem(r, 2, "ngưỡng phải là số từ 0 đến 100, đang là «%s»", bt.get(r, 2)))
			}
			b.Min = data.Percent(p)
			fw.Bands = append(fw.Bands, b)
		})
	}
	if ps != nil {
		return sum, ps
	}
	if err := fw.Validate(); err != nil {
		return sum, Problems{{Sheet: t.sheet, Msg: data.ErrorMessage(err)}}
	}
	// A locked year is refused before the backup, which would be useless.
	if err := st.View(func(tx *store.Tx) error { return tx.CheckUnlocked(year) }); data.ErrorCode(err) == data.ELOCKED {
		return sum, Problems{{Sheet: t.sheet, Row: rowYear, Col: 2, Msg: data.ErrorMessage(err)}}
	} else if err != nil {
		return sum, err
	}
	sum.Year, sum.Criteria = year, count
	return sum, apply(st, &sum, func(tx *store.Tx) error { return tx.PutFramework(fw) })
}

// lastPath returns the last criterion of each level, from the root down to
// level.
func lastPath(f *data.Framework, level int) []*data.Criterion {
	path := make([]*data.Criterion, 0, level)
	cs := f.Areas
	for i := 0; i < level; i++ {
		c := &cs[len(cs)-1]
		path = append(path, c)
		cs = c.Children
	}
	return path
}

type scoreRow struct {
	row       int
	unit      string
	code      string
	score     data.Score
	published bool // a row of the published-total sheet
	total     *data.Points
}

// ImportScores reads a year's scores from a workbook laid out as Scores
// exports them (one unit's scorecard or every unit's): one row per unit and
// leaf criterion with the self score, the appraised score, the note and the
// evidence. Rows of areas and criteria that group others are sums and are
// skipped. A row left blank clears that score; units and criteria not in the
// file keep theirs. Every score is checked against its criterion's max; one
// wrong cell and nothing is written.
func ImportScores(st *store.Store, r io.Reader) (Summary, error) {
	sum := Summary{Kind: kindScores}
	f, ps := openBook(r)
	if ps != nil {
		return sum, ps
	}
	defer f.Close()
	t, ps := readTable(f, SheetScores, scoreCols, false)
	pt, pps := readTable(f, SheetPublished, publishedCols, true)
	ps = append(ps, pps...)
	if ps != nil {
		return sum, ps
	}
	year, ps := t.metaYear()
	if ps != nil {
		return sum, ps
	}
	var fw *data.Framework
	units := map[string]bool{}
	// The year must have a framework and be open before anything else
	// happens: a refused import leaves no backup behind.
	err := st.View(func(tx *store.Tx) error {
		var err error
		if fw, err = tx.Framework(year); err != nil {
			return err
		}
		if err := tx.CheckUnlocked(year); err != nil {
			return err
		}
		us, err := tx.Units()
		for _, u := range us {
			units[u.Code] = true
		}
		return err
	})
	switch data.ErrorCode(err) {
	case "":
	case data.ENOTFOUND:
		return sum, Problems{{Sheet: t.sheet, Row: rowYear, Col: 2, Msg: data.ErrorMessage(err) + "; hãy nhập bộ chỉ số trước"}}
	case data.ELOCKED:
		return sum, Problems{{Sheet: t.sheet, Row: rowYear, Col: 2, Msg: data.ErrorMessage(err)}}
	default:
		return sum, err
	}
	var rows []scoreRow
	seen := map[[2]string]int{}
	t.each(func(r int) {
		unit, code := data.Clean(t.get(r, 1)), data.Clean(t.get(r, 3))
		bad := false
		if unit == "" {
			ps, bad = append(ps, t.problem(r, 1, "chưa có mã đơn vị")), true
		} else if !units[unit] {
			ps, bad = append(ps, t.problem(r, 1, "không có đơn vị mã %s; hãy nhập danh sách đơn vị trước", unit)), true
		}
		c := fw.Find(code)
		switch {
		case code == "":
			ps = append(ps, t.problem(r, 3, "chưa có mã tiêu chí"))
			return
		case c == nil:
			ps = append(ps, t.problem(r, 3, "mã tiêu chí %s không có trong bộ chỉ số năm %d", code, year))
			return
		case !c.IsLeaf():
			return // a subtotal row
		}
		if first, dup := seen[[2]string{unit, code}]; dup && !bad {
			ps = append(ps, t.problem(r, 3, "điểm tiêu chí %s của đơn vị %s đã có ở dòng %d", code, unit, first))
			return
		}
		seen[[2]string{unit, code}] = r
		sr := scoreRow{row: r, unit: unit, code: code}
		for _, cell := range []struct {
			col int
			dst **data.Points
		}{{6, &sr.score.Self}, {7, &sr.score.Appraised}} {
			s := t.get(r, cell.col)
			if s == "" {
				continue
			}
			p, err := cellPoints(s)
			if err != nil {
				_, err = data.ParseScore(c, s)
			} else {
				err = data.CheckScore(c, p)
			}
			if err != nil {
				ps = append(ps, t.problem(r, cell.col, "%s", data.ErrorMessage(err)))
				continue
			}
			*cell.dst = &p
		}
		sr.score.Note = data.CleanMultiline(t.get(r, 8))
		sr.score.Evidence = data.CleanMultiline(t.get(r, 9))
		if !bad {
			rows = append(rows, sr)
		}
	})
	if pt != nil {
		pseen := map[string]int{}
		pt.each(func(r int) {
			unit := data.Clean(pt.get(r, 1))
			switch {
			case unit == "":
				ps = append(ps, pt.problem(r, 1, "chưa có mã đơn vị"))
				return
			case !units[unit]:
				ps = append(ps, pt.problem(r, 1, "không có đơn vị mã %s", unit))
				return
			}
			if first, dup := pseen[unit]; dup {
				ps = append(ps, pt.problem(r, 1, "đơn vị %s đã có ở dòng %d", unit, first))
				return
			}
			pseen[unit] = r
			sr := scoreRow{row: r, unit: unit, published: true}
			if s := pt.get(r, 3); s != "" {
				p, err := cellPoints(s)
				if err != nil || p > fw.Max() {
					ps = append(ps, pt.problem(r, 3, "tổng điểm công bố phải là số từ 0 đến %s, tối đa hai chữ số thập phân; đang là «%s»", fw.Max().Short(), s))
					return
				}
				sr.total = &p
			}
			rows = append(rows, sr)
		})
	}
	if ps != nil {
		return sum, ps
	}
	if len(rows) == 0 {
		return sum, Problems{{Sheet: t.sheet, Msg: "không có dòng điểm nào dưới dòng tiêu đề"}}
	}
	byUnit := map[string][]scoreRow{}
	for _, sr := range rows {
		byUnit[sr.unit] = append(byUnit[sr.unit], sr)
		if !sr.published {
			if sr.score == (data.Score{}) {
				sum.Cleared++
			} else {
				sum.Scores++
			}
		}
	}
	sum.Year, sum.Units = year, len(byUnit)
	return sum, apply(st, &sum, func(tx *store.Tx) error {
		for _, unit := range slicesSorted(byUnit) {
			sh, err := tx.Sheet(year, unit)
			if err != nil {
				return err
			}
			for _, sr := range byUnit[unit] {
				switch {
				case sr.published:
					sh.Published = sr.total
				case sr.score == (data.Score{}):
					delete(sh.Scores, sr.code)
				default:
					sh.Scores[sr.code] = sr.score
				}
			}
			if err := tx.PutSheet(sh); err != nil {
				return err
			}
		}
		return nil
	})
}

func slicesSorted[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
