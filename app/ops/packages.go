package ops

import (
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/evidence"
	"github.com/pardesk/pardesk/data/pack"
	"github.com/pardesk/pardesk/data/progress"
	"github.com/pardesk/pardesk/data/store"
)

// PackageKinds are the kinds `pardesk package export` makes, by the name
// typed on the command line, with the default file name of each.
var PackageKinds = []struct {
	Name string
	Kind pack.Kind
	File string
}{
	{"framework", pack.KindFramework, "goi-bo-chi-so.pdk"},
	{"self", pack.KindSelf, "goi-tu-danh-gia.pdk"},
	{"share", pack.KindShare, "goi-phan-cong-tham-dinh.pdk"},
	{"share-back", pack.KindShareBack, "goi-ket-qua-tham-dinh.pdk"},
	{"results", pack.KindResults, "goi-ket-qua-cong-bo.pdk"},
}

// PackageExport says what package to make.
type PackageExport struct {
	Kind  pack.Kind
	Year  int
	Units []string // unit codes; empty: what the kind covers by default
	// Deadline (framework) is when the office wants the self-assessment
	// back, 09/06/2023.
	Deadline string
	// Assignee (share) is the officer who appraises the units.
	Assignee string
	Created  time.Time
}

// ExportPackage writes a package of the store's data into w, signed with
// the installation key. It only reads the data file: what the package
// needs to detect later changes (the base) travels inside it.
//
// The evidence files the scores name are read from ev (the data file's
// evidence store) and travel as files/<sha256>; published results carry
// the figures only, not the units' evidence.
func ExportPackage(tx *store.Tx, ev *evidence.Store, w io.Writer, k *pack.Key, o PackageExport) (pack.Manifest, error) {
	f, err := tx.Framework(o.Year)
	if err != nil {
		return pack.Manifest{}, err
	}
	office, err := tx.Office()
	if err != nil {
		return pack.Manifest{}, err
	}
	officer := tx.Officer()
	m := pack.Manifest{Kind: o.Kind, Year: o.Year, Created: o.Created, Sender: pack.Sender{Name: office.Name, Officer: officer}}
	var c pack.Content
	units, err := packageUnits(tx, o)
	if err != nil {
		return m, err
	}
	for _, u := range units {
		m.Units = append(m.Units, u.Code)
	}
	sheets := func(col pack.Column) ([]data.Sheet, error) {
		var out []data.Sheet
		for _, u := range units {
			s, err := tx.Sheet(o.Year, u.Code)
			if err != nil {
				return nil, err
			}
			out = append(out, columnSheet(s, col))
		}
		return out, nil
	}
	withFramework := func() error {
		c.Framework, c.Units = f, units
		for _, u := range units {
			if !slices.ContainsFunc(c.Groups, func(g data.Group) bool { return g.ID == u.GroupID }) {
				g, err := tx.YearGroup(o.Year, u.GroupID)
				if err != nil {
					return err
				}
				c.Groups = append(c.Groups, g)
			}
		}
		if office.Name != "" {
			c.Office = &office
		}
		return nil
	}
	needOffice := func() error {
		if office.Name == "" {
			return data.Errorf(data.EINVALID, "Tên cơ quan: chưa nhập (mục Báo cáo → Thông tin cơ quan). Gói ghi tên cơ quan làm người gửi.")
		}
		return nil
	}
	switch o.Kind {
	case pack.KindFramework:
		if err := needOffice(); err != nil {
			return m, err
		}
		if o.Deadline != "" {
			d, err := data.ParseDate(o.Deadline)
			if err != nil {
				return m, data.Errorf(data.EINVALID, "Hạn nộp: %s", data.ErrorMessage(err))
			}
			c.Deadline = data.FormatDate(d)
		}
		if err = withFramework(); err == nil {
			c.Sheets, err = sheets(pack.ColSelf)
			c.Base = c.Sheets
		}
	case pack.KindSelf:
		if len(units) != 1 {
			return m, data.Errorf(data.EINVALID, "Gói tự đánh giá là của một đơn vị: chọn một đơn vị (đang chọn %d)", len(units))
		}
		u := units[0]
		m.Sender.Name = u.Name + " (" + u.Code + ")"
		if c.Sheets, err = sheets(pack.ColSelf); err != nil {
			return m, err
		}
		a, err := tx.Appraisal(o.Year, u.Code)
		if err != nil {
			return m, err
		}
		if len(a.Explanations) > 0 {
			c.Explanations = map[string]map[string]data.Explanation{u.Code: {}}
			for code, e := range a.Explanations {
				// The unit's words only: the office's decision is the office's.
				c.Explanations[u.Code][code] = data.Explanation{Text: e.Text, Evidence: e.Evidence}
			}
		}
		if r, ok, err := tx.LastReceived(string(pack.KindFramework), o.Year, u.Code); err != nil {
			return m, err
		} else if ok {
			m.BasedOn, c.Base = r.ID, r.Base
		}
	case pack.KindShare:
		if err := needOffice(); err != nil {
			return m, err
		}
		c.Assignee = data.Clean(o.Assignee)
		if c.Assignee == "" {
			return m, data.Errorf(data.EINVALID, "Cán bộ thẩm định nhận gói phân công: chưa nhập")
		}
		if err = withFramework(); err == nil {
			c.Sheets, err = sheets(pack.ColWhole)
			if err == nil {
				c.Base, err = sheets(pack.ColAppraised)
			}
		}
	case pack.KindShareBack:
		if err := needOffice(); err != nil {
			return m, err
		}
		if officer == "" {
			return m, data.Errorf(data.EINVALID, "Cán bộ thẩm định: chưa nhập tên (gói ghi người thẩm định)")
		}
		// Each officer appraises on his own PC with his own key: he is
		// the sender the lead officer trusts.
		m.Sender.Name = office.Name + " — " + officer
		if c.Sheets, err = sheets(pack.ColAppraised); err != nil {
			return m, err
		}
		if r, ok, err := tx.LastReceived(string(pack.KindShare), o.Year, units[0].Code); err != nil {
			return m, err
		} else if ok {
			m.BasedOn, c.Base = r.ID, r.Base
		}
	case pack.KindResults:
		if err := needOffice(); err != nil {
			return m, err
		}
		snap, ok, err := tx.RankingSnapshot(o.Year)
		if err != nil {
			return m, err
		}
		if !ok {
			return m, data.Errorf(data.EINVALID, "Năm %d chưa khóa: chỉ gửi được kết quả đã được Hội đồng thẩm định phê duyệt và khóa", o.Year)
		}
		c.Snapshot = &snap
		if err = withFramework(); err == nil {
			c.Sheets, err = sheets(pack.ColWhole)
		}
		for i := range c.Sheets {
			for code, sc := range c.Sheets[i].Scores {
				sc.Files = nil
				c.Sheets[i].Scores[code] = sc
			}
		}
		for _, g := range snap.Groups {
			if !slices.ContainsFunc(c.Groups, func(x data.Group) bool { return x.ID == g.ID }) {
				c.Groups = append(c.Groups, data.Group{ID: g.ID, Name: g.Name})
			}
			for _, r := range g.Results {
				if !slices.ContainsFunc(c.Units, func(u data.Unit) bool { return u.Code == r.Unit.Code }) {
					c.Units = append(c.Units, r.Unit)
				}
			}
		}
	default:
		return m, data.Errorf(data.EINVALID, "Không có loại gói %q", o.Kind)
	}
	if err != nil {
		return m, err
	}
	pw := pack.NewWriter(w, m)
	if err := pw.AddJSON(pack.ContentPath, c); err != nil {
		return m, err
	}
	if err := addEvidence(pw, ev, c.Sheets); err != nil {
		return m, err
	}
	return pw.Close(k)
}

