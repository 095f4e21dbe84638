// Package gen builds a data file of any size the way an office fills it:
// groups, units, a framework a year, every unit's sheet with self and
// appraised scores, notes and evidence, and the past years locked, all
// through the store's own write paths, so the file carries what a real
// one carries (the audit entry of every score, the history index, the
// ranking kept with each lock). The benchmarks of a decade of the whole
// country measure files it builds; `pardesk gen` builds one by hand.
package gen

import (
	"fmt"
	"math/rand/v2"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// Spec is the size of the file to build.
type Spec struct {
	FirstYear int // the first year scored (default 2016)
	Years     int // how many years, each one transaction like an import
	Units     int // units, in groups of GroupSize
	Criteria  int // scored leaves of each year's framework, spread over 8 areas
	GroupSize int // units per ranking group (default 170, a province's commune group)
	// Open leaves the last year unlocked (still being scored), as an
	// office's file is for most of a year; the years before are locked.
	Open bool
	// Progress, when set, is told after each year how many of the
	// years are done.
	Progress func(done, total int)
}

// Officer is who the generated audit trail names.
const Officer = "Nguyễn Thị Lan"

func (sp *Spec) defaults() {
	if sp.FirstYear == 0 {
		sp.FirstYear = 2016
	}
	if sp.GroupSize <= 0 {
		sp.GroupSize = 170
	}
}

// Scores is how many scores the spec stores.
func (sp Spec) Scores() int { return sp.Years * sp.Units * sp.Criteria }

// Build fills st, which should be a new file, with sp: the units and
// groups in one transaction, then one transaction a year holding its
// framework and every unit's sheet, then the year's lock.
func Build(st *store.Store, sp Spec) error {
	sp.defaults()
	if sp.Units <= 0 || sp.Criteria <= 0 || sp.Years <= 0 {
		return data.Errorf(data.EINVALID, "Cần ít nhất một năm, một đơn vị và một tiêu chí (năm %d, đơn vị %d, tiêu chí %d)", sp.Years, sp.Units, sp.Criteria)
	}
	st.SetOfficer(Officer)
	err := st.Update(func(tx *store.Tx) error {
		if err := tx.PutOffice(data.Office{Name: "SỞ NỘI VỤ", Superior: "UBND TỈNH CAO BẰNG", Abbrev: "SNV", Place: "Cao Bằng", Signer: "Nguyễn Văn Hùng", SignerTitle: "GIÁM ĐỐC", Recipients: []string{"UBND tỉnh", "Lưu: VT, CCHC"}}); err != nil {
			return err
		}
		for g := 0; g*sp.GroupSize < sp.Units; g++ {
			if err := tx.PutGroup(data.Group{ID: GroupID(g), Name: fmt.Sprintf("Các xã, phường khu vực %d", g+1), Order: g}); err != nil {
				return err
			}
		}
		for i := range sp.Units {
			u := data.Unit{Code: UnitCode(i), Name: fmt.Sprintf("Xã Thứ %d", i+1), Kind: data.KindCommune, GroupID: GroupID(i / sp.GroupSize), Order: i}
			if err := tx.PutUnit(u); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for y := range sp.Years {
		year := sp.FirstYear + y
		f := Framework(year, sp.Criteria)
		err := st.UpdateGrowing(int64(sp.Units*sp.Criteria)*200, func(tx *store.Tx) error {
			if err := tx.PutFramework(f); err != nil {
				return err
			}
			rng := rand.New(rand.NewPCG(uint64(year), 7))
			for i := range sp.Units {
				if err := tx.PutSheet(Sheet(f, UnitCode(i), rng)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if y < sp.Years-1 || !sp.Open {
			if err := st.Update(func(tx *store.Tx) error { return tx.LockYear(year) }); err != nil {
				return err
			}
		}
		if sp.Progress != nil {
			sp.Progress(y+1, sp.Years)
		}
	}
	return nil
}

// GroupID names the g-th group (from 0).
func GroupID(g int) string { return fmt.Sprintf("KV%02d", g+1) }

// UnitCode names the i-th unit (from 0).
func UnitCode(i int) string { return fmt.Sprintf("X%04d", i+1) }

// Framework is a year's framework of n scored leaves spread over eight
// areas, each leaf worth one to three points.
func Framework(year, n int) *data.Framework {
	f := &data.Framework{Year: year, Title: fmt.Sprintf("Bộ Chỉ số CCHC năm %d", year)}
	const areas = 8
	for a := range min(areas, n) {
		area := data.Criterion{Code: fmt.Sprint(a + 1), Title: fmt.Sprintf("Lĩnh vực %d", a+1)}
		for c := a; c < n; c += areas {
			area.Children = append(area.Children, data.Criterion{Code: fmt.Sprintf("%d.%d", a+1, len(area.Children)+1),
				Title: "Tiêu chí thành phần", Max: data.P(int64(1+c%3), 0)})
		}
		f.Areas = append(f.Areas, area)
	}
	return f
}

// notes are what appraisal councils write where points are lost.
var notes = []string{
	"Thiếu báo cáo quý",
	"Ban hành kế hoạch chậm so với quy định",
	"Tài liệu kiểm chứng chưa đầy đủ",
	"Tỷ lệ hồ sơ trễ hẹn cao",
}

// Sheet is one unit's scores on f: most criteria at full points; where
// the appraisal takes points away (one in four) the self score is kept
// and a note says why; one in three carries an evidence reference.
func Sheet(f *data.Framework, unit string, rng *rand.Rand) *data.Sheet {
	s := data.NewSheet(f.Year, unit)
	i := 0
	f.Leaves(func(_, c *data.Criterion) {
		self := c.Max
		appraised := self
		var sc data.Score
		if rng.IntN(4) == 0 {
			appraised = data.Points(rng.Int64N(int64(c.Max)/25+1) * 25)
			sc.Note = notes[rng.IntN(len(notes))]
		}
		sc.Self, sc.Appraised = &self, &appraised
		if i%3 == 0 {
			sc.Evidence = fmt.Sprintf("Báo cáo số %d/BC-UBND", 10+rng.IntN(200))
		}
		s.Scores[c.Code] = sc
		i++
	})
	return s
}
