package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// runNotice prints a unit's appraisal notice for a year:
// pardesk report notice --unit CODE --year Y [--out F].
func runNotice(args []string, stdout io.Writer) error {
	fs := newFlags("report notice")
	var rf reportFlags
	rf.register(fs, "")
	year := fs.Int("year", 0, "năm đánh giá")
	unit := fs.String("unit", "", "mã đơn vị")
	if err := parse(fs, args); err != nil {
		return err
	}
	code := strings.TrimSpace(*unit)
	switch {
	case code == "":
		return usageError("report notice: thiếu --unit (mã đơn vị)")
	case *year == 0:
		return usageError("report notice: thiếu --year")
	}
	when, err := rf.when()
	if err != nil {
		return err
	}
	var in reports.NoticeInput
	if err := readData(rf.db, func(tx *store.Tx) (err error) {
		in, err = ops.NoticeInput(tx, *year, code)
		return err
	}); err != nil {
		return err
	}
	in.Number, in.Date = rf.number, when
	pdf, err := reports.Notice(in)
	if err != nil {
		return err
	}
	out := rf.out
	if out == "" {
		out = ops.NoticeFileName(in.Unit.Code, *year)
	}
	if err := writeFile(out, pdf); err != nil {
		return err
	}
	n := len(data.Disputed(in.Framework, in.Sheet))
	fmt.Fprintf(stdout, "Đã in thông báo kết quả thẩm định năm %d của %s (%d tiêu chí thấp hơn tự đánh giá, hạn giải trình %s): %s\n",
		*year, in.Unit.Name, n, data.FormatDate(in.Appraisal.Deadline), out)
	return nil
}
