package data

import "strings"

// Office is the reform office that runs the evaluation and signs the
// printed documents. Its level (district, province department, commune) is
// data: since the 2025 reorganisation the same program serves all of them.
type Office struct {
	Superior    string   `json:"superior"`     // cơ quan chủ quản, printed in capitals top left: "UBND HUYỆN NGUYÊN BÌNH"
	Name        string   `json:"name"`         // cơ quan ban hành, bold capitals: "PHÒNG NỘI VỤ"
	Abbrev      string   `json:"abbrev"`       // used in document symbols: "PNV" in "Số: 12/BC-PNV"
	Place       string   `json:"place"`        // place name in the date line: "Nguyên Bình"
	SignerTitle string   `json:"signer_title"` // "TRƯỞNG PHÒNG"
	Signer      string   `json:"signer"`       // the signer's full name
	Recipients  []string `json:"recipients"`   // the "Nơi nhận:" list
}

// Validate checks the fields every printed document needs.
func (o *Office) Validate() error {
	o.Superior = Clean(o.Superior)
	o.Name = Clean(o.Name)
	o.Abbrev = strings.ToUpper(Clean(o.Abbrev))
	o.Place = Clean(o.Place)
	o.SignerTitle = Clean(o.SignerTitle)
	o.Signer = Clean(o.Signer)
	for i := range o.Recipients {
		o.Recipients[i] = Clean(o.Recipients[i])
	}
	switch {
	case o.Name == "":
		return errorf(EINVALID, "Tên cơ quan: chưa nhập")
	case o.Place == "":
		return errorf(EINVALID, "Địa danh (dùng trong dòng ngày tháng): chưa nhập")
	}
	return nil
}
