package store_test

import (
	"errors"
	"os"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// UpdateGrowing extends the file ahead of a big transaction, puts it back
// when the transaction fails, and leaves a file that opens and checks
// whole.
func TestUpdateGrowing(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2022}, map[string]string{"DN": "Phường Đức Nghĩa"})
	size := func() int64 {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	before := size()
	refused := errors.New("refused")
	err := s.UpdateGrowing(8<<20, func(tx *store.Tx) error {
		if size() < 8<<20 {
			t.Errorf("file not extended ahead: %d bytes", size())
		}
		return refused
	})
	if err != refused || size() != before {
		t.Fatalf("failed transaction: %v, file %d bytes, was %d", err, size(), before)
	}
	err = s.UpdateGrowing(4<<20, func(tx *store.Tx) error {
		tx.SetReason("Nhập từ Excel")
		return tx.SetScore(2022, "DN", "1.1", data.Score{Self: pts("18"), Appraised: pts("15")})
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := store.Check(path); err != nil {
		t.Fatalf("check after a grown transaction: %v", err)
	}
	s = open(t, path)
	view(t, s, func(tx *store.Tx) error {
		sh, err := tx.Sheet(2022, "DN")
		if err == nil && sh.Appraised("1.1") != data.P(15, 0) {
			t.Errorf("score not kept: %+v", sh.Scores)
		}
		return err
	})
}
