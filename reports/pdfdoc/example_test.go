package pdfdoc_test

import (
	"fmt"
	"time"

	"github.com/pardesk/pardesk/reports/pdfdoc"
)

// A report lays out only its body; the package does the national layout.
func Example() {
	doc := pdfdoc.New(pdfdoc.Options{Title: "Báo cáo kết quả kiểm tra", Created: time.Date(2023, 6, 9, 0, 0, 0, 0, time.UTC)})
	doc.Heading(pdfdoc.Heading{
		Superior: "UBND huyện Nguyên Bình",
		Office:   "Phòng Nội vụ",
		Number:   pdfdoc.Symbol("12", "BC", "PNV"),
		DateLine: "Nguyên Bình, ngày 09 tháng 6 năm 2023", // data.DateLine
	})
	doc.Title("Báo cáo", "Kết quả kiểm tra công tác cải cách hành chính năm 2023")
	doc.Section("1. Kết quả kiểm tra")
	doc.Paragraph("Đoàn kiểm tra đã làm việc với 10 xã, thị trấn.")
	doc.Table(pdfdoc.Table{
		Columns: []pdfdoc.Column{
			{Header: "STT", Width: 12, Align: pdfdoc.Center},
			{Header: "Đơn vị"}, // takes the width the others leave
			{Header: "Số tồn tại", Width: 25, Align: pdfdoc.Right},
		},
		Rows: []pdfdoc.Row{
			{Cells: []string{"1", "Xã Thể Dục", "2"}},
			{Cells: []string{"", "Tổng cộng", "2"}, Bold: true},
		},
	})
	doc.Closing([]string{"Như trên;", "Lưu: VT."}, pdfdoc.Signer{Title: "Trưởng phòng", Name: "Nông Văn Thành"})
	pdf, err := doc.Output()
	fmt.Println(err, len(pdf) > 0, doc.PageCount())
	// Output: <nil> true 1
}
