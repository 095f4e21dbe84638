package store

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/pardesk/pardesk/data"
)

// Frameworks are keyed by year (yearKey), so key order is year order.
const bucketFrameworks = "frameworks"

// Years lists the years that have a framework, oldest first.
func (tx *Tx) Years() ([]int, error) {
	var years []int
	for _, k := range keys(tx.bolt, bucketFrameworks, "") {
		y, err := strconv.Atoi(k)
		if err != nil {
			return nil, data.Errorf(data.EINTERNAL, "Khóa bộ chỉ số %q không phải là năm", k)
		}
		years = append(years, y)
	}
	return years, nil
}

// Framework returns the framework of a year.
func (tx *Tx) Framework(year int) (*data.Framework, error) {
	if year == 0 { // no year chosen: a new file has no framework yet
		return nil, data.Errorf(data.ENOTFOUND, "Tệp dữ liệu chưa có bộ chỉ số nào; hãy tạo bộ chỉ số (mục Bộ chỉ số) hoặc nhập từ Excel (mục Dữ liệu) trước.")
	}
	f, ok, err := get[data.Framework](tx.bolt, bucketFrameworks, yearKey(year))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, data.Errorf(data.ENOTFOUND, "Chưa có bộ chỉ số năm %d", year)
	}
	return &f, nil
}

// PutFramework validates and saves the framework of f.Year, replacing the
// one stored for that year. Validate normalises f in place (texts cleaned,
// parents' maxima summed), so the caller sees what was stored.
//
// The scores already entered for that year must still fit the framework: a
// criterion that has scores cannot be removed, nor its max lowered below
// them, until those scores are changed or cleared (SetScore with an empty
// Score). Otherwise the sheets would hold scores the rules refuse, and the
// next SetScore on them would fail on a criterion the officer did not touch.
// Changed tiers of a tỷ lệ criterion rework the points of the counts
// entered on it, in the same transaction.
func (tx *Tx) PutFramework(f *data.Framework) error {
	if err := tx.CheckUnlocked(f.Year); err != nil {
		return err
	}
	if err := f.Validate(); err != nil {
		return err
	}
	sheets, err := tx.Sheets(f.Year)
	if err != nil {
		return err
	}
	var retiered []*data.Sheet
	for _, code := range slices.Sorted(maps.Keys(sheets)) {
		before := maps.Clone(sheets[code].Scores)
		if err := sheets[code].Validate(f); err != nil {
			name := code
			if u, ok, _ := get[data.Unit](tx.bolt, bucketUnits, code); ok {
				name = u.Name
			}
			return data.Errorf(data.ECONFLICT, "Không lưu được bộ chỉ số năm %d: điểm đã nhập của đơn vị %s không còn hợp lệ (%s). Hãy sửa hoặc xóa điểm đó trước.",
				f.Year, name, data.ErrorMessage(err))
		}
		if !maps.EqualFunc(before, sheets[code].Scores, data.Score.Same) {
			retiered = append(retiered, sheets[code])
		}
	}
	old, ok, err := get[data.Framework](tx.bolt, bucketFrameworks, yearKey(f.Year))
	if err != nil {
		return err
	}
	if !ok {
		old = data.Framework{Year: f.Year}
	}
	if err := tx.recordFramework(&old, f); err != nil {
		return err
	}
	if err := put(tx.bolt, bucketFrameworks, yearKey(f.Year), f); err != nil {
		return err
	}
	// New tiers of a tỷ lệ criterion give new points for the counts
	// already entered: the sheets are saved with them, and the audit trail
	// shows every point that moved.
	for _, s := range retiered {
		if err := tx.PutSheet(s); err != nil {
			return err
		}
	}
	return nil
}

