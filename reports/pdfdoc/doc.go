// Package pdfdoc draws administrative documents in the national layout of
// Decree 30/2020/NĐ-CP: A4, margins 20/20/30/15 mm, Liberation Serif (metric
// twin of Times New Roman, full Vietnamese coverage), 13 pt body text, the
// two-column heading block, the title, page numbers centred in the top margin
// from page 2, tables that repeat their header on every page, and the
// closing with "Nơi nhận:" and the signature block.
//
// It is the only package of ParDesk that imports the PDF library, so a later
// swap (github.com/go-pdf/fpdf is a drop-in rename) is one import line. It
// knows nothing of storage, the user interface or scoring: a report lays out
// its body with Heading, Title, Paragraph, Section, Table and Closing, then
// calls Output.
//
// The body flows (flow.go): text, headings, tables and the closing are laid
// out into unbreakable pieces glued to what must stay with them, and placed
// on pages when the document ends, so that no heading, table header or
// group row ends a page and the closing always carries the last lines or
// table rows of the body with it.
//
// Every string passes through Clean before it reaches the PDF library (NFC,
// no characters the fonts lack, no control characters), and a panic inside
// the library is turned into the error that Output returns, so bad user text
// can never crash the program.
package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/jung-kurt/gofpdf"
)

// Page geometry of Decree 30/2020, in millimetres.
const (
	MarginTop    = 20.0
	MarginBottom = 20.0
	MarginLeft   = 30.0
	MarginRight  = 15.0
)

// Default type sizes, in points.
const (
	BodySize      = 13.0 // body text, page numbers, heading block, signatures
	TitleSize     = 14.0 // document title and summary
	TableSize     = 11.0 // table text unless the table sets its own
	RecipientSize = 11.0 // the "Nơi nhận:" list
)

const (
	family     = "LiberationSerif"
	ptToMM     = 25.4 / 72
	lineFactor = 1.2 // line height as a multiple of the font size
)

var a4 = gofpdf.SizeType{Wd: 210, Ht: 297}

// faces are the four faces of Liberation Serif.
var faces = []struct {
	style Style
	ttf   []byte
}{
	{Regular, liberationserifregular.TTF},
	{Bold, liberationserifbold.TTF},
	{Italic, liberationserifitalic.TTF},
	{BoldItalic, liberationserifbolditalic.TTF},
}

// Style is a font face of the document's family.
type Style string

// The four faces of Liberation Serif, all registered when a document starts.
const (
	Regular    Style = ""
	Bold       Style = "B"
	Italic     Style = "I"
	BoldItalic Style = "BI"
)

// Orientation of a page.
type Orientation int

// Page orientations. Decree 30 allows landscape pages for wide tables.
const (
	Portrait Orientation = iota
	Landscape
)

// Align is the horizontal alignment of text.
type Align byte

// Alignments. The zero value means the element's default (justified for
// paragraphs, left for table cells).
const (
	Left    Align = 'L'
	Center  Align = 'C'
	Right   Align = 'R'
	Justify Align = 'J'
)

// Options configure a document.
type Options struct {
	// Orientation of the first page (Portrait when zero).
	Orientation Orientation
	// BodySize is the body text size in points; 0 means 13 pt.
	BodySize float64
	// Document information shown by PDF viewers. Title is usually the
	// document's title ("Báo cáo kết quả xếp hạng ...").
	Title, Subject, Author string
	// Created fixes the creation and modification dates written into the
	// file, so that the same input renders the same bytes (tests). Zero
	// means the time of rendering.
	Created time.Time
}

// Doc is an administrative document being laid out. Its methods never
// panic: the first failure is kept and returned by Output, and later calls
// do nothing. A Doc is not safe for concurrent use.
type Doc struct {
	pdf  *gofpdf.Fpdf
	err  error
	body float64 // body size in points

	style Style
	size  float64
	done  bool

	flow []piece // laid out, not yet placed on a page (flow.go)
}

