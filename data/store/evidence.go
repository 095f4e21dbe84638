package store

import (
	"io"
	"slices"
	"strings"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/evidence"
)

// Evidence documents are kept in a content store beside the data file
// (package data/evidence); the data file holds the references, in the
// score of the criterion they justify (data.Score.Files). Adding or
// removing one is one transaction that changes the sheet and records the
// change in the audit trail with the file's name and the start of its
// SHA-256, like any other change of a score; a locked year refuses both.

// Evidence is the content store of this data file's evidence documents.
func (s *Store) Evidence() *evidence.Store { return evidence.New(evidence.DirFor(s.path)) }

// AttachEvidence stores the file read from r, named name as the officer
// knows it, in the content store and attaches it to a unit's score on a
// criterion for a year. The year's lock and the criterion are checked
// first, so a refused attachment stores nothing. The file goes into the
// content store before the transaction that adds the reference: if that
// transaction fails (the unit's limit, say) the file stays in the store
// unreferenced, which is harmless: the next attachment of the same
// document finds it, and `pardesk check` lists the files no score uses.
func (s *Store) AttachEvidence(year int, unit, code, name string, r io.Reader) (data.EvidenceFile, error) {
	name = data.Clean(name)
	if err := evidence.CheckName(name); err != nil {
		return data.EvidenceFile{}, err
	}
	err := s.View(func(tx *Tx) error {
		if err := tx.CheckUnlocked(year); err != nil {
			return err
		}
		_, err := tx.evidenceLeaf(year, unit, code)
		return err
	})
	if err != nil {
		return data.EvidenceFile{}, err
	}
	info, err := s.Evidence().Put(name, r)
	if err != nil {
		return data.EvidenceFile{}, err
	}
	var f data.EvidenceFile
	err = s.Update(func(tx *Tx) error {
		var err error
		f, err = tx.AddEvidence(year, unit, code, data.EvidenceFile{Name: name, SHA256: info.SHA256, Size: info.Size})
		return err
	})
	return f, err
}

// evidenceLeaf returns the leaf criterion code of the year's framework, or
// an error naming the criterion, for a unit that exists.
func (tx *Tx) evidenceLeaf(year int, unit, code string) (*data.Criterion, error) {
	f, err := tx.frameworkToCheck(year)
	if err != nil {
		return nil, err
	}
	c := f.Find(code)
	if c == nil || !c.IsLeaf() {
		return nil, data.Errorf(data.EINVALID, "Mã tiêu chí %s không có trong bộ chỉ số năm %d", code, year)
	}
	if _, ok, err := get[data.Unit](tx.bolt, bucketUnits, unit); err != nil {
		return nil, err
	} else if !ok {
		return nil, data.Errorf(data.EINVALID, "Không có đơn vị mã %s", unit)
	}
	return c, nil
}

// AddEvidence attaches a file already in the content store to a unit's
// score on a criterion for a year, and returns the reference as stored.
// The date and officer are this transaction's unless f carries them (a
// reference received from a unit keeps who attached it there). Refused,
// with a message naming the unit, the criterion and the file: a locked
// year, a file over evidence.MaxFileSize, the same content attached to
// the criterion already, and a unit whose files for the year would pass
// evidence.MaxUnitYear (a file attached to several criteria counts once).
func (tx *Tx) AddEvidence(year int, unit, code string, f data.EvidenceFile) (data.EvidenceFile, error) {
	if err := tx.CheckUnlocked(year); err != nil {
		return f, err
	}
	c, err := tx.evidenceLeaf(year, unit, code)
	if err != nil {
		return f, err
	}
	f.Name = data.Clean(f.Name)
	if f.Size > evidence.MaxFileSize {
		return f, data.Errorf(data.EINVALID, "Tệp «%s» lớn hơn %s, mức tối đa của một tài liệu kiểm chứng.", f.Name, data.FormatSize(evidence.MaxFileSize))
	}
	if f.Added.IsZero() {
		f.Added = tx.now()
	}
	if f.AddedBy == "" {
		f.AddedBy = tx.officer
	}
	s, err := tx.Sheet(year, unit)
	if err != nil {
		return f, err
	}
	sc := s.Scores[code]
	if i := sc.FileIndex(f.SHA256); i >= 0 {
		return f, data.Errorf(data.ECONFLICT, "Tiêu chí %s «%s» của đơn vị %s đã có tệp «%s» cùng nội dung với «%s»: không đính kèm lần nữa.", c.Code, c.Title, unit, sc.Files[i].Name, f.Name)
	}
	if used, fresh := unitEvidence(s, f.SHA256); fresh && used+f.Size > evidence.MaxUnitYear {
		return f, data.Errorf(data.EINVALID, "Đơn vị %s năm %d đã có %s tài liệu kiểm chứng; thêm «%s» (%s) sẽ vượt mức tối đa %s của một đơn vị trong một năm. Hãy nén hoặc bỏ bớt tệp không cần thiết.",
			unit, year, data.FormatSize(used), f.Name, data.FormatSize(f.Size), data.FormatSize(evidence.MaxUnitYear))
	}
	sc.Files = append(append([]data.EvidenceFile(nil), sc.Files...), f)
	s.Scores[code] = sc
	return f, tx.PutSheet(s)
}

