package xlsx

import (
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pardesk/pardesk/data"
)

// A big sheet (the scores of a whole country's year: 3 500 units × 120
// criteria, some 450 000 rows) is written through excelize's stream
// writer: a row goes to a temporary file as soon as it is complete, so the
// workbook never holds every cell in memory as excelize's cell-by-cell API
// does (3,6 GB on such a year, more than an office PC has). The sheet
// prints and reads the same: the same cells, styles, widths, frozen
// header, row heights and page setup.
//
// The stream writes the sheet from its top, and its page setup and used
// range go before the first row: the rows above the table (title, header)
// wait until the header is written, and the sheet's last row is told in
// advance.

// streamRow is a row waiting to be written: its cells by column.
type streamRow struct {
	row   int
	cells []any // excelize.Cell, nil where the row has no cell
}

// streamState is a streamed page's writer and the rows not written yet.
type streamState struct {
	sw      *excelize.StreamWriter
	lastRow int         // the last row the sheet will have, told in advance
	pending []streamRow // rows complete but waiting for the stream to start
	cur     streamRow   // the row being filled
	rowDone func(row int)
}

// streamed makes p write through the stream writer; lastRow is the last
// row the sheet will have. rowDone, when set, is told each row written.
func (p *page) streamed(lastRow int, rowDone func(row int)) {
	p.stream = &streamState{lastRow: lastRow, rowDone: rowDone}
}

// streamSet is set for a streamed page: the cell joins its row, and the
// rows before it are written once the stream can start.
func (p *page) streamSet(col, row int, v any, style int) {
	s := p.stream
	if row < s.cur.row {
		p.error = data.Errorf(data.EINTERNAL, "dòng %d ghi sau dòng %d", row, s.cur.row)
		return
	}
	if row > s.cur.row {
		p.endRow()
		s.cur = streamRow{row: row}
	}
	p.track(col, row, v, style)
	for len(s.cur.cells) < col {
		s.cur.cells = append(s.cur.cells, nil)
	}
	value := streamValue(v)
	if old, ok := s.cur.cells[col-1].(excelize.Cell); ok && v == nil {
		value = old.Value // as set does, nil restyles the cell and keeps its value
	}
	s.cur.cells[col-1] = excelize.Cell{StyleID: style, Value: value}
}

// streamValue is the value a cell holds, as set writes it: nothing for an
// empty string or a nil pointer, points as numbers.
func streamValue(v any) any {
	switch x := v.(type) {
	case string:
		if x == "" {
			return nil
		}
		return x
	case data.Points:
		return float64(x) / data.PointsScale
	case *data.Points:
		if x == nil {
			return nil
		}
		return float64(*x) / data.PointsScale
	case data.Percent:
		return float64(x) / 100
	case time.Time:
		if x.IsZero() {
			return nil
		}
		return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC)
	}
	return v
}

// endRow closes the row being filled and writes what can be written.
func (p *page) endRow() {
	s := p.stream
	if s.cur.row == 0 {
		return
	}
	s.pending = append(s.pending, s.cur)
	s.cur = streamRow{}
	// The widths and the frozen header go before the first row: the
	// stream starts once the header row is complete.
	if s.sw == nil && (p.print.header == 0 || s.pending[len(s.pending)-1].row < p.print.header) {
		return
	}
	p.writePending()
}

// writePending starts the stream if need be and writes the waiting rows.
func (p *page) writePending() {
	s := p.stream
	if p.error != nil {
		return
	}
	if s.sw == nil {
		p.print.lastRow = max(p.print.lastRow, s.lastRow)
		if p.error = p.sheetSetup(); p.error != nil {
			return
		}
		if s.sw, p.error = p.b.f.NewStreamWriter(p.name); p.error != nil {
			return
		}
		// excelize puts each width set before those set already: the
		// last column first leaves them in the ascending order Excel
		// expects.
		for i := len(p.print.widths) - 1; i >= 0; i-- {
			if p.error = s.sw.SetColWidth(i+1, i+1, p.print.widths[i]); p.error != nil {
				return
			}
		}
		if h := p.print.header; h > 0 {
			if p.error = s.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: h, TopLeftCell: cell(1, h+1), ActivePane: "bottomLeft"}); p.error != nil {
				return
			}
		}
	}
	for _, r := range s.pending {
		var opts []excelize.RowOpts
		if h, ok := p.print.heights[r.row]; ok {
			opts = append(opts, excelize.RowOpts{Height: h})
			delete(p.print.heights, r.row)
		}
		if p.error = s.sw.SetRow(cell(1, r.row), r.cells, opts...); p.error != nil {
			return
		}
		if s.rowDone != nil {
			s.rowDone(r.row)
		}
	}
	s.pending = s.pending[:0]
}

// endStream writes the last rows, the page breaks and closes the stream.
func (p *page) endStream() error {
	s := p.stream
	p.endRow()
	if p.error == nil && (s.sw == nil || len(s.pending) > 0) {
		p.writePending()
	}
	if p.error != nil {
		return p.error
	}
	if p.print.lastRow > s.lastRow {
		return data.Errorf(data.EINTERNAL, "trang tính «%s» có %d dòng, đã báo trước %d", p.name, p.print.lastRow, s.lastRow)
	}
	for _, row := range p.print.breaks {
		if err := s.sw.InsertPageBreak(cell(1, row)); err != nil {
			return err
		}
	}
	return s.sw.Flush()
}
