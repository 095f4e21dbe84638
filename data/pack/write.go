package pack

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
)

// Writer makes a package: entries are streamed into the zip as they are
// added, hashed on the way, and the signed manifest is written last, so a
// package with 40 MB of evidence never sits whole in memory.
type Writer struct {
	zw   *zip.Writer
	m    Manifest
	seen map[string]bool
}

// NewWriter starts a package of the manifest's kind, year, sender and
// units into w. The ID, key, creation time and entries are filled in by
// the writer.
func NewWriter(w io.Writer, m Manifest) *Writer {
	var id [8]byte
	rand.Read(id[:])
	m.Format = FormatVersion
	m.ID = hex.EncodeToString(id[:])
	if m.Created.IsZero() {
		m.Created = time.Now()
	}
	m.Created = m.Created.UTC().Truncate(time.Second)
	m.Entries = nil
	m.Units = slices.Clone(m.Units)
	return &Writer{zw: zip.NewWriter(w), m: m, seen: map[string]bool{}}
}

// ID is the package's identifier, known as soon as it is started.
func (w *Writer) ID() string { return w.m.ID }

// AddJSON writes v as the JSON entry path (content.json).
func (w *Writer) AddJSON(path string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.add(path, "", -1, zip.Deflate, bytes.NewReader(raw))
	return err
}

// AddFile writes an evidence file by its content: its SHA-256 (hex) as
// the evidence store knows it, its own name and size. The bytes are hashed
// on the way and a file that does not match its hash is refused. A file
// added twice (the same document on two criteria) is stored once.
func (w *Writer) AddFile(sha, name string, size int64, r io.Reader) error {
	p := FilePath(sha)
	if w.seen[p] {
		return nil
	}
	// Evidence is mostly PDF and photos, already compressed: stored as it
	// is, it costs no CPU on an old PC and reads back at disk speed.
	_, err := w.add(p, name, size, zip.Store, r)
	return err
}

func (w *Writer) add(path, name string, size int64, method uint16, r io.Reader) (Entry, error) {
	if w.seen[path] || path == ManifestPath || path == SignaturePath {
		return Entry{}, fmt.Errorf("pack: entry %s added twice", path)
	}
	if err := checkPath(path); err != nil {
		return Entry{}, err
	}
	zf, err := w.zw.CreateHeader(&zip.FileHeader{Name: path, Method: method, Modified: w.m.Created})
	if err != nil {
		return Entry{}, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(zf, h), r)
	if err != nil {
		return Entry{}, err
	}
	e := Entry{Path: path, Size: n, SHA256: hex.EncodeToString(h.Sum(nil)), Name: name}
	if size >= 0 && n != size {
		return Entry{}, data.Errorf(data.EINVALID, "Tệp kiểm chứng «%s» dài %d byte, không phải %d byte như đã ghi: tệp đã bị thay đổi", name, n, size)
	}
	if strings.HasPrefix(path, filesDir) && e.SHA256 != path[len(filesDir):] {
		return Entry{}, data.Errorf(data.EINVALID, "Tệp kiểm chứng «%s» không khớp mã băm đã lưu: tệp đã bị thay đổi", name)
	}
	w.seen[path] = true
	w.m.Entries = append(w.m.Entries, e)
	return e, nil
}

// Close signs the manifest with the installation key and finishes the
// zip. The manifest's bytes are written exactly as signed.
func (w *Writer) Close(k *Key) (Manifest, error) {
	w.m.Key = base64.StdEncoding.EncodeToString(k.Public())
	raw, err := json.MarshalIndent(w.m, "", "  ")
	if err != nil {
		return w.m, err
	}
	sig := ed25519.Sign(k.Private, raw)
	for _, e := range []struct {
		path string
		b    []byte
	}{{ManifestPath, raw}, {SignaturePath, []byte(base64.StdEncoding.EncodeToString(sig) + "\n")}} {
		zf, err := w.zw.CreateHeader(&zip.FileHeader{Name: e.path, Method: zip.Deflate, Modified: w.m.Created})
		if err != nil {
			return w.m, err
		}
		if _, err := zf.Write(e.b); err != nil {
			return w.m, err
		}
	}
	return w.m, w.zw.Close()
}
