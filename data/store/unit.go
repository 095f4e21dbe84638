package store

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/pardesk/pardesk/data"
)

// Units are keyed by code.
const bucketUnits = "units"

// Units lists every unit, inactive ones included (they keep their history),
// by Order, then by name in Vietnamese collation.
func (tx *Tx) Units() ([]data.Unit, error) {
	return tx.units(func(data.Unit) bool { return true })
}

// GroupUnits lists the units of one group, in the order of Units.
func (tx *Tx) GroupUnits(groupID string) ([]data.Unit, error) {
	return tx.units(func(u data.Unit) bool { return u.GroupID == groupID })
}

func (tx *Tx) units(keep func(data.Unit) bool) ([]data.Unit, error) {
	var us []data.Unit
	err := each(tx.bolt, bucketUnits, "", func(_ string, u data.Unit) error {
		if keep(u) {
			us = append(us, u)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	coll := data.NewCollator()
	slices.SortFunc(us, func(a, b data.Unit) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), coll.CompareString(a.Name, b.Name), cmp.Compare(a.Code, b.Code))
	})
	return us, nil
}

// Unit returns the unit with the given code.
func (tx *Tx) Unit(code string) (data.Unit, error) {
	u, ok, err := get[data.Unit](tx.bolt, bucketUnits, code)
	if err == nil && !ok {
		err = data.Errorf(data.ENOTFOUND, "Không có đơn vị mã %s", code)
	}
	return u, err
}

// PutUnit validates and saves a unit, replacing the one with the same code.
// Its group must exist. Unit codes are one namespace without regard to
// case: a code that differs only in case from another unit's ("nbi" beside
// "NBI") is refused with a message naming that unit. Every changed field
// goes into the audit trail.
func (tx *Tx) PutUnit(u data.Unit) error {
	if err := u.Validate(); err != nil {
		return err
	}
	if _, ok, err := get[data.Group](tx.bolt, bucketGroups, u.GroupID); err != nil {
		return err
	} else if !ok {
		return data.Errorf(data.EINVALID, "Đơn vị %s: nhóm xếp hạng mã %s không tồn tại", u.Name, u.GroupID)
	}
	old, had, err := get[data.Unit](tx.bolt, bucketUnits, u.Code)
	if err != nil {
		return err
	}
	// A unit stored under this very code is replaced, even in a file
	// written before codes were compared without case that holds both
	// "nbi" and "NBI"; a new code may not differ only in case from one.
	if other := tx.UnitCode(u.Code); !had && other != "" {
		o, _ := tx.Unit(other)
		return data.Errorf(data.ECONFLICT, "Mã đơn vị %s đã dùng cho %s (mã %s: mã đơn vị không phân biệt chữ hoa, chữ thường); hãy dùng mã %s hoặc chọn mã khác", u.Code, o.Name, other, other)
	}
	keepReorg(&u, old)
	if err := tx.recordUnit(old, u, had); err != nil {
		return err
	}
	if err := put(tx.bolt, bucketUnits, u.Code, u); err != nil {
		return err
	}
	tx.unitCodes()[foldCode(u.Code)] = u.Code
	return nil
}

// AddUnit saves a new unit. A code already in use, in any case, is refused
// with a message naming the unit that has it.
func (tx *Tx) AddUnit(u data.Unit) error {
	u.Code = data.Clean(u.Code)
	if other := tx.UnitCode(u.Code); other != "" {
		o, _ := tx.Unit(other)
		return data.Errorf(data.ECONFLICT, "Mã đơn vị %s đã dùng cho %s; hãy chọn mã khác", u.Code, o.Name)
	}
	return tx.PutUnit(u)
}

// UnitCode returns the stored code of the unit whose code equals code
// without regard to case ("nbi" gives "NBI"), or "" when there is none.
func (tx *Tx) UnitCode(code string) string {
	return tx.unitCodes()[foldCode(data.Clean(code))]
}

// unitCodes indexes the stored unit codes by their folded form. It is built
// from the keys alone, once per transaction, and kept up to date by the
// writes of this transaction.
func (tx *Tx) unitCodes() map[string]string {
	if tx.codes == nil {
		tx.codes = map[string]string{}
		for _, k := range keys(tx.bolt, bucketUnits, "") {
			tx.codes[foldCode(k)] = k
		}
	}
	return tx.codes
}

func foldCode(code string) string { return strings.ToUpper(strings.ToLower(code)) }

// HasScores reports whether a unit has a sheet in any year: such a unit
// keeps its history and can only be deactivated, never deleted.
func (tx *Tx) HasScores(code string) bool {
	for _, k := range keys(tx.bolt, bucketSheets, "") {
		if _, unit, _ := strings.Cut(k, "/"); unit == code {
			return true
		}
	}
	return false
}

// DeleteUnit deletes a unit entered by mistake. A unit that has scores is
// refused: deactivate it instead, so its history stays.
func (tx *Tx) DeleteUnit(code string) error {
	u, err := tx.Unit(code)
	if err != nil {
		return err
	}
	if tx.HasScores(code) {
		return data.Errorf(data.ECONFLICT, "Đơn vị %s đã có điểm nên không xóa được; hãy chuyển sang «Ngừng đánh giá» để giữ lịch sử", u.Name)
	}
	if err := tx.bolt.Bucket([]byte(bucketUnits)).Delete([]byte(code)); err != nil {
		return err
	}
	delete(tx.unitCodes(), foldCode(code))
	return tx.record(data.AuditEntry{Kind: data.AuditUnit, Unit: code, Item: "Xóa đơn vị", Old: u.Name})
}

// recordUnit records a new unit or each changed field of a unit.
func (tx *Tx) recordUnit(old, cur data.Unit, had bool) error {
	if !had {
		return tx.record(data.AuditEntry{Kind: data.AuditUnit, Unit: cur.Code, Item: "Thêm đơn vị", New: cur.Name})
	}
	status := map[bool]string{false: "Đang đánh giá", true: "Ngừng đánh giá"}
	for _, f := range []struct{ name, old, new string }{
		{"Tên đơn vị", old.Name, cur.Name},
		{"Loại đơn vị", old.Kind.Label(), cur.Kind.Label()},
		{"Nhóm xếp hạng", old.GroupID, cur.GroupID},
		{"Thứ tự", strconv.Itoa(old.Order), strconv.Itoa(cur.Order)},
		{"Trạng thái", status[old.Inactive], status[cur.Inactive]},
	} {
		if f.old != f.new {
			if err := tx.record(data.AuditEntry{Kind: data.AuditUnit, Unit: cur.Code, Item: f.name, Old: f.old, New: f.new}); err != nil {
				return err
			}
		}
	}
	return nil
}
