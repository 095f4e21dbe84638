package app

import (
	"strings"
	"testing"
)

// The progress dialog says the stage and how far it has gone: a
// percentage and a bar when the total is known, a count when it is not.
func TestProgressDialogShowsStage(t *testing.T) {
	ui, _ := newTestUI(t)
	p := ui.showProgress("Đang nhập bang-diem.xlsx…")
	defer p.close()
	p.show("Đang ghi bản sao lưu (nén)", 50, 200)
	if p.stage.Text != "Đang ghi bản sao lưu (nén): 25 %" || p.bar.Value != 0.25 || !p.bar.Visible() || p.busy.Visible() {
		t.Errorf("known total: %q, bar %v shown %v", p.stage.Text, p.bar.Value, p.bar.Visible())
	}
	p.show("Đang đọc tệp Excel (dòng)", 12345, 0)
	if p.stage.Text != "Đang đọc tệp Excel (dòng): 12.345" || p.bar.Visible() || !p.busy.Visible() {
		t.Errorf("unknown total: %q, bar shown %v", p.stage.Text, p.bar.Visible())
	}
}

// Backing up from the window shows the backup's own stages in the
// dialog, the check of the copy last.
func TestBackupShowsItsStages(t *testing.T) {
	ui, _ := newTestUI(t)
	ui.Show(SectionDataFile)
	v := ui.dataFile
	v.backupNow()
	v.work.Wait()
	if ui.lastProgress == nil || !strings.HasPrefix(ui.lastProgress.stage.Text, "Đang kiểm tra toàn bộ tệp: ") {
		t.Errorf("the backup's dialog ended on %q, want the check of the copy with a percentage", ui.lastProgress.stage.Text)
	}
}
