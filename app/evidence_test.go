package app

import (
	"bytes"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

var pdfContent = []byte("%PDF-1.4\nKế hoạch CCHC năm 2023\n%%EOF\n")

// The dialog of a criterion attaches a file, refuses a program renamed
// .pdf, lists the file with its size, date and officer, opens a copy with
// the system's viewer, and removes it after confirmation.
func TestEvidenceDialogAddOpenRemove(t *testing.T) {
	ui, _, v := newScoresUI(t)
	r := v.rows[0]
	v.showEvidence(r)
	e := v.ev.open
	if e == nil {
		t.Fatal("no evidence dialog open")
	}
	exe := append([]byte("MZ\x90\x00"), make([]byte, 64)...)
	e.addFiles(map[string]io.Reader{"KH 45-UBND.pdf": bytes.NewReader(pdfContent), "bao-cao.pdf": bytes.NewReader(exe)})
	stored := storedSheet(t, ui, 2023, "MOI").Scores[r.leaf.Code].Files
	if len(stored) != 1 || stored[0].Name != "KH 45-UBND.pdf" || stored[0].AddedBy != "Trần Văn Bình" {
		t.Fatalf("stored files %+v", stored)
	}
	texts := strings.Join(textsIn(e.list), "\n")
	if !strings.Contains(texts, "KH 45-UBND.pdf") || !strings.Contains(texts, data.FormatSize(int64(len(pdfContent)))+" · "+data.FormatDate(stored[0].Added)+" · Trần Văn Bình") {
		t.Fatalf("dialog lists:\n%s", texts)
	}
	if !e.refusal.Visible() || !strings.Contains(e.refusal.Text, "«bao-cao.pdf»") || !strings.Contains(e.refusal.Text, "chương trình chạy được") {
		t.Fatalf("refusal %q (visible %v)", e.refusal.Text, e.refusal.Visible())
	}
	if !strings.Contains(e.usage.Text, "Đơn vị đã đính kèm "+data.FormatSize(int64(len(pdfContent)))+" / 500 MB cho năm 2023") {
		t.Fatalf("usage %q", e.usage.Text)
	}
	if r.files.Text != "1" {
		t.Fatalf("row button shows %q, want 1", r.files.Text)
	}
	if got := buttonsIn(e.list); strings.Join(got, ",") != "Mở,Gỡ" {
		t.Fatalf("a file offers %v, want Mở, Gỡ", got)
	}

	// A score typed afterwards keeps the file.
	e.d.Hide()
	c := ui.win.Canvas()
	c.Focus(r.cells[colAppraised])
	typeOn(c, "2")
	press(c, fyne.KeyReturn)
	sc := storedSheet(t, ui, 2023, "MOI").Scores[r.leaf.Code]
	if sc.Appraised == nil || sc.Appraised.Short() != "2" || len(sc.Files) != 1 {
		t.Fatalf("after typing a score: %+v", sc)
	}

	var opened *url.URL
	defer func(prev func(*url.URL) error) { openURL = prev }(openURL)
	openURL = func(u *url.URL) error { opened = u; return nil }
	e.open(stored[0])
	if opened == nil || opened.Scheme != "file" || !strings.HasSuffix(opened.Path, "/KH 45-UBND.pdf") {
		t.Fatalf("opened %v", opened)
	}
	if got, err := os.ReadFile(filepath.FromSlash(opened.Path)); err != nil || !bytes.Equal(got, pdfContent) {
		t.Fatalf("the copy opened: %v", err)
	}

	// A file gone from the folder is said in the list.
	moved := ui.store.Evidence().Path(stored[0].SHA256) + ".x"
	os.Rename(ui.store.Evidence().Path(stored[0].SHA256), moved)
	e.fill()
	if texts := strings.Join(textsIn(e.list), "\n"); !strings.Contains(texts, "KHÔNG TÌM THẤY TỆP") {
		t.Fatalf("a missing file is listed as:\n%s", texts)
	}
	os.Rename(moved, ui.store.Evidence().Path(stored[0].SHA256))

	e.remove(stored[0])
	if got := storedSheet(t, ui, 2023, "MOI").Scores[r.leaf.Code]; len(got.Files) != 0 || got.Appraised == nil {
		t.Fatalf("after removal: %+v", got)
	}
	if r.files.Text != "" || !strings.Contains(strings.Join(textsIn(e.list), "\n"), "Chưa có tệp nào") {
		t.Fatalf("after removal the button shows %q, the list %v", r.files.Text, textsIn(e.list))
	}
	var audit []data.AuditEntry
	ui.store.View(func(tx *store.Tx) (err error) { audit, err = tx.Audit(data.AuditFilter{Unit: "MOI"}); return err })
	if audit[0].Item != r.leaf.Code+" · Tệp kiểm chứng" || !strings.HasPrefix(audit[0].Old, "KH 45-UBND.pdf (sha256 ") {
		t.Fatalf("removal audited as %+v", audit[0])
	}
}

// A file dropped on a row of the grid is attached to that criterion; one
// dropped while a criterion's dialog is open goes to that criterion.
func TestEvidenceDropOnGridAndDialog(t *testing.T) {
	ui, _, v := newScoresUI(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "Biên bản kiểm tra.pdf")
	os.WriteFile(path, pdfContent, 0o644)
	uris := []fyne.URI{storage.NewFileURI(path)}

	r := v.rows[1]
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.box)
	v.dropped(p.Add(fyne.NewPos(10, r.box.Size().Height/2)), uris)
	if got := storedSheet(t, ui, 2023, "MOI").Scores[r.leaf.Code].Files; len(got) != 1 || got[0].Name != "Biên bản kiểm tra.pdf" {
		t.Fatalf("dropped on row %s: %+v (status %q)", r.leaf.Code, got, v.status.Text)
	}
	if !strings.Contains(v.status.Text, "Đã đính kèm vào tiêu chí "+r.leaf.Code) {
		t.Fatalf("status %q", v.status.Text)
	}

	other := v.rows[3]
	v.showEvidence(other)
	v.dropped(fyne.NewPos(1, 1), uris)
	if got := storedSheet(t, ui, 2023, "MOI").Scores[other.leaf.Code].Files; len(got) != 1 {
		t.Fatalf("dropped on the dialog of %s: %+v", other.leaf.Code, got)
	}
	v.ev.open.d.Hide()
	if v.ev.open != nil {
		t.Fatal("the closed dialog still takes drops")
	}
}

