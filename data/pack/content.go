package pack

import (
	"github.com/pardesk/pardesk/data"
)

// Content is content.json: what a package carries besides evidence files.
// Each kind fills the fields it needs (see the Kind constants).
type Content struct {
	// Office is the sending office's details: a unit prints its reports
	// under them when its own file has none.
	Office    *data.Office    `json:"office,omitempty"`
	Framework *data.Framework `json:"framework,omitempty"`
	Groups    []data.Group    `json:"groups,omitempty"`
	Units     []data.Unit     `json:"units,omitempty"`
	// Deadline is when the office expects the self-assessment back
	// (09/06/2023).
	Deadline string `json:"deadline,omitempty"`
	// Assignee is the officer an appraisal share is assigned to.
	Assignee string `json:"assignee,omitempty"`
	// Sheets are the values the package brings, one per unit covered.
	Sheets []data.Sheet `json:"sheets,omitempty"`
	// Base is the receiving side's values when the package this one
	// answers was sent (a framework or share package carries the
	// office's; the answer carries them back), so the office can tell a
	// criterion it changed since from one only the sender changed.
	Base []data.Sheet `json:"base,omitempty"`
	// Snapshot is a locked year's ranking as published (results).
	Snapshot *data.RankingSnapshot `json:"snapshot,omitempty"`
	// Explanations (self) are the unit's explanations (giải trình) on
	// the criteria it was marked down on, by unit and criterion.
	Explanations map[string]map[string]data.Explanation `json:"explanations,omitempty"`
}

// Column is the part of a score a package may change.
type Column int

const (
	// ColSelf: the self score (points, "không áp dụng", counts) with the
	// unit's notes and evidence; a self-assessment never touches an
	// appraised score.
	ColSelf Column = iota
	// ColAppraised: the appraised score with the appraiser's notes and
	// evidence; an appraisal never touches a self score.
	ColAppraised
	// ColWhole: every value (the office's own copy sent out to a unit or
	// an officer, or the published results).
	ColWhole
)

// Column is what a package of the kind may change on a sheet.
func (k Kind) Column() Column {
	switch k {
	case KindFramework, KindSelf:
		return ColSelf
	case KindShareBack:
		return ColAppraised
	}
	return ColWhole
}

// Label names the column in the plan.
func (c Column) Label() string {
	switch c {
	case ColSelf:
		return "Tự đánh giá (điểm, ghi chú, tài liệu kiểm chứng)"
	case ColAppraised:
		return "Thẩm định (điểm, ghi chú, tài liệu kiểm chứng)"
	}
	return "Toàn bộ điểm, ghi chú, tài liệu kiểm chứng"
}

// Of keeps the part of a score that belongs to the column: the other
// side's points are left out. Everything else travels with either side
// (notes, evidence, and whatever a score carries besides), since a score
// has one of each.
func (c Column) Of(sc data.Score) data.Score {
	switch c {
	case ColSelf:
		sc.Appraised, sc.AppraisedNA, sc.AppraisedCounts = nil, false, nil
	case ColAppraised:
		sc.Self, sc.SelfNA, sc.SelfCounts = nil, false, nil
	}
	return sc
}

// Merge returns cur with the column taken from in: the other side's
// points stay as they are in the receiving file.
func (c Column) Merge(cur, in data.Score) data.Score {
	switch c {
	case ColSelf:
		in.Appraised, in.AppraisedNA, in.AppraisedCounts = cur.Appraised, cur.AppraisedNA, cur.AppraisedCounts
	case ColAppraised:
		in.Self, in.SelfNA, in.SelfCounts = cur.Self, cur.SelfNA, cur.SelfCounts
	}
	return in
}

// Empty reports whether the column holds nothing in sc.
func (c Column) Empty(sc data.Score) bool { return c.Of(sc).Same(data.Score{}) }
