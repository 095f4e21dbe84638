// Command pecheck checks the Windows programs `make windows` built before
// they are packaged: each must be a PE32+ x86-64 executable of the
// expected subsystem (the window a GUI program, so no console opens behind
// it; the command line a console program), carry the application icon and
// the version information with the expected version, and a manifest.
//
//	go run ./packaging/windows/pecheck -version 0.1.0.1 pardesk-window.exe=gui pardesk.exe=console
//
// It prints what it found and exits 1 on the first file that fails.
package main

import (
	"debug/pe"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"unicode/utf16"
)

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

func main() {
	version := flag.String("version", "", "the file version every program must carry, as a.b.c.d")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: pecheck -version a.b.c.d FILE=gui|console ...")
		os.Exit(2)
	}
	failed := false
	for _, arg := range flag.Args() {
		file, want, ok := strings.Cut(arg, "=")
		if !ok || (want != "gui" && want != "console") {
			fmt.Fprintf(os.Stderr, "pecheck: %q: want FILE=gui or FILE=console\n", arg)
			os.Exit(2)
		}
		info, err := Check(file)
		if err == nil {
			err = info.Expect(want, *version)
		}
		if err != nil {
			fmt.Printf("%s: FAIL: %v\n", file, err)
			failed = true
			continue
		}
		fmt.Printf("%s: ok: %s\n", file, info)
	}
	if failed {
		os.Exit(1)
	}
}

// Info is what a program's headers and resources say.
type Info struct {
	PE32Plus    bool
	Machine     uint16
	Subsystem   uint16
	Icons       int // RT_ICON images
	GroupIcons  int
	Manifest    bool
	FileVersion string // from VS_FIXEDFILEINFO, "" when absent
	Strings     map[string]string
}

func (i Info) String() string {
	sub := map[uint16]string{pe.IMAGE_SUBSYSTEM_WINDOWS_GUI: "GUI", pe.IMAGE_SUBSYSTEM_WINDOWS_CUI: "console"}[i.Subsystem]
	return fmt.Sprintf("PE32+ x86-64, %s subsystem, %d icon images, manifest, version %s (%s, %s)",
		sub, i.Icons, i.FileVersion, i.Strings["ProductName"], i.Strings["FileDescription"])
}

// Expect says what differs from a program of the given kind and version.
func (i Info) Expect(kind, version string) error {
	var errs []string
	if !i.PE32Plus || i.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		errs = append(errs, fmt.Sprintf("not PE32+ x86-64 (machine %#x)", i.Machine))
	}
	want := uint16(pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	if kind == "console" {
		want = pe.IMAGE_SUBSYSTEM_WINDOWS_CUI
	}
	if i.Subsystem != want {
		errs = append(errs, fmt.Sprintf("subsystem %d, want %d (%s)", i.Subsystem, want, kind))
	}
	if i.Icons == 0 || i.GroupIcons == 0 {
		errs = append(errs, "no application icon")
	}
	if !i.Manifest {
		errs = append(errs, "no manifest")
	}
	if i.FileVersion == "" {
		errs = append(errs, "no version information")
	} else if version != "" && i.FileVersion != version {
		errs = append(errs, fmt.Sprintf("file version %s, want %s", i.FileVersion, version))
	}
	if version != "" && i.FileVersion != "" && i.Strings["ProductVersion"] != version {
		errs = append(errs, fmt.Sprintf("product version %q, want %s", i.Strings["ProductVersion"], version))
	}
	if i.Strings["ProductName"] == "" {
		errs = append(errs, "no product name in the version information")
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	return nil
}

// Check reads a program's headers and walks its resource directory.
func Check(path string) (Info, error) {
	f, err := pe.Open(path)
	if err != nil {
		return Info{}, err
	}
	defer f.Close()
	var info Info
	info.Machine = f.Machine
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return info, errors.New("not PE32+ (no 64-bit optional header)")
	}
	info.PE32Plus = true
	info.Subsystem = oh.Subsystem
	dir := oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	if dir.VirtualAddress == 0 || dir.Size == 0 {
		return info, nil
	}
	var rsrc []byte
	var base uint32
	for _, s := range f.Sections {
		if dir.VirtualAddress >= s.VirtualAddress && dir.VirtualAddress < s.VirtualAddress+max(s.VirtualSize, s.Size) {
			if rsrc, err = s.Data(); err != nil {
				return info, err
			}
			rsrc = rsrc[dir.VirtualAddress-s.VirtualAddress:]
			base = dir.VirtualAddress
			break
		}
	}
	if rsrc == nil {
		return info, errors.New("resource directory outside every section")
	}
	r := resources{b: rsrc, base: base}
	types, err := r.dir(0)
	if err != nil {
		return info, err
	}
	for _, t := range types {
		leaves, err := r.leaves(t.offset)
		if err != nil {
			return info, err
		}
		switch t.id {
		case rtIcon:
			info.Icons = len(leaves)
		case rtGroupIcon:
			info.GroupIcons = len(leaves)
		case rtManifest:
			info.Manifest = len(leaves) > 0
		case rtVersion:
			if len(leaves) > 0 {
				data, err := r.data(leaves[0])
				if err != nil {
					return info, err
				}
				info.FileVersion, info.Strings = versionInfo(data)
			}
		}
	}
	return info, nil
}

