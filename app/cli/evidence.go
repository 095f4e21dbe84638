package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/evidence"
	"github.com/pardesk/pardesk/data/store"
)

// runEvidence: pardesk evidence add|list|export. What the score grid's
// evidence dialog does, for scripts and for handing an inspector the
// files of a unit:
//
//	pardesk evidence add TỆP --year Y --unit U --criterion C --officer "HỌ TÊN"
//	pardesk evidence list --year Y [--unit U]
//	pardesk evidence export --year Y --unit U --out THƯ-MỤC
func runEvidence(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return usageError("evidence: thiếu thao tác (add, list hoặc export)")
	}
	action, args := args[0], args[1:]
	fs := newFlags("evidence " + action)
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	year := fs.Int("year", 0, "năm đánh giá")
	unit := fs.String("unit", "", "mã đơn vị")
	switch action {
	case "add":
		code := fs.String("criterion", "", "mã tiêu chí")
		officer := fs.String("officer", os.Getenv("PARDESK_OFFICER"), "họ tên cán bộ thực hiện")
		pos, err := parseArgs(fs, args, 1, "tệp cần đính kèm")
		if err != nil {
			return err
		}
		who := data.Clean(*officer)
		switch {
		case *year == 0 || *unit == "" || *code == "":
			return usageError("evidence add: cần --year, --unit và --criterion")
		case who == "":
			return usageError("evidence add: thiếu --officer (họ tên cán bộ, ghi vào nhật ký thay đổi)")
		}
		return evidenceAdd(*db, pos[0], *year, *unit, *code, who, stdout)
	case "list":
		if err := parse(fs, args); err != nil {
			return err
		}
		if *year == 0 {
			return usageError("evidence list: thiếu --year")
		}
		return evidenceList(*db, *year, *unit, stdout)
	case "export":
		out := fs.String("out", "", "thư mục nhận các tệp")
		if err := parse(fs, args); err != nil {
			return err
		}
		if *year == 0 || *unit == "" || *out == "" {
			return usageError("evidence export: cần --year, --unit và --out")
		}
		return evidenceExport(*db, *year, *unit, *out, stdout)
	}
	return usageError("evidence: không có thao tác %q (add, list hoặc export)", action)
}

func evidenceAdd(db, file string, year int, unit, code, who string, stdout io.Writer) error {
	in, err := os.Open(file)
	if err != nil {
		return data.Errorf(data.ENOTFOUND, "Không mở được tệp %s: %v", file, err)
	}
	defer in.Close()
	st, err := openExisting(db)
	if err != nil {
		return err
	}
	defer st.Close()
	st.SetOfficer(who)
	f, err := st.AttachEvidence(year, strings.ToUpper(strings.TrimSpace(unit)), strings.TrimSpace(code), filepath.Base(file), in)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã đính kèm «%s» (%s, sha256 %s) vào tiêu chí %s của đơn vị %s năm %d.\n", f.Name, data.FormatSize(f.Size), f.ShortHash(), code, unit, year)
	return nil
}

// evidenceRefs reads the references of a year, of one unit when unit is
// not empty.
func evidenceRefs(db string, year int, unit string) ([]store.EvidenceRef, error) {
	unit = strings.ToUpper(strings.TrimSpace(unit))
	var out []store.EvidenceRef
	err := readData(db, func(tx *store.Tx) error {
		refs, err := tx.EvidenceRefs()
		for _, r := range refs {
			if r.Year == year && (unit == "" || strings.EqualFold(r.Unit, unit)) {
				out = append(out, r)
			}
		}
		return err
	})
	return out, err
}

func evidenceList(db string, year int, unit string, stdout io.Writer) error {
	refs, err := evidenceRefs(db, year, unit)
	if err != nil {
		return err
	}
	if len(refs) == 0 {
		fmt.Fprintf(stdout, "Không có tài liệu kiểm chứng nào năm %d.\n", year)
		return nil
	}
	for _, r := range refs {
		who := r.File.AddedBy
		if who == "" {
			who = "—"
		}
		fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Unit, r.Code, r.File.Name, data.FormatSize(r.File.Size), data.FormatDate(r.File.Added), who, r.File.ShortHash())
	}
	return nil
}

// evidenceExport copies a unit's files of a year into a folder, each
// named after its criterion and its name ("1.1 - KH 45-UBND.pdf"), every
// one checked against its hash on the way.
func evidenceExport(db string, year int, unit, out string, stdout io.Writer) error {
	refs, err := evidenceRefs(db, year, unit)
	if err != nil {
		return err
	}
	if len(refs) == 0 {
		return data.Errorf(data.ENOTFOUND, "Đơn vị %s không có tài liệu kiểm chứng nào năm %d", unit, year)
	}
	ev := evidence.New(evidence.DirFor(db))
	used := map[string]bool{}
	for _, r := range refs {
		name := r.Code + " - " + r.File.Name
		for i := 2; used[strings.ToLower(name)]; i++ {
			ext := filepath.Ext(r.File.Name)
			name = fmt.Sprintf("%s - %s (%d)%s", r.Code, strings.TrimSuffix(r.File.Name, ext), i, ext)
		}
		used[strings.ToLower(name)] = true
		if _, err := ev.CopyOut(r.File.SHA256, name, out); err != nil {
			return data.Errorf(data.ErrorCode(err), "%s: %s", r.Where(), data.ErrorMessage(err))
		}
	}
	fmt.Fprintf(stdout, "Đã chép %d tài liệu kiểm chứng của đơn vị %s năm %d vào %s (đã đối chiếu mã SHA-256).\n", len(refs), strings.ToUpper(unit), year, out)
	return nil
}
