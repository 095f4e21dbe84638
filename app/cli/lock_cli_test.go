package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data/store"
)

// A locked year is read-only from the command line too: importing its
// scores is refused and the data file does not change.
func TestImportIntoLockedYearRefused(t *testing.T) {
	dir, db := demoDir(t)
	xl := filepath.Join(dir, "diem-2022.xlsx")
	if code, _, stderr := run(t, "export", "scores", "--db", db, "--year", "2022", "--out", xl); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Update(func(tx *store.Tx) error { return tx.LockYear(2022) }); err != nil {
		t.Fatal(err)
	}
	st.Close()
	before, _ := os.ReadFile(db)

	code, _, stderr := run(t, "import", "scores", xl, "--db", db)
	if code != 1 || !strings.Contains(stderr, "Năm 2022 đã khóa") {
		t.Errorf("import into a locked year: exit %d, %q", code, stderr)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("the data file changed")
	}
}
