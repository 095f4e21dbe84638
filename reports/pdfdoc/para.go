package pdfdoc

import (
	"strings"
	"unicode/utf8"
)

// ParagraphIndent is the first-line indent of body paragraphs (Decree 30:
// 1 to 1.27 cm).
const ParagraphIndent = 10.0

// paraSpacing is the space after a paragraph: 6 pt.
const paraSpacing = 6 * ptToMM

// Para is a block of text. Line breaks in Text start new paragraphs with the
// same style.
type Para struct {
	Text  string
	Style Style
	// Size in points; 0 means the body size.
	Size float64
	// Align: Justify when zero. The last line of a justified paragraph is
	// left-aligned.
	Align Align
	// Indent is the first-line indent in mm.
	Indent float64
	// After is the space after each paragraph in mm; 0 means 6 pt, a
	// negative value none.
	After float64
	// KeepWithNext, when above zero, keeps the block's last line on the
	// page of what follows it (headings use it): the first two lines of a
	// paragraph, a table's header and first row. The height itself is no
	// longer needed: what follows is measured.
	KeepWithNext float64
	// KeepWithPrevious keeps the block on the page of what precedes it: a
	// note under a table stays with the table's last rows.
	KeepWithPrevious bool
	// KeepTogether keeps all the lines of the block on one page (a short
	// list: the members of a team, the figures of a result).
	KeepTogether bool
}

// Paragraph draws body text: justified, first line indented 1 cm, 6 pt after.
// Line breaks in text start new paragraphs.
func (d *Doc) Paragraph(text string) {
	d.Para(Para{Text: text, Indent: ParagraphIndent})
}

// Section draws a heading in bold ("1. Kết quả xếp hạng"), indented like a
// paragraph, and keeps it on the same page as what follows (the first two
// lines of a paragraph, a table's header and first row): no heading is
// left alone at the bottom of a page.
func (d *Doc) Section(text string) {
	d.Space(paraSpacing / 2)
	d.Para(Para{Text: text, Style: Bold, Align: Left, Indent: ParagraphIndent, KeepWithNext: 2 * LineHeight(d.body), KeepTogether: true})
}

// Para draws a block of text, breaking pages between lines as needed. A
// paragraph never leaves a single line at the bottom of a page or at the
// top of the next.
func (d *Doc) Para(p Para) {
	defer d.guard()
	if !d.ok() {
		return
	}
	if p.Size <= 0 {
		p.Size = d.body
	}
	if p.Align == 0 {
		p.Align = Justify
	}
	after := p.After
	switch {
	case after == 0:
		after = paraSpacing
	case after < 0:
		after = 0
	}
	if p.KeepWithPrevious {
		d.keepTail()
	}
	d.setFont(p.Style, p.Size)
	lh := LineHeight(p.Size)
	pieces := strings.Split(cleanLines(p.Text), "\n")
	for i, piece := range pieces {
		lines := d.wrap(piece, d.TextWidth(), p.Indent)
		last := i == len(pieces)-1
		// A line that introduces what follows ("... như sau:") stays
		// with it, as a heading does.
		intro := strings.HasSuffix(strings.TrimSpace(piece), ":")
		d.addLines(lines, p, lh, last && (p.KeepWithNext > 0 || intro) || !last && (p.KeepTogether || intro))
		if !last || after > 0 {
			d.space(after)
		}
	}
}

// line is one laid-out line of a paragraph.
type line struct {
	words  []string
	widths []float64
	sum    float64 // width of the words without spaces
	last   bool    // last line of its paragraph: not justified
}

// wrap lays out words greedily into lines of width w, the first one
// shortened by indent. A word wider than a line is cut between letters.
func (d *Doc) wrap(text string, w, indent float64) []line {
	// Only plain spaces separate words: a no-break space keeps "81,40 %"
	// together.
	words := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' })
	if len(words) == 0 {
		return []line{{last: true}}
	}
	space := d.pdf.GetStringWidth(" ")
	var lines []line
	cur := line{}
	avail := w - indent
	used := 0.0
	push := func() {
		lines = append(lines, cur)
		cur = line{}
		avail, used = w, 0
	}
	for _, word := range words {
		ww := d.pdf.GetStringWidth(word)
		for ww > avail && utf8.RuneCountInString(word) > 1 {
			if len(cur.words) > 0 {
				push()
				continue
			}
			head, tail := d.cutWord(word, avail)
			hw := d.pdf.GetStringWidth(head)
			cur.words, cur.widths, cur.sum = []string{head}, []float64{hw}, hw
			push()
			word, ww = tail, d.pdf.GetStringWidth(tail)
		}
		need := ww
		if len(cur.words) > 0 {
			need += space
		}
		if len(cur.words) > 0 && used+need > avail {
			push()
			need = ww
		}
		cur.words = append(cur.words, word)
		cur.widths = append(cur.widths, ww)
		cur.sum += ww
		used += need
	}
	cur.last = true
	lines = append(lines, cur)
	return lines
}

// cutWord splits word so that its head fits w (at least one letter).
func (d *Doc) cutWord(word string, w float64) (head, tail string) {
	n := 0
	acc := 0.0
	for i, r := range word {
		acc += d.pdf.GetStringWidth(string(r))
		if acc > w && n > 0 {
			return word[:i], word[i:]
		}
		n++
	}
	return word, ""
}

// addLines adds the lines of a paragraph to the flow, glued so that no
// page gets a single line of a paragraph of several (orphan or widow):
// the first line keeps the second with it and the last but one the last.
// keep glues the last line to what follows.
func (d *Doc) addLines(lines []line, p Para, lh float64, keep bool) {
	n := len(lines)
	w := d.TextWidth()
	for i, l := range lines {
		glue := (i == 0 && n > 1) || i == n-2 || (i < n-1 && p.KeepTogether) || (i == n-1 && keep)
		first := i == 0
		d.add(piece{h: lh, glue: glue, draw: func() { d.drawLine(l, p, lh, w, first) }})
	}
}

// drawLine draws one laid-out line of a paragraph at the current position.
func (d *Doc) drawLine(l line, p Para, lh, w float64, first bool) {
	d.setFont(p.Style, p.Size)
	y := d.pdf.GetY()
	x := MarginLeft
	avail := w
	if first {
		x += p.Indent
		avail -= p.Indent
	}
	switch {
	case p.Align == Justify && !l.last && len(l.words) > 1:
		gap := (avail - l.sum) / float64(len(l.words)-1)
		for j, word := range l.words {
			d.text(x, y, lh, word)
			x += l.widths[j] + gap
		}
	default:
		s := strings.Join(l.words, " ")
		a := p.Align
		if a == Justify {
			a = Left
		}
		d.textAligned(x, y, avail, lh, s, a)
	}
}
