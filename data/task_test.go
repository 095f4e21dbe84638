package data_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
)

func day(s string) time.Time {
	t, err := data.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestTaskStatusAtDueDate(t *testing.T) {
	due := day("30/06/2024")
	tests := []struct {
		name     string
		task     data.Task
		today    string
		want     data.TaskStatus
		daysLate int
	}{
		{"day before, nothing done", data.Task{Due: due}, "29/06/2024", data.StatusNotStarted, 0},
		{"due today is not overdue", data.Task{Due: due}, "30/06/2024", data.StatusNotStarted, 0},
		{"due today, half done", data.Task{Due: due, Progress: 50}, "30/06/2024", data.StatusInProgress, 0},
		{"day after is overdue", data.Task{Due: due, Progress: 50}, "01/07/2024", data.StatusOverdue, 1},
		{"a month late", data.Task{Due: due}, "31/07/2024", data.StatusOverdue, 31},
		{"done late stays done", data.Task{Due: due, Done: true, DoneDate: day("15/07/2024"), Progress: 100}, "31/12/2024", data.StatusDone, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Late in the evening of the due day is still the due day.
			today := day(tt.today).Add(23*time.Hour + 59*time.Minute)
			if got := tt.task.Status(today); got != tt.want {
				t.Errorf("Status(%s) = %s, want %s", tt.today, got.Label(), tt.want.Label())
			}
			if got := tt.task.DaysLate(today); got != tt.daysLate {
				t.Errorf("DaysLate(%s) = %d, want %d", tt.today, got, tt.daysLate)
			}
		})
	}
	// A due date stored in another zone (a file moved between PCs) still
	// compares by calendar day.
	utcDue := time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)
	if got := (&data.Task{Due: utcDue}).Status(day("30/06/2024")); got != data.StatusNotStarted {
		t.Errorf("UTC due date on its own day: %s, want Chưa thực hiện", got.Label())
	}
}

func TestTaskDueSoon(t *testing.T) {
	task := data.Task{Due: day("30/06/2024")}
	for today, want := range map[string]bool{"15/06/2024": false, "16/06/2024": true, "30/06/2024": true, "01/07/2024": false} {
		if got := task.DueSoon(day(today)); got != want {
			t.Errorf("DueSoon on %s = %v, want %v", today, got, want)
		}
	}
}

func validTask() data.Task {
	return data.Task{Title: "  Rà soát   quy trình nội bộ ", Year: 2024, PlanKind: data.PlanAnnual, Due: day("30/06/2024")}
}

func TestTaskValidate(t *testing.T) {
	task := validTask()
	task.CoUnits = []string{"NBI", "NBI", "", "HAN"}
	if err := task.Validate(); err != nil {
		t.Fatal(err)
	}
	if task.Title != "Rà soát quy trình nội bộ" || task.PlanName != "Kế hoạch CCHC năm 2024" {
		t.Errorf("normalised to %q / %q", task.Title, task.PlanName)
	}
	if strings.Join(task.CoUnits, ",") != "NBI,HAN" {
		t.Errorf("co-units %v, want NBI,HAN", task.CoUnits)
	}
	done := validTask()
	done.Done, done.DoneDate, done.Progress = true, day("20/06/2024"), 40
	if err := done.Validate(); err != nil || done.Progress != 100 {
		t.Errorf("done task: err %v, progress %d, want 100", err, done.Progress)
	}

	refused := []struct {
		edit func(*data.Task)
		says string
	}{
		{func(t *data.Task) { t.Title = " " }, "Tên nhiệm vụ: chưa nhập"},
		{func(t *data.Task) { t.Year = 1999 }, "phải từ 2000 đến 2100"},
		{func(t *data.Task) { t.PlanKind = "x" }, "Loại kế hoạch"},
		{func(t *data.Task) { t.Due = time.Time{} }, "Hạn hoàn thành: chưa nhập"},
		{func(t *data.Task) { t.Start = day("01/07/2024") }, "Ngày bắt đầu 01/07/2024: phải trước hoặc bằng hạn hoàn thành 30/06/2024"},
		{func(t *data.Task) { t.Progress = 101 }, "Tiến độ: phải từ 0 đến 100 %, đang là 101 %"},
		{func(t *data.Task) { t.Progress = -5 }, "Tiến độ: phải từ 0 đến 100 %"},
		{func(t *data.Task) { t.Progress = 100 }, "Đã hoàn thành"},
		{func(t *data.Task) { t.Done = true }, "Ngày hoàn thành: chưa nhập"},
	}
	for _, r := range refused {
		task := validTask()
		r.edit(&task)
		err := task.Validate()
		if data.ErrorCode(err) != data.EINVALID || !strings.Contains(data.ErrorMessage(err), r.says) {
			t.Errorf("got %v, want a refusal saying %q", err, r.says)
		}
	}
}

