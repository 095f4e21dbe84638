package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/progress"
)

// progressDialog shows a long piece of work (an import, a backup, a
// restore, a big export): its title, the stage under way and how much
// of it is done, as a bar when the total is known and as a count with a
// moving bar when it is not. On the decade of the whole country these
// take from seconds to a minute.
type progressDialog struct {
	d     *dialog.CustomDialog
	stage *widget.Label
	bar   *widget.ProgressBar
	busy  *widget.ProgressBarInfinite
}

func (ui *UI) showProgress(title string) *progressDialog {
	p := &progressDialog{
		stage: widget.NewLabel("Đang chuẩn bị…"),
		bar:   widget.NewProgressBar(),
		busy:  widget.NewProgressBarInfinite(),
	}
	p.bar.Hide()
	p.d = dialog.NewCustomWithoutButtons(title, container.NewPadded(container.NewVBox(p.stage, container.NewStack(p.bar, p.busy))), ui.win)
	p.d.Resize(fyne.NewSize(480, 150))
	p.d.Show()
	return p
}

// report is what the work calls, from its own goroutine: the dialog is
// updated on the UI thread, at most ten times a second.
func (p *progressDialog) report() progress.Func {
	return progress.Every(100*time.Millisecond, func(stage string, done, total int64) {
		fyne.Do(func() { p.show(stage, done, total) })
	})
}

func (p *progressDialog) show(stage string, done, total int64) {
	if total > 0 {
		p.stage.SetText(fmt.Sprintf("%s: %d %%", stage, progress.Percent(done, total)))
		p.bar.SetValue(float64(done) / float64(total))
		p.busy.Stop()
		p.busy.Hide()
		p.bar.Show()
		return
	}
	if done > 0 {
		p.stage.SetText(stage + ": " + data.FormatCount(done))
	} else {
		p.stage.SetText(stage + "…")
	}
	p.bar.Hide()
	p.busy.Show()
	p.busy.Start()
}

func (p *progressDialog) close() {
	p.busy.Stop()
	p.d.Hide()
}
