package store_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/evidence"
	"github.com/pardesk/pardesk/data/store"
)

func attach(t *testing.T, s *store.Store, unit, code, name string, content []byte) data.EvidenceFile {
	t.Helper()
	f, err := s.AttachEvidence(2023, unit, code, name, bytes.NewReader(content))
	if err != nil {
		t.Fatalf("attaching %s to %s %s: %v", name, unit, code, err)
	}
	return f
}

func TestCheckEvidenceNamesMissingAndAlteredFiles(t *testing.T) {
	s := evidenceSetup(t)
	kh := attach(t, s, "DN", "1.1", "KH 45-UBND.pdf", pdfBytes("Kế hoạch"))
	bc := attach(t, s, "DN", "1.2", "Báo cáo quý II.pdf", pdfBytes("Báo cáo"))
	attach(t, s, "GT", "2", "Ảnh bộ phận một cửa.png", []byte("\x89PNG\r\n\x1a\nảnh"))
	c, err := s.CheckEvidence(true)
	if err != nil || !c.OK() || c.Files != 3 || c.Refs != 3 {
		t.Fatalf("check of a sound folder: %+v, %v", c, err)
	}
	// An attachment whose transaction failed leaves an unreferenced file.
	if _, err := s.Evidence().Put("thua.pdf", bytes.NewReader(pdfBytes("không ai dùng"))); err != nil {
		t.Fatal(err)
	}

	ev := s.Evidence()
	os.Remove(ev.Path(kh.SHA256))
	altered := pdfBytes("Báo cáo")
	altered[10] = 'X' // same size, one byte changed
	if err := os.WriteFile(ev.Path(bc.SHA256), altered, 0o644); err != nil {
		t.Fatal(err)
	}

	cheap, err := s.CheckEvidence(false)
	if err != nil {
		t.Fatal(err)
	}
	if len(cheap.Missing) != 1 || len(cheap.Altered) != 0 {
		t.Fatalf("presence check: missing %v altered %v; want the missing file only (same size passes)", cheap.Missing, cheap.Altered)
	}
	whole, err := s.CheckEvidence(true)
	if err != nil {
		t.Fatal(err)
	}
	lines := whole.Problems()
	want := []string{
		"Thiếu tài liệu kiểm chứng: đơn vị DN, năm 2023, tiêu chí 1.1, tệp «KH 45-UBND.pdf» (sha256 " + kh.ShortHash() + ")",
		"Tài liệu kiểm chứng đã bị thay đổi: đơn vị DN, năm 2023, tiêu chí 1.2, tệp «Báo cáo quý II.pdf» (sha256 " + bc.ShortHash() + "): nội dung không còn như lúc đính kèm",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if whole.OK() || len(whole.Unreferenced) != 1 || !strings.Contains(whole.Summary(), "thiếu 1, bị thay đổi 1") || !strings.Contains(whole.Summary(), "1 tệp trong thư mục không còn được tiêu chí nào dùng") {
		t.Fatalf("summary %q, unreferenced %v", whole.Summary(), whole.Unreferenced)
	}
}

func countFiles(t *testing.T, st *evidence.Store) int {
	t.Helper()
	hs, err := st.Hashes()
	if err != nil {
		t.Fatal(err)
	}
	return len(hs)
}

// The oldest backup, restored on a PC whose evidence folder is gone,
// brings back the data and every file it references, verified.
func TestRestoreOldestBackupBringsBackItsEvidence(t *testing.T) {
	c := fixedClock(t, time.Date(2023, 6, 9, 8, 0, 0, 0, time.Local))
	s := evidenceSetup(t)
	a := attach(t, s, "DN", "1.1", "QĐ 12-UBND.pdf", pdfBytes(strings.Repeat("quyết định ", 5000)))
	oldest, err := s.Backup(store.ReasonManual)
	if err != nil || oldest.Warning != "" {
		t.Fatalf("backup: %v %q", err, oldest.Warning)
	}
	bstore := evidence.New(filepath.Join(s.BackupFolder(), store.EvidenceBackupDir))
	if err := bstore.Verify(a.SHA256); err != nil {
		t.Fatalf("the backup's evidence: %v", err)
	}
	stamp := func() time.Time { fi, _ := os.Stat(bstore.Path(a.SHA256)); return fi.ModTime() }
	before := stamp()

	// A later state: the file is removed from 1.1, another attached.
	c.add(time.Hour)
	update(t, s, func(tx *store.Tx) error { return tx.RemoveEvidence(2023, "DN", "1.1", a.SHA256) })
	b := attach(t, s, "GT", "2", "Ảnh.jpg", []byte{0xFF, 0xD8, 0xFF, 0xE0, 'a'})
	c.add(time.Hour)
	if _, err := s.Backup(store.ReasonManual); err != nil {
		t.Fatal(err)
	}
	// A second backup copies only what is new: the file kept once.
	if countFiles(t, bstore) != 2 || !stamp().Equal(before) {
		t.Fatalf("backup evidence holds %d files (want 2), first one rewritten: %v", countFiles(t, bstore), !stamp().Equal(before))
	}

	// The PC loses its evidence folder.
	if err := os.RemoveAll(s.Evidence().Dir()); err != nil {
		t.Fatal(err)
	}
	c.add(time.Hour)
	saved, err := s.Restore(oldest.Path)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Warning != "" {
		t.Fatalf("restore warns: %s", saved.Warning)
	}
	if got := filesOf(t, s, "DN", "1.1"); len(got) != 1 || got[0].Name != "QĐ 12-UBND.pdf" {
		t.Fatalf("restored 1.1 files: %v", got)
	}
	if err := s.Evidence().Verify(a.SHA256); err != nil {
		t.Fatalf("restored evidence: %v", err)
	}
	chk, err := s.CheckEvidence(true)
	if err != nil || !chk.OK() || chk.Files != 1 {
		t.Fatalf("check after restore: %+v %v", chk, err)
	}
	_ = b
}

// Restoring a backup whose evidence is gone too restores the data and
// names what is missing.
func TestRestoreNamesEvidenceItCannotFind(t *testing.T) {
	c := fixedClock(t, time.Date(2023, 6, 9, 8, 0, 0, 0, time.Local))
	s := evidenceSetup(t)
	attach(t, s, "DN", "1.2", "Báo cáo.pdf", pdfBytes("bc"))
	b, err := s.Backup(store.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(s.Evidence().Dir())
	os.RemoveAll(filepath.Join(s.BackupFolder(), store.EvidenceBackupDir))
	c.add(time.Hour)
	saved, err := s.Restore(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(saved.Warning, "1 tài liệu kiểm chứng") || !strings.Contains(saved.Warning, "đơn vị DN, năm 2023, tiêu chí 1.2, tệp «Báo cáo.pdf»") {
		t.Fatalf("warning %q", saved.Warning)
	}
}

// Pruned backups take with them the evidence no kept backup references.
func TestPruneRemovesEvidenceNoKeptBackupNeeds(t *testing.T) {
	c := fixedClock(t, time.Date(2023, 6, 9, 8, 0, 0, 0, time.Local))
	kept := store.BackupsKept
	store.BackupsKept = 1
	t.Cleanup(func() { store.BackupsKept = kept })
	s := evidenceSetup(t)
	a := attach(t, s, "DN", "1.1", "a.pdf", pdfBytes("a"))
	if _, err := s.Backup(store.ReasonManual); err != nil {
		t.Fatal(err)
	}
	update(t, s, func(tx *store.Tx) error { return tx.RemoveEvidence(2023, "DN", "1.1", a.SHA256) })
	bf := attach(t, s, "DN", "1.1", "b.pdf", pdfBytes("b"))
	c.add(time.Hour)
	b2, err := s.Backup(store.ReasonManual)
	if err != nil || b2.Warning != "" {
		t.Fatalf("backup: %v %q", err, b2.Warning)
	}
	list, _ := s.Backups()
	if len(list) != 1 {
		t.Fatalf("%d backups kept, want 1", len(list))
	}
	bstore := evidence.New(filepath.Join(s.BackupFolder(), store.EvidenceBackupDir))
	if hs, _ := bstore.Hashes(); len(hs) != 1 || hs[0] != bf.SHA256 {
		t.Fatalf("backup evidence after prune: %v, want only %s", hs, bf.SHA256)
	}
	lists, _ := os.ReadDir(filepath.Join(bstore.Dir(), "danh-sach"))
	if len(lists) != 1 || lists[0].Name() != filepath.Base(b2.Path)+".txt" {
		t.Fatalf("lists left: %v", lists)
	}
	// The live folder keeps both: it is not the backups'.
	if countFiles(t, s.Evidence()) != 2 {
		t.Fatal("pruning backups touched the evidence folder")
	}

	// A backup whose list was lost is read to find its references: its
	// files are not pruned.
	os.Remove(filepath.Join(bstore.Dir(), "danh-sach", filepath.Base(b2.Path)+".txt"))
	store.BackupsKept = 2
	c.add(time.Hour)
	update(t, s, func(tx *store.Tx) error { return tx.RemoveEvidence(2023, "DN", "1.1", bf.SHA256) })
	if _, err := s.Backup(store.ReasonManual); err != nil {
		t.Fatal(err)
	}
	if !bstore.Has(bf.SHA256) {
		t.Fatal("the file of a kept backup without its list was pruned")
	}
}

// A damaged data file recovered from a backup gets its evidence back too.
func TestRecoverFromPutsEvidenceBack(t *testing.T) {
	fixedClock(t, time.Date(2023, 6, 9, 8, 0, 0, 0, time.Local))
	s := evidenceSetup(t)
	a := attach(t, s, "DN", "1.1", "QĐ.pdf", pdfBytes("quyết định"))
	b, err := s.Backup(store.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	path, dir := s.Path(), s.Evidence().Dir()
	s.Close()
	os.RemoveAll(dir)
	if err := os.Truncate(path, 8<<10); err != nil {
		t.Fatal(err)
	}
	if _, err := store.RecoverFrom(path, b.Path); err != nil {
		t.Fatal(err)
	}
	if err := evidence.New(dir).Verify(a.SHA256); err != nil {
		t.Fatalf("evidence after recovery: %v", err)
	}
}

// The check names a kept backup whose evidence is gone: it would not
// restore whole.
func TestCheckBackupEvidenceNamesABackupMissingFiles(t *testing.T) {
	fixedClock(t, time.Date(2023, 6, 9, 8, 0, 0, 0, time.Local))
	s := evidenceSetup(t)
	if lines, err := s.CheckBackupEvidence(true); err != nil || len(lines) != 0 {
		t.Fatalf("no backups, no evidence: %v %v", lines, err)
	}
	a := attach(t, s, "DN", "1.1", "QĐ.pdf", pdfBytes("quyết định"))
	b, err := s.Backup(store.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	if lines, err := s.CheckBackupEvidence(true); err != nil || len(lines) != 0 {
		t.Fatalf("whole backup: %v %v", lines, err)
	}
	bstore := evidence.New(filepath.Join(s.BackupFolder(), store.EvidenceBackupDir))
	os.WriteFile(bstore.Path(a.SHA256), pdfBytes("quyết định khác"), 0o644)
	if lines, _ := s.CheckBackupEvidence(false); len(lines) != 0 {
		t.Fatalf("presence check of a present file: %v", lines)
	}
	lines, err := s.CheckBackupEvidence(true)
	if err != nil || len(lines) != 1 || !strings.Contains(lines[0], filepath.Base(b.Path)) || !strings.Contains(lines[0], "1 trong 1 tài liệu kiểm chứng") {
		t.Fatalf("altered backup evidence: %v %v", lines, err)
	}
	// The folder lost with its lists: the backup itself is read.
	os.RemoveAll(bstore.Dir())
	lines, err = s.CheckBackupEvidence(false)
	if err != nil || len(lines) != 1 || !strings.Contains(lines[0], filepath.Base(b.Path)) {
		t.Fatalf("backup evidence folder lost: %v %v", lines, err)
	}
	if _, err := os.Stat(bstore.Dir()); !os.IsNotExist(err) {
		t.Fatal("the check wrote into the backups folder")
	}
}