func TestTaskFilter(t *testing.T) {
	today := day("10/07/2024")
	tasks := []data.Task{
		{ID: 1, Title: "Giảm hồ sơ trễ hẹn", Year: 2024, Unit: "NBI", Due: day("30/06/2024"), Progress: 60, Criterion: "3.3"},         // overdue
		{ID: 2, Title: "Tăng thanh toán trực tuyến", Year: 2024, CoUnits: []string{"NBI", "HAN"}, Due: day("10/07/2024")},             // due today
		{ID: 3, Title: "Số hóa hồ sơ", Year: 2024, Unit: "HAN", Due: day("30/09/2024"), Progress: 20, Criterion: "3.5"},               // in progress
		{ID: 4, Title: "Kế hoạch kiểm tra", Year: 2023, Unit: "HAN", Due: day("31/12/2023"), Done: true, DoneDate: day("20/12/2023")}, // done
		{ID: 5, Title: "Khắc phục kiến nghị", Year: 2024, Due: day("31/08/2024"), Source: "inspection:7:2"},
	}
	ids := func(f data.TaskFilter) string {
		var out []string
		for i := range tasks {
			if f.Match(&tasks[i]) {
				out = append(out, string(rune('0'+tasks[i].ID)))
			}
		}
		return strings.Join(out, ",")
	}
	tests := []struct {
		name string
		f    data.TaskFilter
		want string
	}{
		{"all", data.TaskFilter{}, "1,2,3,4,5"},
		{"year", data.TaskFilter{Year: 2024}, "1,2,3,5"},
		{"unit in charge or co-operating", data.TaskFilter{Unit: "NBI"}, "1,2"},
		{"overdue", data.TaskFilter{Overdue: true, Today: today}, "1"},
		{"status overdue", data.TaskFilter{Status: data.StatusOverdue, Today: today}, "1"},
		{"status not started (due today)", data.TaskFilter{Status: data.StatusNotStarted, Today: today}, "2,5"},
		{"status in progress", data.TaskFilter{Status: data.StatusInProgress, Today: today}, "3"},
		{"status done", data.TaskFilter{Status: data.StatusDone, Today: today}, "4"},
		{"criterion", data.TaskFilter{Criterion: "3.5"}, "3"},
		{"search without tones", data.TaskFilter{Query: "ho so"}, "1,3"},
		{"search with tones", data.TaskFilter{Query: "Trực tuyến"}, "2"},
		{"search with wrong tones", data.TaskFilter{Query: "trúc tuyen"}, ""},
		{"source prefix", data.TaskFilter{Source: "inspection:7:"}, "5"},
		{"combined", data.TaskFilter{Year: 2024, Unit: "HAN", Query: "so hoa"}, "3"},
	}
	for _, tt := range tests {
		if got := ids(tt.f); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestRemediationTask(t *testing.T) {
	lp := data.LostPoint{Code: "3.3", Title: "Giải quyết hồ sơ thủ tục hành chính đúng hạn", Max: data.P(8, 0), Lost: data.P(5, 50),
		Units: []data.UnitLoss{
			{Unit: data.Unit{Code: "NBI", Name: "Huyện Nguyên Bình"}, Lost: data.P(3, 50), Note: "Còn 112 hồ sơ trễ hẹn"},
			{Unit: data.Unit{Code: "HAN", Name: "Huyện Hòa An"}, Lost: data.P(2, 0)},
		}}
	task := data.RemediationTask(2023, lp)
	if err := task.Validate(); err != nil {
		t.Fatal(err)
	}
	if task.Criterion != "3.3" || task.CriterionYear != 2023 || task.Year != 2024 {
		t.Errorf("criterion %s of %d, plan year %d; want 3.3 of 2023, plan year 2024", task.Criterion, task.CriterionYear, task.Year)
	}
	if strings.Join(task.CoUnits, ",") != "NBI,HAN" || task.Unit != "" {
		t.Errorf("units in charge %q, taking part %v; want the office and NBI,HAN", task.Unit, task.CoUnits)
	}
	if data.FormatDate(task.Due) != "30/06/2024" {
		t.Errorf("due %s, want 30/06/2024", data.FormatDate(task.Due))
	}
	for _, s := range []string{"bị trừ tổng cộng 5,50 điểm", "Huyện Nguyên Bình: bị trừ 3,50 điểm (Còn 112 hồ sơ trễ hẹn)", "Huyện Hòa An: bị trừ 2,00 điểm"} {
		if !strings.Contains(task.Description, s) {
			t.Errorf("description %q lacks %q", task.Description, s)
		}
	}
}
