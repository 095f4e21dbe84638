package cli

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/pack"
	"github.com/pardesk/pardesk/data/store"
)

// runPackage: pardesk package export|show|import|untrust … (exchange
// packages between an office, its units and its officers; data/pack).
func runPackage(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError("package: thiếu thao tác (export, show, import, trusted, untrust)")
	}
	switch args[0] {
	case "export":
		return runPackageExport(args[1:], stdout)
	case "show":
		return runPackageShow(args[1:], stdout, stderr)
	case "import":
		return runPackageImport(args[1:], stdout, stderr)
	case "untrust":
		return runPackageUntrust(args[1:], stdout)
	case "trusted":
		return runPackageTrusted(args[1:], stdout)
	}
	return usageError("package: không có thao tác %q (export, show, import, trusted, untrust)", args[0])
}

func runPackageExport(args []string, stdout io.Writer) error {
	var names []string
	for _, k := range ops.PackageKinds {
		names = append(names, k.Name)
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usageError("package export: thiếu loại gói (%s)", strings.Join(names, ", "))
	}
	name, args := args[0], args[1:]
	var kind pack.Kind
	for _, k := range ops.PackageKinds {
		if k.Name == name {
			kind = k.Kind
		}
	}
	if kind == "" {
		return usageError("package export: không có loại gói %q (%s)", name, strings.Join(names, ", "))
	}
	fs := newFlags("package export " + name)
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	out := fs.String("out", "", "tệp gói (thư mục khi mỗi đơn vị một gói)")
	year := fs.Int("year", 0, "năm đánh giá")
	units := fs.String("unit", "", "mã đơn vị, cách nhau bằng dấu phẩy")
	deadline := fs.String("deadline", "", "hạn nộp tự đánh giá, dạng 15/01/2025")
	to := fs.String("to", "", "cán bộ thẩm định nhận gói phân công")
	officer := fs.String("officer", os.Getenv("PARDESK_OFFICER"), "họ tên cán bộ lập gói")
	if err := parse(fs, args); err != nil {
		return err
	}
	who := data.Clean(*officer)
	switch {
	case *year == 0:
		return usageError("package export %s: thiếu --year", name)
	case who == "":
		return usageError("package export %s: thiếu --officer (họ tên cán bộ lập gói, ghi trong gói)", name)
	case kind == pack.KindShare && data.Clean(*to) == "":
		return usageError("package export share: thiếu --to (họ tên cán bộ thẩm định nhận gói)")
	case kind == pack.KindShare && *units == "":
		return usageError("package export share: thiếu --unit (các đơn vị giao thẩm định)")
	}
	key, err := pack.LoadKey(pack.DefaultKeyDir())
	if err != nil {
		return err
	}
	o := ops.PackageExport{Kind: kind, Year: *year, Deadline: *deadline, Assignee: *to, Created: time.Now()}
	for _, u := range strings.Split(*units, ",") {
		if u = strings.TrimSpace(u); u != "" {
			o.Units = append(o.Units, u)
		}
	}
	st, err := store.OpenReading(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	st.SetOfficer(who)
	var buf strings.Builder
	var m pack.Manifest
	var paths []string
	err = st.View(func(tx *store.Tx) error {
		codes, err := ops.PackageUnits(tx, o)
		if err != nil {
			return err
		}
		if ops.PerUnit(kind) && len(codes) > 1 {
			// One package per unit, into a folder.
			if *out == "" {
				*out = strings.TrimSuffix(ops.PackageFileName(kind, *year, nil), ".pdk")
			}
			if strings.HasSuffix(strings.ToLower(*out), ".pdk") {
				return usageError("package export %s: %d đơn vị, mỗi đơn vị một gói: --out phải là một thư mục, không phải tệp %s", name, len(codes), *out)
			}
			paths, err = ops.ExportPerUnit(tx, st.Evidence(), *out, key, o)
			return err
		}
		if *out == "" {
			*out = ops.PackageFileName(kind, *year, codes)
		}
		m, err = ops.ExportPackage(tx, st.Evidence(), &buf, key, o)
		return err
	})
	if err != nil {
		return err
	}
	label := strings.ToLower(kind.Label()[:1]) + kind.Label()[1:]
	if paths != nil {
		fmt.Fprintf(stdout, "Đã tạo %d %s, mỗi đơn vị một gói, trong thư mục %s:\n", len(paths), label, *out)
		for _, p := range paths {
			fmt.Fprintf(stdout, "  %s\n", filepath.Base(p))
		}
		fmt.Fprintf(stdout, "Dấu nhận dạng khóa của máy này: %s.\nBáo cho nơi nhận dấu nhận dạng khóa này (qua điện thoại hoặc công văn) để họ đối chiếu trước khi tin cậy.\n", key.Fingerprint())
		return nil
	}
	if err := writeFile(*out, []byte(buf.String())); err != nil {
		return data.Errorf(data.EINTERNAL, "Không ghi được tệp %s: %v", *out, err)
	}
	fmt.Fprintf(stdout, "Đã tạo %s: %s\nNăm %d, đơn vị: %s. Người gửi: %s — cán bộ %s; dấu nhận dạng khóa %s.\nBáo cho nơi nhận dấu nhận dạng khóa này (qua điện thoại hoặc công văn) để họ đối chiếu trước khi tin cậy.\n",
		label, *out, m.Year, strings.Join(m.Units, ", "), m.Sender.Name, m.Sender.Officer, key.Fingerprint())
	return nil
}

// runPackageShow: pardesk package show FILE [--db FILE]: who sent it, the
// key's fingerprint, what it holds, whether it verifies; with a data file,
// whether its sender is trusted there and what importing would change.
func runPackageShow(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("package show")
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	pos, err := parseArgs(fs, args, 1, "tệp gói")
	if err != nil {
		return err
	}
	report, done := progressTo(stderr)
	p, c, cl, err := ops.ReadPackageFileProgress(pos[0], report)
	done()
	if err != nil {
		fmt.Fprintf(stdout, "Tệp %s: KHÔNG hợp lệ.\n", pos[0])
		return err
	}
	defer cl.Close()
	printManifest(stdout, p, c)
	if _, err := os.Stat(*db); err != nil {
		return nil
	}
	var plan *pack.Plan
	err = readData(*db, func(tx *store.Tx) (err error) {
		plan, err = ops.PlanPackage(tx, p, c)
		return err
	})
	if err != nil {
		fmt.Fprintf(stdout, "\nNhập vào %s: không được. %s\n", *db, data.ErrorMessage(err))
		return nil
	}
	fmt.Fprintf(stdout, "\nNhập vào %s:\n", *db)
	printPlan(stdout, plan, false)
	return nil
}

func printManifest(w io.Writer, p *pack.Package, c pack.Content) {
	fmt.Fprintf(w, "%s\n", p.Kind.Label())
	fmt.Fprintf(w, "Chữ ký và mã SHA-256 của mọi mục: hợp lệ (gói nguyên vẹn như khi ký).\n")
	fmt.Fprintf(w, "Người gửi: %s", p.Sender.Name)
	if p.Sender.Officer != "" {
		fmt.Fprintf(w, " — cán bộ %s", p.Sender.Officer)
	}
	fmt.Fprintf(w, "\nDấu nhận dạng khóa: %s\nLập lúc: %s\nNăm: %d\nĐơn vị: %s\n", p.Fingerprint, p.Created.Local().Format("15:04 02/01/2006"), p.Year, strings.Join(p.Units, ", "))
	if c.Deadline != "" {
		fmt.Fprintf(w, "Hạn nộp tự đánh giá: %s\n", c.Deadline)
	}
	if c.Assignee != "" {
		fmt.Fprintf(w, "Giao cán bộ thẩm định: %s\n", c.Assignee)
	}
	if p.BasedOn != "" {
		fmt.Fprintf(w, "Trả lời gói: %s\n", p.BasedOn)
	}
	size, n := p.FileSize()
	fmt.Fprintf(w, "Mã gói: %s. %d mục; %d tệp kiểm chứng (%s).\n", p.ID, len(p.Entries), n, pack.ByteSize(size))
	fmt.Fprintf(w, "Nội dung:\n")
	if f := c.Framework; f != nil {
		leaves := 0
		f.Leaves(func(_, _ *data.Criterion) { leaves++ })
		fmt.Fprintf(w, "  Bộ chỉ số năm %d «%s»: %d lĩnh vực, %d tiêu chí chấm điểm, tối đa %s điểm\n", f.Year, f.Title, len(f.Areas), leaves, f.Max().Short())
	}
	for _, u := range c.Units {
		fmt.Fprintf(w, "  Đơn vị %s (%s), nhóm %s\n", u.Name, u.Code, u.GroupID)
	}
	for _, sh := range c.Sheets {
		files := 0
		for _, sc := range sh.Scores {
			files += len(sc.Files)
		}
		fmt.Fprintf(w, "  Phiếu điểm %s: %d tiêu chí có giá trị, %d tệp kiểm chứng đính kèm\n", sh.Unit, len(sh.Scores), files)
	}
	for _, unit := range slices.Sorted(maps.Keys(c.Explanations)) {
		fmt.Fprintf(w, "  Giải trình của %s: %d tiêu chí\n", unit, len(c.Explanations[unit]))
	}
	if c.Snapshot != nil {
		ranked := 0
		for _, g := range c.Snapshot.Groups {
			ranked += len(g.Results)
		}
		fmt.Fprintf(w, "  Kết quả xếp hạng năm %d đã khóa: %d nhóm, %d đơn vị\n", c.Snapshot.Year, len(c.Snapshot.Groups), ranked)
	}
	for _, e := range p.Entries {
		if e.Name != "" {
			fmt.Fprintf(w, "  Tệp %s (%s, SHA-256 %s…)\n", e.Name, pack.ByteSize(e.Size), e.SHA256[:12])
		}
	}
}

func printPlan(w io.Writer, p *pack.Plan, trust bool) {
	switch {
	case p.Trust == pack.Known:
		fmt.Fprintf(w, "Người gửi đã được tin cậy với khóa này.\n")
	case p.Trust == pack.Unknown && trust:
		fmt.Fprintf(w, "Người gửi «%s» chưa được tin cậy: tin cậy từ nay khóa %s (--trust).\n", p.Sender.Name, p.Fingerprint)
	default:
		fmt.Fprintf(w, "%s\n", data.ErrorMessage(ops.TrustError(p)))
	}
	if p.FrameworkChange != "" {
		fmt.Fprintf(w, "%s.\n", p.FrameworkChange)
	}
	for _, g := range p.NewGroups {
		fmt.Fprintf(w, "Thêm nhóm xếp hạng %s (%s).\n", g.Name, g.ID)
	}
	for _, u := range p.NewUnits {
		fmt.Fprintf(w, "Thêm đơn vị %s (%s).\n", u.Name, u.Code)
	}
	if p.Lock {
		fmt.Fprintf(w, "Khóa năm %d với kết quả xếp hạng như đã công bố.\n", p.Year)
	}
	fmt.Fprintf(w, "Cột được nhập: %s. %d tiêu chí thay đổi, %d xung đột, %d giữ nguyên.\n", p.Column.Label(), p.Count(pack.Change), p.Count(pack.Conflict), p.Count(pack.Same))
	for _, r := range p.Rows {
		if r.Action == pack.Same {
			continue
		}
		fmt.Fprintf(w, "  %-9s %s %-8s tệp dữ liệu: %s  →  gói: %s\n", r.Action.Label(), r.Unit, r.Code, r.CurrentText, r.InText)
	}
}

// runPackageImport: pardesk package import FILE [--trust]
// [--conflicts keep|take] [--officer NAME] [--db FILE].
func runPackageImport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("package import")
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	trust := fs.Bool("trust", false, "tin cậy người gửi chưa biết (sau khi đã đối chiếu dấu nhận dạng khóa)")
	conflicts := fs.String("conflicts", "", "xử lý xung đột: keep (giữ của văn phòng) hoặc take (lấy từ gói)")
	officer := fs.String("officer", os.Getenv("PARDESK_OFFICER"), "họ tên cán bộ nhập gói")
	pos, err := parseArgs(fs, args, 1, "tệp gói")
	if err != nil {
		return err
	}
	who := data.Clean(*officer)
	switch {
	case who == "":
		return usageError("package import: thiếu --officer (họ tên cán bộ nhập gói, ghi vào nhật ký thay đổi)")
	case *conflicts != "" && *conflicts != "keep" && *conflicts != "take":
		return usageError("package import: --conflicts nhận keep (giữ của văn phòng) hoặc take (lấy từ gói), không nhận %q", *conflicts)
	}
	report, done := progressTo(stderr)
	defer done()
	p, c, cl, err := ops.ReadPackageFileProgress(pos[0], report)
	done() // the plan prints on its own lines
	if err != nil {
		return err
	}
	defer cl.Close()
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	st.SetOfficer(who)
	var plan *pack.Plan
	err = st.View(func(tx *store.Tx) (err error) {
		plan, err = ops.PlanPackage(tx, p, c)
		return err
	})
	if err != nil {
		return err
	}
	if plan.Trust == pack.KeyChanged || plan.Trust == pack.Unknown && !*trust {
		printManifest(stdout, p, c)
		return ops.TrustError(plan)
	}
	if n := plan.Count(pack.Conflict); n > 0 && *conflicts == "" {
		printPlan(stdout, plan, *trust)
		return data.Errorf(data.ECONFLICT, "Gói có %d xung đột (liệt kê ở trên): tệp dữ liệu đã sửa các tiêu chí này sau khi gửi gói đi. Không có gì được ghi. Chọn --conflicts keep (giữ của văn phòng) hoặc --conflicts take (lấy từ gói), hoặc nhập trong cửa sổ để chọn từng tiêu chí.", n)
	}
	for i := range plan.Rows {
		plan.Rows[i].Take = *conflicts == "take"
	}
	printPlan(stdout, plan, *trust)
	sum, err := ops.ApplyPackageProgress(st, p, plan, *trust, report)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, sum.String())
	return nil
}

