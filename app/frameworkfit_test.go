package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// formTexts are the labels and captions the criterion form shows.
func formTexts(v *frameworkView) map[string]bool {
	out := map[string]bool{}
	walkShown(v.form, func(o fyne.CanvasObject) bool {
		if t, ok := o.(*canvas.Text); ok && t.Text != "" {
			out[t.Text] = true
		}
		return true
	})
	return out
}

// Only a tỷ lệ criterion shows its tiers: for a scored criterion or an
// area no tier label stands alone above «Tài liệu kiểm chứng».
func TestFrameworkFormShowsTiersForRatesOnly(t *testing.T) {
	_, v := openFramework(t, "2023")
	for _, code := range []string{"1", "1.1", "1.5"} {
		v.pick(code)
		shown := formTexts(v)
		if !shown["Tài liệu kiểm chứng"] {
			t.Fatalf("%s: the form is not shown (%v)", code, shown)
		}
		for text := range shown {
			if strings.HasPrefix(text, "Bậc điểm") {
				t.Errorf("%s: %q shown without tiers to enter", code, text)
			}
		}
		if v.kinds.box.Visible() {
			t.Errorf("%s: the tiers take room", code)
		}
	}
	v.pick("3.3")
	if !v.kinds.box.Visible() || !v.kinds.tiers.Visible() || v.kinds.tiers.Text == "" {
		t.Errorf("3.3: tiers hidden or empty (%q)", v.kinds.tiers.Text)
	}
}
