package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/progress"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/data/xlsx"
)

// dataFileView exchanges data with Excel and keeps the backups: export
// buttons (a save dialog each), imports (an open dialog, then the list of
// problems or a summary), backup now, and the backups with restore.
type dataFileView struct {
	ui      *UI
	content fyne.CanvasObject
	year    *widget.Select
	group   *groupSelect
	unit    *unitSelect
	list    *widget.List
	backups []store.Backup
	restore *widget.Button
	chosen  int // index in backups, -1 for none
	status  *widget.Label
	pkg     *packageCard // «Gói trao đổi» (packages.go)
	// work counts the jobs running in the background; tests wait on it.
	work sync.WaitGroup
}

// export kinds offered as buttons: label, kind, file name.
var exportButtons = []struct{ label, kind string }{
	{"Bảng xếp hạng", "ranking"},
	{"Phiếu điểm của đơn vị", "scorecard"},
	{"Bảng điểm các đơn vị", "scores"},
	{"Điểm bị trừ", "lostpoints"},
	{"Nhiệm vụ", "tasks"},
	{"Danh sách đơn vị", "units"},
	{"Bộ chỉ số", "framework"},
}

// Each import has its empty template beside it, named for what it makes.
var importButtons = []struct{ label, kind, template, templateLabel string }{
	{"Nhập danh sách đơn vị…", xlsx.KindUnits, "mau-don-vi.xlsx", "Tệp mẫu danh sách đơn vị"},
	{"Nhập bộ chỉ số…", xlsx.KindFramework, "mau-bo-chi-so.xlsx", "Tệp mẫu bộ chỉ số"},
	{"Nhập điểm…", xlsx.KindScores, "mau-diem.xlsx", "Tệp mẫu bảng điểm"},
}

func newDataFileView(ui *UI) *dataFileView {
	v := &dataFileView{ui: ui, chosen: -1}
	v.year = newYearSelect(ui, func() {
		if v.pkg != nil {
			v.pkg.reload()
		}
	})
	v.group = newGroupSelect(ui, func() {})
	v.unit = newUnitSelect(ui, func() {})
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord

	var exports []fyne.CanvasObject
	for _, b := range exportButtons {
		kind := b.kind
		exports = append(exports, widget.NewButtonWithIcon(b.label, theme.DocumentSaveIcon(), func() { v.export(kind) }))
	}
	exportForm := widget.NewForm(
		widget.NewFormItem("Năm đánh giá", v.year),
		widget.NewFormItem("Nhóm đơn vị", v.group.Select),
		widget.NewFormItem("Đơn vị (phiếu điểm)", v.unit.Select),
	)
	exportCard := widget.NewCard("Xuất ra Excel", "Số liệu ghi dạng số, hai chữ số thập phân",
		container.NewVBox(exportForm, flow(exports...)))

	var imports, templates []fyne.CanvasObject
	for _, b := range importButtons {
		b := b
		imports = append(imports, widget.NewButtonWithIcon(b.label, theme.UploadIcon(), func() { v.chooseImport(b.kind) }))
		templates = append(templates, widget.NewButtonWithIcon(b.templateLabel, theme.FileIcon(), func() {
			v.saveFile(b.template, func(progress.Func) ([]byte, error) { return xlsx.Template(b.kind) })
		}))
	}
	note := widget.NewLabel("Tệp nhập có cùng bố cục với tệp xuất. Mọi dòng được kiểm tra trước; có lỗi thì không ghi gì và liệt kê lỗi theo trang tính, dòng, cột. Trước mỗi lần nhập, dữ liệu được sao lưu.")
	note.Wrapping = fyne.TextWrapWord
	var importRows []fyne.CanvasObject
	for i := range imports {
		importRows = append(importRows, flow(imports[i], templates[i]))
	}
	importCard := widget.NewCard("Nhập từ Excel", "", container.NewVBox(append(importRows, note)...))

	v.list = widget.NewList(
		func() int { return len(v.backups) },
		func() fyne.CanvasObject {
			// Cut, not wrapped: the backup list shares the screen with
			// the Excel cards and must not widen it.
			l := widget.NewLabel("09/06/2023 14:30:05 — Trước khi nhập từ Excel (000 KB)")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.backups[id].String()) },
	)
	v.list.OnSelected = func(id widget.ListItemID) { v.chosen = id; v.restore.Enable() }
	v.list.OnUnselected = func(widget.ListItemID) { v.chosen = -1; v.restore.Disable() }
	backupNow := widget.NewButtonWithIcon("Sao lưu ngay", theme.DocumentSaveIcon(), v.backupNow)
	backupNow.Importance = widget.HighImportance
	v.restore = widget.NewButtonWithIcon("Khôi phục bản đã chọn…", theme.HistoryIcon(), func() {
		if v.chosen >= 0 && v.chosen < len(v.backups) {
			v.confirmRestore(v.backups[v.chosen])
		}
	})
	v.restore.Disable()
	folder := widget.NewLabel(fmt.Sprintf("Giữ %d bản mới nhất và bản mới nhất của mỗi tháng trong %d tháng gần đây (nén zstd) trong thư mục %s", store.BackupsKept, store.MonthsKept, ui.store.BackupFolder()))
	folder.Wrapping = fyne.TextWrapWord
	// The card's subtitle cannot wrap; the line about daily backups is a
	// wrapping label so the card stays as narrow as the screen needs.
	daily := widget.NewLabel("Tự động sao lưu khi mở chương trình lần đầu trong ngày.")
	daily.Wrapping = fyne.TextWrapWord
	backupCard := widget.NewCard("Sao lưu và khôi phục", "",
		container.NewBorder(container.NewVBox(daily, flow(backupNow, v.restore,
			widget.NewButtonWithIcon("Kiểm tra tài liệu kiểm chứng", theme.SearchIcon(), v.checkEvidence)), folder), nil, nil, nil, v.list))

	head := boldLabel("Dữ liệu — tệp " + ui.store.Path())
	head.Wrapping = fyne.TextWrapBreak // a data file deep in a folder tree
	v.pkg = newPackageCard(v)
	left := container.NewVBox(exportCard, importCard, v.pkg.card)
	v.content = container.NewBorder(head, v.status, nil, nil,
		container.NewGridWithColumns(2, container.NewVScroll(left), backupCard))
	ui.watch(v, v.reloadBackups) // backups come with FileReplaced
	v.reloadBackups()
	return v
}

