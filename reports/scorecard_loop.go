package reports

import (
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdfdoc"
)

// explanationsTable prints, after the scorecard's table, the unit's
// explanations on the criteria it was marked down on and the office's
// decision on each: the appraisal answered, the decision with its reason,
// the final points, and where the sheet stands in the loop. Nothing is
// printed for a unit that explained nothing and is not mid-loop.
func explanationsTable(doc *pdfdoc.Doc, f *data.Framework, s *data.Sheet, a *data.Appraisal) {
	if a == nil {
		return
	}
	var rows []pdfdoc.Row
	f.Leaves(func(_, leaf *data.Criterion) {
		e, ok := a.Explanations[leaf.Code]
		if !ok {
			return
		}
		text := e.Text
		if e.Evidence != "" {
			text += " (tài liệu kiểm chứng: " + e.Evidence + ")"
		}
		decision := "Chưa quyết định"
		final := ""
		if e.Decision != data.DecisionNone {
			decision = e.Decision.Label()
			if e.Reason != "" {
				decision += ": " + e.Reason
			}
			if p := s.Scores[leaf.Code].Appraised; p != nil {
				final = p.String()
			}
		}
		self := ""
		if p := s.Scores[leaf.Code].Self; p != nil {
			self = p.String()
		}
		rows = append(rows, pdfdoc.Row{Cells: []string{leaf.Code, text, self, e.Appraised.String(), decision, final}})
	})
	// A sheet entered without the loop (chưa nộp) or closed without an
	// explanation has nothing to add.
	if len(rows) == 0 && (a.Status == data.StatusFinal || a.Status == data.StatusDraft) {
		return
	}
	doc.Section("Giải trình và thẩm định lại")
	status := "Trạng thái thẩm định: " + a.Status.Label()
	if d, ok := a.Dates[a.Status]; ok {
		status += " (ngày " + data.FormatDate(d) + ")"
	}
	if a.Status != data.StatusFinal {
		status += "; kết quả chưa chốt"
	}
	if len(rows) == 0 {
		doc.Para(pdfdoc.Para{Text: status + "; đơn vị không có giải trình.", Indent: pdfdoc.ParagraphIndent})
		return
	}
	doc.Para(pdfdoc.Para{Text: status + ".", Indent: pdfdoc.ParagraphIndent, KeepWithNext: tableLead})
	const g = "Điểm"
	doc.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		{Header: "Mã", Width: 11, Align: pdfdoc.Center},
		{Header: "Nội dung giải trình của đơn vị"},
		{Header: "Tự đánh giá", Group: g, Width: 17, Align: pdfdoc.Right},
		{Header: "Thẩm định", Group: g, Width: 16, Align: pdfdoc.Right},
		{Header: "Quyết định, lý do", Width: 38},
		{Header: "Điểm cuối cùng", Width: 17, Align: pdfdoc.Right},
	}, Rows: rows, Size: scorecardSize})
	doc.Para(pdfdoc.Para{Text: "Ghi chú: điểm thẩm định là điểm trước khi thẩm định lại; điểm cuối cùng là điểm thẩm định sau khi xem xét giải trình, đã tính trong bảng trên.",
		Style: pdfdoc.Italic, Size: 11, KeepWithPrevious: true})
}
