// Package pdftest reads rendered PDF files back with poppler's pdftotext,
// for the tests of the reports packages.
package pdftest

import (
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// NeedPoppler skips the test when pdftotext is missing, except on CI
// (CI set), where it fails: CI must install poppler-utils.
func NeedPoppler(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("pdftotext is required on CI (apt-get install poppler-utils): %v", err)
		}
		t.Skipf("pdftotext not installed: %v", err)
	}
}

func write(t testing.TB, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Pages returns the text of each page, from pdftotext -layout.
func Pages(t testing.TB, pdf []byte) []string {
	t.Helper()
	NeedPoppler(t)
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", write(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// Word is a word on a page with its box, in points from the top left.
type Word struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// Page is a page's size and words.
type Page struct {
	Width, Height float64
	Words         []Word
}

var (
	pageRE = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	wordRE = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// Layout returns every page's size and words, from pdftotext -bbox.
func Layout(t testing.TB, pdf []byte) []Page {
	t.Helper()
	NeedPoppler(t)
	out, err := exec.Command("pdftotext", "-bbox", "-enc", "UTF-8", write(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var pages []Page
	for _, line := range strings.Split(string(out), "\n") {
		if m := pageRE.FindStringSubmatch(line); m != nil {
			pages = append(pages, Page{Width: num(m[1]), Height: num(m[2])})
			continue
		}
		if m := wordRE.FindStringSubmatch(line); m != nil && len(pages) > 0 {
			p := &pages[len(pages)-1]
			p.Words = append(p.Words, Word{Text: html.UnescapeString(m[5]), XMin: num(m[1]), YMin: num(m[2]), XMax: num(m[3]), YMax: num(m[4])})
		}
	}
	return pages
}

func num(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// Above returns the words whose bottom is above y points from the top.
func (p Page) Above(y float64) []Word {
	var out []Word
	for _, w := range p.Words {
		if w.YMax < y {
			out = append(out, w)
		}
	}
	return out
}

// TableColumn returns, page after page and line after line, the words of
// a table whose box lies within [left, right) points: a cell's wrapped
// lines come out as one run of text. On each page the table ends where the
// word legend stands at the left margin (the first word of the legend
// under the table, within 35 mm of the page's left edge).
func TableColumn(pages []Page, left, right float64, legend string) []string {
	var out []string
	for _, p := range pages {
		bottom := p.Height
		for _, w := range p.Words {
			if w.Text == legend && w.XMin < MM(35) {
				bottom = min(bottom, w.YMin)
			}
		}
		var ws []Word
		for _, w := range p.Above(bottom) {
			if w.XMin >= left && w.XMax <= right {
				ws = append(ws, w)
			}
		}
		sort.SliceStable(ws, func(i, j int) bool {
			if d := ws[i].YMin - ws[j].YMin; d < -1 || d > 1 {
				return d < 0
			}
			return ws[i].XMin < ws[j].XMin
		})
		for _, w := range ws {
			out = append(out, w.Text)
		}
	}
	return out
}

// MM converts millimetres to points.
func MM(mm float64) float64 { return mm * 72 / 25.4 }

// Debug keeps a copy of a rendered file in $PARDESK_PDF_DIR when it is set,
// to look at it.
func Debug(t testing.TB, name string, pdf []byte) {
	if dir := os.Getenv("PARDESK_PDF_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o644); err != nil {
			t.Log(err)
		}
	}
}

// PageLines returns the non-blank lines of each page, from pdftotext
// -layout split at its form feeds, trimmed, without the page number that
// stands alone on the first line of pages after the first.
func PageLines(t testing.TB, pdf []byte) [][]string {
	t.Helper()
	var out [][]string
	for i, p := range Pages(t, pdf) {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if i > 0 && len(lines) > 0 && lines[0] == strconv.Itoa(i+1) {
			lines = lines[1:]
		}
		out = append(out, lines)
	}
	return out
}

// Flow names what a document's pages must not end or start with, for
// CheckFlow.
type Flow struct {
	// Closing matches the first line of the closing block ("Nơi nhận:",
	// or the signers' titles of a record); nil means a line that starts
	// with "Nơi nhận:".
	Closing *regexp.Regexp
	// Headings match the lines that must never end a page: section
	// headings, a table's header lines, group rows. Each is matched
	// against a whole trimmed line; a line that starts with a Roman
	// numeral and a dot ("II. KẾT QUẢ KIỂM TRA") always counts.
	Headings []*regexp.Regexp
}

var (
	nơiNhận    = regexp.MustCompile(`^Nơi nhận:`)
	romanTitle = regexp.MustCompile(`^[IVX]+\.\s+\S`)
)

// CheckFlow reads a rendered document page by page and reports, as test
// errors, a page whose text is only the closing block (the closing must
// carry the last lines or rows of the body with it) and a page whose last
// line is a heading (a heading, a table's header or a group row must keep
// what it introduces on its page). name prefixes the messages.
func CheckFlow(t testing.TB, name string, pdf []byte, f Flow) {
	t.Helper()
	closing := f.Closing
	if closing == nil {
		closing = nơiNhận
	}
	heading := func(l string) bool {
		if romanTitle.MatchString(l) {
			return true
		}
		for _, re := range f.Headings {
			if re.MatchString(l) {
				return true
			}
		}
		return false
	}
	pages := PageLines(t, pdf)
	for i, lines := range pages {
		for j, l := range lines {
			if closing.MatchString(l) && j == 0 {
				t.Errorf("%s: page %d of %d holds only the closing block (it starts with %q)", name, i+1, len(pages), l)
			}
			if closing.MatchString(l) {
				break
			}
		}
		if i == len(pages)-1 || len(lines) == 0 {
			continue
		}
		if last := lines[len(lines)-1]; heading(last) {
			t.Errorf("%s: page %d ends with the heading %q", name, i+1, last)
		}
	}
}
