package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// runCheck: pardesk check [--db FILE] [--quick]. It reads the whole data
// file (store.Check) and says whether it is sound: exit 0 when it is, 1
// when it is damaged or refused, naming then the newest backup that is
// sound. Then every evidence file the data references is read again and
// hashed (--quick: only its presence and size): a missing or altered file
// is named by unit, year, criterion and file name, and exits 1. Nothing is
// written.
func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check")
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	quick := fs.Bool("quick", false, "tài liệu kiểm chứng: chỉ kiểm tra có mặt và kích thước, không đọc lại")
	if err := parse(fs, args); err != nil {
		return err
	}
	p, done := progressTo(stderr)
	err := store.CheckProgress(*db, p)
	done()
	if err == nil {
		fmt.Fprintf(stdout, "Tệp dữ liệu %s nguyên vẹn: đã kiểm tra toàn bộ.\n", *db)
		return checkEvidence(*db, !*quick, stdout)
	}
	if data.ErrorCode(err) == data.EDAMAGED {
		if b, ok, _ := store.NewestSoundBackup(*db); ok {
			return data.Errorf(data.EDAMAGED, "%s\nBản sao lưu gần nhất còn tốt: %s (%s). Khôi phục bằng: pardesk restore %q --db %q",
				data.ErrorMessage(err), b.Path, b, b.Path, *db)
		}
	}
	return err
}

// checkEvidence reports the evidence files of a sound data file.
func checkEvidence(path string, whole bool, stdout io.Writer) error {
	st, err := store.OpenReading(path)
	if data.ErrorCode(err) == data.EINVALID {
		return nil // a file of an older layout, from before evidence files
	}
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := st.CheckEvidence(whole)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, c.Summary())
	// The backups too: one whose evidence is gone would not restore whole.
	backups, err := st.CheckBackupEvidence(whole)
	if err != nil {
		return err
	}
	problems := c.Problems()
	if len(problems) > 0 {
		problems = append(problems, "Hãy khôi phục các tệp này từ bản sao lưu (pardesk restore), hoặc đính kèm lại bản gốc.")
	}
	if problems = append(problems, backups...); len(problems) == 0 {
		return nil
	}
	return data.Errorf(data.EDAMAGED, "%s", strings.Join(problems, "\n"))
}
