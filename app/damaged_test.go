package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// buttonIn finds the button whose text starts with prefix.
func buttonIn(o fyne.CanvasObject, prefix string) *widget.Button {
	var found *widget.Button
	walkShown(o, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, prefix) {
			found = b
		}
		return found == nil
	})
	return found
}

// A damaged data file: the window says so and offers the newest backup
// that passes the check, with its date; one click puts it in place, keeps
// the damaged file aside and opens the sections.
func TestDamagedFileOffersTheNewestSoundBackup(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "pardesk.db")
	if err := ops.CreateDemo(path); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	sound, err := st.Backup(store.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // the next backup in another second
	newer, err := st.Backup(store.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	os.Truncate(newer.Path, 12<<10) // the newest backup is damaged too
	os.Truncate(path, 8<<10)

	_, openErr := store.Open(path)
	if data.ErrorCode(openErr) != data.EDAMAGED {
		t.Fatalf("Open of a truncated file: %v", openErr)
	}
	w := test.NewTempWindow(t, nil)
	var opened *store.Store
	w.SetContent(damagedView(w, path, openErr, func(s *store.Store) { opened = s }))
	w.Resize(fyne.NewSize(1000, 600))
	texts := strings.Join(textsIn(w.Content()), "\n")
	if !strings.Contains(texts, "Tệp dữ liệu "+path+" bị hỏng") {
		t.Errorf("the window does not say the file is damaged: %q", texts)
	}
	want := "Khôi phục từ bản sao lưu ngày " + data.FormatDate(sound.Time) + " " + sound.Time.Format("15:04")
	b := buttonIn(w.Content(), "Khôi phục từ bản sao lưu ngày")
	if b == nil || b.Text != want {
		t.Fatalf("restore button %v, want %q", b, want)
	}
	test.Tap(b)
	if opened == nil {
		t.Fatal("the store was not opened after the restore")
	}
	defer opened.Close()
	if err := opened.View(func(tx *store.Tx) error { _, err := tx.Units(); return err }); err != nil {
		t.Errorf("reading after the restore: %v", err)
	}
	aside, _ := filepath.Glob(path + ".hong-*")
	if len(aside) != 1 {
		t.Fatalf("damaged files kept beside: %v", aside)
	}
	if fi, _ := os.Stat(aside[0]); fi.Size() != 8<<10 {
		t.Errorf("the damaged file kept is %d bytes, want 8192", fi.Size())
	}
}

func TestDamagedFileWithoutBackups(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "pardesk.db")
	os.WriteFile(path, nil, 0o600)
	_, openErr := store.Open(path)
	w := test.NewTempWindow(t, nil)
	w.SetContent(damagedView(w, path, openErr, func(*store.Store) { t.Error("opened") }))
	texts := strings.Join(textsIn(w.Content()), "\n")
	if !strings.Contains(texts, "rỗng (0 byte)") || !strings.Contains(texts, "Không có bản sao lưu nào còn tốt") {
		t.Errorf("window says %q", texts)
	}
	if buttonIn(w.Content(), "Khôi phục") != nil {
		t.Error("a restore button without a backup")
	}
}