func (v *dataFileView) reloadBackups() {
	list, err := v.ui.store.Backups()
	if err != nil {
		v.status.SetText(data.ErrorMessage(err))
	}
	v.backups = list
	v.chosen = -1
	v.list.UnselectAll()
	v.restore.Disable()
	v.list.Refresh()
}

// export builds the file first (an error shows at once and no empty file
// is left), then asks where to save it.
func (v *dataFileView) export(kind string) {
	year := selectedYear(v.year)
	name := ops.ExportKinds[kind]
	if year > 0 && kind != "units" {
		name = fmt.Sprintf("%s-%d.xlsx", name[:len(name)-len(".xlsx")], year)
	}
	if kind == "scorecard" {
		name = fmt.Sprintf("phieu-diem-%s-%d.xlsx", v.unit.code(), year)
	}
	v.saveFile(name, func(p progress.Func) (b []byte, err error) {
		err = v.ui.store.View(func(tx *store.Tx) (err error) {
			b, err = ops.ExportWith(tx, kind, year, v.group.ID(), v.unit.code(), today(), p)
			return err
		})
		return b, err
	})
}

// saveFile builds the file behind a progress dialog (the scores of a
// year of the whole country take seconds), then asks where to save it.
func (v *dataFileView) saveFile(name string, build func(progress.Func) ([]byte, error)) {
	v.backgroundWith("Đang tạo tệp "+name+"…", func(p progress.Func) (func(), error) {
		p.Report("Đang tạo tệp Excel", 0, 0)
		b, err := build(p)
		return func() { v.askWhere(name, b) }, err
	})
}

// askWhere asks where to save a file built for export, and saves it.
func (v *dataFileView) askWhere(name string, b []byte) {
	v.ui.saveFile(name, b, func(path string) { v.status.SetText("Đã lưu tệp Excel: " + path) })
}

// chooseImport asks for the file to import.
func (v *dataFileView) chooseImport(kind string) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			v.ui.showError(err)
			return
		}
		if r == nil {
			return
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			v.ui.showError(fmt.Errorf("không đọc được tệp %s: %w", r.URI().Name(), err))
			return
		}
		v.importFile(kind, r.URI().Name(), b)
	}, v.ui.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// importFile imports in the background behind a progress dialog, then
// shows the list of problems or what was imported.
func (v *dataFileView) importFile(kind, name string, file []byte) {
	v.importWith(kind, name, file, xlsx.ImportOptions{})
}

// importWith imports with the given options; a scores file that would
// clear stored scores lists them and asks before importing again with
// AllowClear.
func (v *dataFileView) importWith(kind, name string, file []byte, opts xlsx.ImportOptions) {
	v.backgroundWith("Đang nhập "+name+"…", func(p progress.Func) (func(), error) {
		opts.Progress = p
		sum, err := ops.Import(v.ui.store, kind, bytes.NewReader(file), opts)
		return func() {
			var ps xlsx.Problems
			if errors.As(err, &ps) {
				v.showProblems(name, ps)
				return
			}
			var ce *xlsx.ClearError
			if errors.As(err, &ce) {
				v.confirmClear(kind, name, file, ce)
				return
			}
			if err != nil {
				v.ui.showError(err)
				return
			}
			v.status.SetText(sum.String())
			v.ui.publish(Change{Kind: FileReplaced})
			dialog.ShowInformation("Đã nhập "+name, sum.String(), v.ui.win)
		}, nil
	})
}

