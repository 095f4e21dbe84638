package store

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pardesk/pardesk/data"
)

// Checklist templates are keyed "ID/0002" (ID and version), so a template's
// versions are one range of keys, oldest first. Visits are keyed by their ID
// "2023-04" (year and number in the year), so a year's plan is one range.
const (
	bucketTemplates = "checklists"
	bucketVisits    = "inspections"
	bucketPlans     = "inspection_plans" // the year's plan document, keyed by year
)

func templateKey(id string, version int) string { return fmt.Sprintf("%s/%04d", id, version) }

// Templates lists the latest version of every checklist template, by title
// in Vietnamese collation.
func (tx *Tx) Templates() ([]data.Template, error) {
	latest := map[string]data.Template{}
	err := each(tx.bolt, bucketTemplates, "", func(_ string, t data.Template) error {
		latest[t.ID] = t // keys run oldest version first
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]data.Template, 0, len(latest))
	for _, t := range latest {
		out = append(out, t)
	}
	coll := data.NewCollator()
	slices.SortFunc(out, func(a, b data.Template) int {
		return cmp.Or(coll.CompareString(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// TemplateVersions lists every version of a template, oldest first.
func (tx *Tx) TemplateVersions(id string) ([]data.Template, error) {
	var out []data.Template
	err := each(tx.bolt, bucketTemplates, id+"/", func(_ string, t data.Template) error {
		out = append(out, t)
		return nil
	})
	return out, err
}

// Template returns one version of a template; version 0 means the latest.
func (tx *Tx) Template(id string, version int) (data.Template, error) {
	if version == 0 {
		vs, err := tx.TemplateVersions(id)
		if err != nil {
			return data.Template{}, err
		}
		if len(vs) == 0 {
			return data.Template{}, data.Errorf(data.ENOTFOUND, "Không có mẫu phiếu kiểm tra mã %s", id)
		}
		return vs[len(vs)-1], nil
	}
	t, ok, err := get[data.Template](tx.bolt, bucketTemplates, templateKey(id, version))
	if err == nil && !ok {
		err = data.Errorf(data.ENOTFOUND, "Không có mẫu phiếu kiểm tra mã %s phiên bản %d", id, version)
	}
	return t, err
}

// TemplateInUse reports whether a finished visit was made with this version
// of the template: its signed record depends on the version's questions.
func (tx *Tx) TemplateInUse(id string, version int) (bool, error) {
	used := false
	err := each(tx.bolt, bucketVisits, "", func(_ string, v data.Visit) error {
		if v.Finished && v.Template == id && v.TemplateVersion == version {
			used = true
		}
		return nil
	})
	return used, err
}

// draftsBroken reports whether a visit not yet finished has answers that
// edit (the same ID and version) would no longer accept: an answered item
// deleted, its code changed, its kind changed or its max set below the
// figure typed. Such an edit must not replace the version under the draft.
func (tx *Tx) draftsBroken(edit *data.Template) (bool, error) {
	broken := false
	err := each(tx.bolt, bucketVisits, "", func(_ string, v data.Visit) error {
		if broken || v.Finished || v.Template != edit.ID || v.TemplateVersion != edit.Version || len(v.Answers) == 0 {
			return nil
		}
		v.Answers = maps.Clone(v.Answers)
		v.Team = slices.Clone(v.Team)
		v.Recommendations = slices.Clone(v.Recommendations)
		broken = v.Validate(edit) != nil
		return nil
	})
	return broken, err
}

// SaveTemplate validates and saves a checklist template and sets t.Version
// to the version stored:
//   - a new template (Version 0) becomes version 1; its ID must be new;
//   - an edit of the latest version replaces it, unless a finished visit
//     was made with it, or a visit being filled in has answers the edit
//     would no longer accept: then the edit becomes the next version and
//     the old one stays as it was, so no signed record loses its questions
//     and no draft its answers;
//   - older versions cannot be edited.
func (tx *Tx) SaveTemplate(t *data.Template) error {
	if err := t.Validate(); err != nil {
		return err
	}
	vs, err := tx.TemplateVersions(t.ID)
	if err != nil {
		return err
	}
	latest := 0
	if len(vs) > 0 {
		latest = vs[len(vs)-1].Version
	}
	switch {
	case t.Version == 0 && latest > 0:
		return data.Errorf(data.ECONFLICT, "Mã mẫu phiếu %s đã có (%s); chọn mã khác", t.ID, vs[len(vs)-1].Title)
	case t.Version == 0:
		t.Version = 1
	case t.Version != latest:
		return data.Errorf(data.ECONFLICT, "Mẫu phiếu %s: chỉ sửa được phiên bản mới nhất (phiên bản %d), không sửa phiên bản %d", t.ID, latest, t.Version)
	default:
		used, err := tx.TemplateInUse(t.ID, t.Version)
		if err != nil {
			return err
		}
		if !used {
			if used, err = tx.draftsBroken(t); err != nil {
				return err
			}
		}
		if used {
			t.Version = latest + 1
		}
	}
	return put(tx.bolt, bucketTemplates, templateKey(t.ID, t.Version), t)
}

// Visits lists a year's visits by date, then ID, each recommendation's
// Done read from the task that follows it up.
func (tx *Tx) Visits(year int) ([]data.Visit, error) {
	var vs []data.Visit
	err := each(tx.bolt, bucketVisits, yearKey(year)+"-", func(_ string, v data.Visit) error {
		vs = append(vs, v)
		return tx.followUp(&vs[len(vs)-1])
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(vs, func(a, b data.Visit) int {
		return cmp.Or(data.Day(a.Date).Compare(data.Day(b.Date)), cmp.Compare(a.ID, b.ID))
	})
	return vs, nil
}

// VisitYears lists the years that have an inspection plan, oldest first.
func (tx *Tx) VisitYears() ([]int, error) {
	var years []int
	for _, k := range keys(tx.bolt, bucketVisits, "") {
		if y, err := strconv.Atoi(strings.SplitN(k, "-", 2)[0]); err == nil && !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	return years, nil
}

// Visit returns the visit with the given ID, each recommendation's Done
// read from the task that follows it up.
func (tx *Tx) Visit(id string) (data.Visit, error) {
	v, ok, err := get[data.Visit](tx.bolt, bucketVisits, id)
	if err == nil && !ok {
		err = data.Errorf(data.ENOTFOUND, "Không có đợt kiểm tra mã %s", id)
	}
	if err != nil {
		return v, err
	}
	return v, tx.followUp(&v)
}

// PutVisit validates and saves a visit; a new visit (ID "") gets the next
// ID of its year ("2023-04"), set on v. The unit and the template version
// must exist. A finished visit is the signed record and is refused any
// change. When v is being finished, each recommendation becomes a task of
// the year's inspection recommendations, linked back to the visit, in this
// same transaction: the record and its follow-up are stored together or
// not at all.
func (tx *Tx) PutVisit(v *data.Visit) error {
	if v.ID != "" {
		old, err := tx.Visit(v.ID)
		if err != nil {
			return err
		}
		if old.Finished {
			return data.Errorf(data.ECONFLICT, "Đợt kiểm tra %s đã hoàn thành, biên bản đã lập: không sửa được nữa", v.ID)
		}
		if old.Year != v.Year {
			return data.Errorf(data.EINVALID, "Năm của đợt kiểm tra %s: không đổi được từ %d sang %d", v.ID, old.Year, v.Year)
		}
	}
	t, err := tx.Template(v.Template, v.TemplateVersion)
	if data.ErrorCode(err) == data.ENOTFOUND {
		return data.Errorf(data.EINVALID, "Mẫu phiếu kiểm tra của đợt kiểm tra: %s", data.ErrorMessage(err))
	} else if err != nil {
		return err
	}
	if err := v.Validate(&t); err != nil {
		return err
	}
	u, ok, err := get[data.Unit](tx.bolt, bucketUnits, v.Unit)
	if err != nil {
		return err
	} else if !ok {
		return data.Errorf(data.EINVALID, "Đơn vị được kiểm tra: không có đơn vị mã %s", v.Unit)
	}
	if v.ID == "" {
		v.ID = tx.nextVisitID(v.Year)
	}
	if v.Finished {
		if err := tx.carryRecommendations(v, u); err != nil {
			return err
		}
	}
	return put(tx.bolt, bucketVisits, v.ID, v)
}

func (tx *Tx) nextVisitID(year int) string {
	n := 0
	prefix := yearKey(year) + "-"
	for _, k := range keys(tx.bolt, bucketVisits, prefix) {
		if i, err := strconv.Atoi(strings.TrimPrefix(k, prefix)); err == nil {
			n = max(n, i)
		}
	}
	return fmt.Sprintf("%s%02d", prefix, n+1)
}

// carryRecommendations makes each recommendation of a visit being finished
// a task: plan "inspection recommendations" of the visit's year, the
// inspected unit in charge, the owner as the officer in charge, the
// deadline as due date, and the source "inspection:<visit>:<n>" linking
// back.
func (tx *Tx) carryRecommendations(v *data.Visit, u data.Unit) error {
	for i := range v.Recommendations {
		r := &v.Recommendations[i]
		if r.TaskID != 0 {
			continue
		}
		title, _, _ := strings.Cut(r.Text, "\n")
		t := data.Task{
			Title:       title,
			Description: fmt.Sprintf("Kiến nghị số %d của đợt kiểm tra %s tại %s ngày %s:\n%s", i+1, v.ID, u.Name, data.FormatDate(v.Date), r.Text),
			Year:        v.Year,
			PlanKind:    data.PlanInspection,
			Unit:        v.Unit,
			Officer:     r.Owner,
			Start:       v.Date,
			Due:         r.Deadline,
			Source:      fmt.Sprintf("inspection:%s:%d", v.ID, i+1),
		}
		if err := tx.PutTask(&t); err != nil {
			return data.Errorf(data.EINVALID, "Kiến nghị thứ %d: không chuyển được thành nhiệm vụ: %s", i+1, data.ErrorMessage(err))
		}
		r.TaskID = t.ID
	}
	return nil
}

// followUp sets each recommendation's Done from the task that follows it
// up: the task list is where officers close them. A recommendation whose
// task was deleted stays as it was.
func (tx *Tx) followUp(v *data.Visit) error {
	for i := range v.Recommendations {
		r := &v.Recommendations[i]
		if r.TaskID == 0 {
			continue
		}
		t, err := tx.Task(r.TaskID)
		if data.ErrorCode(err) == data.ENOTFOUND {
			continue
		} else if err != nil {
			return err
		}
		r.Done = t.Done
	}
	return nil
}

// InspectionProgress is how the year's plan stands on day today: visits
// done of visits planned, and open recommendations per unit (their tasks
// not done).
func (tx *Tx) InspectionProgress(year int, today time.Time) (data.PlanProgress, error) {
	vs, err := tx.Visits(year)
	if err != nil {
		return data.PlanProgress{}, err
	}
	return data.Progress(year, vs, today), nil
}

// DeleteVisit removes a planned visit that is not finished.
func (tx *Tx) DeleteVisit(id string) error {
	v, err := tx.Visit(id)
	if err != nil {
		return err
	}
	if v.Finished {
		return data.Errorf(data.ECONFLICT, "Đợt kiểm tra %s đã hoàn thành: không xóa được", id)
	}
	return tx.bolt.Bucket([]byte(bucketVisits)).Delete([]byte(id))
}

// InspectionPlan returns the plan document of a year; ok is false when none
// was stored, and the plan returned is then the year with the usual title.
func (tx *Tx) InspectionPlan(year int) (p data.InspectionPlan, ok bool, err error) {
	p, ok, err = get[data.InspectionPlan](tx.bolt, bucketPlans, yearKey(year))
	if err == nil && !ok {
		p = data.InspectionPlan{Year: year, Title: data.PlanTitle(year)}
	}
	return p, ok, err
}

// PutInspectionPlan validates and stores a year's plan document, replacing
// the one stored.
func (tx *Tx) PutInspectionPlan(p *data.InspectionPlan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return put(tx.bolt, bucketPlans, yearKey(p.Year), p)
}
