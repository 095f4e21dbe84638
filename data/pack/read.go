package pack

import (
	"archive/zip"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/progress"
)

// Limits bound what a package may hold. A package is refused, before
// anything of it is written, when it exceeds one of them.
type Limits struct {
	MaxEntry   int64 // bytes of one entry, unzipped
	MaxTotal   int64 // bytes of all entries, unzipped
	MaxEntries int   // number of entries
	// MaxRatio bounds unzipped / zipped size for an entry larger than
	// ratioFloor: a few kilobytes that unzip to gigabytes are a zip bomb,
	// not an office's data.
	MaxRatio int64
}

// DefaultLimits allow a unit's whole year with generous evidence (scans of
// decisions and photos of notice boards, a few MB each), far more than a
// real self-assessment, and nothing an old PC could not hold.
var DefaultLimits = Limits{MaxEntry: 200 << 20, MaxTotal: 1 << 30, MaxEntries: 50_000, MaxRatio: 200}

// ratioFloor: entries smaller than this are never called a bomb, whatever
// they compress to (a JSON of empty scores compresses very well).
const ratioFloor = 1 << 20

// maxManifest bounds manifest.json and manifest.sig, read whole before
// anything is trusted.
const maxManifest = 16 << 20

// Package is a package that was read and checked whole: the manifest is
// signed by the key it names and every entry matches it.
type Package struct {
	Manifest
	// Fingerprint is the short fingerprint of the key that signed it.
	Fingerprint string
	PublicKey   ed25519.PublicKey
	files       map[string]*zip.File
	src         io.ReaderAt
	size        int64
}

// Copy writes the package's file exactly as it was read: the receiver
// keeps the signed original of every package it imported.
func (p *Package) Copy(w io.Writer) error {
	_, err := io.Copy(w, io.NewSectionReader(p.src, 0, p.size))
	return err
}

// refuse builds the message of a refused package.
func refuse(format string, args ...any) error {
	return data.Errorf(data.EINVALID, "Không nhận gói: "+format, args...)
}

// Open reads a package from r (size bytes) and checks it whole: the zip,
// every path, the sizes against lim, the signature over the manifest, the
// list of entries against the manifest and every entry's SHA-256. Nothing
// is returned from a package that fails any check, so nothing of it can be
// written; the message names the entry at fault.
func Open(r io.ReaderAt, size int64, lim Limits) (*Package, error) {
	return OpenProgress(r, size, lim, nil)
}

// CheckStage is the stage OpenProgress reports while it hashes the
// entries.
const CheckStage = "Đang kiểm tra gói"

