package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"github.com/pardesk/pardesk/app/ops"
)

// WindowProgram is the file name of the window program, which is
// installed beside the command line.
func WindowProgram() string {
	if runtime.GOOS == "windows" {
		return "pardesk-window.exe"
	}
	return "pardesk-window"
}

// OpenWindow starts the window program beside this one with the same
// options (--db FILE) and waits for it; it returns the exit code. The
// options are checked here first, so a mistyped one is told in the
// officer's language before any window opens.
func OpenWindow(args []string, stderr io.Writer) int {
	fs := newFlags("pardesk")
	fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	if err := parse(fs, args); err != nil {
		fmt.Fprintf(stderr, "pardesk: %s\n", err)
		return 2
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "pardesk: không xác định được thư mục của chương trình: %v\n", err)
		return 1
	}
	win := filepath.Join(filepath.Dir(self), WindowProgram())
	if _, err := os.Stat(win); err != nil {
		fmt.Fprintf(stderr, "pardesk: không tìm thấy chương trình cửa sổ %s bên cạnh %s. Hãy cài lại ParDesk (hoặc chạy make build).\n", win, self)
		return 1
	}
	cmd := exec.Command(win, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, stderr
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode()
	case err != nil:
		fmt.Fprintf(stderr, "pardesk: không mở được cửa sổ chương trình %s: %v\n", win, err)
		return 1
	}
	return 0
}
