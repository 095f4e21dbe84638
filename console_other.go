//go:build !windows

package main

// attachConsole is needed only by the Windows GUI build.
func attachConsole() {}
