package cli

import (
	"fmt"
	"io"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// runNotice prints a unit's appraisal notice for a year:
// pardesk report notice --unit CODE --year Y [--out F].
func runNotice(args []string, stdout io.Writer) error {
	rf, err := parseUnitReport("notice", args)
	if err != nil {
		return err
	}
	var in reports.NoticeInput
	if err := readData(rf.db, func(tx *store.Tx) (err error) {
		in, err = ops.NoticeInput(tx, rf.year, rf.unit)
		return err
	}); err != nil {
		return err
	}
	in.Number, in.Date = rf.number, rf.when
	pdf, err := reports.Notice(in)
	if err != nil {
		return err
	}
	out := rf.out
	if out == "" {
		out = ops.NoticeFileName(in.Unit.Code, rf.year)
	}
	if err := writeFile(out, pdf); err != nil {
		return err
	}
	n := len(data.Disputed(in.Framework, in.Sheet))
	fmt.Fprintf(stdout, "Đã in thông báo kết quả thẩm định năm %d của %s (%d tiêu chí thấp hơn tự đánh giá, hạn giải trình %s): %s\n",
		rf.year, in.Unit.Name, n, data.FormatDate(in.Appraisal.Deadline), out)
	return nil
}
