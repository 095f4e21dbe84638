package data

import (
	"testing"
	"time"
)

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{
		500:             "500 byte",
		1024:            "1 KB",
		850 * 1024:      "850 KB",
		1258291:         "1,2 MB",
		1 << 20:         "1 MB",
		12 << 20:        "12 MB",
		2_500_000_000:   "2.384 MB",
		50 << 20:        "50 MB",
		(10 << 20) - 50: "10 MB",
	} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestScoreWithFilesIsNotEmptyAndComparesByFiles(t *testing.T) {
	at := time.Date(2023, 6, 9, 14, 30, 0, 0, time.UTC)
	f := EvidenceFile{Name: "QĐ.pdf", SHA256: "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d1a2b", Size: 10, Added: at}
	a := Score{Files: []EvidenceFile{f}}
	if a.IsZero() || !(Score{}).IsZero() {
		t.Fatal("IsZero wrong")
	}
	b := Score{Files: []EvidenceFile{f}}
	b.Files[0].Added = at.In(time.FixedZone("ICT", 7*3600))
	if !a.Same(b) {
		t.Fatal("the same attachment read back in another zone is a change")
	}
	b.Files[0].Name = "khác.pdf"
	if a.Same(b) || a.Same(Score{}) {
		t.Fatal("a renamed or removed attachment is not a change")
	}
}