// New starts a document and adds its first page.
func New(opt Options) *Doc {
	d := &Doc{body: opt.BodySize, size: -1}
	if d.body <= 0 {
		d.body = BodySize
	}
	defer d.guard()
	p := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: a4})
	d.pdf = p
	p.SetMargins(MarginLeft, MarginTop, MarginRight)
	// Every break is decided here (tables, headings, paragraphs, closing),
	// so the library's own break never cuts a row or a signature block.
	p.SetAutoPageBreak(false, MarginBottom)
	p.SetCellMargin(0)
	p.SetCatalogSort(true)
	p.SetCreator("ParDesk", true)
	p.SetProducer("ParDesk", true)
	if opt.Title != "" {
		p.SetTitle(Clean(opt.Title), true)
	}
	if opt.Subject != "" {
		p.SetSubject(Clean(opt.Subject), true)
	}
	if opt.Author != "" {
		p.SetAuthor(Clean(opt.Author), true)
	}
	if !opt.Created.IsZero() {
		p.SetCreationDate(opt.Created)
		p.SetModificationDate(opt.Created)
	}
	// All four faces at start: a face used but not registered fails only at
	// Output time. The library parses the fonts for each document (about
	// 15 ms for the four faces), and when it cuts the subset at Output it
	// writes padding into the byte slice it was given: each document gets
	// its own copy, so documents can render concurrently and the embedded
	// fonts are never written to.
	for _, face := range faces {
		p.AddUTF8FontFromBytes(family, string(face.style), bytes.Clone(face.ttf))
	}
	p.SetHeaderFuncMode(d.pageHeader, true)
	d.setFont(Regular, d.body)
	d.addPage(opt.Orientation)
	return d
}

// pageHeader prints the page number, Arabic, regular, body size, centred in
// the top margin of every page but the first.
func (d *Doc) pageHeader() {
	n := d.pdf.PageNo()
	if n < 2 {
		return
	}
	d.pdf.SetFont(family, string(Regular), d.body)
	w, _ := d.pdf.GetPageSize()
	s := strconv.Itoa(n)
	x := MarginLeft + (w-MarginLeft-MarginRight-d.pdf.GetStringWidth(s))/2
	d.pdf.Text(x, MarginTop/2+d.body*ptToMM*0.35, s)
	// The library restores the body font after the header; keep our cache
	// honest anyway.
	d.size = -1
}

// guard turns a panic of the PDF library into the document's error. Use as
// `defer d.guard()` at the top of every exported drawing method.
func (d *Doc) guard() {
	if r := recover(); r != nil {
		d.fail(fmt.Errorf("pdfdoc: PDF library failed: %v", r))
	}
}

func (d *Doc) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// ok reports whether drawing may go on.
func (d *Doc) ok() bool {
	if d.err != nil || d.done {
		return false
	}
	if err := d.pdf.Error(); err != nil {
		d.fail(err)
		return false
	}
	return true
}

// Err returns the first error met so far, if any.
func (d *Doc) Err() error {
	if d.err == nil && d.pdf != nil {
		return d.pdf.Error()
	}
	return d.err
}

// Output finishes the document and returns the PDF file. It returns the
// first error met while drawing (the library defers many of its errors to
// this point). The document cannot be drawn on afterwards.
func (d *Doc) Output() (out []byte, err error) {
	if d.done {
		return nil, errors.New("pdfdoc: Output called twice")
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("pdfdoc: PDF library failed: %v", r)
		}
	}()
	if d.err == nil {
		func() {
			defer d.guard()
			d.flush()
		}()
	}
	if err := d.Err(); err != nil {
		return nil, err
	}
	d.done = true
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// AddPage starts a new page. Later automatic breaks (tables, paragraphs)
// keep the orientation of the page they break from.
func (d *Doc) AddPage(o Orientation) {
	defer d.guard()
	if d.ok() {
		d.flush()
		d.addPage(o)
	}
}

func (d *Doc) addPage(o Orientation) {
	s := "P"
	if o == Landscape {
		s = "L"
	}
	d.pdf.AddPageFormat(s, a4)
}

// breakPage starts a new page in the current orientation.
func (d *Doc) breakPage() {
	d.addPage(d.Orientation())
}

