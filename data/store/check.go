package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/progress"
	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// A damaged data file must never crash the program. bbolt reads its file
// through a memory map and trusts what it finds: a page number past the
// end of a truncated file faults (SIGBUS/SIGSEGV, which no recover
// catches unless debug.SetPanicOnFault is set in that goroutine), a page
// that is not what its parent says fails an assertion (a panic), and a
// loop in the tree recurses until the stack overflows (fatal, never
// recoverable). bbolt's own consistency check, Tx.Check, runs in a
// goroutine of its own (bbolt 1.4.3), so a panic or a fault inside it
// kills the process whatever the caller does.
//
// So the file is first read here, with plain ReadAt calls into Go slices
// (bounds-checked, no memory map), and bbolt is only let at pages that
// passed:
//
//   - always (cheap, a few pages): both meta pages, the page size, the
//     file's length against the page count the meta records (truncation),
//     the freelist page and its page numbers, and the root bucket's pages
//     with their entries (where readSchema looks);
//   - fully (every page of every bucket, each reached once, all of them
//     either in use or free, no loop): when the file was not closed cleanly,
//     when it is small enough to cost little (fullCheckMax), when a meta
//     page is bad, on demand (Check, a restore, the backup offered after a
//     damage) and on every new backup. Then bbolt's Tx.Check runs as well,
//     on a read-only handle, for what it adds (key order within pages).
//
// Every bbolt call that reads pages during open, check, backup and restore
// runs inside guard, which turns a panic or a memory fault in the calling
// goroutine into a damaged-file error.

// fullCheckMax is the size up to which every open checks the whole file.
// Measured (BenchmarkCheck, 2 cores shared with other work): the whole
// check costs about 10 ms of CPU on the demo file (1 MB) and 0,8 s on
// 100 MB; the cheap checks under 1 ms whatever the size. So up to 32 MB
// the open costs at most about a quarter of a second more. Bigger files
// are checked whole when they were not closed cleanly, and on demand.
var fullCheckMax int64 = 32 << 20

// Layout of a bbolt (format version 2) file, from go.etcd.io/bbolt's
// internal/common. Integers are in the machine's byte order.
const (
	pageHeaderSize = 16 // id u64, flags u16, count u16, overflow u32
	elementSize    = 16 // branch: pos u32, ksize u32, pgid u64; leaf: flags u32, pos u32, ksize u32, vsize u32
	bucketHeader   = 16 // root u64, sequence u64
	metaSize       = 64 // see readMeta

	branchFlag   = 0x01
	leafFlag     = 0x02
	metaFlag     = 0x04
	freelistFlag = 0x10
	bucketEntry  = 0x01

	boltMagic   = 0xED0CDAED
	boltVersion = 2
	noFreelist  = ^uint64(0)

	// maxDepth bounds the depth of bucket trees: bbolt's B+trees are a few
	// levels deep even for huge files, so deeper means a loop.
	maxDepth = 64
)

var order = binary.NativeEndian

// damage is what is wrong with a file, in Vietnamese, for the message.
type damage struct{ what string }

func (d *damage) Error() string { return d.what }

func damagef(format string, args ...any) error {
	return &damage{fmt.Sprintf(format, args...)}
}

// errForeign: the file is not a bbolt file at all (no meta page carries
// bbolt's mark).
var errForeign = errors.New("không phải tệp bbolt")

type boltMeta struct {
	magic, version, pageSize, flags uint32
	root, sequence                  uint64
	freelist, pgid, txid, checksum  uint64
	sum                             uint64 // computed over the first 56 bytes
}

func (m boltMeta) valid() bool {
	return m.magic == boltMagic && m.version == boltVersion && m.checksum == m.sum
}

func parseMeta(b []byte) boltMeta {
	h := fnv.New64a()
	h.Write(b[:56])
	return boltMeta{
		magic: order.Uint32(b[0:]), version: order.Uint32(b[4:]), pageSize: order.Uint32(b[8:]), flags: order.Uint32(b[12:]),
		root: order.Uint64(b[16:]), sequence: order.Uint64(b[24:]),
		freelist: order.Uint64(b[32:]), pgid: order.Uint64(b[40:]), txid: order.Uint64(b[48:]), checksum: order.Uint64(b[56:]),
		sum: h.Sum64(),
	}
}

