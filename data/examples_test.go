package data

// Fixtures from the worked examples of the domain guide (shared/DOMAIN.md).

// exampleAFramework is the 7-area framework of Nguyên Bình district, 2022
// (seed 001): max 16, 13, 25, 8, 17, 7, 14 = 100.
func exampleAFramework(year int) *Framework {
	areas := []struct {
		title string
		max   int64
	}{
		{"Công tác chỉ đạo, điều hành", 16},
		{"Cải cách thể chế", 13},
		{"Cải cách thủ tục hành chính", 25},
		{"Cải cách tổ chức bộ máy", 8},
		{"Cải cách chế độ công vụ", 17},
		{"Cải cách tài chính công", 7},
		{"Xây dựng chính quyền điện tử, chính quyền số", 14},
	}
	f := &Framework{Year: year, Title: "Bộ chỉ số CCHC cấp huyện"}
	for i, a := range areas {
		code := itoa(i + 1)
		f.Areas = append(f.Areas, Criterion{Code: code, Title: a.title, Children: []Criterion{
			{Code: code + ".1", Title: a.title + " (tiêu chí chấm điểm)", Max: P(a.max, 0)},
		}})
	}
	return f
}

// sheetOf puts one appraised value on each area's single leaf.
func sheetOf(f *Framework, unit string, pts ...Points) *Sheet {
	s := NewSheet(f.Year, unit)
	for i, p := range pts {
		p := p
		s.Scores[f.Areas[i].Code+".1"] = Score{Appraised: &p}
	}
	return s
}

// exampleAPoints are Nguyên Bình's 2022 area points: 15; 12; 20; 5; 15; 4,9; 9,5.
var exampleAPoints = []Points{P(15, 0), P(12, 0), P(20, 0), P(5, 0), P(15, 0), P(4, 90), P(9, 50)}