// A locked year's files are listed and opened, never added or removed.
func TestEvidenceDialogOfALockedYear(t *testing.T) {
	ui, _, v := newScoresUI(t)
	if _, err := ui.store.AttachEvidence(2023, "MOI", v.rows[0].leaf.Code, "a.pdf", bytes.NewReader(pdfContent)); err != nil {
		t.Fatal(err)
	}
	if err := ui.store.Update(func(tx *store.Tx) error { return tx.LockYear(2023) }); err != nil {
		t.Fatal(err)
	}
	v.load()
	if v.rows[0].files.Text != "1" {
		t.Fatalf("locked row button %q", v.rows[0].files.Text)
	}
	v.showEvidence(v.rows[0])
	e := v.ev.open
	if !e.add.Disabled() {
		t.Fatal("a locked year's dialog adds files")
	}
	if got := buttonsIn(e.list); strings.Join(got, ",") != "Mở" {
		t.Fatalf("a locked year's file offers %v, want only Mở", got)
	}
}

// buttonsIn lists the texts of the visible buttons under o.
func buttonsIn(o fyne.CanvasObject) []string {
	var out []string
	walkShown(o, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok {
			out = append(out, b.Text)
			return false
		}
		return true
	})
	return out
}

// Dữ liệu checks the evidence files and names the one missing.
func TestDataFileChecksEvidence(t *testing.T) {
	ui, w := newTestUI(t)
	f, err := ui.store.AttachEvidence(2023, "NBI", "1.1", "KH 45-UBND.pdf", bytes.NewReader(pdfContent))
	if err != nil {
		t.Fatal(err)
	}
	ui.Show(SectionDataFile)
	v := ui.dataFile
	v.checkEvidence()
	v.work.Wait()
	if !strings.Contains(v.status.Text, "1 tệp") || !strings.Contains(v.status.Text, "đầy đủ, nguyên vẹn") {
		t.Fatalf("status after a sound check %q", v.status.Text)
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	os.Remove(ui.store.Evidence().Path(f.SHA256))
	tapButton(t, w, "Kiểm tra tài liệu kiểm chứng")
	v.work.Wait()
	shown := strings.Join(textsIn(w.Canvas().Overlays().Top()), "\n")
	if !strings.Contains(shown, "Thiếu tài liệu kiểm chứng: đơn vị NBI, năm 2023, tiêu chí 1.1, tệp «KH 45-UBND.pdf»") {
		t.Fatalf("the check shows:\n%s", shown)
	}
}