// checker reads a bbolt file page by page.
type checker struct {
	f        io.ReaderAt
	size     int64
	ps       uint64 // page size
	meta     boltMeta
	metas    [2]boltMeta
	headerOK [2]bool // page 0 and page 1 have the header bbolt asserts
	used     []uint64
	free     []uint64
	pages    int  // pages read
	values   bool // check that every value is JSON
	inIndex  bool // in the history index, whose values are empty
	report   progress.Func
	blocks   map[uint64][]byte
	order    []uint64 // of the blocks cached, oldest first
}

// header is a page header.
type header struct {
	id       uint64
	flags    uint16
	count    int
	overflow uint64
}

// readAt returns n bytes of the file from off, which the caller does not
// change. Reads within one block come from a cache of whole blocks: one
// read of the file per block rather than per page (a system call costs
// more than reading a page).
func (c *checker) readAt(off, n uint64) ([]byte, error) {
	if off > uint64(c.size) || n > uint64(c.size)-off {
		return nil, damagef("tệp bị cắt ngắn: cần đọc đến byte %s nhưng tệp chỉ dài %s byte", data.FormatCount(int64(off+n)), data.FormatCount(c.size))
	}
	if blk := off / readBlock; blk == (off+n-1)/readBlock && n > 0 {
		b, ok := c.blocks[blk]
		if !ok {
			size := min(uint64(readBlock), uint64(c.size)-blk*readBlock)
			b = make([]byte, size)
			if _, err := c.f.ReadAt(b, int64(blk*readBlock)); err != nil {
				return nil, fmt.Errorf("đọc tệp: %w", err)
			}
			if c.blocks == nil {
				c.blocks = map[uint64][]byte{}
			}
			if len(c.order) >= cachedBlocks {
				delete(c.blocks, c.order[0])
				c.order = c.order[1:]
			}
			c.blocks[blk] = b
			c.order = append(c.order, blk)
		}
		start := off - blk*readBlock
		return b[start : start+n : start+n], nil
	}
	b := make([]byte, n)
	if _, err := c.f.ReadAt(b, int64(off)); err != nil {
		return nil, fmt.Errorf("đọc tệp: %w", err)
	}
	return b, nil
}

// The block cache of readAt: 1024 blocks of 64 KiB at most.
const (
	readBlock    = 64 << 10
	cachedBlocks = 1024
)

// structure does the cheap checks, which every open runs: the meta pages,
// the size, the freelist and the root bucket's own pages. It tells whether
// the file needs the full check anyway (a bad meta page, no freelist).
func (c *checker) structure() (needFull bool, err error) {
	if c.size < 1024 {
		// Too short for bbolt; a ParDesk file cut that short still starts
		// with bbolt's mark.
		b := make([]byte, 4)
		if _, err := c.f.ReadAt(b, pageHeaderSize); err == nil && order.Uint32(b) == boltMagic {
			return false, damagef("tệp bị cắt ngắn: chỉ còn %s byte", data.FormatCount(c.size))
		}
		return false, errForeign
	}
	// The page size is in the first meta page; if that one is bad, bbolt
	// looks for the second at every power of two from 1 KiB.
	first := make([]byte, metaSize)
	if _, err := c.f.ReadAt(first, pageHeaderSize); err != nil {
		return false, errForeign
	}
	m0 := parseMeta(first)
	magic := m0.magic == boltMagic
	var ps uint64
	if m0.valid() {
		ps = uint64(m0.pageSize)
	} else {
		for i := range 15 {
			pos := int64(1024) << i
			if pos >= c.size-1024 {
				break
			}
			b := make([]byte, metaSize)
			if _, err := c.f.ReadAt(b, pos+pageHeaderSize); err != nil {
				continue
			}
			if m := parseMeta(b); m.valid() && int64(m.pageSize) == pos {
				ps = uint64(m.pageSize)
				break
			} else if m.magic == boltMagic {
				magic = true
			}
		}
	}
	if ps == 0 {
		if !magic {
			return false, errForeign
		}
		return false, damagef("cả hai trang điều khiển (meta) đều hỏng")
	}
	if ps < 1024 || ps > 1<<24 || ps&(ps-1) != 0 {
		return false, damagef("cỡ trang %d không hợp lệ", ps)
	}
	c.ps = ps
	for i := range 2 {
		b, err := c.readAt(uint64(i)*ps, pageHeaderSize+metaSize)
		if err != nil {
			return false, err
		}
		h := parseHeader(b)
		c.headerOK[i] = h.id == uint64(i) && h.flags == metaFlag
		c.metas[i] = parseMeta(b[pageHeaderSize:])
	}
	// The meta bbolt uses: the newer one if it is valid, else the other.
	a, b := c.metas[0], c.metas[1]
	if b.txid > a.txid {
		a, b = b, a
	}
	switch {
	case a.valid():
		c.meta = a
	case b.valid():
		c.meta = b
	default:
		return false, damagef("cả hai trang điều khiển (meta) đều hỏng")
	}
	if !c.metas[0].valid() || !c.metas[1].valid() || !c.headerOK[0] || !c.headerOK[1] {
		needFull = true
	}
	m := c.meta
	if uint64(m.pageSize) != ps {
		return false, damagef("hai trang điều khiển ghi hai cỡ trang khác nhau")
	}
	if m.pgid < 3 || m.pgid > uint64(c.size)/ps {
		return false, damagef("tệp bị cắt ngắn: dài %s byte, cần ít nhất %s trang × %s byte", data.FormatCount(c.size), data.FormatCount(int64(m.pgid)), data.FormatCount(int64(ps)))
	}
	c.used = make([]uint64, (m.pgid+63)/64)
	c.free = make([]uint64, (m.pgid+63)/64)
	mark(c.used, 0)
	mark(c.used, 1)
	if m.freelist == noFreelist {
		needFull = true // bbolt rebuilds the freelist by walking every page
	} else if err := c.freelist(m.freelist); err != nil {
		return false, err
	}
	if m.root < 2 || m.root >= m.pgid {
		return false, damagef("gốc dữ liệu trỏ đến trang %d, ngoài tệp", m.root)
	}
	// The root bucket's own pages: the names of the buckets, and the
	// small buckets stored inline (meta, where the schema version is).
	return needFull, c.tree(m.root, 0, false)
}

