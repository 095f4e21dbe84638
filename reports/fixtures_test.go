package reports

import (
	"fmt"
	"time"

	"github.com/pardesk/pardesk/data"
)

// exampleA is the framework of the domain guide's example A (Nguyên Bình,
// 2022): seven areas, max 16, 13, 25, 8, 17, 7, 14.
func exampleA() *data.Framework {
	titles := []string{
		"Công tác chỉ đạo, điều hành",
		"Cải cách thể chế",
		"Cải cách thủ tục hành chính",
		"Cải cách tổ chức bộ máy",
		"Cải cách chế độ công vụ",
		"Cải cách tài chính công",
		"Xây dựng chính quyền điện tử, chính quyền số",
	}
	maxima := []int64{16, 13, 25, 8, 17, 7, 14}
	f := &data.Framework{Year: 2022, Title: "Bộ chỉ số CCHC cấp xã năm 2022"}
	for i, t := range titles {
		f.Areas = append(f.Areas, data.Criterion{Code: fmt.Sprint(i + 1), Title: t, Max: data.P(maxima[i], 0)})
	}
	if err := f.Validate(); err != nil {
		panic(err)
	}
	return f
}

func pts(p data.Points) *data.Points { return &p }

// sheet builds a unit's sheet with appraised points per area.
func sheet(f *data.Framework, unit string, points ...data.Points) *data.Sheet {
	s := data.NewSheet(f.Year, unit)
	for i, p := range points {
		s.Scores[f.Areas[i].Code] = data.Score{Appraised: pts(p)}
	}
	return s
}

// exampleAPoints are example A's points: 15; 12; 20; 5; 15; 4,9; 9,5 =
// 81,40.
var exampleAPoints = []data.Points{data.P(15, 0), data.P(12, 0), data.P(20, 0), data.P(5, 0), data.P(15, 0), data.P(4, 90), data.P(9, 50)}

// tenUnits ranks ten units with example A's unit ranked 8th, as in the
// seed, with last year's ranks for some of them.
func tenUnits(f *data.Framework) []data.Result {
	type u struct {
		name string
		pts  []data.Points
		prev int
	}
	full := func(lost ...data.Points) []data.Points {
		out := make([]data.Points, len(f.Areas))
		for i := range f.Areas {
			out[i] = f.Areas[i].Max
			if i < len(lost) {
				out[i] -= lost[i]
			}
		}
		return out
	}
	units := []u{
		{"Thị trấn Nguyên Bình", full(data.P(1, 0)), 2},
		{"Xã Thể Dục", full(data.P(1, 0), data.P(1, 50)), 1},
		{"Xã Vũ Nông", full(data.P(2, 0), data.P(2, 0), data.P(1, 0)), 5},
		{"Xã Ca Thành", full(0, 0, data.P(5, 0), data.P(1, 0)), 0},
		{"Xã Phan Thanh", full(data.P(2, 0), data.P(2, 0), data.P(3, 0), data.P(1, 0)), 4},
		{"Xã Hưng Đạo", full(data.P(3, 0), data.P(2, 0), data.P(4, 0), data.P(2, 0)), 6},
		{"Xã Quang Thành", full(data.P(3, 0), data.P(3, 0), data.P(4, 0), data.P(2, 0), data.P(3, 0)), 9},
		{"Xã Thành Công", exampleAPoints, 8},
		{"Xã Mai Long", full(data.P(6, 0), data.P(5, 0), data.P(10, 0), data.P(4, 0), data.P(5, 0)), 7},
		{"Xã Tam Kim", full(data.P(8, 0), data.P(6, 0), data.P(12, 0), data.P(4, 0), data.P(8, 0), data.P(2, 0)), 10},
	}
	var results []data.Result
	for i, x := range units {
		unit := data.Unit{Code: fmt.Sprintf("X%02d", i+1), Name: x.name, GroupID: "xa"}
		r := data.Evaluate(f, unit, sheet(f, unit.Code, x.pts...))
		r.PrevRank = x.prev
		results = append(results, r)
	}
	data.Rank(results)
	return results
}

// manyUnits ranks n units with spread-out points.
func manyUnits(f *data.Framework, n int) []data.Result {
	results := make([]data.Result, 0, n)
	for i := 0; i < n; i++ {
		unit := data.Unit{Code: fmt.Sprintf("U%03d", i+1), Name: fmt.Sprintf("Xã Đơn vị số %d", i+1), GroupID: "xa"}
		p := make([]data.Points, len(f.Areas))
		for j := range f.Areas {
			p[j] = f.Areas[j].Max * data.Points(50+(i*7+j*13)%50) / 100
		}
		r := data.Evaluate(f, unit, sheet(f, unit.Code, p...))
		r.PrevRank = (i*37)%n + 1
		results = append(results, r)
	}
	data.Rank(results)
	return results
}

func nguyenBinh() data.Office {
	return data.Office{
		Superior:    "UBND huyện Nguyên Bình",
		Name:        "Phòng Nội vụ",
		Abbrev:      "PNV",
		Place:       "Nguyên Bình",
		SignerTitle: "TRƯỞNG PHÒNG",
		Signer:      "Nông Văn Thành",
		Recipients:  []string{"- UBND huyện (b/c);", "- Các xã, thị trấn;", "- Lưu: VT, NV."},
	}
}

var fixedTime = time.Date(2023, 6, 9, 8, 0, 0, 0, time.UTC)

func rankingInput(f *data.Framework, results []data.Result) RankingInput {
	return RankingInput{
		Office:    nguyenBinh(),
		Number:    "12",
		Date:      time.Date(2023, 6, 9, 0, 0, 0, 0, time.Local),
		Year:      2022,
		GroupName: "các xã, thị trấn",
		Framework: f,
		Results:   results,
		Created:   fixedTime,
	}
}
