package store

import (
	"fmt"
	"time"

	"github.com/pardesk/pardesk/data"
)

// bucketConference holds the officers' edited copies of the conference
// report, keyed by year and group ("2022/group/HUYEN") or unit
// ("2022/unit/NBI").
const bucketConference = "conference"

func conferenceKey(year int, groupID, unit string) string {
	if unit != "" {
		return yearPrefix(year) + "unit/" + unit
	}
	return yearPrefix(year) + "group/" + groupID
}

// conferenceGroup resolves the group a conference report is about: the
// unit's group for a unit's report, else groupID, else the first group.
func (tx *Tx) conferenceGroup(groupID, unit string) (data.Group, error) {
	if unit != "" {
		u, err := tx.Unit(unit)
		if err != nil {
			return data.Group{}, err
		}
		return tx.Group(u.GroupID)
	}
	if groupID != "" {
		return tx.Group(groupID)
	}
	gs, err := tx.Groups()
	if err != nil {
		return data.Group{}, err
	}
	if len(gs) == 0 {
		return data.Group{}, data.Errorf(data.ENOTFOUND, "Chưa có nhóm đơn vị nào để xếp hạng")
	}
	return gs[0], nil
}

// ConferenceFacts gathers the figures the year's conference report is
// drafted from: the group's ranking (frozen for a locked year) and last
// year's, the sheets, the year's one-stop figures and next year's targets,
// last year's remedies and next year's tasks, the year's inspections. For a
// unit's report (unit set) the group is the unit's; otherwise groupID, or
// the first group when it is empty. today judges tasks overdue.
func (tx *Tx) ConferenceFacts(year int, groupID, unit string, today time.Time) (data.ConferenceFacts, error) {
	c := data.ConferenceFacts{Year: year, Unit: unit, Today: today}
	g, err := tx.conferenceGroup(groupID, unit)
	if err != nil {
		return c, err
	}
	c.GroupID, c.GroupName = g.ID, g.Name
	if c.Office, err = tx.Office(); err != nil {
		return c, err
	}
	if c.Results, c.Framework, err = tx.Ranking(year, g.ID); err != nil {
		return c, err
	}
	switch prev, _, err := tx.Ranking(year-1, g.ID); {
	case data.ErrorCode(err) == data.ENOTFOUND:
	case err != nil:
		return c, err
	default:
		c.Previous = prev
	}
	if c.Sheets, err = tx.Sheets(year); err != nil {
		return c, err
	}
	sum, err := tx.OneStopSummary(data.YearPeriod(year), g.ID)
	if err != nil {
		return c, err
	}
	if sum.Reported > 0 {
		c.OneStop = &sum
	}
	office, own, err := tx.OneStopTargets(year + 1)
	if err != nil {
		return c, err
	}
	var mine *data.OneStopTargets
	if t, ok := own[unit]; ok && unit != "" {
		mine = &t
	}
	if c.NextTargets = data.EffectiveTargets(office, mine); len(c.NextTargets) == 0 {
		c.NextTargets = nil
	}
	remedies, err := tx.Tasks(data.TaskFilter{Year: year})
	if err != nil {
		return c, err
	}
	for _, t := range remedies {
		if t.PlanKind == data.PlanConference {
			c.Remedies = append(c.Remedies, t)
		}
	}
	next, err := tx.Tasks(data.TaskFilter{Year: year + 1})
	if err != nil {
		return c, err
	}
	for _, t := range next {
		if t.PlanKind != data.PlanInspection {
			c.NextTasks = append(c.NextTasks, t)
		}
	}
	p, err := tx.InspectionProgress(year, today)
	if err != nil {
		return c, err
	}
	if p.Planned > 0 {
		c.Inspection = &p
	}
	units, err := tx.Units()
	if err != nil {
		return c, err
	}
	c.UnitNames = map[string]string{}
	for _, u := range units {
		c.UnitNames[u.Code] = u.Name
	}
	return c, nil
}

// StoredConferenceDraft returns the officer's edited copy of the report for
// a year and group (unit empty) or unit; ok is false when there is none.
func (tx *Tx) StoredConferenceDraft(year int, groupID, unit string) (d data.ConferenceDraft, ok bool, err error) {
	return get[data.ConferenceDraft](tx.bolt, bucketConference, conferenceKey(year, groupID, unit))
}

// ConferenceDraft is the report as it prints: the edited copy when one was
// saved (edited true), else a fresh draft from the facts.
func (tx *Tx) ConferenceDraft(facts data.ConferenceFacts) (d data.ConferenceDraft, edited bool, err error) {
	group := facts.GroupID
	if facts.Unit != "" {
		group = ""
	}
	if d, ok, err := tx.StoredConferenceDraft(facts.Year, group, facts.Unit); err != nil || ok {
		return d, ok, err
	}
	d, err = data.Draft(facts)
	return d, false, err
}

// PutConferenceDraft saves the officer's edited copy of a conference
// report, in the caller's one transaction, and records in the audit trail
// each section whose heading or text changed (against the copy saved
// before, or the drafted text the first time).
func (tx *Tx) PutConferenceDraft(d *data.ConferenceDraft) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if d.Unit != "" {
		if _, err := tx.Unit(d.Unit); err != nil {
			return err
		}
	} else if _, err := tx.Group(d.Group); err != nil {
		return err
	}
	key := conferenceKey(d.Year, d.Group, d.Unit)
	old, had, err := get[data.ConferenceDraft](tx.bolt, bucketConference, key)
	if err != nil {
		return err
	}
	entry := func(item, o, n string) error {
		return tx.record(data.AuditEntry{Kind: data.AuditConference, Year: d.Year, Unit: d.Unit,
			Item: conferenceItem(d) + " · " + item, Old: o, New: n})
	}
	if had && old.Title != d.Title {
		if err := entry("Trích yếu", old.Title, d.Title); err != nil {
			return err
		}
	}
	for _, s := range d.Sections {
		before, heading := s.Drafted, s.Heading
		if had {
			before = ""
			if o := old.Section(s.Key); o != nil {
				before = o.Text
				if o.Heading != s.Heading {
					if err := entry("Đề mục "+s.Key, o.Heading, s.Heading); err != nil {
						return err
					}
				}
			}
		}
		if before == s.Text {
			continue
		}
		if heading == "" {
			heading = s.Key
		}
		if err := entry(heading, before, s.Text); err != nil {
			return err
		}
	}
	return put(tx.bolt, bucketConference, key, d)
}

// RedraftConference discards the edited copy of a conference report
// ("Soạn lại từ số liệu"): the report prints a fresh draft again. The
// discarded text goes into the audit trail. Nothing saved: nothing done.
func (tx *Tx) RedraftConference(year int, groupID, unit string) error {
	key := conferenceKey(year, groupID, unit)
	old, had, err := get[data.ConferenceDraft](tx.bolt, bucketConference, key)
	if err != nil || !had {
		return err
	}
	if err := tx.record(data.AuditEntry{Kind: data.AuditConference, Year: year, Unit: unit,
		Item: conferenceItem(&old) + " · Soạn lại từ số liệu", Old: old.Text()}); err != nil {
		return err
	}
	return tx.bolt.Bucket([]byte(bucketConference)).Delete([]byte(key))
}

func conferenceItem(d *data.ConferenceDraft) string {
	if d.Unit != "" {
		return "Báo cáo hội nghị của đơn vị"
	}
	return fmt.Sprintf("Báo cáo hội nghị nhóm %s", d.Group)
}
