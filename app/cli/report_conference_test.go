package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports/pdftest"
)

// flat is a PDF's pages as text, each with its words joined by single
// spaces (lines and no-break spaces alike).
func flat(t *testing.T, path string) []string {
	t.Helper()
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pages := pdftest.Pages(t, pdf)
	for i, p := range pages {
		pages[i] = strings.Join(strings.Fields(p), " ")
	}
	return pages
}

// Seed 001: Nguyên Bình's own report on 2022, as its district read it
// out, then the office's report on 2023 naming Hòa An's rise.
func TestConferenceReportFromDemo(t *testing.T) {
	dir, db := demoDir(t)
	t.Chdir(dir)
	code, stdout, stderr := run(t, "report", "conference", "--db", db, "--year", "2022", "--unit", "NBI", "--number", "25", "--date", "09/06/2023")
	if code != 0 {
		t.Fatalf("unit report: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "bao-cao-hoi-nghi-2022-NBI.pdf") || !strings.Contains(stdout, "soạn từ số liệu") {
		t.Errorf("stdout %q", stdout)
	}
	path := filepath.Join(dir, "bao-cao-hoi-nghi-2022-NBI.pdf")
	pages := flat(t, path)
	text := strings.Join(pages, " ")
	for _, want := range []string{
		"ỦY BAN NHÂN DÂN", "HUYỆN NGUYÊN BÌNH", "Số: 25/BC-UBND", "Nguyên Bình, ngày 09 tháng 6 năm 2023", "BÁO CÁO",
		"Căn cứ kết quả xác định Chỉ số cải cách hành chính năm 2022", "Thực hiện chương trình Hội nghị tổng kết",
		"đạt 81,40 %, xếp loại Khá, xếp hạng thứ 8/10 huyện, thành phố",
		"Công tác chỉ đạo, điều hành xếp loại Tốt, đạt 15/16 điểm",
		"Cải cách thể chế xếp loại Tốt, đạt 12/13 điểm",
		"Cải cách thủ tục hành chính xếp loại Khá, đạt 20/25 điểm",
		"Cải cách tổ chức bộ máy xếp loại Trung bình, đạt 5/8 điểm",
		"Cải cách chế độ công vụ xếp loại Khá, đạt 15/17 điểm",
		"Cải cách tài chính công xếp loại Khá, đạt 4,9/7 điểm",
		"Xây dựng chính quyền điện tử, chính quyền số xếp loại Khá, đạt 9,5/14 điểm",
		"Nếu khắc phục tiêu chí 4.2 (2,25 điểm), Chỉ số đạt 83,65 %, xếp thứ 6/10",
		"Trên đây là báo cáo kết quả Chỉ số cải cách hành chính năm 2022", "huyện Nguyên Bình./.",
		"Nơi nhận:", "Sở Nội vụ (để báo cáo)", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
		"CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM NĂM 2022 CỦA HUYỆN NGUYÊN BÌNH",
		"(Kèm theo Báo cáo số 25/BC-UBND ngày 09/06/2023 của Ủy ban nhân dân huyện Nguyên Bình)",
		"Tổng cộng 18,60",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("unit report lacks %q", want)
		}
	}
	checkPages(t, path, "TM. ỦY BAN NHÂN DÂN", "Phụ lục")

	code, _, stderr = run(t, "report", "conference", "--db", db, "--year", "2023", "--number", "12", "--date", "15/01/2024", "--out", "hn.pdf")
	if code != 0 {
		t.Fatalf("office report: exit %d: %s", code, stderr)
	}
	text = strings.Join(flat(t, "hn.pdf"), " ")
	for _, want := range []string{
		"UBND TỈNH CAO BẰNG", "SỞ NỘI VỤ", "Số: 12/BC-SNV", "Cao Bằng, ngày 15 tháng 01 năm 2024",
		"Kết quả Chỉ số cải cách hành chính năm 2023 của các huyện, thành phố và nhiệm vụ trọng tâm năm 2024",
		"huyện Hòa An tăng 4 bậc (từ thứ 7 lên thứ 3)",
		"Phụ lục I", "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA CÁC HUYỆN, THÀNH PHỐ",
		"3 Huyện Hòa An 14,25", "tăng 4 bậc",
		"Phụ lục II", "CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM NĂM 2023",
		"(Kèm theo Báo cáo số 12/BC-SNV ngày 15/01/2024 của Sở Nội vụ)",
		"Nông Văn Thành",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("office report lacks %q", want)
		}
	}
	checkPages(t, "hn.pdf", "GIÁM ĐỐC", "Phụ lục I")
}

