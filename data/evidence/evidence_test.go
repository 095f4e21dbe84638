package evidence

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
)

// pdf is a small file that starts the way every PDF does.
func pdf(body string) []byte { return []byte("%PDF-1.4\n" + body + "\n%%EOF\n") }

func hashOf(b []byte) string { h := sha256.Sum256(b); return hex.EncodeToString(h[:]) }

func zipWith(t *testing.T, name, content string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, err := z.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(content))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDirForIsBesideTheDataFile(t *testing.T) {
	got := DirFor(filepath.Join("C:", "ParDesk", "pardesk.db"))
	if want := filepath.Join("C:", "ParDesk", "pardesk-kiemchung"); got != want {
		t.Fatalf("DirFor = %q, want %q", got, want)
	}
}

func TestPutStoresByHashOnceAndVerifies(t *testing.T) {
	s := New(filepath.Join(t.TempDir(), "pardesk-kiemchung"))
	content := pdf("Quyết định 12/QĐ-UBND")
	info, err := s.Put("QĐ 12.pdf", bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	want := hashOf(content)
	if info.SHA256 != want || info.Size != int64(len(content)) || !info.Stored {
		t.Fatalf("Put = %+v, want hash %s size %d stored", info, want, len(content))
	}
	p := filepath.Join(s.Dir(), want[:2], want)
	if got, err := os.ReadFile(p); err != nil || !bytes.Equal(got, content) {
		t.Fatalf("file at %s: %v, content equal %v", p, err, bytes.Equal(got, content))
	}
	fi, _ := os.Stat(p)

	// The same content under another name writes nothing.
	again, err := s.Put("ban sao.PDF", bytes.NewReader(content))
	if err != nil || again.Stored || again.SHA256 != want {
		t.Fatalf("second Put = %+v, %v; want the same hash, not stored", again, err)
	}
	if fi2, _ := os.Stat(p); !fi2.ModTime().Equal(fi.ModTime()) {
		t.Fatal("the second Put rewrote the file")
	}
	if hs, err := s.Hashes(); err != nil || len(hs) != 1 || hs[0] != want {
		t.Fatalf("Hashes = %v, %v; want [%s]", hs, err, want)
	}
	if err := s.Verify(want); err != nil {
		t.Fatal(err)
	}
	// Nothing temporary is left in the folder.
	entries, _ := os.ReadDir(s.Dir())
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			t.Fatalf("temporary file %s left behind", e.Name())
		}
	}
}

func TestVerifyNamesMissingAndAlteredFiles(t *testing.T) {
	s := New(t.TempDir())
	content := pdf("Báo cáo CCHC")
	info, err := s.Put("bc.pdf", bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	// Altered in place: same size, one byte changed.
	altered := bytes.Clone(content)
	altered[len(altered)-3] ^= 1
	os.WriteFile(s.Path(info.SHA256), altered, 0o644)
	if err := s.Verify(info.SHA256); data.ErrorCode(err) != data.EDAMAGED || !strings.Contains(err.Error(), "bị thay đổi") {
		t.Fatalf("Verify of an altered file = %v, want EDAMAGED 'bị thay đổi'", err)
	}
	if _, err := s.CopyOut(info.SHA256, "bc.pdf", t.TempDir()); data.ErrorCode(err) != data.EDAMAGED {
		t.Fatalf("CopyOut of an altered file = %v, want EDAMAGED", err)
	}
	// Putting the good content again repairs the store.
	if info2, err := s.Put("bc.pdf", bytes.NewReader(content)); err != nil || !info2.Stored {
		t.Fatalf("Put over an altered copy = %+v, %v; want stored", info2, err)
	}
	if err := s.Verify(info.SHA256); err != nil {
		t.Fatal(err)
	}
	os.Remove(s.Path(info.SHA256))
	if err := s.Verify(info.SHA256); data.ErrorCode(err) != data.ENOTFOUND {
		t.Fatalf("Verify of a missing file = %v, want ENOTFOUND", err)
	}
}

func TestPutRefusesOverTheLimitWhileStreaming(t *testing.T) {
	s := New(t.TempDir())
	s.maxFile = 1000
	big := pdf(strings.Repeat("x", 2000))
	_, err := s.Put("scan.pdf", bytes.NewReader(big))
	if data.ErrorCode(err) != data.EINVALID || !strings.Contains(err.Error(), "«scan.pdf» lớn hơn") {
		t.Fatalf("Put of %d bytes with a 1000-byte limit = %v", len(big), err)
	}
	if hs, _ := s.Hashes(); len(hs) != 0 {
		t.Fatalf("a refused file was stored: %v", hs)
	}
	entries, _ := os.ReadDir(s.Dir())
	if len(entries) != 0 {
		t.Fatalf("a refused file left %v", entries)
	}
	// The reader is not read to its end: the limit stops the copy.
	r := &countingReader{r: bytes.NewReader(append(pdf(""), make([]byte, 1<<20)...))}
	s.Put("big.pdf", r)
	if r.n > 1000+32*1024 {
		t.Fatalf("Put read %d bytes of a file over the 1000-byte limit", r.n)
	}
	if MaxFileSize != 50<<20 {
		t.Fatalf("MaxFileSize = %d", MaxFileSize)
	}
	if got := data.FormatSize(MaxFileSize); got != "50 MB" {
		t.Fatalf("limit printed %q", got)
	}
}

type countingReader struct {
	r *bytes.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestPutRefusesWhatIsNotADocument(t *testing.T) {
	s := New(t.TempDir())
	exe := append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 200)...)
	for _, tc := range []struct {
		name    string
		content []byte
		says    string
	}{
		{"bao-cao.pdf", exe, "chương trình chạy được của Windows"},
		{"setup.exe", exe, "phần mở rộng .exe"},
		{"ghi-chu", pdf(""), "không có phần mở rộng"},
		{"anh.jpg", []byte("\x89PNG\r\n\x1a\n...."), "nội dung là ảnh PNG"},
		{"bang.xlsx", zipWith(t, "word/document.xml", "<w/>"), "không phải Excel (XLSX)"},
		{"vb.docx", zipWith(t, "virus.exe", "MZ"), "tệp nén zip"},
		{"rong.pdf", nil, "rỗng"},
	} {
		_, err := s.Put(tc.name, bytes.NewReader(tc.content))
		if data.ErrorCode(err) != data.EINVALID || !strings.Contains(err.Error(), tc.says) || !strings.Contains(err.Error(), tc.name) {
			t.Errorf("Put(%q) = %v; want EINVALID naming the file and %q", tc.name, err, tc.says)
		}
		if tc.says != "rỗng" && !strings.Contains(err.Error(), Allowed) {
			t.Errorf("Put(%q) refusal does not name the kinds allowed: %v", tc.name, err)
		}
	}
	if hs, _ := s.Hashes(); len(hs) != 0 {
		t.Fatalf("refused files were stored: %v", hs)
	}
}

