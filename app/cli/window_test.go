package cli

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// The command line must not link the window's toolkit: Fyne reads the
// system locale while the program starts and reports on standard error
// what it cannot parse (LANG=C.UTF-8 on a server), and its start-up work
// would double the time of a report printed from a script.
func TestCommandLineLinksNoWindowToolkit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", "github.com/pardesk/pardesk").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.HasPrefix(pkg, "fyne.io/") || strings.Contains(pkg, "go-gl") {
			t.Errorf("the pardesk command line links %s", pkg)
		}
	}
}

// Without the window program beside it, pardesk says where it looked
// instead of failing silently.
func TestOpenWindowWithoutWindowProgram(t *testing.T) {
	var stderr bytes.Buffer
	if code := OpenWindow(nil, &stderr); code != 1 || !strings.Contains(stderr.String(), "không tìm thấy chương trình cửa sổ") {
		t.Errorf("exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := OpenWindow([]string{"--dbb", "x"}, &stderr); code != 2 || !strings.Contains(stderr.String(), "không có tùy chọn --dbb") {
		t.Errorf("mistyped option: exit %d, %q", code, stderr.String())
	}
}
