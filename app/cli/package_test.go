package cli

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/pack"
	"github.com/pardesk/pardesk/data/store"
)

// setScore writes one score straight into a data file, as the window
// would.
func setScore(t *testing.T, db, unit, code string, sc data.Score) {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.SetOfficer("Người thử")
	if err := st.Update(func(tx *store.Tx) error { return tx.SetScore(2023, unit, code, sc) }); err != nil {
		t.Fatal(err)
	}
}

func points(s string) *data.Points {
	p, _ := data.ParsePoints(s)
	return &p
}

// The office sends NBI its framework package from the command line, the
// unit's new data file takes it only with --trust, the unit's answer with
// a criterion both sides changed is refused until --conflicts chooses.
func TestPackageCommands(t *testing.T) {
	dir, office := demoDir(t)
	officeKeys, unitKeys := filepath.Join(dir, "khoa-vp"), filepath.Join(dir, "khoa-dv")
	unit := filepath.Join(dir, "don-vi.db")
	fw := filepath.Join(dir, "goi-bo-chi-so.pdk")
	t.Setenv("PARDESK_OFFICER", "")

	t.Setenv("PARDESK_CONFIG", officeKeys)
	code, out, stderr := run(t, "package", "export", "framework", "--db", office, "--year", "2023", "--unit", "NBI", "--deadline", "15/01/2024", "--officer", "Nguyễn Thị Lan", "--out", fw)
	if code != 0 {
		t.Fatalf("export framework: exit %d %s %s", code, out, stderr)
	}
	key, err := pack.LoadKey(officeKeys)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, key.Fingerprint()) {
		t.Errorf("export does not print the key's fingerprint %s: %q", key.Fingerprint(), out)
	}

	t.Setenv("PARDESK_CONFIG", unitKeys)
	if code, _, stderr := run(t, "new", "--db", unit); code != 0 {
		t.Fatal(stderr)
	}
	code, out, _ = run(t, "package", "show", fw, "--db", unit)
	for _, want := range []string{"Người gửi: SỞ NỘI VỤ — cán bộ Nguyễn Thị Lan", "Bộ chỉ số năm 2023", "31 tiêu chí chấm điểm, tối đa 100 điểm", "Phiếu điểm NBI: 31 tiêu chí có giá trị", "Dấu nhận dạng khóa: " + key.Fingerprint(), "hợp lệ", "Hạn nộp tự đánh giá: 15/01/2024", "chưa được tin cậy", "Thêm bộ chỉ số năm 2023", "Thêm đơn vị Huyện Nguyên Bình (NBI)"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("show: exit %d, output does not say %q:\n%s", code, want, out)
		}
	}
	before, _ := os.ReadFile(unit)
	code, _, stderr = run(t, "package", "import", fw, "--db", unit, "--officer", "Lê Văn Bình")
	if code != 1 || !strings.Contains(stderr, "chưa được tin cậy") || !strings.Contains(stderr, key.Fingerprint()) || !strings.Contains(stderr, "--trust") {
		t.Errorf("import from an unknown sender without --trust: exit %d %q", code, stderr)
	}
	if after, _ := os.ReadFile(unit); string(before) != string(after) {
		t.Error("the refused import changed the unit's data file")
	}
	if code, out, stderr := run(t, "package", "import", fw, "--db", unit, "--officer", "Lê Văn Bình", "--trust"); code != 0 || !strings.Contains(out, "Đã nhập gói") {
		t.Fatalf("import --trust: exit %d %s %s", code, out, stderr)
	}

	if code, out, _ := run(t, "package", "trusted", "--db", unit); code != 0 || !strings.Contains(out, "SỞ NỘI VỤ — khóa "+key.Fingerprint()) || !strings.Contains(out, "(Lê Văn Bình)") {
		t.Errorf("trusted: exit %d %q", code, out)
	}

	// Both sides change 1.1's self score; the unit also 1.2.
	setScore(t, unit, "NBI", "1.1", data.Score{Self: points("1")})
	setScore(t, unit, "NBI", "1.2", data.Score{Self: points("0,5")})
	setScore(t, office, "NBI", "1.1", data.Score{Self: points("2"), Appraised: points("2")})
	self := filepath.Join(dir, "goi-tu-danh-gia.pdk")
	if code, out, stderr := run(t, "package", "export", "self", "--db", unit, "--year", "2023", "--officer", "Lê Văn Bình", "--out", self); code != 0 {
		t.Fatalf("export self: exit %d %s %s", code, out, stderr)
	}
	t.Setenv("PARDESK_CONFIG", officeKeys)
	code, out, stderr = run(t, "package", "import", self, "--db", office, "--officer", "Nguyễn Thị Lan", "--trust")
	if code != 1 || !strings.Contains(stderr, "1 xung đột") || !strings.Contains(out, "Xung đột  NBI 1.1") {
		t.Errorf("conflict without --conflicts: exit %d\n%s\n%s", code, out, stderr)
	}
	if code, out, stderr := run(t, "package", "import", self, "--db", office, "--officer", "Nguyễn Thị Lan", "--trust", "--conflicts", "keep"); code != 0 || !strings.Contains(out, "1 tiêu chí thay đổi (xung đột: 1 giữ của văn phòng, 0 lấy từ gói)") {
		t.Errorf("--conflicts keep: exit %d\n%s\n%s", code, out, stderr)
	}

	// One byte changed inside the package: show and import refuse it.
	raw, _ := os.ReadFile(self)
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	at, _ := zr.File[0].DataOffset()
	raw[at+int64(zr.File[0].CompressedSize64)/2] ^= 0x10
	bad := filepath.Join(dir, "sua.pdk")
	os.WriteFile(bad, raw, 0o644)
	if code, out, stderr := run(t, "package", "show", bad); code != 1 || !strings.Contains(out, "KHÔNG hợp lệ") || !strings.Contains(stderr, "Không nhận gói") {
		t.Errorf("show of a changed package: exit %d %q %q", code, out, stderr)
	}
	if code, _, stderr := run(t, "package", "import", bad, "--db", office, "--officer", "X", "--trust"); code != 1 || !strings.Contains(stderr, "Không nhận gói") {
		t.Errorf("import of a changed package: exit %d %q", code, stderr)
	}
	if code, _, stderr := run(t, "package", "export", "share", "--db", office, "--year", "2023", "--officer", "X"); code != 2 || !strings.Contains(stderr, "--to") {
		t.Errorf("share without --to: exit %d %q", code, stderr)
	}
}

