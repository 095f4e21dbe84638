package store

import (
	"slices"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
)

// Reorganisation of units, the way 2025 did it. Each is one transaction
// that writes the units and a "Tổ chức lại" entry in the audit trail for
// every unit involved (with the transaction's reason, SetReason). Units that
// end keep their code, their sheets and their years, and are deactivated:
// old years keep listing them, and a locked year's ranking keeps their
// names as they were (its snapshot).

// MergeUnits makes one unit of several on a day: into is the new unit (a
// new code), or one of the merged units that absorbs the others (its code,
// with its own rank history). The others end that day: inactive, naming
// into as their successor; into names them as its predecessors.
func (tx *Tx) MergeUnits(codes []string, into data.Unit, on time.Time) error {
	if on.IsZero() {
		return data.Errorf(data.EINVALID, "Hợp nhất đơn vị: chưa nhập ngày hợp nhất")
	}
	olds, err := tx.reorgUnits(codes, "Hợp nhất đơn vị")
	if err != nil {
		return err
	}
	if len(olds) < 2 {
		return data.Errorf(data.EINVALID, "Hợp nhất đơn vị: hãy chọn ít nhất hai đơn vị")
	}
	into.Code, into.Name = data.Clean(into.Code), data.Clean(into.Name)
	absorbing := slices.ContainsFunc(olds, func(u data.Unit) bool { return u.Code == into.Code })
	var preds []string
	for _, u := range olds {
		if u.Code != into.Code {
			preds = append(preds, u.Code)
		}
	}
	into.Formed, into.Predecessors, into.Since = data.ReorgMerge, preds, on
	into.Inactive, into.Successors, into.Ended = false, nil, time.Time{}
	if into.GroupID == "" {
		into.GroupID = olds[0].GroupID
	}
	if absorbing {
		err = tx.PutUnit(into)
	} else {
		err = tx.AddUnit(into)
	}
	if err != nil {
		return err
	}
	var from []string
	for _, u := range olds {
		from = append(from, unitLabel(u))
		if u.Code == into.Code {
			continue
		}
		if err := tx.endUnit(u, []string{into.Code}, on); err != nil {
			return err
		}
		if err := tx.recordReorg(u.Code, "Hợp nhất vào đơn vị khác", unitLabel(u), unitLabel(into), on); err != nil {
			return err
		}
	}
	return tx.recordReorg(into.Code, "Hợp nhất từ các đơn vị", strings.Join(from, "; "), unitLabel(into), on)
}

// SplitUnit makes several new units of one on a day: the parts (new codes)
// name it as their predecessor; it ends that day, inactive, naming them as
// its successors.
func (tx *Tx) SplitUnit(code string, parts []data.Unit, on time.Time) error {
	if on.IsZero() {
		return data.Errorf(data.EINVALID, "Chia tách đơn vị: chưa nhập ngày chia tách")
	}
	olds, err := tx.reorgUnits([]string{code}, "Chia tách đơn vị")
	if err != nil {
		return err
	}
	old := olds[0]
	if len(parts) < 2 {
		return data.Errorf(data.EINVALID, "Chia tách %s: cần ít nhất hai đơn vị mới", old.Name)
	}
	var codes, labels []string
	for _, p := range parts {
		p.Formed, p.Predecessors, p.Since = data.ReorgSplit, []string{old.Code}, on
		p.Inactive, p.Successors, p.Ended = false, nil, time.Time{}
		if p.GroupID == "" {
			p.GroupID = old.GroupID
		}
		if err := tx.AddUnit(p); err != nil {
			return err
		}
		p.Code = data.Clean(p.Code)
		p.Name = data.Clean(p.Name)
		codes, labels = append(codes, p.Code), append(labels, unitLabel(p))
		if err := tx.recordReorg(p.Code, "Tách từ đơn vị", unitLabel(old), unitLabel(p), on); err != nil {
			return err
		}
	}
	if err := tx.endUnit(old, codes, on); err != nil {
		return err
	}
	return tx.recordReorg(old.Code, "Chia tách thành các đơn vị", unitLabel(old), strings.Join(labels, "; "), on)
}

// RenameUnit gives a unit a new name from a day on; its code, group and
// history stay. A locked year keeps printing the name it was approved
// with.
func (tx *Tx) RenameUnit(code, name string, on time.Time) error {
	if on.IsZero() {
		return data.Errorf(data.EINVALID, "Đổi tên đơn vị: chưa nhập ngày đổi tên")
	}
	olds, err := tx.reorgUnits([]string{code}, "Đổi tên đơn vị")
	if err != nil {
		return err
	}
	u := olds[0]
	name = data.Clean(name)
	if name == u.Name {
		return data.Errorf(data.EINVALID, "Đổi tên %s: tên mới giống tên cũ", u.Name)
	}
	old := u
	u.Name = name
	if err := tx.PutUnit(u); err != nil {
		return err
	}
	return tx.recordReorg(u.Code, "Đổi tên đơn vị", unitLabel(old), unitLabel(u), on)
}

// reorgUnits reads the units a reorganisation starts from: they must exist,
// be distinct and still active.
func (tx *Tx) reorgUnits(codes []string, what string) ([]data.Unit, error) {
	var out []data.Unit
	for _, c := range codes {
		c = data.Clean(c)
		if slices.ContainsFunc(out, func(u data.Unit) bool { return u.Code == c }) {
			continue
		}
		u, err := tx.Unit(c)
		if err != nil {
			return nil, err
		}
		if u.Inactive {
			return nil, data.Errorf(data.ECONFLICT, "%s: %s (mã %s) đã ngừng đánh giá", what, u.Name, u.Code)
		}
		out = append(out, u)
	}
	if len(out) == 0 {
		return nil, data.Errorf(data.EINVALID, "%s: chưa chọn đơn vị", what)
	}
	return out, nil
}

// endUnit deactivates a unit replaced by others on a day.
func (tx *Tx) endUnit(u data.Unit, successors []string, on time.Time) error {
	u.Inactive, u.Successors, u.Ended = true, successors, on
	return tx.PutUnit(u)
}

func (tx *Tx) recordReorg(unit, item, old, new string, on time.Time) error {
	return tx.record(data.AuditEntry{Kind: data.AuditReorg, Unit: unit,
		Item: item + ", ngày " + data.FormatDate(on), Old: old, New: new})
}

func unitLabel(u data.Unit) string { return u.Name + " (" + u.Code + ")" }

// keepReorg carries a unit's reorganisation over to a new version of it
// that says nothing of it: the units form and the Excel import save a unit
// from its own fields only, which must not erase where it comes from or
// what replaced it.
func keepReorg(u *data.Unit, old data.Unit) {
	if u.Formed == "" && len(u.Predecessors) == 0 {
		u.Formed, u.Predecessors, u.Since = old.Formed, old.Predecessors, old.Since
	}
	if len(u.Successors) == 0 && u.Ended.IsZero() {
		u.Successors, u.Ended = old.Successors, old.Ended
	}
}

// YearGroup is a group as it was in a locked year (its name then), or as
// it is now for an open year or a group made after the lock.
func (tx *Tx) YearGroup(year int, id string) (data.Group, error) {
	snap, ok, err := tx.RankingSnapshot(year)
	if err != nil {
		return data.Group{}, err
	}
	g, err := tx.Group(id)
	if ok {
		if sg := snap.Group(id); sg != nil {
			g.ID, g.Name = sg.ID, sg.Name
			return g, nil
		}
	}
	return g, err
}