func parseHeader(b []byte) header {
	return header{id: order.Uint64(b), flags: order.Uint16(b[8:]), count: int(order.Uint16(b[10:])), overflow: uint64(order.Uint32(b[12:]))}
}

func mark(set []uint64, id uint64) (was bool) {
	was = set[id/64]&(1<<(id%64)) != 0
	set[id/64] |= 1 << (id % 64)
	return was
}

func marked(set []uint64, id uint64) bool { return set[id/64]&(1<<(id%64)) != 0 }

// page reads page id with its overflow pages, checking its header.
func (c *checker) page(id uint64) (header, []byte, error) {
	if id < 2 || id >= c.meta.pgid {
		return header{}, nil, damagef("tham chiếu đến trang %d, ngoài tệp (%d trang)", id, c.meta.pgid)
	}
	hb, err := c.readAt(id*c.ps, pageHeaderSize)
	if err != nil {
		return header{}, nil, err
	}
	h := parseHeader(hb)
	if h.id != id {
		return h, nil, damagef("trang %d tự ghi là trang %d", id, h.id)
	}
	if h.overflow >= c.meta.pgid-id {
		return h, nil, damagef("trang %d kéo dài ra ngoài tệp", id)
	}
	b, err := c.readAt(id*c.ps, (h.overflow+1)*c.ps)
	c.pages += int(h.overflow + 1)
	c.report.Report(stageCheck, int64(c.pages), int64(c.meta.pgid))
	return h, b, err
}

// freelist checks the freelist page and records the free pages.
func (c *checker) freelist(id uint64) error {
	h, b, err := c.page(id)
	if err != nil {
		return err
	}
	if h.flags != freelistFlag {
		return damagef("trang %d phải là danh sách trang trống", id)
	}
	for i := id; i <= id+h.overflow; i++ {
		mark(c.used, i)
	}
	start, n := uint64(pageHeaderSize), uint64(h.count)
	if h.count == 0xFFFF {
		if len(b) < pageHeaderSize+8 {
			return damagef("danh sách trang trống hỏng")
		}
		n = order.Uint64(b[pageHeaderSize:])
		start += 8
	}
	if n > (uint64(len(b))-start)/8 {
		return damagef("danh sách trang trống (trang %d) dài hơn trang chứa nó", id)
	}
	for i := range n {
		p := order.Uint64(b[start+8*i:])
		if p < 2 || p >= c.meta.pgid {
			return damagef("danh sách trang trống ghi trang %d, ngoài tệp", p)
		}
		if mark(c.free, p) {
			return damagef("trang %d ghi hai lần trong danh sách trang trống", p)
		}
	}
	return nil
}

