package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

// ExportKinds lists what `pardesk export` writes, with the default file
// name of each.
var ExportKinds = map[string]string{
	"ranking":    "xep-hang.xlsx",
	"scorecard":  "phieu-diem.xlsx",
	"scores":     "bang-diem.xlsx",
	"lostpoints": "diem-bi-tru.xlsx",
	"tasks":      "nhiem-vu.xlsx",
	"units":      "don-vi.xlsx",
	"framework":  "bo-chi-so.xlsx",
}

// runExport writes an Excel file: pardesk export KIND [--year N] [--group G]
// [--unit U] [--out FILE] [--db FILE]; "template units|framework|scores"
// writes an empty import template.
func runExport(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return usageError("export: thiếu loại dữ liệu (ranking, scorecard, scores, lostpoints, tasks, units, framework, template)")
	}
	kind, args := args[0], args[1:]
	if kind == "template" {
		return runTemplate(args, stdout)
	}
	defOut, ok := ExportKinds[kind]
	if !ok {
		return usageError("export: không có loại %q", kind)
	}
	fs := newFlags("export " + kind)
	db := fs.String("db", DefaultPath(), "tệp dữ liệu")
	out := fs.String("out", defOut, "tệp .xlsx")
	year := fs.Int("year", 0, "năm đánh giá")
	group := fs.String("group", "", "mã nhóm xếp hạng (mặc định: nhóm đầu tiên)")
	unit := fs.String("unit", "", "mã đơn vị (phiếu điểm)")
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case *year == 0 && kind != "units" && kind != "tasks":
		return usageError("export %s: thiếu --year", kind)
	case *unit == "" && kind == "scorecard":
		return usageError("export scorecard: thiếu --unit")
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	var b []byte
	err = st.View(func(tx *store.Tx) (err error) {
		b, err = Export(tx, kind, *year, *group, *unit, time.Now())
		return err
	})
	if err != nil {
		return err
	}
	if err := writeFile(*out, b); err != nil {
		return data.Errorf(data.EINTERNAL, "Không ghi được tệp %s: %v", *out, err)
	}
	fmt.Fprintf(stdout, "Đã xuất %s: %s\n", kind, *out)
	return nil
}

// Export builds the Excel file of a kind; the window's buttons use it too.
func Export(tx *store.Tx, kind string, year int, group, unit string, today time.Time) ([]byte, error) {
	switch kind {
	case "ranking":
		return xlsx.Ranking(tx, year, group)
	case "scorecard":
		return xlsx.Scores(tx, year, unit)
	case "scores":
		return xlsx.Scores(tx, year, "")
	case "lostpoints":
		return xlsx.LostPoints(tx, year, group)
	case "tasks":
		return xlsx.Tasks(tx, year, today)
	case "units":
		return xlsx.Units(tx)
	case "framework":
		return xlsx.Framework(tx, year)
	}
	return nil, data.Errorf(data.EINVALID, "Không có loại dữ liệu xuất %q", kind)
}

func runTemplate(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return usageError("export template: thiếu loại (units, framework, scores)")
	}
	kind, args := args[0], args[1:]
	fs := newFlags("export template " + kind)
	out := fs.String("out", "mau-"+kind+".xlsx", "tệp .xlsx")
	if err := parse(fs, args); err != nil {
		return err
	}
	b, err := xlsx.Template(kind)
	if err != nil {
		return usageError("export template: %s", data.ErrorMessage(err))
	}
	if err := writeFile(*out, b); err != nil {
		return data.Errorf(data.EINTERNAL, "Không ghi được tệp %s: %v", *out, err)
	}
	fmt.Fprintf(stdout, "Đã tạo tệp mẫu: %s\n", *out)
	return nil
}

// Import reads an import kind (units, framework, scores) from r into st.
func Import(st *store.Store, kind string, r io.Reader) (xlsx.Summary, error) {
	switch kind {
	case xlsx.KindUnits:
		return xlsx.ImportUnits(st, r)
	case xlsx.KindFramework:
		return xlsx.ImportFramework(st, r)
	case xlsx.KindScores:
		return xlsx.ImportScores(st, r)
	}
	return xlsx.Summary{}, data.Errorf(data.EINVALID, "Không có loại dữ liệu nhập %q; chọn units, framework hoặc scores", kind)
}

// runImport: pardesk import units|framework|scores FILE [--db FILE]
// [--clear]. Without --clear a scores file that leaves stored scores blank
// is refused with the list of them.
func runImport(args []string, stdout io.Writer) error {
	if len(args) < 2 {
		return usageError("import: cần loại (units, framework, scores) và tệp .xlsx")
	}
	kind, file, args := args[0], args[1], args[2:]
	if kind != xlsx.KindUnits && kind != xlsx.KindFramework && kind != xlsx.KindScores {
		return usageError("import: không có loại %q", kind)
	}
	fs := newFlags("import " + kind)
	db := fs.String("db", DefaultPath(), "tệp dữ liệu")
	clearScores := fs.Bool("clear", false, "cho phép xóa các điểm đã lưu mà tệp điểm để trống")
	if err := parse(fs, args); err != nil {
		return err
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		return data.Errorf(data.ENOTFOUND, "Không đọc được tệp %s: %v", file, err)
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	var sum xlsx.Summary
	if kind == xlsx.KindScores {
		sum, err = xlsx.ImportScoresWith(st, bytes.NewReader(raw), xlsx.ImportOptions{AllowClear: *clearScores})
	} else {
		sum, err = Import(st, kind, bytes.NewReader(raw))
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, sum.String())
	return nil
}

// openDBFlag parses the arguments of a command whose only option is --db
// and opens that data file, which must exist; the caller closes it.
func openDBFlag(name string, args []string) (*store.Store, error) {
	fs := newFlags(name)
	db := fs.String("db", DefaultPath(), "tệp dữ liệu")
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	return openExisting(*db)
}

// runBackup: pardesk backup [--db FILE].
func runBackup(args []string, stdout io.Writer) error {
	st, err := openDBFlag("backup", args)
	if err != nil {
		return err
	}
	defer st.Close()
	b, err := st.Backup(store.ReasonManual)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã sao lưu: %s\n", b.Path)
	list, _ := st.Backups()
	fmt.Fprintf(stdout, "Các bản sao lưu trong %s (giữ %d bản mới nhất):\n", filepath.Dir(b.Path), store.BackupsKept)
	for _, b := range list {
		fmt.Fprintf(stdout, "  %s  %s\n", filepath.Base(b.Path), b)
	}
	return nil
}

// runRestore: pardesk restore FILE [--db FILE]. The current data is backed
// up first.
func runRestore(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return usageError("restore: thiếu tệp sao lưu")
	}
	from, args := args[0], args[1:]
	st, err := openDBFlag("restore", args)
	if err != nil {
		return err
	}
	defer st.Close()
	saved, err := st.Restore(from)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã khôi phục dữ liệu từ %s.\nDữ liệu trước khi khôi phục được giữ ở %s\n", from, saved.Path)
	return nil
}
