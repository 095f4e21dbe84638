package pack

import (
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
)

func TestPlanSelfPackageSpeaksForItsUnitOnly(t *testing.T) {
	f := &data.Framework{Year: 2024, Areas: []data.Criterion{{Code: "1", Title: "Chỉ đạo", Children: []data.Criterion{{Code: "1.1", Title: "Kế hoạch", Max: data.P(3, 0)}}}}, Bands: data.DefaultBands()}
	units := map[string]data.Unit{"NBI": {Code: "NBI", Name: "Huyện Nguyên Bình"}, "HAN": {Code: "HAN", Name: "Huyện Hà An"}}
	three := data.P(3, 0)
	sheet := func(u string) data.Sheet {
		return data.Sheet{Year: 2024, Unit: u, Scores: map[string]data.Score{"1.1": {Self: &three}}}
	}
	s := State{Framework: f, Units: units, Sheets: map[string]*data.Sheet{}}
	for _, c := range []struct {
		sender string
		units  []string
		ok     bool
	}{
		{"Huyện Nguyên Bình (NBI)", []string{"NBI"}, true},
		{"Huyện Nguyên Bình (NBI)", []string{"HAN"}, false},
		{"Huyện Nguyên Bình (NBI)", []string{"NBI", "HAN"}, false},
	} {
		var sheets []data.Sheet
		for _, u := range c.units {
			sheets = append(sheets, sheet(u))
		}
		m := Manifest{Kind: KindSelf, Year: 2024, Sender: Sender{Name: c.sender}, Units: c.units}
		p, err := MakePlan(m, "", Content{Sheets: sheets}, s)
		if c.ok && (err != nil || p.Count(Change) != 1) {
			t.Errorf("%s for %v: %v", c.sender, c.units, err)
		}
		if !c.ok && (err == nil || !strings.Contains(data.ErrorMessage(err), "đúng một đơn vị")) {
			t.Errorf("%s for %v accepted: %v", c.sender, c.units, err)
		}
	}
}