// Orientation returns the orientation of the current page (the page the
// flow continues on).
func (d *Doc) Orientation() Orientation {
	if w, h := d.pdf.GetPageSize(); w > h {
		return Landscape
	}
	return Portrait
}

// PageCount returns the number of pages so far, with everything added to
// the document placed.
func (d *Doc) PageCount() int {
	d.place()
	return d.pdf.PageNo()
}

// place draws what the flow holds, for the methods that report the
// position.
func (d *Doc) place() {
	defer d.guard()
	if d.ok() {
		d.flush()
	}
}

// TextWidth is the width between the margins of the current page, in mm:
// 165 mm portrait, 252 mm landscape.
func (d *Doc) TextWidth() float64 {
	w, _ := d.pdf.GetPageSize()
	return w - MarginLeft - MarginRight
}

// Y returns the vertical position on the current page, in mm from the top,
// with everything added to the document placed.
func (d *Doc) Y() float64 {
	d.place()
	return d.pdf.GetY()
}

// Remaining is the height left above the bottom margin of the current page,
// in mm, with everything added to the document placed. Placing the flow
// early takes from the closing the choice of carrying the last lines with
// it: reports keep blocks together with EnsureSpace or the keep options of
// Para and Row instead.
func (d *Doc) Remaining() float64 {
	d.place()
	return d.remaining()
}

func (d *Doc) remaining() float64 {
	_, h := d.pdf.GetPageSize()
	return h - MarginBottom - d.pdf.GetY()
}

// EnsureSpace starts a new page unless h mm are left on this one when the
// document reaches this point. Reports use it to keep a block together.
func (d *Doc) EnsureSpace(h float64) {
	defer d.guard()
	if d.ok() {
		d.add(piece{need: h})
	}
}

func (d *Doc) ensure(h float64) {
	if h > d.remaining() && d.pdf.GetY() > MarginTop+0.01 {
		d.breakPage()
	}
}

// Space moves down h mm; at the top of a page it does nothing, and it never
// goes past the bottom margin.
func (d *Doc) Space(h float64) {
	defer d.guard()
	if d.ok() {
		d.space(h)
	}
}

// MeasureText returns the width in mm of s (after Clean) in the given face
// and size (points; 0 means the body size).
func (d *Doc) MeasureText(s string, style Style, size float64) float64 {
	defer d.guard()
	if !d.ok() {
		return 0
	}
	if size <= 0 {
		size = d.body
	}
	d.setFont(style, size)
	return d.pdf.GetStringWidth(Clean(s))
}

// LineHeight is the height of one line of text of the given size, in mm.
func LineHeight(size float64) float64 { return size * lineFactor * ptToMM }

func (d *Doc) setFont(style Style, size float64) {
	if style == d.style && size == d.size {
		return
	}
	d.pdf.SetFont(family, string(style), size)
	d.style, d.size = style, size
}

// text draws s (already clean) left-aligned at x in a line box of height h
// whose top is y, with the current font.
func (d *Doc) text(x, y, h float64, s string) {
	if s == "" {
		return
	}
	d.pdf.Text(x, y+0.5*h+0.3*d.size*ptToMM, s)
}

// textAligned draws s in the box [x, x+w) with the given alignment.
func (d *Doc) textAligned(x, y, w, h float64, s string, a Align) {
	switch a {
	case Center:
		x += (w - d.pdf.GetStringWidth(s)) / 2
	case Right:
		x += w - d.pdf.GetStringWidth(s)
	}
	d.text(x, y, h, s)
}

// rule draws a horizontal rule centred on cx, w mm long, at y.
func (d *Doc) rule(cx, y, w float64) {
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(cx-w/2, y, cx+w/2, y)
}

// split wraps clean text into lines no wider than w mm in the current font.
// Explicit line breaks are kept. It never returns an empty slice.
func (d *Doc) split(s string, w float64) []string {
	if s == "" {
		return []string{""}
	}
	lines := d.pdf.SplitText(s, w)
	if len(lines) == 0 {
		return []string{""}
	}
	return lines
}
