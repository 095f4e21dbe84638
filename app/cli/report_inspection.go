package cli

import (
	"fmt"
	"io"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// runVisitReport prints a visit's blank checklist (kind "checklist") or its
// inspection record (kind "inspection"):
// pardesk report checklist|inspection --visit ID [--number SỐ].
func runVisitReport(kind string, args []string, stdout io.Writer) error {
	fs := newFlags("report " + kind)
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	visit := fs.String("visit", "", "mã đợt kiểm tra, dạng 2024-01")
	out := fs.String("out", "", "tệp PDF")
	number := fs.String("number", "", "số biên bản (mặc định: số đã nhập cho đợt kiểm tra)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *visit == "" {
		return usageError("report %s: thiếu --visit (mã đợt kiểm tra, dạng 2024-01)", kind)
	}
	var in reports.VisitInput
	if err := readData(*db, func(tx *store.Tx) (err error) {
		in, err = ops.VisitInput(tx, *visit)
		return err
	}); err != nil {
		return err
	}
	if *number != "" {
		in.Visit.Number = *number
	}
	build, what, name := reports.Checklist, "phiếu kiểm tra", "phieu-kiem-tra-"
	if kind == "inspection" {
		build, what, name = reports.Inspection, "biên bản kiểm tra", "bien-ban-kiem-tra-"
	}
	if *out == "" {
		*out = name + in.Visit.ID + ".pdf"
	}
	pdf, err := build(in)
	if err != nil {
		return err
	}
	if err := writeFile(*out, pdf); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã in %s đợt %s (%s, %d câu hỏi): %s\n", what, in.Visit.ID, in.Unit.Name, in.Template.ItemCount(), *out)
	return nil
}
