package data

import (
	"fmt"
	"testing"
	"time"
)

// An empty sheet and a sheet with only notes and self scores are not
// ranked: they come last as "chưa chấm", and the others keep their ranks
// with the ties of the domain guide (1, 2, 2, 4).
func TestUnscoredSheetsAreNotRanked(t *testing.T) {
	f := exampleAFramework(2023)
	sheets := map[string]*Sheet{}
	var units []Unit
	for i, total := range []int64{90, -1, 80, 80, -2, 70} {
		u := Unit{Code: fmt.Sprint("U", i), Name: fmt.Sprint("Đơn vị ", i)}
		units = append(units, u)
		switch total {
		case -1:
			sheets[u.Code] = NewSheet(2023, u.Code) // empty
		case -2:
			s := NewSheet(2023, u.Code)
			self := P(10, 0)
			s.Scores["1.1"] = Score{Self: &self, Note: "Chưa thẩm định"}
			sheets[u.Code] = s
		default:
			sheets[u.Code] = spread(f, u.Code, total)
		}
	}
	rs := RankGroup(f, units, sheets)
	got := ""
	for _, r := range rs {
		got += fmt.Sprintf("%s:%d:%s ", r.Unit.Code, r.Rank, r.RatingLabel())
	}
	if want := "U0:1:Tốt U2:2:Khá U3:2:Khá U5:4:Khá U1:0:chưa chấm U4:0:chưa chấm "; got != want {
		t.Errorf("ranking %q, want %q", got, want)
	}
	if n := Ranked(rs); n != 4 {
		t.Errorf("Ranked = %d, want 4", n)
	}
	// An unscored unit has no rank change even if it was ranked last year.
	prev := []Result{{Unit: Unit{Code: "U1"}, Rank: 3}}
	SetPrevious(rs, prev)
	if rs[4].RankChangeLabel() != "" {
		t.Errorf("unscored unit's change %q, want none", rs[4].RankChangeLabel())
	}
	// Nor do they count as losing every point.
	for _, lp := range LostPoints(f, units, sheets) {
		for _, ul := range lp.Units {
			if ul.Unit.Code == "U1" || ul.Unit.Code == "U4" {
				t.Fatalf("unscored unit %s counted in lost points of %s", ul.Unit.Code, lp.Code)
			}
		}
	}
}

func TestRankChangeOfReorganisedUnits(t *testing.T) {
	merged := Unit{Code: "HN", Formed: ReorgMerge, Predecessors: []string{"HAN", "NBI"}}
	split := Unit{Code: "B2", Formed: ReorgSplit, Predecessors: []string{"B"}}
	cases := []struct {
		r    Result
		want string
	}{
		{Result{Unit: merged, Rank: 2, FormedFrom: []string{"Huyện Hòa An", "Huyện Nguyên Bình"}}, "đơn vị mới (hợp nhất từ Huyện Hòa An, Huyện Nguyên Bình)"},
		{Result{Unit: merged, Rank: 2}, "đơn vị mới (hợp nhất từ HAN, NBI)"},
		{Result{Unit: split, Rank: 1, FormedFrom: []string{"Xã B"}}, "đơn vị mới (tách từ Xã B)"},
		// A unit that absorbed others keeps its code and its own rank.
		{Result{Unit: merged, Rank: 2, PrevRank: 5}, "tăng 3 bậc"},
		{Result{Unit: merged, Unscored: true}, ""},
	}
	for _, c := range cases {
		if got := c.r.RankChangeLabel(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.r, got, c.want)
		}
	}
}

func TestUnitHistory(t *testing.T) {
	on := time.Date(2025, 7, 1, 0, 0, 0, 0, time.Local)
	names := map[string]string{"A": "Xã A", "B": "Xã B", "C": "Xã C"}
	c := Unit{Code: "C", Formed: ReorgMerge, Predecessors: []string{"A", "B"}, Since: on}
	if got, want := c.History(names), "Hợp nhất từ Xã A, Xã B ngày 01/07/2025"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	a := Unit{Code: "A", Successors: []string{"C"}, Ended: on}
	if got, want := a.History(names), "Hợp nhất vào Xã C ngày 01/07/2025"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got := (Unit{Code: "X"}).History(names); got != "" {
		t.Errorf("%q, want none", got)
	}
}
