package data

import "time"

// UnitKind is the kind of an evaluated unit.
type UnitKind string

const (
	KindCommune  UnitKind = "xa"      // xã
	KindWard     UnitKind = "phuong"  // phường
	KindTown     UnitKind = "thitran" // thị trấn
	KindZone     UnitKind = "dackhu"  // đặc khu (since 2025)
	KindAgency   UnitKind = "coquan"  // sở, phòng, ban
	KindDistrict UnitKind = "huyen"   // huyện, thành phố (when a province ranks districts)
)

// UnitKinds lists the kinds in the order forms offer them.
var UnitKinds = []UnitKind{KindCommune, KindWard, KindTown, KindZone, KindAgency, KindDistrict}

// Label is the Vietnamese name of the kind.
func (k UnitKind) Label() string {
	switch k {
	case KindCommune:
		return "Xã"
	case KindWard:
		return "Phường"
	case KindTown:
		return "Thị trấn"
	case KindZone:
		return "Đặc khu"
	case KindAgency:
		return "Cơ quan"
	case KindDistrict:
		return "Huyện, thành phố"
	}
	return string(k)
}

// Group is a set of units ranked against each other: "10 huyện, thành
// phố", "45 phường", "các sở, ban, ngành".
type Group struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Order int    `json:"order"`
}

// Validate normalises the group and checks its fields.
func (g *Group) Validate() error {
	g.ID = Clean(g.ID)
	g.Name = Clean(g.Name)
	if g.ID == "" {
		return errorf(EINVALID, "Mã nhóm: chưa nhập")
	}
	if g.Name == "" {
		return errorf(EINVALID, "Tên nhóm: chưa nhập")
	}
	return nil
}

// Unit is an evaluated unit: a commune, ward, town, special zone or agency.
// A unit that has scores is never deleted; it is deactivated and keeps its
// history.
type Unit struct {
	Code     string   `json:"code"`
	Name     string   `json:"name"`
	Kind     UnitKind `json:"kind"`
	GroupID  string   `json:"group"`
	Order    int      `json:"order"`
	Inactive bool     `json:"inactive,omitempty"`

	// Reorganisation (2025: communes merged, renamed, split). A unit formed
	// by merging or splitting others says how and names them; a unit
	// replaced by others names them and the day it ended (it is inactive
	// and keeps its sheets). Results of a year stay with the units as they
	// were that year.
	Formed       string    `json:"formed,omitempty"`       // ReorgMerge or ReorgSplit
	Predecessors []string  `json:"predecessors,omitempty"` // codes of the units it was formed from
	Since        time.Time `json:"since,omitzero"`         // the day it was formed
	Successors   []string  `json:"successors,omitempty"`   // codes of the units that replaced it
	Ended        time.Time `json:"ended,omitzero"`         // the day it was replaced
}

// Validate normalises the unit and checks its fields.
func (u *Unit) Validate() error {
	u.Code = Clean(u.Code)
	u.Name = Clean(u.Name)
	switch {
	case u.Code == "":
		return errorf(EINVALID, "Mã đơn vị: chưa nhập")
	case len([]rune(u.Code)) > 20:
		return errorf(EINVALID, "Mã đơn vị %q: tối đa 20 ký tự", u.Code)
	case u.Name == "":
		return errorf(EINVALID, "Tên đơn vị (mã %s): chưa nhập", u.Code)
	case u.GroupID == "":
		return errorf(EINVALID, "Nhóm xếp hạng của đơn vị %s: chưa chọn", u.Name)
	}
	if u.Kind == "" {
		u.Kind = KindCommune
	}
	return nil
}
