package store_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/evidence"
	"github.com/pardesk/pardesk/data/store"
)

// pdfBytes is a small PDF-looking document; body makes each one unique.
func pdfBytes(body string) []byte { return []byte("%PDF-1.4\n" + body + "\n%%EOF\n") }

// evidenceSetup is a data file with the 2023 framework and ward DN, the
// officer Nông Thị Hà, and a fixed audit clock.
func evidenceSetup(t *testing.T) *store.Store {
	t.Helper()
	s := open(t, dataPath(t))
	seed(t, s, []int{2023}, map[string]string{"DN": "Đức Nghĩa", "GT": "Gia Thụy"})
	s.SetOfficer("Nông Thị Hà")
	store.SetAuditClock(s, func() time.Time { return time.Date(2023, 6, 9, 14, 30, 0, 0, time.Local) })
	return s
}

func filesOf(t *testing.T, s *store.Store, unit, code string) []data.EvidenceFile {
	t.Helper()
	var out []data.EvidenceFile
	view(t, s, func(tx *store.Tx) error {
		sh, err := tx.Sheet(2023, unit)
		out = sh.Scores[code].Files
		return err
	})
	return out
}

func TestAttachEvidenceStoresOnceReferencesAndAudits(t *testing.T) {
	s := evidenceSetup(t)
	content := pdfBytes("Kế hoạch CCHC năm 2023")
	update(t, s, func(tx *store.Tx) error { return tx.SetScore(2023, "DN", "1.1", data.Score{Appraised: pts("15")}) })
	f, err := s.AttachEvidence(2023, "DN", "1.1", "KH 45-UBND.pdf", bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	// The same document on another criterion and another unit.
	if _, err := s.AttachEvidence(2023, "DN", "1.2", "Kế hoạch (bản sao).pdf", bytes.NewReader(content)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AttachEvidence(2023, "GT", "1.1", "KH.pdf", bytes.NewReader(content)); err != nil {
		t.Fatal(err)
	}
	got := filesOf(t, s, "DN", "1.1")
	if len(got) != 1 || got[0].Name != "KH 45-UBND.pdf" || got[0].Size != int64(len(content)) || got[0].AddedBy != "Nông Thị Hà" || data.FormatDate(got[0].Added) != "09/06/2023" || got[0].SHA256 != f.SHA256 {
		t.Fatalf("1.1 files = %+v", got)
	}
	// The score itself is untouched.
	view(t, s, func(tx *store.Tx) error {
		sh, _ := tx.Sheet(2023, "DN")
		if p := sh.Scores["1.1"].Appraised; p == nil || p.Short() != "15" {
			t.Errorf("appraised 1.1 = %v, want 15", p)
		}
		return nil
	})
	if hs, _ := s.Evidence().Hashes(); len(hs) != 1 || hs[0] != f.SHA256 {
		t.Fatalf("content store holds %v, want the one file %s", hs, f.SHA256)
	}
	var audit []data.AuditEntry
	view(t, s, func(tx *store.Tx) (err error) {
		audit, err = tx.Audit(data.AuditFilter{Unit: "DN"})
		return err
	})
	if len(audit) == 0 || audit[0].Item != "1.2 · Tệp kiểm chứng" || audit[0].New != "Kế hoạch (bản sao).pdf (sha256 "+f.SHA256[:12]+")" || audit[0].Officer != "Nông Thị Hà" {
		t.Fatalf("newest audit entry %+v", audit[0])
	}

	// A second attachment of the same content to the same criterion is refused.
	_, err = s.AttachEvidence(2023, "DN", "1.1", "lại.pdf", bytes.NewReader(content))
	wantError(t, err, data.ECONFLICT, "1.1", "KH 45-UBND.pdf", "lại.pdf")

	// Removal keeps the file (other criteria use it) and is audited.
	update(t, s, func(tx *store.Tx) error { return tx.RemoveEvidence(2023, "DN", "1.1", f.SHA256) })
	if got := filesOf(t, s, "DN", "1.1"); len(got) != 0 {
		t.Fatalf("after removal 1.1 has %v", got)
	}
	view(t, s, func(tx *store.Tx) (err error) {
		audit, err = tx.Audit(data.AuditFilter{Unit: "DN"})
		return err
	})
	if e := audit[0]; e.Item != "1.1 · Tệp kiểm chứng" || e.Old != "KH 45-UBND.pdf (sha256 "+f.SHA256[:12]+")" || e.New != "" {
		t.Fatalf("removal audited as %+v", e)
	}
	if !s.Evidence().Has(f.SHA256) {
		t.Fatal("removing one reference deleted the file")
	}
	err = s.Update(func(tx *store.Tx) error { return tx.RemoveEvidence(2023, "DN", "1.1", f.SHA256) })
	wantError(t, err, data.ENOTFOUND, "1.1", f.SHA256[:12])
}

func TestAttachEvidenceRefusals(t *testing.T) {
	s := evidenceSetup(t)
	before := fileBytes(t, s.Path())
	exe := append([]byte("MZ\x90\x00"), make([]byte, 100)...)
	_, err := s.AttachEvidence(2023, "DN", "1.1", "bien-ban.pdf", bytes.NewReader(exe))
	wantError(t, err, data.EINVALID, "bien-ban.pdf", "chương trình chạy được", evidence.Allowed)
	_, err = s.AttachEvidence(2023, "DN", "9.9", "a.pdf", bytes.NewReader(pdfBytes("x")))
	wantError(t, err, data.EINVALID, "9.9")
	_, err = s.AttachEvidence(2023, "XX", "1.1", "a.pdf", bytes.NewReader(pdfBytes("x")))
	wantError(t, err, data.EINVALID, "XX")
	sameFile(t, s.Path(), before)
	if hs, _ := s.Evidence().Hashes(); len(hs) != 0 {
		t.Fatalf("refused attachments stored %v", hs)
	}

	// A locked year refuses, before anything is stored.
	update(t, s, func(tx *store.Tx) error { return tx.LockYear(2023) })
	_, err = s.AttachEvidence(2023, "DN", "1.1", "a.pdf", bytes.NewReader(pdfBytes("x")))
	wantError(t, err, data.ELOCKED, "2023")
	if hs, _ := s.Evidence().Hashes(); len(hs) != 0 {
		t.Fatalf("a locked year stored %v", hs)
	}
}

func TestLockedYearRefusesRemoval(t *testing.T) {
	s := evidenceSetup(t)
	f, err := s.AttachEvidence(2023, "DN", "1.1", "a.pdf", bytes.NewReader(pdfBytes("x")))
	if err != nil {
		t.Fatal(err)
	}
	update(t, s, func(tx *store.Tx) error { return tx.LockYear(2023) })
	err = s.Update(func(tx *store.Tx) error { return tx.RemoveEvidence(2023, "DN", "1.1", f.SHA256) })
	wantError(t, err, data.ELOCKED, "2023")
	if got := filesOf(t, s, "DN", "1.1"); len(got) != 1 {
		t.Fatalf("locked year lost its file: %v", got)
	}
}

// The unit's limit for a year counts each distinct file once, and a
// refusal leaves the data file as it was (the file itself stays in the
// content store, unreferenced).
func TestUnitYearLimit(t *testing.T) {
	s := evidenceSetup(t)
	big := func(i int) data.EvidenceFile {
		h := fmt.Sprintf("%064x", i+1)
		return data.EvidenceFile{Name: "quet-" + string(rune('A'+i)) + ".pdf", SHA256: h, Size: 45 << 20}
	}
	update(t, s, func(tx *store.Tx) error {
		for i := range 11 { // 495 MB
			if _, err := tx.AddEvidence(2023, "DN", "1.1", big(i)); err != nil {
				return err
			}
		}
		// The same file on another criterion costs nothing more.
		_, err := tx.AddEvidence(2023, "DN", "1.2", big(0))
		return err
	})
	view(t, s, func(tx *store.Tx) error {
		used, err := tx.EvidenceUsed(2023, "DN")
		if used != 495<<20 {
			t.Errorf("used %s, want 495 MB", data.FormatSize(used))
		}
		return err
	})
	before := fileBytes(t, s.Path())
	err := s.Update(func(tx *store.Tx) error {
		_, err := tx.AddEvidence(2023, "DN", "2", big(11))
		return err
	})
	wantError(t, err, data.EINVALID, "Đơn vị DN năm 2023 đã có 495 MB", "«quet-L.pdf» (45 MB)", "500 MB")
	sameFile(t, s.Path(), before)
	// The same limit holds for a sheet written whole (an exchange package).
	err = s.Update(func(tx *store.Tx) error {
		sh, err := tx.Sheet(2023, "DN")
		if err != nil {
			return err
		}
		sc := sh.Scores["2"]
		sc.Files = append(sc.Files, big(11))
		sh.Scores["2"] = sc
		return tx.PutSheet(sh)
	})
	wantError(t, err, data.EINVALID, "Đơn vị DN năm 2023", "540 MB", "500 MB")
	sameFile(t, s.Path(), before)
	// Another unit has its own limit.
	update(t, s, func(tx *store.Tx) error { _, err := tx.AddEvidence(2023, "GT", "2", big(11)); return err })
	// A reference to a file over the per-file limit is refused too.
	err = s.Update(func(tx *store.Tx) error {
		f := big(12)
		f.Size = 60 << 20
		_, err := tx.AddEvidence(2023, "GT", "1.1", f)
		return err
	})
	wantError(t, err, data.EINVALID, "quet-M.pdf", "50 MB")
}

// Editing a score keeps the files attached to it.
func TestScoreEditKeepsFiles(t *testing.T) {
	s := evidenceSetup(t)
	if _, err := s.AttachEvidence(2023, "DN", "1.1", "a.pdf", bytes.NewReader(pdfBytes("x"))); err != nil {
		t.Fatal(err)
	}
	update(t, s, func(tx *store.Tx) error {
		sh, _ := tx.Sheet(2023, "DN")
		sc := sh.Scores["1.1"]
		sc.Appraised = pts("12")
		return tx.SetScore(2023, "DN", "1.1", sc)
	})
	if got := filesOf(t, s, "DN", "1.1"); len(got) != 1 {
		t.Fatalf("editing the score dropped the files: %v", got)
	}
	var refs []store.EvidenceRef
	view(t, s, func(tx *store.Tx) (err error) { refs, err = tx.EvidenceRefs(); return err })
	if len(refs) != 1 || refs[0].Where() != "đơn vị DN, năm 2023, tiêu chí 1.1, tệp «a.pdf»" {
		t.Fatalf("refs %+v", refs)
	}
}
