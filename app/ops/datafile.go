package ops

import (
	"os"
	"path/filepath"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
)

// DefaultPath is where the data file lives when --db is not given:
// $PARDESK_DB, else the user's configuration folder (on Windows
// %AppData%\ParDesk\pardesk.db), which survives reinstalling the program.
func DefaultPath() string {
	if p := os.Getenv("PARDESK_DB"); p != "" {
		return p
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "ParDesk", "pardesk.db")
}

// CreateEmpty makes a new data file with no data: an office starting its
// own records instead of the demo. An existing file is never touched.
func CreateEmpty(path string) error {
	if _, err := os.Stat(path); err == nil {
		return data.Errorf(data.ECONFLICT, "Tệp %s đã có; không tạo đè lên tệp đang có", path)
	}
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	return st.Close()
}

// CreateDemo writes the demo data into a new file. An existing file is
// never overwritten: it may hold an office's real data.
func CreateDemo(path string) error {
	if _, err := os.Stat(path); err == nil {
		return data.Errorf(data.ECONFLICT, "Tệp %s đã có; không ghi đè dữ liệu mẫu lên tệp đang có", path)
	}
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	st.SetOfficer("Dữ liệu mẫu")
	if err := demo.Write(st); err != nil {
		st.Close()
		os.Remove(path)
		return err
	}
	return st.Close()
}
