package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/pack"
	"github.com/pardesk/pardesk/data/store"
)

func pointsOf(s string) *data.Points {
	p, _ := data.ParsePoints(s)
	return &p
}

// The office makes NBI's framework package in the window; the unit's
// ParDesk answers with a self-assessment where 1.1 was also changed at
// the office since. The window shows the sender, the key's fingerprint
// and the conflict; the officer takes the unit's value for it and trusts
// the sender; both criteria arrive. A package from the same sender with
// another key is then refused with what to do.
func TestPackageCardExportAndImportWithConflictChoice(t *testing.T) {
	t.Setenv("PARDESK_CONFIG", t.TempDir())
	ui, w := newTestUI(t)
	ui.setOfficer("Nguyễn Thị Lan")
	ui.Show(SectionDataFile)
	v := ui.dataFile
	v.year.SetSelected("2023")
	v.pkg.kind.SetSelectedIndex(0)
	v.pkg.units.SetText("NBI")
	v.pkg.deadline.SetText("15/01/2024")
	fw, m, err := v.pkg.build()
	if err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	if m.Kind != pack.KindFramework || m.Sender.Name != "SỞ NỘI VỤ" || m.Sender.Officer != "Nguyễn Thị Lan" || strings.Join(m.Units, ",") != "NBI" {
		t.Fatalf("framework package made in the window: %+v", m)
	}
	// For every unit at once: one package each, in the folder chosen.
	v.pkg.units.SetText("")
	folder := t.TempDir()
	key, err := v.pkg.key()
	if err != nil {
		t.Fatal(err)
	}
	v.pkg.writePerUnit(folder, key, v.pkg.request())
	v.work.Wait()
	if files, _ := filepath.Glob(filepath.Join(folder, "*.pdk")); len(files) != 10 || !strings.Contains(v.status.Text, "Đã tạo 10 gói bộ chỉ số (văn phòng gửi đơn vị) năm 2023, mỗi đơn vị một gói") {
		t.Errorf("%d packages; status %q", len(files), v.status.Text)
	}

	// The unit's own ParDesk: an empty file and its own key.
	unitPath := filepath.Join(t.TempDir(), "don-vi.db")
	if err := ops.CreateEmpty(unitPath); err != nil {
		t.Fatal(err)
	}
	unit, err := store.Open(unitPath)
	if err != nil {
		t.Fatal(err)
	}
	defer unit.Close()
	unit.SetOfficer("Lê Văn Bình")
	unitKey, _ := pack.LoadKey(t.TempDir())
	p, c, err := ops.ReadPackage(bytes.NewReader(fw), int64(len(fw)))
	if err != nil {
		t.Fatal(err)
	}
	var plan *pack.Plan
	unit.View(func(tx *store.Tx) (err error) { plan, err = ops.PlanPackage(tx, p, c); return err })
	if _, err := ops.ApplyPackage(unit, p, plan, true); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	err = unit.Update(func(tx *store.Tx) error {
		sc, _ := tx.Sheet(2023, "NBI")
		s11, s12 := sc.Scores["1.1"], sc.Scores["1.2"]
		s11.Self, s12.Self = pointsOf("1"), pointsOf("0,5")
		if err := tx.SetScore(2023, "NBI", "1.1", s11); err != nil {
			return err
		}
		return tx.SetScore(2023, "NBI", "1.2", s12)
	})
	if err != nil {
		t.Fatal(err)
	}
	selfPackage := func(k *pack.Key) []byte {
		var buf bytes.Buffer
		err := unit.View(func(tx *store.Tx) error {
			_, err := ops.ExportPackage(tx, unit.Evidence(), &buf, k, ops.PackageExport{Kind: pack.KindSelf, Year: 2023})
			return err
		})
		if err != nil {
			t.Fatal(data.ErrorMessage(err))
		}
		return buf.Bytes()
	}
	self := selfPackage(unitKey)
	// The office corrects 1.1's self score after sending the package.
	err = ui.store.Update(func(tx *store.Tx) error {
		sc, _ := tx.Sheet(2023, "NBI")
		s := sc.Scores["1.1"]
		s.Self = pointsOf("2")
		return tx.SetScore(2023, "NBI", "1.1", s)
	})
	if err != nil {
		t.Fatal(err)
	}

	v.pkg.open("tu-danh-gia.pdk", self)
	v.work.Wait()
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no import dialog")
	}
	shown := strings.Join(textsIn(overlay), "\n")
	for _, want := range []string{"Người gửi: Huyện Nguyên Bình (NBI) — cán bộ Lê Văn Bình", "Dấu nhận dạng khóa: " + unitKey.Fingerprint(), "chưa được tin cậy", "1 tiêu chí thay đổi, 1 xung đột",
		"Xung đột · Huyện Nguyên Bình (NBI) · 1.1", "tệp dữ liệu: 2 → gói: 1", "Thay đổi · Huyện Nguyên Bình (NBI) · 1.2"} {
		if !strings.Contains(shown, want) {
			t.Errorf("import dialog does not say %q:\n%s", want, shown)
		}
	}
	var choice *widget.Select
	walkShown(overlay, func(o fyne.CanvasObject) bool {
		if s, ok := o.(*widget.Select); ok && s.Visible() && s.Selected == keepOffice && choice == nil {
			choice = s
		}
		return choice == nil
	})
	if choice == nil {
		t.Fatal("no choice for the conflict")
	}
	choice.SetSelected(takePack)
	tapButton(t, w, "Tin cậy và nhập")
	v.work.Wait()
	if !strings.Contains(v.status.Text, "Đã nhập gói: 2 tiêu chí thay đổi (xung đột: 0 giữ của văn phòng, 1 lấy từ gói)") {
		t.Errorf("status after import: %q", v.status.Text)
	}
	ui.store.View(func(tx *store.Tx) error {
		sc, _ := tx.Sheet(2023, "NBI")
		if *sc.Scores["1.1"].Self != *pointsOf("1") || *sc.Scores["1.2"].Self != *pointsOf("0,5") {
			t.Errorf("after import 1.1 %v, 1.2 %v; want the unit's 1 and 0,5", sc.Scores["1.1"].Self, sc.Scores["1.2"].Self)
		}
		return nil
	})
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	if r := v.pkg.received.Text; !strings.Contains(r, "Gói tự đánh giá · Huyện Nguyên Bình (NBI) (Lê Văn Bình) · khóa "+unitKey.Fingerprint()) {
		t.Errorf("received packages: %q", r)
	}

	other, _ := pack.LoadKey(t.TempDir())
	v.pkg.open("tu-danh-gia-2.pdk", selfPackage(other))
	v.work.Wait()
	shown = strings.Join(textsIn(w.Canvas().Overlays().Top()), "\n")
	for _, want := range []string{unitKey.Fingerprint(), other.Fingerprint(), "khóa khác", "gọi điện", "Người gửi tin cậy…"} {
		if !strings.Contains(shown, want) {
			t.Errorf("another key: dialog does not say %q:\n%s", want, shown)
		}
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())

	// Confirmed with the unit that its PC was reinstalled: the old key is
	// forgotten with a reason, and the package is asked about again.
	v.pkg.showTrusted()
	var pick *widget.Select
	var reason *widget.Entry
	walkShown(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *widget.Select:
			pick = x
		case *widget.Entry:
			reason = x
		}
		return true
	})
	if pick == nil || reason == nil {
		t.Fatal("no trusted senders form")
	}
	pick.SetSelectedIndex(0)
	reason.SetText("Đơn vị cài lại máy, đã gọi điện xác nhận khóa mới")
	tapButton(t, w, "Bỏ tin cậy")
	if !strings.Contains(v.status.Text, "Đã bỏ tin cậy Huyện Nguyên Bình (NBI)") {
		t.Errorf("status after forgetting: %q", v.status.Text)
	}
	v.pkg.open("tu-danh-gia-2.pdk", selfPackage(other))
	v.work.Wait()
	shown = strings.Join(textsIn(w.Canvas().Overlays().Top()), "\n")
	if !strings.Contains(shown, "chưa được tin cậy") || !strings.Contains(shown, other.Fingerprint()) {
		t.Errorf("after forgetting the old key the package asks again:\n%s", shown)
	}
}

