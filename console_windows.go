//go:build windows

package main

import (
	"os"
	"syscall"
)

// attachConsole lets the command line print to the cmd.exe window it was
// started from. The Windows build is a GUI program (linked with
// -H=windowsgui, so no console flashes behind the window an officer
// opens); without this, `pardesk report …` would print nothing.
func attachConsole() {
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	r, _, _ := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole").Call(attachParentProcess)
	if r == 0 {
		return // started from Explorer: there is no console to print to
	}
	if out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = out, out
	}
}
