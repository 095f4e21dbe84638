package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// A locked year's scores and a finished visit's answers are read all day:
// they keep the normal text colour instead of the disabled grey, and
// their fields lose the input background and border, so they read as
// values rather than as switched-off boxes.

// Disabled reports the cell as not editable while its year is locked; the
// cell is then not focused and takes no typing, but its text is drawn as
// an enabled entry's (Fyne draws a disabled entry's text in grey).
func (e *gridEntry) Disabled() bool {
	return e.grid.locked || e.Entry.Disabled()
}

// readOnlyIf puts o under the read-only look when ro is set.
func readOnlyIf(ro bool, o fyne.CanvasObject) fyne.CanvasObject {
	if !ro {
		return o
	}
	return container.NewThemeOverride(o, readOnlyTheme{base: theme.DefaultTheme()})
}

// readOnlyTheme is the program's theme with the inputs' background and
// border made transparent, and disabled text in the normal text colour.
// It keeps its base: inside the override t.base is the override.
type readOnlyTheme struct{ base fyne.Theme }

func (t readOnlyTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameInputBackground, theme.ColorNameInputBorder:
		return color.Transparent
	case theme.ColorNameDisabled:
		return t.base.Color(theme.ColorNameForeground, v)
	}
	return t.base.Color(n, v)
}

func (t readOnlyTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

func (t readOnlyTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

func (t readOnlyTheme) Size(n fyne.ThemeSizeName) float32 { return t.base.Size(n) }
