package ops_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/pack"
	"github.com/pardesk/pardesk/data/store"
)

// installation is one ParDesk: its data file and its key.
type installation struct {
	st  *store.Store
	key *pack.Key
}

func newInstallation(t testing.TB, officer string, create func(string) error) installation {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pardesk.db")
	if err := create(path); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.SetOfficer(officer)
	k, err := pack.LoadKey(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return installation{st, k}
}

// office is the demo office with an open year 2024 (2023's framework, no
// scores yet).
func office(t testing.TB) installation {
	in := newInstallation(t, "Nguyễn Thị Lan", ops.CreateDemo)
	err := in.st.Update(func(tx *store.Tx) error {
		f, err := tx.Framework(2023)
		if err != nil {
			return err
		}
		f24 := f.Copy(2024)
		return tx.PutFramework(&f24)
	})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func (in installation) export(t testing.TB, o ops.PackageExport) []byte {
	t.Helper()
	var buf bytes.Buffer
	err := in.st.View(func(tx *store.Tx) error {
		_, err := ops.ExportPackage(tx, in.st.Evidence(), &buf, in.key, o)
		return err
	})
	if err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	return buf.Bytes()
}

func (in installation) plan(t testing.TB, b []byte) (*pack.Plan, error) {
	t.Helper()
	_, plan, err := in.read(t, b)
	return plan, err
}

func (in installation) read(t testing.TB, b []byte) (*pack.Package, *pack.Plan, error) {
	t.Helper()
	p, c, err := ops.ReadPackage(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, nil, err
	}
	var plan *pack.Plan
	err = in.st.View(func(tx *store.Tx) error {
		plan, err = ops.PlanPackage(tx, p, c)
		return err
	})
	return p, plan, err
}

// importPackage plans and applies a package, taking conflicts when take.
func (in installation) importPackage(t testing.TB, b []byte, trust, take bool) (ops.PackageSummary, error) {
	t.Helper()
	pkg, plan, err := in.read(t, b)
	if err != nil {
		return ops.PackageSummary{}, err
	}
	for i := range plan.Rows {
		plan.Rows[i].Take = take
	}
	return ops.ApplyPackage(in.st, pkg, plan, trust)
}

func (in installation) sheet(t testing.TB, year int, unit string) *data.Sheet {
	t.Helper()
	var s *data.Sheet
	if err := in.st.View(func(tx *store.Tx) (err error) { s, err = tx.Sheet(year, unit); return err }); err != nil {
		t.Fatal(err)
	}
	return s
}

func (in installation) update(t testing.TB, fn func(tx *store.Tx) error) {
	t.Helper()
	if err := in.st.Update(fn); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
}

func pts(s string) *data.Points {
	p, err := data.ParsePoints(s)
	if err != nil {
		panic(err)
	}
	return &p
}

func fileBytes(t testing.TB, st *store.Store) []byte {
	t.Helper()
	b, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The round trip: the office sends NBI its 2024 framework, the
// unit's own ParDesk (an empty file) works on that alone and sends its
// self-assessment back, the office imports it. The self column arrives as
// the unit entered it; the appraised scores the office entered meanwhile
// are untouched.
func TestRoundTripOfficeUnitOffice(t *testing.T) {
	off := office(t)
	unit := newInstallation(t, "Lê Văn Bình", ops.CreateEmpty)
	fw := off.export(t, ops.PackageExport{Kind: pack.KindFramework, Year: 2024, Units: []string{"NBI"}, Deadline: "15/01/2025"})

	if _, err := unit.importPackage(t, fw, false, false); err == nil || !strings.Contains(data.ErrorMessage(err), "chưa được tin cậy") || !strings.Contains(data.ErrorMessage(err), off.key.Fingerprint()) {
		t.Fatalf("unknown sender without trust: %v", err)
	}
	sum, err := unit.importPackage(t, fw, true, false)
	if err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	if !sum.Trusted || sum.Backup.Path == "" {
		t.Errorf("summary %+v: want the sender trusted and a backup", sum)
	}
	// The unit's file now has the year, the unit and its group.
	unit.update(t, func(tx *store.Tx) error {
		u, err := tx.Unit("NBI")
		if err != nil || u.Name != "Huyện Nguyên Bình" {
			t.Errorf("unit in the unit's file: %+v, %v", u, err)
		}
		if err := tx.SetScore(2024, "NBI", "1.1", data.Score{Self: pts("2,5"), Note: "Đã ban hành kế hoạch", Evidence: "KH số 12/KH-UBND"}); err != nil {
			return err
		}
		return tx.SetScore(2024, "NBI", "3.2", data.Score{Self: pts("4"), Evidence: "Báo cáo 45/BC-UBND"})
	})
	// Two scanned documents, one of them on two criteria.
	plan12 := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("kế hoạch CCHC "), 5000)...)
	report := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte{0xE2, 0x80, 0x9C, 7}, 3000)...)
	for _, a := range []struct {
		code, name string
		body       []byte
	}{{"1.1", "KH 12-KH-UBND.pdf", plan12}, {"3.2", "BC 45-BC-UBND.pdf", report}, {"1.1", "BC 45-BC-UBND.pdf", report}} {
		if _, err := unit.st.AttachEvidence(2024, "NBI", a.code, a.name, bytes.NewReader(a.body)); err != nil {
			t.Fatal(data.ErrorMessage(err))
		}
	}
	off.update(t, func(tx *store.Tx) error {
		return tx.SetScore(2024, "NBI", "2.1", data.Score{Appraised: pts("2")})
	})

	self := unit.export(t, ops.PackageExport{Kind: pack.KindSelf, Year: 2024})
	// The check of every entry is reported up to the package's whole size.
	reports := map[string][2]int64{}
	record := func(stage string, done, total int64) { reports[stage] = [2]int64{done, total} }
	if _, _, err := ops.ReadPackageProgress(bytes.NewReader(self), int64(len(self)), record); err != nil {
		t.Fatal(err)
	}
	if r := reports[pack.CheckStage]; r[0] != r[1] || r[1] < int64(len(plan12)+len(report)) {
		t.Errorf("check progress ends at %d of %d, want all of at least the evidence's %d bytes", r[0], r[1], len(plan12)+len(report))
	}
	pkg, plan, err := off.read(t, self)
	if err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	if plan.Sender.Name != "Huyện Nguyên Bình (NBI)" || plan.Sender.Officer != "Lê Văn Bình" || plan.Trust != pack.Unknown || plan.Fingerprint != unit.key.Fingerprint() {
		t.Errorf("plan sender %+v, trust %v, fingerprint %s", plan.Sender, plan.Trust, plan.Fingerprint)
	}
	if plan.Count(pack.Change) != 2 || plan.Count(pack.Conflict) != 0 {
		t.Errorf("plan: %d changes, %d conflicts; want 2 and 0: %+v", plan.Count(pack.Change), plan.Count(pack.Conflict), plan.Rows)
	}
	clear(reports)
	if _, err := ops.ApplyPackageProgress(off.st, pkg, plan, true, record); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	if r := reports["Đang chép tài liệu kiểm chứng"]; r[0] != r[1] || r[1] != int64(len(plan12)+len(report)) {
		t.Errorf("evidence copy progress %v, want all of the 2 documents' bytes (one attached twice)", r)
	}
	got, sent := off.sheet(t, 2024, "NBI"), unit.sheet(t, 2024, "NBI")
	for _, code := range []string{"1.1", "3.2"} {
		g, s := got.Scores[code], sent.Scores[code]
		if !data.SamePoints(g.Self, s.Self) || g.Note != s.Note || g.Evidence != s.Evidence || len(g.Files) != len(s.Files) {
			t.Errorf("%s after import: %+v, the unit sent %+v", code, g, s)
		}
		for i, f := range s.Files {
			if !g.Files[i].Same(f) {
				t.Errorf("%s file %d after import: %+v, the unit sent %+v", code, i, g.Files[i], f)
			}
			mine, err := os.ReadFile(unit.st.Evidence().Path(f.SHA256))
			if err != nil {
				t.Fatal(err)
			}
			theirs, err := os.ReadFile(off.st.Evidence().Path(f.SHA256))
			if err != nil || !bytes.Equal(mine, theirs) {
				t.Errorf("%s «%s» in the office's evidence store: %d bytes, %v; the unit's has %d", code, f.Name, len(theirs), err, len(mine))
			}
		}
	}
	if n := len(got.Scores["1.1"].Files); n != 2 {
		t.Errorf("1.1 has %d files at the office, want 2", n)
	}
	if a := got.Scores["2.1"].Appraised; a == nil || *a != *pts("2") {
		t.Errorf("the office's appraised 2.1 became %v", a)
	}
	// The audit trail names the package and its sender for every change.
	var entries []data.AuditEntry
	off.st.View(func(tx *store.Tx) (err error) {
		entries, err = tx.Audit(data.AuditFilter{Year: 2024, Unit: "NBI", Kind: data.AuditScore})
		return err
	})
	named := 0
	for _, e := range entries {
		if strings.Contains(e.Reason, "Huyện Nguyên Bình (NBI)") && strings.Contains(e.Reason, plan.Fingerprint) && strings.Contains(e.Reason, plan.ID) {
			named++
		}
	}
	if named != 2 {
		t.Errorf("%d audit entries name the package, want 2: %+v", named, entries)
	}
	// The signed package is kept as received and still verifies.
	kept := filepath.Join(ops.ReceivedDir(off.st.Path()), "2024-self-"+plan.ID+".pdk")
	if p, _, cl, err := ops.ReadPackageFile(kept); err != nil || p.ID != plan.ID || p.Fingerprint != unit.key.Fingerprint() {
		t.Errorf("kept package %s: %v", kept, err)
	} else {
		cl.Close()
	}
	// A second import of the same package changes nothing.
	if plan, err := off.plan(t, self); err != nil || plan.Changes() != 0 || plan.Trust != pack.Known {
		t.Errorf("second look: %v, changes %d", err, plan.Changes())
	}
}

