package cli

import (
	"fmt"
	"io"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// runCheck: pardesk check [--db FILE]. It reads the whole data file
// (store.Check) and says whether it is sound: exit 0 when it is, 1 when it
// is damaged or refused, naming then the newest backup that is sound.
// Nothing is written.
func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check")
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	if err := parse(fs, args); err != nil {
		return err
	}
	p, done := progressTo(stderr)
	err := store.CheckProgress(*db, p)
	done()
	if err == nil {
		fmt.Fprintf(stdout, "Tệp dữ liệu %s nguyên vẹn: đã kiểm tra toàn bộ.\n", *db)
		return nil
	}
	if data.ErrorCode(err) == data.EDAMAGED {
		if b, ok, _ := store.NewestSoundBackup(*db); ok {
			return data.Errorf(data.EDAMAGED, "%s\nBản sao lưu gần nhất còn tốt: %s (%s). Khôi phục bằng: pardesk restore %q --db %q",
				data.ErrorMessage(err), b.Path, b, b.Path, *db)
		}
	}
	return err
}
