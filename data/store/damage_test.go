package store_test

import (
	"bytes"
	"encoding/binary"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
	"go.etcd.io/bbolt"
)

const pageSize = 4096 // bbolt's page size: the OS page size here

var demoBytes = sync.OnceValues(func() ([]byte, error) { return fileOf(demo.Write) })

// fileOf writes a data file with fill in a temporary folder and returns
// its bytes, for the damage tests to copy and break.
func fileOf(fill func(*store.Store) error) ([]byte, error) {
	dir, err := os.MkdirTemp("", "pardesk-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "pardesk.db")
	s, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	err = fill(s)
	s.Close()
	if err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// demoFile writes the demo data file (1 MB, about 0,6 MB of it in use) into a new
// folder, changed by damage, and returns its path.
func demoFile(t testing.TB, damage func(b []byte) []byte) string {
	t.Helper()
	b, err := demoBytes()
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Clone(b)
	if damage != nil {
		b = damage(b)
	}
	path := filepath.Join(t.TempDir(), "Dữ liệu", "pardesk.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// readAll reads every kind of record of the demo, as the window does.
func readAll(s *store.Store) error {
	return s.View(func(tx *store.Tx) error {
		if _, err := tx.Office(); err != nil {
			return err
		}
		if _, err := tx.Units(); err != nil {
			return err
		}
		if _, err := tx.Groups(); err != nil {
			return err
		}
		for _, y := range []int{2022, 2023} {
			if _, err := tx.Framework(y); err != nil {
				return err
			}
			if _, err := tx.Sheets(y); err != nil {
				return err
			}
		}
		_, err := tx.Tasks(data.TaskFilter{})
		return err
	})
}

// openDamaged opens a damaged file: it must either open, and then read
// without a panic, or be refused with a message naming the file; the file
// is never changed by a refusal. It reports whether the file was refused.
func openDamaged(t testing.TB, path string) (refused bool) {
	t.Helper()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path)
	if err != nil {
		if c := data.ErrorCode(err); c != data.EDAMAGED && c != data.EINVALID {
			t.Fatalf("refused with code %q: %v", c, err)
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("message does not name the file: %v", err)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Errorf("refused file was changed")
		}
		return true
	}
	readAll(s) // an error is fine (a damaged value), a panic is not
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	return false
}

func TestOpenRefusesTruncatedFile(t *testing.T) {
	full, _ := demoBytes()
	// Past its last used page a bbolt file may hold room it has not used
	// yet; cutting that off loses nothing. Cuts are made inside the used
	// part, whose end the newer meta page records.
	used := usedBytes(full)
	for _, size := range []int{100, 1000, 4 << 10, 8 << 10, 12 << 10, 16 << 10, 64 << 10, used / 2, used - 4<<10} {
		t.Run(data.FormatCount(int64(size)), func(t *testing.T) {
			path := demoFile(t, func(b []byte) []byte { return b[:size] })
			_, err := store.Open(path)
			wantError(t, err, data.EDAMAGED, "Tệp dữ liệu "+path+" bị hỏng", "tệp bị cắt ngắn", "khôi phục từ bản sao lưu")
			if got := fileBytes(t, path); len(got) != size {
				t.Errorf("the refused file is now %d bytes, want %d: it was written to", len(got), size)
			}
			if err := store.Check(path); data.ErrorCode(err) != data.EDAMAGED {
				t.Errorf("Check: %v, want damaged", err)
			}
		})
	}
}

func TestOpenRefusesEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pardesk.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(path)
	wantError(t, err, data.EDAMAGED, path, "rỗng (0 byte)", "không ghi đè")
	if fi, _ := os.Stat(path); fi.Size() != 0 {
		t.Errorf("the empty file was written: %d bytes", fi.Size())
	}
	wantError(t, store.Check(path), data.EDAMAGED, path, "rỗng")
}

// Every page of the demo file overwritten with random bytes in turn: a
// page in use is refused, a meta page falls back to the other (bbolt's
// design for a meta page torn by a power cut), a free page or the tail of
// a long value does not matter to the file's structure, and nothing
// panics.
func TestOpenPagesOverwrittenWithRandomBytes(t *testing.T) {
	full, _ := demoBytes()
	pages := len(full) / pageSize
	inUse := pagesInUse(t, demoFile(t, nil))
	rng := rand.New(rand.NewPCG(2, 3))
	refused := 0
	step := 1
	if testing.Short() {
		step = 5
	}
	for id := 0; id < pages; id += step {
		seed := rng.Uint64()
		path := demoFile(t, func(b []byte) []byte {
			r := rand.New(rand.NewPCG(seed, uint64(id)))
			for i := id * pageSize; i < (id+1)*pageSize; i++ {
				b[i] = byte(r.Uint32())
			}
			return b
		})
		if openDamaged(t, path) {
			refused++
		} else if inUse[id] != "" {
			t.Errorf("page %d (%s) overwritten with random bytes: the file opened", id, inUse[id])
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("%d of %d pages overwritten were refused", refused, pages)
}

// pagesInUse lists the pages of the file at path that start a branch, leaf
// or freelist page (not the meta pages, not the free pages, not the
// overflow pages of a long value), with their type.
func pagesInUse(t *testing.T, path string) map[int]string {
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[int]string{}
	db.View(func(tx *bbolt.Tx) error {
		for i := 2; ; i++ {
			p, err := tx.Page(i)
			if err != nil {
				t.Fatal(err)
			}
			if p == nil {
				return nil
			}
			if p.Type != "free" {
				out[i] = p.Type
				i += p.OverflowCount
			}
		}
	})
	return out
}

// Smaller damage at random places: 1 to 64 random bytes. A damage in the
// unused tail of the file, in a free page or in the unused room of a page
// changes no data and is rightly not refused; every other one is refused,
// except a damage inside a stored value that leaves it valid JSON (bbolt
// keeps no checksum of its pages): the test counts those, "silent".
// Nothing panics.
func TestOpenRandomDamage(t *testing.T) {
	full, _ := demoBytes()
	want := digest(t, demoFile(t, nil))
	rng := rand.New(rand.NewPCG(7, 11))
	tries, refused, harmless, silent := 150, 0, 0, 0
	if testing.Short() {
		tries = 40
	}
	for range tries {
		off, n, seed := rng.IntN(len(full)), 1+rng.IntN(64), rng.Uint64()
		path := demoFile(t, func(b []byte) []byte {
			r := rand.New(rand.NewPCG(seed, 1))
			for i := off; i < min(off+n, len(b)); i++ {
				b[i] = byte(r.Uint32())
			}
			return b
		})
		switch {
		case openDamaged(t, path):
			refused++
		case digest(t, path) == want:
			harmless++
		default:
			silent++
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("%d random damages: %d refused, %d changed no data, %d silent (inside a value, still valid JSON)", tries, refused, harmless, silent)
	if silent > tries/10 {
		t.Errorf("%d of %d damages went unnoticed", silent, tries)
	}
}

// digest is every key and value of every bucket of a sound file.
func digest(t *testing.T, path string) string {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := fnv.New128a()
	var walk func(b *bbolt.Bucket)
	walk = func(b *bbolt.Bucket) {
		b.ForEach(func(k, v []byte) error {
			h.Write(k)
			h.Write(v)
			if v == nil {
				walk(b.Bucket(k))
			}
			return nil
		})
	}
	db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
			h.Write(name)
			walk(b)
			return nil
		})
	})
	return string(h.Sum(nil))
}

func TestCheckSoundFile(t *testing.T) {
	path := demoFile(t, nil)
	before := fileBytes(t, path)
	if err := store.Check(path); err != nil {
		t.Fatalf("Check of the demo file: %v", err)
	}
	sameFile(t, path, before)
	wantError(t, store.Check(filepath.Join(t.TempDir(), "khong-co.db")), data.ENOTFOUND)
	text := filepath.Join(t.TempDir(), "baocao.txt")
	os.WriteFile(text, bytes.Repeat([]byte("Báo cáo CCHC năm 2023\n"), 500), 0o600)
	wantError(t, store.Check(text), data.EINVALID, text, "không phải tệp dữ liệu ParDesk")
}

// deepDamage is damage the cheap checks of every open do not see: the
// entries of a leaf page of some bucket overwritten, its header kept;
// with read, a page that readAll reads. (Which page holds what changes
// from run to run: the demo writes from maps.)
func deepDamage(t *testing.T, read bool) func([]byte) []byte {
	t.Helper()
	t.Cleanup(store.SetFullCheckMax(0)) // every file is "big": cheap checks only
	full, _ := demoBytes()
	inUse := pagesInUse(t, demoFile(t, nil))
	for id := 2; id < len(full)/pageSize; id++ {
		if inUse[id] != "leaf" {
			continue
		}
		damage := func(b []byte) []byte {
			for i := id*pageSize + 16; i < (id+1)*pageSize; i++ {
				b[i] = 0xAB
			}
			return b
		}
		if s, err := store.Open(demoFile(t, damage)); err == nil {
			err := readAll(s)
			s.Close()
			if !read || err != nil {
				return damage
			}
		}
	}
	t.Fatal("the cheap checks see damage on every leaf page")
	return nil
}

// A file that was not closed cleanly is checked whole at the next open,
// however big; a file closed cleanly and bigger than the limit gets the
// cheap checks only.
func TestOpenChecksWholeFileAfterUncleanClose(t *testing.T) {
	damage := deepDamage(t, false)
	unclean := demoFile(t, damage)
	if err := os.WriteFile(store.OpenMarker(unclean), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(unclean)
	wantError(t, err, data.EDAMAGED, unclean)
	wantError(t, store.Check(demoFile(t, damage)), data.EDAMAGED)
}

// Damage the open did not see is met by a transaction: it fails with the
// damaged-file message instead of crashing, the next start checks the
// whole file, and a restore from a backup still works, keeping the
// damaged file aside.
func TestDamageMetWhileWorking(t *testing.T) {
	damage := deepDamage(t, true)
	sound := demoFile(t, nil)
	path := demoFile(t, damage)
	s := open(t, path)
	err := readAll(s)
	wantError(t, err, data.EDAMAGED, "Tệp dữ liệu "+path+" bị hỏng")
	t.Log(err)

	saved, err := s.Restore(sound)
	if err != nil {
		t.Fatalf("restore over damaged data: %v", err)
	}
	if !strings.HasPrefix(filepath.Base(saved.Path), "pardesk.db.hong-") {
		t.Errorf("the damaged data is kept at %s", saved.Path)
	}
	if err := readAll(s); err != nil {
		t.Errorf("after the restore: %v", err)
	}
	s.Close()
	if err := store.Check(path); err != nil {
		t.Errorf("the restored file: %v", err)
	}
	if data.ErrorCode(store.Check(saved.Path)) != data.EDAMAGED {
		t.Error("the file kept aside is not the damaged one")
	}

	// Without a restore, the marker stays and the next start finds it.
	path = demoFile(t, damage)
	s = open(t, path)
	readAll(s)
	s.Close()
	_, err = store.Open(path)
	wantError(t, err, data.EDAMAGED, path)
}

// BenchmarkCheckDemo is the whole check (store.Check) of the demo data
// file; BenchmarkCheck (check_bench_test.go) has the parts, and 100 MB.
func BenchmarkCheckDemo(b *testing.B) {
	path := demoFile(b, nil)
	for b.Loop() {
		if err := store.Check(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTxCheckDemo is bbolt's Tx.Check alone on the demo data file.
func BenchmarkTxCheckDemo(b *testing.B) {
	db, err := bbolt.Open(demoFile(b, nil), 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for b.Loop() {
		db.View(func(tx *bbolt.Tx) error {
			for err := range tx.Check() {
				b.Fatal(err)
			}
			return nil
		})
	}
}

// BenchmarkOpenDemo is an open and close of the demo data file, with the
// whole check it gets as a small file.
func BenchmarkOpenDemo(b *testing.B) {
	path := demoFile(b, nil)
	for b.Loop() {
		s, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func TestOpenMarkerLivesFromOpenToClose(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	if _, err := os.Stat(store.OpenMarker(path)); err != nil {
		t.Errorf("no open marker while the file is open: %v", err)
	}
	s.Close()
	if _, err := os.Stat(store.OpenMarker(path)); !os.IsNotExist(err) {
		t.Errorf("open marker still there after Close: %v", err)
	}
}

// FuzzOpenDamaged mutates a small data file and opens it: never a panic,
// never a fault; each file either opens and reads, or is refused with a
// message naming it.
//
//	go test -run '^$' -fuzz FuzzOpenDamaged -fuzztime 60s ./data/store/
func FuzzOpenDamaged(f *testing.F) {
	base := smallFile(f)
	f.Add(uint32(0), []byte{0xff}, uint32(0))
	f.Add(uint32(2*pageSize+20), []byte{9, 9, 9, 9}, uint32(0))
	f.Add(uint32(3*pageSize+16), []byte{0, 0, 0, 0, 0, 0, 0, 0, 3}, uint32(0))
	f.Add(uint32(0), []byte{}, uint32(3*pageSize))
	f.Add(uint32(pageSize+40), []byte{7}, uint32(0))
	f.Fuzz(func(t *testing.T, off uint32, patch []byte, cut uint32) {
		b := bytes.Clone(base)
		if cut > 0 && int(cut) < len(b) {
			b = b[:cut]
		}
		if len(b) > 0 {
			copy(b[int(off)%len(b):], patch)
		}
		path := filepath.Join(t.TempDir(), "pardesk.db")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		openDamaged(t, path)
	})
}

var smallBytes = sync.OnceValues(func() ([]byte, error) {
	return fileOf(func(s *store.Store) error {
		return s.Update(func(tx *store.Tx) error {
			if err := tx.PutFramework(framework(2023)); err != nil {
				return err
			}
			if err := tx.PutGroup(data.Group{ID: "xa", Name: "Các xã"}); err != nil {
				return err
			}
			for _, c := range []string{"A", "B", "C", "D"} {
				if err := tx.PutUnit(data.Unit{Code: c, Name: "Xã " + c, Kind: data.KindCommune, GroupID: "xa"}); err != nil {
					return err
				}
				if err := tx.SetScore(2023, c, "1.1", data.Score{Appraised: pts("12,5")}); err != nil {
					return err
				}
			}
			return nil
		})
	})
})

// smallFile is a data file of a few pages: a framework, a group, four
// units with a score each.
func smallFile(t testing.TB) []byte {
	b, err := smallBytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// usedBytes is the length of a bbolt file's used pages: the page count
// (high-water mark) of its newer meta page times the page size.
func usedBytes(file []byte) int {
	const pageHeader, pageSizeAt, pgidAt, txidAt = 16, 8, 40, 48
	meta := func(off int) (pages, txid uint64, pageSize int) {
		m := file[off+pageHeader:]
		return binary.NativeEndian.Uint64(m[pgidAt:]), binary.NativeEndian.Uint64(m[txidAt:]), int(binary.NativeEndian.Uint32(m[pageSizeAt:]))
	}
	pages, txid, size := meta(0)
	if p1, t1, _ := meta(size); t1 > txid {
		pages = p1
	}
	return int(pages) * size
}
