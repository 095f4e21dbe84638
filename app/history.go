package app

import (
	"bytes"
	"encoding/csv"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// showHistory shows a unit's audit trail, newest first, with an export.
func showHistory(ui *UI, u data.Unit) {
	var entries []data.AuditEntry
	if err := ui.store.View(func(tx *store.Tx) (err error) {
		entries, err = tx.Audit(data.AuditFilter{Unit: u.Code})
		return err
	}); err != nil {
		ui.showError(err)
		return
	}
	t := newTextTable([]column{
		{"Thời điểm", 140, fyne.TextAlignLeading},
		{"Cán bộ", 150, fyne.TextAlignLeading},
		{"Năm", 55, fyne.TextAlignLeading},
		{"Nội dung", 230, fyne.TextAlignLeading},
		{"Cũ", 120, fyne.TextAlignLeading},
		{"Mới", 120, fyne.TextAlignLeading},
		{"Lý do", 200, fyne.TextAlignLeading},
	})
	t.SetRows(auditRows(entries), nil)
	export := widget.NewButtonWithIcon("Xuất tệp CSV (mở bằng Excel)", theme.DownloadIcon(), func() {
		saveCSV(ui, "lich-su-"+u.Code+".csv", auditRows(entries))
	})
	title := fmt.Sprintf("Lịch sử thay đổi: %s (%d mục)", u.Name, len(entries))
	d := dialog.NewCustom(title, "Đóng", container.NewBorder(nil, export, nil, nil, t), ui.win)
	d.Resize(fyne.NewSize(1050, 560))
	showClosable(d, ui.win)
}

// auditRows prints audit entries as table rows.
func auditRows(es []data.AuditEntry) [][]string {
	rows := make([][]string, 0, len(es))
	for _, e := range es {
		year := ""
		if e.Year != 0 {
			year = fmt.Sprint(e.Year)
		}
		rows = append(rows, []string{e.At.Local().Format("02/01/2006 15:04"), e.Officer, year, e.Item, e.Old, e.New, e.Reason})
	}
	return rows
}

// auditCSV writes audit rows as CSV with a header and a UTF-8 byte-order
// mark, which Excel needs to show Vietnamese letters.
func auditCSV(rows [][]string) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true // Excel on Windows
	w.Write([]string{"Thời điểm", "Cán bộ", "Năm", "Nội dung", "Giá trị cũ", "Giá trị mới", "Lý do"})
	w.WriteAll(rows)
	return b.Bytes()
}

func saveCSV(ui *UI, name string, rows [][]string) {
	ui.saveFile(name, auditCSV(rows), nil)
}
