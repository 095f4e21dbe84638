package store

import (
	"cmp"
	"slices"

	"github.com/pardesk/pardesk/data"
)

// Groups are keyed by ID.
const bucketGroups = "groups"

// Groups lists the unit groups by Order, then by name in Vietnamese
// collation.
func (tx *Tx) Groups() ([]data.Group, error) {
	var gs []data.Group
	err := each(tx.bolt, bucketGroups, "", func(_ string, g data.Group) error {
		gs = append(gs, g)
		return nil
	})
	if err != nil {
		return nil, err
	}
	coll := data.NewCollator()
	slices.SortFunc(gs, func(a, b data.Group) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), coll.CompareString(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return gs, nil
}

// Group returns the group with the given ID.
func (tx *Tx) Group(id string) (data.Group, error) {
	g, ok, err := get[data.Group](tx.bolt, bucketGroups, id)
	if err == nil && !ok {
		err = data.Errorf(data.ENOTFOUND, "Không có nhóm xếp hạng mã %s", id)
	}
	return g, err
}

// PutGroup validates and saves a group, replacing the one with the same ID.
func (tx *Tx) PutGroup(g data.Group) error {
	if err := g.Validate(); err != nil {
		return err
	}
	old, had, err := get[data.Group](tx.bolt, bucketGroups, g.ID)
	if err != nil {
		return err
	}
	if !had || old.Name != g.Name {
		e := data.AuditEntry{Kind: data.AuditGroup, Item: "Nhóm " + g.ID, New: g.Name}
		if had {
			e.Old = old.Name
		}
		if err := tx.record(e); err != nil {
			return err
		}
	}
	return put(tx.bolt, bucketGroups, g.ID, g)
}
