package cli

import (
	"fmt"
	"io"

	"github.com/pardesk/pardesk/app/ops"
	"github.com/pardesk/pardesk/data/store"
	"github.com/pardesk/pardesk/reports"
)

func runReport(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return usageError("report: thiếu loại báo cáo (ranking, scorecard)")
	}
	kind, args := args[0], args[1:]
	switch kind {
	case "ranking":
		return runRanking(args, stdout)
	case "onestop":
		return runOneStop(args, stdout)
	case "tasks":
		return runTasks(args, stdout)
	case "checklist", "inspection":
		return runVisitReport(kind, args, stdout)
	case "plan":
		return runPlan(args, stdout)
	case "scorecard":
		return runScorecard(args, stdout)
	case "notice":
		return runNotice(args, stdout)
	case "conference":
		return runConference(args, stdout)
	}
	return usageError("report: không có loại báo cáo %q", kind)
}

func runRanking(args []string, stdout io.Writer) error {
	fs := newFlags("report ranking")
	var rf reportFlags
	rf.register(fs, "xep-hang.pdf")
	year := fs.Int("year", 0, "năm đánh giá")
	group := fs.String("group", "", "mã nhóm xếp hạng (mặc định: nhóm đầu tiên)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *year == 0 {
		return usageError("report ranking: thiếu --year")
	}
	when, err := rf.when()
	if err != nil {
		return err
	}
	var in reports.RankingInput
	if err := readData(rf.db, func(tx *store.Tx) error {
		var err error
		in, err = ops.RankingInput(tx, *year, *group)
		return err
	}); err != nil {
		return err
	}
	in.Number, in.Date = rf.number, when
	pdf, err := reports.Ranking(in)
	if err != nil {
		return err
	}
	if err := writeFile(rf.out, pdf); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Đã in báo cáo xếp hạng năm %d (%d đơn vị): %s\n", *year, len(in.Results), rf.out)
	return nil
}