// runPackageTrusted: pardesk package trusted [--db FILE]: the senders the
// data file trusts, each with its key's fingerprint, since when and who
// trusted it.
func runPackageTrusted(args []string, stdout io.Writer) error {
	fs := newFlags("package trusted")
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	if err := parse(fs, args); err != nil {
		return err
	}
	var list []data.TrustedSender
	if err := readData(*db, func(tx *store.Tx) (err error) { list, err = tx.TrustedSenders(); return err }); err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(stdout, "Chưa tin cậy người gửi nào: gói đầu tiên của mỗi người gửi cần --trust.")
		return nil
	}
	fmt.Fprintf(stdout, "Người gửi tin cậy (%d):\n", len(list))
	for _, t := range list {
		fmt.Fprintf(stdout, "  %s — khóa %s, từ %s (%s)\n", t.Name, t.Fingerprint, data.FormatDate(t.Since), t.Officer)
	}
	return nil
}

// runPackageUntrust: pardesk package untrust NAME --reason "…" --officer
// NAME: the sender's next package asks to be trusted again (its PC was
// reinstalled and has a new key, confirmed with the sender).
func runPackageUntrust(args []string, stdout io.Writer) error {
	fs := newFlags("package untrust")
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	reason := fs.String("reason", "", "lý do bỏ tin cậy")
	officer := fs.String("officer", os.Getenv("PARDESK_OFFICER"), "họ tên cán bộ")
	pos, err := parseArgs(fs, args, 1, "tên người gửi")
	if err != nil {
		return err
	}
	who := data.Clean(*officer)
	switch {
	case who == "":
		return usageError("package untrust: thiếu --officer (họ tên cán bộ, ghi vào nhật ký thay đổi)")
	case data.Clean(*reason) == "":
		return usageError("package untrust: thiếu --reason (lý do bỏ tin cậy, ghi vào nhật ký thay đổi)")
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	st.SetOfficer(who)
	if err := st.Update(func(tx *store.Tx) error { return tx.ForgetSender(pos[0], *reason) }); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã bỏ tin cậy %s. Gói tiếp theo của người gửi này sẽ được hỏi lại (--trust).\n", data.Clean(pos[0]))
	return nil
}
