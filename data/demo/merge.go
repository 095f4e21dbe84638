package demo

import (
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// MergedUnit is the district that MergeDistricts forms.
var MergedUnit = data.Unit{Code: "HNB", Name: "Huyện Hòa An Nguyên Bình", Kind: data.KindDistrict}

// MergeDistricts plays a reorganisation on the demo: Hòa An and Nguyên
// Bình merge on 01/01/2024 into Hòa An Nguyên Bình, and 2024 is scored as
// 2023 was, the merged district scoring what Hòa An scored. It shows how
// a locked year, the ranking's "đơn vị mới" label and the units' history
// live through a merger.
func MergeDistricts(tx *store.Tx, reason string) error {
	tx.SetReason(reason)
	on := time.Date(2024, 1, 1, 0, 0, 0, 0, time.Local)
	if err := tx.MergeUnits([]string{"HAN", "NBI"}, MergedUnit, on); err != nil {
		return err
	}
	if err := tx.PutFramework(Framework(2024)); err != nil {
		return err
	}
	sheets, err := tx.Sheets(2023)
	if err != nil {
		return err
	}
	for code, sh := range sheets {
		switch code {
		case "NBI":
			continue
		case "HAN":
			code = MergedUnit.Code
		}
		sh.Year, sh.Unit = 2024, code
		if err := tx.PutSheet(sh); err != nil {
			return err
		}
	}
	return nil
}
