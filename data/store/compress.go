package store

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"

	"github.com/klauspost/compress/zstd"

	"github.com/pardesk/pardesk/data/progress"
)

// Backups are written compressed with zstd ("….db.zst"); a ParDesk data
// file compresses to a fraction of its size.
// Backups taken by an older ParDesk, not compressed, are still listed,
// checked and restored: a file is known compressed by its first bytes,
// never by its name alone.

// compressedExt ends the name of a compressed backup.
const compressedExt = ".zst"

// zstdMagic opens every zstd frame; a bbolt file starts with a page
// header, never with these bytes.
var zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}

// isCompressed says whether the file at path starts as a zstd stream.
func isCompressed(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(zstdMagic))
	if _, err := io.ReadFull(f, head); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return false, nil
		}
		return false, err
	}
	return bytes.Equal(head, zstdMagic), nil
}

// newEncoder compresses into w at the default level with one goroutine
// and a 2 MB window: the backup runs beside the window on a two-core PC,
// and memory stays within a few MB whatever the file's size (zstd's 8 MB
// default window costs more to set up than a demo file takes to
// compress, for a ratio hardly better).
func newEncoder(w io.Writer) (*zstd.Encoder, error) {
	return zstd.NewWriter(w, zstd.WithEncoderConcurrency(1), zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithWindowSize(2<<20))
}

// writeError marks an error of the file written to, so that a failed
// write (a full disk) is not taken for a damaged backup.
type writeError struct{ err error }

func (e writeError) Error() string { return e.err.Error() }
func (e writeError) Unwrap() error { return e.err }

type markedWriter struct{ w io.Writer }

func (m markedWriter) Write(p []byte) (int, error) {
	n, err := m.w.Write(p)
	if err != nil {
		err = writeError{err}
	}
	return n, err
}

// decompress writes the zstd stream read from r into w. A stream that
// does not decode (a damaged or truncated backup) is a *damage; an error
// writing to w is returned as it is.
func decompress(w io.Writer, r io.Reader) error {
	dec, err := zstd.NewReader(bufio.NewReaderSize(r, 1<<16), zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true))
	if err != nil {
		return err
	}
	defer dec.Close()
	_, err = io.Copy(markedWriter{w}, dec)
	var we writeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &we):
		return we.err
	}
	return damagef("phần nén không giải nén được: %v", err)
}

// copyBeside copies src into a new temporary file in the folder of dst (so
// that a rename onto dst is atomic) and returns its name; a compressed
// backup is decompressed on the way. A compressed src that does not decode
// is a *damage.
func copyBeside(src, dst string) (string, error) { return copyBesideProgress(src, dst, nil) }

// copyBesideProgress is copyBeside telling p how much it has read.
func copyBesideProgress(src, dst string, p progress.Func) (string, error) {
	return unpack(src, filepath.Dir(dst), ".khoi-phuc-*", true, p)
}

// unpack copies src, decompressed when it is compressed, into a new
// temporary file in dir named after pattern, synced to disk when durable
// (a copy only read for a check need not be).
func unpack(src, dir, pattern string, durable bool, p progress.Func) (string, error) {
	compressed, err := isCompressed(src)
	if err != nil {
		return "", err
	}
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	var r io.Reader = in
	if p != nil {
		if fi, err := in.Stat(); err == nil {
			r = &progress.Reader{R: in, Stage: stageUnpack, Total: fi.Size(), F: p}
		}
	}
	out, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", err
	}
	if compressed {
		err = decompress(out, r)
	} else {
		_, err = io.Copy(out, r)
	}
	if err == nil && durable {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out.Name())
		return "", err
	}
	return out.Name(), nil
}

// checkBackup checks a backup whole, compressed or not: a compressed one
// is decompressed into a temporary file beside it (bbolt reads a file, not
// a stream), checked, and the temporary file removed. The error is what
// checkFile returns, or a *damage for a stream that does not decode.
func checkBackup(path string) error { return checkBackupProgress(path, nil) }

// checkBackupProgress is checkBackup telling p how far it has gone.
func checkBackupProgress(path string, p progress.Func) error {
	compressed, err := isCompressed(path)
	if err != nil {
		return err
	}
	if !compressed {
		return checkWholeProgress(path, p)
	}
	tmp, err := unpack(path, filepath.Dir(path), ".kiem-tra-*", false, p)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	return checkWholeProgress(tmp, p)
}