// DeleteCriterion removes a criterion (and what is under it) from a year's
// framework together with every score entered on it, in one transaction.
// The editor asks for an explicit confirmation first; the reason and every
// cleared score go into the audit trail.
func (tx *Tx) DeleteCriterion(year int, code, reason string) error {
	if err := tx.CheckUnlocked(year); err != nil {
		return err
	}
	f, err := tx.Framework(year)
	if err != nil {
		return err
	}
	c := f.Find(code)
	if c == nil {
		return data.Errorf(data.ENOTFOUND, "Bộ chỉ số năm %d không có tiêu chí mã %s", year, code)
	}
	gone := map[string]bool{}
	var mark func(c *data.Criterion)
	mark = func(c *data.Criterion) {
		gone[c.Code] = true
		for i := range c.Children {
			mark(&c.Children[i])
		}
	}
	mark(c)
	if !f.Remove(code) {
		return data.Errorf(data.ENOTFOUND, "Bộ chỉ số năm %d không có tiêu chí mã %s", year, code)
	}
	tx.SetReason(reason)
	tx.dropped = gone
	defer func() { tx.dropped = nil }()
	sheets, err := tx.Sheets(year)
	if err != nil {
		return err
	}
	for _, unit := range slices.Sorted(maps.Keys(sheets)) {
		s := sheets[unit]
		changed := false
		for k := range s.Scores {
			if gone[k] {
				delete(s.Scores, k)
				changed = true
			}
		}
		if changed {
			if err := tx.PutSheet(s); err != nil {
				return err
			}
		}
	}
	return tx.PutFramework(f)
}

// recordFramework records the criteria added, removed or changed and the
// rating bands changed between two versions of a year's framework.
func (tx *Tx) recordFramework(old, cur *data.Framework) error {
	index := func(f *data.Framework) map[string]data.Criterion {
		m := map[string]data.Criterion{}
		var walk func(cs []data.Criterion)
		walk = func(cs []data.Criterion) {
			for _, c := range cs {
				m[c.Code] = c
				walk(c.Children)
			}
		}
		walk(f.Areas)
		return m
	}
	describe := func(c data.Criterion) string {
		s := c.Title + " (tối đa " + c.LeafMax().Short() + ")"
		if c.Kind != data.KindScored {
			s += ", " + c.Kind.Label()
		}
		if c.IsLeaf() && c.Input != data.InputPoints {
			s += ", kiểu nhập " + c.Input.Label()
			if len(c.Tiers) > 0 {
				s += " " + data.FormatTiers(c.Tiers)
			}
		}
		if c.MayNotApply {
			s += ", có thể không áp dụng"
		}
		return s
	}
	o, n := index(old), index(cur)
	codes := slices.Collect(maps.Keys(o))
	for c := range n {
		if _, ok := o[c]; !ok {
			codes = append(codes, c)
		}
	}
	slices.SortFunc(codes, compareCodes)
	for _, code := range codes {
		oc, had := o[code]
		nc, has := n[code]
		var entry data.AuditEntry
		switch {
		case !had:
			entry = data.AuditEntry{Item: "Thêm tiêu chí " + code, New: describe(nc)}
		case !has:
			entry = data.AuditEntry{Item: "Xóa tiêu chí " + code, Old: describe(oc)}
		case describe(oc) != describe(nc) || oc.Hint != nc.Hint:
			entry = data.AuditEntry{Item: "Sửa tiêu chí " + code, Old: describe(oc), New: describe(nc)}
			if describe(oc) == describe(nc) {
				entry.Old, entry.New = oc.Hint, nc.Hint
				entry.Item = "Tài liệu kiểm chứng của tiêu chí " + code
			}
		default:
			continue
		}
		entry.Kind, entry.Year = data.AuditFramework, cur.Year
		if err := tx.record(entry); err != nil {
			return err
		}
	}
	if ob, nb := bandsText(old.Bands), bandsText(cur.Bands); ob != nb && len(old.Areas) > 0 {
		return tx.record(data.AuditEntry{Kind: data.AuditFramework, Year: cur.Year, Item: "Mức xếp loại", Old: ob, New: nb})
	}
	return nil
}

func bandsText(bs []data.Band) string {
	var parts []string
	for _, b := range bs {
		parts = append(parts, b.Name+" ≥ "+b.Min.String()+" %")
	}
	return strings.Join(parts, "; ")
}