// confirmClear lists the stored scores a file would clear and imports it
// clearing them once the officer agrees.
func (v *dataFileView) confirmClear(kind, name string, file []byte, ce *xlsx.ClearError) {
	lines := make([]string, 0, len(ce.Cells))
	for _, c := range ce.Cells {
		lines = append(lines, "• "+c.String())
	}
	msg := widget.NewLabel(strings.Join(lines, "\n"))
	msg.Wrapping = fyne.TextWrapWord
	head := widget.NewLabelWithStyle(fmt.Sprintf("Tệp %s để trống %s điểm năm %d đã lưu. Nhập tệp sẽ xóa các điểm này (vẫn ghi vào nhật ký thay đổi). Chưa có gì được ghi.", name, data.FormatCount(int64(len(ce.Cells))), ce.Year),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Xóa điểm đã lưu?", "Nhập và xóa các điểm này", "Hủy", container.NewBorder(head, nil, nil, nil, container.NewVScroll(msg)), func(ok bool) {
		if ok {
			v.importWith(kind, name, file, xlsx.ImportOptions{AllowClear: true})
			return
		}
		v.status.SetText(fmt.Sprintf("Không nhập tệp %s: giữ các điểm đã lưu.", name))
	}, v.ui.win)
	d.Resize(fyne.NewSize(820, 480))
	d.Show()
}

// showProblems lists a refused file's problems, one a line, scrollable.
func (v *dataFileView) showProblems(name string, ps xlsx.Problems) {
	text := ""
	for i, p := range ps {
		if i > 0 {
			text += "\n"
		}
		text += "• " + p.String()
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	head := widget.NewLabelWithStyle(fmt.Sprintf("Tệp có %s lỗi. Không có dữ liệu nào được ghi; hãy sửa tệp rồi nhập lại.", data.FormatCount(int64(len(ps)))),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Không nhập tệp "+name, "Đóng", container.NewBorder(head, nil, nil, nil, container.NewVScroll(msg)), v.ui.win)
	d.Resize(fyne.NewSize(820, 480))
	showClosable(d, v.ui.win)
	v.status.SetText(fmt.Sprintf("Không nhập tệp %s: %s lỗi.", name, data.FormatCount(int64(len(ps)))))
}

func (v *dataFileView) backupNow() {
	v.backgroundWith("Đang sao lưu…", func(p progress.Func) (func(), error) {
		b, err := v.ui.store.BackupProgress(store.ReasonManual, p)
		return func() {
			v.reloadBackups()
			v.status.SetText("Đã sao lưu: " + b.Path)
			if b.Warning != "" {
				dialog.ShowInformation("Đã sao lưu, có cảnh báo", b.Warning, v.ui.win)
			}
		}, err
	})
}

func (v *dataFileView) confirmRestore(b store.Backup) {
	msg := widget.NewLabel(fmt.Sprintf("Khôi phục dữ liệu về bản sao lưu:\n%s\n\nMọi thay đổi sau thời điểm đó sẽ không còn trong tệp dữ liệu. Dữ liệu hiện tại được sao lưu trước, nên vẫn có thể khôi phục lại.", b))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Khôi phục dữ liệu?", "Khôi phục", "Hủy", msg, func(ok bool) {
		if ok {
			v.restoreFrom(b.Path)
		}
	}, v.ui.win)
	d.Resize(fyne.NewSize(620, 260))
	d.Show()
}

func (v *dataFileView) restoreFrom(path string) {
	v.backgroundWith("Đang khôi phục…", func(p progress.Func) (func(), error) {
		saved, err := v.ui.store.RestoreProgress(path, p)
		return func() {
			v.ui.publish(Change{Kind: FileReplaced})
			v.status.SetText("Đã khôi phục từ " + filepath.Base(path) + ". Dữ liệu trước khi khôi phục: " + filepath.Base(saved.Path))
			msg := "Đã khôi phục dữ liệu từ bản sao lưu " + filepath.Base(path) + "."
			if saved.Warning != "" {
				msg += "\n\n" + saved.Warning
			}
			dialog.ShowInformation("Đã khôi phục", msg, v.ui.win)
		}, err
	})
}

// background runs work off the UI thread behind a progress dialog; the
// function it returns runs on the UI thread once work is done.
func (v *dataFileView) background(title string, work func() (func(), error)) {
	v.backgroundWith(title, func(progress.Func) (func(), error) { return work() })
}

// backgroundWith is background for work that reports how far it has
// gone to p, which the dialog shows.
func (v *dataFileView) backgroundWith(title string, work func(p progress.Func) (func(), error)) {
	d := v.ui.showProgress(title)
	v.ui.lastProgress = d
	v.work.Add(1)
	go func() {
		defer v.work.Done()
		then, err := work(d.report())
		fyne.Do(func() {
			d.close()
			if err != nil {
				v.ui.showError(err)
				return
			}
			then()
		})
	}()
}
