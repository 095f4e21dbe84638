package data

import "testing"

// FuzzParsePoints: ParsePoints never panics; an accepted value is within
// [0, 1e9) points and, below 1.000 points, reads back from both its printed
// forms. Seeds are in
// testdata/fuzz/FuzzParsePoints; run longer with
//
//	go test -run '^$' -fuzz FuzzParsePoints -fuzztime 60s ./data/
func FuzzParsePoints(f *testing.F) {
	for _, s := range []string{"4,9", "4.9", "12,61", " 15 ", "0", ",5", "81,40", "1.000", "4,999", "-1", "1e3", "", "٣", "１２"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePoints(s)
		if err != nil {
			if ErrorCode(err) != EINVALID || ErrorMessage(err) == "" {
				t.Errorf("ParsePoints(%q): %v, want an EINVALID message", s, err)
			}
			return
		}
		if p < 0 || p >= P(1_000_000_000, 0) {
			t.Errorf("ParsePoints(%q) = %d, outside [0, 1e9)", s, p)
		}
		if p >= P(1000, 0) {
			// Printed, 1 000 points is "1.000": the thousands dot reads as a
			// decimal mark, so ParsePoints refuses it rather than guess. No
			// criterion is worth that much (Framework.Validate caps a max
			// at 1.000).
			return
		}
		for _, printed := range []string{p.Short(), p.String()} {
			if back, err := ParsePoints(printed); err != nil || back != p {
				t.Errorf("ParsePoints(%q) = %s; reading %q back gives %d, %v", s, p, printed, back, err)
			}
		}
	})
}

// FuzzParseScore: ParseScore never panics, accepts only values within the
// criterion's range, and every refusal names the criterion and its max.
func FuzzParseScore(f *testing.F) {
	for _, s := range []string{"4,9", "20", "20,01", "0", "-0", "21", "hai", "3.333", "1e1"} {
		f.Add(s)
	}
	c := &Criterion{Code: "1.1", Title: "Ban hành kế hoạch CCHC", Max: P(20, 0)}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseScore(c, s)
		if err != nil {
			msg := ErrorMessage(err)
			if !contains(msg, "1.1") || !contains(msg, "20") {
				t.Errorf("ParseScore(%q) refusal %q does not name the criterion and its max", s, msg)
			}
			return
		}
		if p < 0 || p > c.Max {
			t.Errorf("ParseScore(%q) = %s accepted outside 0 – 20", s, p)
		}
		if q, _ := ParsePoints(s); q != p {
			t.Errorf("ParseScore(%q) = %s, ParsePoints gives %s", s, p, q)
		}
	})
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
