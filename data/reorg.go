package data

import (
	"strings"
	"time"
)

// Kinds of reorganisation of units (2025: nearly every commune was merged,
// renamed or regrouped).
const (
	ReorgMerge  = "merge"  // several units become one (sáp nhập, hợp nhất)
	ReorgSplit  = "split"  // one unit becomes several (chia tách)
	ReorgRename = "rename" // same unit, same code, new name (đổi tên)
)

// ReorgLabel is the Vietnamese name of a kind of reorganisation.
func ReorgLabel(kind string) string {
	switch kind {
	case ReorgMerge:
		return "Hợp nhất"
	case ReorgSplit:
		return "Chia tách"
	case ReorgRename:
		return "Đổi tên"
	}
	return kind
}

// NewUnitLabel says where a unit formed by reorganisation comes from, the
// way the ranking's "Thay đổi" column prints it when the unit has no rank
// of its own last year: "đơn vị mới (hợp nhất từ Xã A, Xã B)", "đơn vị mới
// (tách từ Xã A)". names are the predecessors' names (their codes when
// not known). "" for a unit that was not formed by a reorganisation.
func NewUnitLabel(u Unit, names []string) string {
	if len(u.Predecessors) == 0 {
		return ""
	}
	if len(names) == 0 {
		names = u.Predecessors
	}
	from := strings.Join(names, ", ")
	if u.Formed == ReorgSplit {
		return "đơn vị mới (tách từ " + from + ")"
	}
	return "đơn vị mới (hợp nhất từ " + from + ")"
}

// History says in one line how a unit came to be and how it ended, for the
// units screen: "Hợp nhất từ Xã A, Xã B ngày 01/07/2025". names maps unit
// codes to names. "" for a unit never reorganised.
func (u Unit) History(names map[string]string) string {
	name := func(codes []string) string {
		out := make([]string, len(codes))
		for i, c := range codes {
			if n := names[c]; n != "" {
				out[i] = n
			} else {
				out[i] = c
			}
		}
		return strings.Join(out, ", ")
	}
	on := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return " ngày " + FormatDate(t)
	}
	var parts []string
	if len(u.Predecessors) > 0 {
		verb := "Hợp nhất từ "
		if u.Formed == ReorgSplit {
			verb = "Tách từ "
		}
		parts = append(parts, verb+name(u.Predecessors)+on(u.Since))
	}
	if len(u.Successors) > 0 {
		verb := "Hợp nhất vào "
		if len(u.Successors) > 1 {
			verb = "Chia tách thành "
		}
		parts = append(parts, verb+name(u.Successors)+on(u.Ended))
	}
	return strings.Join(parts, "; ")
}
