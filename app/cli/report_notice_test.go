package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/demo"
	"github.com/pardesk/pardesk/data/store"
)

// The demo's Hạ Lang is appraised: its notice lists each criterion
// appraised below its claim with the stored figures and the deadline to
// explain. Bảo Lâm, only submitted, has no notice yet.
func TestNoticeFromCommandLine(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "tb.pdf")
	code, stdout, stderr := run(t, "report", "notice", "--db", db, "--unit", strings.ToLower(demo.ExplainingUnit), "--year", "2023",
		"--out", out, "--number", "21", "--date", "04/03/2024")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	var f *data.Framework
	var s *data.Sheet
	var a *data.Appraisal
	err = st.View(func(tx *store.Tx) (err error) {
		if f, err = tx.Framework(2023); err != nil {
			return err
		}
		if s, err = tx.Sheet(2023, demo.ExplainingUnit); err != nil {
			return err
		}
		a, err = tx.Appraisal(2023, demo.ExplainingUnit)
		return err
	})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	disputed := data.Disputed(f, s)
	deadline := data.FormatDate(a.Deadline)
	if !strings.Contains(stdout, "Huyện Hạ Lang") || !strings.Contains(stdout, "hạn giải trình "+deadline) {
		t.Errorf("stdout %q", stdout)
	}
	text := strings.Join(strings.Fields(pdfText(t, out)), " ")
	for _, want := range []string{"Số: 21/TB-SNV", "Cao Bằng, ngày 04 tháng 3 năm 2024", "THÔNG BÁO",
		"Kết quả thẩm định Chỉ số cải cách hành chính năm 2023 của huyện Hạ Lang", "trước ngày " + deadline, "UBND huyện Hạ Lang"} {
		if !strings.Contains(text, want) {
			t.Errorf("notice lacks %q", want)
		}
	}
	if len(disputed) == 0 {
		t.Fatal("the demo's Hạ Lang has no criterion marked down")
	}
	for _, c := range disputed {
		sc := s.Scores[c.Code]
		line := c.Code + " " + c.Max.String() + " " + sc.Self.String() + " " + sc.Appraised.String() + " " + (*sc.Self - *sc.Appraised).String()
		if !strings.Contains(text, line) && !strings.Contains(text, c.Code+" "+c.Title+" "+line[len(c.Code)+1:]) {
			t.Errorf("notice lacks criterion %s with %s → %s", c.Code, sc.Self, sc.Appraised)
		}
	}
	code, _, stderr = run(t, "report", "notice", "--db", db, "--unit", demo.SubmittedUnit, "--year", "2023", "--out", out)
	if code != 1 || !strings.Contains(stderr, "đang ở bước «Đã nộp»") {
		t.Errorf("notice of a unit not appraised: exit %d, %q", code, stderr)
	}
	code, _, stderr = run(t, "report", "notice", "--db", db, "--year", "2023")
	if code != 2 || !strings.Contains(stderr, "thiếu --unit") {
		t.Errorf("no unit: exit %d, %q", code, stderr)
	}
}
