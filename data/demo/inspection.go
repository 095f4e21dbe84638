package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// InspectionTemplateID is the demo's self-inspection checklist.
const InspectionTemplateID = "MC-CCHC"

// InspectionYear is the year of the demo's inspection plan.
const InspectionYear = 2024

// InspectionTemplate is a one-stop-shop and CCHC self-inspection checklist
// of the kind district and province offices use: public posting of
// procedures, on-time resolution, dossier digitisation, online service
// guidance, discipline and office culture, satisfaction survey, handling of
// petitions and complaints. Items link to the demo framework's criteria.
func InspectionTemplate() data.Template {
	check := func(code, q, what, crit string) data.ChecklistItem {
		return data.ChecklistItem{Code: code, Question: q, Check: what, Criterion: crit}
	}
	number := func(code, q, what, crit, unit string, max int64) data.ChecklistItem {
		return data.ChecklistItem{Code: code, Question: q, Check: what, Criterion: crit, Kind: data.AnswerNumber, Unit: unit, Max: data.P(max, 0)}
	}
	return data.Template{
		ID:    InspectionTemplateID,
		Title: "Phiếu kiểm tra công tác cải cách hành chính và hoạt động của Bộ phận Một cửa",
		Sections: []data.ChecklistSection{
			{Code: "I", Title: "Công khai thủ tục hành chính", Items: []data.ChecklistItem{
				check("1.1", "Niêm yết công khai đầy đủ, kịp thời thủ tục hành chính thuộc thẩm quyền giải quyết tại Bộ phận Một cửa",
					"Đối chiếu bảng niêm yết với quyết định công bố danh mục thủ tục hành chính mới nhất của Chủ tịch UBND tỉnh", "3.1"),
				check("1.2", "Công khai địa chỉ, số điện thoại, thư điện tử tiếp nhận phản ánh, kiến nghị về quy định hành chính",
					"Bảng niêm yết tại Bộ phận Một cửa, trang thông tin điện tử của đơn vị", "3.4"),
				check("1.3", "Công khai thủ tục hành chính, quy trình nội bộ trên trang thông tin điện tử của đơn vị",
					"Truy cập trang thông tin điện tử, đối chiếu số thủ tục được công khai", "3.1"),
			}},
			{Code: "II", Title: "Tiếp nhận, giải quyết hồ sơ thủ tục hành chính", Items: []data.ChecklistItem{
				number("2.1", "Số hồ sơ tiếp nhận từ đầu năm đến thời điểm kiểm tra",
					"Số liệu trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh", "", "hồ sơ", 0),
				number("2.2", "Tỷ lệ hồ sơ giải quyết đúng hạn và sớm hạn",
					"Báo cáo thống kê trên Hệ thống thông tin giải quyết thủ tục hành chính", "3.3", "%", 100),
				check("2.3", "Hồ sơ trễ hẹn có văn bản xin lỗi tổ chức, cá nhân và hẹn lại ngày trả kết quả",
					"Chọn ngẫu nhiên hồ sơ trễ hẹn, kiểm tra phiếu xin lỗi và hẹn lại", "3.3"),
				check("2.4", "Toàn bộ hồ sơ được tiếp nhận, cập nhật, luân chuyển trên Hệ thống thông tin giải quyết thủ tục hành chính",
					"Đối chiếu sổ theo dõi hồ sơ với dữ liệu trên hệ thống", "3.2"),
			}},
			{Code: "III", Title: "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", Items: []data.ChecklistItem{
				check("3.1", "Số hóa thành phần hồ sơ khi tiếp nhận theo quy định",
					"Kiểm tra trên hệ thống một số hồ sơ tiếp nhận trong tháng trước", "3.5"),
				number("3.2", "Tỷ lệ hồ sơ được số hóa khi tiếp nhận",
					"Báo cáo số hóa trên Hệ thống thông tin giải quyết thủ tục hành chính", "3.5", "%", 100),
				check("3.3", "Kết quả giải quyết thủ tục hành chính được ký số và lưu trữ điện tử",
					"Kiểm tra kết quả điện tử của hồ sơ đã trả", "3.5"),
			}},
			{Code: "IV", Title: "Dịch vụ công trực tuyến, thanh toán trực tuyến", Items: []data.ChecklistItem{
				check("4.1", "Bố trí công chức hoặc tổ công nghệ số hướng dẫn, hỗ trợ người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa",
					"Quan sát tại Bộ phận Một cửa; quyết định phân công", "7.2"),
				number("4.2", "Tỷ lệ hồ sơ nộp trực tuyến (toàn trình và một phần)",
					"Số liệu Cổng dịch vụ công quốc gia và Hệ thống thông tin giải quyết thủ tục hành chính", "7.3", "%", 100),
				check("4.3", "Triển khai thanh toán trực tuyến phí, lệ phí thủ tục hành chính",
					"Số liệu thanh toán trực tuyến trên Cổng dịch vụ công", "7.4"),
				check("4.4", "Tiếp nhận hồ sơ và trả kết quả qua dịch vụ bưu chính công ích",
					"Sổ theo dõi, hợp đồng với bưu điện", ""),
			}},
			{Code: "V", Title: "Kỷ luật, kỷ cương hành chính và văn hóa công sở", Items: []data.ChecklistItem{
				check("5.1", "Cán bộ, công chức đeo thẻ công chức, trang phục đúng quy định; có biển tên, chức danh tại vị trí làm việc",
					"Quan sát tại Bộ phận Một cửa và các phòng làm việc", "5.5"),
				check("5.2", "Chấp hành thời gian làm việc; không làm việc riêng trong giờ hành chính",
					"Kiểm tra đột xuất đầu giờ sáng, đầu giờ chiều; sổ theo dõi", "5.5"),
				check("5.3", "Thái độ, tác phong giao tiếp với tổ chức, cá nhân văn minh, lịch sự; không nhũng nhiễu, gây phiền hà",
					"Quan sát, trao đổi với người dân đến giao dịch", "5.5"),
			}},
			{Code: "VI", Title: "Đánh giá sự hài lòng của người dân, tổ chức", Items: []data.ChecklistItem{
				check("6.1", "Tổ chức lấy ý kiến đánh giá sự hài lòng khi trả kết quả (phiếu hoặc thiết bị điện tử)",
					"Phiếu đánh giá, thiết bị đánh giá tại Bộ phận Một cửa", ""),
				number("6.2", "Tỷ lệ ý kiến hài lòng và rất hài lòng",
					"Tổng hợp phiếu đánh giá, số liệu thiết bị điện tử", "", "%", 100),
			}},
			{Code: "VII", Title: "Tiếp nhận, xử lý phản ánh, kiến nghị, khiếu nại", Items: []data.ChecklistItem{
				check("7.1", "Có sổ theo dõi tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính",
					"Sổ theo dõi, hộp thư góp ý", "3.4"),
				check("7.2", "Phản ánh, kiến nghị, đơn thư khiếu nại được xử lý, trả lời đúng thời hạn",
					"Chọn ngẫu nhiên đơn thư đã nhận, đối chiếu thời hạn trả lời", "3.4"),
				number("7.3", "Số lượt tiếp công dân từ đầu năm đến thời điểm kiểm tra",
					"Sổ tiếp công dân", "", "lượt", 0),
			}},
		},
	}
}

