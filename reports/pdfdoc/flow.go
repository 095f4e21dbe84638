package pdfdoc

// The body of a document flows: Para, Section, Title, Table, Space,
// EnsureSpace, Closing and Signatures do not draw at once but lay their
// content out into pieces (a line of a paragraph, a heading, a table's
// header, a table row, the closing) that are placed on pages later, when
// the document is finished or a method needs the real position. Knowing
// what follows is what lets a heading, a table header or a group row stay
// with the row under it, and the closing carry the last lines of text or
// the last rows of a table to the next page instead of standing alone.

// piece is a unit of the flow that never splits across pages.
type piece struct {
	h    float64
	draw func() // draws the piece at the current position
	// glue forbids a page break between this piece and the next
	// non-spacer piece.
	glue bool
	// spacer is vertical space: dropped at the top of a page, cut short
	// at its foot, never a reason to break.
	spacer bool
	// need, on a piece of no height, breaks the page unless need mm are
	// left (EnsureSpace).
	need float64
	// table, on a row, is the table whose header is drawn again when the
	// page breaks before the row; head marks the header itself.
	table *tableLayout
	head  bool
	// row marks a table row (for the closing, which carries the last rows).
	row bool
}

// add appends pieces to the flow.
func (d *Doc) add(ps ...piece) { d.flow = append(d.flow, ps...) }

// space adds h mm of vertical space to the flow.
func (d *Doc) space(h float64) {
	if h > 0 {
		d.add(piece{h: h, spacer: true})
	}
}

// lastPiece returns the index of the last piece that is not a spacer or a
// page check, or -1.
func (d *Doc) lastPiece(before int) int {
	for i := before - 1; i >= 0; i-- {
		if p := d.flow[i]; !p.spacer && p.draw != nil {
			return i
		}
	}
	return -1
}

// keepTail glues the end of the flow to what comes next: the last piece,
// and when it is a table row the row before it too, so that what follows
// (a note under a table, the closing) never starts a page alone.
func (d *Doc) keepTail() {
	i := d.lastPiece(len(d.flow))
	if i < 0 {
		return
	}
	d.flow[i].glue = true
	if !d.flow[i].row {
		return
	}
	if j := d.lastPiece(i); j >= 0 && d.flow[j].row && d.flow[j].table == d.flow[i].table {
		d.flow[j].glue = true
	}
}

// keepLines glues the end of the flow to what comes next over at least n
// lines of text (a table row counts for two): the closing carries that
// much of the body with it, so that a short last sentence ("Trên đây là
// ...") does not go alone with it to the last page.
func (d *Doc) keepLines(n int) {
	i := len(d.flow)
	for n > 0 {
		if i = d.lastPiece(i); i < 0 {
			return
		}
		p := &d.flow[i]
		p.glue = true
		switch {
		case p.head:
			return
		case p.row:
			n -= 2
		default:
			n--
		}
	}
}

// atTop reports whether nothing has been drawn on the current page yet.
func (d *Doc) atTop() bool { return d.pdf.GetY() <= MarginTop+0.01 }

// flush places the pieces of the flow on pages and draws them.
func (d *Doc) flush() { d.flushWith(0) }

// flushWith is flush when next mm drawn right after the flow must stay on
// the page of the flow's last piece if that piece is glued.
func (d *Doc) flushWith(next float64) {
	ps := d.flow
	d.flow = nil
	for i := range ps {
		if !d.ok() {
			return
		}
		p := &ps[i]
		switch {
		case p.spacer:
			if !d.atTop() {
				d.pdf.SetXY(MarginLeft, d.pdf.GetY()+min(p.h, max(d.remaining(), 0)))
			}
			continue
		case p.draw == nil:
			if p.need > d.remaining() && !d.atTop() {
				d.breakPage()
			}
			continue
		}
		// The piece and all pieces glued to it must fit, or the page
		// breaks before it.
		need, glued := 0.0, true
		for j := i; j < len(ps) && glued; j++ {
			q := &ps[j]
			if q.draw == nil && !q.spacer {
				continue
			}
			need += q.h
			glued = q.spacer || q.glue
		}
		if glued {
			need += next
		}
		if need > d.remaining() && !d.atTop() {
			d.breakPage()
			if p.table != nil && !p.head {
				d.drawHeader(p.table)
			}
		}
		y := d.pdf.GetY()
		d.pdf.SetXY(MarginLeft, y)
		p.draw()
		d.pdf.SetXY(MarginLeft, y+p.h)
	}
}
