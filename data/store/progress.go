package store

// The stages the store's long work reports (progress.Func), as the
// window's dialog and the command line show them.
const (
	stageBackup = "Đang ghi bản sao lưu (nén)"
	stageUnpack = "Đang giải nén bản sao lưu"
	stageCheck  = "Đang kiểm tra toàn bộ tệp"
)
