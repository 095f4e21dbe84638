package demo

import (
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// LoopYear is the open year in which the demo shows units along the
// appraisal loop.
const LoopYear = 2023

// ExplainingUnit is the demo's unit caught mid-loop: appraised, its
// explanations in, waiting for the office's decisions. SubmittedUnit has
// only submitted its self-assessment. The loop changes no score, so the
// examples' figures stay as they are.
const (
	ExplainingUnit = "HLA"
	SubmittedUnit  = "BLM"
)

// explanations are what the explaining unit answers, in the order of the
// criteria it was marked down on.
var explanations = []data.Explanation{
	{Text: "Đơn vị đã ban hành đủ văn bản theo kế hoạch; văn bản cuối cùng ban hành ngày 28/12, trong năm đánh giá.", Evidence: "Quyết định số 215/QĐ-UBND ngày 28/12/2023"},
	{Text: "Số liệu trễ hẹn gồm cả hồ sơ đã được gia hạn đúng quy định; đề nghị không tính các hồ sơ này.", Evidence: "Báo cáo số 17/BC-UBND kèm danh sách hồ sơ gia hạn"},
}

// writeLoop takes the two demo units through their steps of the loop,
// audited like any officer's, on the days of the 2023 appraisal season
// (early 2024), so that the notice and the scorecard print dates of it.
func writeLoop(tx *store.Tx) error {
	on := func(m time.Month, d int) func() {
		return tx.Backdate(time.Date(LoopYear+1, m, d, 9, 0, 0, 0, time.Local))
	}
	done := on(time.March, 4)
	if err := tx.Step(LoopYear, SubmittedUnit, data.StatusSubmitted, ""); err != nil {
		return err
	}
	if err := tx.Step(LoopYear, ExplainingUnit, data.StatusSubmitted, ""); err != nil {
		return err
	}
	done()
	appraised := time.Date(LoopYear+1, time.March, 11, 0, 0, 0, 0, time.Local)
	done = tx.Backdate(appraised.Add(9 * time.Hour))
	if err := tx.SetDeadline(LoopYear, ExplainingUnit, data.DefaultDeadline(appraised)); err != nil {
		return err
	}
	if err := tx.Step(LoopYear, ExplainingUnit, data.StatusAppraised, ""); err != nil {
		return err
	}
	done()
	f, err := tx.Framework(LoopYear)
	if err != nil {
		return err
	}
	s, err := tx.Sheet(LoopYear, ExplainingUnit)
	if err != nil {
		return err
	}
	defer on(time.March, 15)()
	for i, c := range data.Disputed(f, s) {
		if i == len(explanations) {
			break
		}
		if err := tx.SetExplanation(LoopYear, ExplainingUnit, c.Code, explanations[i]); err != nil {
			return err
		}
	}
	return tx.Step(LoopYear, ExplainingUnit, data.StatusExplaining, "")
}
