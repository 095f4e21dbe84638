// Package cli is ParDesk's command line: the demo data file and the
// headless reports. It is thin: flags, a store, a call into data or
// reports, a file written.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
)

// DefaultPath is where the data file lives when --db is not given:
// $PARDESK_DB, else the user's configuration folder (on Windows
// %AppData%\ParDesk\pardesk.db), which survives reinstalling the program.
func DefaultPath() string {
	if p := os.Getenv("PARDESK_DB"); p != "" {
		return p
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "ParDesk", "pardesk.db")
}

const usage = `ParDesk — quản lý Chỉ số cải cách hành chính

Cách dùng:
  pardesk [--db TỆP]                         mở cửa sổ chương trình
  pardesk demo --db TỆP                      tạo tệp dữ liệu mẫu
  pardesk new --db TỆP                       tạo tệp dữ liệu trống cho cơ quan
  pardesk report ranking --year NĂM [--group NHÓM] [--out TỆP.pdf]
                                             in báo cáo xếp hạng
  pardesk report scorecard --unit MÃ --year NĂM [--out TỆP.pdf]
                                             in phiếu chấm điểm của một đơn vị
  pardesk report tasks --year NĂM [--unit MÃ] [--overdue] [--out TỆP.pdf]
                                             in báo cáo tình hình thực hiện nhiệm vụ
  pardesk report checklist --visit MÃ [--out TỆP.pdf]
                                             in phiếu kiểm tra trắng cho một đợt kiểm tra
  pardesk report inspection --visit MÃ [--out TỆP.pdf]
                                             in biên bản kiểm tra (mã đợt dạng 2024-01)
  pardesk report plan --year NĂM [--out TỆP.pdf]
                                             in kế hoạch kiểm tra công tác CCHC của năm
  pardesk report onestop --year NĂM [--period KỲ] [--group NHÓM] [--out TỆP.pdf]
                                             in báo cáo kết quả giải quyết TTHC (một cửa);
                                             KỲ: Q1..Q4 (quý), H1, H2 (6 tháng), 01..12 (tháng),
                                             bỏ trống là cả năm; hoặc --period 2023-Q1
  pardesk export ranking|scorecard|scores|lostpoints|tasks|units|framework
          [--year NĂM] [--group NHÓM] [--unit MÃ] [--out TỆP.xlsx]
                                             xuất ra Excel
  pardesk export template units|framework|scores [--out TỆP.xlsx]
                                             tạo tệp Excel mẫu để nhập
  pardesk import units|framework|scores TỆP.xlsx
                                             nhập từ Excel (sao lưu trước; lỗi thì không ghi gì)
  pardesk backup                             sao lưu tệp dữ liệu (giữ 14 bản mới nhất)
  pardesk restore TỆP                        khôi phục từ bản sao lưu (sao lưu dữ liệu hiện tại trước)
Tùy chọn chung của report: --db TỆP, --number SỐ (số văn bản), --date 09/06/2023.
Tùy chọn chung của export, import, backup, restore: --db TỆP.
Tệp dữ liệu mặc định: %s
`

// Run executes a command line (without the program name) and returns the
// process exit code: 0 done, 1 the command failed, 2 the command was
// malformed.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintf(stdout, usage, DefaultPath())
		return 0
	}
	var err error
	switch args[0] {
	case "demo":
		err = runDemo(args[1:], stdout)
	case "new":
		err = runNew(args[1:], stdout)
	case "report":
		err = runReport(args[1:], stdout)
	case "export":
		err = runExport(args[1:], stdout)
	case "import":
		err = runImport(args[1:], stdout)
	case "backup":
		err = runBackup(args[1:], stdout)
	case "restore":
		err = runRestore(args[1:], stdout)
	default:
		err = usageError("lệnh không có: %q", args[0])
	}
	var ue usageErr
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "pardesk: %s\n\n", ue)
		fmt.Fprintf(stderr, usage, DefaultPath())
		return 2
	default:
		fmt.Fprintf(stderr, "pardesk: %s\n", data.ErrorMessage(err))
		return 1
	}
}

