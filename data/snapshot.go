package data

import "time"

// RankingSnapshot is a locked year's ranking as the appraisal council
// approved it, taken when the year is locked: every group with the units
// that were in it then, each with its code, name and group as they were,
// area points, total, index, rating, rank and last year's rank. Reports,
// exports and screens of a locked year read it, so later changes to units
// (moved, renamed, merged, deactivated) never alter a published ranking.
type RankingSnapshot struct {
	Year    int             `json:"year"`
	At      time.Time       `json:"at"`
	Officer string          `json:"officer,omitempty"`
	Groups  []SnapshotGroup `json:"groups"`
}

// SnapshotGroup is one group's ranking in a snapshot.
type SnapshotGroup struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Results []Result `json:"results"` // in rank order, the units not appraised last
}

// Group returns the group's ranking, nil when the group did not exist
// when the year was locked.
func (s *RankingSnapshot) Group(id string) *SnapshotGroup {
	for i := range s.Groups {
		if s.Groups[i].ID == id {
			return &s.Groups[i]
		}
	}
	return nil
}

// Find returns a unit's result and its group, nil when the unit was not
// evaluated that year.
func (s *RankingSnapshot) Find(code string) (*Result, *SnapshotGroup) {
	for i := range s.Groups {
		g := &s.Groups[i]
		for j := range g.Results {
			if g.Results[j].Unit.Code == code {
				return &g.Results[j], g
			}
		}
	}
	return nil, nil
}
