// ParDesk keeps a reform office's PAR INDEX evaluation: framework, units,
// scores, ranking and the printed reports.
//
//	pardesk [--db FILE]       the desktop window (a demo file when none exists)
//	pardesk demo --db FILE    write the demo data file
//	pardesk report ...        print a report without the window
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/pardesk/pardesk/app"
	"github.com/pardesk/pardesk/app/cli"
	"github.com/pardesk/pardesk/app/ops"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && (!strings.HasPrefix(args[0], "-") || args[0] == "-h" || args[0] == "--help") {
		attachConsole()
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	fs := flag.NewFlagSet("pardesk", flag.ExitOnError)
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	fs.Parse(args)
	if err := app.Run(*db); err != nil {
		fmt.Fprintln(os.Stderr, "pardesk:", err)
		os.Exit(1)
	}
}