// InspectionPlan is the document of the demo's 2024 plan: Kế hoạch số
// 15/KH-SNV of 15/01/2024.
func InspectionPlan() data.InspectionPlan {
	return data.InspectionPlan{
		Year:   InspectionYear,
		Number: "15",
		Title:  data.PlanTitle(InspectionYear),
		Date:   time.Date(InspectionYear, 1, 15, 0, 0, 0, 0, time.Local),
		Purpose: "Đánh giá tình hình, kết quả thực hiện nhiệm vụ cải cách hành chính năm 2024 tại các huyện; kịp thời phát hiện tồn tại, hạn chế để chấn chỉnh, khắc phục.\n" +
			"Kiểm tra trọng tâm việc giải quyết thủ tục hành chính tại Bộ phận Một cửa, số hóa hồ sơ, cung cấp dịch vụ công trực tuyến và thanh toán trực tuyến.\n" +
			"Việc kiểm tra bảo đảm khách quan, đúng quy định, không làm ảnh hưởng đến hoạt động bình thường của đơn vị được kiểm tra.",
		Organisation: "Phòng Cải cách hành chính chủ trì, thông báo lịch làm việc cụ thể đến đơn vị được kiểm tra trước ít nhất 05 ngày làm việc.\n" +
			"UBND các huyện được kiểm tra chuẩn bị báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính và hồ sơ, tài liệu kiểm chứng theo nội dung kiểm tra.\n" +
			"Sau mỗi đợt kiểm tra, Đoàn kiểm tra lập biên bản; các kiến nghị được theo dõi đến khi đơn vị hoàn thành.",
	}
}

// inspectionTeam is the office's inspection team.
var inspectionTeam = []data.Member{
	{Name: "Hoàng Thị Lan", Title: "Phó Giám đốc Sở Nội vụ, Trưởng đoàn"},
	{Name: "Lương Văn Hùng", Title: "Trưởng phòng Cải cách hành chính, Phó Trưởng đoàn"},
	{Name: "Nông Thị Hà", Title: "Chuyên viên phòng Cải cách hành chính, thành viên"},
	{Name: "Đàm Văn Quý", Title: "Chuyên viên Trung tâm Phục vụ hành chính công tỉnh, thành viên"},
}

