package demo

import (
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// TaskYear is the plan year of the demo tasks: the year after the last
// scored one, as the review conference plans it.
const TaskYear = 2024

// Theme is the 2024 theme of seed 000's ward, used as the demo's own.
const Theme = "Giảm hồ sơ trễ hẹn, tăng sử dụng dịch vụ công trực tuyến, thanh toán không tiền mặt"

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.Local) }

// allUnits are the codes of the demo units, in their order.
func allUnits() []string {
	codes := make([]string, len(units))
	for i, u := range units {
		codes[i] = u.code
	}
	return codes
}

// keyTasks are the four key tasks of seed 000's 2024 plan, in its words,
// with the limits it names, plus two districts' own tasks. Due dates lie in
// 2024, so the unfinished ones show as overdue on any later day.
func keyTasks() []data.Task {
	plan := "Kế hoạch CCHC năm 2024"
	return []data.Task{
		{
			Title: "Tập trung khắc phục những tồn tại, hạn chế đã được chỉ ra trong năm 2023",
			Description: "Các tồn tại, hạn chế: công tác tự kiểm tra CCHC, chấn chỉnh kỷ luật, kỷ cương hành chính chưa thường xuyên; " +
				"triển khai thực hiện dịch vụ công trực tuyến toàn trình còn gặp khó khăn; tỷ lệ hồ sơ thực hiện dịch vụ công trực tuyến toàn trình còn thấp.",
			Year: TaskYear, PlanKind: data.PlanAnnual, PlanName: plan, Officer: "Lương Thị Hạnh", CoUnits: allUnits(),
			Start: day(2024, 1, 15), Due: day(2024, 9, 30), Done: true, DoneDate: day(2024, 9, 27),
			Result: "Đã kiểm tra 10/10 huyện, thành phố; ban hành 3 văn bản chấn chỉnh kỷ luật, kỷ cương hành chính.",
		},
		{
			Title: "Tiếp tục triển khai và thực hiện tốt các nhiệm vụ cải cách hành chính trong năm 2024 để nâng cao chỉ số cải cách hành chính năm 2024 và những năm tiếp theo",
			Description: "Phấn đấu đưa các đơn vị lên vị trí xếp hạng cao hơn; mỗi cán bộ, công chức liên hệ nhiệm vụ chuyên môn của mình để xác định " +
				"những điểm cần tập trung, có giải pháp cụ thể, có kiểm tra, đôn đốc thường xuyên («Tìm giải pháp, không tìm giải thích»).",
			Year: TaskYear, PlanKind: data.PlanAnnual, PlanName: plan, Officer: "Nông Văn Thành", CoUnits: allUnits(),
			Start: day(2024, 1, 15), Due: day(2024, 12, 31), Progress: 85,
			Result: "Đã hoàn thành 42/50 nhiệm vụ của kế hoạch; còn 8 nhiệm vụ chuyển sang năm 2025.",
		},
		{
			Title:       "Tiếp tục có giải pháp để nâng cao việc giải quyết hồ sơ hành chính trực tuyến một phần, toàn trình và thanh toán trực tuyến cho tổ chức và công dân",
			Description: "Phối hợp Mặt trận Tổ quốc và các tổ chức đoàn thể tuyên truyền để người dân biết và sử dụng dịch vụ công trực tuyến mức độ 3, mức độ 4.",
			Year:        TaskYear, PlanKind: data.PlanAnnual, PlanName: plan, Officer: "Hoàng Văn Dũng", CoUnits: allUnits(),
			Start: day(2024, 2, 1), Due: day(2024, 11, 30), Progress: 60, Criterion: "7.3", CriterionYear: 2023,
			Result: "Tỷ lệ hồ sơ trực tuyến toàn tỉnh đạt 38,00 %, chưa đạt mục tiêu 50,00 %.",
		},
		{
			Title:       "Đẩy mạnh công tác cải cách hành chính năm 2024 với chủ đề «" + Theme + "»",
			Description: "Chủ đề năm 2024: «" + Theme + "».",
			Year:        TaskYear, PlanKind: data.PlanAnnual, PlanName: plan, Officer: "Lương Thị Hạnh", CoUnits: allUnits(),
			Start: day(2024, 1, 15), Due: day(2024, 12, 31), Done: true, DoneDate: day(2024, 12, 20),
			Result: "Tỷ lệ hồ sơ trễ hẹn giảm từ 2,10 % xuống 0,80 %; 9.412 giao dịch thanh toán không dùng tiền mặt.",
		},
		{
			Title: "Xây dựng kế hoạch giảm hồ sơ trễ hẹn tại Bộ phận một cửa huyện", Year: TaskYear, PlanKind: data.PlanAnnual, PlanName: plan,
			Unit: ExampleAUnit, Officer: "Đàm Văn Khánh", Start: day(2024, 1, 15), Due: day(2024, 3, 31), Progress: 50, Criterion: "3.3", CriterionYear: 2023,
			Result: "Đã dự thảo kế hoạch, chưa ban hành.",
		},
		{
			Title: "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn tồn đọng", Year: TaskYear, PlanKind: data.PlanAnnual, PlanName: plan,
			Unit: "HQU", Officer: "Triệu Thị Mai", Start: day(2024, 3, 1), Due: day(2024, 8, 31), Progress: 30, Criterion: "3.5", CriterionYear: 2023,
		},
	}
}

// remediation is what the office recorded on the first remedies assigned
// by the 2023 review conference, by the rank of the criterion in the lost
// points view: officer, progress, done date, result.
var remediation = []struct {
	officer  string
	progress int
	done     time.Time
	result   string
}{
	{"Hoàng Văn Dũng", 0, day(2024, 6, 25), "Các đơn vị đã rà soát nguyên nhân bị trừ điểm và bổ sung tài liệu kiểm chứng."},
	{"Lương Thị Hạnh", 70, time.Time{}, "7/10 đơn vị đã có văn bản khắc phục."},
	{"Nông Thị Thu", 0, time.Time{}, ""},
	{"Đàm Văn Khánh", 40, time.Time{}, "Đã tổ chức tập huấn cho công chức Bộ phận một cửa."},
}

// writeTasks stores the 2024 plan and the remedies for the criteria with the
// most points lost across the group in 2023, created as the lost-points
// view creates them. It needs the 2023 sheets, so Write calls it last.
func writeTasks(tx *store.Tx) error {
	for _, t := range keyTasks() {
		if err := tx.PutTask(&t); err != nil {
			return err
		}
	}
	const year = 2023
	f, err := tx.Framework(year)
	if err != nil {
		return err
	}
	us, err := tx.GroupUnits(GroupID)
	if err != nil {
		return err
	}
	sheets, err := tx.Sheets(year)
	if err != nil {
		return err
	}
	lost := data.LostPoints(f, us, sheets)
	for i, r := range remediation {
		if i >= len(lost) || lost[i].Lost == 0 {
			break
		}
		t := data.RemediationTask(year, lost[i])
		t.Officer, t.Progress, t.Result = r.officer, r.progress, r.result
		if !r.done.IsZero() {
			t.Done, t.DoneDate = true, r.done
		}
		if err := tx.PutTask(&t); err != nil {
			return err
		}
	}
	return nil
}
