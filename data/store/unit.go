package store

import (
	"cmp"
	"slices"

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
// Its group must exist.
func (tx *Tx) PutUnit(u data.Unit) error {
	if err := u.Validate(); err != nil {
		return err
	}
	if _, ok, err := get[data.Group](tx.bolt, bucketGroups, u.GroupID); err != nil {
		return err
	} else if !ok {
		return data.Errorf(data.EINVALID, "Đơn vị %s: nhóm xếp hạng mã %s không tồn tại", u.Name, u.GroupID)
	}
	return put(tx.bolt, bucketUnits, u.Code, u)
}