// The office changed a criterion after it sent the framework package: the
// self-assessment's value for it is a conflict, chosen per criterion;
// the others are plain changes.
func TestConflictSinceTheFrameworkWasSent(t *testing.T) {
	off := office(t)
	unit := newInstallation(t, "Lê Văn Bình", ops.CreateEmpty)
	off.update(t, func(tx *store.Tx) error {
		return tx.SetScore(2024, "NBI", "1.1", data.Score{Self: pts("1")})
	})
	fw := off.export(t, ops.PackageExport{Kind: pack.KindFramework, Year: 2024, Units: []string{"NBI"}})
	if _, err := unit.importPackage(t, fw, true, false); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	unit.update(t, func(tx *store.Tx) error {
		if err := tx.SetScore(2024, "NBI", "1.1", data.Score{Self: pts("3")}); err != nil {
			return err
		}
		return tx.SetScore(2024, "NBI", "1.2", data.Score{Self: pts("2")})
	})
	// Meanwhile the office corrected 1.1 itself.
	off.update(t, func(tx *store.Tx) error {
		return tx.SetScore(2024, "NBI", "1.1", data.Score{Self: pts("1,5")})
	})
	self := unit.export(t, ops.PackageExport{Kind: pack.KindSelf, Year: 2024})
	pkg, plan, err := off.read(t, self)
	if err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	var conflicts []string
	for _, r := range plan.Rows {
		if r.Action == pack.Conflict {
			conflicts = append(conflicts, r.Code+": "+r.CurrentText+" / "+r.InText)
		}
	}
	if len(conflicts) != 1 || conflicts[0] != "1.1: 1,5 / 3" || plan.Count(pack.Change) != 1 {
		t.Fatalf("conflicts %q, changes %d; want only 1.1 (1,5 in the file, 3 in the package) and one change", conflicts, plan.Count(pack.Change))
	}
	// Kept by default: 1.1 stays as the office set it, 1.2 arrives.
	sum, err := ops.ApplyPackage(off.st, pkg, plan, true)
	if err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	s := off.sheet(t, 2024, "NBI")
	if *s.Scores["1.1"].Self != *pts("1,5") || s.Scores["1.2"].Self == nil || *s.Scores["1.2"].Self != *pts("2") || sum.Kept != 1 || sum.Changed != 1 {
		t.Errorf("after import: 1.1 %v, 1.2 %v, summary %+v", s.Scores["1.1"].Self, s.Scores["1.2"].Self, sum)
	}
	// Taken on a second import: 1.1 now holds the unit's 3.
	if _, err := off.importPackage(t, self, false, true); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	if s := off.sheet(t, 2024, "NBI"); *s.Scores["1.1"].Self != *pts("3") {
		t.Errorf("conflict taken: 1.1 is %v, want 3", s.Scores["1.1"].Self)
	}
}

