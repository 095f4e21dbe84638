// Command pardesk-window is ParDesk's desktop window. Officers start it
// from the Start menu or desktop shortcut, or as `pardesk` with no
// command; the command line (`pardesk report …`) is the separate pardesk
// program, which needs none of the window's libraries.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/pardesk/pardesk/app"
	"github.com/pardesk/pardesk/app/ops"
)

func main() {
	fs := flag.NewFlagSet("pardesk-window", flag.ExitOnError)
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	fs.Parse(os.Args[1:])
	if err := app.Run(*db); err != nil {
		fmt.Fprintln(os.Stderr, "pardesk:", err)
		os.Exit(1)
	}
}
