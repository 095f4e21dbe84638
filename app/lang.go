package app

import (
	_ "embed"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// fyneVietnamese translates Fyne's own words (dialog buttons, the file
// dialog, entry menus), which Fyne ships in fourteen languages but not
// Vietnamese.
//
//go:embed assets/fyne.vi.json
var fyneVietnamese []byte

// translateFyne registers the translation for Vietnamese and also over
// English, the language Fyne falls back to: offices often run an English
// Windows, and an officer should see "Lưu" and "Hủy" in the save dialog
// whatever the PC's language setting. It runs when the window is built,
// not at program start: registering makes Fyne read the system locale,
// which it reports on standard error when the locale is C or unset, and
// the command line must print nothing but its own Vietnamese.
func translateFyne() {
	translateOnce.Do(func() {
		for _, l := range []fyne.Locale{"vi", "en"} {
			if err := lang.AddTranslationsForLocale(fyneVietnamese, l); err != nil {
				fyne.LogError("Vietnamese translation of Fyne", err)
			}
		}
	})
}

var translateOnce sync.Once