func TestPutAcceptsEveryDocumentAndImageKind(t *testing.T) {
	s := New(t.TempDir())
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	for name, content := range map[string][]byte{
		"a.pdf":  append([]byte("\xef\xbb\xbf"), pdf("")...),
		"a.JPG":  {0xFF, 0xD8, 0xFF, 0xE0, 1, 2},
		"a.png":  []byte("\x89PNG\r\n\x1a\nrest"),
		"a.gif":  []byte("GIF89a...."),
		"a.webp": []byte("RIFF\x10\x00\x00\x00WEBPVP8 "),
		"a.tif":  []byte("II*\x00........"),
		"a.doc":  ole,
		"a.xls":  ole,
		"a.docx": zipWith(t, "word/document.xml", "<w/>"),
		"a.xlsx": zipWith(t, "xl/workbook.xml", "<x/>"),
		"a.odt":  zipWith(t, "mimetype", "application/vnd.oasis.opendocument.text"),
		"a.ods":  zipWith(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
	} {
		if _, err := s.Put(name, bytes.NewReader(content)); err != nil {
			t.Errorf("Put(%q): %v", name, err)
		}
	}
}

func TestCopyOutUsesTheOfficersName(t *testing.T) {
	s := New(t.TempDir())
	content := pdf("Kế hoạch")
	info, _ := s.Put("x.pdf", bytes.NewReader(content))
	dir := t.TempDir()
	p, err := s.CopyOut(info.SHA256, `..\Kế hoạch: "CCHC" 2023.pdf`, dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, `Kế hoạch_ _CCHC_ 2023.pdf`); p != want {
		t.Fatalf("CopyOut path %q, want %q", p, want)
	}
	if got, _ := os.ReadFile(p); !bytes.Equal(got, content) {
		t.Fatal("copy differs")
	}
}

// A copy still open in a viewer is reused when it holds the same bytes,
// and written again when someone changed it.
func TestCopyOutReusesAnUnchangedCopy(t *testing.T) {
	s := New(t.TempDir())
	content := pdf("Biên bản")
	info, _ := s.Put("bb.pdf", bytes.NewReader(content))
	dir := t.TempDir()
	p, err := s.CopyOut(info.SHA256, "bb.pdf", dir)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(p, []byte("%PDF-1.4 sửa trong trình xem"), 0o644)
	if p2, err := s.CopyOut(info.SHA256, "bb.pdf", dir); err != nil || p2 != p {
		t.Fatal(p2, err)
	}
	if got, _ := os.ReadFile(p); !bytes.Equal(got, content) {
		t.Fatal("a changed copy was shown as the evidence")
	}
}
