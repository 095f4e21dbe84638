package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A quick backup, check or restore prints its result and nothing more:
// the progress line is for work that lasts, on a terminal or in a log
// once past a second, never in a script's output of a small file.
func TestQuickWorkPrintsNoProgress(t *testing.T) {
	db := demoDB(t)
	errFile, err := os.Create(filepath.Join(t.TempDir(), "stderr.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer errFile.Close()
	for _, args := range [][]string{{"backup", "--db", db}, {"check", "--db", db}} {
		var out bytes.Buffer
		if code := Run(args, &out, errFile); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, out.String())
		}
		if !strings.HasPrefix(out.String(), "Đã sao lưu") && !strings.Contains(out.String(), "nguyên vẹn") {
			t.Errorf("%v printed %q", args, out.String())
		}
	}
	if b, _ := os.ReadFile(errFile.Name()); len(b) != 0 {
		t.Errorf("stderr of quick work: %q", b)
	}
	if p, _ := progressTo(&bytes.Buffer{}); p != nil {
		t.Error("progress reported to a writer that is neither a terminal nor a file")
	}
}
