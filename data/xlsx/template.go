package xlsx

import "github.com/pardesk/pardesk/data"

// Import kinds, as the window and the command line name them.
const (
	KindUnits     = "units"
	KindFramework = "framework"
	KindScores    = "scores"
)

// Template returns an empty workbook for an import kind: the sheets, the
// year line and the header rows the import reads, and no data. An officer
// fills it in Excel and imports it.
func Template(kind string) ([]byte, error) {
	b, err := newBook()
	if err != nil {
		return nil, err
	}
	var pages []*page
	switch kind {
	case KindUnits:
		p, _ := b.sheet(SheetUnits)
		p.titleRows("DANH SÁCH ĐƠN VỊ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", "Loại đơn vị: Xã, Phường, Thị trấn, Đặc khu, Cơ quan, Huyện, thành phố. Ghi «x» ở cột cuối nếu đơn vị ngừng đánh giá.")
		p.headers(rowHeader, unitCols)
		pages = append(pages, p)
	case KindFramework:
		p, _ := b.sheet(SheetFramework)
		p.print.title = "BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"
		p.metaRow(rowYear, "Năm", "")
		p.metaRow(rowTitle, "Tên bộ chỉ số", "")
		p.headers(rowHeader, frameworkCols)
		bp, _ := b.sheet(SheetBands)
		bp.titleRows("CÁC MỨC XẾP LOẠI (để nguyên nếu dùng mức mặc định)")
		bp.headers(rowHeader, bandCols)
		for i, band := range data.DefaultBands() {
			bp.set(1, rowHeader+1+i, band.Name, b.text)
			bp.set(2, rowHeader+1+i, band.Min, b.num)
		}
		pages = append(pages, p, bp)
	case KindScores:
		p, _ := b.sheet(SheetScores)
		p.print.title = "BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"
		p.metaRow(rowYear, "Năm", "")
		p.metaRow(rowTitle, "Bảng điểm", "")
		p.headers(rowHeader, scoreCols)
		pp, _ := b.sheet(SheetPublished)
		pp.titleRows("TỔNG ĐIỂM DO CẤP TRÊN CÔNG BỐ", "Chỉ điền khi tổng điểm được công bố khác tổng các thành phần; để trống nếu không có.")
		pp.headers(rowHeader, publishedCols)
		pages = append(pages, p, pp)
	default:
		return nil, data.Errorf(data.EINVALID, "Loại tệp mẫu %q không có; chọn units, framework hoặc scores", kind)
	}
	for _, p := range pages {
		if p.error != nil {
			return nil, firstErr(p.error)
		}
	}
	return b.bytes()
}
