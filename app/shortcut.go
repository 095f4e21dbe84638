package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// desktopShortcut is Ctrl+key.
type desktopShortcut struct{ key fyne.KeyName }

func (s *desktopShortcut) Key() fyne.KeyName     { return s.key }
func (s *desktopShortcut) Mod() fyne.KeyModifier { return desktop.ControlModifier }
func (s *desktopShortcut) ShortcutName() string  { return "Ctrl+" + string(s.key) }