// The lead officer splits the units between two officers, each appraises
// on his own PC, both shares come back and merge: the appraised column of
// each officer's units, nothing else.
func TestShareSplitAndMergedBack(t *testing.T) {
	lead := office(t)
	lead.update(t, func(tx *store.Tx) error {
		for _, u := range []string{"NBI", "HAN", "TPCB", "BLA"} {
			if err := tx.SetScore(2024, u, "1.1", data.Score{Self: pts("3")}); err != nil {
				return err
			}
		}
		return nil
	})
	a := newInstallation(t, "Trần Văn An", ops.CreateEmpty)
	b := newInstallation(t, "Phạm Thị Hoa", ops.CreateEmpty)
	shares := map[*installation][]string{&a: {"NBI", "HAN"}, &b: {"TPCB", "BLA"}}
	given := map[*installation]string{&a: "2,5", &b: "3"}
	for in, units := range shares {
		sh := lead.export(t, ops.PackageExport{Kind: pack.KindShare, Year: 2024, Units: units, Assignee: in.st.Officer()})
		if _, err := in.importPackage(t, sh, true, false); err != nil {
			t.Fatal(data.ErrorMessage(err))
		}
		in.update(t, func(tx *store.Tx) error {
			for _, u := range units {
				s, err := tx.Sheet(2024, u)
				if err != nil {
					return err
				}
				sc := s.Scores["1.1"]
				if sc.Self == nil || *sc.Self != *pts("3") {
					t.Errorf("%s's copy of %s 1.1: %+v, want the self score 3", in.st.Officer(), u, sc)
				}
				sc.Appraised, sc.Note = pts(given[in]), "Thẩm định: "+in.st.Officer()
				if err := tx.SetScore(2024, u, "1.1", sc); err != nil {
					return err
				}
			}
			return nil
		})
	}
	// Meanwhile the unit's self score changes at the office: the share
	// back must not undo it.
	lead.update(t, func(tx *store.Tx) error {
		return tx.SetScore(2024, "NBI", "1.1", data.Score{Self: pts("2,5")})
	})
	for in := range shares {
		back := in.export(t, ops.PackageExport{Kind: pack.KindShareBack, Year: 2024})
		sum, err := lead.importPackage(t, back, true, false)
		if err != nil {
			t.Fatal(data.ErrorMessage(err))
		}
		if sum.Changed != 2 || sum.Kept != 0 {
			t.Errorf("%s's share back: %+v, want 2 changes", in.st.Officer(), sum)
		}
	}
	for in, units := range shares {
		for _, u := range units {
			sc := lead.sheet(t, 2024, u).Scores["1.1"]
			if sc.Appraised == nil || *sc.Appraised != *pts(given[in]) || sc.Note != "Thẩm định: "+in.st.Officer() {
				t.Errorf("%s 1.1 after merge: %+v, want appraised %s by %s", u, sc, given[in], in.st.Officer())
			}
		}
	}
	if sc := lead.sheet(t, 2024, "NBI").Scores["1.1"]; *sc.Self != *pts("2,5") {
		t.Errorf("NBI's self score became %v, want the office's 2,5", sc.Self)
	}
	if sc := lead.sheet(t, 2024, "HUY").Scores["1.1"]; sc.Appraised != nil {
		t.Errorf("a unit in no share was appraised: %+v", sc)
	}
}

