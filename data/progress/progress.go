// Package progress carries how far a long piece of work has gone (an
// import, a backup, a restore, a whole-file check, a big export) from
// the code doing it to whoever shows it: the window's progress dialog or
// the command line's line on stderr. On the decade of the whole country
// each of these takes seconds to a minute; an officer who sees nothing
// move for that long closes the program.
package progress

import (
	"io"
	"sync"
	"time"
)

// Func is told the stage under way ("Đang nén bản sao lưu") and how much
// of it is done out of total (total 0: not known). It may be called from
// any goroutine, often: it should be cheap, and a nil Func is allowed
// everywhere one is taken.
type Func func(stage string, done, total int64)

// Report calls f when it is set.
func (f Func) Report(stage string, done, total int64) {
	if f != nil {
		f(stage, done, total)
	}
}

// Every returns a Func that passes on at most one report per interval,
// the first and the last of a stage (done == total) always: what a
// display can draw without slowing the work down.
func Every(interval time.Duration, f Func) Func {
	if f == nil {
		return nil
	}
	var mu sync.Mutex
	var last time.Time
	var lastStage string
	return func(stage string, done, total int64) {
		mu.Lock()
		now := time.Now()
		pass := stage != lastStage || now.Sub(last) >= interval || (total > 0 && done >= total)
		if pass {
			last, lastStage = now, stage
		}
		mu.Unlock()
		if pass {
			f(stage, done, total)
		}
	}
}

// Writer counts the bytes written through it into a stage's progress.
type Writer struct {
	W     io.Writer
	Stage string
	Total int64
	F     Func
	done  int64
}

func (w *Writer) Write(p []byte) (int, error) {
	n, err := w.W.Write(p)
	w.done += int64(n)
	w.F.Report(w.Stage, w.done, w.Total)
	return n, err
}

// Reader counts the bytes read through it into a stage's progress.
type Reader struct {
	R     io.Reader
	Stage string
	Total int64
	F     Func
	done  int64
}

func (r *Reader) Read(p []byte) (int, error) {
	n, err := r.R.Read(p)
	r.done += int64(n)
	r.F.Report(r.Stage, r.done, r.Total)
	return n, err
}

// Percent is done out of total as a whole percentage, 0 when total is
// not known.
func Percent(done, total int64) int {
	if total <= 0 {
		return 0
	}
	return int(min(100, done*100/total))
}
