package store_test

import (
	"os"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// The command line's reports open the file for reading only: the file and
// its folder are left exactly as they were, a write is refused, and a
// file of an older layout is sent to the window for its upgrade instead
// of being upgraded behind a report.
func TestOpenReadingLeavesFileAlone(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2023}, map[string]string{"A": "Phường An"})
	s.Close()
	before := fileBytes(t, path)

	r, err := store.OpenReading(path)
	if err != nil {
		t.Fatal(err)
	}
	view(t, r, func(tx *store.Tx) error {
		u, err := tx.Unit("A")
		if u.Name != "Phường An" {
			t.Errorf("unit A reads %+v", u)
		}
		return err
	})
	if _, err := os.Stat(path + ".dang-mo"); err == nil {
		t.Error("reading left an open marker beside the file")
	}
	if err := r.Update(func(tx *store.Tx) error { return tx.PutGroup(data.Group{ID: "x", Name: "X"}) }); err == nil {
		t.Error("a write through a reading store was accepted")
	}
	r.Close()
	sameFile(t, path, before)

	setSchema(t, path, store.SchemaVersion-1)
	before = fileBytes(t, path)
	_, err = store.OpenReading(path)
	wantError(t, err, data.EINVALID, path, "cửa sổ ParDesk", "nâng cấp")
	sameFile(t, path, before)

	_, err = store.OpenReading(path + ".khong-co")
	wantError(t, err, data.ENOTFOUND, "Không tìm thấy tệp dữ liệu")
}
