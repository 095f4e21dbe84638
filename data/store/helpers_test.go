package store_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// dataPath is a data file in a folder that does not exist yet, with
// Vietnamese in the path as on an officer's PC.
func dataPath(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "Tài liệu", "ParDesk", "dulieu.pardesk")
}

// open opens path and closes the store at the end of the test (closing
// twice is harmless, so tests may close it earlier).
func open(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func update(t *testing.T, s *store.Store, fn func(tx *store.Tx) error) {
	t.Helper()
	if err := s.Update(fn); err != nil {
		t.Fatalf("Update: %v", err)
	}
}

func view(t *testing.T, s *store.Store, fn func(tx *store.Tx) error) {
	t.Helper()
	if err := s.View(fn); err != nil {
		t.Fatalf("View: %v", err)
	}
}

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sameFile(t *testing.T, path string, before []byte) {
	t.Helper()
	if !bytes.Equal(fileBytes(t, path), before) {
		t.Errorf("%s changed, want it byte-for-byte as before", path)
	}
}

// wantError checks the error code and that the officer's message says what
// it must.
func wantError(t *testing.T, err error, code string, says ...string) {
	t.Helper()
	if got := data.ErrorCode(err); got != code {
		t.Fatalf("error code %q (%v), want %q", got, err, code)
	}
	for _, s := range says {
		if !strings.Contains(data.ErrorMessage(err), s) {
			t.Errorf("message %q does not say %q", data.ErrorMessage(err), s)
		}
	}
}

func pts(s string) *data.Points {
	p, err := data.ParsePoints(s)
	if err != nil {
		panic(err)
	}
	return &p
}

// framework is a small framework on 100 points: area 1 with criteria 1.1
// (max 20) and 1.2 (max 30), area 2 a single criterion (max 50).
func framework(year int) *data.Framework {
	return &data.Framework{Year: year, Title: "Bộ chỉ số CCHC cấp xã", Areas: []data.Criterion{
		{Code: "1", Title: "Công tác chỉ đạo, điều hành", Children: []data.Criterion{
			{Code: "1.1", Title: "Ban hành kế hoạch CCHC", Max: data.P(20, 0)},
			{Code: "1.2", Title: "Thực hiện kế hoạch CCHC", Max: data.P(30, 0)},
		}},
		{Code: "2", Title: "Cải cách thủ tục hành chính", Max: data.P(50, 0)},
	}}
}

// seed stores the framework of each year, the group "phuong" of wards and
// the group "xa" of communes, each unit given by code and name.
func seed(t *testing.T, s *store.Store, years []int, wards map[string]string) {
	t.Helper()
	update(t, s, func(tx *store.Tx) error {
		for _, y := range years {
			if err := tx.PutFramework(framework(y)); err != nil {
				return err
			}
		}
		for _, g := range []data.Group{{ID: "phuong", Name: "Các phường"}, {ID: "xa", Name: "Các xã", Order: 1}} {
			if err := tx.PutGroup(g); err != nil {
				return err
			}
		}
		for code, name := range wards {
			if err := tx.PutUnit(data.Unit{Code: code, Name: name, Kind: data.KindWard, GroupID: "phuong"}); err != nil {
				return err
			}
		}
		return nil
	})
}

// openBackup opens the data of a backup (compressed or not) from a copy
// in a temporary folder; the store is closed at the end of the test.
func openBackup(t *testing.T, path string) *store.Store {
	t.Helper()
	cp, err := store.UnpackBackup(path, t.TempDir())
	if err != nil {
		t.Fatalf("unpacking %s: %v", path, err)
	}
	return open(t, cp)
}
