package xlsx

// SetLimits changes what an import reads, for tests of files above them;
// the returned function puts the limits back.
func SetLimits(sheet, rows, cells int) (restore func()) {
	s, r, c := maxSheet, maxRows, maxCells
	maxSheet, maxRows, maxCells = sheet, rows, cells
	return func() { maxSheet, maxRows, maxCells = s, r, c }
}
