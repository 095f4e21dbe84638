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
	// KeepWithNext is the height in mm of what follows that must stay on
	// the same page as this block (headings use it).
	KeepWithNext float64
}

// Paragraph draws body text: justified, first line indented 1 cm, 6 pt after.
// Line breaks in text start new paragraphs.
func (d *Doc) Paragraph(text string) {
	d.Para(Para{Text: text, Indent: ParagraphIndent})
}

// Section draws a heading in bold ("1. Kết quả xếp hạng"), indented like a
// paragraph, and keeps it on the same page as the first two lines of what
// follows: no heading is left alone at the bottom of a page.
func (d *Doc) Section(text string) {
	d.Space(paraSpacing / 2)
	d.Para(Para{Text: text, Style: Bold, Align: Left, Indent: ParagraphIndent, KeepWithNext: 2 * LineHeight(d.body)})
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
	d.setFont(p.Style, p.Size)
	lh := LineHeight(p.Size)
	pieces := strings.Split(cleanLines(p.Text), "\n")
	for i, piece := range pieces {
		lines := d.wrap(piece, d.TextWidth(), p.Indent)
		keep := 0.0
		if i == len(pieces)-1 {
			keep = p.KeepWithNext
		}
		d.drawLines(lines, p, lh, keep)
		if i < len(pieces)-1 || after > 0 {
			d.pdf.SetXY(MarginLeft, d.pdf.GetY()+min(after, max(d.Remaining(), 0)))
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

// drawLines draws laid-out lines from the current position, breaking pages
// so that no page gets a single line of a paragraph of several (orphan or
// widow) and the last line keeps keep mm of what follows with it.
func (d *Doc) drawLines(lines []line, p Para, lh, keep float64) {
	n := len(lines)
	w := d.TextWidth()
	for i, l := range lines {
		var need float64
		switch rest := n - i; {
		case rest == 1:
			need = lh + keep
		case rest == 2: // no widow: the last two lines go together
			need = 2*lh + keep
		case i == 0: // no orphan
			need = 2 * lh
		default:
			need = lh
		}
		d.ensure(need)
		y := d.pdf.GetY()
		x := MarginLeft
		avail := w
		if i == 0 {
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
		d.pdf.SetXY(MarginLeft, y+lh)
	}
}
