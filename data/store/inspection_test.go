package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

func checklist() data.Template {
	return data.Template{ID: "mc", Title: "Phiếu kiểm tra Bộ phận Một cửa", Sections: []data.ChecklistSection{
		{Code: "I", Title: "Công khai thủ tục hành chính", Items: []data.ChecklistItem{
			{Code: "1.1", Question: "Niêm yết công khai đầy đủ thủ tục hành chính", Check: "Bảng niêm yết", Criterion: "1.1"},
			{Code: "1.2", Question: "Công khai địa chỉ tiếp nhận phản ánh, kiến nghị"},
		}},
		{Code: "II", Title: "Giải quyết hồ sơ", Items: []data.ChecklistItem{
			{Code: "2.1", Question: "Tỷ lệ hồ sơ giải quyết đúng hạn", Kind: data.AnswerNumber, Unit: "%", Max: data.P(100, 0)},
		}},
	}}
}

func ymd(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.Local) }

// answered is a visit of ward GT on 09/06/2023 with every item answered
// and two recommendations.
func answered(t data.Template) data.Visit {
	v := data.Visit{
		Year: 2023, Unit: "GT", Date: ymd(2023, 6, 9),
		Team:     []data.Member{{Name: "Nguyễn Văn An", Title: "Trưởng phòng Nội vụ, Trưởng đoàn"}, {Name: "Lê Thị Bình", Title: "Chuyên viên"}},
		UnitHead: data.Member{Name: "Đỗ Thị Thúy Nga", Title: "Chủ tịch UBND phường"},
		Template: t.ID, TemplateVersion: t.Version,
		Answers: map[string]data.Answer{
			"1.1": {Outcome: data.Failed, Note: "Còn 5 thủ tục đã bãi bỏ trên bảng"},
			"1.2": {Outcome: data.Passed},
			"2.1": {Value: pts("98,5")},
		},
		Strengths:  "Bộ phận Một cửa bố trí đủ công chức",
		Weaknesses: "Bảng niêm yết chưa cập nhật",
		Recommendations: []data.Recommendation{
			{Text: "Cập nhật bảng niêm yết thủ tục hành chính", Owner: "Văn phòng UBND phường", Deadline: ymd(2023, 7, 9)},
			{Text: "Gỡ bỏ thủ tục đã bãi bỏ", Owner: "Công chức Văn phòng - Thống kê", Deadline: ymd(2023, 6, 30)},
		},
	}
	return v
}

func inspectionStore(t *testing.T) (*store.Store, string, data.Template) {
	path := dataPath(t)
	s := open(t, path)
	seed(t, s, []int{2023}, map[string]string{"GT": "Phường Gia Thụy", "DN": "Phường Đức Nghĩa"})
	tpl := checklist()
	update(t, s, func(tx *store.Tx) error { return tx.SaveTemplate(&tpl) })
	if tpl.Version != 1 || tpl.ID != "MC" {
		t.Fatalf("new template saved as %s version %d, want MC version 1", tpl.ID, tpl.Version)
	}
	return s, path, tpl
}

