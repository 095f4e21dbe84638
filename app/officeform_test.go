package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// The office's own details, typed in the form, are what the next document
// prints; a missing name is refused and nothing changes.
func TestOfficeFormPrintsOnDocuments(t *testing.T) {
	ui, _ := newTestUI(t)
	ui.Show(SectionReports)
	f := ui.reports.office
	if f.name.Text != "SỞ NỘI VỤ" || f.place.Text != "Cao Bằng" {
		t.Fatalf("form shows %q / %q", f.name.Text, f.place.Text)
	}
	f.name.SetText("")
	test.Tap(f.saveBtn)
	if !strings.Contains(f.status.Text, "Tên cơ quan") {
		t.Errorf("empty name: %q", f.status.Text)
	}
	var o data.Office
	ui.store.View(func(tx *store.Tx) (err error) { o, err = tx.Office(); return err })
	if o.Name != "SỞ NỘI VỤ" {
		t.Errorf("a refused save changed the office to %q", o.Name)
	}

	for e, text := range map[*widget.Entry]string{
		f.superior: "UBND HUYỆN TÂN LẠC", f.name: "PHÒNG NỘI VỤ", f.abbrev: "pnv", f.place: "Tân Lạc",
		f.signerTitle: "TRƯỞNG PHÒNG", f.signer: "Bùi Văn Hải",
	} {
		e.SetText("")
		test.Type(e, text)
	}
	f.recipients.SetText("- UBND huyện (b/c);\nLưu: VT, NV.")
	test.Tap(f.saveBtn)
	if !strings.HasPrefix(f.status.Text, "Đã lưu") {
		t.Fatalf("save: %q", f.status.Text)
	}
	var in reports.RankingInput
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		in, err = ops.RankingInput(tx, 2022, "")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	in.Number, in.Date = "5", today()
	pdf, err := reports.Ranking(in)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdftest.Pages(t, pdf), "\n")
	for _, want := range []string{"UBND HUYỆN TÂN LẠC", "PHÒNG NỘI VỤ", "Số: 5/BC-PNV", "Tân Lạc, ngày", "TRƯỞNG PHÒNG", "Bùi Văn Hải", "- UBND huyện (b/c);"} {
		if !strings.Contains(text, want) {
			t.Errorf("ranking lacks %q", want)
		}
	}
	if strings.Contains(text, "- - UBND") {
		t.Error("a typed dash was doubled")
	}
}
