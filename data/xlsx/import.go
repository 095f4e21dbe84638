package xlsx

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/progress"
	"github.com/pardesk/pardesk/data/store"
)

// Summary says what an import wrote.
type Summary struct {
	Kind     string // "đơn vị", "bộ chỉ số", "điểm"
	Year     int
	Units    int       // units added or changed; units scored
	Groups   int       // groups created or renamed
	Criteria int       // criteria of the framework
	Scores   int       // scores entered
	Changed  int       // of those (and of the cleared), the ones that differ from what was stored
	Cleared  int       // stored scores cleared (cells left blank)
	Clears   []Cleared // which ones, by sheet, row and column
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
		if s.Changed == 0 {
			b.WriteString(", giống hệt dữ liệu đang có (không điểm nào thay đổi)")
		} else {
			fmt.Fprintf(&b, ", %s điểm thay đổi so với dữ liệu đang có", data.FormatCount(int64(s.Changed)))
		}
		if s.Cleared > 0 {
			fmt.Fprintf(&b, ", xóa %s điểm đã lưu mà tệp để trống", data.FormatCount(int64(s.Cleared)))
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

// table is the part of a sheet under its header row, read one row at a
// time: the rows down to the header are kept, the rows under it are given
// to each as they are read.
type table struct {
	sheet  string
	header int // 1-based row of the header
	cols   []column
	head   map[int][]xcell  // the rows down to the header, by row number
	meta   map[string]xcell // "nam" → 2023: label/value lines above the header
	rr     *rowReader
	curN   int     // the row each is at
	cur    []xcell // its cells
	noted  map[[2]int]bool
	out    *Problems // where get reports cells it cannot read
}

// cell returns the cell at 1-based row and column: a row down to the
// header, or the row each is at.
func (t *table) cell(row, col int) xcell {
	cells := t.head[row]
	if row == t.curN && row > t.header {
		cells = t.cur
	}
	if col < 1 || col > len(cells) {
		return xcell{}
	}
	return cells[col-1]
}

// get returns the cell at row and column as text, trimmed, "" when empty.
// A formula never computed is reported (once) and reads as empty.
func (t *table) get(row, col int) string {
	c := t.cell(row, col)
	if c.kind == cellNoValue {
		t.noValue(row, col)
	}
	return strings.TrimSpace(c.text())
}

// noValue reports a cell whose formula has no saved value.
func (t *table) noValue(row, col int) {
	if t.noted[[2]int{row, col}] || t.out == nil {
		return
	}
	t.noted[[2]int{row, col}] = true
	*t.out = append(*t.out, t.problem(row, col, "%s", msgNoValue))
}

// msgNoValue is the problem of a formula cell without its value.
const msgNoValue = "ô có công thức nhưng chưa có giá trị đã tính (tệp do một chương trình tạo ra, chưa được lưu bằng Excel): hãy mở tệp bằng Excel, lưu lại rồi nhập"

// each calls fn for each data row that is not blank, reading the sheet as
// it goes; it returns the problem that stopped the reading, if any.
func (t *table) each(fn func(row int)) Problems {
	if t.rr == nil {
		return nil
	}
	defer t.rr.close()
	for {
		n, cells, ps := t.rr.next()
		if ps != nil || n == 0 {
			t.curN, t.cur = 0, nil
			return ps
		}
		if n <= t.header || !slices.ContainsFunc(cells, func(c xcell) bool { return !c.blank() }) {
			continue
		}
		t.curN, t.cur = n, cells
		fn(n)
	}
}

func (t *table) close() {
	if t != nil {
		t.rr.close()
	}
}

func (t *table) problem(row, col int, format string, args ...any) Problem {
	p := Problem{Sheet: t.sheet, Row: row, Col: col, Msg: fmt.Sprintf(format, args...)}
	if col > 0 && col <= len(t.cols) {
		p.Header = t.cols[col-1].title
	}
	return p
}

// readTable finds the sheet and checks its header row against cols. The
// header is the first of the first ten rows that starts with cols[0].
// Problems of the cells read later go to out. The caller closes the table.
func readTable(wb *workbook, sheet string, cols []column, optional bool, out *Problems) (t *table, ps Problems) {
	var found *wbSheet
	for i, s := range wb.sheets {
		if data.Fold(data.Clean(s.name)) == data.Fold(sheet) {
			found = &wb.sheets[i]
			break
		}
	}
	if found == nil {
		if optional {
			return nil, nil
		}
		return nil, Problems{{Msg: fmt.Sprintf("Tệp không có trang tính «%s» (các trang tính có: %s)", sheet, strings.Join(wb.names(), ", "))}}
	}
	rr, ps := wb.rows(*found, len(cols))
	if ps != nil {
		return nil, ps
	}
	t = &table{sheet: found.name, cols: cols, rr: rr, head: map[int][]xcell{}, meta: map[string]xcell{}, noted: map[[2]int]bool{}, out: out}
	want := data.Fold(cols[0].title)
	for t.header == 0 {
		n, cells, ps := rr.next()
		if ps != nil {
			return nil, ps
		}
		if n == 0 || n > 10 {
			break
		}
		t.head[n] = slices.Clone(cells)
		label := data.Fold(data.Clean(t.get(n, 1)))
		switch {
		case label == want:
			t.header = n
		case label != "":
			t.meta[label] = t.cell(n, 2)
		}
	}
	if t.header == 0 {
		rr.close()
		return nil, Problems{{Sheet: t.sheet, Msg: fmt.Sprintf("không tìm thấy dòng tiêu đề của bảng (ô đầu dòng «%s» trong 10 dòng đầu)", cols[0].title)}}
	}
	for i, c := range cols {
		if got := data.Clean(t.get(t.header, i+1)); data.Fold(got) != data.Fold(c.title) && (got != "" || !optionalHeaders[c.title]) {
			ps = append(ps, t.problem(t.header, i+1, "tiêu đề cột là «%s», cần «%s» (hãy dùng tệp mẫu)", got, c.title))
			ps[len(ps)-1].Header = ""
		}
	}
	if ps != nil {
		rr.close()
		return nil, ps
	}
	return t, nil
}

// metaYear reads the "Năm" line above the table.
func (t *table) metaYear() (int, Problems) {
	raw, ok := t.meta[data.Fold("Năm")]
	if raw.kind == cellNoValue {
		return 0, Problems{{Sheet: t.sheet, Row: rowYear, Col: 2, Msg: "ô năm đánh giá: " + msgNoValue}}
	}
	y, okInt := cellInt(raw)
	if !ok || !okInt || y < 2000 || y > 2100 {
		return 0, Problems{{Sheet: t.sheet, Row: rowYear, Col: 2, Msg: fmt.Sprintf("ô năm đánh giá (dòng «Năm») phải là số từ 2000 đến 2100, đang là «%s»", raw.text())}}
	}
	return y, nil
}

// apply backs up the data file, then writes in one transaction. A refusal
// by the store (scores that no longer fit; a year locked since the
// importer's own check) becomes a problem, nothing is written, and the
// backup just taken is removed: it is a copy of the file as it still is.
// What can be refused without writing (a locked year, a year without
// framework, scores to clear) the importers refuse before calling apply.
//
// grow is about how many bytes the import adds to the file (0: few), so
// that the store can make room for them once (Store.UpdateGrowing).
func apply(st *store.Store, sum *Summary, grow int64, p progress.Func, fn func(tx *store.Tx) error) error {
	b, err := st.BackupProgress(store.ReasonImport, p)
	if err != nil {
		return err
	}
	sum.Backup = b
	if grow > 0 {
		err = st.UpdateGrowing(grow, fn)
	} else {
		err = st.Update(fn)
	}
	if err == nil {
		return nil
	}
	os.Remove(b.Path)
	sum.Backup = store.Backup{}
	var ce *ClearError
	if errors.As(err, &ce) {
		return ce
	}
	if data.ErrorCode(err) != data.EINTERNAL {
		return Problems{{Msg: data.ErrorMessage(err)}}
	}
	return err
}

// codeKey is a unit code as the store compares codes: without regard to
// case.
func codeKey(code string) string { return strings.ToUpper(strings.ToLower(code)) }

// ImportUnits reads units (and the groups they name) from a workbook laid
// out as Units exports them, and saves them all, or none when any row is
// wrong. A unit already stored under the same code, in any case, is
// replaced and keeps its stored code; a group code not stored yet is
// created with the name given in the row.
func ImportUnits(st *store.Store, r io.Reader) (Summary, error) {
	sum := Summary{Kind: kindUnits}
	wb, ps := openBook(r)
	if ps != nil {
		return sum, ps
	}
	t, ps := readTable(wb, SheetUnits, unitCols, false, &ps)
	if ps != nil {
		return sum, ps
	}
	defer t.close()
	var stored map[string]data.Group
	codes := map[string]string{} // stored unit codes by codeKey
	if err := st.View(func(tx *store.Tx) error {
		gs, err := tx.Groups()
		stored = map[string]data.Group{}
		for _, g := range gs {
			stored[g.ID] = g
		}
		us, uerr := tx.Units()
		for _, u := range us {
			codes[codeKey(u.Code)] = u.Code
		}
		return cmp.Or(err, uerr)
	}); err != nil {
		return sum, err
	}
	t.out = &ps
	var units []data.Unit
	groups := map[string]data.Group{} // to create or rename
	rowOf := map[string]int{}
	eps := t.each(func(r int) {
		u := data.Unit{Code: data.Clean(t.get(r, 1)), Name: data.Clean(t.get(r, 2)), GroupID: data.Clean(t.get(r, 4))}
		bad := false
		fail := func(col int, format string, args ...any) {
			ps = append(ps, t.problem(r, col, format, args...))
			bad = true
		}
		if code, ok := codes[codeKey(u.Code)]; ok {
			u.Code = code
		}
		if u.Code == "" {
			fail(1, "chưa có mã đơn vị")
		} else if first, dup := rowOf[codeKey(u.Code)]; dup {
			fail(1, "mã đơn vị %s trùng với dòng %d (mã đơn vị không phân biệt chữ hoa, chữ thường)", data.Clean(t.get(r, 1)), first)
		} else {
			rowOf[codeKey(u.Code)] = r
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
		if c := t.cell(r, 6); !c.blank() && c.kind != cellNoValue {
			n, ok := cellInt(c)
			if !ok || n < 0 || n > 100000 {
				fail(6, "thứ tự phải là số nguyên từ 0 đến 100.000, đang là «%s»", c.text())
			}
			u.Order = n
		} else {
			t.get(r, 6)
		}
		switch c := t.cell(r, 7); {
		case c.kind == cellBool:
			u.Inactive = c.v == "1"
		default:
			switch v := data.Fold(data.Clean(t.get(r, 7))); v {
			case "", "0", "khong", "false":
			case "x", "1", "co", "true":
				u.Inactive = true
			default:
				fail(7, "ghi «x» nếu đơn vị ngừng đánh giá, để trống nếu không; đang là «%s»", t.get(r, 7))
			}
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
	ps = append(ps, eps...)
	if ps != nil {
		return sum, ps
	}
	if len(units) == 0 {
		return sum, Problems{{Sheet: t.sheet, Msg: "không có dòng đơn vị nào dưới dòng tiêu đề"}}
	}
	sum.Units, sum.Groups = len(units), len(groups)
	return sum, apply(st, &sum, 0, nil, func(tx *store.Tx) error {
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
	wb, ps := openBook(r)
	if ps != nil {
		return sum, ps
	}
	var cellPs Problems
	t, ps := readTable(wb, SheetFramework, frameworkCols, false, &cellPs)
	defer t.close()
	bt, bps := readTable(wb, SheetBands, bandCols, true, &cellPs)
	defer bt.close()
	ps = append(ps, bps...)
	if ps != nil {
		return sum, ps
	}
	year, ps := t.metaYear()
	fw := &data.Framework{Year: year, Title: data.Clean(t.meta[data.Fold("Tên bộ chỉ số")].text())}
	t.out = &ps
	// stack[i] is the path to the last criterion of level i+1.
	var stack []*data.Criterion
	type given struct {
		row   int
		max   data.Points
		blank bool // the max cell is empty
	}
	parentMax := map[string]given{}
	count := 0
	eps := t.each(func(r int) {
		level, ok := cellInt(t.cell(r, 1))
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
		x := t.cell(r, 4)
		if !x.blank() {
			p, err := cellPoints(x)
			switch {
			case err != nil:
				ps = append(ps, t.problem(r, 4, "điểm tối đa: %s", data.ErrorMessage(err)))
			case p <= 0 || p > data.P(1000, 0):
				ps = append(ps, t.problem(r, 4, "điểm tối đa phải lớn hơn 0 và không quá 1.000, tối đa hai chữ số thập phân; đang là «%s»", x.text()))
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
		readInput(t, r, &c, &ps)
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
			parentMax[c.Code] = given{r, max, x.blank()}
		}
	})
	ps = append(ps, eps...)
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
			case c.IsLeaf() && g.max == 0 && g.blank:
				ps = append(ps, t.problem(g.row, 4, "tiêu chí %s chưa có điểm tối đa", c.Code))
			case !structural && !c.IsLeaf() && g.max != 0 && g.max != c.LeafMax():
				ps = append(ps, t.problem(g.row, 4, "điểm tối đa của %s là %s nhưng tổng các tiêu chí con là %s", c.Code, g.max.Short(), c.LeafMax().Short()))
			}
			if g.row > 0 {
				checkInput(t, g.row, c, &ps)
			}
			check(c.Children)
		}
	}
	check(fw.Areas)
	if bt != nil {
		bt.out = &ps
		eps := bt.each(func(r int) {
			b := data.Band{Name: data.Clean(bt.get(r, 1))}
			x := bt.cell(r, 2)
			p, err := cellPoints(x)
			if err != nil || p < 0 || p > data.P(100, 0) {
				ps = append(ps, bt.problem(r, 2, "ngưỡng phải là số từ 0 đến 100, tối đa hai chữ số thập phân; đang là «%s»", x.text()))
			}
			b.Min = data.Percent(p)
			fw.Bands = append(fw.Bands, b)
		})
		ps = append(ps, eps...)
	}
	ps = append(ps, cellPs...)
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
	return sum, apply(st, &sum, 0, nil, func(tx *store.Tx) error { return tx.PutFramework(fw) })
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
	sheet     string
	row       int
	unit      string
	code      string
	score     data.Score
	published bool // a row of the published-total sheet
	total     *data.Points
}

// ImportOptions change how an import treats what is already stored.
type ImportOptions struct {
	// AllowClear lets a scores import clear scores already stored, where
	// the file leaves their cells blank. Without it such an import is
	// refused with a *ClearError that lists them, and nothing is written.
	AllowClear bool
	// DryRun checks the file against the data file and writes nothing:
	// the Summary says what the import would do, Clears included.
	DryRun bool
	// Progress, when set, is told how far a scores import has gone: the
	// rows read, the backup, the units' sheets written.
	Progress progress.Func
}

// The stages a scores import reports.
const (
	stageRead  = "Đang đọc tệp Excel (dòng)"
	stageWrite = "Đang ghi điểm của các đơn vị"
	stageSave  = "Đang lưu vào tệp dữ liệu"
)

// Cleared is a stored score that an import clears: its cell is blank in
// the file.
type Cleared struct {
	Sheet string
	Row   int
	Col   int
	Unit  string
	Code  string // the criterion; "" for the published total
	What  string // "Tự đánh giá", "Thẩm định" or "Tổng điểm công bố"
	Old   data.Points
	// Was is the stored value as the grid shows it when it is not plain
	// points ("KAD", "45/50 → 2"); "" otherwise.
	Was string
}

// clearedValue fills the stored value a blank cell would clear.
func clearedValue(c Cleared, v data.Value) Cleared {
	if v.Points != nil {
		c.Old = *v.Points
	}
	switch {
	case v.NA:
		c.Was = "Không áp dụng"
	case v.Counts != nil:
		c.Was = v.Counts.String() + " → " + c.Old.Short()
	}
	return c
}

func (c Cleared) String() string {
	p := Problem{Sheet: c.Sheet, Row: c.Row, Col: c.Col, Header: map[int]string{colSelf: scoreCols[colSelf-1].title, colAppraised: scoreCols[colAppraised-1].title}[c.Col]}
	if c.Code == "" {
		p.Header = publishedCols[colPublished-1].title
	}
	where := p.String()
	where = strings.TrimSuffix(where, ": ")
	if c.Code == "" {
		return fmt.Sprintf("%s: đơn vị %s, %s %s → để trống", where, c.Unit, data.LowerFirst(c.What), c.Old.Short())
	}
	was := c.Old.Short()
	if c.Was != "" {
		was = c.Was
	}
	return fmt.Sprintf("%s: đơn vị %s, tiêu chí %s, %s %s → để trống", where, c.Unit, c.Code, data.LowerFirst(c.What), was)
}

// ClearError refuses a scores import that would clear stored scores, until
// the officer confirms (ImportOptions.AllowClear; --clear on the command
// line). Nothing was written.
type ClearError struct {
	Year  int
	Cells []Cleared
}

func (e *ClearError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Tệp để trống %s điểm năm %d đã lưu trong dữ liệu; nhập tệp sẽ xóa các điểm đó. Chưa ghi gì.", data.FormatCount(int64(len(e.Cells))), e.Year)
	for i, c := range e.Cells {
		if i == maxShown {
			fmt.Fprintf(&b, "\n… và %s điểm khác.", data.FormatCount(int64(len(e.Cells)-maxShown)))
			break
		}
		b.WriteString("\n– " + c.String())
	}
	b.WriteString("\nNếu đúng là muốn xóa các điểm này, hãy nhập lại và xác nhận (dòng lệnh: thêm --clear); nếu không, hãy điền lại các ô trong tệp.")
	return b.String()
}

// As lets callers that show data.ErrorMessage show the list.
func (e *ClearError) As(target any) bool {
	if t, ok := target.(**data.Error); ok {
		*t = &data.Error{Code: data.ECONFLICT, Message: e.Error()}
		return true
	}
	return false
}

// ImportScores imports scores with the default options: an import that
// would clear stored scores is refused with a *ClearError.
func ImportScores(st *store.Store, r io.Reader) (Summary, error) {
	return ImportScoresWith(st, r, ImportOptions{})
}

// PreviewScores checks a scores file against the data file and writes
// nothing: the Summary says what ImportScoresWith would do, and Clears
// lists the stored scores it would clear, for the window to ask first.
func PreviewScores(st *store.Store, r io.Reader) (Summary, error) {
	return ImportScoresWith(st, r, ImportOptions{DryRun: true})
}

// ImportScoresWith reads a year's scores from a workbook laid out as Scores
// exports them (one unit's scorecard or every unit's): one row per unit and
// leaf criterion with the self score, the appraised score, the note and the
// evidence. Rows of areas and criteria that group others are sums and are
// skipped. A row's cells replace the stored score; a blank cell where a
// score is stored clears it, which needs opts.AllowClear. Units and
// criteria not in the file keep theirs. Every score cell is read as the
// score grid reads what is typed (data.ParseValue: points, "Đạt", "Không
// đạt", "KAD", "45/50" by the criterion's kind) and checked against its
// criterion; one wrong cell and nothing is written.
func ImportScoresWith(st *store.Store, r io.Reader, opts ImportOptions) (Summary, error) {
	sum := Summary{Kind: kindScores}
	wb, ps := openBook(r)
	if ps != nil {
		return sum, ps
	}
	var cellPs Problems
	t, ps := readTable(wb, SheetScores, scoresLayout, false, &cellPs)
	defer t.close()
	pt, pps := readTable(wb, SheetPublished, publishedCols, true, &cellPs)
	defer pt.close()
	ps = append(ps, pps...)
	if ps != nil {
		return sum, ps
	}
	year, ps := t.metaYear()
	if ps != nil {
		return sum, ps
	}
	var fw *data.Framework
	units := map[string]string{} // stored codes by codeKey
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
			units[codeKey(u.Code)] = u.Code
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
	t.out = &ps
	byUnit := map[string][]scoreRow{}
	nrows := 0
	// A unit's rows usually follow one another and number as many as the
	// previous unit's: its slice starts with that room instead of growing
	// (and being copied) seven times on the way to 120 rows.
	prevUnit, room := "", 1
	add := func(sr scoreRow) {
		if sr.unit != prevUnit {
			if n := len(byUnit[prevUnit]); n > 0 {
				room = n
			}
			prevUnit = sr.unit
		}
		rows := byUnit[sr.unit]
		if rows == nil && !sr.published { // a published total is one row
			rows = make([]scoreRow, 0, room)
		}
		byUnit[sr.unit] = append(rows, sr)
		nrows++
		opts.Progress.Report(stageRead, int64(nrows), 0)
		if !sr.published && !sr.score.IsZero() {
			sum.Scores++
		}
	}
	// The rows seen of each unit by criterion code, to refuse a second row
	// of the same score: one small map a unit grows faster than one map
	// of all the year's scores.
	seen := map[string]map[string]int{}
	criteria := criteriaByCode(fw)
	eps := t.each(func(r int) {
		unit, code := data.Clean(t.get(r, 1)), data.Clean(t.get(r, 3))
		bad := false
		if unit == "" {
			ps, bad = append(ps, t.problem(r, 1, "chưa có mã đơn vị")), true
		} else if stored, ok := units[codeKey(unit)]; !ok {
			ps, bad = append(ps, t.problem(r, 1, "không có đơn vị mã %s; hãy nhập danh sách đơn vị trước", unit)), true
		} else {
			unit = stored
		}
		c := criteria[code]
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
		rows := seen[unit]
		if first, dup := rows[code]; dup && !bad {
			ps = append(ps, t.problem(r, 3, "điểm tiêu chí %s của đơn vị %s đã có ở dòng %d", code, unit, first))
			return
		}
		if rows == nil {
			rows = map[string]int{}
			seen[unit] = rows
		}
		rows[code] = r
		sr := scoreRow{sheet: t.sheet, row: r, unit: unit, code: code}
		for _, cell := range []struct {
			col int
			set func(data.Value)
		}{{colSelf, sr.score.SetSelf}, {colAppraised, sr.score.SetAppraised}} {
			v, col, err := sideValue(t, r, cell.col, c)
			if err != nil {
				ps = append(ps, t.problem(r, col, "%s", data.ErrorMessage(err)))
				continue
			}
			cell.set(v)
		}
		sr.score.Note = data.CleanMultiline(t.get(r, 8))
		sr.score.Evidence = data.CleanMultiline(t.get(r, 9))
		if !bad {
			add(sr)
		}
	})
	ps = append(ps, eps...)
	if pt != nil {
		pt.out = &ps
		pseen := map[string]int{}
		eps := pt.each(func(r int) {
			unit := data.Clean(pt.get(r, 1))
			stored, ok := units[codeKey(unit)]
			switch {
			case unit == "":
				ps = append(ps, pt.problem(r, 1, "chưa có mã đơn vị"))
				return
			case !ok:
				ps = append(ps, pt.problem(r, 1, "không có đơn vị mã %s", unit))
				return
			}
			unit = stored
			if first, dup := pseen[unit]; dup {
				ps = append(ps, pt.problem(r, 1, "đơn vị %s đã có ở dòng %d", unit, first))
				return
			}
			pseen[unit] = r
			sr := scoreRow{sheet: pt.sheet, row: r, unit: unit, published: true}
			if x := pt.cell(r, 3); !x.blank() {
				p, err := cellPoints(x)
				if err != nil || p < 0 || p > fw.Max() {
					msg := fmt.Sprintf("tổng điểm công bố phải là số từ 0 đến %s, tối đa hai chữ số thập phân; đang là «%s»", fw.Max().Short(), x.text())
					if err != nil {
						msg += " (" + data.ErrorMessage(err) + ")"
					}
					ps = append(ps, pt.problem(r, 3, "%s", msg))
					return
				}
				sr.total = &p
			}
			add(sr)
		})
		ps = append(ps, eps...)
	}
	ps = append(ps, cellPs...)
	if ps != nil {
		return sum, ps
	}
	if nrows == 0 {
		return sum, Problems{{Sheet: t.sheet, Msg: "không có dòng điểm nào dưới dòng tiêu đề"}}
	}
	sum.Year, sum.Units = year, len(byUnit)
	// Scores the file would clear are listed before anything is written,
	// so that a refusal leaves no backup behind.
	err = st.View(func(tx *store.Tx) error {
		sheets, err := tx.Sheets(year)
		if err != nil {
			return err
		}
		for _, unit := range slicesSorted(byUnit) {
			sh := sheets[unit]
			if sh == nil {
				continue
			}
			cl, changed := mergeScores(sh, byUnit[unit])
			sum.Clears, sum.Changed = append(sum.Clears, cl...), sum.Changed+changed
		}
		return nil
	})
	if err != nil {
		return sum, err
	}
	sum.Cleared = len(sum.Clears)
	if opts.DryRun {
		return sum, nil
	}
	if sum.Cleared > 0 && !opts.AllowClear {
		return sum, &ClearError{Year: year, Cells: sum.Clears}
	}
	return sum, apply(st, &sum, int64(sum.Scores)*scoreBytes, opts.Progress, func(tx *store.Tx) error {
		var clears []Cleared
		sum.Changed = 0 // counted again against the file as this transaction sees it
		units := slicesSorted(byUnit)
		defer opts.Progress.Report(stageSave, 0, 0)
		for i, unit := range units {
			opts.Progress.Report(stageWrite, int64(i), int64(len(units)))
			sh, err := tx.Sheet(year, unit)
			if err != nil {
				return err
			}
			cl, changed := mergeScores(sh, byUnit[unit])
			clears, sum.Changed = append(clears, cl...), sum.Changed+changed
			if err := tx.PutSheet(sh); err != nil {
				return err
			}
			// The rows are in the sheet now: let them go before the
			// commit, when the transaction holds the most.
			delete(byUnit, unit)
		}
		// Another window may have entered scores since the check above.
		if len(clears) > 0 && !opts.AllowClear {
			return &ClearError{Year: year, Cells: clears}
		}
		sum.Clears, sum.Cleared = clears, len(clears)
		return nil
	})
}

// scoreBytes is about what a score entered by an import adds to the data
// file: its audit entry, its history index key and its part of the sheet
// (BenchmarkImportScores3500 reports it as data-B/score).
const scoreBytes = 200

// Columns of the scores sheet that hold points.
const (
	colSelf      = 6
	colAppraised = 7
	colPublished = 3
)

// mergeScores writes the rows of one unit into its sheet and returns the
// stored scores that the rows clear and how many criteria's scores change
// from what was stored.
func mergeScores(sh *data.Sheet, rows []scoreRow) (out []Cleared, changed int) {
	for _, sr := range rows {
		if sr.published {
			if sh.Published != nil && sr.total == nil {
				out = append(out, Cleared{Sheet: sr.sheet, Row: sr.row, Col: colPublished, Unit: sr.unit, What: "Tổng điểm công bố", Old: *sh.Published})
			}
			sh.Published = sr.total
			continue
		}
		old := sh.Scores[sr.code]
		// A workbook carries no attached files: the criterion keeps its own.
		sr.score.Files = old.Files
		if !old.Same(sr.score) {
			changed++
		}
		if o := old.SelfValue(); !o.Empty() && sr.score.SelfValue().Empty() {
			out = append(out, clearedValue(Cleared{Sheet: sr.sheet, Row: sr.row, Col: colSelf, Unit: sr.unit, Code: sr.code, What: "Tự đánh giá"}, o))
		}
		if o := old.AppraisedValue(); !o.Empty() && sr.score.AppraisedValue().Empty() {
			out = append(out, clearedValue(Cleared{Sheet: sr.sheet, Row: sr.row, Col: colAppraised, Unit: sr.unit, Code: sr.code, What: "Thẩm định"}, o))
		}
		if sr.score.IsZero() {
			delete(sh.Scores, sr.code)
		} else {
			sh.Scores[sr.code] = sr.score
		}
	}
	return out, changed
}

func slicesSorted[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// criteriaByCode is fw.Find as a map, for an import that looks up a
// criterion on each of its rows: the first criterion of a code in the
// order Find walks them.
func criteriaByCode(fw *data.Framework) map[string]*data.Criterion {
	out := map[string]*data.Criterion{}
	var walk func(cs []data.Criterion)
	walk = func(cs []data.Criterion) {
		for i := range cs {
			if _, ok := out[cs[i].Code]; !ok {
				out[cs[i].Code] = &cs[i]
			}
			walk(cs[i].Children)
		}
	}
	walk(fw.Areas)
	return out
}