// Editing a template that a finished visit used makes a new version; the
// finished visit keeps the questions it was made with.
func TestTemplateVersioningKeepsFinishedVisitQuestions(t *testing.T) {
	s, _, tpl := inspectionStore(t)
	v := answered(tpl)
	v.Finished = true
	update(t, s, func(tx *store.Tx) error { return tx.PutVisit(&v) })

	edit := tpl.Copy()
	edit.Sections[0].Items[0].Question = "Niêm yết công khai thủ tục hành chính theo quyết định công bố mới nhất"
	edit.Sections[0].Items = edit.Sections[0].Items[:1] // 1.2 dropped
	update(t, s, func(tx *store.Tx) error { return tx.SaveTemplate(&edit) })
	if edit.Version != 2 {
		t.Fatalf("edit of a used template saved as version %d, want 2", edit.Version)
	}
	view(t, s, func(tx *store.Tx) error {
		got, err := tx.Visit(v.ID)
		if err != nil {
			return err
		}
		used, err := tx.Template(got.Template, got.TemplateVersion)
		if err != nil {
			return err
		}
		if q := used.Item("1.1").Question; q != "Niêm yết công khai đầy đủ thủ tục hành chính" {
			t.Errorf("finished visit's question 1.1 is now %q", q)
		}
		if used.Item("1.2") == nil || used.ItemCount() != 3 {
			t.Errorf("finished visit's template lost items: %d left", used.ItemCount())
		}
		latest, err := tx.Template("MC", 0)
		if err != nil {
			return err
		}
		if latest.Version != 2 || latest.ItemCount() != 2 || !strings.Contains(latest.Item("1.1").Question, "mới nhất") {
			t.Errorf("latest template: version %d, %d items", latest.Version, latest.ItemCount())
		}
		list, _ := tx.Templates()
		if len(list) != 1 || list[0].Version != 2 {
			t.Errorf("Templates() = %+v, want the one template at version 2", list)
		}
		return nil
	})

	// Version 1 can no longer be edited; version 2, used by no finished
	// visit, is edited in place.
	old := tpl.Copy()
	old.Title = "Sửa bản cũ"
	err := s.Update(func(tx *store.Tx) error { return tx.SaveTemplate(&old) })
	wantError(t, err, data.ECONFLICT, "phiên bản mới nhất (phiên bản 2)")
	edit.Title = "Phiếu kiểm tra Bộ phận Một cửa (sửa đổi)"
	update(t, s, func(tx *store.Tx) error { return tx.SaveTemplate(&edit) })
	if edit.Version != 2 {
		t.Errorf("edit of an unused latest version saved as version %d, want 2", edit.Version)
	}
}

// Finishing a visit carries each recommendation into a task of the
// inspection recommendations plan, linked to the visit, in the same
// transaction; closing a task closes the recommendation.
func TestFinishingVisitCarriesRecommendationsToTasks(t *testing.T) {
	s, _, tpl := inspectionStore(t)
	v := answered(tpl)
	update(t, s, func(tx *store.Tx) error { return tx.PutVisit(&v) }) // saved, not finished
	if v.ID != "2023-01" {
		t.Errorf("first visit of 2023 has ID %q, want 2023-01", v.ID)
	}
	view(t, s, func(tx *store.Tx) error {
		ts, err := tx.Tasks(data.TaskFilter{Source: "inspection:"})
		if len(ts) != 0 {
			t.Errorf("%d tasks before the visit is finished", len(ts))
		}
		return err
	})

	v.Finished = true
	update(t, s, func(tx *store.Tx) error { return tx.PutVisit(&v) })
	view(t, s, func(tx *store.Tx) error {
		ts, err := tx.Tasks(data.TaskFilter{Source: "inspection:" + v.ID + ":"})
		if err != nil {
			return err
		}
		if len(ts) != 2 {
			t.Fatalf("%d tasks from the visit, want 2", len(ts))
		}
		// Tasks sort by due date: the second recommendation is due first.
		want := []struct{ title, officer, due, source string }{
			{"Gỡ bỏ thủ tục đã bãi bỏ", "Công chức Văn phòng - Thống kê", "30/06/2023", "inspection:2023-01:2"},
			{"Cập nhật bảng niêm yết thủ tục hành chính", "Văn phòng UBND phường", "09/07/2023", "inspection:2023-01:1"},
		}
		for i, w := range want {
			task := ts[i]
			if task.Title != w.title || task.Officer != w.officer || data.FormatDate(task.Due) != w.due || task.Source != w.source ||
				task.Unit != "GT" || task.PlanKind != data.PlanInspection || task.Year != 2023 || task.Status(ymd(2023, 6, 10)) != data.StatusNotStarted {
				t.Errorf("task %d: %+v, want %+v for unit GT, inspection plan 2023", i, task, w)
			}
		}
		got, err := tx.Visit(v.ID)
		if err != nil {
			return err
		}
		if got.Recommendations[0].TaskID != ts[1].ID || got.Recommendations[1].TaskID != ts[0].ID {
			t.Errorf("recommendations link tasks %d, %d; want %d, %d", got.Recommendations[0].TaskID, got.Recommendations[1].TaskID, ts[1].ID, ts[0].ID)
		}
		p, err := tx.InspectionProgress(2023, ymd(2023, 7, 1))
		if err != nil {
			return err
		}
		if p.Planned != 1 || p.Done != 1 || len(p.Open) != 1 || p.Open[0].Unit != "GT" || p.Open[0].Open != 2 || p.Open[0].Overdue != 1 {
			t.Errorf("progress on 01/07/2023: %+v, want 1/1 done, GT with 2 open, 1 overdue", p)
		}
		return nil
	})

	// The officer closes one task in the task list.
	update(t, s, func(tx *store.Tx) error {
		task, err := tx.Task(v.Recommendations[1].TaskID)
		if err != nil {
			return err
		}
		task.Done, task.DoneDate = true, ymd(2023, 6, 28)
		return tx.PutTask(&task)
	})
	view(t, s, func(tx *store.Tx) error {
		p, err := tx.InspectionProgress(2023, ymd(2023, 7, 1))
		if len(p.Open) != 1 || p.Open[0].Open != 1 || p.Open[0].Overdue != 0 {
			t.Errorf("after closing one task: %+v, want GT with 1 open, none overdue", p)
		}
		return err
	})
}

