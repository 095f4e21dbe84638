package xlsx

import (
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/gen"
)

// The import finds criteria through criteriaByCode: it must give what
// Framework.Find gives, for every code and for codes the framework lacks.
func TestCriteriaByCodeIsFind(t *testing.T) {
	f := gen.Framework(2025, 120)
	m := criteriaByCode(f)
	var codes []string
	var walk func([]data.Criterion)
	walk = func(cs []data.Criterion) {
		for _, c := range cs {
			codes = append(codes, c.Code)
			walk(c.Children)
		}
	}
	walk(f.Areas)
	if len(codes) < 120 || len(m) != len(codes) {
		t.Fatalf("%d codes, %d in the map", len(codes), len(m))
	}
	for _, code := range append(codes, "", "9.99", "1.1 ") {
		if got, want := m[code], f.Find(code); got != want {
			t.Errorf("code %q: %v, Find gives %v", code, got, want)
		}
	}
}
