package app

// setStatus puts a message on the line under the grid's total and hides
// the line while there is none: an empty line would take a row of the
// grid on a 1024×768 screen for nothing.
func (v *scoresView) setStatus(msg string) {
	v.status.SetText(msg)
	if (msg == "") == v.status.Hidden {
		return
	}
	if msg == "" {
		v.status.Hide()
	} else {
		v.status.Show()
	}
	// The grid takes the room the line gave or takes back.
	if v.content != nil {
		v.content.Refresh()
	}
}
