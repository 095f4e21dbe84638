// Package demo builds the demonstration data file a first-time officer
// sees: a provincial Home Affairs department ranking its ten districts on
// the 7-area framework of the domain guide's example A, for 2022 and 2023.
//
// The figures reproduce the worked examples: Nguyên Bình scores exactly
// 15; 12; 20; 5; 15; 4,9; 9,5 = 81,40 % and ranks 8th of 10 in 2022
// (example A); Hòa An goes from 7th (Khá) in 2022 to 3rd (Tốt) in 2023
// (example B's move). Every other figure is generated from a fixed seed, so
// the file is the same on every machine.
package demo

import (
	"math/rand/v2"

	"github.com/pardesk/pardesk/data"
	"github.com/pardesk/pardesk/data/store"
)

// GroupID is the demo's ranking group.
const GroupID = "HUYEN"

// Years the demo scores.
var Years = []int{2022, 2023}

// ExampleAUnit is the code of the unit that carries example A's points.
const ExampleAUnit = "NBI"

// ExampleBUnit is the code of the unit that moves from 7th to 3rd.
const ExampleBUnit = "HAN"

// Office is the demo office.
func Office() data.Office {
	return data.Office{
		Superior:    "UBND TỈNH CAO BẰNG",
		Name:        "SỞ NỘI VỤ",
		Abbrev:      "SNV",
		Place:       "Cao Bằng",
		SignerTitle: "GIÁM ĐỐC",
		Signer:      "Nông Văn Thành",
		Recipients: []string{
			"UBND tỉnh (để báo cáo);",
			"UBND các huyện, thành phố;",
			"Lãnh đạo Sở;",
			"Lưu: VT, CCHC.",
		},
	}
}

type demoUnit struct {
	code, name string
	kind       data.UnitKind
	// index in 2022 and 2023, in hundredths of a point on the 100-point
	// framework.
	total22, total23 int64
}

// units are the ten district-level units, with indexes chosen to give the
// examples' ranks and one shared rank (7th) in 2023.
var units = []demoUnit{
	{"TPCB", "Thành phố Cao Bằng", data.KindDistrict, 9120, 9240},
	{"BLA", "Huyện Bảo Lạc", data.KindDistrict, 7985, 8005},
	{"BLM", "Huyện Bảo Lâm", data.KindDistrict, 8405, 8430},
	{"HLA", "Huyện Hạ Lang", data.KindDistrict, 8510, 8590},
	{"HQU", "Huyện Hà Quảng", data.KindDistrict, 7820, 7940},
	{ExampleBUnit, "Huyện Hòa An", data.KindDistrict, 8290, 9010},
	{ExampleAUnit, "Huyện Nguyên Bình", data.KindDistrict, 8140, 8615},
	{"QHO", "Huyện Quảng Hòa", data.KindDistrict, 8630, 8760},
	{"TAN", "Huyện Thạch An", data.KindDistrict, 8360, 8430},
	{"TKH", "Huyện Trùng Khánh", data.KindDistrict, 8875, 9085},
}

// exampleA are Nguyên Bình's published 2022 area points.
var exampleA = []data.Points{data.P(15, 0), data.P(12, 0), data.P(20, 0), data.P(5, 0), data.P(15, 0), data.P(4, 90), data.P(9, 50)}

