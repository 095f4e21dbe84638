package store_test

import (
	"sync"
	"testing"

	"github.com/pardesk/pardesk/data/store"
)

// Opening, backing up and restoring tell how far they have gone: the
// whole check page by page up to every page, the backup by the bytes
// written against the file's size, the restore by the backup unpacked.
func TestLongWorkReportsProgress(t *testing.T) {
	path := demoFile(t, nil)
	var mu sync.Mutex
	last := map[string][2]int64{}
	p := func(stage string, done, total int64) {
		mu.Lock()
		defer mu.Unlock()
		last[stage] = [2]int64{done, total}
	}
	seen := func(what, stage string) {
		t.Helper()
		mu.Lock()
		defer mu.Unlock()
		if got := last[stage]; got[1] == 0 || got[0] == 0 || got[0] > got[1] {
			t.Errorf("%s: stage %q reported %v, want some of a known total", what, stage, got)
		}
		clear(last)
	}
	s, err := store.OpenProgress(path, p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	seen("open", "Đang kiểm tra toàn bộ tệp")
	b, err := s.BackupProgress(store.ReasonManual, p)
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	if w := last["Đang ghi bản sao lưu (nén)"]; w[0] != w[1] {
		t.Errorf("backup wrote %d of %d bytes", w[0], w[1])
	}
	mu.Unlock()
	seen("backup", "Đang ghi bản sao lưu (nén)")
	if _, err := s.RestoreProgress(b.Path, p); err != nil {
		t.Fatal(err)
	}
	seen("restore", "Đang giải nén bản sao lưu")
}
