package store_test

import (
	"slices"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

func oneStopFigures(unit string, p data.Period) data.OneStopFigures {
	return data.OneStopFigures{
		Unit: unit, Period: p, Carried: 10, Received: 90, OnlineFull: 30, InPerson: 60,
		Resolved: 95, Early: 80, OnTime: 10, Late: 5, Pending: 5, PendingInTime: 5,
		Apologies: 5, VerySatisfied: 9, NotSatisfied: 1,
	}
}

// Figures that do not add up are refused with the message, and the file
// keeps what it had: the earlier figures for the period stay as they were.
func TestOneStopRefusedWriteStoresNothing(t *testing.T) {
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, nil, map[string]string{"GTH": "Phường Gia Thụy", "NTH": "Phường Ngọc Thụy"})
	q1 := data.Period{Year: 2023, Kind: data.PeriodQuarter, N: 1}
	update(t, s, func(tx *store.Tx) error { return tx.PutOneStop(oneStopFigures("GTH", q1)) })
	before := fileBytes(t, path)

	bad := oneStopFigures("GTH", q1)
	bad.Resolved = 96 // early + on time + late is 95
	err := s.Update(func(tx *store.Tx) error { return tx.PutOneStop(bad) })
	wantError(t, err, data.EINVALID, "Đã giải quyết (96) phải bằng trước hạn + đúng hạn + quá hạn (80 + 10 + 5 = 95)")
	newUnit := oneStopFigures("NTH", q1)
	newUnit.Pending = 6
	err = s.Update(func(tx *store.Tx) error { return tx.PutOneStop(newUnit) })
	wantError(t, err, data.EINVALID, "Đang giải quyết (6) phải bằng trong hạn + quá hạn (5 + 0 = 5)")
	err = s.Update(func(tx *store.Tx) error { return tx.PutOneStop(oneStopFigures("XYZ", q1)) })
	wantError(t, err, data.EINVALID, "không có đơn vị mã XYZ")
	sameFile(t, path, before)

	view(t, s, func(tx *store.Tx) error {
		got, ok, err := tx.OneStop(q1, "GTH")
		if !ok || got.Resolved != 95 {
			t.Errorf("stored figures after refused write: %+v %v", got, ok)
		}
		if _, ok, _ := tx.OneStop(q1, "NTH"); ok {
			t.Error("refused figures of NTH were stored")
		}
		return err
	})
}

func TestOneStopPeriodsTrendAndSummary(t *testing.T) {
	s := open(t, dataPath(t))
	seed(t, s, nil, map[string]string{"GTH": "Phường Gia Thụy", "NTH": "Phường Ngọc Thụy", "A/1": "Phường Việt Hưng"})
	ps := []data.Period{
		{Year: 2023, Kind: data.PeriodQuarter, N: 2}, {Year: 2022, Kind: data.PeriodYear},
		{Year: 2023, Kind: data.PeriodMonth, N: 6}, {Year: 2023, Kind: data.PeriodQuarter, N: 1},
		{Year: 2023, Kind: data.PeriodHalf, N: 1},
	}
	update(t, s, func(tx *store.Tx) error {
		for i, p := range ps {
			f := oneStopFigures("GTH", p)
			f.Received, f.InPerson, f.Carried = 90+int64(i), 60+int64(i), 10-int64(i)
			if err := tx.PutOneStop(f); err != nil {
				return err
			}
		}
		if err := tx.PutOneStop(oneStopFigures("A/1", ps[0])); err != nil {
			return err
		}
		if err := tx.PutOneStopTargets(data.OneStopTargets{Year: 2023, Targets: map[data.RateKind]data.Percent{data.RateOnTime: 9800}}); err != nil {
			return err
		}
		return tx.PutOneStopTargets(data.OneStopTargets{Year: 2023, Unit: "GTH", Targets: map[data.RateKind]data.Percent{data.RateOnTime: 9000}})
	})
	view(t, s, func(tx *store.Tx) error {
		got, err := tx.OneStopPeriods()
		var names []string
		for _, p := range got {
			names = append(names, p.String())
		}
		if want := []string{"2022", "2023-H1", "2023-Q1", "2023-Q2", "2023-06"}; !slices.Equal(names, want) {
			t.Errorf("periods %q, want %q", names, want)
		}
		trend, err := tx.OneStopTrend("GTH", data.PeriodQuarter)
		if len(trend) != 2 || trend[0].Period.N != 1 || trend[1].Period.N != 2 {
			t.Errorf("quarter trend %+v", trend)
		}
		sum, err := tx.OneStopSummary(ps[0], "phuong")
		if err != nil {
			return err
		}
		if sum.Reported != 2 || len(sum.Rows) != 3 || sum.Total.Received != 180 {
			t.Errorf("summary: %d reported of %d, received %d", sum.Reported, len(sum.Rows), sum.Total.Received)
		}
		// GTH: 90/95 on time = 94,74 %: meets its own 90 %, the office's
		// 98 % would not apply to it.
		for _, r := range sum.Rows {
			v := r.Verdict(data.RateOnTime)
			switch r.Unit.Code {
			case "GTH":
				if v.Mark() != "Đạt" || v.TargetString() != "≥ 90,00" {
					t.Errorf("GTH on time %s %s", v.Mark(), v.TargetString())
				}
			case "A/1":
				if v.Mark() != "Chưa đạt" || v.TargetString() != "≥ 98,00" {
					t.Errorf("A/1 on time %s %s", v.Mark(), v.TargetString())
				}
			case "NTH":
				if r.Reported || v.Mark() != "Chưa có số liệu" {
					t.Errorf("NTH: reported %v, %s", r.Reported, v.Mark())
				}
			}
		}
		return err
	})
	// Removing all of a unit's targets deletes them.
	update(t, s, func(tx *store.Tx) error {
		return tx.PutOneStopTargets(data.OneStopTargets{Year: 2023, Unit: "GTH"})
	})
	view(t, s, func(tx *store.Tx) error {
		office, units, err := tx.OneStopTargets(2023)
		if office == nil || office.Targets[data.RateOnTime] != 9800 || len(units) != 0 {
			t.Errorf("targets after clearing GTH's: %+v %+v", office, units)
		}
		return err
	})
}