type resources struct {
	b    []byte
	base uint32 // the directory's virtual address
}

type entry struct {
	id     uint32
	offset uint32 // of a subdirectory (high bit cleared) or a data entry
	subdir bool
}

// dir reads one IMAGE_RESOURCE_DIRECTORY and its entries.
func (r resources) dir(off uint32) ([]entry, error) {
	if int(off)+16 > len(r.b) {
		return nil, errors.New("resource directory cut short")
	}
	n := int(binary.LittleEndian.Uint16(r.b[off+12:])) + int(binary.LittleEndian.Uint16(r.b[off+14:]))
	var out []entry
	for k := 0; k < n; k++ {
		p := int(off) + 16 + 8*k
		if p+8 > len(r.b) {
			return nil, errors.New("resource entry cut short")
		}
		to := binary.LittleEndian.Uint32(r.b[p+4:])
		out = append(out, entry{id: binary.LittleEndian.Uint32(r.b[p:]), offset: to &^ (1 << 31), subdir: to&(1<<31) != 0})
	}
	return out, nil
}

// leaves returns the data entries under a type's directory (name, then
// language).
func (r resources) leaves(off uint32) ([]uint32, error) {
	var out []uint32
	names, err := r.dir(off)
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		if !n.subdir {
			out = append(out, n.offset)
			continue
		}
		langs, err := r.dir(n.offset)
		if err != nil {
			return nil, err
		}
		for _, l := range langs {
			if !l.subdir {
				out = append(out, l.offset)
			}
		}
	}
	return out, nil
}

// data returns the bytes an IMAGE_RESOURCE_DATA_ENTRY points at.
func (r resources) data(off uint32) ([]byte, error) {
	if int(off)+16 > len(r.b) {
		return nil, errors.New("resource data entry cut short")
	}
	rva := binary.LittleEndian.Uint32(r.b[off:])
	size := binary.LittleEndian.Uint32(r.b[off+4:])
	start := int64(rva) - int64(r.base)
	if start < 0 || start+int64(size) > int64(len(r.b)) {
		return nil, errors.New("resource data outside the resource section")
	}
	return r.b[start : start+int64(size)], nil
}

// versionInfo reads the fixed file version and the string table of a
// VS_VERSIONINFO block; the strings are found by their keys.
func versionInfo(b []byte) (string, map[string]string) {
	strs := map[string]string{}
	sig := []byte{0xBD, 0x04, 0xEF, 0xFE}
	var version string
	for i := 0; i+16 <= len(b); i += 4 {
		if string(b[i:i+4]) == string(sig) {
			ms := binary.LittleEndian.Uint32(b[i+8:])
			ls := binary.LittleEndian.Uint32(b[i+12:])
			version = fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
			break
		}
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	for _, key := range []string{"ProductName", "ProductVersion", "FileDescription", "FileVersion", "OriginalFilename", "LegalCopyright", "CompanyName"} {
		k := utf16.Encode([]rune(key))
		for i := 0; i+len(k) < len(u); i++ {
			if !equal(u[i:i+len(k)], k) || u[i+len(k)] != 0 {
				continue
			}
			// A String is wLength, wValueLength (in WORDs), wType, the key,
			// padding to 32 bits, the value.
			if i < 3 {
				continue
			}
			n := int(u[i-2])
			j := (2*(i+len(k)+1) + 3) / 4 * 2
			end := min(j+n, len(u))
			for end > j && u[end-1] == 0 {
				end--
			}
			strs[key] = string(utf16.Decode(u[j:end]))
			break
		}
	}
	return version, strs
}

func equal(a, b []uint16) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}