// tree checks the pages of one bucket from page id; deep also checks
// the buckets inside it.
func (c *checker) tree(id uint64, depth int, deep bool) error {
	if depth > maxDepth {
		return damagef("cây dữ liệu sâu bất thường ở trang %d (vòng lặp)", id)
	}
	h, b, err := c.page(id)
	if err != nil {
		return err
	}
	for i := id; i <= id+h.overflow; i++ {
		if mark(c.used, i) {
			return damagef("trang %d được dùng hai lần", i)
		}
		if marked(c.free, i) {
			return damagef("trang %d đang dùng nhưng nằm trong danh sách trang trống", i)
		}
	}
	switch h.flags {
	case branchFlag:
		if h.count == 0 || pageHeaderSize+elementSize*uint64(h.count) > uint64(len(b)) {
			return damagef("trang %d có số phần tử không hợp lệ", id)
		}
		for i := range h.count {
			e := pageHeaderSize + elementSize*i
			pos, ksize, child := uint64(order.Uint32(b[e:])), uint64(order.Uint32(b[e+4:])), order.Uint64(b[e+8:])
			if uint64(e)+pos+ksize > uint64(len(b)) {
				return damagef("khóa thứ %d của trang %d nằm ngoài trang", i, id)
			}
			if err := c.tree(child, depth+1, deep); err != nil {
				return err
			}
		}
	case leafFlag:
		return c.leaf(id, b, depth, deep)
	default:
		return damagef("trang %d có loại không hợp lệ (%#x)", id, h.flags)
	}
	return nil
}

// leaf checks the entries of a leaf page (or of an inline bucket's page,
// id 0) and, for the buckets among them, their own trees.
func (c *checker) leaf(id uint64, b []byte, depth int, deep bool) error {
	h := parseHeader(b)
	if pageHeaderSize+elementSize*uint64(h.count) > uint64(len(b)) {
		return damagef("trang %d có số phần tử không hợp lệ", id)
	}
	for i := range h.count {
		e := pageHeaderSize + elementSize*i
		flags, pos := order.Uint32(b[e:]), uint64(order.Uint32(b[e+4:]))
		ksize, vsize := uint64(order.Uint32(b[e+8:])), uint64(order.Uint32(b[e+12:]))
		start := uint64(e) + pos
		if start+ksize+vsize > uint64(len(b)) {
			return damagef("mục thứ %d của trang %d nằm ngoài trang", i, id)
		}
		if flags&bucketEntry == 0 {
			if c.values {
				if v := b[start+ksize : start+ksize+vsize]; !c.validEntry(b[start:start+ksize], v) {
					return damagef("giá trị thứ %d của trang %d hỏng", i, id)
				}
			}
			continue
		}
		v := b[start+ksize : start+ksize+vsize]
		if len(v) < bucketHeader {
			return damagef("mục thứ %d của trang %d hỏng", i, id)
		}
		root := order.Uint64(v)
		if root != 0 && !deep {
			continue // the cheap checks stop at the root bucket's pages
		}
		inIndex := c.inIndex
		c.inIndex = string(b[start:start+ksize]) == bucketHistory
		var err error
		if root != 0 {
			err = c.tree(root, 0, deep)
		} else if inline := v[bucketHeader:]; len(inline) < pageHeaderSize || parseHeader(inline).flags != leafFlag {
			// An inline bucket: a leaf page inside the value (bbolt
			// keeps only buckets without buckets inside inline).
			err = damagef("nhóm dữ liệu lồng ở trang %d hỏng", id)
		} else {
			err = c.leaf(id, inline, depth+1, deep)
		}
		c.inIndex = inIndex
		if err != nil {
			return err
		}
	}
	return nil
}

// everyPage checks, after a full walk, that every page is in use or free.
func (c *checker) everyPage() error {
	for i := uint64(2); i < c.meta.pgid; i++ {
		if !marked(c.used, i) && !marked(c.free, i) {
			return damagef("trang %d không thuộc dữ liệu nào và không nằm trong danh sách trang trống", i)
		}
	}
	return nil
}

// checkPages runs the checks of this file on the file at path, without
// bbolt: the cheap ones, or when full all of them, the stored values
// included (ParDesk stores JSON only). needFull says that the cheap
// checks want the full ones (a bad meta page, no freelist).
//
// metaHeadersOK says whether both meta pages carry the header bbolt's
// Tx.Check asserts (bbolt itself opens a file with one torn meta page,
// which its next write replaces).
func checkPages(path string, full bool, p progress.Func) (needFull, metaHeadersOK bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return false, false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false, false, err
	}
	c := &checker{f: f, size: fi.Size()}
	needFull, err = c.structure()
	if err != nil {
		return needFull, false, err
	}
	metaHeadersOK = c.headerOK[0] && c.headerOK[1]
	if !full {
		return needFull, metaHeadersOK, nil
	}
	c.values = true
	c.report = p
	return needFull, metaHeadersOK, c.full()
}

