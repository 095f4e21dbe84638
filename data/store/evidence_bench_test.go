package store_test

import (
	"bytes"
	"testing"

	"github.com/pardesk/pardesk/data/store"
)

// BenchmarkEvidenceHashes measures what a backup adds to list the
// evidence files a province's file references (1 020 sheets of 120
// scores, one of them with a file), in CPU time.
func BenchmarkEvidenceHashes(b *testing.B) {
	if testing.Short() {
		b.Skip("a province file under -short")
	}
	s := benchProvince(b)
	if _, err := s.AttachEvidence(2025, "G0U0", "1.1", "a.pdf", bytes.NewReader(pdfBytes("x"))); err != nil {
		b.Fatal(err)
	}
	start := store.CPUTime()
	for b.Loop() {
		hs, err := s.EvidenceHashes()
		if err != nil || len(hs) != 1 {
			b.Fatalf("%v %v", hs, err)
		}
	}
	b.ReportMetric(float64(store.CPUTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}
