package pdfdoc_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/reports/pdfdoc"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// keepTable draws 80 one-line rows "R01".."R80"; the row numbered keep (if
// any) is kept with the row after it.
func keepTable(t *testing.T, keep int) []pdftest.Page {
	t.Helper()
	d := pdfdoc.New(pdfdoc.Options{Created: created})
	d.Heading(heading())
	var rows []pdfdoc.Row
	for i := 1; i <= 80; i++ {
		rows = append(rows, pdfdoc.Row{Cells: []string{fmt.Sprintf("R%02d", i), "Tiêu chí"}, KeepWithNext: i == keep, Bold: i == keep})
	}
	d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Header: "Mã", Width: 20}, {Header: "Nội dung"}}, Rows: rows})
	return pdftest.Layout(t, output(t, d))
}

// rowPages returns the page (0-based) each row label is printed on.
func rowPages(pages []pdftest.Page) map[string]int {
	at := map[string]int{}
	for i, p := range pages {
		for _, w := range p.Words {
			if strings.HasPrefix(w.Text, "R") && len(w.Text) == 3 {
				at[w.Text] = i
			}
		}
	}
	return at
}

// A row marked KeepWithNext (an area's row) is never the last row of a
// page: it moves to the next page with the row it introduces.
func TestTableKeepWithNext(t *testing.T) {
	plain := rowPages(keepTable(t, 0))
	last := 0 // the last row on page 1 without keeping
	for i := 1; i <= 80; i++ {
		if plain[fmt.Sprintf("R%02d", i)] == 0 {
			last = i
		}
	}
	if last == 0 || last == 80 {
		t.Fatalf("the table does not break: last row on page 1 is %d", last)
	}
	kept := rowPages(keepTable(t, last))
	label := fmt.Sprintf("R%02d", last)
	if kept[label] != 1 || kept[fmt.Sprintf("R%02d", last+1)] != 1 {
		t.Errorf("%s kept with the next row is on page %d, the next on page %d; want both on page 2", label, kept[label]+1, kept[fmt.Sprintf("R%02d", last+1)]+1)
	}
	if prev := fmt.Sprintf("R%02d", last-1); kept[prev] != 0 {
		t.Errorf("%s moved to page %d too", prev, kept[prev]+1)
	}
	// A kept row that fits with its next row stays where it was.
	early := rowPages(keepTable(t, 3))
	if early["R03"] != 0 || early["R04"] != 0 {
		t.Errorf("R03 kept with R04 moved although both fit on page 1")
	}
}

// Whatever the number of rows or lines before it, the closing never
// stands alone on a page: it carries the last rows of a table, or the last
// lines of a paragraph, and a heading never ends a page.
func TestClosingCarriesLastRowsOrLines(t *testing.T) {
	for n := 20; n <= 34; n += 2 {
		for _, para := range []bool{false, true} {
			d := pdfdoc.New(pdfdoc.Options{Created: created})
			d.Heading(heading())
			d.Section("I. Bảng")
			var rows []pdfdoc.Row
			for i := 1; i <= n; i++ {
				rows = append(rows, pdfdoc.Row{Cells: []string{fmt.Sprintf("R%02d", i), "Tiêu chí"}})
			}
			d.Table(pdfdoc.Table{Columns: []pdfdoc.Column{{Header: "Mã", Width: 20}, {Header: "Nội dung"}}, Rows: rows})
			if para {
				d.Section("II. Kết luận")
				d.Paragraph(strings.Repeat("Nội dung kết luận của báo cáo. ", 12))
			}
			d.Closing([]string{"Như trên;", "Lưu: VT."}, pdfdoc.Signer{Title: "TRƯỞNG PHÒNG", Name: "Nông Văn Thành"})
			pdftest.CheckFlow(t, fmt.Sprintf("%d rows, paragraph %v", n, para), output(t, d), pdftest.Flow{})
		}
	}
}