type usageErr string

func (e usageErr) Error() string { return string(e) }

func usageError(format string, args ...any) error { return usageErr(fmt.Sprintf(format, args...)) }

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return usageError("%s: %v", fs.Name(), err)
	}
	if fs.NArg() > 0 {
		return usageError("%s: thừa tham số %q", fs.Name(), strings.Join(fs.Args(), " "))
	}
	return nil
}

func runDemo(args []string, stdout io.Writer) error {
	fs := newFlags("demo")
	db := fs.String("db", DefaultPath(), "tệp dữ liệu")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := CreateDemo(*db); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã tạo dữ liệu mẫu: %s\n", *db)
	return nil
}

func runNew(args []string, stdout io.Writer) error {
	fs := newFlags("new")
	db := fs.String("db", "", "tệp dữ liệu mới")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *db == "" {
		return usageError("new: thiếu --db (tên tệp dữ liệu mới)")
	}
	if err := CreateEmpty(*db); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã tạo tệp dữ liệu trống: %s\nMở bằng: pardesk --db %s, rồi nhập thông tin cơ quan (mục Báo cáo), đơn vị và bộ chỉ số (hoặc nhập từ Excel, mục Dữ liệu).\n", *db, *db)
	return nil
}

// CreateEmpty makes a new data file with no data: an office starting its
// own records instead of the demo. An existing file is never touched.
func CreateEmpty(path string) error {
	if _, err := os.Stat(path); err == nil {
		return data.Errorf(data.ECONFLICT, "Tệp %s đã có; không tạo đè lên tệp đang có", path)
	}
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	return st.Close()
}

// CreateDemo writes the demo data into a new file. An existing file is
// never overwritten: it may hold an office's real data.
func CreateDemo(path string) error {
	if _, err := os.Stat(path); err == nil {
		return data.Errorf(data.ECONFLICT, "Tệp %s đã có; không ghi đè dữ liệu mẫu lên tệp đang có", path)
	}
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	st.SetOfficer("Dữ liệu mẫu")
	if err := demo.Write(st); err != nil {
		st.Close()
		os.Remove(path)
		return err
	}
	return st.Close()
}

// reportFlags are the options every report shares.
type reportFlags struct {
	db, out, number, date string
}

func (r *reportFlags) register(fs *flag.FlagSet, defaultOut string) {
	fs.StringVar(&r.db, "db", DefaultPath(), "tệp dữ liệu")
	fs.StringVar(&r.out, "out", defaultOut, "tệp PDF")
	fs.StringVar(&r.number, "number", "", "số văn bản")
	fs.StringVar(&r.date, "date", "", "ngày văn bản, dạng 09/06/2023 (mặc định: hôm nay)")
}

func (r *reportFlags) when() (time.Time, error) {
	if r.date == "" {
		return time.Now(), nil
	}
	t, err := data.ParseDate(r.date)
	if err != nil {
		return t, usageError("--date: %s", data.ErrorMessage(err))
	}
	return t, nil
}

// openExisting opens a data file that must already exist: a report never
// creates an empty file by mistake.
func openExisting(path string) (*store.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, data.Errorf(data.ENOTFOUND, "Không tìm thấy tệp dữ liệu %s", path)
	}
	return store.Open(path)
}

// readData opens an existing data file and runs fn in one read
// transaction: every report reads one consistent state of the file.
func readData(path string, fn func(tx *store.Tx) error) error {
	st, err := openExisting(path)
	if err != nil {
		return err
	}
	defer st.Close()
	return st.View(fn)
}

// writeFile writes through a temporary file and a rename, so a failed or
// interrupted write never leaves half a PDF where the officer expects one.
func writeFile(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".pardesk-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
