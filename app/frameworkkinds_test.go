package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// The editor shows and saves a leaf's input kind, "có thể không áp dụng"
// and a rate's tiers; new tiers rework the points of the counts already
// entered; what the kind or the scores cannot take is refused by name.
func TestFrameworkEditsInputKinds(t *testing.T) {
	ui, v := openFramework(t, "2023")
	v.pick("3.3")
	if v.kinds.input.Selected != "Tỷ lệ" || v.kinds.tiers.Text != "100%=8; 90%=6,5; 80%=5; 0%=0" || !v.kinds.tiers.Visible() {
		t.Fatalf("3.3 shows kind %q tiers %q", v.kinds.input.Selected, v.kinds.tiers.Text)
	}
	if got := v.kinds.tierRows.Text; !strings.Contains(got, "Từ 90 % → 6,5 điểm") {
		t.Errorf("tier rows %q", got)
	}
	// Which units have 6,5 on 3.3 now: they get 7 with the new tier.
	before := storedSheets(t, ui, 2023)
	v.kinds.tiers.SetText("")
	test.Type(v.kinds.tiers, "100%=8; 90%=7; 80%=5; 0%=0")
	if !v.dirty() {
		t.Error("changed tiers do not count as an unsaved change")
	}
	v.saveNode()
	if f := storedFramework(t, ui, 2023); data.FormatTiers(f.Find("3.3").Tiers) != "100%=8; 90%=7; 80%=5; 0%=0" {
		t.Fatalf("stored tiers %q (%s)", data.FormatTiers(f.Find("3.3").Tiers), v.status.Text)
	}
	moved := 0
	for code, s := range storedSheets(t, ui, 2023) {
		if was := before[code].Appraised("3.3"); was == data.P(6, 50) {
			moved++
			if got := s.Appraised("3.3"); got != data.P(7, 0) {
				t.Errorf("%s: 3.3 was 6,5, now %s with the 90 %% tier at 7", code, got)
			}
		}
	}
	if moved == 0 {
		t.Error("fixture: no demo unit had 6,5 on 3.3")
	}

	// May not apply on 1.1; the table says so.
	v.pick("1.1")
	v.kinds.mayNA.SetChecked(true)
	v.saveNode()
	if !storedFramework(t, ui, 2023).Find("1.1").MayNotApply {
		t.Errorf("1.1 not marked: %q", v.status.Text)
	}
	if row := v.table.rows[indexOf(v.codes, "1.1")][1]; !strings.Contains(row, "có thể KAD") {
		t.Errorf("table row of 1.1 %q", row)
	}

	// Refusals: tiers that do not read, and đạt / không đạt on a
	// criterion whose entered scores are neither.
	v.pick("3.3")
	v.kinds.tiers.SetText("80%")
	v.saveNode()
	if msg := v.status.Text; !strings.Contains(msg, "Bậc điểm của tiêu chí 3.3") || !strings.Contains(msg, "«100%=8; 80%=4; 0%=0»") {
		t.Errorf("bad tiers: %q", msg)
	}
	v.pick("7.4")
	v.kinds.input.SetSelected("Đạt/Không đạt")
	v.saveNode()
	if msg := v.status.Text; !strings.Contains(msg, "không còn hợp lệ") || !strings.Contains(msg, "7.4") || !strings.Contains(msg, "Đạt") {
		t.Errorf("đạt / không đạt over partial scores: %q", msg)
	}
	if storedFramework(t, ui, 2023).Find("7.4").Input != data.InputPoints {
		t.Error("a refused change was stored")
	}
	// An area is not answered: its fields do not take typing.
	v.pick("1")
	if !v.kinds.input.Disabled() || !v.kinds.mayNA.Disabled() {
		t.Error("an area's kind fields take typing")
	}
}

func storedSheets(t *testing.T, ui *UI, year int) map[string]*data.Sheet {
	t.Helper()
	var out map[string]*data.Sheet
	if err := ui.store.View(func(tx *store.Tx) (err error) { out, err = tx.Sheets(year); return err }); err != nil {
		t.Fatal(err)
	}
	return out
}

func indexOf(codes []string, code string) int {
	for i, c := range codes {
		if c == code {
			return i
		}
	}
	return -1
}
