package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// BenchmarkDecadeStartWindow opens the decade file of the whole country
// (data/gen's benchmarks build it) and builds the window over it as a
// start does, up to the first screen shown (the ranking of the open
// year): the part of "start to first window" that is ParDesk's, without
// the graphics driver. Skipped unless PARDESK_BIG=1 and the file exists.
func BenchmarkDecadeStartWindow(b *testing.B) {
	path := filepath.Join(os.TempDir(), "pardesk-decade", "decade.db")
	if _, err := os.Stat(path); testing.Short() || os.Getenv("PARDESK_BIG") == "" || err != nil {
		b.Skip("needs the decade file: PARDESK_BIG=1 go test -run '^$' -bench Decade ./data/gen/ builds it, then PARDESK_BIG=1 go test -run '^$' -bench DecadeStartWindow -benchtime 5x ./app/")
	}
	test.NewTempApp(b)
	var open, window time.Duration
	for b.Loop() {
		t0 := time.Now()
		st, err := store.Open(path)
		if err != nil {
			b.Fatal(data.ErrorMessage(err))
		}
		t1 := time.Now()
		w := test.NewWindow(nil)
		ui := New(st, w)
		w.SetContent(ui.Content())
		w.Resize(fyne.NewSize(1366, 768))
		if ui.sections[ui.current].title != SectionRanking || len(ui.ranking.input.Results) == 0 {
			b.Fatalf("opened on %s, want the ranking", ui.sections[ui.current].title)
		}
		t2 := time.Now()
		open, window = open+t1.Sub(t0), window+t2.Sub(t1)
		w.Close()
		st.Close()
	}
	b.ReportMetric(float64(open.Milliseconds())/float64(b.N), "open-ms")
	b.ReportMetric(float64(window.Milliseconds())/float64(b.N), "window-ms")
}