// Framework returns the demo framework for a year: example A's seven areas
// (max 16, 13, 25, 8, 17, 7, 14 = 100) with the criteria a district
// framework typically scores under each.
func Framework(year int) *data.Framework {
	leaf := func(code, title string, max int64, hint string) data.Criterion {
		return data.Criterion{Code: code, Title: title, Max: data.P(max, 0), Hint: hint}
	}
	f := &data.Framework{
		Year:  year,
		Title: "Bộ Chỉ số cải cách hành chính cấp huyện",
		Bands: data.DefaultBands(),
		Areas: []data.Criterion{
			{Code: "1", Title: "Công tác chỉ đạo, điều hành", Children: []data.Criterion{
				leaf("1.1", "Kế hoạch cải cách hành chính năm", 3, "Kế hoạch CCHC năm, ban hành trước 31/12 năm trước"),
				leaf("1.2", "Báo cáo cải cách hành chính định kỳ", 2, "Các báo cáo quý, 6 tháng, năm đúng hạn"),
				leaf("1.3", "Kiểm tra công tác cải cách hành chính", 3, "Kế hoạch, biên bản kiểm tra; tỷ lệ đơn vị được kiểm tra"),
				leaf("1.4", "Công tác tuyên truyền cải cách hành chính", 2, "Kế hoạch, tin bài tuyên truyền"),
				leaf("1.5", "Sáng kiến, giải pháp mới trong cải cách hành chính", 3, "Quyết định công nhận sáng kiến"),
				leaf("1.6", "Thực hiện nhiệm vụ được UBND tỉnh giao", 3, "Báo cáo kết quả thực hiện nhiệm vụ"),
			}},
			{Code: "2", Title: "Cải cách thể chế", Children: []data.Criterion{
				leaf("2.1", "Xây dựng, ban hành văn bản quy phạm pháp luật", 4, "Danh mục văn bản ban hành đúng trình tự"),
				leaf("2.2", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", 3, "Báo cáo kết quả rà soát"),
				leaf("2.3", "Kiểm tra, xử lý văn bản quy phạm pháp luật", 3, "Báo cáo kiểm tra văn bản"),
				leaf("2.4", "Theo dõi thi hành pháp luật", 3, "Kế hoạch, báo cáo theo dõi thi hành pháp luật"),
			}},
			{Code: "3", Title: "Cải cách thủ tục hành chính", Children: []data.Criterion{
				leaf("3.1", "Công khai thủ tục hành chính", 5, "Ảnh chụp bảng niêm yết, cổng thông tin"),
				leaf("3.2", "Thực hiện cơ chế một cửa, một cửa liên thông", 6, "Quyết định thành lập Bộ phận một cửa"),
				leaf("3.3", "Giải quyết hồ sơ thủ tục hành chính đúng hạn", 8, "Số liệu Hệ thống thông tin giải quyết TTHC"),
				leaf("3.4", "Tiếp nhận, xử lý phản ánh, kiến nghị", 3, "Sổ theo dõi phản ánh, kiến nghị"),
				leaf("3.5", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", 3, "Tỷ lệ hồ sơ được số hóa"),
			}},
			{Code: "4", Title: "Cải cách tổ chức bộ máy", Children: []data.Criterion{
				leaf("4.1", "Sắp xếp tổ chức bộ máy", 3, "Quyết định sắp xếp, kiện toàn"),
				leaf("4.2", "Quản lý, sử dụng biên chế", 3, "Báo cáo biên chế được giao và thực hiện"),
				leaf("4.3", "Thực hiện phân cấp quản lý", 2, "Báo cáo kết quả phân cấp"),
			}},
			{Code: "5", Title: "Cải cách chế độ công vụ", Children: []data.Criterion{
				leaf("5.1", "Vị trí việc làm và cơ cấu ngạch công chức", 4, "Đề án vị trí việc làm được phê duyệt"),
				leaf("5.2", "Tuyển dụng, sử dụng công chức", 4, "Hồ sơ tuyển dụng, bổ nhiệm"),
				leaf("5.3", "Đào tạo, bồi dưỡng cán bộ, công chức", 3, "Kế hoạch, báo cáo đào tạo"),
				leaf("5.4", "Đánh giá, xếp loại công chức", 3, "Kết quả đánh giá, xếp loại"),
				leaf("5.5", "Kỷ luật, kỷ cương hành chính", 3, "Báo cáo kiểm tra công vụ"),
			}},
			{Code: "6", Title: "Cải cách tài chính công", Children: []data.Criterion{
				leaf("6.1", "Quản lý, sử dụng ngân sách nhà nước", 3, "Báo cáo quyết toán, công khai ngân sách"),
				leaf("6.2", "Quản lý, sử dụng tài sản công", 2, "Báo cáo kê khai tài sản công"),
				leaf("6.3", "Cơ chế tự chủ của đơn vị sự nghiệp công lập", 2, "Quyết định giao quyền tự chủ"),
			}},
			{Code: "7", Title: "Xây dựng chính quyền điện tử, chính quyền số", Children: []data.Criterion{
				leaf("7.1", "Hạ tầng và ứng dụng công nghệ thông tin", 3, "Báo cáo ứng dụng CNTT"),
				leaf("7.2", "Cung cấp dịch vụ công trực tuyến", 4, "Danh mục DVC trực tuyến toàn trình, một phần"),
				leaf("7.3", "Tỷ lệ hồ sơ xử lý trực tuyến", 3, "Số liệu Cổng dịch vụ công"),
				leaf("7.4", "Thanh toán trực tuyến phí, lệ phí", 2, "Số liệu thanh toán trực tuyến"),
				leaf("7.5", "Áp dụng ISO 9001:2015", 2, "Quyết định công bố hệ thống ISO"),
			}},
		},
	}
	if year >= kindsFrom {
		withKinds(f)
	}
	return f
}

// notes explain lost points the way appraisal councils write them.
var notes = []string{
	"Chưa cung cấp đầy đủ tài liệu kiểm chứng",
	"Ban hành chậm so với thời hạn quy định",
	"Tỷ lệ hồ sơ trễ hẹn còn cao",
	"Chưa thực hiện kiểm tra theo kế hoạch",
	"Tỷ lệ hồ sơ trực tuyến toàn trình thấp",
	"Báo cáo gửi chậm",
}

// Write fills the store with the demo data in one transaction.
func Write(st *store.Store) error {
	return st.Update(func(tx *store.Tx) error {
		if err := tx.PutOffice(Office()); err != nil {
			return err
		}
		if err := tx.PutGroup(data.Group{ID: GroupID, Name: "Các huyện, thành phố"}); err != nil {
			return err
		}
		for i, u := range units {
			if err := tx.PutUnit(data.Unit{Code: u.code, Name: u.name, Kind: u.kind, GroupID: GroupID, Order: i + 1}); err != nil {
				return err
			}
		}
		for _, year := range Years {
			f := Framework(year)
			if err := tx.PutFramework(f); err != nil {
				return err
			}
			rng := rand.New(rand.NewPCG(uint64(year), 2026))
			for _, u := range units {
				s := sheetFor(f, u, rng)
				if err := tx.PutSheet(s); err != nil {
					return err
				}
			}
		}
		if err := writeLoop(tx); err != nil {
			return err
		}
		if err := writeTasks(tx); err != nil {
			return err
		}
		if err := writeInspections(tx); err != nil {
			return err
		}
		if err := writeOneStop(tx); err != nil {
			return err
		}
		return nil
	})
}

func sheetFor(f *data.Framework, u demoUnit, rng *rand.Rand) *data.Sheet {
	s := data.NewSheet(f.Year, u.code)
	if u.code == ExampleAUnit && f.Year == 2022 {
		for i := range f.Areas {
			a := &f.Areas[i]
			distribute(s, a.Children, a.LeafMax()-exampleA[i], rng)
		}
		return s
	}
	total := u.total22
	if f.Year == 2023 {
		total = u.total23
	}
	var leaves []data.Criterion
	f.Leaves(func(_, l *data.Criterion) { leaves = append(leaves, *l) })
	distribute(s, leaves, f.Max()-data.Points(total), rng)
	if f.Year >= kindsFrom {
		fitKinds(f, s, u)
	}
	return s
}

// distribute spreads lost points over the leaves so that their appraised
// points add up to exactly sum(max) − loss. Losses go in quarter points
// where they fit; the unit's self score claims a little more than the
// council accepted, as real self-assessments do.
func distribute(s *data.Sheet, leaves []data.Criterion, loss data.Points, rng *rand.Rand) {
	lost := make([]data.Points, len(leaves))
	for loss > 0 {
		i := rng.IntN(len(leaves))
		room := leaves[i].Max - lost[i]
		if room <= 0 {
			continue
		}
		step := min(data.Points(25*(1+rng.IntN(4))), room, loss)
		lost[i] += step
		loss -= step
	}
	for i, l := range leaves {
		appraised := l.Max - lost[i]
		self := min(l.Max, appraised+data.Points(25*rng.IntN(3)))
		sc := data.Score{Self: &self, Appraised: &appraised}
		if lost[i] > 0 && rng.IntN(2) == 0 {
			sc.Note = notes[rng.IntN(len(notes))]
		}
		s.Scores[l.Code] = sc
	}
}