// full walks every bucket of the file from the root, after structure.
func (c *checker) full() error {
	c.used = make([]uint64, len(c.used))
	mark(c.used, 0)
	mark(c.used, 1)
	if c.meta.freelist != noFreelist {
		for i := range c.free {
			c.free[i] = 0
		}
		if err := c.freelist(c.meta.freelist); err != nil {
			return err
		}
	}
	if err := c.tree(c.meta.root, 0, true); err != nil {
		return err
	}
	if c.meta.freelist != noFreelist {
		return c.everyPage()
	}
	return nil
}

// guard runs fn with memory faults turned into panics, and turns any panic
// into an error saying the file is damaged.
func guard(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = damagef("lỗi khi đọc tệp: %v", r)
		}
	}()
	return fn()
}

// openBolt opens path with bbolt inside guard. Should bbolt panic while
// opening, the file it opened is closed here, so that its lock is released
// and the file can be renamed.
func openBolt(path string, o bbolt.Options) (*bbolt.DB, error) {
	var f *os.File
	o.OpenFile = func(name string, flag int, perm os.FileMode) (*os.File, error) {
		var err error
		f, err = os.OpenFile(name, flag, perm)
		return f, err
	}
	var db *bbolt.DB
	err := guard(func() (err error) {
		db, err = bbolt.Open(path, 0o600, &o)
		return err
	})
	if db == nil && f != nil {
		f.Close() // bbolt closed it already unless it panicked; twice is harmless
	}
	return db, err
}

// boltCheck runs bbolt's Tx.Check on db (opened read-only, so that no
// writer runs meanwhile, as bbolt's notes require). Only call it after
// checkPages' full check passed: Tx.Check reads in a goroutine of its own,
// where nothing here could catch a panic.
func boltCheck(db *bbolt.DB) error {
	return guard(func() error {
		return db.View(func(tx *bbolt.Tx) error {
			var first error
			n := 0
			for err := range tx.Check() { // read to the end: the goroutine waits on every error
				if first == nil {
					first = err
				}
				n++
			}
			if first != nil {
				return damagef("kiểm tra của bbolt thấy %d lỗi, lỗi đầu: %v", n, first)
			}
			return nil
		})
	})
}

// checkFile checks the file at path, as Open and Check do: it takes the
// file's lock (read-only, shared), runs the checks of this file (all of
// them when full), then bbolt's, and reads the schema version. The file
// is never written. The error is a *damage, errForeign, or an application
// error (another window has the file; a newer or foreign schema).
func checkFile(path string, full bool, p progress.Func) (fullRan bool, err error) {
	db, err := openBolt(path, bbolt.Options{ReadOnly: true, Timeout: lockTimeout})
	if err != nil {
		if errors.Is(err, berrors.ErrTimeout) {
			return false, openError(path, err)
		}
		// bbolt refused it: say why, from the file itself.
		if _, _, perr := checkPages(path, true, nil); perr != nil {
			return false, perr
		}
		var d *damage
		if errors.As(err, &d) {
			return false, err
		}
		return false, openError(path, err)
	}
	defer db.Close()
	needFull, headersOK, err := checkPages(path, false, nil)
	if err != nil {
		return false, err
	}
	// The schema first: the checks of the values are for ParDesk files.
	err = guard(func() error {
		return db.View(func(tx *bbolt.Tx) error {
			_, _, err := readSchema(tx, path)
			return err
		})
	})
	if err != nil || !full && !needFull {
		return false, err
	}
	if _, _, err := checkPages(path, true, p); err != nil {
		return true, err
	}
	if headersOK {
		return true, boltCheck(db)
	}
	return true, nil
}

// fileError turns what checkFile found into the officer's message about
// the data file at path.
func fileError(path string, err error) error {
	var d *damage
	switch {
	case err == nil:
		return nil
	case errors.Is(err, errForeign):
		return notOurs(path)
	case errors.As(err, &d):
		return damaged(path, d.what)
	case errors.As(err, new(*data.Error)):
		return err
	}
	return data.Errorf(data.EINTERNAL, "Không đọc được tệp dữ liệu %s: %v", path, err)
}

