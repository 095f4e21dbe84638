package pdfdoc

import "strings"

// Signer is a signature block.
type Signer struct {
	// Title is the signing authority, printed in bold capitals; line breaks
	// separate lines ("KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG",
	// "ĐẠI DIỆN ĐOÀN KIỂM TRA").
	Title string
	// Hint is an optional italic line under the title: "(Ký, ghi rõ họ tên)".
	Hint string
	// Name is the signer's full name, printed in bold under the space left
	// for the signature and the seal. Empty leaves the line blank.
	Name string
}

// Type sizes and spaces of the closing.
const (
	recipientsLabel = "Nơi nhận:"
	recipientsTitle = 12.0
	// SignatureSpace is the room left for the signature and the seal, mm.
	SignatureSpace = 25.0
)

// Closing draws the end of a document: at the left "Nơi nhận:" (bold italic
// 12 pt) and the list of recipients (11 pt, "- Như trên;"); at the right
// the signature block. A recipient line without a leading dash gets one.
// The block is kept on one page, and it carries with it the last lines of
// text or the last two rows of a table before it: no page holds only the
// closing.
func (d *Doc) Closing(recipients []string, s Signer) {
	defer d.guard()
	if !d.ok() {
		return
	}
	// The signature block sits under the right column of the heading.
	lw, rw := d.columns()
	rx := MarginLeft + lw

	// Lay out the recipients.
	d.setFont(Regular, RecipientSize)
	var rec []string
	for _, r := range recipients {
		r = strings.TrimSpace(Clean(r))
		if r == "" {
			continue
		}
		if !strings.HasPrefix(r, "-") {
			r = "- " + r
		}
		rec = append(rec, d.split(r, lw)...)
	}
	rlh := LineHeight(RecipientSize)
	leftH := 0.0
	if len(rec) > 0 {
		leftH = LineHeight(recipientsTitle) + float64(len(rec))*rlh
	}
	title, rightH := d.signerLayout(s, rw)

	d.closingLead()
	d.add(piece{h: max(leftH, rightH), draw: func() { d.drawClosing(rec, s, title, rx, rw) }})
}

// closingLead prepares the flow for a closing block: the last three lines
// of text or the last two rows of a table go to the next page with it, so
// that no page holds only the closing or only a last sentence and the
// closing.
func (d *Doc) closingLead() {
	d.keepTail()
	d.keepLines(3)
	d.space(LineHeight(d.body) * 0.6)
}

func (d *Doc) drawClosing(rec []string, s Signer, title []string, rx, rw float64) {
	y := d.pdf.GetY()
	if len(rec) > 0 {
		d.setFont(BoldItalic, recipientsTitle)
		lh := LineHeight(recipientsTitle)
		d.text(MarginLeft, y, lh, recipientsLabel)
		ly := y + lh
		rlh := LineHeight(RecipientSize)
		d.setFont(Regular, RecipientSize)
		for _, l := range rec {
			d.text(MarginLeft, ly, rlh, l)
			ly += rlh
		}
	}
	d.drawSigner(s, title, rx, y, rw)
}

// Signatures draws two signature blocks side by side, for records that two
// parties sign (an inspection record: the inspected unit at the left, the
// inspection team at the right). The blocks are kept on one page.
func (d *Doc) Signatures(left, right Signer) {
	defer d.guard()
	if !d.ok() {
		return
	}
	w := d.TextWidth()
	half := w / 2
	lt, lh := d.signerLayout(left, half)
	rt, rh := d.signerLayout(right, half)
	d.closingLead()
	d.add(piece{h: max(lh, rh), draw: func() {
		y := d.pdf.GetY()
		d.drawSigner(left, lt, MarginLeft, y, half)
		d.drawSigner(right, rt, MarginLeft+half, y, half)
	}})
}

// signerLayout wraps a signer's title to width w and returns the lines and
// the block's height.
func (d *Doc) signerLayout(s Signer, w float64) ([]string, float64) {
	d.setFont(Bold, d.body)
	var lines []string
	for _, t := range strings.Split(cleanLines(s.Title), "\n") {
		if t = strings.TrimSpace(strings.ToUpper(t)); t != "" {
			lines = append(lines, d.split(t, w)...)
		}
	}
	lh := LineHeight(d.body)
	n := len(lines) + 1 // title lines and the name
	if strings.TrimSpace(s.Hint) != "" {
		n++
	}
	return lines, float64(n)*lh + SignatureSpace
}

func (d *Doc) drawSigner(s Signer, title []string, x, y, w float64) {
	lh := LineHeight(d.body)
	d.setFont(Bold, d.body)
	for _, l := range title {
		d.textAligned(x, y, w, lh, l, Center)
		y += lh
	}
	if h := strings.TrimSpace(Clean(s.Hint)); h != "" {
		d.setFont(Italic, d.body)
		d.textAligned(x, y, w, lh, h, Center)
		y += lh
	}
	y += SignatureSpace
	if n := strings.TrimSpace(Clean(s.Name)); n != "" {
		d.setFont(Bold, d.body)
		d.textAligned(x, y, w, lh, n, Center)
	}
}
