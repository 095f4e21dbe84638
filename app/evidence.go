package app

import (
	"fmt"
	"io"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/evidence"
	"github.com/pardesk/pardesk/data/store"
)

// Evidence documents (tài liệu kiểm chứng) in the score grid: each row has
// a file button beside its note, showing how many files the criterion
// has; it opens the criterion's dialog, which lists the files (name, size,
// date, who attached it), adds files from a file dialog or dropped on the
// window, opens one with the system's viewer and removes one after
// confirmation. A file dropped on a row of the grid is attached to that
// criterion. A locked year's files are listed and opened, never changed.

// evidenceState is the grid's part in evidence: the dialog open, if any,
// which takes the files dropped on the window.
type evidenceState struct {
	dropSet bool
	open    *evidenceDialog
}

// openURL opens a URL with the system (the viewer of a file); tests
// replace it to see what would be opened.
var openURL = func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) }

// evidenceButton is the row's file button, beside its note.
func (v *scoresView) evidenceButton(r *scoreRow) fyne.CanvasObject {
	if !v.ev.dropSet {
		v.ev.dropSet = true
		v.ui.win.SetOnDropped(v.dropped)
	}
	r.files = widget.NewButtonWithIcon("", theme.FileIcon(), func() { v.showEvidence(r) })
	// The count first: the grid's right edge lies under the scroll bar.
	r.files.IconPlacement = widget.ButtonIconTrailingText
	v.showFileCount(r)
	return r.files
}

// showFileCount shows on the row's button how many files the criterion
// has (nothing when none).
func (v *scoresView) showFileCount(r *scoreRow) {
	if r.files == nil || v.sheet == nil {
		return
	}
	n := len(v.sheet.Scores[r.leaf.Code].Files)
	text, imp := "", widget.LowImportance
	if n > 0 {
		text, imp = strconv.Itoa(n), widget.MediumImportance
	}
	if r.files.Text != text || r.files.Importance != imp {
		r.files.SetText(text)
		r.files.Importance = imp
		r.files.Refresh()
	}
}

// evidenceDialog is the dialog of one criterion's files.
type evidenceDialog struct {
	v       *scoresView
	row     *scoreRow
	year    int
	unit    string
	locked  bool
	d       dialog.Dialog
	list    *fyne.Container
	usage   *widget.Label
	refusal *widget.Label
	add     *widget.Button
}

// showEvidence opens the dialog of a row's files.
func (v *scoresView) showEvidence(r *scoreRow) {
	if v.sheet == nil {
		return
	}
	e := &evidenceDialog{v: v, row: r, year: v.sheet.Year, unit: v.sheet.Unit, locked: v.locked}
	e.list = container.NewVBox()
	e.usage = widget.NewLabel("")
	e.usage.Wrapping = fyne.TextWrapWord
	e.refusal = widget.NewLabel("")
	e.refusal.Importance = widget.DangerImportance
	e.refusal.Wrapping = fyne.TextWrapWord
	e.refusal.Hide()
	e.add = widget.NewButtonWithIcon("Thêm tệp…", theme.ContentAddIcon(), e.choose)
	head := widget.NewLabel(fmt.Sprintf("Đơn vị %s, năm %d — tiêu chí %s «%s»", v.unit.Selected, e.year, r.leaf.Code, r.leaf.Title))
	head.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(head)
	if r.leaf.Hint != "" {
		hint := widget.NewLabel("Cần có: " + r.leaf.Hint)
		hint.Wrapping = fyne.TextWrapWord
		top.Add(hint)
	}
	bottom := container.NewVBox(e.refusal, e.usage)
	if e.locked {
		e.add.Disable()
		bottom.Add(widget.NewLabel(fmt.Sprintf("Năm %d đã khóa: chỉ xem và mở tệp, không thêm hay gỡ được.", e.year)))
	} else {
		bottom.Add(container.NewHBox(e.add))
	}
	body := container.NewBorder(top, bottom, nil, nil, container.NewVScroll(e.list))
	e.d = dialog.NewCustom("Tài liệu kiểm chứng", "Đóng", body, v.ui.win)
	e.d.SetOnClosed(func() {
		if v.ev.open == e {
			v.ev.open = nil
		}
	})
	v.ev.open = e
	e.fill()
	e.d.Resize(fyne.NewSize(720, 460))
	showClosable(e.d, v.ui.win)
}

// files are the criterion's files as the grid holds them (kept equal to
// the stored ones by every change made here).
func (e *evidenceDialog) files() []data.EvidenceFile {
	return e.v.sheet.Scores[e.row.leaf.Code].Files
}