// OpenProgress is Open telling f how many bytes of the entries it has
// checked: a share with hundreds of MB of evidence takes a while.
func OpenProgress(r io.ReaderAt, size int64, lim Limits, f progress.Func) (*Package, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, refuse("tệp không phải gói trao đổi của ParDesk, hoặc bị cắt cụt khi chép (tệp zip không đọc được: thiếu phần cuối). Hãy xin người gửi gửi lại.")
		}
		return nil, refuse("không đọc được tệp: %v", err)
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, refuse("có %d mục, quá giới hạn %d mục", len(zr.File), lim.MaxEntries)
	}
	files := map[string]*zip.File{}
	var total int64
	for _, f := range zr.File {
		if err := checkPath(f.Name); err != nil {
			return nil, err
		}
		if files[f.Name] != nil {
			return nil, refuse("mục %s có hai lần trong gói", f.Name)
		}
		if f.Mode().IsDir() || strings.HasSuffix(f.Name, "/") {
			return nil, refuse("mục %s là thư mục; gói chỉ chứa tệp", f.Name)
		}
		if f.Method != zip.Store && f.Method != zip.Deflate {
			return nil, refuse("mục %s nén bằng cách không hỗ trợ (mã %d)", f.Name, f.Method)
		}
		us := int64(f.UncompressedSize64)
		if f.UncompressedSize64 > uint64(lim.MaxEntry) {
			return nil, refuse("mục %s khai báo %s khi giải nén, quá giới hạn %s của một mục", f.Name, byteSize(int64(min(f.UncompressedSize64, 1<<62))), byteSize(lim.MaxEntry))
		}
		if total += us; total > lim.MaxTotal {
			return nil, refuse("tổng dung lượng giải nén vượt giới hạn %s (đến mục %s)", byteSize(lim.MaxTotal), f.Name)
		}
		if us > ratioFloor && (f.CompressedSize64 == 0 || us/int64(f.CompressedSize64) > lim.MaxRatio) {
			return nil, bomb(f.Name)
		}
		files[f.Name] = f
	}
	for _, p := range []string{ManifestPath, SignaturePath} {
		if files[p] == nil {
			return nil, refuse("thiếu mục %s: tệp không phải gói trao đổi của ParDesk, hoặc đã bị sửa", p)
		}
	}
	raw, err := readSmall(files[ManifestPath], lim)
	if err != nil {
		return nil, err
	}
	sigText, err := readSmall(files[SignaturePath], lim)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, refuse("mục %s không đọc được (%v)", ManifestPath, err)
	}
	if m.Format > FormatVersion {
		return nil, refuse("gói được tạo bằng ParDesk mới hơn (định dạng %d, bản này đọc định dạng %d). Hãy cập nhật ParDesk.", m.Format, FormatVersion)
	}
	if m.Format < 1 || !m.Kind.valid() {
		return nil, refuse("mục %s không phải bản kê của gói ParDesk (định dạng %d, loại %q)", ManifestPath, m.Format, m.Kind)
	}
	pub, err := ParsePublicKey(m.Key)
	if err != nil {
		return nil, err
	}
	sig, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(sigText)))
	if err != nil || !ed25519.Verify(pub, raw, sig) {
		return nil, refuse("chữ ký trong %s không khớp bản kê %s: gói đã bị sửa sau khi ký, hoặc không phải do %s gửi", SignaturePath, ManifestPath, m.Sender.Name)
	}
	listed := map[string]bool{}
	for _, e := range m.Entries {
		if err := checkPath(e.Path); err != nil {
			return nil, err
		}
		if e.Path == ManifestPath || e.Path == SignaturePath || listed[e.Path] {
			return nil, refuse("bản kê ghi mục %s hai lần", e.Path)
		}
		listed[e.Path] = true
		f := files[e.Path]
		if f == nil {
			return nil, refuse("bản kê ghi mục %s nhưng trong gói không có mục đó", e.Path)
		}
		if int64(f.UncompressedSize64) != e.Size {
			return nil, refuse("mục %s dài %d byte, bản kê ghi %d byte: mục đã bị thay đổi", e.Path, f.UncompressedSize64, e.Size)
		}
	}
	for name := range files {
		if name != ManifestPath && name != SignaturePath && !listed[name] {
			return nil, refuse("mục %s không có trong bản kê: gói đã bị thêm tệp sau khi ký", name)
		}
	}
	p := &Package{Manifest: m, Fingerprint: Fingerprint(pub), PublicKey: pub, files: files, src: r, size: size}
	var all, done int64
	for _, e := range m.Entries {
		all += e.Size
	}
	for _, e := range m.Entries {
		rc, err := p.Open(e.Path)
		if err != nil {
			return nil, err
		}
		n, err := io.Copy(io.Discard, &progress.Reader{R: rc, Stage: CheckStage, Total: all, F: offset(f, done)})
		rc.Close()
		if err != nil {
			return nil, err
		}
		done += n
	}
	f.Report(CheckStage, all, all)
	return p, nil
}

// offset reports progress within one entry as progress through all.
func offset(f progress.Func, base int64) progress.Func {
	if f == nil {
		return nil
	}
	return func(stage string, n, total int64) { f(stage, base+n, total) }
}

// readSmall reads the manifest or the signature whole, counting bytes.
func readSmall(f *zip.File, lim Limits) ([]byte, error) {
	if f.UncompressedSize64 > maxManifest {
		return nil, refuse("mục %s quá lớn (%s)", f.Name, byteSize(int64(min(f.UncompressedSize64, 1<<62))))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, entryError(f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxManifest+1))
	if err != nil {
		return nil, entryError(f.Name, err)
	}
	if len(b) > maxManifest {
		return nil, bomb(f.Name)
	}
	return b, nil
}

// Open returns the bytes of an entry, checked against the manifest as
// they are read: never more than the manifest's size (a zip's declared
// sizes can lie), and at the end the SHA-256. A mismatch is an error from
// Read naming the entry; a caller writes nothing it read from an entry
// before Read returned io.EOF.
func (p *Package) Open(path string) (io.ReadCloser, error) {
	e := p.Entry(path)
	f := p.files[path]
	if e == nil || f == nil {
		return nil, refuse("không có mục %s", path)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, entryError(path, err)
	}
	return &checked{rc: rc, r: io.LimitReader(rc, e.Size+1), e: e, h: sha256.New()}, nil
}