// A finished visit is the signed record: no change is written, and an
// unanswered item keeps a visit from being finished.
func TestVisitRefusalsWriteNothing(t *testing.T) {
	s, path, tpl := inspectionStore(t)
	v := answered(tpl)
	delete(v.Answers, "1.2")
	v.Finished = true
	s.Close()
	before := fileBytes(t, path)
	s = open(t, path)
	err := s.Update(func(tx *store.Tx) error { return tx.PutVisit(&v) })
	wantError(t, err, data.EINVALID, "Chưa trả lời 1 câu hỏi: 1.2", "đủ 3 câu")

	bad := answered(tpl)
	bad.Answers["2.1"] = data.Answer{Value: pts("100,5")}
	err = s.Update(func(tx *store.Tx) error { return tx.PutVisit(&bad) })
	wantError(t, err, data.EINVALID, "2.1", "0 – 100")

	late := answered(tpl)
	late.Recommendations[0].Deadline = ymd(2023, 6, 1)
	err = s.Update(func(tx *store.Tx) error { return tx.PutVisit(&late) })
	wantError(t, err, data.EINVALID, "Kiến nghị thứ 1", "09/06/2023")

	other := answered(tpl)
	other.Date = ymd(2024, 1, 5)
	err = s.Update(func(tx *store.Tx) error { return tx.PutVisit(&other) })
	wantError(t, err, data.EINVALID, "Ngày kiểm tra 05/01/2024", "năm 2023")
	s.Close()
	sameFile(t, path, before)

	s = open(t, path)
	v.Answers["1.2"] = data.Answer{Outcome: data.NotApplicable}
	update(t, s, func(tx *store.Tx) error { return tx.PutVisit(&v) })
	change := v
	change.Strengths = "Sửa sau khi đã ký"
	change.Finished = true
	err = s.Update(func(tx *store.Tx) error { return tx.PutVisit(&change) })
	wantError(t, err, data.ECONFLICT, "đã hoàn thành")
	err = s.Update(func(tx *store.Tx) error { return tx.DeleteVisit(v.ID) })
	wantError(t, err, data.ECONFLICT, "không xóa được")
	view(t, s, func(tx *store.Tx) error {
		got, err := tx.Visit(v.ID)
		if got.Strengths != "Bộ phận Một cửa bố trí đủ công chức" {
			t.Errorf("finished visit changed: %q", got.Strengths)
		}
		return err
	})
}

// A visit being filled in keeps its answers: an edit that would drop an
// answered item makes a new version, while an edit that leaves its answers
// valid (here, a new item) replaces the version in place.
func TestTemplateEditKeepsDraftAnswers(t *testing.T) {
	s, _, tpl := inspectionStore(t)
	v := answered(tpl)
	update(t, s, func(tx *store.Tx) error { return tx.PutVisit(&v) }) // a draft

	add := tpl.Copy()
	add.Sections[1].Items = append(add.Sections[1].Items, data.ChecklistItem{Code: add.NextItemCode(1), Question: "Hồ sơ trễ hẹn có phiếu xin lỗi"})
	update(t, s, func(tx *store.Tx) error { return tx.SaveTemplate(&add) })
	if add.Version != 1 || add.Item("2.2") == nil {
		t.Fatalf("adding item %s to a version with a draft: saved as version %d", add.NextItemCode(1), add.Version)
	}

	drop := add.Copy()
	drop.DeleteItem(0, 1) // 1.2, answered in the draft
	update(t, s, func(tx *store.Tx) error { return tx.SaveTemplate(&drop) })
	if drop.Version != 2 {
		t.Fatalf("deleting an answered item saved as version %d, want 2", drop.Version)
	}
	tighter := drop.Copy()
	tighter.Sections[1].Items[0].Max = data.P(90, 0) // below the draft's 98,5, but the draft is on version 1
	update(t, s, func(tx *store.Tx) error { return tx.SaveTemplate(&tighter) })
	if tighter.Version != 2 {
		t.Errorf("version 2 has no draft: edited in place, got version %d", tighter.Version)
	}
	view(t, s, func(tx *store.Tx) error {
		one, err := tx.Template("MC", 1)
		if err != nil {
			return err
		}
		if one.Item("1.2") == nil || one.Item("2.2") == nil {
			t.Errorf("version 1 under the draft lost 1.2 or the added 2.2: %d items", one.ItemCount())
		}
		return nil
	})
	// The draft still saves against its version.
	v.Strengths = "Bổ sung nhận xét"
	update(t, s, func(tx *store.Tx) error { return tx.PutVisit(&v) })
}

