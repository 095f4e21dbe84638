package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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

// valueField shows an input while its value may be changed, and the value
// as selectable text in the normal colour while it is read-only: Fyne
// draws a disabled entry's text and border in the disabled grey, and a
// theme that recolours the grey would draw the border in the text colour.
type valueField struct {
	box   *fyne.Container
	input fyne.CanvasObject
	label *widget.Label
	text  func() string
}

func newValueField(input fyne.CanvasObject, text func() string) *valueField {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Selectable = true
	l.Hide()
	return &valueField{box: container.NewStack(input, l), input: input, label: l, text: text}
}

// entryField is an entry's value field.
func entryField(e *widget.Entry) *valueField {
	return newValueField(e, func() string { return e.Text })
}

// setReadOnly shows the input, or its current value as text.
func (f *valueField) setReadOnly(ro bool) {
	f.label.SetText(f.text())
	if ro {
		f.input.Hide()
		f.label.Show()
	} else {
		f.label.Hide()
		f.input.Show()
	}
	f.box.Refresh()
}