// A package from a trusted sender signed with another key (a PC
// reinstalled, or somebody else) is refused, and nothing is written.
func TestAnotherKeyFromATrustedSenderIsRefused(t *testing.T) {
	off := office(t)
	unit := newInstallation(t, "Lê Văn Bình", ops.CreateEmpty)
	fw := off.export(t, ops.PackageExport{Kind: pack.KindFramework, Year: 2024, Units: []string{"NBI"}})
	if _, err := unit.importPackage(t, fw, true, false); err != nil {
		t.Fatal(err)
	}
	impostor := off
	impostor.key, _ = pack.LoadKey(t.TempDir())
	fw2 := impostor.export(t, ops.PackageExport{Kind: pack.KindFramework, Year: 2024, Units: []string{"NBI", "HAN"}})
	before := fileBytes(t, unit.st)
	_, err := unit.importPackage(t, fw2, true, false)
	msg := data.ErrorMessage(err)
	if err == nil || !strings.Contains(msg, off.key.Fingerprint()) || !strings.Contains(msg, impostor.key.Fingerprint()) || !strings.Contains(msg, "SỞ NỘI VỤ") {
		t.Errorf("another key: %q", msg)
	}
	if !bytes.Equal(before, fileBytes(t, unit.st)) {
		t.Error("the refused package changed the data file")
	}
	backups, _ := unit.st.Backups()
	if len(backups) != 1 {
		t.Errorf("%d backups, want only the first import's", len(backups))
	}
}