// A new template copied from another under a new ID starts at version 1;
// an ID already taken is refused and nothing is written.
func TestTemplateCopyUnderNewID(t *testing.T) {
	s, path, tpl := inspectionStore(t)
	c := tpl.Copy()
	c.ID, c.Title, c.Version = "mc-2025", "Phiếu kiểm tra năm 2025", 0
	update(t, s, func(tx *store.Tx) error { return tx.SaveTemplate(&c) })
	if c.ID != "MC-2025" || c.Version != 1 {
		t.Fatalf("copy saved as %s version %d", c.ID, c.Version)
	}
	s.Close()
	before := fileBytes(t, path)
	s = open(t, path)
	again := tpl.Copy()
	again.ID, again.Version = "MC-2025", 0
	err := s.Update(func(tx *store.Tx) error { return tx.SaveTemplate(&again) })
	wantError(t, err, data.ECONFLICT, "Mã mẫu phiếu MC-2025 đã có", "chọn mã khác")
	bad := c.Copy()
	bad.Sections[1].Items[0].Max = -data.P(5, 0)
	err = s.Update(func(tx *store.Tx) error { return tx.SaveTemplate(&bad) })
	wantError(t, err, data.EINVALID, "Giá trị tối đa của câu hỏi 2.1", "từ 0 đến")
	s.Close()
	sameFile(t, path, before)
	s = open(t, path)
	view(t, s, func(tx *store.Tx) error {
		list, err := tx.Templates()
		if len(list) != 2 {
			t.Errorf("%d templates, want MC and MC-2025", len(list))
		}
		return err
	})
}

// The year's plan document is stored per year; a year without one reads
// back the usual title; a refused plan writes nothing.
func TestInspectionPlanRecord(t *testing.T) {
	s, path, _ := inspectionStore(t)
	view(t, s, func(tx *store.Tx) error {
		p, ok, err := tx.InspectionPlan(2023)
		if ok || p.Title != "Kiểm tra công tác cải cách hành chính năm 2023" || p.Year != 2023 {
			t.Errorf("no plan stored: %+v, %v", p, ok)
		}
		return err
	})
	p := data.InspectionPlan{Year: 2023, Number: "15", Title: data.PlanTitle(2023), Date: ymd(2023, 1, 10),
		Purpose: "Đánh giá kết quả thực hiện nhiệm vụ cải cách hành chính.\nKịp thời chấn chỉnh tồn tại, hạn chế."}
	update(t, s, func(tx *store.Tx) error { return tx.PutInspectionPlan(&p) })
	s.Close()
	before := fileBytes(t, path)
	s = open(t, path)
	bad := p
	bad.Date = ymd(2021, 12, 1)
	err := s.Update(func(tx *store.Tx) error { return tx.PutInspectionPlan(&bad) })
	wantError(t, err, data.EINVALID, "Ngày ban hành", "01/01/2022 đến 31/12/2023")
	s.Close()
	sameFile(t, path, before)
	s = open(t, path)
	view(t, s, func(tx *store.Tx) error {
		got, ok, err := tx.InspectionPlan(2023)
		if !ok || got.Number != "15" || data.FormatDate(got.Date) != "10/01/2023" || !strings.Contains(got.Purpose, "chấn chỉnh") {
			t.Errorf("stored plan: %+v", got)
		}
		return err
	})
}
