package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

// runExport writes an Excel file: pardesk export KIND [--year N] [--group G]
// [--unit U] [--out FILE] [--db FILE]; "template units|framework|scores"
// writes an empty import template.
func runExport(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError("export: thiếu loại dữ liệu (ranking, scorecard, scores, lostpoints, tasks, units, framework, template)")
	}
	kind, args := args[0], args[1:]
	if kind == "template" {
		return runTemplate(args, stdout)
	}
	defOut, ok := ops.ExportKinds[kind]
	if !ok {
		return usageError("export: không có loại %q", kind)
	}
	fs := newFlags("export " + kind)
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
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
	var b []byte
	p, done := progressTo(stderr)
	err := readData(*db, func(tx *store.Tx) (err error) {
		b, err = ops.ExportWith(tx, kind, *year, *group, *unit, time.Now(), p)
		return err
	})
	done()
	if err != nil {
		return err
	}
	if err := writeFile(*out, b); err != nil {
		return data.Errorf(data.EINTERNAL, "Không ghi được tệp %s: %v", *out, err)
	}
	fmt.Fprintf(stdout, "Đã xuất %s: %s\n", kind, *out)
	return nil
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

// runImport: pardesk import units|framework|scores FILE [--db FILE]
// [--clear]. Without --clear a scores file that leaves stored scores blank
// is refused with the list of them.
func runImport(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usageError("import: thiếu loại dữ liệu (units, framework, scores) và tệp .xlsx")
	}
	kind, args := args[0], args[1:]
	if kind != xlsx.KindUnits && kind != xlsx.KindFramework && kind != xlsx.KindScores {
		return usageError("import: không có loại %q", kind)
	}
	fs := newFlags("import " + kind)
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	clearScores := fs.Bool("clear", false, "cho phép xóa các điểm đã lưu mà tệp điểm để trống")
	pos, err := parseArgs(fs, args, 1, "tệp .xlsx cần nhập")
	if err != nil {
		return err
	}
	file := pos[0]
	raw, err := os.ReadFile(file)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return data.Errorf(data.ENOTFOUND, "Không tìm thấy tệp %s", file)
	case err != nil:
		return data.Errorf(data.EINTERNAL, "Không đọc được tệp %s: %v", file, err)
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	p, done := progressTo(stderr)
	sum, err := ops.Import(st, kind, bytes.NewReader(raw), xlsx.ImportOptions{AllowClear: *clearScores, Progress: p})
	done()
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
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	return openExisting(*db)
}

// runBackup: pardesk backup [--db FILE].
func runBackup(args []string, stdout, stderr io.Writer) error {
	st, err := openDBFlag("backup", args)
	if err != nil {
		return err
	}
	defer st.Close()
	p, done := progressTo(stderr)
	b, err := st.BackupProgress(store.ReasonManual, p)
	done()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã sao lưu: %s\n", b.Path)
	if b.Warning != "" {
		fmt.Fprintf(stdout, "Cảnh báo: %s\n", b.Warning)
	}
	list, _ := st.Backups()
	fmt.Fprintf(stdout, "Các bản sao lưu trong %s (giữ %d bản mới nhất và bản mới nhất của mỗi tháng trong %d tháng gần đây):\n", filepath.Dir(b.Path), store.BackupsKept, store.MonthsKept)
	for _, b := range list {
		fmt.Fprintf(stdout, "  %s  %s\n", filepath.Base(b.Path), b)
	}
	return nil
}

// runRestore: pardesk restore FILE [--db FILE]. The current data is backed
// up first. A damaged data file cannot be backed up: it is set aside,
// renamed beside the backup put in its place (store.RecoverFrom).
func runRestore(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("restore")
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	pos, err := parseArgs(fs, args, 1, "tệp sao lưu cần khôi phục")
	if err != nil {
		return err
	}
	from := pos[0]
	st, err := openExisting(*db)
	if data.ErrorCode(err) == data.EDAMAGED {
		aside, rerr := store.RecoverFrom(*db, from)
		if rerr != nil {
			return rerr
		}
		fmt.Fprintf(stdout, "Tệp dữ liệu %s bị hỏng; đã khôi phục dữ liệu từ %s.\n", *db, from)
		if aside != "" {
			fmt.Fprintf(stdout, "Tệp hỏng được giữ lại ở %s\n", aside)
		}
		return nil
	}
	if err != nil {
		return err
	}
	defer st.Close()
	p, done := progressTo(stderr)
	saved, err := st.RestoreProgress(from, p)
	done()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã khôi phục dữ liệu từ %s.\nDữ liệu trước khi khôi phục được giữ ở %s\n", from, saved.Path)
	if saved.Warning != "" {
		fmt.Fprintf(stdout, "Cảnh báo: %s\n", saved.Warning)
	}
	return nil
}
