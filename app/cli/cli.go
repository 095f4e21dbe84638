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
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"golang.org/x/text/width"
)

const usage = `ParDesk — quản lý Chỉ số cải cách hành chính

Cách dùng:
  pardesk [--db TỆP]                         mở cửa sổ chương trình
  pardesk demo --db TỆP                      tạo tệp dữ liệu mẫu
  pardesk new --db TỆP                       tạo tệp dữ liệu trống cho cơ quan
  pardesk report ranking --year NĂM [--group NHÓM] [--out TỆP.pdf]
                                             in báo cáo xếp hạng
  pardesk report scorecard --unit MÃ --year NĂM [--out TỆP.pdf]
                                             in phiếu chấm điểm của một đơn vị
  pardesk report notice --unit MÃ --year NĂM [--out TỆP.pdf]
                                             in thông báo kết quả thẩm định gửi một đơn vị
  pardesk report tasks --year NĂM [--unit MÃ] [--overdue] [--out TỆP.pdf]
                                             in báo cáo tình hình thực hiện nhiệm vụ
  pardesk report checklist --visit MÃ [--out TỆP.pdf]
                                             in phiếu kiểm tra trắng cho một đợt kiểm tra
  pardesk report inspection --visit MÃ [--out TỆP.pdf]
                                             in biên bản kiểm tra (mã đợt dạng 2024-01)
  pardesk report plan --year NĂM [--out TỆP.pdf]
                                             in kế hoạch kiểm tra công tác CCHC của năm
  pardesk report conference --year NĂM [--group NHÓM | --unit MÃ] [--redraft] [--out TỆP.pdf]
                                             in báo cáo tại hội nghị tổng kết (của cơ quan, hoặc
                                             của một đơn vị); --redraft: bỏ bản đã sửa, soạn lại từ số liệu
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
  pardesk backup                             sao lưu tệp dữ liệu, nén (giữ 14 bản mới nhất và 1 bản mỗi tháng trong 12 tháng)
  pardesk restore TỆP                        khôi phục từ bản sao lưu (sao lưu dữ liệu hiện tại trước)
  pardesk check                              kiểm tra toàn bộ tệp dữ liệu (0: nguyên vẹn, 1: hỏng)
  pardesk year lock --year NĂM --officer "HỌ TÊN" [--reason "…"] [--yes]
                                             khóa năm, lưu kết quả xếp hạng như đã phê duyệt;
                                             còn đơn vị chưa chốt thì chỉ khóa khi có --yes
  pardesk year unlock --year NĂM --officer "HỌ TÊN" --reason "…"
                                             mở khóa năm (--officer có thể thay bằng PARDESK_OFFICER)
  pardesk package export framework|self|share|share-back|results --year NĂM [--unit MÃ,MÃ]
          [--deadline 15/01/2025] [--to "CÁN BỘ"] [--officer "HỌ TÊN"] [--out TỆP.pdk]
                                             tạo gói trao đổi có chữ ký (gửi đơn vị, văn phòng, cán bộ thẩm định)
  pardesk package show TỆP.pdk               người gửi, dấu nhận dạng khóa, nội dung, gói có nguyên vẹn không,
                                             và nếu nhập thì thay đổi gì
  pardesk package import TỆP.pdk [--trust] [--conflicts keep|take] [--officer "HỌ TÊN"]
                                             nhập gói (sao lưu trước; lỗi thì không ghi gì)
  pardesk package trusted                    những người gửi đã tin cậy, với dấu nhận dạng khóa
  pardesk package untrust "NGƯỜI GỬI" --reason "…"
                                             bỏ tin cậy một người gửi (khi họ đổi khóa)
  pardesk evidence add TỆP --year NĂM --unit MÃ --criterion MÃ --officer "HỌ TÊN"
                                             đính kèm tài liệu kiểm chứng vào tiêu chí (ghi nhật ký)
  pardesk evidence list --year NĂM [--unit MÃ]
                                             liệt kê tài liệu kiểm chứng: đơn vị, tiêu chí, tên, dung lượng, ngày, người đính kèm
  pardesk evidence export --year NĂM --unit MÃ --out THƯ-MỤC
                                             chép tài liệu kiểm chứng của đơn vị ra thư mục (đối chiếu mã SHA-256)
Tùy chọn chung của report: --db TỆP, --number SỐ (số văn bản), --date 09/06/2023.
Tùy chọn chung của export, import, backup, restore, check, year, package, evidence: --db TỆP.
Tệp dữ liệu mặc định: %s
`