// plannedVisit is one visit of the demo plan; done visits carry their
// findings.
type plannedVisit struct {
	unit       string
	month, day int
	head       data.Member
	done       bool
}

var plannedVisits = []plannedVisit{
	{ExampleAUnit, 3, 16, data.Member{Name: "Bế Văn Tuấn", Title: "Chủ tịch UBND huyện Nguyên Bình"}, true},
	{"HQU", 4, 20, data.Member{Name: "Triệu Thị Mai", Title: "Phó Chủ tịch UBND huyện Hà Quảng"}, true},
	{ExampleBUnit, 5, 25, data.Member{Name: "Lục Văn Thắng", Title: "Chủ tịch UBND huyện Hòa An"}, true},
	{"BLA", 6, 15, data.Member{Name: "Ma Văn Long", Title: "Phó Chủ tịch UBND huyện Bảo Lạc"}, true},
	{"TAN", 8, 17, data.Member{Title: "Chủ tịch UBND huyện Thạch An"}, false},
	{"BLM", 9, 21, data.Member{Title: "Chủ tịch UBND huyện Bảo Lâm"}, false},
	{"HLA", 10, 19, data.Member{Title: "Chủ tịch UBND huyện Hạ Lang"}, false},
	{"TKH", 11, 16, data.Member{Title: "Chủ tịch UBND huyện Trùng Khánh"}, false},
}

// failNotes are what teams write next to a "không đạt", by item code.
var failNotes = map[string]string{
	"1.1": "Còn 12 thủ tục đã bãi bỏ chưa gỡ khỏi bảng niêm yết; chưa cập nhật 8 thủ tục mới công bố",
	"1.3": "Trang thông tin điện tử chưa công khai quy trình nội bộ lĩnh vực đất đai",
	"2.3": "3/7 hồ sơ trễ hẹn kiểm tra không có phiếu xin lỗi và hẹn lại ngày trả kết quả",
	"3.1": "Nhiều hồ sơ lĩnh vực hộ tịch chưa số hóa thành phần hồ sơ khi tiếp nhận",
	"3.3": "Kết quả giải quyết lĩnh vực đất đai còn trả bản giấy, chưa ký số",
	"4.1": "Chưa bố trí người hướng dẫn nộp hồ sơ trực tuyến thường xuyên",
	"4.3": "Chưa phát sinh giao dịch thanh toán trực tuyến trong quý",
	"5.1": "02 công chức không đeo thẻ khi làm việc",
	"5.2": "01 công chức vắng mặt đầu giờ chiều không có lý do",
	"6.1": "Thiết bị đánh giá hỏng từ tháng 02, chưa thay thế",
	"7.1": "Sổ theo dõi phản ánh, kiến nghị ghi chép không đầy đủ",
}

// recommendationFor is the remedy asked for a failed item.
var recommendationFor = map[string]struct{ text, owner string }{
	"1.1": {"Rà soát, cập nhật bảng niêm yết thủ tục hành chính theo quyết định công bố mới nhất; gỡ bỏ thủ tục đã bãi bỏ", "Văn phòng HĐND và UBND huyện"},
	"1.3": {"Công khai đầy đủ quy trình nội bộ giải quyết thủ tục hành chính trên trang thông tin điện tử của huyện", "Văn phòng HĐND và UBND huyện"},
	"2.3": {"Thực hiện nghiêm việc xin lỗi và hẹn lại ngày trả kết quả đối với hồ sơ trễ hẹn", "Bộ phận Một cửa huyện"},
	"3.1": {"Số hóa đầy đủ thành phần hồ sơ khi tiếp nhận, trước hết lĩnh vực hộ tịch", "Phòng Tư pháp huyện"},
	"3.3": {"Ký số, trả kết quả điện tử đối với thủ tục lĩnh vực đất đai", "Chi nhánh Văn phòng đăng ký đất đai huyện"},
	"4.1": {"Bố trí thường xuyên công chức, đoàn viên hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa", "Bộ phận Một cửa huyện"},
	"4.3": {"Tuyên truyền, hướng dẫn người dân thanh toán trực tuyến phí, lệ phí", "Bộ phận Một cửa huyện"},
	"5.1": {"Chấn chỉnh việc đeo thẻ công chức, chấp hành kỷ luật, kỷ cương hành chính", "Phòng Nội vụ huyện"},
	"5.2": {"Kiểm điểm công chức vi phạm thời gian làm việc; tăng cường kiểm tra đột xuất", "Phòng Nội vụ huyện"},
	"6.1": {"Thay thế thiết bị đánh giá sự hài lòng tại Bộ phận Một cửa", "Văn phòng HĐND và UBND huyện"},
	"7.1": {"Ghi chép đầy đủ sổ theo dõi tiếp nhận, xử lý phản ánh, kiến nghị", "Văn phòng HĐND và UBND huyện"},
}