// unitEvidence is the size of the distinct files a unit's sheet
// references, and whether the file sha is not among them yet.
func unitEvidence(s *data.Sheet, sha string) (used int64, fresh bool) {
	seen := map[string]bool{}
	for _, sc := range s.Scores {
		for _, f := range sc.Files {
			if !seen[f.SHA256] {
				seen[f.SHA256] = true
				used += f.Size
			}
		}
	}
	return used, !seen[sha]
}

// checkEvidenceLimits refuses a sheet that brings a reference to a file
// over evidence.MaxFileSize, or takes the unit's evidence for the year
// past evidence.MaxUnitYear, whatever wrote it (the grid, an exchange
// package): the limits hold for every way files arrive. A sheet already
// past the limit (a limit lowered since) may still change otherwise.
func checkEvidenceLimits(old, cur *data.Sheet) error {
	had := map[string]bool{}
	for _, sc := range old.Scores {
		for _, f := range sc.Files {
			had[f.SHA256] = true
		}
	}
	for code, sc := range cur.Scores {
		for _, f := range sc.Files {
			if !had[f.SHA256] && f.Size > evidence.MaxFileSize {
				return data.Errorf(data.EINVALID, "Đơn vị %s, tiêu chí %s: tệp «%s» (%s) lớn hơn %s, mức tối đa của một tài liệu kiểm chứng.", cur.Unit, code, f.Name, data.FormatSize(f.Size), data.FormatSize(evidence.MaxFileSize))
			}
		}
	}
	before, _ := unitEvidence(old, "")
	after, _ := unitEvidence(cur, "")
	if after > evidence.MaxUnitYear && after > before {
		return data.Errorf(data.EINVALID, "Đơn vị %s năm %d: tài liệu kiểm chứng sẽ lên %s, vượt mức tối đa %s của một đơn vị trong một năm. Hãy nén hoặc bỏ bớt tệp không cần thiết.",
			cur.Unit, cur.Year, data.FormatSize(after), data.FormatSize(evidence.MaxUnitYear))
	}
	return nil
}

// EvidenceUsed is the size of the evidence a unit has attached for a year
// (each distinct file once): what evidence.MaxUnitYear limits.
func (tx *Tx) EvidenceUsed(year int, unit string) (int64, error) {
	s, err := tx.Sheet(year, unit)
	if err != nil {
		return 0, err
	}
	used, _ := unitEvidence(s, "")
	return used, nil
}

// RemoveEvidence removes the reference to the file sha from a unit's score
// on a criterion. The file stays in the content store: other criteria,
// other units and the backups may reference it.
func (tx *Tx) RemoveEvidence(year int, unit, code, sha string) error {
	if err := tx.CheckUnlocked(year); err != nil {
		return err
	}
	s, err := tx.Sheet(year, unit)
	if err != nil {
		return err
	}
	sc := s.Scores[code]
	i := sc.FileIndex(sha)
	if i < 0 {
		return data.Errorf(data.ENOTFOUND, "Tiêu chí %s của đơn vị %s năm %d không có tệp kiểm chứng %s", code, unit, year, shortHash(sha))
	}
	sc.Files = append(sc.Files[:i:i], sc.Files[i+1:]...)
	if len(sc.Files) == 0 {
		sc.Files = nil
	}
	if sc.IsZero() {
		delete(s.Scores, code)
	} else {
		s.Scores[code] = sc
	}
	return tx.PutSheet(s)
}

func shortHash(sha string) string { return data.EvidenceFile{SHA256: sha}.ShortHash() }

// EvidenceRef is one reference to an evidence file: which unit, year and
// criterion it justifies.
type EvidenceRef struct {
	Year int
	Unit string
	Code string
	File data.EvidenceFile
}

// Where names the reference for the officer: "đơn vị DN, năm 2023, tiêu
// chí 1.1, tệp «QĐ 12.pdf»".
func (r EvidenceRef) Where() string {
	return "đơn vị " + r.Unit + ", năm " + yearKey(r.Year) + ", tiêu chí " + r.Code + ", tệp «" + r.File.Name + "»"
}

// EvidenceRefs lists every evidence reference of the data file, by year,
// unit and criterion.
func (tx *Tx) EvidenceRefs() ([]EvidenceRef, error) {
	var out []EvidenceRef
	err := each(tx.bolt, bucketSheets, "", func(_ string, s data.Sheet) error {
		codes := make([]string, 0, len(s.Scores))
		for code, sc := range s.Scores {
			if len(sc.Files) > 0 {
				codes = append(codes, code)
			}
		}
		slices.SortFunc(codes, compareCodes)
		for _, code := range codes {
			for _, f := range s.Scores[code].Files {
				out = append(out, EvidenceRef{Year: s.Year, Unit: s.Unit, Code: code, File: f})
			}
		}
		return nil
	})
	return out, err
}

// filesChange describes, for the audit trail, the attachments removed
// (old) and added (new) between two lists: "QĐ 12.pdf (sha256
// 1a2b3c4d5e6f)", several joined by "; ".
func filesChange(old, cur []data.EvidenceFile) (removed, added string) {
	in := func(f data.EvidenceFile, list []data.EvidenceFile) bool {
		for _, g := range list {
			if g.SHA256 == f.SHA256 && g.Name == f.Name {
				return true
			}
		}
		return false
	}
	var r, a []string
	for _, f := range old {
		if !in(f, cur) {
			r = append(r, f.Label())
		}
	}
	for _, f := range cur {
		if !in(f, old) {
			a = append(a, f.Label())
		}
	}
	return strings.Join(r, "; "), strings.Join(a, "; ")
}