// Published results: the office locks 2022 and sends NBI its results; the
// unit's own new data file prints its conference report from the figures
// as published (seed 001: 81,40 %, 8th of 10).
func TestPublishedResultsPrintTheUnitsReport(t *testing.T) {
	dir, office := demoDir(t)
	t.Chdir(dir)
	t.Setenv("PARDESK_OFFICER", "Nguyễn Thị Lan")
	t.Setenv("PARDESK_CONFIG", filepath.Join(dir, "khoa-vp"))
	if code, out, stderr := run(t, "year", "lock", "--db", office, "--year", "2022", "--yes"); code != 0 {
		t.Fatalf("lock: exit %d %s %s", code, out, stderr)
	}
	res := filepath.Join(dir, "ket-qua.pdk")
	if code, out, stderr := run(t, "package", "export", "results", "--db", office, "--year", "2022", "--unit", "NBI", "--out", res); code != 0 {
		t.Fatalf("export results: exit %d %s %s", code, out, stderr)
	}
	t.Setenv("PARDESK_CONFIG", filepath.Join(dir, "khoa-dv"))
	unit := filepath.Join(dir, "don-vi.db")
	run(t, "new", "--db", unit)
	code, out, stderr := run(t, "package", "import", res, "--db", unit, "--trust")
	if code != 0 || !strings.Contains(out, "Khóa năm 2022 với kết quả xếp hạng như đã công bố") {
		t.Fatalf("import results: exit %d %s %s", code, out, stderr)
	}
	if code, _, stderr := run(t, "report", "conference", "--db", unit, "--year", "2022", "--unit", "NBI", "--date", "09/06/2023"); code != 0 {
		t.Fatalf("unit report from the published results: exit %d %s", code, stderr)
	}
	text := strings.Join(flat(t, filepath.Join(dir, "bao-cao-hoi-nghi-2022-NBI.pdf")), " ")
	for _, want := range []string{"đạt 81,40 %, xếp loại Khá, xếp hạng thứ 8/10 huyện, thành phố", "Cải cách tài chính công xếp loại Khá, đạt 4,9/7 điểm"} {
		if !strings.Contains(text, want) {
			t.Errorf("the unit's report does not say %q:\n%s", want, text)
		}
	}
	// Sent again, the same results change nothing; the year stays locked.
	if code, out, _ := run(t, "package", "import", res, "--db", unit); code != 0 || !strings.Contains(out, "0 tiêu chí thay đổi") {
		t.Errorf("the same results again: exit %d %s", code, out)
	}
}

