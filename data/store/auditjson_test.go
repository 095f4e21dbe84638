package store

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
)

// encodeAudit writes what json.Marshal writes, byte for byte.
func TestEncodeAuditIsJSONMarshal(t *testing.T) {
	tx := &Tx{}
	texts := []string{"", "Nguyễn Văn An", "1.1 · Thẩm định", "a<b>&c", "tab\tnew\nline\r\"q\" \\", "\b\f\x00\x1f\x7f", "bad \xff utf8", "sep \u2028 \u2029", "😀 ngoài BMP", "4,9"}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func() string { return texts[rng.IntN(len(texts))] }
	zones := []*time.Location{time.UTC, time.FixedZone("ICT", 7*3600), time.FixedZone("odd", -(3*3600 + 30*60))}
	for i := range 2000 {
		e := data.AuditEntry{
			Seq: rng.Uint64() >> rng.IntN(64), At: time.Unix(rng.Int64N(4e9), rng.Int64N(1e9)*int64(i%2)).In(zones[i%3]),
			Officer: pick(), Kind: pick(), Year: rng.IntN(3) * 2023, Unit: pick(), Item: pick(), Old: pick(), New: pick(), Reason: pick(),
		}
		want, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := tx.encodeAudit(e)
		if err != nil || string(got) != string(want) {
			t.Fatalf("entry %+v:\n got %s\nwant %s", e, got, want)
		}
	}
}
