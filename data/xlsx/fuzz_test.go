package xlsx_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

// FuzzImport feeds arbitrary bytes to the three importers: none may panic,
// and a refused file must leave the data file byte-for-byte as it was.
// The seeds in testdata/fuzz/FuzzImport are exports, templates and broken
// copies of them; run longer with
//
//	go test -run '^$' -fuzz FuzzImport -fuzztime 60s ./data/xlsx/
func FuzzImport(f *testing.F) {
	st := demoStore(f)
	for _, kind := range []string{xlsx.KindUnits, xlsx.KindFramework, xlsx.KindScores} {
		tpl, err := xlsx.Template(kind)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(tpl)
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, file []byte) {
		for _, imp := range []func(*store.Store, *bytes.Reader) (xlsx.Summary, error){unitsImport, frameworkImport, scoresImport} {
			before, err := os.ReadFile(st.Path())
			if err != nil {
				t.Fatal(err)
			}
			_, err = imp(st, bytes.NewReader(file))
			if err == nil {
				continue // an accepted file may change the data
			}
			if data.ErrorMessage(err) == "" {
				t.Error("a refusal without a message")
			}
			after, _ := os.ReadFile(st.Path())
			if !bytes.Equal(before, after) {
				t.Fatalf("a refused import (%s) changed the data file", data.ErrorMessage(err))
			}
		}
	})
}

func TestTemplatesImportAsEmpty(t *testing.T) {
	st := demoStore(t)
	for kind, want := range map[string]string{
		xlsx.KindUnits:     "Trang tính «Đơn vị»: không có dòng đơn vị nào dưới dòng tiêu đề",
		xlsx.KindFramework: "Trang tính «Bộ chỉ số», dòng 1, cột B: ô năm đánh giá (dòng «Năm») phải là số từ 2000 đến 2100",
		xlsx.KindScores:    "Trang tính «Điểm», dòng 1, cột B: ô năm đánh giá",
	} {
		tpl, err := xlsx.Template(kind)
		if err != nil {
			t.Fatal(err)
		}
		var imp func(*store.Store, *bytes.Reader) (xlsx.Summary, error)
		switch kind {
		case xlsx.KindUnits:
			imp = unitsImport
		case xlsx.KindFramework:
			imp = frameworkImport
		default:
			imp = scoresImport
		}
		_, err = imp(st, bytes.NewReader(tpl))
		if msg := data.ErrorMessage(err); !bytes.Contains([]byte(msg), []byte(want)) {
			t.Errorf("empty %s template: %q, want it to say %q", kind, msg, want)
		}
	}
}
