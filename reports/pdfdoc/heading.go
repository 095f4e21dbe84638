package pdfdoc

import "strings"

// The national name and motto of every administrative document.
const (
	NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	Motto        = "Độc lập - Tự do - Hạnh phúc"
)

// Heading is the heading block of Decree 30/2020 at the top of page 1.
type Heading struct {
	// Superior is the governing body (cơ quan chủ quản), printed in regular
	// capitals: "UBND HUYỆN NGUYÊN BÌNH". Empty for an office with none.
	Superior string
	// Office is the issuing office (cơ quan ban hành), printed in bold
	// capitals with a short rule under it: "PHÒNG NỘI VỤ".
	Office string
	// Number is the document symbol printed after "Số: ", for example
	// Symbol("12", "BC", "PNV") = "12/BC-PNV". Empty: no "Số:" line.
	Number string
	// DateLine is the place and date, printed in italics:
	// "Nguyên Bình, ngày 09 tháng 6 năm 2023" (data.DateLine builds it).
	DateLine string
}

// columns splits the text width into the heading's left column (office,
// number, recipients) and right column (national name, date, signature).
// On a portrait page the right column is just wide enough for the national
// name, which leaves the office's names as much room as possible; on a
// landscape page it takes three fifths.
func (d *Doc) columns() (left, right float64) {
	w := d.TextWidth()
	d.setFont(Bold, min(d.body, 12))
	right = d.pdf.GetStringWidth(NationalName) + 4
	if d.Orientation() == Landscape {
		right = max(right, w*0.6)
	}
	return w - right, right
}

// Heading draws the heading block at the top of the current page: on the
// left the superior body, the issuing office with a rule under it and the
// document number; on the right the national name, the motto with a rule
// of its length under it and the place-date line in italics.
func (d *Doc) Heading(h Heading) {
	defer d.guard()
	if !d.ok() {
		return
	}
	d.flush()
	lw, rw := d.columns()
	lx, rx := MarginLeft, MarginLeft+lw
	lc, rc := lx+lw/2, rx+rw/2
	lh := LineHeight(d.body)
	top := d.pdf.GetY()

	// Left column: superior body, issuing office, rule.
	y := top
	if s := Upper(h.Superior); s != "" {
		d.setFont(Regular, d.body)
		for _, l := range d.balanced(s, lw) {
			d.textAligned(lx, y, lw, lh, l, Center)
			y += lh
		}
	}
	if s := Upper(h.Office); s != "" {
		d.setFont(Bold, d.body)
		widest := 0.0
		for _, l := range d.balanced(s, lw) {
			d.textAligned(lx, y, lw, lh, l, Center)
			widest = max(widest, d.pdf.GetStringWidth(l))
			y += lh
		}
		// Decree 30: a solid rule one third to one half of the line's
		// length (two fifths here, whatever the name's length), centred. Drawn with Line: the underline style cuts the
		// dots under ạ and ộ.
		y += 0.6
		d.rule(lc, y, widest*0.4)
	}
	leftBottom := y

	// Right column: national name (12 pt so it fits the column), motto,
	// rule as long as the motto.
	y = top
	nameSize := min(d.body, 12)
	d.setFont(Bold, nameSize)
	d.textAligned(rx, y, rw, lh, NationalName, Center)
	y += lh
	d.setFont(Bold, d.body)
	d.textAligned(rx, y, rw, lh, Motto, Center)
	y += lh + 0.6
	d.rule(rc, y, d.pdf.GetStringWidth(Motto))
	rightBottom := y

	// Number and date share a baseline under both rules.
	y = max(leftBottom, rightBottom) + 2.5
	bottom := y
	if h.Number != "" {
		d.setFont(Regular, d.body)
		d.textAligned(lx, y, lw, lh, "Số: "+Clean(h.Number), Center)
		bottom = y + lh
	}
	if s := Clean(h.DateLine); s != "" {
		d.setFont(Italic, d.body)
		d.textAligned(rx, y, rw, lh, s, Center)
		bottom = y + lh
	}
	d.pdf.SetXY(MarginLeft, bottom)
}

// Title draws the document's title in bold capitals, centred ("BÁO CÁO"),
// then each summary line (trích yếu) in bold, centred, with a short rule
// under the last one as Decree 30 asks. Long lines wrap.
func (d *Doc) Title(title string, summary ...string) {
	defer d.guard()
	if !d.ok() {
		return
	}
	w := d.TextWidth()
	lh := LineHeight(TitleSize)
	title = Upper(title)
	var lines []string
	d.setFont(Bold, TitleSize)
	if title != "" {
		lines = append(lines, d.balanced(title, w)...)
	}
	hasSummary := false
	for _, s := range summary {
		if s = strings.TrimSpace(Clean(s)); s != "" {
			lines = append(lines, d.balanced(s, w)...)
			hasSummary = true
		}
	}
	if len(lines) == 0 {
		return
	}
	// The title keeps what follows with it (two lines of text, a table's
	// header and first row).
	d.space(lh * 1.2)
	h := float64(len(lines)) * lh
	if hasSummary {
		h += 0.6
	}
	d.add(piece{h: h, glue: true, draw: func() {
		d.setFont(Bold, TitleSize)
		y := d.pdf.GetY()
		widest := 0.0
		for _, l := range lines {
			d.textAligned(MarginLeft, y, w, lh, l, Center)
			widest = max(widest, d.pdf.GetStringWidth(l))
			y += lh
		}
		if hasSummary {
			y += 0.6
			d.rule(MarginLeft+w/2, y, max(widest/3, min(20, widest/2)))
		}
	}})
	d.space(lh * 0.8)
}