type checked struct {
	rc io.ReadCloser
	r  io.Reader
	e  *Entry
	h  interface {
		io.Writer
		Sum([]byte) []byte
	}
	n    int64
	done error
}

func (c *checked) Read(b []byte) (int, error) {
	if c.done != nil {
		return 0, c.done
	}
	n, err := c.r.Read(b)
	c.n += int64(n)
	c.h.Write(b[:n])
	if c.n > c.e.Size {
		c.done = bomb(c.e.Path)
		return 0, c.done
	}
	if err == io.EOF {
		switch {
		case c.n != c.e.Size:
			c.done = refuse("mục %s bị cắt cụt: %d byte, bản kê ghi %d byte", c.e.Path, c.n, c.e.Size)
		case hex.EncodeToString(c.h.Sum(nil)) != c.e.SHA256:
			c.done = refuse("mục %s không khớp mã SHA-256 trong bản kê: nội dung đã bị thay đổi trên đường gửi", c.e.Path)
		default:
			c.done = io.EOF
		}
		if c.done != io.EOF {
			return 0, c.done
		}
		return n, io.EOF
	}
	if err != nil {
		c.done = entryError(c.e.Path, err)
		if errors.Is(err, zip.ErrFormat) {
			// While reading, archive/zip says ErrFormat only for an entry
			// that unzips past its header's size.
			c.done = bomb(c.e.Path)
		}
		return 0, c.done
	}
	return n, nil
}

func (c *checked) Close() error { return c.rc.Close() }

// ReadJSON decodes a JSON entry (content.json), checked like Open.
func (p *Package) ReadJSON(path string, v any) error {
	rc, err := p.Open(path)
	if err != nil {
		return err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return refuse("mục %s không đọc được (%v)", path, err)
	}
	return nil
}

// HasFile reports whether the package carries the evidence file sha.
func (p *Package) HasFile(sha string) bool { return p.Entry(FilePath(sha)) != nil }

func bomb(name string) error {
	return refuse("mục %s giải nén ra nhiều hơn kích thước khai báo hoặc nén quá mức bất thường (tệp «bom zip»). Gói bị từ chối, không ghi gì.", name)
}

func entryError(name string, err error) error {
	switch {
	case errors.Is(err, zip.ErrChecksum):
		return refuse("mục %s hỏng (sai mã kiểm tra CRC-32): tệp đã bị thay đổi hoặc hỏng khi chép", name)
	case errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, zip.ErrAlgorithm):
		return refuse("mục %s không đọc được (tệp hỏng hoặc bị cắt cụt)", name)
	}
	if strings.HasPrefix(err.Error(), "flate:") {
		return refuse("mục %s không giải nén được (dữ liệu nén hỏng)", name)
	}
	return refuse("mục %s không đọc được: %v", name, err)
}

// checkPath refuses an entry name that could land outside the folder it
// is unpacked into, or that Windows would read differently: "..", an
// absolute path, a backslash, a drive letter, a name that is not clean.
func checkPath(p string) error {
	bad := func(why string) error {
		return refuse("tên mục %q không hợp lệ (%s)", p, why)
	}
	switch {
	case p == "":
		return bad("tên trống")
	case strings.Contains(p, `\`):
		return bad("có dấu \\")
	case strings.HasPrefix(p, "/"):
		return bad("đường dẫn tuyệt đối")
	case len(p) >= 2 && p[1] == ':' || strings.Contains(p, ":"):
		return bad("có ký tự «:» hoặc tên ổ đĩa")
	case strings.ContainsRune(p, 0):
		return bad("có ký tự rỗng")
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return bad("có «..», trỏ ra ngoài thư mục")
		}
	}
	if path.Clean(p) != strings.TrimSuffix(p, "/") || strings.HasPrefix(p, "./") {
		return bad("đường dẫn không chuẩn")
	}
	return nil
}

// byteSize prints a size the way an officer reads it: "40,0 MB".
func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return strings.Replace(fmt.Sprintf("%.1f GB", float64(n)/(1<<30)), ".", ",", 1)
	case n >= 1<<20:
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
	case n >= 1<<10:
		return strings.Replace(fmt.Sprintf("%.1f KB", float64(n)/(1<<10)), ".", ",", 1)
	}
	return fmt.Sprintf("%d byte", n)
}

// ByteSize prints a size for the officer ("40,0 MB").
func ByteSize(n int64) string { return byteSize(n) }
