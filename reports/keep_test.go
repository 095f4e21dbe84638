package reports

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// A section's title row is never the last row of a page in the blank
// checklist or the record: whatever the number of items before it, the
// title is printed on the page of its first item. The demo checklist is
// lengthened by 0 to 12 items in section I, which moves every later
// section's title across the page breaks.
func TestSectionTitleNeverEndsAPage(t *testing.T) {
	moved := 0 // titles printed first on a page: the page broke before them
	for extra := 0; extra <= 12; extra++ {
		in := visitFixture(t)
		tpl := in.Template.Copy()
		for i := 1; i <= extra; i++ {
			tpl.Sections[0].Items = append(tpl.Sections[0].Items, data.ChecklistItem{
				Code: fmt.Sprintf("1.%d", 3+i), Question: fmt.Sprintf("Nội dung kiểm tra bổ sung số %d", i), Check: "Hồ sơ, sổ sách"})
		}
		in.Template = tpl
		for name, build := range map[string]func(VisitInput) ([]byte, error){"checklist": Checklist, "record": Inspection} {
			pdf, err := build(in)
			if err != nil {
				t.Fatal(err)
			}
			pages := pdftest.Layout(t, pdf)
			for _, s := range tpl.Sections[1:] {
				title := codePage(pages, s.Code+".", strings.Fields(s.Title)[0])
				first := codePage(pages, s.Items[0].Code, "")
				if title.page < 0 || first.page < 0 {
					t.Fatalf("%s +%d: section %s or item %s not found in the code column", name, extra, s.Code, s.Items[0].Code)
				}
				if title.page != first.page {
					t.Errorf("%s with %d more items: section %s's title ends page %d, its first item %s is on page %d", name, extra, s.Code, title.page+1, s.Items[0].Code, first.page+1)
				}
				if title.first {
					moved++
				}
			}
		}
	}
	if moved == 0 {
		t.Error("no section title ever started a page: the test does not reach a page break")
	}
}

type wordAt struct {
	page  int
	first bool // the first row under the table header on its page
}

// codePage finds text in the code column (the first 11 mm of the text
// width, where the section titles start too), followed on its line by the
// word next when next is not empty, and says on which page, and whether it
// is the first body row there.
func codePage(pages []pdftest.Page, text, next string) wordAt {
	for i, p := range pages {
		top := -1.0 // the table header's "Mã"
		for _, w := range p.Words {
			if w.Text == "Mã" && w.XMin < pdftest.MM(41) {
				top = w.YMin
			}
		}
		for _, w := range p.Words {
			if w.Text != text || w.XMin >= pdftest.MM(41) || next != "" && !followedBy(p, w, next) {
				continue
			}
			first := top >= 0
			for _, o := range p.Words {
				if o.XMin < pdftest.MM(41) && o.YMin > top+2 && o.YMin < w.YMin-2 {
					first = false
				}
			}
			return wordAt{page: i, first: first}
		}
	}
	return wordAt{page: -1}
}

// followedBy reports whether the word right after w on its line is next.
func followedBy(p pdftest.Page, w pdftest.Word, next string) bool {
	var after *pdftest.Word
	for i, o := range p.Words {
		if math.Abs(o.YMin-w.YMin) < 2 && o.XMin > w.XMax && (after == nil || o.XMin < after.XMin) {
			after = &p.Words[i]
		}
	}
	return after != nil && after.Text == next
}
