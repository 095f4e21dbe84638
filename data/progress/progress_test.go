package progress

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// Every passes the first report of each stage and the last (done ==
// total) however close together, and holds back the ones between.
func TestEveryPassesStagesAndEnds(t *testing.T) {
	var got []string
	f := Every(time.Hour, func(stage string, done, total int64) {
		got = append(got, fmt.Sprintf("%s:%d", stage, Percent(done, total)))
	})
	for i := range int64(11) {
		f("a", i*10, 100)
	}
	f("b", 0, 0)
	f("b", 5, 0)
	if strings.Join(got, " ") != "a:0 a:100 b:0" {
		t.Errorf("passed %v, want the first and last of a, the first of b", got)
	}
	var none Func
	none.Report("a", 1, 2) // a nil Func is allowed everywhere
	if Every(time.Second, nil) != nil {
		t.Error("Every of nil is not nil")
	}
}

// Writer and Reader count the bytes through them against the total.
func TestWriterAndReaderCount(t *testing.T) {
	var last int64
	f := func(_ string, done, _ int64) { last = done }
	w := &Writer{W: io.Discard, Stage: "ghi", Total: 10, F: f}
	w.Write([]byte("12345"))
	w.Write([]byte("678"))
	if last != 8 {
		t.Errorf("writer counted %d bytes, want 8", last)
	}
	r := &Reader{R: bytes.NewReader(make([]byte, 300)), Stage: "đọc", Total: 300, F: f}
	io.Copy(io.Discard, r)
	if last != 300 {
		t.Errorf("reader counted %d bytes, want 300", last)
	}
}
