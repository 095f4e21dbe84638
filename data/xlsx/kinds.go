package xlsx

import (
	"slices"
	"strings"

	"github.com/pardesk/pardesk/data"
)

// The framework layout's columns for criterion input kinds. Workbooks made
// before the kinds end at "Tài liệu kiểm chứng cần có": the three columns
// may be absent, and every criterion then imports as điểm.
const (
	colInputKind   = "Kiểu nhập"
	colMayNotApply = "Có thể không áp dụng"
	colTiers       = "Bậc điểm theo tỷ lệ"
)

// optionalHeaders are the columns a workbook of an older layout may lack
// at the end of its header row.
var optionalHeaders = map[string]bool{colInputKind: true, colMayNotApply: true, colTiers: true}

// readInput reads a framework row's input kind, "có thể không áp dụng" mark
// and tiers (columns 7 to 9) onto c; a refusal names the cell and what it
// takes.
func readInput(t *table, r int, c *data.Criterion, ps *Problems) {
	if k, ok := data.ParseInputKind(t.get(r, 7)); ok {
		c.Input = k
	} else {
		*ps = append(*ps, t.problem(r, 7, "kiểu nhập «%s» không có; để trống hoặc ghi: Điểm, Đạt/Không đạt, Tỷ lệ", t.get(r, 7)))
	}
	switch data.Fold(data.Clean(t.get(r, 8))) {
	case "", "khong", "0":
	case "x", "co", "1":
		c.MayNotApply = true
	default:
		*ps = append(*ps, t.problem(r, 8, "«%s»: ghi «x» nếu tiêu chí có thể không áp dụng cho đơn vị, để trống nếu không", t.get(r, 8)))
	}
	if text := strings.TrimSpace(t.get(r, 9)); text != "" {
		ts, err := data.ParseTiers(text)
		if err != nil {
			*ps = append(*ps, t.problem(r, 9, "%s; ghi các bậc như «100%%=2; 80%%=1; 0%%=0»", data.ErrorMessage(err)))
		}
		c.Tiers = ts
	}
}

// checkInput checks the kinds of a framework read from a workbook, once the
// tree is whole: a criterion with sub-criteria is not answered, so it has
// no kind of its own; a leaf's tiers go with its kind and max.
func checkInput(t *table, row int, c *data.Criterion, ps *Problems) {
	if !c.IsLeaf() {
		if c.Input != data.InputPoints || c.MayNotApply || len(c.Tiers) > 0 {
			*ps = append(*ps, t.problem(row, 7, "tiêu chí %s có tiêu chí con: kiểu nhập, «có thể không áp dụng» và bậc điểm chỉ ghi ở tiêu chí không có tiêu chí con", c.Code))
		}
		return
	}
	if c.Max <= 0 {
		return // refused for its max already; its tiers are checked against it once it has one
	}
	if err := c.CheckInput(); err != nil {
		col := 9
		if c.Input != data.InputRatio {
			col = 7
		}
		*ps = append(*ps, t.problem(row, col, "%s", data.ErrorMessage(err)))
	}
}

// scoreValue reads a self or appraised cell for criterion c the way the
// score grid reads typed text (data.ParseValue): "Đạt", "Không đạt",
// "Không áp dụng" / "KAD", "45/50", points. A number cell is read as
// cellPoints reads it, then as if typed. Every refusal names the criterion
// and says what it accepts.
func scoreValue(c *data.Criterion, x xcell) (data.Value, error) {
	if x.kind == cellText {
		return data.ParseValue(c, x.v)
	}
	p, err := cellPoints(x)
	if err != nil {
		msg := data.ErrorMessage(err)
		if x.kind == cellDate && c.Input == data.InputRatio {
			msg += " (Excel đổi «4/5» thành ngày: hãy gõ '4/5, có dấu nháy đơn, để giữ là chữ)"
		}
		if c.Input == data.InputPoints {
			return data.Value{}, data.Errorf(data.EINVALID, "Tiêu chí %s «%s» (tối đa %s điểm): %s", c.Code, c.Title, c.Max.Short(), msg)
		}
		return data.Value{}, data.Errorf(data.EINVALID, "Tiêu chí %s «%s» (%s, tối đa %s điểm): %s; ô này nhận %s", c.Code, c.Title, c.Input.Label(), c.Max.Short(), msg, c.Accepts())
	}
	return data.ParseValue(c, p.Short())
}

// countsCols follow groupSumCols in the scores layout: the counts of a
// tỷ lệ criterion ("45/50"), from which an import works out the points.
// Columns F and G hold those points as numbers, so that a SUM over a
// unit's rows still gives its total.
var countsCols = []column{{"Số liệu tỷ lệ: tự đánh giá", 12}, {"Số liệu tỷ lệ: thẩm định", 12}}

// scoresLayout is every column of the scores sheet, in order.
var scoresLayout = slices.Concat(scoreCols, groupSumCols, countsCols)

// Columns of the counts of a tỷ lệ criterion.
const (
	colSelfCounts      = 13
	colAppraisedCounts = 14
)

func init() {
	// Workbooks made before the counts, and hand-made ones from the
	// template, have none of the columns after "Tài liệu kiểm chứng".
	for _, c := range slices.Concat(groupSumCols, countsCols) {
		optionalHeaders[c.title] = true
	}
}

// passFailFmt shows the points of a đạt / không đạt criterion as the
// grid does, while the cell keeps the number for sums.
var passFailFmt = `"Đạt";;"Không đạt"`

// setScore writes one side of a leaf's answer in the scores export: the
// points as a number in column col (shown "Đạt" / "Không đạt" for that
// kind), "KAD" for không áp dụng, and a tỷ lệ criterion's counts in its
// counts column.
func (b *book) setScore(p *page, col, r int, c *data.Criterion, v data.Value) {
	countsCol := 0 // no counts column: t.cell reads it as blank
	switch col {
	case colSelf:
		countsCol = colSelfCounts
	case colAppraised:
		countsCol = colAppraisedCounts
	}
	switch {
	case v.NA:
		p.set(col, r, "KAD", b.num)
	case c.Input == data.InputPassFail && v.Points != nil:
		p.set(col, r, v.Points, b.passFail)
	default:
		p.set(col, r, v.Points, b.num)
	}
	if v.Counts != nil {
		p.set(countsCol, r, v.Counts.String(), b.text)
	}
}

// sideValue reads one side of a leaf's answer from a scores row: the
// counts column of a tỷ lệ criterion when it is filled (the points cell
// beside it is worked out again, never read), else the points cell.
func sideValue(t *table, r, col int, c *data.Criterion) (data.Value, int, error) {
	countsCol := 0 // no counts column: t.cell reads it as blank
	switch col {
	case colSelf:
		countsCol = colSelfCounts
	case colAppraised:
		countsCol = colAppraisedCounts
	}
	if x := t.cell(r, countsCol); !x.blank() {
		if c.Input != data.InputRatio {
			return data.Value{}, countsCol, data.Errorf(data.EINVALID, "Tiêu chí %s «%s» (%s): không nhận số liệu tỷ lệ «%s»; để trống cột này", c.Code, c.Title, c.Input.Label(), x.text())
		}
		v, err := scoreValue(c, x)
		return v, countsCol, err
	}
	x := t.cell(r, col)
	if x.blank() {
		return data.Value{}, col, nil
	}
	v, err := scoreValue(c, x)
	if err != nil && c.Input == data.InputRatio && x.kind != cellText {
		err = data.Errorf(data.EINVALID, "%s (ghi số liệu như «45/50» ở cột %s)", data.ErrorMessage(err), colName(countsCol))
	}
	return v, col, err
}
