package store

import (
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
)

// A backup skips the sheets whose bytes do not name "files": true of the
// layouts sheets are written in today, JSON or compact. A layout that
// stores files otherwise must change mayHoldFiles with it.
func TestSheetsWithFilesAreNeverSkipped(t *testing.T) {
	s := data.NewSheet(2023, "DN")
	s.Scores["1.1"] = data.Score{Note: "x", Files: []data.EvidenceFile{{Name: "a.pdf", SHA256: "ab", Size: 1, Added: time.Now()}}}
	raw, err := encodeValue(s)
	if err != nil {
		t.Fatal(err)
	}
	if !mayHoldFiles(raw) {
		t.Fatalf("a stored sheet with a file (layout %#x) would be skipped by backups", raw[0])
	}
	s.Scores["1.1"] = data.Score{Note: "x"}
	if raw, _ = encodeValue(s); mayHoldFiles(raw) && (raw[0] == layoutSheet || raw[0] == '{') {
		t.Fatalf("a sheet without files is not skipped (layout %#x)", raw[0])
	}
}
