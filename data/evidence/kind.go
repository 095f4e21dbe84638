package evidence

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pardesk/pardesk/data"
)

// Allowed is the list of kinds an evidence file may be, as the refusal
// names them.
const Allowed = "PDF, ảnh (JPG, PNG, GIF, WebP, TIFF), Word (DOC, DOCX, ODT), Excel (XLS, XLSX, ODS)"

// kind is one accepted file kind: the name an officer knows it by and what
// its first bytes (or, for the zip-based office formats, its parts) must be.
type kind struct {
	label string
	magic [][]byte // any of these at the start (PDF: within the first KB)
	ole   bool     // an OLE compound file (Word 97-2003, Excel 97-2003)
	zip   string   // a zip that holds this part (Office Open XML) or this mimetype (OpenDocument)
}

var (
	kindPDF  = kind{label: "PDF"}
	kindJPEG = kind{label: "ảnh JPG", magic: [][]byte{{0xFF, 0xD8, 0xFF}}}
	kindPNG  = kind{label: "ảnh PNG", magic: [][]byte{[]byte("\x89PNG\r\n\x1a\n")}}
	kindGIF  = kind{label: "ảnh GIF", magic: [][]byte{[]byte("GIF87a"), []byte("GIF89a")}}
	kindWebP = kind{label: "ảnh WebP"} // RIFF….WEBP, checked in check
	kindTIFF = kind{label: "ảnh TIFF", magic: [][]byte{[]byte("II*\x00"), []byte("MM\x00*")}}
	kindDOC  = kind{label: "Word 97-2003 (DOC)", ole: true}
	kindXLS  = kind{label: "Excel 97-2003 (XLS)", ole: true}
	kindDOCX = kind{label: "Word (DOCX)", zip: "word/document.xml"}
	kindXLSX = kind{label: "Excel (XLSX)", zip: "xl/workbook.xml"}
	kindODT  = kind{label: "OpenDocument văn bản (ODT)", zip: "application/vnd.oasis.opendocument.text"}
	kindODS  = kind{label: "OpenDocument bảng tính (ODS)", zip: "application/vnd.oasis.opendocument.spreadsheet"}
)

var kinds = map[string]kind{
	".pdf": kindPDF,
	".jpg": kindJPEG, ".jpeg": kindJPEG, ".png": kindPNG, ".gif": kindGIF, ".webp": kindWebP, ".tif": kindTIFF, ".tiff": kindTIFF,
	".doc": kindDOC, ".xls": kindXLS, ".docx": kindDOCX, ".xlsx": kindXLSX, ".odt": kindODT, ".ods": kindODS,
}

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// CheckName refuses, before anything is read, a file whose extension is
// not a document or image kind: the message names the file and the kinds
// allowed.
func CheckName(name string) error {
	_, err := kindOf(name)
	return err
}

func kindOf(name string) (kind, error) {
	ext := strings.ToLower(filepath.Ext(name))
	k, ok := kinds[ext]
	if !ok {
		what := "không có phần mở rộng"
		if ext != "" {
			what = "có phần mở rộng " + ext
		}
		return kind{}, data.Errorf(data.EINVALID, "Tệp «%s» %s: không phải tài liệu hay ảnh. Tài liệu kiểm chứng chỉ nhận %s.", filepath.Base(name), what, Allowed)
	}
	return k, nil
}

// check reads the file written at path and refuses it unless its content
// is the kind its name says; the message names the file, what the content
// looks like and the kinds allowed.
func (k kind) check(path, name string) error {
	f, err := os.Open(path)
	if err != nil {
		return data.Errorf(data.EINTERNAL, "Không đọc lại được tệp «%s»: %v", name, err)
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	ok := false
	switch {
	case k.label == kindPDF.label:
		// Some scanners write a few bytes before the header; readers accept
		// it anywhere in the first KB.
		ok = bytes.Contains(head, []byte("%PDF-"))
	case k.label == kindWebP.label:
		ok = len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP"
	case k.ole:
		ok = bytes.HasPrefix(head, oleMagic)
	case k.zip != "":
		fi, err := f.Stat()
		ok = err == nil && zipHolds(f, fi.Size(), k.zip)
	default:
		for _, m := range k.magic {
			ok = ok || bytes.HasPrefix(head, m)
		}
	}
	if ok {
		return nil
	}
	return data.Errorf(data.EINVALID, "Tệp «%s» mang đuôi %s nhưng nội dung không phải %s (%s): không đính kèm. Tài liệu kiểm chứng chỉ nhận %s.",
		filepath.Base(name), strings.ToLower(filepath.Ext(name)), k.label, looksLike(head), Allowed)
}

// zipHolds reports whether the zip in r holds the part want (Office Open
// XML) or declares want as its mimetype (OpenDocument).
func zipHolds(r io.ReaderAt, size int64, want string) bool {
	z, err := zip.NewReader(r, size)
	if err != nil {
		return false
	}
	for _, f := range z.File {
		if f.Name == want {
			return true
		}
		if f.Name == "mimetype" && strings.HasPrefix(want, "application/") {
			rc, err := f.Open()
			if err != nil {
				return false
			}
			b, _ := io.ReadAll(io.LimitReader(rc, 128))
			rc.Close()
			return strings.TrimSpace(string(b)) == want
		}
	}
	return false
}

// looksLike names, for the refusal, what a content that is not the kind
// its name says seems to be.
func looksLike(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("MZ")):
		return "đây là một chương trình chạy được của Windows"
	case bytes.HasPrefix(head, []byte("\x7fELF")), bytes.HasPrefix(head, []byte("#!")):
		return "đây là một chương trình chạy được"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "đây là một tệp nén zip"
	case bytes.HasPrefix(head, []byte("Rar!")), bytes.HasPrefix(head, []byte("7z\xbc\xaf")):
		return "đây là một tệp nén"
	}
	for _, k := range kinds {
		if k.label != kindPDF.label && k.label != kindWebP.label && !k.ole && k.zip == "" {
			for _, m := range k.magic {
				if bytes.HasPrefix(head, m) {
					return "nội dung là " + k.label
				}
			}
		}
	}
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return "nội dung là PDF"
	case bytes.HasPrefix(head, oleMagic):
		return "nội dung là tệp Word hoặc Excel 97-2003"
	}
	return "không nhận ra loại nội dung"
}

// Extensions lists the file extensions accepted, sorted, with their dot
// (".doc", ".docx", …): for a file dialog's filter.
func Extensions() []string {
	out := make([]string, 0, len(kinds))
	for ext := range kinds {
		out = append(out, ext)
	}
	slices.Sort(out)
	return out
}
