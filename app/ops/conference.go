package ops

import (
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// ConferenceInput gathers what the conference report prints for a year:
// the office's report on a group (the first group when groupID is empty),
// or with unit set the unit's report on its own result, headed and signed
// by the unit. The text is the edited copy when one was saved (edited
// true), else a fresh draft. today judges tasks overdue.
func ConferenceInput(tx *store.Tx, year int, groupID, unit string, today time.Time) (in reports.ConferenceInput, edited bool, err error) {
	facts, err := tx.ConferenceFacts(year, groupID, unit, today)
	if err != nil {
		return in, false, err
	}
	draft, edited, err := tx.ConferenceDraft(facts)
	if err != nil {
		return in, false, err
	}
	in = reports.ConferenceInput{
		Issuer: facts.Office, Draft: draft, GroupName: facts.GroupName,
		Framework: facts.Framework, Results: facts.Results,
	}
	units := make([]data.Unit, 0, len(facts.Results))
	for _, r := range facts.Results {
		if unit == "" || r.Unit.Code == unit {
			units = append(units, r.Unit)
		}
	}
	in.Lost = data.LostPoints(facts.Framework, units, facts.Sheets)
	if unit != "" {
		u, err := tx.Unit(unit)
		if err != nil {
			return in, false, err
		}
		in.Issuer = unitIssuer(u, facts.Office)
	}
	return in, edited, nil
}

// unitIssuer heads and signs a unit's own report: the people's committee
// of an administrative unit, or the agency under the office's superior
// body; the report goes to the office.
func unitIssuer(u data.Unit, office data.Office) data.Office {
	to := data.OfficeShortName(office)
	if to == "" {
		to = "Cơ quan chủ trì đánh giá"
	}
	o := data.Office{Place: data.PlaceName(u.Name), Recipients: []string{to + " (để báo cáo);", "Lưu: VT."}}
	if data.InText(u.Name) != u.Name {
		o.Name = "Ủy ban nhân dân " + data.InText(u.Name)
		o.Abbrev = "UBND"
		o.SignerTitle = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
		return o
	}
	o.Superior, o.Name, o.SignerTitle = office.Superior, u.Name, "THỦ TRƯỞNG CƠ QUAN"
	return o
}
