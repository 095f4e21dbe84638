package reports

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// Every document at sizes that move its end across a page foot: no page
// holds only the closing block, and no page ends with a heading, a table's
// header or a group row.

var (
	signersFirst = regexp.MustCompile(`^ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA`)
	rx           = regexp.MustCompile
)

// flowSizes renders build(n) for each n (every other n with -short) and
// checks every page.
func flowSizes(t *testing.T, name string, from, to int, f pdftest.Flow, build func(n int) ([]byte, error)) {
	t.Helper()
	step := 1
	if testing.Short() {
		step = 2
	}
	for n := from; n <= to; n += step {
		pdf, err := build(n)
		if err != nil {
			t.Fatalf("%s %d: %v", name, n, err)
		}
		pdftest.CheckFlow(t, fmt.Sprintf("%s %d", name, n), pdf, f)
	}
}

func TestRankingFlow(t *testing.T) {
	f := exampleA()
	flowSizes(t, "ranking with units:", 6, 24, pdftest.Flow{Headings: []*regexp.Regexp{
		rx(`^Hạng\s+Đơn vị\s+Điểm theo lĩnh vực`), rx(`^1\s+2\s+3\s+4\s+5\s+6\s+7(\s+\S+)*\s+thứ hạng$`),
		rx(`^Kết quả xếp hạng cụ thể như sau:$`),
	}}, func(n int) ([]byte, error) {
		return Ranking(rankingInput(f, manyUnits(f, n)))
	})
}

func TestTasksFlow(t *testing.T) {
	heads := []*regexp.Regexp{rx(`^TT\s+Nhiệm vụ\s+Chủ trì, phối hợp`), rx(`^thành\s+độ$`)}
	for _, st := range data.TaskStatuses {
		heads = append(heads, rx(`^`+st.Label()+` \(\d+\)$`))
	}
	for _, overdue := range []bool{false, true} {
		flowSizes(t, fmt.Sprintf("tasks (overdue only %v) with more tasks:", overdue), 0, 12, pdftest.Flow{Headings: heads}, func(n int) ([]byte, error) {
			in := tasksInput()
			kinds := []data.PlanKind{data.PlanAnnual, data.PlanConference, data.PlanInspection}
			names := []string{"Kế hoạch CCHC năm 2024", "Kết luận Hội nghị tổng kết CCHC năm 2023", "Kiến nghị kiểm tra CCHC năm 2024"}
			for i := 0; i < n; i++ {
				k := i % 3
				in.Tasks = append(in.Tasks, data.Task{ID: int64(100 + i), Title: fmt.Sprintf("Nhiệm vụ bổ sung số %d về cải cách thủ tục hành chính tại Bộ phận một cửa", i+1),
					Year: 2024, PlanKind: kinds[k], PlanName: names[k], Unit: "TK", Due: d(2024, time.Month(1+i%12), 10), Progress: i * 4 % 100})
			}
			if overdue {
				today := in.Date
				var keep []data.Task
				for _, tk := range in.Tasks {
					if tk.Status(today) == data.StatusOverdue {
						keep = append(keep, tk)
					}
				}
				in.Tasks, in.OverdueOnly = keep, true
			}
			return Tasks(in)
		})
	}
}

func TestScorecardFlow(t *testing.T) {
	big, s := bigFramework()
	heads := []*regexp.Regexp{rx(`^Mã\s+Lĩnh vực, tiêu chí`), rx(`^Tối đa\s+Tự đánh\s+Thẩm`), rx(`^giá\s+định$`),
		rx(`^\d+\s+Lĩnh vực số \d+ về cải cách hành chính`), rx(`^Kết quả$`)}
	flowSizes(t, "scorecard with criteria:", 16, 36, pdftest.Flow{Headings: heads}, func(n int) ([]byte, error) {
		f := &data.Framework{Year: big.Year, Title: big.Title}
		left := n
		for _, a := range big.Areas {
			if left == 0 {
				break
			}
			a.Children = a.Children[:min(left, len(a.Children))]
			left -= len(a.Children)
			f.Areas = append(f.Areas, a)
		}
		if err := f.Validate(); err != nil {
			return nil, err
		}
		unit := data.Unit{Code: "X01", Name: "Xã Thể Dục", GroupID: "xa"}
		return Scorecard(scorecardInput(f, s, unit))
	})
}

func TestPlanFlow(t *testing.T) {
	flowSizes(t, "plan with visits:", 4, 18, pdftest.Flow{Headings: []*regexp.Regexp{rx(`^STT\s+Đơn vị được kiểm tra`)}}, func(n int) ([]byte, error) {
		in := planFixture(t)
		base := in.Visits
		in.Visits = nil
		for i := 0; i < n; i++ {
			v := base[i%len(base)]
			v.ID = fmt.Sprintf("2024-%02d", i+1)
			in.Visits = append(in.Visits, v)
		}
		return Plan(in)
	})
}

func TestVisitReportsFlow(t *testing.T) {
	heads := []*regexp.Regexp{rx(`^Mã\s+Nội dung kiểm tra`), rx(`^Nhận xét chung:$`), rx(`^Kiến nghị \(nội dung`),
		rx(`^\d\. (Ưu điểm|Tồn tại, hạn chế)$`), rx(`^STT\s+Nội dung kiến nghị`), rx(`^\d\. (Đoàn kiểm tra|Đại diện .*):$`)}
	for name, build := range map[string]func(VisitInput) ([]byte, error){"checklist": Checklist, "record": Inspection} {
		flowSizes(t, name+" with more items:", 0, 10, pdftest.Flow{Closing: signersFirst, Headings: heads}, func(n int) ([]byte, error) {
			in := visitFixture(t)
			tpl := in.Template.Copy()
			for i := 1; i <= n; i++ {
				tpl.Sections[len(tpl.Sections)-1].Items = append(tpl.Sections[len(tpl.Sections)-1].Items, data.ChecklistItem{
					Code: fmt.Sprintf("9.%d", i), Question: fmt.Sprintf("Nội dung kiểm tra bổ sung số %d", i), Check: "Hồ sơ, sổ sách"})
			}
			in.Template = tpl
			return build(in)
		})
	}
}

func TestOneStopFlow(t *testing.T) {
	pdf, err := OneStop(oneStopFixture())
	if err != nil {
		t.Fatal(err)
	}
	pdftest.CheckFlow(t, "one-stop report", pdf, pdftest.Flow{Headings: []*regexp.Regexp{rx(`^\d\. \S.*$`)}})
}
