package pack

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
)

func testKey(t testing.TB) *Key {
	t.Helper()
	k, err := LoadKey(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func shaOf(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

// makePackage writes a self-assessment package with one content entry and
// the given evidence files.
func makePackage(t testing.TB, k *Key, files ...[]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, Manifest{Kind: KindSelf, Sender: Sender{Name: "UBND xã Hưng Đạo", Officer: "Lê Văn Bình"}, Year: 2023, Units: []string{"HDA"}})
	if err := w.AddJSON(ContentPath, Content{Sheets: []data.Sheet{*data.NewSheet(2023, "HDA")}}); err != nil {
		t.Fatal(err)
	}
	for i, f := range files {
		if err := w.AddFile(shaOf(f), "Quyết định "+string(rune('1'+i))+".pdf", int64(len(f)), bytes.NewReader(f)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Close(k); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(b []byte) (*Package, error) { return Open(bytes.NewReader(b), int64(len(b)), DefaultLimits) }

func mustRefuse(t *testing.T, b []byte, lim Limits, want ...string) {
	t.Helper()
	p, err := Open(bytes.NewReader(b), int64(len(b)), lim)
	if err == nil {
		t.Fatalf("package accepted (%s), want refused with %q", p.Kind, want)
	}
	msg := data.ErrorMessage(err)
	t.Log(msg)
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q does not say %q", msg, w)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	k := testKey(t)
	doc := bytes.Repeat([]byte("biên bản "), 1000)
	b := makePackage(t, k, doc, doc) // the same file twice is stored once
	p, err := open(b)
	if err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	if p.Sender.Name != "UBND xã Hưng Đạo" || p.Sender.Officer != "Lê Văn Bình" || p.Year != 2023 || p.Fingerprint != k.Fingerprint() {
		t.Errorf("manifest read back as %+v, fingerprint %s", p.Manifest, p.Fingerprint)
	}
	if n, count := p.FileSize(); n != int64(len(doc)) || count != 1 {
		t.Errorf("files: %d bytes in %d, want %d in 1", n, count, len(doc))
	}
	rc, err := p.Open(FilePath(shaOf(doc)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc)
	if err != nil || !bytes.Equal(got, doc) {
		t.Errorf("evidence read back: %d bytes, err %v", len(got), err)
	}
	if e := p.Entry(FilePath(shaOf(doc))); e.Name != "Quyết định 1.pdf" {
		t.Errorf("evidence name %q", e.Name)
	}
}

func TestKeyMadeOnceAndKeptPrivate(t *testing.T) {
	dir := t.TempDir()
	a, err := LoadKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := LoadKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	if a.Fingerprint() != b.Fingerprint() {
		t.Errorf("second load made another key: %s, %s", a.Fingerprint(), b.Fingerprint())
	}
	if fp := a.Fingerprint(); len(fp) != 19 || strings.Count(fp, "-") != 3 {
		t.Errorf("fingerprint %q, want four groups of four hex digits", fp)
	}
	fi, err := os.Stat(filepath.Join(dir, KeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if !isWindows() && fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", fi.Mode().Perm())
	}
	os.WriteFile(filepath.Join(dir, KeyFile), []byte("{"), 0o600)
	if _, err := LoadKey(dir); data.ErrorCode(err) != data.EDAMAGED {
		t.Errorf("damaged key file: %v, want EDAMAGED", err)
	}
}

// rezip copies a package entry by entry, letting edit change an entry's
// name or bytes (nil bytes drop it), and add more.
func rezip(t *testing.T, b []byte, edit func(name string, body []byte) (string, []byte), extra map[string][]byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		name := f.Name
		if edit != nil {
			name, body = edit(name, body)
		}
		if body == nil {
			continue
		}
		w, _ := zw.Create(name)
		w.Write(body)
	}
	for name, body := range extra {
		w, _ := zw.Create(name)
		w.Write(body)
	}
	zw.Close()
	return out.Bytes()
}

func TestOneByteChangedIsRefusedNamingTheEntry(t *testing.T) {
	k := testKey(t)
	doc := []byte("Quyết định số 12/QĐ-UBND")
	b := rezip(t, makePackage(t, k, doc), func(name string, body []byte) (string, []byte) {
		if strings.HasPrefix(name, "files/") {
			body = bytes.Clone(body)
			body[3] ^= 1
		}
		return name, body
	}, nil)
	mustRefuse(t, b, DefaultLimits, FilePath(shaOf(doc)), "SHA-256")
}

func TestChangedManifestBreaksTheSignature(t *testing.T) {
	b := rezip(t, makePackage(t, testKey(t)), func(name string, body []byte) (string, []byte) {
		if name == ManifestPath {
			body = bytes.Replace(body, []byte("Hưng Đạo"), []byte("Hưng Đảo"), 1)
		}
		return name, body
	}, nil)
	mustRefuse(t, b, DefaultLimits, "chữ ký", SignaturePath)
}

func TestTruncatedAndForeignFilesAreRefused(t *testing.T) {
	b := makePackage(t, testKey(t), []byte("x"))
	for _, n := range []int{0, 10, len(b) / 2, len(b) - 1} {
		mustRefuse(t, b[:n], DefaultLimits, "cắt cụt")
	}
	mustRefuse(t, []byte("PK\x03\x04 not really a zip"), DefaultLimits, "không phải gói")
}

func TestMissingAndExtraEntriesAreRefused(t *testing.T) {
	k := testKey(t)
	doc := []byte("ảnh bảng niêm yết")
	drop := func(prefix string) []byte {
		return rezip(t, makePackage(t, k, doc), func(name string, body []byte) (string, []byte) {
			if strings.HasPrefix(name, prefix) {
				return name, nil
			}
			return name, body
		}, nil)
	}
	mustRefuse(t, drop("files/"), DefaultLimits, FilePath(shaOf(doc)), "không có mục đó")
	mustRefuse(t, drop(SignaturePath), DefaultLimits, "thiếu mục "+SignaturePath)
	mustRefuse(t, drop(ManifestPath), DefaultLimits, "thiếu mục "+ManifestPath)
	extra := rezip(t, makePackage(t, k), nil, map[string][]byte{"files/thêm.exe": []byte("MZ")})
	mustRefuse(t, extra, DefaultLimits, "files/thêm.exe", "không có trong bản kê")
}

func TestUnsafePathsAreRefused(t *testing.T) {
	k := testKey(t)
	for _, name := range []string{"../../Startup/a.bat", "files/../../x", "/etc/passwd", `files\..\x`, "C:/Windows/x", "files//x", "./content.json"} {
		b := rezip(t, makePackage(t, k), nil, map[string][]byte{name: []byte("x")})
		mustRefuse(t, b, DefaultLimits, "không hợp lệ")
	}
}

func TestOversizedEntriesAreRefused(t *testing.T) {
	k := testKey(t)
	doc := bytes.Repeat([]byte{7}, 5000)
	b := makePackage(t, k, doc)
	lim := DefaultLimits
	lim.MaxEntry = 4000
	mustRefuse(t, b, lim, FilePath(shaOf(doc)), "quá giới hạn")
	lim = DefaultLimits
	lim.MaxTotal = 5000
	mustRefuse(t, b, lim, "tổng dung lượng")
	lim = DefaultLimits
	lim.MaxEntries = 2
	mustRefuse(t, b, lim, "quá giới hạn 2 mục")
}

// A zip bomb: an entry that unzips to 64 MB from a few kilobytes, either
// declared honestly (the ratio gives it away) or declared as 10 bytes
// (reading stops at the manifest's size).
func TestZipBombsAreRefused(t *testing.T) {
	k := testKey(t)
	huge := make([]byte, 64<<20)
	var buf bytes.Buffer
	w := NewWriter(&buf, Manifest{Kind: KindSelf, Sender: Sender{Name: "X"}, Year: 2023, Units: []string{"HDA"}})
	w.AddJSON(ContentPath, Content{})
	if _, err := w.add("files/"+shaOf(huge), "bom.pdf", -1, zip.Deflate, bytes.NewReader(huge)); err != nil {
		t.Fatal(err)
	}
	w.Close(k)
	mustRefuse(t, buf.Bytes(), DefaultLimits, "bom zip", "files/"+shaOf(huge))

	// The lying kind: the manifest and the zip's header both say 10
	// bytes of the raw deflate stream that unzips to 64 MB.
	small := []byte("0123456789")
	var deflated bytes.Buffer
	{
		var tmp bytes.Buffer
		zw := zip.NewWriter(&tmp)
		f, _ := zw.CreateHeader(&zip.FileHeader{Name: "x", Method: zip.Deflate})
		f.Write(huge)
		zw.Close()
		zr, _ := zip.NewReader(bytes.NewReader(tmp.Bytes()), int64(tmp.Len()))
		raw, _ := zr.File[0].OpenRaw()
		io.Copy(&deflated, raw)
	}
	var out bytes.Buffer
	w = NewWriter(&out, Manifest{Kind: KindSelf, Sender: Sender{Name: "X"}, Year: 2023, Units: []string{"HDA"}})
	w.AddJSON(ContentPath, Content{})
	p := "files/" + shaOf(small)
	w.m.Entries = append(w.m.Entries, Entry{Path: p, Size: int64(len(small)), SHA256: shaOf(small)})
	raw, err := w.zw.CreateRaw(&zip.FileHeader{Name: p, Method: zip.Deflate, CompressedSize64: uint64(deflated.Len()), UncompressedSize64: uint64(len(small))})
	if err != nil {
		t.Fatal(err)
	}
	raw.Write(deflated.Bytes())
	w.Close(k)
	mustRefuse(t, out.Bytes(), DefaultLimits, p, "bom zip")
}

func TestUnsafePathIsRefusedWhenWriting(t *testing.T) {
	w := NewWriter(io.Discard, Manifest{Kind: KindSelf})
	if err := w.AddJSON("../content.json", 1); err == nil {
		t.Error("writer took an entry named ../content.json")
	}
}

func TestNewerFormatAndDuplicateEntriesAreRefused(t *testing.T) {
	k := testKey(t)
	var buf bytes.Buffer
	w := NewWriter(&buf, Manifest{Kind: KindSelf, Sender: Sender{Name: "X"}, Year: 2023})
	w.AddJSON(ContentPath, Content{})
	w.m.Format = FormatVersion + 1
	w.Close(k)
	mustRefuse(t, buf.Bytes(), DefaultLimits, "ParDesk mới hơn", "cập nhật")

	b := rezip(t, makePackage(t, k), nil, map[string][]byte{ContentPath: []byte("{}")})
	mustRefuse(t, b, DefaultLimits, ContentPath, "hai lần")
}
