package store_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"go.etcd.io/bbolt"
)

func TestOpenCreatesFileAndFolder(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := schemaOf(t, path); got != store.SchemaVersion {
		t.Errorf("new file has schema version %d, want %d", got, store.SchemaVersion)
	}
}

func TestOpenAndCloseLeavesFileUnchanged(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2023}, map[string]string{"DN": "Đức Nghĩa"})
	s.Close()
	before := fileBytes(t, path)

	s = open(t, path)
	view(t, s, func(tx *store.Tx) error { _, err := tx.Units(); return err })
	s.Close()
	sameFile(t, path, before)
}

func TestOpenRefusesFileOpenInAnotherWindow(t *testing.T) {
	path := dataPath(t)
	first := open(t, path)

	start := time.Now()
	second, err := store.Open(path)
	if err == nil {
		second.Close()
		t.Fatal("second Open of the same file succeeded")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("second Open took %v, want under 2 s", d)
	}
	wantError(t, err, data.ECONFLICT)
	want := "Tệp dữ liệu " + path + " đang được mở ở một cửa sổ ParDesk khác. Hãy đóng cửa sổ đó rồi mở lại."
	if err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}

	// Once the other window closes, the file opens.
	first.Close()
	open(t, path)
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := dataPath(t)
	open(t, path).Close()
	setSchema(t, path, store.SchemaVersion+1)
	before := fileBytes(t, path)

	_, err := store.Open(path)
	wantError(t, err, data.EINVALID, path, "mới hơn",
		fmt.Sprintf("phiên bản %d", store.SchemaVersion+1), fmt.Sprintf("phiên bản %d", store.SchemaVersion))
	sameFile(t, path, before)
}

func TestOpenRefusesFileThatIsNotParDeskData(t *testing.T) {
	otherBolt := func(t *testing.T, path string) {
		db, err := bbolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		err = db.Update(func(tx *bbolt.Tx) error {
			b, err := tx.CreateBucket([]byte("widgets"))
			if err != nil {
				return err
			}
			return b.Put([]byte("a"), []byte("b"))
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	random := func(n int) func(*testing.T, string) {
		return func(t *testing.T, path string) {
			b := make([]byte, n)
			r := rand.New(rand.NewPCG(1, uint64(n)))
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	for name, write := range map[string]func(*testing.T, string){
		"text": func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte("Báo cáo CCHC năm 2023\n"), 0o600); err != nil {
				t.Fatal(err)
			}
		},
		// Sizes around bbolt's page size (4 KiB) take different paths
		// through its checks.
		"1 random byte":                random(1),
		"1 KiB of random bytes":        random(1 << 10),
		"3000 random bytes":            random(3000),
		"4 KiB of random bytes":        random(4 << 10),
		"8 KiB+1 random bytes":         random(8<<10 + 1),
		"64 KiB of random bytes":       random(64 << 10),
		"1 MiB of random bytes":        random(1 << 20),
		"another program's bbolt file": otherBolt,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "baocao.xlsx")
			write(t, path)
			before := fileBytes(t, path)

			s, err := store.Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			wantError(t, err, data.EINVALID, path, "không phải tệp dữ liệu ParDesk")
			sameFile(t, path, before)
		})
	}
}

func TestOpenUpgradesOlderFile(t *testing.T) {
	path := dataPath(t)
	open(t, path).Close()
	setSchema(t, path, store.SchemaVersion-1)

	runs := 0
	t.Cleanup(store.SwapMigrations(map[int]func(*bbolt.Tx) error{
		store.SchemaVersion - 1: func(tx *bbolt.Tx) error {
			runs++
			b, err := tx.CreateBucketIfNotExists([]byte("groups"))
			if err != nil {
				return err
			}
			return b.Put([]byte("phuong"), []byte(`{"id":"phuong","name":"Các phường"}`))
		},
	}))

	s := open(t, path)
	view(t, s, func(tx *store.Tx) error {
		gs, err := tx.Groups()
		if len(gs) != 1 || gs[0].Name != "Các phường" {
			t.Errorf("after the upgrade, groups are %v, want the one the migration added", gs)
		}
		return err
	})
	s.Close()
	if got := schemaOf(t, path); got != store.SchemaVersion {
		t.Errorf("upgraded file has schema version %d, want %d", got, store.SchemaVersion)
	}

	open(t, path).Close()
	if runs != 1 {
		t.Errorf("migration ran %d times over two opens, want once", runs)
	}
}

