package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// runYear locks or unlocks a year from the command line, as the score
// screen's button does, audited the same way (officer, time, reason):
// pardesk year lock|unlock --year Y [--reason R] [--officer NAME].
func runYear(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return usageError("year: thiếu lock hoặc unlock")
	}
	action, args := args[0], args[1:]
	if action != "lock" && action != "unlock" {
		return usageError("year: không có thao tác %q (lock hoặc unlock)", action)
	}
	fs := newFlags("year " + action)
	db := fs.String("db", ops.DefaultPath(), "tệp dữ liệu")
	year := fs.Int("year", 0, "năm đánh giá")
	reason := fs.String("reason", "", "lý do (bắt buộc khi mở khóa)")
	officer := fs.String("officer", os.Getenv("PARDESK_OFFICER"), "họ tên cán bộ thực hiện")
	yes := fs.Bool("yes", false, "khóa cả khi còn đơn vị chưa chốt kết quả thẩm định")
	if _, err := parseArgs(fs, args, 0, ""); err != nil {
		return err
	}
	who := data.Clean(*officer)
	switch {
	case *year == 0:
		return usageError("year %s: thiếu --year", action)
	case who == "":
		return usageError("year %s: thiếu --officer (họ tên cán bộ, ghi vào nhật ký thay đổi)", action)
	case action == "unlock" && data.Clean(*reason) == "":
		return usageError("year unlock: thiếu --reason (lý do mở khóa, ghi vào nhật ký thay đổi)")
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	st.SetOfficer(who)
	var units, groups int
	err = st.Update(func(tx *store.Tx) error {
		if action == "unlock" {
			return tx.UnlockYear(*year, *reason)
		}
		if err := checkAllFinal(tx, *year, *yes); err != nil {
			return err
		}
		tx.SetReason(*reason)
		if err := tx.LockYear(*year); err != nil {
			return err
		}
		snap, _, err := tx.RankingSnapshot(*year)
		for _, g := range snap.Groups {
			if n := data.Ranked(g.Results); n > 0 {
				units, groups = units+n, groups+1
			}
		}
		return err
	})
	if err != nil {
		return err
	}
	if action == "unlock" {
		fmt.Fprintf(stdout, "Đã mở khóa năm %d (cán bộ: %s; lý do: %s). Kết quả xếp hạng lưu khi khóa đã bỏ; khóa lại năm sẽ lưu kết quả mới.\n", *year, who, data.Clean(*reason))
		return nil
	}
	fmt.Fprintf(stdout, "Đã khóa năm %d (cán bộ: %s): điểm và bộ chỉ số không sửa được nữa; đã lưu kết quả xếp hạng của %d đơn vị trong %d nhóm.\n", *year, who, units, groups)
	return nil
}

// checkAllFinal refuses to lock a year, unless told yes, while some unit
// with a sheet that year is not chốt, naming them: the window asks the
// same question.
func checkAllFinal(tx *store.Tx, year int, yes bool) error {
	if l, err := tx.YearLock(year); err != nil || l.Locked || yes {
		return err
	}
	units, err := tx.NotFinal(year)
	if err != nil || len(units) == 0 {
		return err
	}
	return data.Errorf(data.ECONFLICT, "Năm %d còn %d đơn vị chưa chốt kết quả thẩm định: %s. Không khóa năm; muốn khóa vẫn khóa, thêm --yes.",
		year, len(units), ops.NotFinalText(units))
}