// addEvidence streams the evidence files the sheets name into the
// package, each once, in unit and criterion order.
func addEvidence(pw *pack.Writer, ev *evidence.Store, sheets []data.Sheet) error {
	for _, s := range sheets {
		for _, code := range slices.Sorted(maps.Keys(s.Scores)) {
			for _, ef := range s.Scores[code].Files {
				f, err := ev.Open(ef.SHA256)
				if err != nil {
					return data.Errorf(data.ENOTFOUND, "Đơn vị %s, tiêu chí %s: tệp kiểm chứng «%s» không còn trong thư mục %s (%s). Hãy đính kèm lại tệp rồi tạo gói.", s.Unit, code, ef.Name, ev.Dir(), data.ErrorMessage(err))
				}
				err = pw.AddFile(ef.SHA256, ef.Name, ef.Size, f)
				f.Close()
				if err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// storeEvidence copies into the data file's evidence store the files of
// the rows the import writes, before its transaction: a file stored for
// an import that is then refused stays unreferenced, which is harmless
// (the evidence store's own rule). Each goes through the store's checks
// (kind of document, size).
func storeEvidence(ev *evidence.Store, pkg *pack.Package, p *pack.Plan, f progress.Func) error {
	const stage = "Đang chép tài liệu kiểm chứng"
	type need struct {
		file       data.EvidenceFile
		unit, code string
	}
	var todo []need
	seen := map[string]bool{}
	var all int64
	for _, r := range p.Rows {
		if r.Action == pack.Same || r.Action == pack.Conflict && !r.Take {
			continue
		}
		for _, ef := range r.Incoming.Files {
			if seen[ef.SHA256] || ev.Verify(ef.SHA256) == nil {
				continue
			}
			seen[ef.SHA256] = true
			todo = append(todo, need{ef, r.Unit, r.Code})
			all += ef.Size
		}
	}
	var done int64
	for _, n := range todo {
		rc, err := pkg.Open(pack.FilePath(n.file.SHA256))
		if err != nil {
			return err
		}
		info, err := ev.Put(n.file.Name, &progress.Reader{R: rc, Stage: stage, Total: all, F: shifted(f, done)})
		rc.Close()
		if err != nil {
			return data.Errorf(data.ErrorCode(err), "Đơn vị %s, tiêu chí %s: %s", n.unit, n.code, data.ErrorMessage(err))
		}
		if info.SHA256 != n.file.SHA256 {
			return data.Errorf(data.EINVALID, "Không nhận gói: tệp kiểm chứng «%s» không khớp mã SHA-256 ghi trong phiếu điểm", n.file.Name)
		}
		done += n.file.Size
	}
	return nil
}

// packageUnits are the units a package covers: those asked for, or by
// default every active unit (framework, results), the one unit of a
// unit's own file (self), the units of the share received (share-back).
func packageUnits(tx *store.Tx, o PackageExport) ([]data.Unit, error) {
	codes := o.Units
	if len(codes) == 0 {
		switch o.Kind {
		case pack.KindShare:
			return nil, data.Errorf(data.EINVALID, "Gói phân công thẩm định: chưa chọn đơn vị nào")
		case pack.KindShareBack:
			all, err := tx.Received(o.Year)
			if err != nil {
				return nil, err
			}
			for _, r := range all {
				if r.Kind == string(pack.KindShare) {
					codes = r.Units
					break
				}
			}
			if len(codes) == 0 {
				return nil, data.Errorf(data.EINVALID, "Tệp dữ liệu chưa nhận gói phân công thẩm định năm %d nào: hãy chọn đơn vị", o.Year)
			}
		default:
			us, err := tx.Units()
			if err != nil {
				return nil, err
			}
			for _, u := range us {
				if !u.Inactive {
					codes = append(codes, u.Code)
				}
			}
		}
	}
	var out []data.Unit
	for _, code := range codes {
		c := tx.UnitCode(data.Clean(code))
		if c == "" {
			return nil, data.Errorf(data.ENOTFOUND, "Không có đơn vị mã %s", code)
		}
		u, err := tx.Unit(c)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	if len(out) == 0 {
		return nil, data.Errorf(data.EINVALID, "Gói không có đơn vị nào: tệp dữ liệu chưa có đơn vị đang đánh giá")
	}
	return out, nil
}

// columnSheet keeps the column's part of every score of a sheet.
func columnSheet(s *data.Sheet, col pack.Column) data.Sheet {
	out := data.Sheet{Year: s.Year, Unit: s.Unit, Scores: map[string]data.Score{}}
	if col == pack.ColWhole {
		out.Published = s.Published
	}
	for code, sc := range s.Scores {
		if !col.Empty(sc) {
			out.Scores[code] = col.Of(sc)
		}
	}
	return out
}

// ReadPackageFile opens and checks a package file whole (pack.Open); the
// returned package reads from the open file, closed by the caller.
func ReadPackageFile(path string) (*pack.Package, pack.Content, io.Closer, error) {
	return ReadPackageFileProgress(path, nil)
}

// ReadPackageFileProgress is ReadPackageFile telling f how far the check
// has gone.
func ReadPackageFileProgress(path string, f progress.Func) (*pack.Package, pack.Content, io.Closer, error) {
	file, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, pack.Content{}, nil, data.Errorf(data.ENOTFOUND, "Không tìm thấy tệp %s", path)
		}
		return nil, pack.Content{}, nil, data.Errorf(data.EINTERNAL, "Không đọc được tệp %s: %v", path, err)
	}
	fi, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, pack.Content{}, nil, err
	}
	p, c, err := ReadPackageProgress(file, fi.Size(), f)
	if err != nil {
		file.Close()
		return nil, c, nil, err
	}
	return p, c, file, nil
}

// ReadPackage checks a package and decodes its content.
func ReadPackage(r io.ReaderAt, size int64) (*pack.Package, pack.Content, error) {
	return ReadPackageProgress(r, size, nil)
}

// ReadPackageProgress is ReadPackage telling f how far the check has gone.
func ReadPackageProgress(r io.ReaderAt, size int64, f progress.Func) (*pack.Package, pack.Content, error) {
	var c pack.Content
	p, err := pack.OpenProgress(r, size, pack.DefaultLimits, f)
	if err != nil {
		return nil, c, err
	}
	if p.Entry(pack.ContentPath) == nil {
		return nil, c, data.Errorf(data.EINVALID, "Không nhận gói: thiếu mục %s", pack.ContentPath)
	}
	if err := p.ReadJSON(pack.ContentPath, &c); err != nil {
		return nil, c, err
	}
	return p, c, nil
}

// PlanPackage compares a package with the data file (pack.MakePlan).
func PlanPackage(tx *store.Tx, p *pack.Package, c pack.Content) (*pack.Plan, error) {
	s, err := packageState(tx, p.Manifest)
	if err != nil {
		return nil, err
	}
	return pack.MakePlan(p.Manifest, p.Fingerprint, c, s)
}

func packageState(tx *store.Tx, m pack.Manifest) (pack.State, error) {
	var s pack.State
	l, err := tx.YearLock(m.Year)
	if err != nil {
		return s, err
	}
	s.Locked = l.Locked
	if snap, ok, err := tx.RankingSnapshot(m.Year); err != nil {
		return s, err
	} else if ok {
		s.Snapshot = &snap
	}
	years, err := tx.Years()
	if err != nil {
		return s, err
	}
	if slices.Contains(years, m.Year) {
		if s.Framework, err = tx.Framework(m.Year); err != nil {
			return s, err
		}
	}
	s.Units, s.Groups, s.Sheets = map[string]data.Unit{}, map[string]data.Group{}, map[string]*data.Sheet{}
	s.Appraisals = map[string]*data.Appraisal{}
	us, err := tx.Units()
	if err != nil {
		return s, err
	}
	for _, u := range us {
		s.Units[u.Code] = u
	}
	gs, err := tx.Groups()
	if err != nil {
		return s, err
	}
	for _, g := range gs {
		s.Groups[g.ID] = g
	}
	for _, code := range m.Units {
		if s.Sheets[code], err = tx.Sheet(m.Year, code); err != nil {
			return s, err
		}
		if _, known := s.Units[code]; known {
			if s.Appraisals[code], err = tx.Appraisal(m.Year, code); err != nil {
				return s, err
			}
		}
	}
	if s.Office, err = tx.Office(); err != nil {
		return s, err
	}
	if t, ok, err := tx.Trusted(m.Sender.Name); err != nil {
		return s, err
	} else if ok {
		s.Trusted = &t
	}
	return s, nil
}

// PackageSummary says what an import did.
type PackageSummary struct {
	Changed, Kept, Taken int
	Backup               store.Backup
	Trusted              bool // the sender was trusted by this import
	// File is where the signed package is kept, as received.
	File string
}

func (s PackageSummary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Đã nhập gói: %d tiêu chí thay đổi", s.Changed)
	if s.Kept+s.Taken > 0 {
		fmt.Fprintf(&b, " (xung đột: %d giữ của văn phòng, %d lấy từ gói)", s.Kept, s.Taken)
	}
	b.WriteString(".")
	if s.Trusted {
		b.WriteString(" Người gửi đã được ghi vào danh sách tin cậy.")
	}
	if s.File != "" {
		b.WriteString(" Gói được lưu nguyên bản có chữ ký ở " + s.File + ".")
	}
	if s.Backup.Path != "" {
		b.WriteString(" Bản sao lưu trước khi nhập: " + s.Backup.Path)
	}
	return b.String()
}

// TrustError explains why a package's sender is not accepted.
func TrustError(p *pack.Plan) error {
	switch p.Trust {
	case pack.Unknown:
		return data.Errorf(data.ECONFLICT, "Người gửi «%s» chưa được tin cậy. Dấu nhận dạng khóa của gói: %s. Hãy gọi điện hỏi người gửi dấu nhận dạng khóa của họ; nếu trùng khớp, nhập lại với --trust (trong cửa sổ: chọn «Tin cậy và nhập»).", p.Sender.Name, p.Fingerprint)
	case pack.KeyChanged:
		return data.Errorf(data.ECONFLICT, "Không nhận gói: «%s» đã được tin cậy với khóa %s, nhưng gói này ký bằng khóa khác (%s). Có thể người gửi đã cài lại máy, hoặc gói không phải của họ. Hãy gọi điện hỏi người gửi; nếu đúng họ đã đổi khóa, bỏ tin cậy khóa cũ (trong cửa sổ: Dữ liệu → Gói trao đổi → «Người gửi tin cậy…»; dòng lệnh: pardesk package untrust «%s» --reason \"…\") rồi nhập lại.", p.Sender.Name, p.TrustedKey, p.Fingerprint, p.Sender.Name)
	}
	return nil
}

// ApplyPackage writes a plan: after a backup, in one transaction, the
// framework, groups and units the package adds, the column it carries for
// each change and each conflict chosen "take", the record of the package
// and, for published results, the lock. An unknown sender is trusted only
// when trust is true; a sender trusted with another key is refused. The
// plan is made again inside the transaction: if the file changed since it
// was shown, nothing is written and the officer is asked to look again.
func ApplyPackage(st *store.Store, pkg *pack.Package, shown *pack.Plan, trust bool) (PackageSummary, error) {
	return ApplyPackageProgress(st, pkg, shown, trust, nil)
}

// ApplyPackageProgress is ApplyPackage telling f how far the copy of the
// evidence files and the backup have gone.
func ApplyPackageProgress(st *store.Store, pkg *pack.Package, shown *pack.Plan, trust bool, f progress.Func) (PackageSummary, error) {
	var sum PackageSummary
	if shown.Trust == pack.KeyChanged || shown.Trust == pack.Unknown && !trust {
		return sum, TrustError(shown)
	}
	if !shown.Writes() && shown.Trust == pack.Known {
		// The same package again changes nothing; a new one that changes
		// nothing is still recorded (its deadline, its base for the answer).
		seen := false
		if err := st.View(func(tx *store.Tx) error { seen = tx.HasReceived(shown.Year, shown.ID); return nil }); err != nil {
			return sum, err
		}
		if seen {
			return sum, nil
		}
	}
	if pkg.ID != shown.ID {
		return sum, data.Errorf(data.EINTERNAL, "Gói %s không phải gói của kế hoạch nhập %s", pkg.ID, shown.ID)
	}
	if err := storeEvidence(st.Evidence(), pkg, shown, f); err != nil {
		return sum, err
	}
	kept, err := keepPackage(st.Path(), pkg)
	if err != nil {
		return sum, err
	}
	b, err := st.BackupProgress(store.ReasonPackage, f)
	if err != nil {
		kept.undo()
		return sum, err
	}
	sum.Backup = b
	grow := int64(len(shown.Rows)) * 400
	err = st.UpdateGrowing(grow, func(tx *store.Tx) error {
		sum = PackageSummary{Backup: b}
		s, err := packageState(tx, shown.Manifest)
		if err != nil {
			return err
		}
		p, err := pack.MakePlan(shown.Manifest, shown.Fingerprint, shown.Content, s)
		if err != nil {
			return err
		}
		if !sameRows(p, shown) || p.Trust != shown.Trust {
			return data.Errorf(data.ECONFLICT, "Dữ liệu đã thay đổi từ khi xem gói: hãy xem lại gói rồi nhập lại. Không có gì được ghi.")
		}
		return applyPlan(tx, p, shown, kept.name, &sum)
	})
	if err != nil {
		os.Remove(b.Path)
		kept.undo()
		return PackageSummary{}, err
	}
	sum.File = filepath.Join(ReceivedDir(st.Path()), kept.name)
	return sum, nil
}

// shifted reports progress within one file as progress through all.
func shifted(f progress.Func, base int64) progress.Func {
	if f == nil {
		return nil
	}
	return func(stage string, n, total int64) { f(stage, base+n, total) }
}

// ReceivedSuffix is added to the data file's name (without extension) to
// name the folder that keeps every package imported, as signed:
// pardesk.db → pardesk-goi-da-nhan.
const ReceivedSuffix = "-goi-da-nhan"

// ReceivedDir is the folder of received packages of the data file at path.
func ReceivedDir(dataPath string) string {
	base := filepath.Base(dataPath)
	return filepath.Join(filepath.Dir(dataPath), strings.TrimSuffix(base, filepath.Ext(base))+ReceivedSuffix)
}

type keptPackage struct {
	name string
	undo func()
}

// keepPackage copies the package as received into the folder of received
// packages, named by year, kind and ID; undo removes it again when the
// import is refused (a copy already there from an earlier import of the
// same package stays).
func keepPackage(dataPath string, pkg *pack.Package) (keptPackage, error) {
	dir := ReceivedDir(dataPath)
	k := keptPackage{name: fmt.Sprintf("%d-%s-%s.pdk", pkg.Year, pkg.Kind, pkg.ID), undo: func() {}}
	path := filepath.Join(dir, k.name)
	if _, err := os.Stat(path); err == nil {
		return k, nil
	}
	fail := func(err error) (keptPackage, error) {
		return k, data.Errorf(data.EINTERNAL, "Không lưu được bản gói đã nhận vào %s: %v. Không có gì được ghi.", dir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(err)
	}
	tmp, err := os.CreateTemp(dir, ".dang-ghi-*")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp.Name())
	err = pkg.Copy(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fail(err)
	}
	k.undo = func() { os.Remove(path) }
	return k, nil
}

func sameRows(a, b *pack.Plan) bool {
	if len(a.Rows) != len(b.Rows) {
		return false
	}
	for i := range a.Rows {
		x, y := a.Rows[i], b.Rows[i]
		if x.Unit != y.Unit || x.Code != y.Code || x.Explanation != y.Explanation || x.Action != y.Action || !x.Current.Same(y.Current) || x.CurrentText != y.CurrentText {
			return false
		}
	}
	return true
}

func applyPlan(tx *store.Tx, p, shown *pack.Plan, file string, sum *PackageSummary) error {
	m, c := p.Manifest, p.Content
	what := fmt.Sprintf("%s %s của %s", m.Kind.Name(), m.ID, m.Sender.Name)
	if m.Sender.Officer != "" {
		what += " (" + m.Sender.Officer + ")"
	}
	what += ", khóa " + p.Fingerprint
	tx.SetReason("Nhập " + what)
	if p.Trust == pack.Unknown {
		if err := tx.TrustSender(data.TrustedSender{Name: m.Sender.Name, Key: m.Key, Fingerprint: p.Fingerprint}); err != nil {
			return err
		}
		sum.Trusted = true
	}
	if p.SetOffice {
		if err := tx.PutOffice(*c.Office); err != nil {
			return err
		}
	}
	for _, g := range p.NewGroups {
		if err := tx.PutGroup(g); err != nil {
			return err
		}
	}
	for _, u := range p.NewUnits {
		if err := tx.PutUnit(u); err != nil {
			return err
		}
	}
	if p.FrameworkChange != "" {
		f := *c.Framework
		if err := tx.PutFramework(&f); err != nil {
			return err
		}
	}
	take := map[string]bool{}
	key := func(r pack.Row) string { return fmt.Sprint(r.Unit, "\x00", r.Code, "\x00", r.Explanation) }
	for _, r := range shown.Rows {
		if r.Action == pack.Conflict && r.Take {
			take[key(r)] = true
		}
	}
	var explain []pack.Row
	sheets := map[string]*data.Sheet{}
	var order []string
	for _, r := range p.Rows {
		if r.Action == pack.Same {
			continue
		}
		if r.Action == pack.Conflict && !take[key(r)] {
			sum.Kept++
			if err := tx.RecordPackage(m.Year, r.Unit, r.Code+" · xung đột, giữ của văn phòng", r.CurrentText, r.InText); err != nil {
				return err
			}
			continue
		}
		if r.Action == pack.Conflict {
			sum.Taken++
		}
		sum.Changed++
		if r.Explanation {
			explain = append(explain, r)
			continue
		}
		s := sheets[r.Unit]
		if s == nil {
			var err error
			if s, err = tx.Sheet(m.Year, r.Unit); err != nil {
				return err
			}
			sheets[r.Unit] = s
			order = append(order, r.Unit)
		}
		sc := p.Column.Merge(s.Scores[r.Code], r.Incoming)
		if sc.Same(data.Score{}) {
			delete(s.Scores, r.Code)
		} else {
			s.Scores[r.Code] = sc
		}
	}
	for _, u := range order {
		if err := tx.PutSheet(sheets[u]); err != nil {
			return err
		}
		// The same bound as attaching one by one.
		used, err := tx.EvidenceUsed(m.Year, u)
		if err != nil {
			return err
		}
		if used > evidence.MaxUnitYear {
			return data.Errorf(data.EINVALID, "Đơn vị %s năm %d: tài liệu kiểm chứng sau khi nhập gói là %s, quá mức %s của một đơn vị trong một năm. Không có gì được ghi.",
				u, m.Year, data.FormatSize(used), data.FormatSize(evidence.MaxUnitYear))
		}
	}
	// Explanations go through the appraisal loop's own rule: only while
	// the unit's sheet is appraised and not yet re-appraised.
	for _, r := range explain {
		if err := tx.SetExplanation(m.Year, r.Unit, r.Code, data.Explanation{Text: r.InExpl.Text, Evidence: r.InExpl.Evidence}); err != nil {
			return err
		}
	}
	if p.Column == pack.ColWhole {
		// The office's published total travels with its copy of the sheet.
		for _, in := range c.Sheets {
			if in.Published == nil {
				continue
			}
			s, err := tx.Sheet(m.Year, in.Unit)
			if err != nil {
				return err
			}
			if !data.SamePoints(s.Published, in.Published) {
				s.Published = in.Published
				if err := tx.PutSheet(s); err != nil {
					return err
				}
			}
		}
	}
	if err := tx.PutReceived(data.ReceivedPackage{ID: m.ID, Kind: string(m.Kind), Sender: m.Sender.Name, Officer: m.Sender.Officer,
		Fingerprint: p.Fingerprint, Year: m.Year, Units: m.Units, Created: m.Created, Received: tx.Now(),
		Deadline: c.Deadline, Assignee: c.Assignee, Base: c.Base, File: file}); err != nil {
		return err
	}
	summary := fmt.Sprintf("%d tiêu chí thay đổi", sum.Changed)
	if sum.Kept+sum.Taken > 0 {
		summary += fmt.Sprintf("; xung đột: %d giữ của văn phòng, %d lấy từ gói", sum.Kept, sum.Taken)
	}
	if err := tx.RecordPackage(m.Year, "", "Nhập "+what, "", summary); err != nil {
		return err
	}
	if p.Lock {
		return tx.LockPublished(*c.Snapshot, "Kết quả công bố trong gói "+m.ID+" của "+m.Sender.Name)
	}
	return nil
}

// PerUnit reports whether a kind is made one package per unit: what an
// office sends its units (the framework, the published results) carries
// one unit's values, never its neighbours'.
func PerUnit(k pack.Kind) bool { return k == pack.KindFramework || k == pack.KindResults }

// PackageFileName is the file name of a package: its kind, year and units
// ("goi-bo-chi-so-2024-NBI.pdk").
func PackageFileName(k pack.Kind, year int, units []string) string {
	stem := "goi"
	for _, pk := range PackageKinds {
		if pk.Kind == k {
			stem = strings.TrimSuffix(pk.File, ".pdk")
		}
	}
	name := fmt.Sprintf("%s-%d", stem, year)
	if len(units) > 0 && len(units) <= 3 {
		name += "-" + strings.Join(units, "-")
	}
	return name + ".pdk"
}

// PackageUnits are the unit codes a package of o would cover.
func PackageUnits(tx *store.Tx, o PackageExport) ([]string, error) {
	us, err := packageUnits(tx, o)
	var codes []string
	for _, u := range us {
		codes = append(codes, u.Code)
	}
	return codes, err
}

// ExportPerUnit writes one package per unit into dir (PerUnit kinds),
// each through a temporary file and a rename, and returns their paths. A
// refusal for one unit stops before its file: the packages already
// written are whole.
func ExportPerUnit(tx *store.Tx, ev *evidence.Store, dir string, k *pack.Key, o PackageExport) ([]string, error) {
	codes, err := PackageUnits(tx, o)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, data.Errorf(data.EINTERNAL, "Không tạo được thư mục %s: %v", dir, err)
	}
	var paths []string
	for _, code := range codes {
		one := o
		one.Units = []string{code}
		path := filepath.Join(dir, PackageFileName(o.Kind, o.Year, one.Units))
		tmp, err := os.CreateTemp(dir, ".pardesk-*")
		if err != nil {
			return paths, data.Errorf(data.EINTERNAL, "Không ghi được vào thư mục %s: %v", dir, err)
		}
		_, err = ExportPackage(tx, ev, tmp, k, one)
		if cerr := tmp.Close(); err == nil && cerr != nil {
			err = data.Errorf(data.EINTERNAL, "Không ghi được tệp %s: %v", path, cerr)
		}
		if err == nil {
			if rerr := os.Rename(tmp.Name(), path); rerr != nil {
				err = data.Errorf(data.EINTERNAL, "Không ghi được tệp %s: %v", path, rerr)
			}
		}
		if err != nil {
			os.Remove(tmp.Name())
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}
