package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

// runConference prints the review-conference report: pardesk report
// conference --year Y [--group G | --unit MÃ] [--redraft] [--out TỆP.pdf].
// The office's report on a group, or with --unit the unit's report on its
// own result. The edited copy saved in the window prints if there is one;
// --redraft discards it first ("Soạn lại từ số liệu").
func runConference(args []string, stdout io.Writer) error {
	fs := newFlags("report conference")
	var rf reportFlags
	rf.register(fs, "")
	year := fs.Int("year", 0, "năm đánh giá")
	group := fs.String("group", "", "mã nhóm xếp hạng (mặc định: nhóm đầu tiên)")
	unit := fs.String("unit", "", "mã đơn vị: báo cáo của đơn vị về kết quả của mình")
	redraft := fs.Bool("redraft", false, "bỏ bản đã sửa, soạn lại từ số liệu")
	docx := fs.Bool("docx", false, "xuất ra tệp Word (chưa hỗ trợ)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *year == 0 {
		return usageError("report conference: thiếu --year")
	}
	if *group != "" && *unit != "" {
		return usageError("report conference: chỉ dùng một trong hai --group hoặc --unit")
	}
	if *docx || strings.HasSuffix(strings.ToLower(rf.out), ".docx") {
		return data.Errorf(data.EINVALID, "Chưa xuất được báo cáo ra tệp Word (.docx); hãy in ra PDF (--out TỆP.pdf)")
	}
	when, err := rf.when()
	if err != nil {
		return err
	}
	st, err := openExisting(rf.db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *redraft {
		if err := st.Update(func(tx *store.Tx) error {
			g := *group
			if *unit == "" && g == "" {
				c, err := tx.ConferenceFacts(*year, "", "", time.Now())
				if err != nil {
					return err
				}
				g = c.GroupID
			}
			if *unit != "" {
				g = ""
			}
			return tx.RedraftConference(*year, g, *unit)
		}); err != nil {
			return err
		}
	}
	var in reports.ConferenceInput
	var edited bool
	var stale []string
	if err := st.View(func(tx *store.Tx) error {
		var err error
		// Tasks are judged overdue on the document's date.
		in, edited, err = ops.ConferenceInput(tx, *year, *group, *unit, when)
		if err != nil || !edited {
			return err
		}
		facts, err := tx.ConferenceFacts(*year, *group, *unit, when)
		if err != nil {
			return err
		}
		fresh, err := data.Draft(facts)
		if err != nil {
			return err
		}
		stale = in.Draft.Stale(&fresh)
		return nil
	}); err != nil {
		return err
	}
	in.Number, in.Date = rf.number, when
	if rf.out == "" {
		rf.out = fmt.Sprintf("bao-cao-hoi-nghi-%d.pdf", *year)
		if *unit != "" {
			rf.out = fmt.Sprintf("bao-cao-hoi-nghi-%d-%s.pdf", *year, *unit)
		}
	}
	pdf, err := reports.Conference(in)
	if err != nil {
		return err
	}
	if err := writeFile(rf.out, pdf); err != nil {
		return err
	}
	how := "soạn từ số liệu"
	if edited {
		how = "bản đã chỉnh sửa; --redraft để soạn lại từ số liệu"
	}
	fmt.Fprintf(stdout, "Đã in báo cáo hội nghị tổng kết năm %d (%s): %s\n", *year, how, rf.out)
	if len(stale) > 0 {
		fmt.Fprintf(stdout, "Lưu ý: số liệu đã thay đổi sau khi soạn bản đã sửa, ở các phần: %s. Hãy xem lại, hoặc soạn lại từ số liệu (--redraft).\n", strings.Join(stale, "; "))
	}
	return nil
}