// checkPages: page 1 has no page number and later pages do; the signature
// (found by its title) shares its page with "Trên đây là"; the appendices
// (from the page that starts with appendix) are landscape, the body
// portrait.
func checkPages(t *testing.T, path, signer, appendix string) {
	t.Helper()
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	layout := pdftest.Layout(t, pdf)
	pages := flat(t, path)
	inAppendix := false
	for i, p := range pages {
		if i > 0 && !strings.HasPrefix(p, itoa(i+1)+" ") {
			t.Errorf("%s page %d does not start with its number: %.40q", path, i+1, p)
		}
		if i == 0 && strings.HasPrefix(p, "1 ") {
			t.Errorf("%s: page 1 has a number", path)
		}
		if strings.Contains(p, signer) && !strings.Contains(p, "Trên đây là") {
			t.Errorf("%s page %d: the signature stands without the closing paragraph", path, i+1)
		}
		if strings.HasPrefix(strings.TrimPrefix(p, itoa(i+1)+" "), appendix) {
			inAppendix = true
		}
		landscape := layout[i].Width > layout[i].Height
		if landscape != inAppendix {
			t.Errorf("%s page %d: landscape %v, appendix %v", path, i+1, landscape, inAppendix)
		}
	}
	if !inAppendix {
		t.Errorf("%s has no appendix page", path)
	}
}

func itoa(n int) string { return data.FormatCount(int64(n)) }

// The edited copy prints instead of a fresh draft; --redraft discards it.
func TestConferenceReportPrintsEditsUntilRedraft(t *testing.T) {
	dir, db := demoDir(t)
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	err = st.Update(func(tx *store.Tx) error {
		facts, err := tx.ConferenceFacts(2022, "", "NBI", time.Now())
		if err != nil {
			return err
		}
		d, _, err := tx.ConferenceDraft(facts)
		if err != nil {
			return err
		}
		d.Section(data.SecLimits).Text = "- Công tác tự kiểm tra chưa thường xuyên."
		return tx.PutConferenceDraft(&d)
	})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "nb.pdf")
	code, stdout, stderr := run(t, "report", "conference", "--db", db, "--year", "2022", "--unit", "NBI", "--out", out)
	if code != 0 || !strings.Contains(stdout, "bản đã chỉnh sửa") {
		t.Fatalf("exit %d, %q %q", code, stdout, stderr)
	}
	if text := strings.Join(flat(t, out), " "); !strings.Contains(text, "Công tác tự kiểm tra chưa thường xuyên.") || strings.Contains(text, "Nguyên nhân bị trừ điểm") {
		t.Errorf("edited copy not printed: %.500s", text)
	}
	if strings.Contains(stdout, "Lưu ý") {
		t.Errorf("figures unchanged, yet: %q", stdout)
	}
	// A score changed after the edit: the officer is told which parts
	// were drafted from other figures.
	st, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	err = st.Update(func(tx *store.Tx) error {
		p := data.P(3, 0)
		return tx.SetScore(2022, "NBI", "4.2", data.Score{Appraised: &p})
	})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = run(t, "report", "conference", "--db", db, "--year", "2022", "--unit", "NBI", "--out", out)
	if code != 0 || !strings.Contains(stdout, "Lưu ý: số liệu đã thay đổi") || !strings.Contains(stdout, "1. Kết quả chung") || strings.Contains(stdout, "basis") || strings.Contains(stdout, "closing") {
		t.Errorf("stale edits: exit %d, %q %q", code, stdout, stderr)
	}
	code, stdout, stderr = run(t, "report", "conference", "--db", db, "--year", "2022", "--unit", "NBI", "--out", out, "--redraft")
	if code != 0 || !strings.Contains(stdout, "soạn từ số liệu") {
		t.Fatalf("redraft: exit %d, %q %q", code, stdout, stderr)
	}
	if text := strings.Join(flat(t, out), " "); strings.Contains(text, "Công tác tự kiểm tra chưa thường xuyên.") || !strings.Contains(text, "Nguyên nhân bị trừ điểm") {
		t.Errorf("redraft still prints the edits")
	}

	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--year", "2022", "--group", "HUYEN", "--unit", "NBI"}, 2, "chỉ dùng một trong hai"},
		{[]string{"--unit", "NBI"}, 2, "thiếu --year"},
		{[]string{"--year", "2022", "--unit", "KHONGCO"}, 1, "KHONGCO"},
		{[]string{"--year", "2022", "--out", filepath.Join(dir, "bc.docx")}, 1, "Word (.docx)"},
		{[]string{"--year", "2022", "--docx"}, 1, "Word (.docx)"},
	} {
		code, _, stderr := run(t, append([]string{"report", "conference", "--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d, %q", c.args, code, stderr)
		}
	}
}
