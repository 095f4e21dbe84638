package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/progress"
)

// progressTo is how a long command (import, backup, restore, check)
// shows how far it has gone, on w (stderr): on a terminal one line
// rewritten in place a few times a second; into a file or a pipe (a log,
// a scheduled task) a line a stage and one every few seconds, once the
// work has run over a second, so a quick command prints nothing extra;
// to any other writer nothing. done ends the line.
func progressTo(w io.Writer) (p progress.Func, done func()) {
	f, ok := w.(*os.File)
	if !ok {
		return nil, func() {}
	}
	fi, err := f.Stat()
	if err != nil {
		return nil, func() {}
	}
	start := time.Now()
	terminal := fi.Mode()&os.ModeCharDevice != 0
	width := 0
	p = func(stage string, n, total int64) {
		line := stage + "… " + data.FormatCount(n)
		if total > 0 {
			line = fmt.Sprintf("%s… %d %%", stage, progress.Percent(n, total))
		}
		if terminal {
			pad := max(0, width-len([]rune(line)))
			width = len([]rune(line))
			fmt.Fprint(w, "\r"+line+strings.Repeat(" ", pad))
			return
		}
		if time.Since(start) > time.Second {
			fmt.Fprintln(w, line)
		}
	}
	interval := 5 * time.Second
	if terminal {
		interval = 200 * time.Millisecond
	}
	return progress.Every(interval, p), func() {
		if terminal && width > 0 {
			fmt.Fprint(w, "\r"+strings.Repeat(" ", width)+"\r")
		}
	}
}