// fill lists the files and what the unit has used of its limit.
func (e *evidenceDialog) fill() {
	e.list.Objects = nil
	files := e.files()
	ev := e.v.ui.store.Evidence()
	if len(files) == 0 {
		e.list.Add(widget.NewLabel("Chưa có tệp nào. Bấm «Thêm tệp…» hoặc kéo thả tệp vào cửa sổ."))
	}
	for _, f := range files {
		f := f
		name := widget.NewLabel(f.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		who := f.AddedBy
		if who == "" {
			who = "—"
		}
		info := widget.NewLabel(fmt.Sprintf("%s · %s · %s", data.FormatSize(f.Size), data.FormatDate(f.Added), who))
		// A file gone from the folder, or whose size changed, is said at
		// once (the whole check re-hashes: Dữ liệu, pardesk check).
		if size, err := ev.Stat(f.SHA256); err != nil {
			info.SetText(info.Text + " · KHÔNG TÌM THẤY TỆP: hãy khôi phục từ bản sao lưu")
			info.Importance = widget.DangerImportance
		} else if size != f.Size {
			info.SetText(info.Text + " · TỆP ĐÃ BỊ THAY ĐỔI: hãy khôi phục từ bản sao lưu")
			info.Importance = widget.DangerImportance
		}
		open := widget.NewButtonWithIcon("Mở", theme.FolderOpenIcon(), func() { e.open(f) })
		buttons := container.NewHBox(open)
		if !e.locked {
			buttons.Add(widget.NewButtonWithIcon("Gỡ", theme.DeleteIcon(), func() { e.confirmRemove(f) }))
		}
		e.list.Add(container.NewBorder(nil, nil, nil, buttons, container.NewVBox(name, info)))
	}
	e.list.Refresh()
	var used int64
	e.v.ui.store.View(func(tx *store.Tx) (err error) {
		used, err = tx.EvidenceUsed(e.year, e.unit)
		return err
	})
	e.usage.SetText(fmt.Sprintf("Nhận PDF, ảnh, Word, Excel; tối đa %s một tệp. Đơn vị đã đính kèm %s / %s cho năm %d.",
		data.FormatSize(evidence.MaxFileSize), data.FormatSize(used), data.FormatSize(evidence.MaxUnitYear), e.year))
}

// say shows why a file was refused, in the error colour ("" hides it).
func (e *evidenceDialog) say(msg string) {
	e.refusal.SetText(msg)
	e.refusal.Hidden = msg == ""
	e.refusal.Refresh()
}

// choose asks for a file to attach.
func (e *evidenceDialog) choose() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			e.say(err.Error())
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		e.addFiles(map[string]io.Reader{r.URI().Name(): r})
	}, e.v.ui.win)
	d.SetFilter(storage.NewExtensionFileFilter(evidence.Extensions()))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// addFiles attaches files read from their readers, by name, to the
// dialog's criterion, then lists the files again and says which were
// refused and why.
func (e *evidenceDialog) addFiles(files map[string]io.Reader) {
	_, refused := e.v.attach(e.row, files)
	e.fill()
	e.say(strings.Join(refused, "\n"))
}

// addURIs attaches dropped files to the dialog's criterion.
func (e *evidenceDialog) addURIs(uris []fyne.URI) {
	readers, closeAll, failed := openURIs(uris)
	defer closeAll()
	_, refused := e.v.attach(e.row, readers)
	e.fill()
	e.say(strings.Join(append(failed, refused...), "\n"))
}

// attach attaches files to a row's criterion, one transaction each, in
// name order, and keeps the grid's sheet equal to what was stored. It
// returns the names attached and a line per file refused.
func (v *scoresView) attach(r *scoreRow, files map[string]io.Reader) (added, refused []string) {
	year, unit, code := v.sheet.Year, v.sheet.Unit, r.leaf.Code
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if _, err := v.ui.store.AttachEvidence(year, unit, code, name, files[name]); err != nil {
			refused = append(refused, data.ErrorMessage(err))
			continue
		}
		added = append(added, name)
	}
	if len(added) > 0 {
		v.reloadScore(r)
	}
	return added, refused
}

// reloadScore reads a row's score back from the store into the grid's
// sheet: a score typed afterwards is saved from it, files included.
func (v *scoresView) reloadScore(r *scoreRow) {
	var sc data.Score
	v.ui.store.View(func(tx *store.Tx) error {
		s, err := tx.Sheet(v.sheet.Year, v.sheet.Unit)
		sc = s.Scores[r.leaf.Code]
		return err
	})
	if sc.IsZero() {
		delete(v.sheet.Scores, r.leaf.Code)
	} else {
		v.sheet.Scores[r.leaf.Code] = sc
	}
	v.showFileCount(r)
	v.notify()
}

