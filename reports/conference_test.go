package reports

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// conferenceInput drafts the report of ten units on example A's framework
// (unit set: that unit's own report), with extra lines in the limitations
// to move its end across page feet.
func conferenceInput(t *testing.T, unit string, extra int) ConferenceInput {
	t.Helper()
	f := exampleA()
	var results []data.Result
	sheets := map[string]*data.Sheet{}
	for i := 0; i < 10; i++ {
		u := data.Unit{Code: fmt.Sprintf("U%02d", i+1), Name: fmt.Sprintf("Xã Đơn vị số %d", i+1), GroupID: "xa"}
		p := make([]data.Points, len(f.Areas))
		for j := range f.Areas {
			p[j] = f.Areas[j].Max * data.Points(50+(i*7+j*13)%50) / 100
		}
		sheets[u.Code] = sheet(f, u.Code, p...)
		r := data.Evaluate(f, u, sheets[u.Code])
		r.PrevRank = (i*37)%10 + 1
		results = append(results, r)
	}
	data.Rank(results)
	d, err := data.Draft(data.ConferenceFacts{Year: 2022, Office: nguyenBinh(), GroupID: "xa", GroupName: "Các xã, thị trấn",
		Framework: f, Results: results, Sheets: sheets, Today: time.Date(2023, 6, 9, 0, 0, 0, 0, time.Local), Unit: unit})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i := 0; i < extra; i++ {
		lines = append(lines, fmt.Sprintf("- Hạn chế số %d cần được khắc phục trong năm tới;", i+1))
	}
	if extra > 0 {
		d.Section(data.SecLimits).Text += "\n" + strings.Join(lines, "\n")
	}
	units := make([]data.Unit, 0, len(results))
	for _, r := range results {
		if unit == "" || r.Unit.Code == unit {
			units = append(units, r.Unit)
		}
	}
	issuer := nguyenBinh()
	if unit != "" {
		issuer = data.Office{Name: "Ủy ban nhân dân xã Đơn vị số 3", Abbrev: "UBND", Place: "Đơn vị số 3", SignerTitle: "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"}
	}
	return ConferenceInput{Issuer: issuer, Number: "12", Date: time.Date(2023, 6, 9, 0, 0, 0, 0, time.Local), Draft: d,
		GroupName: "Các xã, thị trấn", Framework: f, Results: results, Lost: data.LostPoints(f, units, sheets), Created: fixedTime}
}

// Both reports at lengths that move their end across a page foot: no page
// ends with a heading or a table's header, the closing never stands alone.
func TestConferenceFlow(t *testing.T) {
	flow := pdftest.Flow{Headings: []*regexp.Regexp{
		rx(`^\d+\. (Kết quả chung|Kết quả theo lĩnh vực|Các tiêu chí bị trừ điểm.*|Thay đổi thứ hạng|Các tiêu chí cần ưu tiên khắc phục|Kết quả giải quyết thủ tục hành chính)$`),
		rx(`^STT\s+Mã\s+Tiêu chí`), rx(`^Hạng\s+Đơn vị\s+Điểm theo lĩnh vực`),
	}}
	// A page holds about 35 of the extra lines: every third length over a
	// page and a bit moves the end across a page foot in small steps.
	step := 3
	if testing.Short() {
		step = 6
	}
	for _, unit := range []string{"", "U03"} {
		for n := 0; n <= 39; n += step {
			pdf, err := Conference(conferenceInput(t, unit, n))
			if err != nil {
				t.Fatal(err)
			}
			pdftest.CheckFlow(t, fmt.Sprintf("conference report %q with %d more limitations", unit, n), pdf, flow)
		}
	}
}

func TestConferencePrintsDraftAndAppendices(t *testing.T) {
	pdf, err := Conference(conferenceInput(t, "", 0))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(strings.Join(pdftest.Pages(t, pdf), " ")), " ")
	for _, want := range []string{"Số: 12/BC-PNV", "BÁO CÁO", "Căn cứ Kế hoạch cải cách hành chính năm 2022;", "I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022",
		"II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "III. NHIỆM VỤ TRỌNG TÂM NĂM 2023", "của Phòng Nội vụ./.", "Phụ lục I", "Phụ lục II",
		"(Kèm theo Báo cáo số 12/BC-PNV ngày 09/06/2023 của Phòng Nội vụ)"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	in := conferenceInput(t, "", 0)
	in.Number, in.Date = "", time.Time{}
	pdf, err = Conference(in)
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(strings.Fields(strings.Join(pdftest.Pages(t, pdf), " ")), " "); !strings.Contains(text, "(Kèm theo Báo cáo số /BC-PNV ngày / / của Phòng Nội vụ)") {
		t.Errorf("blank number and date not left to fill in: %.300s", text)
	}
	in.Draft.Sections = nil
	if _, err := Conference(in); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("empty draft: %v", err)
	}
	in = conferenceInput(t, "", 0)
	in.Framework = nil
	if _, err := Conference(in); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("no framework: %v", err)
	}
}
