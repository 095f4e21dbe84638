package reports

import (
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdfdoc"
)

// The scorecard lists, after the score table, the evidence documents
// attached to the unit's scores (tài liệu kiểm chứng), one row per file
// under its criterion's code: the name the officer knows it by, its size,
// the day it was attached and the start of its SHA-256, so that a printed
// scorecard names exactly which file justified each figure and an
// inspector can match it to the file on the PC (`pardesk check`).

// evidenceColumns: code, file name (the rest), size, date, hash.
func evidenceColumns() []pdfdoc.Column {
	return []pdfdoc.Column{
		{Header: "Mã", Width: 11, Align: pdfdoc.Center},
		{Header: "Tên tệp", Align: pdfdoc.Left},
		{Header: "Dung lượng", Width: 22, Align: pdfdoc.Right},
		{Header: "Ngày đính kèm", Width: 28, Align: pdfdoc.Center},
		{Header: "Mã SHA-256", Width: 28, Align: pdfdoc.Left},
	}
}

// evidenceRows lists the sheet's files in the framework's order of
// criteria; none when no file is attached.
func evidenceRows(f *data.Framework, s *data.Sheet) []pdfdoc.Row {
	var rows []pdfdoc.Row
	f.Leaves(func(_, leaf *data.Criterion) {
		for _, file := range s.Scores[leaf.Code].Files {
			rows = append(rows, pdfdoc.Row{Cells: []string{
				leaf.Code, file.Name, data.FormatSize(file.Size), data.FormatDate(file.Added), file.ShortHash(),
			}})
		}
	})
	return rows
}

// evidenceSection prints the list, when there is one, under its heading.
func evidenceSection(doc *pdfdoc.Doc, f *data.Framework, s *data.Sheet) {
	rows := evidenceRows(f, s)
	if len(rows) == 0 {
		return
	}
	doc.Section("Tài liệu kiểm chứng")
	doc.Table(pdfdoc.Table{Columns: evidenceColumns(), Rows: rows, Size: scorecardSize})
	doc.Para(pdfdoc.Para{Text: "Mã SHA-256: 12 ký tự đầu của mã nhận dạng nội dung tệp; lệnh pardesk check đối chiếu tệp lưu trên máy với mã này.",
		Style: pdfdoc.Italic, Size: 11, KeepWithPrevious: true})
}
