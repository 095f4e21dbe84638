package ops

import (
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// VisitInput gathers what a visit's checklist and record print: the
// office, the unit, the visit and the template version it was made with.
// The UI's print buttons use it too.
func VisitInput(tx *store.Tx, id string) (reports.VisitInput, error) {
	var in reports.VisitInput
	var err error
	if in.Visit, err = tx.Visit(id); err != nil {
		return in, err
	}
	if in.Office, err = tx.Office(); err != nil {
		return in, err
	}
	if in.Unit, err = tx.Unit(in.Visit.Unit); err != nil {
		return in, err
	}
	if in.Template, err = tx.Template(in.Visit.Template, in.Visit.TemplateVersion); err != nil {
		return in, err
	}
	// The plan the visit carries out, cited by the record.
	plan, ok, err := tx.InspectionPlan(in.Visit.Year)
	if ok {
		in.Plan = plan
	}
	return in, err
}