// A unit's ParDesk starts from an empty file: the framework package alone
// gives it the year, the unit and the framework; the score grid opens on
// them and the self-assessment package is made from the same window.
func TestUnitWorksFromAFrameworkPackageAlone(t *testing.T) {
	t.Setenv("PARDESK_CONFIG", t.TempDir())
	officePath := filepath.Join(t.TempDir(), "van-phong.db")
	if err := ops.CreateDemo(officePath); err != nil {
		t.Fatal(err)
	}
	office, err := store.Open(officePath)
	if err != nil {
		t.Fatal(err)
	}
	office.SetOfficer("Nguyễn Thị Lan")
	key, _ := pack.LoadKey(t.TempDir())
	var fw bytes.Buffer
	err = office.View(func(tx *store.Tx) error {
		_, err := ops.ExportPackage(tx, office.Evidence(), &fw, key, ops.PackageExport{Kind: pack.KindFramework, Year: 2023, Units: []string{"NBI"}, Deadline: "15/01/2024"})
		return err
	})
	office.Close()
	if err != nil {
		t.Fatal(err)
	}

	ui, w := newUIOver(t, ops.CreateEmpty, fyne.NewSize(1900, 1000))
	ui.setOfficer("Lê Văn Bình")
	ui.Show(SectionDataFile)
	v := ui.dataFile
	// Read from the file where it lies, released once imported.
	path := filepath.Join(t.TempDir(), "goi-bo-chi-so.pdk")
	os.WriteFile(path, fw.Bytes(), 0o644)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	released := false
	v.pkg.openFrom("goi-bo-chi-so.pdk", f, int64(fw.Len()), func() { released = true; f.Close() })
	v.work.Wait()
	shown := strings.Join(textsIn(w.Canvas().Overlays().Top()), "\n")
	for _, want := range []string{"Thêm bộ chỉ số năm 2023", "Thêm đơn vị Huyện Nguyên Bình (NBI)", "Hạn nộp tự đánh giá: 15/01/2024", key.Fingerprint()} {
		if !strings.Contains(shown, want) {
			t.Errorf("import dialog does not say %q:\n%s", want, shown)
		}
	}
	if released {
		t.Error("the package file was released while its import dialog is open")
	}
	tapButton(t, w, "Tin cậy và nhập")
	v.work.Wait()
	if !released {
		t.Error("the package file is still held after the import")
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	if !strings.Contains(v.pkg.received.Text, "hạn nộp tự đánh giá 15/01/2024") {
		t.Errorf("received packages: %q", v.pkg.received.Text)
	}

	ui.Show(SectionScores)
	ui.scores.year.SetSelected("2023")
	texts := strings.Join(shownTexts(w), "\n")
	if !strings.Contains(texts, "Kế hoạch cải cách hành chính năm") || ui.scores.unit.code() != "NBI" {
		t.Errorf("score grid of the unit's file: unit %q, texts:\n%s", ui.scores.unit.code(), texts)
	}

	ui.Show(SectionDataFile)
	v.year.SetSelected("2023")
	v.pkg.kind.SetSelectedIndex(1)
	b, m, err := v.pkg.build()
	if err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	p, _, err := ops.ReadPackage(bytes.NewReader(b), int64(len(b)))
	if err != nil || m.Kind != pack.KindSelf || p.Sender.Name != "Huyện Nguyên Bình (NBI)" || p.BasedOn == "" {
		t.Errorf("self package from the unit's window: %+v, %v", m, err)
	}
}

// Several conflicts are chosen at once: «Lấy từ gói cho mọi xung đột».
func TestPackageDialogTakesEveryConflictAtOnce(t *testing.T) {
	t.Setenv("PARDESK_CONFIG", t.TempDir())
	ui, w := newTestUI(t)
	ui.setOfficer("Nguyễn Thị Lan")
	ui.Show(SectionDataFile)
	v := ui.dataFile
	v.year.SetSelected("2023")
	v.pkg.units.SetText("NBI")
	fw, _, err := v.pkg.build()
	if err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	unitPath := filepath.Join(t.TempDir(), "don-vi.db")
	ops.CreateEmpty(unitPath)
	unit, err := store.Open(unitPath)
	if err != nil {
		t.Fatal(err)
	}
	defer unit.Close()
	unit.SetOfficer("Lê Văn Bình")
	p, c, _ := ops.ReadPackage(bytes.NewReader(fw), int64(len(fw)))
	var plan *pack.Plan
	unit.View(func(tx *store.Tx) (err error) { plan, err = ops.PlanPackage(tx, p, c); return err })
	if _, err := ops.ApplyPackage(unit, p, plan, true); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	setSelf := func(st *store.Store, v string) {
		err := st.Update(func(tx *store.Tx) error {
			s, _ := tx.Sheet(2023, "NBI")
			for _, code := range []string{"1.1", "1.2"} {
				sc := s.Scores[code]
				sc.Self = pointsOf(v)
				s.Scores[code] = sc
			}
			return tx.PutSheet(s)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	setSelf(unit, "1")
	setSelf(ui.store, "0,5")
	key, _ := pack.LoadKey(t.TempDir())
	var self bytes.Buffer
	unit.View(func(tx *store.Tx) error {
		_, err := ops.ExportPackage(tx, unit.Evidence(), &self, key, ops.PackageExport{Kind: pack.KindSelf, Year: 2023})
		return err
	})
	v.pkg.open("tu-danh-gia.pdk", self.Bytes())
	v.work.Wait()
	tapButton(t, w, takePack+" cho mọi xung đột")
	tapButton(t, w, "Tin cậy và nhập")
	v.work.Wait()
	ui.store.View(func(tx *store.Tx) error {
		s, _ := tx.Sheet(2023, "NBI")
		for _, code := range []string{"1.1", "1.2"} {
			if got := s.Scores[code].Self; got == nil || *got != *pointsOf("1") {
				t.Errorf("%s self after taking every conflict: %v, want the unit's 1", code, got)
			}
		}
		return nil
	})
}