// A locked year refuses a package that would change it; published results
// lock a unit's year with the ranking as published.
func TestLockedYearAndPublishedResults(t *testing.T) {
	off := office(t)
	off.update(t, func(tx *store.Tx) error { return tx.LockYear(2022) })
	unit := newInstallation(t, "Lê Văn Bình", ops.CreateEmpty)
	res := off.export(t, ops.PackageExport{Kind: pack.KindResults, Year: 2022, Units: []string{"NBI"}})
	if _, err := unit.importPackage(t, res, true, false); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	err := unit.st.View(func(tx *store.Tx) error {
		l, err := tx.YearLock(2022)
		if err != nil || !l.Locked {
			t.Errorf("unit's 2022 lock: %+v, %v", l, err)
		}
		r, _, results, _, found, err := tx.YearResult(2022, "NBI")
		if err != nil || !found {
			return err
		}
		if r.Rank != 8 || len(results) != 10 || r.Total != data.P(81, 40) {
			t.Errorf("NBI in the unit's file: rank %d of %d, total %s; want 8 of 10, 81,40", r.Rank, len(results), r.Total)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The same results again change nothing; a self-assessment of the
	// locked year is refused at the office.
	if plan, err := unit.plan(t, res); err != nil || plan.Writes() {
		t.Errorf("results again: %v", err)
	}
	unit2 := newInstallation(t, "Lê Văn Bình", ops.CreateEmpty)
	unit2.update(t, func(tx *store.Tx) error {
		f, err := func() (*data.Framework, error) {
			var f *data.Framework
			err := off.st.View(func(otx *store.Tx) (err error) { f, err = otx.Framework(2022); return err })
			return f, err
		}()
		if err != nil {
			return err
		}
		if err := tx.PutGroup(data.Group{ID: demo.GroupID, Name: "Các huyện"}); err != nil {
			return err
		}
		if err := tx.PutUnit(data.Unit{Code: "NBI", Name: "Huyện Nguyên Bình", GroupID: demo.GroupID}); err != nil {
			return err
		}
		if err := tx.PutFramework(f); err != nil {
			return err
		}
		return tx.SetScore(2022, "NBI", "1.1", data.Score{Self: pts("1")})
	})
	self := unit2.export(t, ops.PackageExport{Kind: pack.KindSelf, Year: 2022})
	before := fileBytes(t, off.st)
	_, err = off.importPackage(t, self, true, false)
	if data.ErrorCode(err) != data.ELOCKED || !strings.Contains(data.ErrorMessage(err), "năm 2022 đã khóa") {
		t.Errorf("self package for a locked year: %v", err)
	}
	if !bytes.Equal(before, fileBytes(t, off.st)) {
		t.Error("the refused package changed the data file")
	}
}

// A package whose file was changed by one byte on the way is refused by
// name before the data file is touched.
func TestChangedPackageFileIsRefused(t *testing.T) {
	off := office(t)
	fw := off.export(t, ops.PackageExport{Kind: pack.KindFramework, Year: 2024, Units: []string{"NBI"}})
	path := filepath.Join(t.TempDir(), "goi.pdk")
	os.WriteFile(path, fw, 0o644)
	if p, _, cl, err := ops.ReadPackageFile(path); err != nil || p.Kind != pack.KindFramework {
		t.Fatalf("reading the file back: %v", err)
	} else {
		cl.Close()
	}
	// Flip a byte inside the content entry (stored deflated: the flate
	// or CRC check fails, or the hash does) and inside the manifest.
	zr, err := zip.NewReader(bytes.NewReader(fw), int64(len(fw)))
	if err != nil {
		t.Fatal(err)
	}
	var offsets []int
	for _, f := range zr.File {
		at, _ := f.DataOffset()
		offsets = append(offsets, int(at)+int(f.CompressedSize64)/2)
	}
	for _, at := range offsets {
		bad := bytes.Clone(fw)
		bad[at] ^= 0x20
		if _, _, err := ops.ReadPackage(bytes.NewReader(bad), int64(len(bad))); err == nil {
			t.Errorf("byte %d changed: package accepted", at)
		} else if msg := data.ErrorMessage(err); !strings.Contains(msg, "Không nhận gói") {
			t.Errorf("byte %d changed: %q", at, msg)
		}
	}
}

// The unit's explanations (giải trình) travel in its self-assessment
// package and reach the office's appraisal only while the loop takes
// them: refused, naming the step, while the sheet is only submitted;
// imported, audited, once it is appraised.
func TestExplanationsTravelWithTheSelfAssessment(t *testing.T) {
	off := office(t)
	unit := newInstallation(t, "Lê Văn Bình", ops.CreateEmpty)
	fw := off.export(t, ops.PackageExport{Kind: pack.KindFramework, Year: 2024, Units: []string{"NBI"}})
	if _, err := unit.importPackage(t, fw, true, false); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	// Both files hold the same scores: the unit's self scores, the
	// office's appraisal (1.1 marked down from 3 to 2), as the notice said.
	both := func(tx *store.Tx) error {
		f, err := tx.Framework(2024)
		if err != nil {
			return err
		}
		s, err := tx.Sheet(2024, "NBI")
		if err != nil {
			return err
		}
		f.Leaves(func(_, l *data.Criterion) {
			// Full marks, in the form the criterion's kind takes.
			full := l.Max.Short()
			if l.Input == data.InputRatio {
				full = "1/1"
			}
			v, err := data.ParseValue(l, full)
			if err != nil {
				t.Fatal(data.ErrorMessage(err))
			}
			sc := s.Scores[l.Code]
			sc.SetSelf(v)
			sc.SetAppraised(v)
			s.Scores[l.Code] = sc
		})
		sc := s.Scores["1.1"]
		sc.Appraised = pts("2")
		s.Scores["1.1"] = sc
		if err := tx.PutSheet(s); err != nil {
			return err
		}
		if err := tx.Step(2024, "NBI", data.StatusSubmitted, ""); err != nil {
			return err
		}
		return tx.SetDeadline(2024, "NBI", time.Date(2025, 1, 20, 0, 0, 0, 0, time.Local))
	}
	unit.update(t, both)
	off.update(t, both)
	unit.update(t, func(tx *store.Tx) error {
		if err := tx.Step(2024, "NBI", data.StatusAppraised, ""); err != nil {
			return err
		}
		return tx.SetExplanation(2024, "NBI", "1.1", data.Explanation{Text: "Kế hoạch ban hành đúng hạn, xem Quyết định 12", Evidence: "QĐ 12/QĐ-UBND"})
	})
	self := unit.export(t, ops.PackageExport{Kind: pack.KindSelf, Year: 2024})
	plan, err := off.plan(t, self)
	if err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	if plan.Count(pack.Change) != 1 || plan.Count(pack.Conflict) != 0 {
		t.Fatalf("plan: %+v", plan.Rows)
	}
	for _, r := range plan.Rows {
		if r.Action == pack.Change && (!r.Explanation || r.Code != "1.1" || !strings.Contains(r.InExpl.Text, "Quyết định 12")) {
			t.Errorf("the change is %+v, want 1.1's explanation", r)
		}
	}
	_, err = off.importPackage(t, self, true, false)
	if err == nil || !strings.Contains(data.ErrorMessage(err), "Giải trình tiêu chí 1.1") {
		t.Errorf("explanation while the office's sheet is only submitted: %v", err)
	}
	off.update(t, func(tx *store.Tx) error { return tx.Step(2024, "NBI", data.StatusAppraised, "") })
	if _, err := off.importPackage(t, self, true, false); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	off.st.View(func(tx *store.Tx) error {
		a, err := tx.Appraisal(2024, "NBI")
		if e := a.Explanations["1.1"]; err != nil || e.Text != "Kế hoạch ban hành đúng hạn, xem Quyết định 12" || e.Evidence != "QĐ 12/QĐ-UBND" || e.Appraised != *pts("2") {
			t.Errorf("the office's explanation on 1.1: %+v, %v", e, err)
		}
		return nil
	})
}

// A self-assessment made by hand (not by ParDesk) that names an evidence
// file it does not carry, or carries a program named .pdf: both refused
// with the criterion and the file named, the office's file untouched and
// no backup taken.
func TestBadEvidenceInAPackageIsRefused(t *testing.T) {
	off := office(t)
	key, _ := pack.LoadKey(t.TempDir())
	program := append([]byte("MZ\x90\x00"), bytes.Repeat([]byte{0}, 4000)...)
	sum := sha256.Sum256(program)
	sha := hex.EncodeToString(sum[:])
	craft := func(carry bool) []byte {
		var buf bytes.Buffer
		w := pack.NewWriter(&buf, pack.Manifest{Kind: pack.KindSelf, Sender: pack.Sender{Name: "Huyện Nguyên Bình (NBI)", Officer: "X"}, Year: 2024, Units: []string{"NBI"}})
		s := data.NewSheet(2024, "NBI")
		s.Scores["1.1"] = data.Score{Self: pts("3"), Files: []data.EvidenceFile{{Name: "Quyết định.pdf", SHA256: sha, Size: int64(len(program))}}}
		if err := w.AddJSON(pack.ContentPath, pack.Content{Sheets: []data.Sheet{*s}}); err != nil {
			t.Fatal(err)
		}
		if carry {
			if err := w.AddFile(sha, "Quyết định.pdf", int64(len(program)), bytes.NewReader(program)); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := w.Close(key); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	before := fileBytes(t, off.st)
	for _, c := range []struct {
		carry bool
		want  []string
	}{
		{false, []string{"tiêu chí 1.1", "Quyết định.pdf", "không có trong gói"}},
		{true, []string{"tiêu chí 1.1", "Quyết định.pdf", "không phải PDF"}},
	} {
		_, err := off.importPackage(t, craft(c.carry), true, false)
		for _, want := range c.want {
			if !strings.Contains(data.ErrorMessage(err), want) {
				t.Errorf("carry %v: %q does not say %q", c.carry, data.ErrorMessage(err), want)
			}
		}
	}
	if !bytes.Equal(before, fileBytes(t, off.st)) {
		t.Error("a refused package changed the office's data file")
	}
	if list, _ := off.st.Backups(); len(list) != 0 {
		t.Errorf("refused packages took %d backups", len(list))
	}
	if off.st.Evidence().Has(sha) {
		t.Error("the program was stored as evidence")
	}
	if _, err := os.Stat(ops.ReceivedDir(off.st.Path())); err == nil {
		t.Error("a refused package was kept among the received ones")
	}
}

// The office sends the framework again with a later deadline and nothing
// else changed: the unit records it (the deadline, the base its answer
// carries back); the very same package again is not imported twice.
func TestNewPackageWithoutChangesIsRecorded(t *testing.T) {
	off := office(t)
	unit := newInstallation(t, "Lê Văn Bình", ops.CreateEmpty)
	first := off.export(t, ops.PackageExport{Kind: pack.KindFramework, Year: 2024, Units: []string{"NBI"}, Deadline: "15/01/2025"})
	if _, err := unit.importPackage(t, first, true, false); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	later := off.export(t, ops.PackageExport{Kind: pack.KindFramework, Year: 2024, Units: []string{"NBI"}, Deadline: "31/01/2025"})
	if sum, err := unit.importPackage(t, later, false, false); err != nil || sum.Changed != 0 || sum.Backup.Path == "" {
		t.Fatalf("the later package: %+v, %v", sum, err)
	}
	var r data.ReceivedPackage
	unit.st.View(func(tx *store.Tx) (err error) {
		r, _, err = tx.LastReceived(string(pack.KindFramework), 2024, "NBI")
		return err
	})
	if r.Deadline != "31/01/2025" {
		t.Errorf("deadline recorded %q, want the later package's 31/01/2025", r.Deadline)
	}
	if sum, err := unit.importPackage(t, later, false, false); err != nil || sum.Backup.Path != "" {
		t.Errorf("the same package again: %+v, %v; want nothing done", sum, err)
	}
}