// The office sends every unit its framework at once: one package per
// unit in a folder, each carrying that unit only.
func TestFrameworkPackagesOnePerUnit(t *testing.T) {
	dir, office := demoDir(t)
	t.Chdir(dir)
	t.Setenv("PARDESK_OFFICER", "Nguyễn Thị Lan")
	t.Setenv("PARDESK_CONFIG", filepath.Join(dir, "khoa"))
	code, out, stderr := run(t, "package", "export", "framework", "--db", office, "--year", "2023", "--deadline", "15/01/2024")
	if code != 0 || !strings.Contains(out, "Đã tạo 10 gói bộ chỉ số") {
		t.Fatalf("export: exit %d %s %s", code, out, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "goi-bo-chi-so-2023", "*.pdk"))
	if len(files) != 10 {
		t.Fatalf("%d packages in the folder, want 10", len(files))
	}
	code, out, _ = run(t, "package", "show", filepath.Join(dir, "goi-bo-chi-so-2023", "goi-bo-chi-so-2023-NBI.pdk"), "--db", filepath.Join(dir, "khong-co.db"))
	if code != 0 || !strings.Contains(out, "Đơn vị: NBI\n") {
		t.Errorf("NBI's package: exit %d\n%s", code, out)
	}
	if code, _, stderr := run(t, "package", "export", "framework", "--db", office, "--year", "2023", "--out", "tat-ca.pdk"); code != 2 || !strings.Contains(stderr, "thư mục") {
		t.Errorf("several units into one .pdk: exit %d %q", code, stderr)
	}
}

// Bad packages on the command line: each refused with exit 1 and a
// message naming what is wrong, the data file byte for byte as it was,
// no backup taken, nothing kept.
func TestBadPackagesChangeNothing(t *testing.T) {
	dir, office := demoDir(t)
	t.Setenv("PARDESK_OFFICER", "Nguyễn Thị Lan")
	t.Setenv("PARDESK_CONFIG", filepath.Join(dir, "khoa"))
	good := filepath.Join(dir, "goi.pdk")
	if code, _, stderr := run(t, "package", "export", "framework", "--db", office, "--year", "2023", "--unit", "NBI", "--out", good); code != 0 {
		t.Fatal(stderr)
	}
	raw, _ := os.ReadFile(good)
	rezip := func(extra string) []byte {
		zr, _ := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		for _, f := range zr.File {
			w, _ := zw.CreateHeader(&f.FileHeader)
			rc, _ := f.Open()
			io.Copy(w, rc)
			rc.Close()
		}
		if extra != "" {
			w, _ := zw.Create(extra)
			w.Write([]byte("@echo off"))
		}
		zw.Close()
		return out.Bytes()
	}
	unit := filepath.Join(dir, "don-vi.db")
	run(t, "new", "--db", unit)
	before, _ := os.ReadFile(unit)
	for _, c := range []struct {
		name string
		b    []byte
		want string
	}{
		{"cut", raw[:len(raw)-30], "cắt cụt"},
		{"escape", rezip("../../Startup/chay.bat"), `"../../Startup/chay.bat" không hợp lệ`},
		{"extra", rezip("files/them.bat"), "files/them.bat không có trong bản kê"},
	} {
		path := filepath.Join(dir, c.name+".pdk")
		os.WriteFile(path, c.b, 0o644)
		code, _, stderr := run(t, "package", "import", path, "--db", unit, "--trust")
		if code != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d %q, want it to say %q", c.name, code, stderr, c.want)
		}
	}
	if after, _ := os.ReadFile(unit); !bytes.Equal(before, after) {
		t.Error("a refused package changed the data file")
	}
	for _, d := range []string{"backups", "don-vi-goi-da-nhan", "don-vi-kiemchung"} {
		if _, err := os.Stat(filepath.Join(dir, d)); err == nil {
			t.Errorf("a refused package left %s", d)
		}
	}
}
