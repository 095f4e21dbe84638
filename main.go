// ParDesk keeps a reform office's PAR INDEX evaluation: framework, units,
// scores, ranking and the printed reports.
//
//	pardesk [--db FILE]       the desktop window (a demo file when none exists)
//	pardesk demo --db FILE    write the demo data file
//	pardesk report ...        print a report without the window
//
// This program is the command line. It links no part of the window's
// toolkit, so a report starts as fast as a plain PDF program and prints
// nothing but its own Vietnamese; asked for the window, it starts the
// window program installed beside it (cmd/pardesk-window).
package main

import (
	"os"
	"strings"

	"github.com/pardesk/pardesk/app/cli"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && (!strings.HasPrefix(args[0], "-") || args[0] == "-h" || args[0] == "--help") {
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	os.Exit(cli.OpenWindow(args, os.Stderr))
}
