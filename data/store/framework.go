package store

import (
	"maps"
	"slices"
	"strconv"

	"github.com/pardesk/pardesk/data"
)

// Frameworks are keyed by year (yearKey), so key order is year order.
const bucketFrameworks = "frameworks"

// Years lists the years that have a framework, oldest first.
func (tx *Tx) Years() ([]int, error) {
	var years []int
	for _, k := range keys(tx.bolt, bucketFrameworks, "") {
		y, err := strconv.Atoi(k)
		if err != nil {
			return nil, data.Errorf(data.EINTERNAL, "Khóa bộ chỉ số %q không phải là năm", k)
		}
		years = append(years, y)
	}
	return years, nil
}

// Framework returns the framework of a year.
func (tx *Tx) Framework(year int) (*data.Framework, error) {
	f, ok, err := get[data.Framework](tx.bolt, bucketFrameworks, yearKey(year))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, data.Errorf(data.ENOTFOUND, "Chưa có bộ chỉ số năm %d", year)
	}
	return &f, nil
}

// PutFramework validates and saves the framework of f.Year, replacing the
// one stored for that year. Validate normalises f in place (texts cleaned,
// parents' maxima summed), so the caller sees what was stored.
//
// The scores already entered for that year must still fit the framework: a
// criterion that has scores cannot be removed, nor its max lowered below
// them, until those scores are changed or cleared (SetScore with an empty
// Score). Otherwise the sheets would hold scores the rules refuse, and the
// next SetScore on them would fail on a criterion the officer did not touch.
func (tx *Tx) PutFramework(f *data.Framework) error {
	if err := f.Validate(); err != nil {
		return err
	}
	sheets, err := tx.Sheets(f.Year)
	if err != nil {
		return err
	}
	for _, code := range slices.Sorted(maps.Keys(sheets)) {
		if err := sheets[code].Validate(f); err != nil {
			name := code
			if u, ok, _ := get[data.Unit](tx.bolt, bucketUnits, code); ok {
				name = u.Name
			}
			return data.Errorf(data.ECONFLICT, "Không lưu được bộ chỉ số năm %d: điểm đã nhập của đơn vị %s không còn hợp lệ (%s). Hãy sửa hoặc xóa điểm đó trước.",
				f.Year, name, data.ErrorMessage(err))
		}
	}
	return put(tx.bolt, bucketFrameworks, yearKey(f.Year), f)
}