// open shows the file with the system's viewer, from a copy: a viewer
// that saves changes never alters the evidence, and a stored file whose
// content changed is not shown as if it were the one attached.
func (e *evidenceDialog) open(f data.EvidenceFile) {
	dir := filepath.Join(os.TempDir(), "ParDesk", "kiemchung", f.ShortHash())
	p, err := e.v.ui.store.Evidence().CopyOut(f.SHA256, f.Name, dir)
	if err != nil {
		if data.ErrorCode(err) == data.ENOTFOUND {
			err = data.Errorf(data.ENOTFOUND, "Không tìm thấy tệp «%s» trong thư mục tài liệu kiểm chứng %s. Hãy khôi phục từ bản sao lưu (mục Dữ liệu) hoặc gỡ rồi đính kèm lại bản gốc.", f.Name, e.v.ui.store.Evidence().Dir())
		}
		e.say(data.ErrorMessage(err))
		return
	}
	u, err := url.Parse(storage.NewFileURI(p).String())
	if err == nil {
		err = openURL(u)
	}
	if err != nil {
		e.say(fmt.Sprintf("Không mở được tệp «%s» bằng chương trình xem của máy: %v. Bản sao ở %s.", f.Name, err, p))
		return
	}
	e.say("")
}

// confirmRemove removes a file's reference after confirmation.
func (e *evidenceDialog) confirmRemove(f data.EvidenceFile) {
	showConfirm("Gỡ tài liệu kiểm chứng", fmt.Sprintf("Gỡ tệp «%s» khỏi tiêu chí %s của đơn vị %s, năm %d? Việc gỡ được ghi vào nhật ký thay đổi.", f.Name, e.row.leaf.Code, e.unit, e.year),
		func(ok bool) {
			if ok {
				e.remove(f)
			}
		}, e.v.ui.win)
}

// remove removes a file's reference (the file stays in the store: other
// criteria and the backups may use it).
func (e *evidenceDialog) remove(f data.EvidenceFile) {
	err := e.v.ui.store.Update(func(tx *store.Tx) error {
		return tx.RemoveEvidence(e.year, e.unit, e.row.leaf.Code, f.SHA256)
	})
	if err != nil {
		e.say(data.ErrorMessage(err))
		return
	}
	e.v.reloadScore(e.row)
	e.fill()
	e.say("")
}

// dropped takes the files dropped on the window: into the evidence dialog
// when one is open, else onto the grid's row under the drop.
func (v *scoresView) dropped(pos fyne.Position, uris []fyne.URI) {
	if e := v.ev.open; e != nil {
		e.addURIs(uris)
		return
	}
	if v.ui.current < 0 || v.ui.sections[v.ui.current].title != SectionScores || v.sheet == nil {
		return
	}
	r := v.rowAt(pos)
	if r < 0 {
		v.say("Thả tệp lên dòng của một tiêu chí để đính kèm vào tiêu chí đó.")
		return
	}
	if v.locked {
		v.say(fmt.Sprintf("Năm %d đã khóa: không đính kèm thêm tệp được.", v.sheet.Year))
		return
	}
	readers, closeAll, failed := openURIs(uris)
	defer closeAll()
	added, refused := v.attach(v.rows[r], readers)
	if len(added) > 0 {
		v.say(fmt.Sprintf("Đã đính kèm vào tiêu chí %s: %s", v.rows[r].leaf.Code, strings.Join(added, "; ")))
	}
	if msgs := append(failed, refused...); len(msgs) > 0 {
		v.refuse(r, strings.Join(msgs, "\n"))
	}
}

// rowAt is the grid row under a window position, -1 when none.
func (v *scoresView) rowAt(pos fyne.Position) int {
	d := fyne.CurrentApp().Driver()
	for i, r := range v.rows {
		p, s := d.AbsolutePositionForObject(r.box), r.box.Size()
		if r.box.Visible() && pos.X >= p.X && pos.X < p.X+s.Width && pos.Y >= p.Y && pos.Y < p.Y+s.Height {
			return i
		}
	}
	return -1
}

// openURIs opens dropped files for reading, by name; a folder or a file
// that cannot be read is named in failed.
func openURIs(uris []fyne.URI) (readers map[string]io.Reader, closeAll func(), failed []string) {
	readers = map[string]io.Reader{}
	var open []io.Closer
	for _, u := range uris {
		if ok, _ := storage.CanList(u); ok {
			failed = append(failed, fmt.Sprintf("«%s» là một thư mục: hãy thả từng tệp.", u.Name()))
			continue
		}
		rc, err := storage.Reader(u)
		if err != nil {
			failed = append(failed, fmt.Sprintf("Không đọc được tệp «%s»: %v", u.Name(), err))
			continue
		}
		readers[u.Name()] = rc
		open = append(open, rc)
	}
	return readers, func() {
		for _, c := range open {
			c.Close()
		}
	}, failed
}