// damaged is the message for a damaged data file.
func damaged(path, what string) error {
	return data.Errorf(data.EDAMAGED, "Tệp dữ liệu %s bị hỏng (%s). ParDesk không dùng và không ghi vào tệp này. Hãy khôi phục từ bản sao lưu gần nhất còn tốt: cửa sổ ParDesk đề nghị bản đó khi mở, hoặc dùng lệnh pardesk restore.", path, what)
}

// backupError turns what checkFile found in a backup into a message that
// names the backup and says nothing was changed.
func backupError(from string, err error) error {
	var d *damage
	switch {
	case errors.Is(err, errForeign):
		return notOurs(from)
	case errors.As(err, &d):
		return data.Errorf(data.EDAMAGED, "Bản sao lưu %s bị hỏng (%s); không khôi phục từ bản này. Dữ liệu không thay đổi; hãy chọn một bản sao lưu khác.", from, d.what)
	case errors.As(err, new(*data.Error)):
		return err
	}
	return data.Errorf(data.EINTERNAL, "Không đọc được bản sao lưu %s: %v", from, err)
}

// Check reads the whole file at path and reports whether it is sound
// ParDesk data: nil when it is, else an error whose message names the file
// and says what is wrong (code data.EDAMAGED for a damaged file,
// data.EINVALID for a file that is not ParDesk data or is from a newer
// ParDesk, data.ECONFLICT when another window has it open). The file is
// never changed.
func Check(path string) error { return CheckProgress(path, nil) }

// CheckProgress is Check telling p how far it has read.
func CheckProgress(path string, p progress.Func) error {
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return data.Errorf(data.ENOTFOUND, "Không tìm thấy tệp %s", path)
	case fi.IsDir():
		return data.Errorf(data.EINVALID, "%s là một thư mục, không phải tệp dữ liệu ParDesk", path)
	case fi.Size() == 0:
		return emptyFile(path)
	}
	if compressed, _ := isCompressed(path); compressed {
		// A compressed backup: checked as it would be restored.
		return fileError(path, checkBackupProgress(path, p))
	}
	_, err = checkFile(path, true, p)
	return fileError(path, err)
}

// emptyFile is the message for a 0-byte file where data is expected: a
// copy or a save that never finished. It is refused, never written over.
func emptyFile(path string) error {
	return data.Errorf(data.EDAMAGED, "Tệp dữ liệu %s rỗng (0 byte): việc ghi hoặc chép tệp này đã không hoàn tất. ParDesk không ghi đè lên tệp này. Hãy khôi phục từ bản sao lưu, hoặc nếu tệp không chứa dữ liệu gì, xóa tệp rồi mở lại ParDesk.", path)
}

// guardTx runs a transaction of the window or the command line with
// memory faults turned into panics; a fault or one of bbolt's assertions
// (a damaged page that the checks at open did not reach: a big file that
// was closed cleanly is not read whole) becomes the damaged-file error,
// and s keeps its open marker so that the next start checks the whole
// file. Any other panic is the program's and goes on.
func (s *Store) guardTx(err *error) {
	r := recover()
	if r == nil {
		return
	}
	if !fileFault(r) && !panickedInBolt() {
		panic(r)
	}
	s.sawDamage.Store(true)
	*err = data.Errorf(data.EDAMAGED, "Tệp dữ liệu %s bị hỏng (lỗi khi đọc tệp: %v): không đọc được phần dữ liệu này, không có gì được ghi. Hãy khôi phục từ bản sao lưu gần nhất còn tốt (mục Dữ liệu); lần mở sau ParDesk sẽ kiểm tra toàn bộ tệp.", s.path, r)
}

// fileFault says whether a panic comes from reading a damaged file: a
// memory fault at an address (SetPanicOnFault), or bbolt's checks of the
// pages it reads.
func fileFault(r any) bool {
	if e, ok := r.(interface{ Addr() uintptr }); ok && e.Addr() != 0 {
		return true
	}
	msg := fmt.Sprint(r)
	for _, m := range []string{"assertion failed", "invalid page type", "inline bucket non-zero page access", "invalid freelist page"} {
		if strings.Contains(msg, m) {
			return true
		}
	}
	return false
}

// panickedInBolt says, called in a deferred function while a panic runs,
// whether the panic started in bbolt's code (an index out of range on a
// page's garbage, say) rather than in this program's.
func panickedInBolt() bool {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicking = true
		case strings.HasPrefix(f.Function, "runtime."):
		case panicking:
			return strings.HasPrefix(f.Function, "go.etcd.io/bbolt")
		}
		if !more {
			return false
		}
	}
}
