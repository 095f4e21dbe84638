package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/gen"
	"github.com/pardesk/pardesk/data/store"
)

// runGen builds a generated data file for measuring ParDesk at size
// (data/gen): not in the manual, since an office never needs it.
//
//	pardesk gen --db /tmp/pardesk-decade/decade.db --years 10 --units 3500 --criteria 120
func runGen(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("gen")
	db := fs.String("db", "", "tệp dữ liệu mới")
	var sp gen.Spec
	fs.IntVar(&sp.Years, "years", 10, "số năm")
	fs.IntVar(&sp.FirstYear, "first", 2016, "năm đầu")
	fs.IntVar(&sp.Units, "units", 3500, "số đơn vị")
	fs.IntVar(&sp.Criteria, "criteria", 120, "số tiêu chí chấm điểm mỗi năm")
	fs.IntVar(&sp.GroupSize, "group", 170, "số đơn vị mỗi nhóm xếp hạng")
	fs.BoolVar(&sp.Open, "open", true, "để năm cuối chưa khóa")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *db == "" {
		return usageError("gen: thiếu --db (tên tệp dữ liệu mới)")
	}
	if _, err := os.Stat(*db); !errors.Is(err, os.ErrNotExist) {
		return data.Errorf(data.EINVALID, "Tệp %s đã có: lệnh gen chỉ tạo tệp mới, không ghi đè", *db)
	}
	st, err := store.Open(*db)
	if err != nil {
		return err
	}
	sp.Progress = func(done, total int) { fmt.Fprintf(stderr, "Đã tạo %d/%d năm\n", done, total) }
	if err := gen.Build(st, sp); err != nil {
		st.Close()
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã tạo %s: %d năm × %d đơn vị × %d tiêu chí = %s điểm\n", *db, sp.Years, sp.Units, sp.Criteria, data.FormatCount(int64(sp.Scores())))
	return nil
}