// writeInspections stores the demo checklist and the 2024 inspection plan
// (its document and its visits):
// eight visits to districts, the first four done, their recommendations
// carried into tasks (the first visit's first recommendation already done).
func writeInspections(tx *store.Tx) error {
	t := InspectionTemplate()
	if err := tx.SaveTemplate(&t); err != nil {
		return err
	}
	plan := InspectionPlan()
	if err := tx.PutInspectionPlan(&plan); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(uint64(InspectionYear), 5))
	for i, p := range plannedVisits {
		v := data.Visit{
			Year:            InspectionYear,
			Unit:            p.unit,
			Date:            time.Date(InspectionYear, time.Month(p.month), p.day, 0, 0, 0, 0, time.Local),
			Team:            append([]data.Member(nil), inspectionTeam[:3+i%2]...),
			UnitHead:        p.head,
			Template:        t.ID,
			TemplateVersion: t.Version,
		}
		if p.done {
			v.Number = fmt.Sprintf("%02d", i+3)
			fillVisit(&v, &t, rng)
		}
		if err := tx.PutVisit(&v); err != nil {
			return err
		}
		if i == 0 && len(v.Recommendations) > 0 {
			task, err := tx.Task(v.Recommendations[0].TaskID)
			if err != nil {
				return err
			}
			task.Done, task.DoneDate, task.Result = true, v.Date.AddDate(0, 0, 20), "Đã rà soát, cập nhật bảng niêm yết 186 thủ tục hành chính"
			if err := tx.PutTask(&task); err != nil {
				return err
			}
		}
	}
	return nil
}

// fillVisit answers every item the way a real visit comes out: most items
// pass, two or three fail with a note, figures near the province's
// averages; findings and one recommendation per failed item.
func fillVisit(v *data.Visit, t *data.Template, rng *rand.Rand) {
	v.Answers = map[string]data.Answer{}
	fail := map[string]bool{}
	codes := []string{"1.1", "1.3", "2.3", "3.1", "3.3", "4.1", "4.3", "5.1", "5.2", "6.1", "7.1"}
	for len(fail) < 2+rng.IntN(2) {
		fail[codes[rng.IntN(len(codes))]] = true
	}
	num := func(lo, hi int64) *data.Points {
		p := data.Points(lo*100 + rng.Int64N((hi-lo)*100))
		return &p
	}
	figures := map[string]*data.Points{}
	t.Items(func(_ *data.ChecklistSection, it *data.ChecklistItem) {
		a := data.Answer{Outcome: data.Passed}
		switch {
		case it.Kind == data.AnswerNumber:
			a.Outcome = ""
			switch it.Code {
			case "2.1":
				n := data.P(600+rng.Int64N(900), 0)
				a.Value = &n
			case "7.3":
				n := data.P(8+rng.Int64N(30), 0)
				a.Value = &n
			case "2.2":
				a.Value = num(95, 100)
			case "3.2":
				a.Value = num(55, 90)
			case "4.2":
				a.Value = num(30, 60)
			case "6.2":
				a.Value = num(96, 100)
			}
			figures[it.Code] = a.Value
		case fail[it.Code]:
			a.Outcome, a.Note = data.Failed, failNotes[it.Code]
		case it.Code == "4.4" && rng.IntN(3) == 0:
			a.Outcome, a.Note = data.NotApplicable, "Chưa phát sinh hồ sơ đề nghị trả kết quả qua bưu chính"
		}
		v.Answers[it.Code] = a
	})
	v.Strengths = fmt.Sprintf("UBND huyện quan tâm chỉ đạo công tác cải cách hành chính, ban hành kế hoạch đúng thời hạn. "+
		"Bộ phận Một cửa bố trí đủ công chức, cơ sở vật chất đáp ứng yêu cầu. Từ đầu năm đã tiếp nhận %s hồ sơ, "+
		"tỷ lệ giải quyết đúng hạn đạt %s %%; tỷ lệ ý kiến hài lòng đạt %s %%.",
		data.FormatCount(int64(*figures["2.1"]/data.PointsScale)), figures["2.2"].String(), figures["6.2"].String())
	weak := fmt.Sprintf("Tỷ lệ hồ sơ nộp trực tuyến mới đạt %s %%, thấp so với chỉ tiêu 50,00 %% của tỉnh.", figures["4.2"].String())
	t.Items(func(_ *data.ChecklistSection, it *data.ChecklistItem) {
		if !fail[it.Code] {
			return
		}
		weak += "\n" + failNotes[it.Code] + "."
		r := recommendationFor[it.Code]
		v.Recommendations = append(v.Recommendations, data.Recommendation{
			Text: r.text, Owner: r.owner, Deadline: v.Date.AddDate(0, 1+rng.IntN(2), 0),
		})
	})
	v.Weaknesses = weak
	v.Finished = true
}
