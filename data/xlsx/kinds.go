package xlsx

import (
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

// scoreCell is what the scores export writes in a self or appraised cell:
// the points as a number for a criterion scored in points, the text an
// import reads back for the other kinds ("Đạt", "KAD", "45/50").
func scoreCell(c *data.Criterion, v data.Value) any {
	if c.Input == data.InputPoints && !v.NA {
		return v.Points
	}
	return data.FormatValue(c, v, false)
}