// Run executes a command line (without the program name) and returns the
// process exit code: 0 done, 1 the command failed, 2 the command was
// malformed.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintf(stdout, usage, ops.DefaultPath())
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
		err = runExport(args[1:], stdout, stderr)
	case "import":
		err = runImport(args[1:], stdout, stderr)
	case "backup":
		err = runBackup(args[1:], stdout, stderr)
	case "restore":
		err = runRestore(args[1:], stdout, stderr)
	case "check":
		err = runCheck(args[1:], stdout, stderr)
	case "year":
		err = runYear(args[1:], stdout)
	case "gen":
		err = runGen(args[1:], stdout, stderr)
	case "package":
		err = runPackage(args[1:], stdout, stderr)
	case "evidence":
		err = runEvidence(args[1:], stdout)
	default:
		err = usageError("lệnh không có: %q", args[0])
	}
	var ue usageErr
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		// One line that says what is wrong, not the whole manual over it.
		fmt.Fprintf(stderr, "pardesk: %s\nXem cách dùng: pardesk help\n", ue)
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
	_, err := parseArgs(fs, args, 0, "")
	return err
}

// parseArgs parses a command's options wherever they stand among its
// positional arguments ("import scores --db d.db diem.xlsx" as well as
// "import scores diem.xlsx --db d.db") and returns exactly want of the
// latter; what names them in the message when they are missing.
func parseArgs(fs *flag.FlagSet, args []string, want int, what string) ([]string, error) {
	args = narrowValues(fs, args)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, flagError(fs.Name(), err)
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch {
	case len(pos) < want:
		return nil, usageError("%s: thiếu %s", fs.Name(), what)
	case len(pos) > want:
		return nil, usageError("%s: thừa tham số %q", fs.Name(), strings.Join(pos[want:], " "))
	}
	return pos, nil
}

// pathFlags name files: their values are taken exactly as typed.
var pathFlags = map[string]bool{"db": true, "out": true}

// narrowValues turns full-width digits and letters typed with an East
// Asian input method ("２０２３", "１２/ＢＣ") into plain ones in option
// values, so "--number １２" prints 12 instead of glyphs the document's
// font does not have, and "--year ２０２３" is the year 2023.
func narrowValues(fs *flag.FlagSet, args []string) []string {
	out := slices.Clone(args)
	for i := 0; i < len(out); i++ {
		a := out[i]
		if !strings.HasPrefix(a, "-") || a == "-" || a == "--" {
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := fs.Lookup(name)
		if f == nil || pathFlags[name] {
			continue
		}
		if hasValue {
			out[i] = a[:len(a)-len(value)] + width.Narrow.String(value)
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(out) {
			i++
			out[i] = width.Narrow.String(out[i])
		}
	}
	return out
}

// flagError says in Vietnamese what the flag package found wrong.
func flagError(cmd string, err error) error {
	msg := err.Error()
	for _, t := range flagErrors {
		if m := t.re.FindStringSubmatch(msg); m != nil {
			return usageError("%s: "+t.vi, cmd, m[1], m[2])
		}
	}
	if errors.Is(err, flag.ErrHelp) {
		return usageError("%s: cách dùng như sau", cmd)
	}
	return usageError("%s: %v", cmd, err)
}

var flagErrors = []struct {
	re *regexp.Regexp
	vi string // formatted with the two groups of re
}{
	{regexp.MustCompile(`^flag provided but not defined: -+(\S+)()$`), "không có tùy chọn --%s%s"},
	{regexp.MustCompile(`^flag needs an argument: -+(\S+)()$`), "tùy chọn --%s cần một giá trị%s"},
	{regexp.MustCompile(`^invalid value "(.*)" for flag -+(\S+): parse error$`), "%q không phải là số (tùy chọn --%s cần một số nguyên, ví dụ --year 2023)"},
	{regexp.MustCompile(`^invalid value "(.*)" for flag -+(\S+): value out of range$`), "%q quá lớn (tùy chọn --%s)"},
	{regexp.MustCompile(`^invalid boolean value "(.*)" for -+(\S+): .*$`), "%q: tùy chọn --%s chỉ bật hoặc tắt, không nhận giá trị"},
	{regexp.MustCompile(`^bad flag syntax: (.*)()$`), "tùy chọn viết sai: %s%s"},
}

func runDemo(args []string, stdout io.Writer) error {
	fs := newFlags("demo")
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := ops.CreateDemo(*db); err != nil {
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
	if err := ops.CreateEmpty(*db); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã tạo tệp dữ liệu trống: %s\nMở bằng: pardesk --db %s, rồi nhập thông tin cơ quan (mục Báo cáo), đơn vị và bộ chỉ số (hoặc nhập từ Excel, mục Dữ liệu).\n", *db, *db)
	return nil
}

// reportFlags are the options every report shares.
type reportFlags struct {
	db, out, number, date string
}

func (r *reportFlags) register(fs *flag.FlagSet, defaultOut string) {
	fs.StringVar(&r.db, "db", ops.DefaultPath(), "tệp dữ liệu")
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

// readData opens an existing data file for reading only and runs fn in
// one read transaction: every report and export reads one consistent state
// of the file, and a report printed from a script costs little more than
// the PDF itself (store.OpenReading).
func readData(path string, fn func(tx *store.Tx) error) error {
	st, err := store.OpenReading(path)
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