func TestOpenFailedUpgradeLeavesFileUnchanged(t *testing.T) {
	path := dataPath(t)
	open(t, path).Close()
	setSchema(t, path, store.SchemaVersion-1)
	before := fileBytes(t, path)

	t.Cleanup(store.SwapMigrations(map[int]func(*bbolt.Tx) error{
		store.SchemaVersion - 1: func(tx *bbolt.Tx) error {
			// Write something first: it must not survive the failure.
			b, err := tx.CreateBucketIfNotExists([]byte("groups"))
			if err != nil {
				return err
			}
			if err := b.Put([]byte("phuong"), []byte(`{}`)); err != nil {
				return err
			}
			return errors.New("ổ đĩa đầy")
		},
	}))
	_, err := store.Open(path)
	wantError(t, err, data.EINTERNAL, path, fmt.Sprintf("phiên bản %d", store.SchemaVersion-1), "ổ đĩa đầy", "giữ nguyên")
	sameFile(t, path, before)
}

func TestOpenRefusesOlderFileWithoutMigration(t *testing.T) {
	path := dataPath(t)
	open(t, path).Close()
	setSchema(t, path, store.SchemaVersion-1)
	before := fileBytes(t, path)

	t.Cleanup(store.SwapMigrations(map[int]func(*bbolt.Tx) error{}))
	_, err := store.Open(path)
	wantError(t, err, data.EINTERNAL, fmt.Sprintf("phiên bản %d", store.SchemaVersion-1))
	sameFile(t, path, before)
}

func TestFailedUpdateLeavesFileUnchanged(t *testing.T) {
	cancel := errors.New("người dùng bấm Hủy")
	for name, fn := range map[string]func(tx *store.Tx) error{
		"fn returns an error after several puts": func(tx *store.Tx) error {
			if err := tx.PutOffice(data.Office{Name: "Phòng Nội vụ (đã sửa)", Place: "Nguyên Bình"}); err != nil {
				return err
			}
			if err := tx.PutGroup(data.Group{ID: "coquan", Name: "Các cơ quan"}); err != nil {
				return err
			}
			if err := tx.PutUnit(data.Unit{Code: "GT", Name: "Gia Thụy", GroupID: "phuong"}); err != nil {
				return err
			}
			if err := tx.SetScore(2023, "DN", "1.1", data.Score{Appraised: pts("20")}); err != nil {
				return err
			}
			return cancel
		},
		"invalid put mid-way": func(tx *store.Tx) error {
			if err := tx.PutGroup(data.Group{ID: "coquan", Name: "Các cơ quan"}); err != nil {
				return err
			}
			if err := tx.SetScore(2023, "DN", "1.1", data.Score{Appraised: pts("20")}); err != nil {
				return err
			}
			if err := tx.SetScore(2023, "DN", "1.2", data.Score{Appraised: pts("31")}); err != nil {
				return err
			}
			return tx.PutUnit(data.Unit{Code: "GT", Name: "Gia Thụy", GroupID: "phuong"})
		},
	} {
		t.Run(name, func(t *testing.T) {
			path := dataPath(t)
			s := open(t, path)
			seed(t, s, []int{2023}, map[string]string{"DN": "Đức Nghĩa"})
			update(t, s, func(tx *store.Tx) error {
				return tx.PutOffice(data.Office{Name: "Phòng Nội vụ", Place: "Nguyên Bình"})
			})
			s.Close()
			before := fileBytes(t, path)

			s = open(t, path)
			if err := s.Update(fn); err == nil {
				t.Fatal("Update succeeded")
			}
			view(t, s, func(tx *store.Tx) error {
				o, _ := tx.Office()
				gs, _ := tx.Groups()
				us, _ := tx.Units()
				sheets, _ := tx.Sheets(2023)
				if o.Name != "Phòng Nội vụ" || len(gs) != 2 || len(us) != 1 || len(sheets) != 0 {
					t.Errorf("after a failed Update: office %q, %d groups, %d units, %d sheets; want nothing changed", o.Name, len(gs), len(us), len(sheets))
				}
				return nil
			})
			s.Close()
			sameFile(t, path, before)
		})
	}
}

// setSchema writes a schema version into a closed file, as another version
// of ParDesk would have: bucket "meta", key "schema", a JSON number.
func setSchema(t *testing.T, path string, v int) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte(strconv.Itoa(v)))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func schemaOf(t *testing.T, path string) int {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	err = db.View(func(tx *bbolt.Tx) (err error) {
		v, err = strconv.Atoi(string(tx.Bucket([]byte("meta")).Get([]byte("schema"))))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}
